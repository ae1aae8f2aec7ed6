#include "DocumentSession.h"

#include <QHash>
#include <QStringList>
#include <QUndoStack>
#include <algorithm>

#include "annotation/AnnotationCommands.h"
#include "annotation/AnnotationView.h"

namespace quarry::ui {
namespace {

const Document& emptyDocument() {
  static const Document empty;
  return empty;
}

// The items of `list` whose key is in `keys`, in list order.
template <typename T, typename Key>
QVector<const T*> itemsOf(const QVector<T>& list, const QSet<QString>& keys, Key key) {
  QVector<const T*> out;
  for (qsizetype i : positionsOf(list, keys, key)) out.push_back(&list[i]);
  return out;
}

// The same by key, copied.
template <typename T, typename Key>
QHash<QString, T> byKey(const QVector<T>& list, const QSet<QString>& keys, Key key) {
  QHash<QString, T> out;
  for (const T* x : itemsOf(list, keys, key)) out.insert(key(*x), *x);
  return out;
}

const QString& entityKey(const EntitySpan& e) { return e.key; }
const QString& relationKey(const Relation& r) { return r.key; }
const QString& answerField(const QaAnswer& a) { return a.field; }

}  // namespace

DocumentSession::DocumentSession(ProjectStore* store, QUndoStack* undo, AnnotationView* view, QObject* parent)
    : QObject(parent), m_store(store), m_undo(undo), m_view(view) {
  connectView();
  connect(m_undo, &QUndoStack::indexChanged, this, [this] { syncView(); });
}

DocumentSession::~DocumentSession() { m_undo->clear(); }

void DocumentSession::setStore(ProjectStore* store) {
  close();
  m_store = store;
}

void DocumentSession::setAnnotator(const QString& name) {
  const bool layerChanges = m_ownLayerOnly && name != m_annotator;
  m_annotator = name;
  if (!m_sink) return;
  m_sink->setAnnotator(name);
  if (layerChanges) {
    m_sink->setLayer(name);
    refresh(nullptr);
  }
}

void DocumentSession::setOwnLayerOnly(bool on) {
  if (on == m_ownLayerOnly) return;
  m_ownLayerOnly = on;
  if (!m_sink) return;
  m_sink->setLayer(on ? m_annotator : QString());
  refresh(nullptr);
}

const Document& DocumentSession::document() const { return m_sink ? m_sink->document() : emptyDocument(); }

void DocumentSession::connectView() {
  connect(m_view, &AnnotationView::entityRequested, this,
          [this](const QString& type, const QVector<Fragment>& fragments) {
            if (!m_sink) return;
            EntitySpan e;
            e.key = m_sink->nextKey(QStringLiteral("T"));
            e.type = type;
            e.fragments = fragments;
            push(new AddEntityCommand(m_sink.get(), e));
          });
  connect(m_view, &AnnotationView::entityRemovalRequested, this, &DocumentSession::removeEntity);
  connect(m_view, &AnnotationView::entityTypeChangeRequested, this,
          [this](const QString& key, const QString& type) {
            if (m_sink) push(new ChangeEntityTypeCommand(m_sink.get(), key, type));
          });
  connect(m_view, &AnnotationView::relationRequested, this,
          [this](const QString& type, const QString& head, const QString& tail) {
            addRelation(type, head, tail);
          });
  connect(m_view, &AnnotationView::relationRemovalRequested, this, &DocumentSession::removeRelation);
  connect(m_view, &AnnotationView::answerRequested, this, [this](const QString& field, int start, int end) {
    if (!m_sink) return;
    QaAnswer a;
    a.field = field;
    a.start = start;
    a.end = end;
    setAnswer(a);
  });
}

bool DocumentSession::open(qint64 documentId, const Schema& schema, QString* error) {
  close();
  auto sink = std::make_unique<StoreAnnotationSink>(m_store, documentId, m_annotator);
  if (m_ownLayerOnly) sink->setLayer(m_annotator);
  if (!sink->reload(error)) return false;
  sink->setFailureHandler([this](const QString& what, const QString& why) {
    Q_EMIT editFailed(tr("%1 failed: %2").arg(what, why));
  });
  m_sink = std::move(sink);
  m_schema = schema;
  m_sink->takeChange();
  showDocument(false);
  return true;
}

void DocumentSession::close() {
  m_undo->clear();  // its commands point at the sink
  const bool wasOpen = m_sink != nullptr;
  m_sink.reset();
  m_misaligned.reset(Document());
  // Nothing of a closed document stays on screen (after New or Open Project it is another project's).
  if (wasOpen) {
    m_view->setDocument(Document(), Schema());
    Q_EMIT documentChanged(DocumentChange::all());
  }
}

bool DocumentSession::refresh(QString* error) {
  if (!m_sink) return true;
  m_undo->clear();
  if (!m_sink->reload(error)) return false;
  if (m_sink->document().text != m_view->document().text) {
    m_sink->takeChange();
    showDocument(false);
  } else {
    syncView();
  }
  return true;
}

void DocumentSession::setSchema(const Schema& schema) {
  m_schema = schema;
  if (!m_sink) return;
  QString ignored;
  m_undo->clear();
  m_sink->reload(&ignored);
  m_sink->takeChange();
  showDocument(true);
}

void DocumentSession::showDocument(bool keepPosition) {
  const Document& d = m_sink->document();
  if (keepPosition)
    m_view->updateDocument(d, m_schema);  // caret and scroll position stay
  else
    m_view->setDocument(d, m_schema);
  m_misaligned.reset(d);
  showMisaligned();
  Q_EMIT documentChanged(DocumentChange::all());
}

void DocumentSession::push(QUndoCommand* command) {
  // The stack's indexChanged syncs the view; a command whose first redo failed is deleted here, not
  // recorded, and the index stays, so what its failure re-read is synced here.
  m_undo->push(command);
  syncView();
}

void DocumentSession::labelSelection(const QString& type) {
  if (!m_sink) return;
  const QPair<int, int> sel = m_view->selection();
  EntitySpan e;
  e.key = m_sink->nextKey(QStringLiteral("T"));
  e.type = type;
  e.fragments = {Fragment{sel.first, sel.second}};
  m_view->setSelection(sel.second, sel.second);
  push(new AddEntityCommand(m_sink.get(), e));
}

int DocumentSession::labelRanges(const QString& type, const QVector<QPair<int, int>>& ranges, Origin origin) {
  if (!m_sink) return 0;
  QVector<QPair<int, int>> todo;
  for (const auto& r : ranges) {
    const bool labelled = std::any_of(
        m_sink->document().entities.cbegin(), m_sink->document().entities.cend(), [&](const EntitySpan& e) {
          return e.type == type && !e.isDiscontinuous() && e.start() == r.first && e.end() == r.second;
        });
    if (!labelled && r.first < r.second) todo.push_back(r);
  }
  if (todo.isEmpty()) return 0;
  const int before = int(m_sink->document().entities.size());
  // One macro: a single undo removes every span it added.
  m_undo->beginMacro(tr("Label %n match(es) as %1", nullptr, int(todo.size())).arg(type));
  for (const auto& [start, end] : std::as_const(todo)) {
    EntitySpan e;
    e.key = m_sink->nextKey(QStringLiteral("T"));
    e.type = type;
    e.fragments = {Fragment{start, end}};
    e.provenance.origin = origin;
    m_undo->push(new AddEntityCommand(m_sink.get(), e));
  }
  m_undo->endMacro();
  syncView();
  return int(m_sink->document().entities.size()) - before;
}

void DocumentSession::setCategory(const QString& category, bool on, Origin origin) {
  if (m_sink) push(new SetLabelCommand(m_sink.get(), category, on, origin));
}

QString DocumentSession::addRelation(const QString& type, const QString& head, const QString& tail,
                                     Origin origin) {
  if (!m_sink) return {};
  Relation r;
  r.key = m_sink->nextKey(QStringLiteral("R"));
  r.type = type;
  r.head = head;
  r.tail = tail;
  r.provenance.origin = origin;
  push(new AddRelationCommand(m_sink.get(), r));
  return m_sink->relation(r.key) ? r.key : QString();
}

void DocumentSession::removeEntity(const QString& key) {
  if (m_sink) push(new RemoveEntityCommand(m_sink.get(), key));
}

void DocumentSession::changeEntityType(const QString& key, const QString& type) {
  if (m_sink) push(new ChangeEntityTypeCommand(m_sink.get(), key, type));
}

void DocumentSession::removeRelation(const QString& key) {
  if (m_sink) push(new RemoveRelationCommand(m_sink.get(), key));
}

void DocumentSession::setAnswer(const QaAnswer& answer) {
  if (m_sink) push(new SetAnswerCommand(m_sink.get(), answer));
}

void DocumentSession::clearAnswer(const QString& field) {
  if (m_sink) push(new ClearAnswerCommand(m_sink.get(), field));
}

bool DocumentSession::setStatus(DocumentStatus status, QString* error) {
  if (!m_sink) return false;
  if (!m_sink->setStatus(status, error)) return false;
  syncView();
  return true;
}

void DocumentSession::syncView() {
  if (!m_sink) return;
  DocumentChange change = m_sink->takeChange();
  if (change.isEmpty()) return;
  const Document& now = m_sink->document();
  if (change.everything) {
    // Re-read: anything may differ, so everything is compared.
    for (const Document* d : {&m_view->document(), &now}) {
      for (const EntitySpan& e : d->entities) change.entities.insert(e.key);
      for (const Relation& r : d->relations) change.relations.insert(r.key);
      for (const QaAnswer& a : d->answers) change.answers.insert(a.field);
    }
  }
  const QVector<QPair<int, int>> ranges = applyToView(change);
  if (change.everything) {
    m_misaligned.reset(now);
    showMisaligned();
  } else if (!change.entities.isEmpty() &&
             m_misaligned.update(now, QVector<QString>(change.entities.cbegin(), change.entities.cend()),
                                 ranges)) {
    showMisaligned();
  }
  Q_EMIT documentChanged(change);
}

QVector<QPair<int, int>> DocumentSession::applyToView(const DocumentChange& change) {
  // What the view shows of the changed items (copied: the view changes below), and what the sink holds.
  const Document& shown = m_view->document();
  const QHash<QString, EntitySpan> was = byKey(shown.entities, change.entities, entityKey);
  const QHash<QString, Relation> wasRelated = byKey(shown.relations, change.relations, relationKey);
  const QHash<QString, QaAnswer> wasAnswered = byKey(shown.answers, change.answers, answerField);
  const Document& now = m_sink->document();
  const QVector<const EntitySpan*> is = itemsOf(now.entities, change.entities, entityKey);
  const QVector<const Relation*> isRelated = itemsOf(now.relations, change.relations, relationKey);
  const QVector<const QaAnswer*> isAnswered = itemsOf(now.answers, change.answers, answerField);
  QSet<QString> kept;  // relations drawn as they are, spans and fields still there
  for (const Relation* r : isRelated)
    if (const auto before = wasRelated.constFind(r->key);
        before != wasRelated.cend() && before->sameAnnotation(*r))
      kept.insert(r->key);
  for (auto r = wasRelated.cbegin(); r != wasRelated.cend(); ++r)
    if (!kept.contains(r.key())) m_view->applyRelationRemoved(r.key());
  kept.clear();
  for (const EntitySpan* e : is) kept.insert(e->key);
  QVector<QPair<int, int>> ranges;
  for (auto e = was.cbegin(); e != was.cend(); ++e) {
    ranges.push_back({e->start(), e->end()});
    if (!kept.contains(e.key())) m_view->applyEntityRemoved(e.key());
  }
  // In document order, so the last one added becomes the current span.
  for (const EntitySpan* e : is) {
    ranges.push_back({e->start(), e->end()});
    const auto before = was.constFind(e->key);
    if (before == was.cend())
      m_view->applyEntityAdded(*e);
    else if (before->type != e->type || !(before->fragments == e->fragments))
      m_view->applyEntityChanged(*e);
  }
  for (const Relation* r : isRelated) {
    const auto before = wasRelated.constFind(r->key);
    if (before == wasRelated.cend() || !before->sameAnnotation(*r)) m_view->applyRelationAdded(*r);
  }
  kept.clear();
  for (const QaAnswer* a : isAnswered) kept.insert(a->field);
  for (auto a = wasAnswered.cbegin(); a != wasAnswered.cend(); ++a)
    if (!kept.contains(a.key())) m_view->applyAnswerCleared(a.key());
  for (const QaAnswer* a : isAnswered) {
    const auto before = wasAnswered.constFind(a->field);
    if (before == wasAnswered.cend() || !before->sameAnnotation(*a)) m_view->applyAnswerSet(*a);
  }
  return ranges;
}

void DocumentSession::showMisaligned() {
  const QString lines = m_misaligned.listing();
  m_view->setMisalignedSpans(
      m_misaligned.keys(),
      tr("Not on word boundaries: at training time the model learns the nearest whole words instead.") +
          (lines.isEmpty() ? QString() : QStringLiteral("\n") + lines));
}

bool DocumentSession::undone() const { return m_undo && m_undo->canRedo(); }

}  // namespace quarry::ui
