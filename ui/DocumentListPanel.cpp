#include "DocumentListPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "DocumentListModel.h"

namespace quarry::ui {

DocumentListPanel::DocumentListPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new DocumentListModel(this)),
      m_view(new QTableView(this)),
      m_split(new QComboBox(this)),
      m_status(new QComboBox(this)),
      m_annotator(new QComboBox(this)),
      m_type(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_searchDelay(new QTimer(this)) {
  m_split->setObjectName(QStringLiteral("splitFilter"));
  m_status->setObjectName(QStringLiteral("statusFilter"));
  m_annotator->setObjectName(QStringLiteral("annotatorFilter"));
  m_type->setObjectName(QStringLiteral("typeFilter"));
  m_search->setObjectName(QStringLiteral("searchField"));
  m_view->setObjectName(QStringLiteral("documentList"));

  QList<QPair<QString, QString>> splits = {{tr("All splits"), {}}};
  for (Split s : {Split::Train, Split::Dev, Split::Test, Split::Unassigned})
    splits.push_back({DocumentListModel::splitLabel(s), splitName(s)});
  setItems(m_split, splits);
  QList<QPair<QString, QString>> statuses = {{tr("Any status"), {}}};
  for (DocumentStatus s :
       {DocumentStatus::New, DocumentStatus::InProgress, DocumentStatus::Done, DocumentStatus::Reviewed})
    statuses.push_back({DocumentListModel::statusLabel(s), statusName(s)});
  setItems(m_status, statuses);
  setChoices({}, {});
  m_search->setPlaceholderText(tr("Search names and text"));
  m_search->setClearButtonEnabled(true);

  m_view->setModel(m_model);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setStretchLastSection(true);
  // A document that goes "in progress" widens its status: the columns follow their contents.
  for (int c = DocumentListModel::NameColumn; c < DocumentListModel::TeamColumn; ++c)
    m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  m_view->setColumnHidden(DocumentListModel::TeamColumn, true);  // until documents are assigned
  m_view->setWordWrap(false);
  m_view->setAlternatingRowColors(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Split:"), m_split);
  form->addRow(tr("S&tatus:"), m_status);
  form->addRow(tr("&Annotator:"), m_annotator);
  form->addRow(tr("&Has:"), m_type);
  form->addRow(tr("Fin&d:"), m_search);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(form);
  layout->addWidget(m_view, 1);

  // Typing waits a moment so every keystroke does not re-query the store.
  m_searchDelay->setSingleShot(true);
  m_searchDelay->setInterval(250);
  connect(m_searchDelay, &QTimer::timeout, this, &DocumentListPanel::filterChanged);
  connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
  // Return opens the first document found and Down goes into the list, so a search needs no mouse.
  connect(m_search, &QLineEdit::returnPressed, this, [this] { openFromSearch(); });
  m_search->installEventFilter(this);
  for (QComboBox* box : {m_split, m_status, m_annotator, m_type})
    connect(box, qOverload<int>(&QComboBox::activated), this, &DocumentListPanel::filterChanged);
  connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) Q_EMIT documentActivated(m_model->idAt(current.row()));
          });
  m_view->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid()) return;
    auto* menu = new QMenu(tr("Move to &Split"), m_view);
    menu->setObjectName(QStringLiteral("moveToSplitMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    addSplitActions(menu, m_model->idAt(index.row()), m_model->documents().at(index.row()).split);
    menu->popup(m_view->viewport()->mapToGlobal(at));
  });
}

void DocumentListPanel::addSplitActions(QMenu* menu, qint64 documentId, Split current) {
  for (Split s : {Split::Train, Split::Dev, Split::Test, Split::Unassigned}) {
    QAction* a = menu->addAction(DocumentListModel::splitLabel(s), this,
                                 [this, documentId, s] { Q_EMIT moveToSplitRequested(documentId, s); });
    a->setCheckable(true);
    a->setChecked(s == current);
    a->setEnabled(s != current);
  }
}

