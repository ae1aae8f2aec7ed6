#include "training/SuggestionController.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include "DocumentSession.h"
#include "StoreAnnotationSink.h"
#include "annotation/AnnotationView.h"
#include "jobs/GazetteerSuggestions.h"
#include "jobs/RunComparison.h"
#include "store/ProjectStore.h"
#include "training/SuggestionReader.h"

namespace quarry::ui {
namespace {

const char* kThresholdKey = "suggestions/threshold";
const QString kAccepted = QStringLiteral("accepted");
const QString kRejected = QStringLiteral("rejected");

// The tasks Suggest predicts for, in order, that `schema` has something to annotate for.
QStringList tasksOf(const Schema& schema) {
  QStringList tasks;
  if (!schema.entityTypes.isEmpty()) tasks << QStringLiteral("ner");
  if (!schema.relationTypes.isEmpty()) tasks << QStringLiteral("relation");
  if (!schema.qaFields.isEmpty()) tasks << QStringLiteral("qa");
  if (!schema.categories.isEmpty()) tasks << QStringLiteral("classify");
  return tasks;
}

// The row id of annotation `i` of `ids`; 0 = none (the edit was refused).
qint64 rowId(const QVector<qint64>& ids, int i) { return i >= 0 ? ids.value(i) : 0; }

template <typename T, typename Match>
int indexOf(const QVector<T>& list, Match match) {
  const auto it = std::find_if(list.cbegin(), list.cend(), match);
  return it == list.cend() ? -1 : int(it - list.cbegin());
}

}  // namespace

SuggestionController::SuggestionController(QWidget* window, DocumentSession* session, AnnotationView* view,
                                           QObject* parent)
    : QObject(parent), m_window(window), m_session(session), m_view(view) {
  m_suggest = new QAction(tr("&Suggest with the Latest Models"), this);
  m_suggest->setObjectName(QStringLiteral("suggestAction"));
  m_suggest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  m_suggest->setToolTip(
      tr("Predict the unassigned documents with the newest model of each task: entities, "
         "relations, answers and categories; A accepts, X rejects"));
  m_thresholdAction = new QAction(tr("Suggestion &Threshold…"), this);
  connect(m_suggest, &QAction::triggered, this, &SuggestionController::suggest);
  connect(m_thresholdAction, &QAction::triggered, this, [this] {
    bool ok = false;
    const double value = QInputDialog::getDouble(
        m_window, tr("Suggestion Threshold"),
        tr("Shift+A accepts every suggestion at or above this confidence:"), threshold(), 0, 1, 2, &ok);
    if (ok) setThreshold(value);
  });
  connect(m_view, &AnnotationView::suggestionAcceptRequested, this, &SuggestionController::accept);
  connect(m_view, &AnnotationView::suggestionRejectRequested, this, &SuggestionController::reject);
  connect(m_view, &AnnotationView::acceptAllSuggestionsRequested, this, &SuggestionController::acceptAll);
  updateActions();
}

SuggestionController::~SuggestionController() { stopJobs(); }

void SuggestionController::stopJobs() {
  m_queue.clear();
  if (m_job) {
    m_job->disconnect(this);
    m_job->cancel();
  }
  m_job.reset();
}

void SuggestionController::setProject(const QString& path, ProjectStore* store, bool readOnly) {
  stopJobs();
  m_projectPath = path;
  m_store = store;
  m_readOnly = readOnly;
  updateActions();
}

double SuggestionController::threshold() const {
  return QSettings().value(QLatin1String(kThresholdKey), 0.8).toDouble();
}

void SuggestionController::setThreshold(double threshold) {
  QSettings().setValue(QLatin1String(kThresholdKey), std::clamp(threshold, 0.0, 1.0));
}

QString SuggestionController::latestModel(const QString& task) const {
  if (!m_store) return {};
  auto runs = m_store->listRuns();
  if (!runs) return {};
  // A prediction run records its model folder too.
  for (auto run = runs->crbegin(); run != runs->crend(); ++run)
    if (run->task == task && run->status == RunStatus::Finished && jobs::isTrainingRun(*run) &&
        QFileInfo::exists(run->checkpointPath))
      return run->checkpointPath;
  return {};
}

bool SuggestionController::suggest() {
  if (!m_store || m_readOnly || isPredicting()) return false;
  auto schema = m_store->schema();
  QStringList models;
  bool gazetteer = true;
  for (const QString& task : tasksOf(schema ? schema.value() : Schema())) {
    const QString model = latestModel(task);
    if (!model.isEmpty()) models << model;
    if (!model.isEmpty() && task == QLatin1String("ner")) gazetteer = false;
  }
  if (gazetteer && !suggestFromGazetteer() && models.isEmpty()) return false;
  m_queue = models;
  startNext();
  return true;
}

bool SuggestionController::suggestWith(const QString& modelFolder) {
  if (!m_store || m_readOnly || modelFolder.isEmpty()) return false;
  if (!m_queue.contains(modelFolder)) m_queue << modelFolder;
  if (!(m_job && m_job->isRunning())) startNext();
  return true;
}

bool SuggestionController::suggestFromGazetteer() {
  // Cold start: the spans labelled so far and the guideline examples propose what they repeat.
  auto gazetteer = jobs::suggestFromGazetteer(*m_store);
  if (!gazetteer) {
    QMessageBox::warning(m_window, tr("No Suggestions"),
                         QString::fromStdString(gazetteer.error().toString()));
    return false;
  }
  Q_EMIT message(tr("No NER model yet: run %1 suggests %2 spans in %3 documents that repeat %4 labelled "
                    "surfaces.")
                     .arg(gazetteer->runId)
                     .arg(gazetteer->spans)
                     .arg(gazetteer->documents)
                     .arg(gazetteer->surfaces));
  reload();
  jobs::PredictionOutcome outcome;
  outcome.runId = gazetteer->runId;
  outcome.status = RunStatus::Finished;
  outcome.task = QStringLiteral("ner");
  Q_EMIT predictionFinished(outcome);
  return true;
}

void SuggestionController::startNext() {
  if (m_queue.isEmpty() || !m_store) {
    updateActions();
    return;
  }
  const QString model = m_queue.takeFirst();
  jobs::PredictionSpec spec;
  spec.modelFolder = model;
  spec.projectPath = m_projectPath;
  spec.splits = {Split::Unassigned};
  spec.runName = tr("Suggestions");
  m_job = std::make_unique<jobs::PredictionJob>(spec);
  connect(m_job.get(), &jobs::PredictionJob::finished, this, &SuggestionController::finished);
  m_job->start();
  updateActions();
  Q_EMIT message(tr("Predicting the unassigned documents with %1…").arg(model));
}

void SuggestionController::finished(const jobs::PredictionOutcome& outcome) {
  if (outcome.status == RunStatus::Failed)
    Q_EMIT message(tr("Suggestions failed: %1").arg(outcome.errorText()));
  else
    Q_EMIT message(tr("Run %1 (%2): %3 suggestions in %4 documents.")
                       .arg(outcome.runId)
                       .arg(outcome.task)
                       .arg(outcome.counts.predictions)
                       .arg(outcome.counts.documents));
  reload();
  // The next job starts once this one's signal has returned: the job is replaced then.
  if (!m_queue.isEmpty())
    QMetaObject::invokeMethod(this, &SuggestionController::startNext, Qt::QueuedConnection);
  updateActions();
  Q_EMIT predictionFinished(outcome);
}

void SuggestionController::reload() {
  m_rows.clear();
  m_rowsDocument = 0;
  if (m_store && m_session->isOpen()) {
    m_rows = readSuggestionRows(*m_store, m_session->documentId());
    m_rowsDocument = m_session->documentId();
  }
  showRows();
}

void SuggestionController::documentChanged(const DocumentChange& change) {
  if (change.everything || m_rowsDocument != m_session->documentId()) return reload();
  reopenUndoneAccepts();
  // The rows read last stay what the store holds: an edit only changes which of them an annotation says.
  SuggestionParts parts;
  parts.spansAndRelations = !change.entities.isEmpty() || !change.relations.isEmpty();
  parts.answers = !change.answers.isEmpty() || !change.entities.isEmpty();  // a field may name an entity type
  parts.categories = change.labels;
  if (parts.spansAndRelations || parts.answers || parts.categories) showRows(parts);
}

void SuggestionController::reopenUndoneAccepts() {
  if (!m_store || m_readOnly || !m_session->undone()) return;
  const StoredDocument& stored = m_session->sink()->stored();
  bool reopened = false;
  for (Prediction& row : m_rows) {
    if (row.decision != kAccepted || row.annotationId <= 0) continue;
    const QVector<qint64>* ids = row.kind == QLatin1String("entity")     ? &stored.entityIds
                                 : row.kind == QLatin1String("relation") ? &stored.relationIds
                                 : row.kind == QLatin1String("answer")   ? &stored.answerIds
                                 : row.kind == QLatin1String("label")    ? &stored.labelIds
                                                                         : nullptr;
    if (!ids || ids->contains(row.annotationId)) continue;
    // The acceptance was undone: the suggestion is open again, as it was before.
    if (Status st = m_store->decidePrediction(row.id, QString(), QString(), 0); !st) {
      Q_EMIT message(QString::fromStdString(st.error().toString()));
      continue;
    }
    row.decision.clear();
    row.decidedBy.clear();
    row.decidedAt = QDateTime();
    row.annotationId = 0;
    reopened = true;
  }
  if (reopened) {
    showRows();
    Q_EMIT decided();
  }
}

void SuggestionController::showRows(SuggestionParts parts) {
  const bool current = m_session->isOpen() && m_rowsDocument == m_session->documentId();
  m_shown = current ? suggestionsFrom(m_rows, m_session->sink()->document(), m_session->schema(), parts, m_shown)
                    : DocumentSuggestions();
  if (parts.spansAndRelations || !current) {
    const int count = int(m_shown.spans.size() + m_shown.relations.size());
    const int at = m_view->currentSuggestion();
    m_view->setSuggestions(m_shown.spans, m_shown.relations, count == 0 ? -1 : std::clamp(at, 0, count - 1));
  }
  // The docks rebuild their rows: only when what they show changed.
  if (!(m_shown.answers == m_answers)) {
    m_answers = m_shown.answers;
    Q_EMIT answersChanged(m_answers);
  }
  if (!(m_shown.categories == m_categories)) {
    m_categories = m_shown.categories;
    Q_EMIT categoriesChanged(m_categories);
  }
}

bool SuggestionController::canDecide() const { return m_store && !m_readOnly && m_session->isOpen(); }

bool SuggestionController::record(qint64 id, const QString& decision, qint64 annotationId) {
  if (Status st = m_store->decidePrediction(id, decision, m_annotator, annotationId); !st) {
    Q_EMIT message(QString::fromStdString(st.error().toString()));
    return false;
  }
  // The rows read stay the store's but for this decision: noted here rather than read again.
  for (Prediction& row : m_rows)
    if (row.id == id) {
      row.decision = decision;
      row.decidedBy = m_annotator;
      row.annotationId = annotationId;
    }
  showRows();
  Q_EMIT decided();
  return true;
}

bool SuggestionController::acceptSpan(const SuggestedSpan& s) {
  m_session->labelRanges(s.type, {{s.start, s.end}}, Origin::AcceptedSuggestion);
  const StoredDocument& stored = m_session->sink()->stored();
  const int i = indexOf(stored.document.entities, [&](const EntitySpan& e) {
    return e.type == s.type && !e.isDiscontinuous() && e.start() == s.start && e.end() == s.end;
  });
  const qint64 annotation = rowId(stored.entityIds, i);
  return annotation != 0 && record(s.id, kAccepted, annotation);  // 0: refused (its message is shown)
}

bool SuggestionController::acceptRelation(const SuggestedRelation& s) {
  const QString key = m_session->addRelation(s.type, s.head, s.tail, Origin::AcceptedSuggestion);
  const StoredDocument& stored = m_session->sink()->stored();
  const qint64 annotation =
      key.isEmpty() ? 0
                    : rowId(stored.relationIds, indexOf(stored.document.relations,
                                                        [&](const Relation& r) { return r.key == key; }));
  return annotation != 0 && record(s.id, kAccepted, annotation);
}

bool SuggestionController::accept(int index) {
  if (!canDecide() || index < 0 || index >= m_view->suggestionCount()) return false;
  const int spans = int(m_view->suggestions().size());
  m_view->setCurrentSuggestion(index);  // the next one takes its place
  // Copies: the edit re-reads the view's suggestions.
  if (index < spans) return acceptSpan(SuggestedSpan(m_view->suggestions()[index]));
  return acceptRelation(SuggestedRelation(m_view->suggestedRelations()[index - spans]));
}

bool SuggestionController::reject(int index) {
  if (!canDecide() || index < 0 || index >= m_view->suggestionCount()) return false;
  const int spans = int(m_view->suggestions().size());
  const qint64 id =
      index < spans ? m_view->suggestions()[index].id : m_view->suggestedRelations()[index - spans].id;
  m_view->setCurrentSuggestion(index);
  return record(id, kRejected, 0);
}

int SuggestionController::acceptAll() {
  const double bar = threshold();
  int accepted = 0;
  // Each acceptance re-reads the suggestions, so the first one at or above the bar is looked for anew.
  for (bool again = true; again;) {
    again = false;
    const int spans = int(m_view->suggestions().size());
    for (int i = 0; i < m_view->suggestionCount(); ++i) {
      const double confidence = i < spans ? m_view->suggestions()[i].confidence
                                          : m_view->suggestedRelations()[i - spans].confidence;
      if (confidence < bar) continue;
      if (!accept(i)) return accepted;
      ++accepted;
      again = true;
      break;
    }
  }
  Q_EMIT message(tr("%n suggestion(s) at or above %1 accepted.", nullptr, accepted).arg(bar, 0, 'f', 2));
  return accepted;
}

bool SuggestionController::acceptAnswer(qint64 id) {
  const int shown = indexOf(m_answers, [&](const SuggestedAnswer& a) { return a.id == id; });
  if (!canDecide() || shown < 0) return false;
  const SuggestedAnswer s = m_answers[shown];
  QaAnswer answer;
  answer.field = s.field;
  answer.noAnswer = s.noAnswer;
  answer.start = s.noAnswer ? 0 : s.start;
  answer.end = s.noAnswer ? 0 : s.end;
  answer.provenance.origin = Origin::AcceptedSuggestion;
  m_session->setAnswer(answer);
  const StoredDocument& stored = m_session->sink()->stored();
  const int i = indexOf(stored.document.answers, [&](const QaAnswer& a) {
    return a.field == s.field && a.noAnswer == s.noAnswer &&
           (s.noAnswer || (a.start == s.start && a.end == s.end));
  });
  const qint64 annotation = rowId(stored.answerIds, i);
  return annotation != 0 && record(id, kAccepted, annotation);
}

bool SuggestionController::acceptCategory(qint64 id) {
  const int shown = indexOf(m_categories, [&](const SuggestedCategory& c) { return c.id == id; });
  if (!canDecide() || shown < 0) return false;
  const QString category = m_categories[shown].category;
  m_session->setCategory(category, true, Origin::AcceptedSuggestion);
  const StoredDocument& stored = m_session->sink()->stored();
  const qint64 annotation =
      rowId(stored.labelIds,
            indexOf(stored.document.labels, [&](const DocumentLabel& l) { return l.category == category; }));
  return annotation != 0 && record(id, kAccepted, annotation);
}

bool SuggestionController::rejectPrediction(qint64 id) {
  const bool shown = std::any_of(m_answers.cbegin(), m_answers.cend(),
                                 [&](const SuggestedAnswer& a) { return a.id == id; }) ||
                     std::any_of(m_categories.cbegin(), m_categories.cend(),
                                 [&](const SuggestedCategory& c) { return c.id == id; });
  return canDecide() && shown && record(id, kRejected, 0);
}

void SuggestionController::updateActions() {
  m_suggest->setEnabled(m_store != nullptr && !m_readOnly && !isPredicting());
}

}  // namespace quarry::ui
