#include "DocumentSession.h"

#include <QSet>
#include <QStringList>
#include <algorithm>

#include "jobs/TrainingAlignment.h"

#include <QUndoStack>

#include "annotation/AnnotationCommands.h"
#include "annotation/AnnotationView.h"

namespace quarry::ui {
namespace {

const Relation* relationOf(const Document& d, const QString& key) {
  for (const Relation& r : d.relations)
    if (r.key == key) return &r;
  return nullptr;
}

const QaAnswer* answerOf(const Document& d, const QString& field) {
  for (const QaAnswer& a : d.answers)
    if (a.field == field) return &a;
  return nullptr;
}

const Document& emptyDocument() {
  static const Document empty;
  return empty;
}

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
  m_annotator = name;
  if (m_sink) m_sink->setAnnotator(name);
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
  if (!sink->reload(error)) return false;
  sink->setFailureHandler([this](const QString& what, const QString& why) {
    Q_EMIT editFailed(tr("%1 failed: %2").arg(what, why));
  });
  m_sink = std::move(sink);
  m_schema = schema;
  m_shown = m_sink->document();
  m_view->setDocument(m_shown, m_schema);
  markMisaligned();
  Q_EMIT documentChanged();
  return true;
}

void DocumentSession::close() {
  m_undo->clear();  // its commands point at the sink
  const bool wasOpen = m_sink != nullptr;
  m_sink.reset();
  m_shown = Document();
  // Nothing of a closed document stays on screen (after New or Open Project it is another project's).
  if (wasOpen) {
    m_view->setDocument(Document(), Schema());
    Q_EMIT documentChanged();
  }
}

bool DocumentSession::refresh(QString* error) {
  if (!m_sink) return true;
  m_undo->clear();
  if (!m_sink->reload(error)) return false;
  if (m_sink->document().text != m_shown.text) {
    m_shown = m_sink->document();
    m_view->setDocument(m_shown, m_schema);
    markMisaligned();
    Q_EMIT documentChanged();
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
  m_shown = m_sink->document();
  m_view->updateDocument(m_shown, m_schema);  // caret and scroll position stay
  markMisaligned();
  Q_EMIT documentChanged();
}

void DocumentSession::push(QUndoCommand* command) {
  // A command whose first redo failed is deleted here, not recorded. The store starts a new document
  // in the edit's own transaction; the sink's reload after the edit brings the status along.
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
  if (Status s = m_store->setDocumentStatus(m_sink->documentId(), status, m_annotator); !s) {
    if (error) *error = QString::fromStdString(s.error().toString());
    return false;
  }
  m_sink->reload(error);
  m_shown.status = m_sink->document().status;
  Q_EMIT documentChanged();
  return true;
}

void DocumentSession::syncView() {
  if (!m_sink) return;
  const Document& now = m_sink->document();
  for (const Relation& r : m_shown.relations) {
    const Relation* still = relationOf(now, r.key);
    if (!still || !still->sameAnnotation(r)) m_view->applyRelationRemoved(r.key);
  }
  for (const EntitySpan& e : m_shown.entities)
    if (!now.entity(e.key)) m_view->applyEntityRemoved(e.key);
  for (const EntitySpan& e : now.entities) {
    const EntitySpan* was = m_shown.entity(e.key);
    if (!was)
      m_view->applyEntityAdded(e);
    else if (was->type != e.type || !(was->fragments == e.fragments))
      m_view->applyEntityChanged(e);
  }
  for (const Relation& r : now.relations) {
    const Relation* was = relationOf(m_shown, r.key);
    if (!was || !was->sameAnnotation(r)) m_view->applyRelationAdded(r);
  }
  for (const QaAnswer& a : m_shown.answers)
    if (!answerOf(now, a.field)) m_view->applyAnswerCleared(a.field);
  for (const QaAnswer& a : now.answers) {
    const QaAnswer* was = answerOf(m_shown, a.field);
    if (!was || !was->sameAnnotation(a)) m_view->applyAnswerSet(a);
  }
  m_shown = now;
  markMisaligned();
  Q_EMIT documentChanged();
}

void DocumentSession::markMisaligned() {
  const QHash<QString, QString> reasons = jobs::misalignedEntities(m_shown);
  QSet<QString> keys;
  QStringList lines;
  for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
    keys.insert(it.key());
    lines << it.key() + QStringLiteral(": ") + it.value();
  }
  lines.sort();
  m_view->setMisalignedSpans(
      keys, tr("Not on word boundaries: at training time the model learns the nearest whole words instead.") +
                (lines.isEmpty() ? QString() : QStringLiteral("\n") + lines.join(QLatin1Char('\n'))));
}

}  // namespace quarry::ui