void DocumentListPanel::setItems(QComboBox* box, const QList<QPair<QString, QString>>& items) {
  const QString kept = box->currentData().toString();
  box->clear();
  for (const auto& [label, data] : items) box->addItem(label, data);
  const int at = box->findData(kept);
  box->setCurrentIndex(at < 0 ? 0 : at);
}

void DocumentListPanel::setChoices(const Schema& schema, const QStringList& annotators) {
  QList<QPair<QString, QString>> people = {{tr("Anyone"), {}}};
  for (const QString& name : annotators) people.push_back({name, name});
  setItems(m_annotator, people);
  QList<QPair<QString, QString>> types = {{tr("Any annotation"), {}}};
  for (const EntityType& t : schema.entityTypes)
    types.push_back({tr("span %1").arg(t.name), QStringLiteral("entity:") + t.name});
  for (const RelationType& t : schema.relationTypes)
    types.push_back({tr("relation %1").arg(t.name), QStringLiteral("relation:") + t.name});
  for (const QaField& f : schema.qaFields)
    types.push_back({tr("answer %1").arg(f.name), QStringLiteral("answer:") + f.name});
  for (const CategoryType& c : schema.categories)
    types.push_back({tr("category %1").arg(c.name), QStringLiteral("label:") + c.name});
  setItems(m_type, types);
}

DocumentListFilter DocumentListPanel::filter() const {
  DocumentListFilter f;
  const QString splitData = m_split->currentData().toString();
  Split split = Split::Unassigned;
  if (!splitData.isEmpty() && parseSplit(splitData, &split)) f.splits = {split};
  const QString statusData = m_status->currentData().toString();
  DocumentStatus status = DocumentStatus::New;
  if (!statusData.isEmpty() && parseStatus(statusData, &status)) f.statuses = {status};
  f.annotator = m_annotator->currentData().toString();
  f.annotationType = m_type->currentData().toString();
  f.search = m_search->text().trimmed();
  return f;
}

void DocumentListPanel::resetFilters() {
  m_searchDelay->stop();
  for (QComboBox* box : {m_split, m_status, m_annotator, m_type}) {
    const QSignalBlocker quiet(box);
    box->setCurrentIndex(0);
  }
  const QSignalBlocker quiet(m_search);
  m_search->clear();
}

void DocumentListPanel::openFromSearch() {
  // A search still waiting for its typing pause runs now.
  if (m_searchDelay->isActive()) {
    m_searchDelay->stop();
    Q_EMIT filterChanged();
  }
  if (m_model->rowCount() == 0) return;
  const QModelIndex current = m_view->currentIndex();
  const int row = current.isValid() ? current.row() : 0;
  m_view->setFocus(Qt::ShortcutFocusReason);
  m_view->setCurrentIndex(m_model->index(row, 0));
  m_view->scrollTo(m_model->index(row, 0));
}

bool DocumentListPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_search && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
      openFromSearch();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

qint64 DocumentListPanel::currentDocument() const {
  const QModelIndex current = m_view->currentIndex();
  return current.isValid() ? m_model->idAt(current.row()) : 0;
}

bool DocumentListPanel::selectDocument(qint64 documentId) {
  const int row = m_model->rowOf(documentId);
  if (row < 0) return false;
  m_view->setCurrentIndex(m_model->index(row, 0));
  m_view->scrollTo(m_model->index(row, 0));
  return true;
}

bool DocumentListPanel::step(int step) {
  const QModelIndex current = m_view->currentIndex();
  const int row = (current.isValid() ? current.row() : -1) + step;
  if (row < 0 || row >= m_model->rowCount()) return false;
  m_view->setCurrentIndex(m_model->index(row, 0));
  m_view->scrollTo(m_model->index(row, 0));
  return true;
}

}  // namespace quarry::ui
