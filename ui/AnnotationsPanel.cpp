#include "AnnotationsPanel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "DocumentSession.h"
#include "annotation/AnnotationView.h"

namespace quarry::ui {

AnnotationsPanel::AnnotationsPanel(DocumentSession* session, AnnotationView* view, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_view(view),
      m_model(new AnnotationListModel(this)),
      m_sorted(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_count(new QLabel(this)) {
  setObjectName(QStringLiteral("annotationsPanel"));
  m_table->setObjectName(QStringLiteral("annotationsTable"));
  m_sorted->setSourceModel(m_model);
  m_sorted->setSortRole(AnnotationListModel::SortRole);
  m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
  m_table->setModel(m_sorted);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(AnnotationListModel::StartColumn, Qt::AscendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setWordWrap(false);
  m_table->setAlternatingRowColors(true);
  m_table->verticalHeader()->hide();
  // The text takes the room the other columns leave.
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(AnnotationListModel::TextColumn, QHeaderView::Stretch);
  m_table->horizontalHeader()->setStretchLastSection(false);
  m_table->installEventFilter(this);
  m_table->setToolTip(
      tr("Click or arrows: show in the text · Enter: go to the text · Delete: remove (Ctrl+Z undoes)"));
  m_count->setObjectName(QStringLiteral("annotationsCount"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(m_table, 1);
  layout->addWidget(m_count);

  connect(m_session, &DocumentSession::documentChanged, this, &AnnotationsPanel::reload);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!m_reloading && current.isValid()) showItem(current, false);
          });
  connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) { showItem(index, true); });
  // The row follows the span made current in the view (Tab, a click), without moving the view.
  connect(m_view, &AnnotationView::currentSpanChanged, this, [this](const QString& key) {
    if (key.isEmpty()) return;
    m_reloading = true;
    selectItem(Kind::Entity, key);
    m_reloading = false;
  });
  reload(DocumentChange::all());
}

const AnnotationListModel::Item& AnnotationsPanel::itemAt(int row) const {
  return m_model->item(m_sorted->mapToSource(m_sorted->index(row, 0)).row());
}

void AnnotationsPanel::reload(const DocumentChange& change) {
  // Keep the current item (by kind and key) current across the reload, else the row it stood on.
  const QModelIndex current = m_table->currentIndex();
  Kind kind = Kind::None;
  QString key;
  if (current.isValid()) {
    const AnnotationListModel::Item& was = itemAt(current.row());
    kind = was.kind;
    key = was.key;
  }
  m_reloading = true;
  m_model->applyChange(m_session->document(), change);
  int row = -1;
  if (const int source = m_model->rowOf(kind, key); source >= 0)
    row = m_sorted->mapFromSource(m_model->index(source, 0)).row();
  else if (current.isValid() && m_sorted->rowCount() > 0)
    row = std::min(current.row(), m_sorted->rowCount() - 1);
  if (row >= 0) m_table->setCurrentIndex(m_sorted->index(row, current.isValid() ? current.column() : 0));
  m_reloading = false;
  const Document& d = m_session->document();
  m_count->setText(tr("%n span(s)", nullptr, int(d.entities.size())) + QStringLiteral(" · ") +
                   tr("%n relation(s)", nullptr, int(d.relations.size())) + QStringLiteral(" · ") +
                   tr("%n answer(s)", nullptr, int(d.answers.size())));
}

bool AnnotationsPanel::selectItem(Kind kind, const QString& key) {
  const int source = m_model->rowOf(kind, key);
  if (source < 0) return false;
  m_table->setCurrentIndex(m_sorted->mapFromSource(m_model->index(source, 0)));
  return true;
}

void AnnotationsPanel::showItem(const QModelIndex& index, bool focusView) {
  const AnnotationListModel::Item& item = itemAt(index.row());
  m_table->scrollTo(index);
  switch (item.kind) {
    case Kind::Entity:
      m_view->setCurrentSpan(item.key);
      break;
    case Kind::Relation:
      m_view->setCurrentRelation(item.key);
      break;
    case Kind::Answer:
      m_view->showAnswer(item.key);
      break;
    case Kind::None:
      break;
  }
  if (focusView) m_view->setFocus();
}

void AnnotationsPanel::removeCurrent() {
  const QModelIndex current = m_table->currentIndex();
  if (!current.isValid()) return;
  if (m_view->isReadOnly()) {
    Q_EMIT statusMessage(tr("This window is read-only: nothing can be removed."));
    return;
  }
  const AnnotationListModel::Item item = itemAt(current.row());
  switch (item.kind) {
    case Kind::Entity:
      m_session->removeEntity(item.key);
      break;
    case Kind::Relation:
      m_session->removeRelation(item.key);
      break;
    case Kind::Answer:
      m_session->clearAnswer(item.key);
      break;
    case Kind::None:
      break;
  }
}

bool AnnotationsPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_table && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
        key->modifiers() == Qt::NoModifier) {
      removeCurrent();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace quarry::ui
