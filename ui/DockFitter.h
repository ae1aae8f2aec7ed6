#pragma once
// Sizes the main window's docks to what they show, so that nothing in them is cut at 1280×800 or
// more: the document list as wide as its columns, the label palette and the category list as wide
// and as tall as their entries; the details and the text share what is left. It fits when the window
// is shown, when the document list's rows change, and after fitLater() (a project opened or reloaded). Widths
// only grow (a person's wider layout stays) and no side dock takes more than two fifths of the window.

#include <QObject>
#include <QSize>

class QAbstractItemView;
class QDockWidget;
class QListWidget;
class QMainWindow;
class QTableView;
class QWidget;

namespace quarry::ui {

class DockFitter : public QObject {
  Q_OBJECT
 public:
  // `documents` holds the document list `table`; `palette` holds the palette list; `categories` holds
  // `categoryPanel` (buttons: its size hint is what it needs). All belong to `window`, which owns the
  // fitter.
  DockFitter(QMainWindow* window, QDockWidget* documents, QTableView* table, QDockWidget* palette,
             QListWidget* paletteList, QDockWidget* categories, QWidget* categoryPanel);

  // Fits once the events now queued have run (layouts settled).
  void fitLater();
  void fit();

  // The width `table` needs to show every column whole without scrolling sideways (frame and
  // vertical scroll bar included).
  static int neededWidth(const QTableView* table);
  // The size `list` needs to show every entry whole without scrolling (frame included).
  static QSize neededSize(const QListWidget* list);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QMainWindow* m_window;
  QDockWidget* m_documents;
  QTableView* m_table;
  QDockWidget* m_palette;
  QListWidget* m_paletteList;
  QDockWidget* m_categories;
  QWidget* m_categoryPanel;
  bool m_pending = false;
};

}  // namespace quarry::ui
