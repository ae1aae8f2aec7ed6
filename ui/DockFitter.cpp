#include "DockFitter.h"

#include <algorithm>

#include <QAbstractItemModel>
#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QListWidget>
#include <QMainWindow>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace quarry::ui {
namespace {

// What a dock adds around its content (title bar, frame) in one direction.
int chrome(const QDockWidget* dock, Qt::Orientation o) {
  const QWidget* w = dock->widget();
  return o == Qt::Horizontal ? dock->width() - w->width() : dock->height() - w->height();
}

// What the content widget adds around `view` (layout margins) in one direction.
int margins(const QDockWidget* dock, const QWidget* view, Qt::Orientation o) {
  const QWidget* w = dock->widget();
  return o == Qt::Horizontal ? w->width() - view->width() : w->height() - view->height();
}

}  // namespace

DockFitter::DockFitter(QMainWindow* window, QDockWidget* documents, QTableView* table, QDockWidget* palette,
                       QListWidget* paletteList, QDockWidget* categories, QWidget* categoryPanel)
    : QObject(window),
      m_window(window),
      m_documents(documents),
      m_table(table),
      m_palette(palette),
      m_paletteList(paletteList),
      m_categories(categories),
      m_categoryPanel(categoryPanel) {
  window->installEventFilter(this);
  // A status or count that grows ("in progress", "12 spans") widens its column.
  connect(table->model(), &QAbstractItemModel::dataChanged, this, &DockFitter::fitLater);
  connect(table->model(), &QAbstractItemModel::modelReset, this, &DockFitter::fitLater);
}

bool DockFitter::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_window && event->type() == QEvent::Show) fitLater();
  return QObject::eventFilter(watched, event);
}

void DockFitter::fitLater() {
  if (m_pending) return;
  m_pending = true;
  QTimer::singleShot(0, this, [this] {
    m_pending = false;
    fit();
  });
}

int DockFitter::neededWidth(const QTableView* table) {
  const QHeaderView* header = table->horizontalHeader();
  const QAbstractItemView* view = table;  // QTableView hides sizeHintForColumn()
  int width = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
  if (!table->verticalHeader()->isHidden()) width += table->verticalHeader()->width();
  for (int c = 0; c < header->count(); ++c)
    if (!header->isSectionHidden(c))
      width += std::max({header->sectionSize(c), header->sectionSizeHint(c), view->sizeHintForColumn(c)});
  // The last section stretches to the viewport: its own size says nothing of what it needs.
  if (header->stretchLastSection() && header->count() > 0) {
    const int last = header->count() - 1;
    width -=
        std::max({header->sectionSize(last), header->sectionSizeHint(last), view->sizeHintForColumn(last)});
    width += std::max(header->sectionSizeHint(last), view->sizeHintForColumn(last));
  }
  return width;
}

QSize DockFitter::neededSize(const QListWidget* list) {
  int height = 2 * list->frameWidth();
  for (int r = 0; r < list->count(); ++r)
    if (!list->item(r)->isHidden()) height += list->sizeHintForRow(r) + 2 * list->spacing();
  return {list->sizeHintForColumn(0) + 2 * list->frameWidth() + 2 * list->spacing(), height};
}

void DockFitter::fit() {
  if (!m_window->isVisible()) return;  // fitted again when shown
  const int most = m_window->width() * 2 / 5;
  QList<QDockWidget*> docks;
  QList<int> widths;
  const int documents = neededWidth(m_table) + margins(m_documents, m_table, Qt::Horizontal) +
                        chrome(m_documents, Qt::Horizontal);
  if (m_documents->isVisible() && !m_documents->isFloating() && m_documents->width() < documents) {
    docks << m_documents;
    widths << std::min(documents, most);
  }
  const QSize palette = neededSize(m_paletteList), categories = m_categoryPanel->sizeHint();
  const int right = std::max(
      palette.width() + margins(m_palette, m_paletteList, Qt::Horizontal) + chrome(m_palette, Qt::Horizontal),
      categories.width() + margins(m_categories, m_categoryPanel, Qt::Horizontal) +
          chrome(m_categories, Qt::Horizontal));
  if (m_palette->isVisible() && !m_palette->isFloating() && m_palette->width() < right) {
    docks << m_palette;
    widths << std::min(right, most);
  }
  if (!docks.isEmpty()) m_window->resizeDocks(docks, widths, Qt::Horizontal);

  // Heights: the two short lists exactly as tall as their entries (up to a third of the window
  // each); the details below take the rest.
  docks.clear();
  QList<int> heights;
  const int third = m_window->height() / 3;
  for (auto [dock, content, size] :
       {std::tuple<QDockWidget*, QWidget*, QSize>{m_palette, m_paletteList, palette},
        std::tuple<QDockWidget*, QWidget*, QSize>{m_categories, m_categoryPanel, categories}}) {
    if (!dock->isVisible() || dock->isFloating()) continue;
    docks << dock;
    heights << std::min(size.height() + margins(dock, content, Qt::Vertical) + chrome(dock, Qt::Vertical),
                        third);
  }
  if (!docks.isEmpty()) m_window->resizeDocks(docks, heights, Qt::Vertical);
}

}  // namespace quarry::ui
