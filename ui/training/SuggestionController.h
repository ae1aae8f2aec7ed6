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

#include <QObject>
#include <QString>

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

  QWidget* m_window;
  DocumentSession* m_session;
  AnnotationView* m_view;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  bool m_readOnly = false;
  QString m_annotator;
  std::unique_ptr<jobs::PredictionJob> m_job;
  QAction* m_suggest = nullptr;
  QAction* m_thresholdAction = nullptr;
};

}  // namespace quarry::ui
