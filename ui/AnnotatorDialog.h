#pragma once
// Asks who is annotating: a name for every project, or (with "only in this project") for the open
// project alone. Shown at first start (no name yet) and from File > Annotator Name…; accept() keeps
// the answer in AnnotatorSettings.

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace quarry::ui {

class AnnotatorDialog : public QDialog {
  Q_OBJECT
 public:
  // `projectPath`: the open project (empty: none, and the per-project choice is not offered).
  explicit AnnotatorDialog(const QString& projectPath, QWidget* parent = nullptr);

  QLineEdit* nameEdit() const { return m_name; }
  QCheckBox* projectOnlyBox() const { return m_projectOnly; }
  QString name() const;

 public Q_SLOTS:
  void accept() override;

 private:
  QString m_projectPath;
  QLineEdit* m_name;
  QCheckBox* m_projectOnly;
  QPushButton* m_ok = nullptr;
};

}  // namespace quarry::ui
