#pragma once
// The workbench's main window: the document list (filters, progress), the annotation view with its
// find bar, the selected item's details with its guideline, the label palette, the document categories,
// the list of the document's annotations, its questions (QA), a status bar with counts and a Help menu
// with the keyboard sheet; the Model menu and toolbar train in the background (TrainingController), the
// training panel following the run and the Runs view listing every run. Every edit goes through an undoable
// command straight into the project store, recorded under the annotator's name (shown in the title bar). A
// project opened for editing is locked (ProjectLock): a second window is offered it read-only.
//
// Docks and geometry are kept in QSettings, and so is the last document of each project.

#include <QMainWindow>
#include <QTimer>
#include <QSet>
#include <QPointer>
#include <memory>

#include "corpus/Schema.h"
#include "store/ProjectStore.h"

class QAction;
class QDockWidget;
class QLabel;
class QUndoStack;

namespace quarry::ui {

class ActiveLearningDialog;
class AnnotationView;
class AnnotationsPanel;
class CategoryPanel;
class DocumentFindBar;
class DockFitter;
class DocumentListPanel;
class DocumentSession;
class ErrorAnalysisPanel;
class QualityPanel;
struct QualityFix;
class ItemDetailsPanel;
class LabelPalette;
class ProjectLock;
class QaPanel;
class QueuePanel;
class ReviewPanel;
class RunsPanel;
class SuggestionController;
class TeamActions;
class TrainingController;
class TrainingPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a project file (read-only when readOnlyMode() is on, or when it is locked elsewhere and the
  // user chose read-only) and shows its last-opened document; records it among the recent projects.
  // On failure keeps what was open and returns the error; openCancelled() tells a declined offer.
  Status openProject(const QString& path);
  bool openCancelled() const { return m_openCancelled; }
  // Closes the project (releasing its lock); the window shows nothing until the next openProject().
  // While a model trains it asks first; false when the user kept it open.
  bool closeProject();
  QString projectPath() const { return m_projectPath; }
  ProjectStore* store() const { return m_store.get(); }
  const Schema& schema() const { return m_schema; }
  // Re-reads the schema, the document list and the open document (after an import or schema edit).
  void reloadProject();
  // Re-reads the document list and the open document (F5), showing what other windows wrote; clears
  // the undo history, whose commands describe the state before.
  void refresh();

  // Reviewer mode: the store is opened read-only and every edit is refused with a message.
  bool readOnlyMode() const { return m_readOnlyMode; }
  void setReadOnlyMode(bool on);
  // Review mode: the project stays open for editing, but the window is read-only for everything except
  // deciding the model's suggestions (A, X, Shift+A in the view; the Questions and Categories docks'
  // Accept and Reject), recorded with annotator()'s name; an acceptance is the one edit it makes. Import,
  // schema edits, labelling, removing, answering, categorising and marking done are refused; training and
  // Suggest, which change no annotation, are not. Turning it on clears the undo history.
  bool reviewMode() const { return m_reviewMode; }
  void setReviewMode(bool on);
  // The name recorded on this window's edits: setAnnotator()'s, else AnnotatorSettings::effective().
  QString annotator() const;
  void setAnnotator(const QString& name);
  // Asks who is annotating (AnnotatorDialog) and uses the answer from now on.
  void askAnnotator();

  // Shows a listed document; false when it cannot be loaded.
  bool showDocument(qint64 documentId);
  qint64 currentDocument() const;

  QAction* newProjectAction() const { return m_newProject; }
  QAction* openProjectAction() const { return m_openProject; }
  QAction* importAction() const { return m_import; }
  QAction* editSchemaAction() const { return m_editSchema; }
  QAction* refreshAction() const { return m_refresh; }
  QAction* readOnlyAction() const { return m_readOnly; }
  QAction* closeProjectAction() const { return m_closeProject; }
  QAction* exportAction() const { return m_export; }
  QAction* annotatorAction() const { return m_annotatorName; }
  QMenu* recentProjectsMenu() const { return m_recentMenu; }

  DocumentListPanel* documentList() const { return m_list; }
  AnnotationView* annotationView() const { return m_view; }
  ItemDetailsPanel* detailsPanel() const { return m_details; }
  LabelPalette* labelPalette() const { return m_palette; }
  CategoryPanel* categoryPanel() const { return m_categories; }
  DocumentFindBar* findBar() const { return m_findBar; }
  AnnotationsPanel* annotationsPanel() const { return m_annotations; }
  QaPanel* qaPanel() const { return m_qa; }
  TrainingController* training() const { return m_training; }
  SuggestionController* suggestions() const { return m_suggestions; }
  TrainingPanel* trainingPanel() const { return m_trainingPanel; }
  RunsPanel* runsPanel() const { return m_runsPanel; }
  ReviewPanel* reviewPanel() const { return m_reviewPanel; }
  QueuePanel* queuePanel() const { return m_queuePanel; }
  ErrorAnalysisPanel* errorPanel() const { return m_errorPanel; }
  QualityPanel* qualityPanel() const { return m_qualityPanel; }
  QDockWidget* qualityDock() const { return m_qualityDock; }
  // A data quality fix applied to its document through the session (undoable); why not, empty when done.
  QString applyQualityFix(const QualityFix& fix);
  // Opens the first document of the active-learning queue other than the open one; false when none.
  bool nextByActiveLearning();
  // Shows the active-learning simulation of the open project (ActiveLearningDialog, not modal; the one
  // already open is raised) and returns it; null without a project. The Runs view refreshes when a
  // simulation ends.
  ActiveLearningDialog* simulateActiveLearning();
  ActiveLearningDialog* activeLearningDialog() const;
  QUndoStack* undoStack() const { return m_undo; }
  DocumentSession* session() const { return m_session; }
  // The Team menu: agreement, adjudication, and whose layers a team's documents show (team/TeamActions.h).
  TeamActions* team() const { return m_team; }
  QString countsText() const;

 Q_SIGNALS:
  void newProjectRequested();
  void importRequested();
  void schemaEditRequested();
  void projectClosed();

 protected:
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildDocks();
  void buildActions();
  void connectParts();
  void openProjectDialog();
  // Asks for a postgresql:// URL and opens the team's project there.
  void openSharedProjectDialog();
  void openWithMessage(const QString& path);
  void exportProject();
  void annotatorChanged();
  void refreshDocumentList();
  void updateCurrentRow();
  void updateDetails();
  void updateCounts();
  void updateTitle();
  void applyReadOnly();
  bool storeReadOnly() const;
  // Shows a prediction of the review queue: its document with the suggestion current (entities and
  // relations in the view; an answer's field in the Questions dock; the Categories dock).
  void showPrediction(const Prediction& prediction);
  bool refuseIfReadOnly();
  void moveBy(int step);
  void markDoneAndNext();
  // Moves a document to another split (the document list's context menu, Document > Move to Split).
  void moveToSplit(qint64 documentId, quarry::Split split);
  void toggleCategory(const QString& category, bool on);
  void labelFromPalette(const QString& type);
  void showKeyboardSheet();  // F1, ? in the document
  void goTo();               // Ctrl+G
  void labelAllMatches(const QString& type, const QVector<QPair<int, int>>& matches);
  void saveLayout();
  QString lastDocumentKey() const;

  std::unique_ptr<ProjectStore> m_store;
  std::unique_ptr<ProjectLock> m_lock;  // held while the project is open for editing
  // Documents teammates edited (a shared project's notifications), shown after a short pause so that a burst
  // of their edits costs one re-read.
  QSet<qint64> m_teammateEdits;
  QTimer* m_teammateTimer = nullptr;
  void showTeammateEdits();
  bool m_openCancelled = false;
  QString m_projectPath;
  Schema m_schema;
  bool m_readOnlyMode = false;
  bool m_reviewMode = false;
  QString m_annotator;
  QUndoStack* m_undo = nullptr;
  AnnotationView* m_view = nullptr;
  DocumentSession* m_session = nullptr;
  TeamActions* m_team = nullptr;
  DocumentListPanel* m_list = nullptr;
  ItemDetailsPanel* m_details = nullptr;
  LabelPalette* m_palette = nullptr;
  CategoryPanel* m_categories = nullptr;
  DocumentFindBar* m_findBar = nullptr;
  AnnotationsPanel* m_annotations = nullptr;
  QaPanel* m_qa = nullptr;
  TrainingPanel* m_trainingPanel = nullptr;
  RunsPanel* m_runsPanel = nullptr;
  ReviewPanel* m_reviewPanel = nullptr;
  QueuePanel* m_queuePanel = nullptr;
  ErrorAnalysisPanel* m_errorPanel = nullptr;
  QualityPanel* m_qualityPanel = nullptr;
  QDockWidget* m_qualityDock = nullptr;
  QDockWidget* m_errorsDock = nullptr;
  QDockWidget* m_categoriesDock = nullptr;
  QDockWidget* m_qaDock = nullptr;
  QDockWidget* m_reviewDock = nullptr;
  TrainingController* m_training = nullptr;
  SuggestionController* m_suggestions = nullptr;
  QPointer<ActiveLearningDialog> m_activeLearning;  // deletes itself on close
  DockFitter* m_fitter = nullptr;
  QLabel* m_counts = nullptr;
  QLabel* m_mode = nullptr;
  QAction* m_newProject = nullptr;
  QAction* m_openProject = nullptr;
  QAction* m_import = nullptr;
  QAction* m_editSchema = nullptr;
  QAction* m_refresh = nullptr;
  QAction* m_readOnly = nullptr;
  QAction* m_closeProject = nullptr;
  QAction* m_export = nullptr;
  QAction* m_annotatorName = nullptr;
  QMenu* m_recentMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
};

}  // namespace quarry::ui
