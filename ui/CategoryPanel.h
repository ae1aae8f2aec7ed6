#pragma once
// The document categories dock: one checkable entry per schema category, each also an action with
// the shortcut Alt+1 … Alt+9 (in schema order), so a document is categorised from the keyboard.

#include <QListWidget>

#include "corpus/Schema.h"

class QAction;

namespace quarry::ui {

class CategoryPanel : public QListWidget {
  Q_OBJECT
 public:
  explicit CategoryPanel(QWidget* parent = nullptr);
  // Rebuilds the entries and actions; the actions are added to `shortcutHost` (the main window) so
  // their shortcuts work wherever the focus is in it.
  void setSchema(const Schema& schema, QWidget* shortcutHost);
  // Checks the entries of `categories` without emitting categoryToggled.
  void setCurrentLabels(const QStringList& categories);
  QStringList currentLabels() const;
  const QList<QAction*>& toggleActions() const { return m_actions; }
  // Read-only: the entries cannot be ticked; the shortcuts still fire, so the owner can say why not.
  void setEditable(bool editable);

 Q_SIGNALS:
  void categoryToggled(const QString& category, bool on);

 private:
  QList<QAction*> m_actions;
  bool m_updating = false;
};

}  // namespace quarry::ui
