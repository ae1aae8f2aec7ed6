#pragma once
// The model's suggestions in the annotation view. Model ▸ Suggest runs the project's latest NER model
// (a finished training run's best/) over the unassigned documents in the background (jobs::PredictionJob),
// which records its predictions; the open document then shows those of the newest prediction run that
// nobody has decided yet and that no annotation already says, dashed with their confidence. A accepts
// (the span becomes an annotation of origin "accepted suggestion", the prediction row recording that it
// was accepted, by whom, and the annotation it became: the run id with it), X rejects (kept: negative
// evidence), Shift+A accepts every one at or above the threshold (Model ▸ Suggestion Threshold…). Before
// any model exists, Suggest asks a gazetteer of the spans labelled so far and of the guideline examples
// (jobs/GazetteerSuggestions.h) instead.
//
// Entities first: the predictions of relations, answers and categories land in the same table with the
// same decision columns; the view shows entity suggestions only for now.

#include <memory>

#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>
#include <utility>

#include "DocumentChange.h"
#include "annotation/AnnotationView.h"
#include "jobs/PredictionJob.h"

class QAction;
class QWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class AnnotationView;
class DocumentSession;

class SuggestionController : public QObject {
  Q_OBJECT
 public:
  SuggestionController(QWidget* window, DocumentSession* session, AnnotationView* view,
                       QObject* parent = nullptr);
  ~SuggestionController() override;

  void setProject(const QString& path, ProjectStore* store, bool readOnly);
  void setAnnotator(const QString& name) { m_annotator = name; }

  // Starts the prediction job with the latest NER model (no model yet: records the gazetteer's suggestions
  // at once); false when a job runs or the project is read-only.
  bool suggest();
  bool isPredicting() const { return m_job && m_job->isRunning(); }
  // Re-reads the open document's suggestions from the store.
  void reload();
  // Follows an edit of the open document (`change`): the suggestions read last are shown again without
  // those an annotation now says; another document, or one re-read, is read afresh (reload()).
  void documentChanged(const DocumentChange& change);
  bool accept(int index);
  bool reject(int index);
  // Accepts every suggestion of the open document at or above threshold(); returns how many.
  int acceptAll();
  double threshold() const;
  void setThreshold(double threshold);
  // The newest finished NER training run's model folder; empty = none.
  QString latestModel() const;

  QAction* suggestAction() const { return m_suggest; }
  QAction* thresholdAction() const { return m_thresholdAction; }

 Q_SIGNALS:
  void predictionFinished(const quarry::jobs::PredictionOutcome& outcome);
  void message(const QString& text);
  // A suggestion was accepted or rejected.
  void decided();

 private:
  void finished(const jobs::PredictionOutcome& outcome);
  void updateActions();
  bool decide(int index, const QString& decision);
  // Shows the suggestions read last, less those an annotation of the open document already says.
  void showUndecided();
  // Notes what the open document's spans say (all of them; the span of `key` as it is now).
  void noteSpans();
  void noteSpan(const QString& key);

  QWidget* m_window;
  DocumentSession* m_session;
  AnnotationView* m_view;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  bool m_readOnly = false;
  QString m_annotator;
  std::unique_ptr<jobs::PredictionJob> m_job;
  // The open document's undecided suggestions as last read from the store (sorted as shown), and the
  // document they belong to (0 = none read).
  QVector<SuggestedSpan> m_undecided;
  qint64 m_undecidedDocument = 0;
  // What the open document's contiguous spans say: (offsets, type) -> how many spans say it, and each
  // span's (offsets, type) by key. No suggestion shows what a span says.
  using Said = std::pair<quint64, QString>;
  QHash<Said, int> m_said;
  QHash<QString, Said> m_saidBy;
  QAction* m_suggest = nullptr;
  QAction* m_thresholdAction = nullptr;
};

}  // namespace quarry::ui
