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
#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

const char* kThresholdKey = "suggestions/threshold";

// One key for a span's [start, end) code points.
quint64 offsetsKey(int start, int end) { return (quint64(quint32(start)) << 32) | quint32(end); }

// The row id of the open document's entity exactly at [start, end) of `type`; 0 = none.
qint64 entityRowId(const StoredDocument& stored, int start, int end, const QString& type) {
  for (int i = 0; i < stored.document.entities.size(); ++i) {
    const EntitySpan& e = stored.document.entities[i];
    if (e.type == type && !e.isDiscontinuous() && e.start() == start && e.end() == end)
      return stored.entityIds.value(i);
  }
  return 0;
}

}  // namespace

SuggestionController::SuggestionController(QWidget* window, DocumentSession* session, AnnotationView* view,
                                           QObject* parent)
    : QObject(parent), m_window(window), m_session(session), m_view(view) {
  m_suggest = new QAction(tr("&Suggest with the Latest Model"), this);
  m_suggest->setObjectName(QStringLiteral("suggestAction"));
  m_suggest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  m_suggest->setToolTip(
      tr("Predict the unassigned documents with the newest NER model; A accepts, X rejects"));
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

SuggestionController::~SuggestionController() {
  if (m_job) {
    m_job->disconnect(this);
    m_job->cancel();
  }
  m_job.reset();
}

void SuggestionController::setProject(const QString& path, ProjectStore* store, bool readOnly) {
  if (m_job) {
    m_job->disconnect(this);
    m_job->cancel();
    m_job.reset();
  }
  m_projectPath = path;
  m_store = store;
  m_readOnly = readOnly;
  m_undecided.clear();
  m_undecidedDocument = 0;
  m_said.clear();
  m_saidBy.clear();
  updateActions();
}

double SuggestionController::threshold() const {
  return QSettings().value(QLatin1String(kThresholdKey), 0.8).toDouble();
}

void SuggestionController::setThreshold(double threshold) {
  QSettings().setValue(QLatin1String(kThresholdKey), std::clamp(threshold, 0.0, 1.0));
}

QString SuggestionController::latestModel() const {
  if (!m_store) return {};
  auto runs = m_store->listRuns();
  if (!runs) return {};
  for (auto run = runs->crbegin(); run != runs->crend(); ++run)
    if (run->task == QLatin1String("ner") && run->status == RunStatus::Finished && !run->config.isEmpty() &&
        QFileInfo::exists(run->checkpointPath) && run->name.indexOf(QLatin1String("predictions")) < 0)
      return run->checkpointPath;
  return {};
}

bool SuggestionController::suggest() {
  if (!m_store || m_readOnly || isPredicting()) return false;
  const QString model = latestModel();
  if (model.isEmpty()) {
    // Cold start: the spans labelled so far and the guideline examples propose what they repeat.
    auto gazetteer = jobs::suggestFromGazetteer(*m_store);
    if (!gazetteer) {
      QMessageBox::warning(m_window, tr("No Suggestions"),
                           QString::fromStdString(gazetteer.error().toString()));
      return false;
    }
    Q_EMIT message(
        tr("No model yet: run %1 suggests %2 spans in %3 documents that repeat %4 labelled surfaces.")
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
  return true;
}

void SuggestionController::finished(const jobs::PredictionOutcome& outcome) {
  updateActions();
  if (outcome.status == RunStatus::Failed)
    Q_EMIT message(tr("Suggestions failed: %1").arg(outcome.errorText()));
  else
    Q_EMIT message(tr("Run %1: %2 suggestions in %3 documents.")
                       .arg(outcome.runId)
                       .arg(outcome.counts.predictions)
                       .arg(outcome.counts.documents));
  reload();
  Q_EMIT predictionFinished(outcome);
}

void SuggestionController::reload() {
  m_undecided.clear();
  m_undecidedDocument = 0;
  noteSpans();
  if (m_store && m_session->isOpen()) {
    m_undecidedDocument = m_session->documentId();
    auto run = m_store->latestRunWithPredictions(QStringLiteral("entity"));
    if (run && run.value() > 0)
      if (auto rows = m_store->predictionsForDocument(m_session->documentId(), run.value()))
        for (const Prediction& p : rows.value()) {
          if (p.kind != QLatin1String("entity") || !p.decision.isEmpty()) continue;
          SuggestedSpan s;
          s.id = p.id;
          s.start = p.payload.value(QStringLiteral("start")).toInt();
          s.end = p.payload.value(QStringLiteral("end")).toInt();
          s.type = p.payload.value(QStringLiteral("type")).toString();
          s.confidence = p.confidence;
          if (s.start < s.end) m_undecided << s;
        }
    std::sort(m_undecided.begin(), m_undecided.end(), [](const SuggestedSpan& a, const SuggestedSpan& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
  }
  showUndecided();
}

void SuggestionController::documentChanged(const DocumentChange& change) {
  if (change.everything || m_undecidedDocument != m_session->documentId()) return reload();
  if (change.entities.isEmpty()) return;
  if (change.entities.size() > 16) {
    noteSpans();
  } else {
    for (const QString& key : change.entities) noteSpan(key);
  }
  showUndecided();
}

void SuggestionController::noteSpans() {
  m_said.clear();
  m_saidBy.clear();
  if (!m_session->isOpen()) return;
  for (const EntitySpan& e : m_session->sink()->document().entities) {
    if (e.isDiscontinuous()) continue;
    const Said said{offsetsKey(e.start(), e.end()), e.type};
    ++m_said[said];
    m_saidBy.insert(e.key, said);
  }
}

void SuggestionController::noteSpan(const QString& key) {
  if (const auto was = m_saidBy.constFind(key); was != m_saidBy.cend()) {
    if (--m_said[*was] <= 0) m_said.remove(*was);
    m_saidBy.erase(was);
  }
  const std::optional<EntitySpan> e = m_session->sink()->entity(key);
  if (!e || e->isDiscontinuous()) return;
  const Said said{offsetsKey(e->start(), e->end()), e->type};
  ++m_said[said];
  m_saidBy.insert(key, said);
}

void SuggestionController::showUndecided() {
  if (!m_store || !m_session->isOpen()) {
    m_view->setSuggestions({});
    return;
  }
  QVector<SuggestedSpan> shown;
  for (const SuggestedSpan& s : std::as_const(m_undecided))
    if (!m_said.contains(Said{offsetsKey(s.start, s.end), s.type})) shown << s;
  const QVector<SuggestedSpan>& before = m_view->suggestions();
  if (shown.size() == before.size() &&
      std::equal(shown.cbegin(), shown.cend(), before.cbegin(),
                 [](const SuggestedSpan& a, const SuggestedSpan& b) { return a.id == b.id; }))
    return;  // as shown
  const int current = m_view->currentSuggestion();
  m_view->setSuggestions(shown, shown.isEmpty() ? -1 : std::min(std::max(current, 0), int(shown.size()) - 1));
}

bool SuggestionController::decide(int index, const QString& decision) {
  const QVector<SuggestedSpan> shown = m_view->suggestions();
  if (!m_store || m_readOnly || index < 0 || index >= shown.size() || !m_session->isOpen()) return false;
  const SuggestedSpan s = shown[index];
  qint64 annotationId = 0;
  if (decision == QLatin1String("accepted")) {
    m_session->labelRanges(s.type, {{s.start, s.end}}, Origin::AcceptedSuggestion);
    annotationId = entityRowId(m_session->sink()->stored(), s.start, s.end, s.type);
    if (annotationId == 0) return false;  // the edit was refused (its message is shown)
  }
  if (Status st = m_store->decidePrediction(s.id, decision, m_annotator, annotationId); !st) {
    Q_EMIT message(QString::fromStdString(st.error().toString()));
    return false;
  }
  m_view->setCurrentSuggestion(index);  // the next one takes its place
  m_undecided.erase(std::remove_if(m_undecided.begin(), m_undecided.end(),
                                   [&](const SuggestedSpan& u) { return u.id == s.id; }),
                    m_undecided.end());
  showUndecided();
  Q_EMIT decided();
  return true;
}

bool SuggestionController::accept(int index) { return decide(index, QStringLiteral("accepted")); }

bool SuggestionController::reject(int index) { return decide(index, QStringLiteral("rejected")); }

int SuggestionController::acceptAll() {
  const double bar = threshold();
  int accepted = 0;
  for (bool again = true; again;) {
    again = false;
    const QVector<SuggestedSpan> shown = m_view->suggestions();
    for (int i = 0; i < shown.size(); ++i)
      if (shown[i].confidence >= bar) {
        if (!accept(i)) return accepted;
        ++accepted;
        again = true;
        break;
      }
  }
  Q_EMIT message(tr("%n suggestion(s) at or above %1 accepted.", nullptr, accepted).arg(bar, 0, 'f', 2));
  return accepted;
}

void SuggestionController::updateActions() {
  m_suggest->setEnabled(m_store != nullptr && !m_readOnly && !isPredicting());
}

}  // namespace quarry::ui
