#pragma once
// The model's suggestions in the workbench. Model ▸ Suggest predicts the unassigned documents in the
// background (jobs::PredictionJob, one after another) with the latest finished training run of each task
// the schema has: NER, relations (between the entities each document has), QA and classification. Each job
// records its predictions; the open document then shows those of the newest prediction run of each kind
// that nobody has decided yet and that no annotation already says (SuggestionReader): spans and relations
// dashed in the annotation view with their confidence, answers in the Questions dock and categories in the
// Categories dock. A accepts in the view, X rejects, Shift+A accepts every span and relation at or above the
// threshold (Model ▸ Suggestion Threshold…); the docks have Accept and Reject buttons. An accepted
// suggestion becomes an annotation of origin "accepted suggestion" through the session (undoable), the
// prediction row recording that it was accepted, by whom, and the annotation it became: the run id with it.
// A rejected one is kept as such (negative evidence). Before any NER model exists, Suggest asks a gazetteer
// of the spans labelled so far and of the guideline examples (jobs/GazetteerSuggestions.h) instead.

#include <memory>

#include <QObject>
#include <QString>
#include <QStringList>

#include "DockSuggestions.h"
#include "DocumentChange.h"
#include "training/SuggestionReader.h"
#include "jobs/PredictionJob.h"

class QAction;
class QWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class AnnotationView;
class DocumentSession;
struct SuggestedRelation;
struct SuggestedSpan;

class SuggestionController : public QObject {
  Q_OBJECT
 public:
  SuggestionController(QWidget* window, DocumentSession* session, AnnotationView* view,
                       QObject* parent = nullptr);
  ~SuggestionController() override;

  void setProject(const QString& path, ProjectStore* store, bool readOnly);
  void setAnnotator(const QString& name) { m_annotator = name; }

  // Starts predicting with the latest model of each task (no NER model yet: records the gazetteer's
  // suggestions at once); false when a job runs, the project is read-only or nothing can suggest.
  bool suggest();
  // Predicts the unassigned documents with the model in `modelFolder` (a run that has just finished):
  // after the job running now, if any. False when the project is read-only or none is open.
  bool suggestWith(const QString& modelFolder);
  // True from suggest() until the last of its jobs has finished.
  bool isPredicting() const { return (m_job && m_job->isRunning()) || !m_queue.isEmpty(); }
  // Re-reads the open document's suggestions from the store.
  void reload();
  // Follows an edit of the open document (`change`): the rows read last are shown again without those an
  // annotation now says; another document, or one re-read, is read afresh (reload()).
  void documentChanged(const DocumentChange& change);
  // Suggestion `index` of the view (its spans, then its relations).
  bool accept(int index);
  bool reject(int index);
  // Accepts every span and relation the view suggests at or above threshold(); returns how many.
  int acceptAll();
  double threshold() const;
  void setThreshold(double threshold);
  // The newest finished training run's model folder of `task` ("ner", "relation", "qa", "classify");
  // empty = none.
  QString latestModel(const QString& task = QStringLiteral("ner")) const;

  // The open document's suggested answers and categories, as the docks show them.
  const QVector<SuggestedAnswer>& answers() const { return m_answers; }
  const QVector<SuggestedCategory>& categories() const { return m_categories; }
  // Accepts the suggested answer or category of prediction row `id`, or rejects any shown suggestion.
  bool acceptAnswer(qint64 id);
  bool acceptCategory(qint64 id);
  bool rejectPrediction(qint64 id);

  QAction* suggestAction() const { return m_suggest; }
  QAction* thresholdAction() const { return m_thresholdAction; }

 Q_SIGNALS:
  // After each job of suggest().
  void predictionFinished(const quarry::jobs::PredictionOutcome& outcome);
  void message(const QString& text);
  // A suggestion was accepted or rejected.
  void decided();
  // The open document's suggested answers or categories were read anew.
  void answersChanged(const QVector<quarry::ui::SuggestedAnswer>& answers);
  void categoriesChanged(const QVector<quarry::ui::SuggestedCategory>& categories);

 private:
  bool suggestFromGazetteer();
  void startNext();
  void finished(const jobs::PredictionOutcome& outcome);
  void stopJobs();
  void updateActions();
  // Shows what the rows read last suggest for the open document as it is now.
  void showRows(SuggestionParts parts = {});
  // After an undo: an accepted suggestion whose annotation is gone is undecided again (in the store too).
  void reopenUndoneAccepts();
  bool canDecide() const;
  // Records `decision` on prediction row `id` (`annotationId`: what an accepted one became).
  bool record(qint64 id, const QString& decision, qint64 annotationId);
  bool acceptSpan(const SuggestedSpan& s);
  bool acceptRelation(const SuggestedRelation& s);

  QWidget* m_window;
  DocumentSession* m_session;
  AnnotationView* m_view;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  bool m_readOnly = false;
  QString m_annotator;
  std::unique_ptr<jobs::PredictionJob> m_job;
  QStringList m_queue;  // the model folders suggest() predicts with after the current job
  // The open document's prediction rows as last read (m_rowsDocument: the document; 0 = none read).
  QVector<Prediction> m_rows;
  qint64 m_rowsDocument = 0;
  DocumentSuggestions m_shown;  // what they suggest now
  QVector<SuggestedAnswer> m_answers;
  QVector<SuggestedCategory> m_categories;
  QAction* m_suggest = nullptr;
  QAction* m_thresholdAction = nullptr;
};

}  // namespace quarry::ui
