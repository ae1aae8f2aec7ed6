#pragma once
// The question asked when a project is already open for editing elsewhere (ProjectLock held): open it
// read-only, or cancel. Tests (and scripted runs) pre-answer it with prepareAnswer(), so it never blocks.

#include <optional>

#include <QMessageBox>

namespace quarry::ui {

class LockConflictDialog : public QMessageBox {
  Q_OBJECT
 public:
  enum class Choice { OpenReadOnly, Cancel };

  // `holder`: who holds the lock, in words (ProjectLock::holder()); may be empty.
  LockConflictDialog(const QString& projectPath, const QString& holder, QWidget* parent = nullptr);
  QAbstractButton* readOnlyButton() const { return m_readOnly; }

  // Asks (or returns the prepared answer, once).
  static Choice ask(QWidget* parent, const QString& projectPath, const QString& holder);
  // The answer the next ask() returns without showing anything; nullopt asks again.
  static void prepareAnswer(std::optional<Choice> answer);

 private:
  QAbstractButton* m_readOnly;
};

}  // namespace quarry::ui
