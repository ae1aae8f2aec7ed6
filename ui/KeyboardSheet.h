#pragma once
// The keyboard sheet (Help > Keyboard Shortcuts, F1 or ? in the document): every shortcut of the
// window, read from the window's actions and shortcuts themselves when it opens, the document view's
// own keys (AnnotationKeys) and the schema's label hotkeys, so it cannot fall behind the program.

#include <QDialog>
#include <QVector>

#include "corpus/Schema.h"

class QLineEdit;
class QTreeWidget;

namespace quarry::ui {

struct ShortcutRow {
  QString section;      // a menu's title, "Document view", "Labels", …
  QString keys;         // "Ctrl+G", "Left, Right" (native text)
  QString description;  // what it does
};

class KeyboardSheet : public QDialog {
  Q_OBJECT
 public:
  // Menus first (in menu bar order), then actions and shortcuts outside menus, then the document
  // view's keys, then the label hotkeys of `schema`.
  static QVector<ShortcutRow> collect(const QWidget* window, const Schema& schema);

  KeyboardSheet(const QWidget* window, const Schema& schema, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return m_tree; }
  QLineEdit* filterField() const { return m_filter; }
  // Every row as "keys<TAB>description", one a line (what the sheet shows, for tests and copying).
  QString plainText() const;

 private:
  void applyFilter(const QString& text);

  QTreeWidget* m_tree = nullptr;
  QLineEdit* m_filter = nullptr;
};

}  // namespace quarry::ui
