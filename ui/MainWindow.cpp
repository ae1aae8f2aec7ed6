#include "MainWindow.h"
#include "store/ProjectLocation.h"

#include <QAction>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QInputDialog>
#include <QSqlDriver>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "AnnotationsPanel.h"
#include "AnnotatorDialog.h"
#include "AnnotatorSettings.h"
#include "CategoryPanel.h"
#include "DockFitter.h"
#include "DocumentFindBar.h"
#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "DocumentSession.h"
#include "team/TeamActions.h"
#include "ExportDialog.h"
#include "GoToDialog.h"
#include "ItemDetailsPanel.h"
#include "KeyboardSheet.h"
#include "LabelPalette.h"
#include "LockConflictDialog.h"
#include "ProjectLock.h"
#include "QaPanel.h"
#include "RecentProjects.h"
#include "RecentProjectsMenu.h"
#include "RefreshWhenShown.h"
#include "annotation/AnnotationView.h"
#include "jobs/ReviewBands.h"
#include "dataquality/QualityFixes.h"
#include "dataquality/QualityPanel.h"
#include "training/ActiveLearningDialog.h"
#include "training/ErrorAnalysisPanel.h"
#include "training/QueuePanel.h"
#include "training/ReviewPanel.h"
#include "training/RunsPanel.h"
#include "training/SuggestionController.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

namespace quarry::ui {
namespace {

QString errorText(const Error& e) { return QString::fromStdString(e.toString()); }

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                  Qt::DockWidgetArea area) {
  auto* d = new QDockWidget(title, window);
  d->setObjectName(name);
  d->setWidget(content);
  window->addDockWidget(area, d);
  return d;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("MainWindow"));
  m_undo = new QUndoStack(this);
  m_view = new AnnotationView(this);
  m_view->setObjectName(QStringLiteral("annotationView"));
  m_view->setShowTypeNames(QSettings().value(QStringLiteral("view/typeNames"), true).toBool());
  m_findBar = new DocumentFindBar(m_view, this);
  auto* centre = new QWidget(this);
  auto* centreLayout = new QVBoxLayout(centre);
  centreLayout->setContentsMargins(0, 0, 0, 0);
  centreLayout->setSpacing(0);
  centreLayout->addWidget(m_view, 1);
  centreLayout->addWidget(m_findBar);
  setCentralWidget(centre);
  m_session = new DocumentSession(nullptr, m_undo, m_view, this);
  m_session->setAnnotator(annotator());
  buildDocks();
  buildActions();
  connectParts();

  m_counts = new QLabel(this);
  m_counts->setObjectName(QStringLiteral("countsLabel"));
  m_mode = new QLabel(this);
  statusBar()->addPermanentWidget(m_mode);
  statusBar()->addPermanentWidget(m_counts);
  updateTitle();

  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
    resize(1280, 800);
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() {
  delete m_session;  // clears the undo stack while the sink still exists
  m_session = nullptr;
}

void MainWindow::buildDocks() {
  m_list = new DocumentListPanel(this);
  m_details = new ItemDetailsPanel(this);
  m_palette = new LabelPalette(this);
  m_categories = new CategoryPanel(this);
  m_annotations = new AnnotationsPanel(m_session, m_view, this);
  m_qa = new QaPanel(m_session, m_view, this);
  m_trainingPanel = new TrainingPanel(this);
  m_runsPanel = new RunsPanel(this);
  m_training = new TrainingController(this, m_trainingPanel, m_runsPanel, this);
  m_suggestions = new SuggestionController(this, m_session, m_view, this);
  m_reviewPanel =
      new ReviewPanel([this](const QString& task) { return m_suggestions->latestModel(task); }, this);
  m_queuePanel = new QueuePanel(this);
  m_errorPanel = new ErrorAnalysisPanel(this);
  connect(m_errorPanel, &ErrorAnalysisPanel::errorActivated, this, [this](qint64 id, int start, int end) {
    if (id != m_session->documentId() && !showDocument(id)) return;
    if (end > start) {
      m_view->setSelection(start, end);
      m_view->ensureCursorVisible();
    }
    m_view->setFocus();
  });
  connect(m_errorPanel, &ErrorAnalysisPanel::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  m_qualityPanel = new QualityPanel(this);
  m_qualityPanel->setFixer([this](const QualityFix& fix) { return applyQualityFix(fix); });
  m_qualityPanel->setAnnotatorSource([this] { return annotator(); });
  connect(m_qualityPanel, &QualityPanel::documentActivated, this, [this](qint64 id, int start, int end) {
    if (id != m_session->documentId() && !showDocument(id)) return;
    if (end > start) {
      m_view->setSelection(start, end);
      m_view->ensureCursorVisible();
    }
  });
  connect(m_qualityPanel, &QualityPanel::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_qualityPanel, &QualityPanel::splitsChanged, this, [this] {
    QString error;
    if (m_session->isOpen() && !m_session->refresh(&error)) statusBar()->showMessage(error, 15000);
    refreshDocumentList();
  });
  connect(m_queuePanel, &QueuePanel::documentActivated, this, [this](qint64 id) {
    if (showDocument(id)) m_view->setFocus();
  });
  connect(m_reviewPanel, &ReviewPanel::predictionActivated, this, &MainWindow::showPrediction);
  connect(m_reviewPanel->reviewModeAction(), &QAction::toggled, this, &MainWindow::setReviewMode);
  connect(m_suggestions, &SuggestionController::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_suggestions, &SuggestionController::predictionFinished, this,
          [this] { m_runsPanel->refresh(m_store.get()); });
  // Once suggestions of a task have been asked for, every model of that task that finishes training
  // refreshes them: the pool is predicted again in the background.
  connect(m_training, &TrainingController::trainingFinished, this,
          [this](const jobs::TrainingOutcome& outcome) {
            if (outcome.status != RunStatus::Finished || !m_store) return;
            const QString task = outcome.result.value(QStringLiteral("task")).toString();
            auto latest = m_store->latestRunWithPredictions(jobs::predictionKindOf(task));
            if (latest && latest.value() > 0) m_suggestions->suggestWith(outcome.bestFolder);
          });
  QList<QDockWidget*> docks = {
      dock(this, tr("Documents"), QStringLiteral("documentsDock"), m_list, Qt::LeftDockWidgetArea),
      dock(this, tr("Labels"), QStringLiteral("paletteDock"), m_palette, Qt::RightDockWidgetArea),
      dock(this, tr("Categories"), QStringLiteral("categoriesDock"), m_categories, Qt::RightDockWidgetArea),
      dock(this, tr("Details"), QStringLiteral("detailsDock"), m_details, Qt::RightDockWidgetArea),
      dock(this, tr("Annotations"), QStringLiteral("annotationsDock"), m_annotations,
           Qt::BottomDockWidgetArea),
      dock(this, tr("Questions"), QStringLiteral("qaDock"), m_qa, Qt::BottomDockWidgetArea),
      dock(this, tr("Training"), QStringLiteral("trainingDock"), m_trainingPanel, Qt::BottomDockWidgetArea),
      dock(this, tr("Runs"), QStringLiteral("runsDock"), m_runsPanel, Qt::BottomDockWidgetArea),
      dock(this, tr("Review"), QStringLiteral("reviewDock"), m_reviewPanel, Qt::BottomDockWidgetArea),
      dock(this, tr("Queue"), QStringLiteral("queueDock"), m_queuePanel, Qt::BottomDockWidgetArea),
      dock(this, tr("Errors"), QStringLiteral("errorsDock"), m_errorPanel, Qt::BottomDockWidgetArea),
      dock(this, tr("Data Quality"), QStringLiteral("qualityDock"), m_qualityPanel, Qt::BottomDockWidgetArea)};
  // A decision in the view changes the bands' counts; a panel behind another tab catches up when shown.
  for (auto* refresh : {new RefreshWhenShown(docks[8], [this] { m_reviewPanel->refresh(); }),
                        new RefreshWhenShown(docks[9], [this] { m_queuePanel->refresh(); })})
    connect(m_suggestions, &SuggestionController::decided, refresh, &RefreshWhenShown::request);
  tabifyDockWidget(docks[4], docks[5]);
  tabifyDockWidget(docks[5], docks[6]);
  tabifyDockWidget(docks[6], docks[7]);
  tabifyDockWidget(docks[7], docks[8]);
  tabifyDockWidget(docks[8], docks[9]);
  tabifyDockWidget(docks[9], docks[10]);
  tabifyDockWidget(docks[10], docks[11]);
  m_qualityDock = docks[11];
  connect(m_runsPanel, &RunsPanel::driftRequested, this, [this](qint64 run) {
    m_qualityDock->show();
    m_qualityDock->raise();
    m_qualityPanel->refreshRuns();
    m_qualityPanel->checkDrift(run);
  });
  connect(m_runsPanel, &RunsPanel::activeLearningRequested, this, &MainWindow::simulateActiveLearning);
  m_categoriesDock = docks[2];
  m_qaDock = docks[5];
  m_reviewDock = docks[8];
  connect(m_runsPanel, &RunsPanel::errorAnalysisRequested, this,
          [this, d = docks[10]](qint64 run, qint64 other) {
            d->show();
            d->raise();
            m_errorPanel->analyse(run, other);
          });
  m_errorsDock = docks[10];
  connect(m_training, &TrainingController::trainingFinished, m_errorPanel, &ErrorAnalysisPanel::refreshRuns);
  connect(m_training, &TrainingController::trainingFinished, m_qualityPanel, &QualityPanel::refreshRuns);
  // Training shows itself when a run starts.
  connect(m_training, &TrainingController::trainingStarted, this, [d = docks[6]] {
    d->show();
    d->raise();
  });
  docks[4]->raise();
  m_fitter = new DockFitter(this, docks[0], m_list->view(), docks[1], m_palette, docks[2], m_categories);
  m_viewMenu = new QMenu(tr("&View"), this);
  for (QDockWidget* d : docks) m_viewMenu->addAction(d->toggleViewAction());
  m_viewMenu->addSeparator();
  // The keyboard's way into the two lists (F6 goes back to the text).
  QAction* toList = m_viewMenu->addAction(tr("Go to the &Annotations List"), this, [this, d = docks[4]] {
    d->show();
    d->raise();
    m_annotations->table()->setFocus();
  });
  toList->setShortcut(QKeySequence(Qt::Key_F7));
  QAction* toQuestions = m_viewMenu->addAction(tr("Go to the &Questions"), this, [this, d = docks[5]] {
    d->show();
    d->raise();
    m_qa->list()->setFocus();
  });
  toQuestions->setShortcut(QKeySequence(Qt::Key_F8));
  m_viewMenu->addSeparator();
}

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  m_newProject = file->addAction(tr("&New Project…"), this, &MainWindow::newProjectRequested);
  m_newProject->setShortcut(QKeySequence::New);
  m_openProject = file->addAction(tr("&Open Project…"), this, &MainWindow::openProjectDialog);
  m_openProject->setShortcut(QKeySequence::Open);
  file->addAction(tr("Open &Shared Project…"), this, &MainWindow::openSharedProjectDialog)
      ->setObjectName(QStringLiteral("openSharedProject"));
  auto* recent = new RecentProjectsMenu(this);
  connect(recent, &RecentProjectsMenu::projectChosen, this, &MainWindow::openWithMessage);
  m_recentMenu = recent;
  file->addMenu(m_recentMenu);
  m_closeProject = file->addAction(tr("&Close Project"), this, &MainWindow::closeProject);
  m_closeProject->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
  file->addSeparator();
  m_import = file->addAction(tr("&Import Documents…"), this, &MainWindow::importRequested);
  m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  m_export = file->addAction(tr("&Export…"), this, &MainWindow::exportProject);
  m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  file->addSeparator();
  m_annotatorName = file->addAction(tr("Annotator &Name…"), this, &MainWindow::askAnnotator);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
  QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
  redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
  edit->addAction(undo);
  edit->addAction(redo);

  QMenu* document = menuBar()->addMenu(tr("&Document"));
  QAction* next = document->addAction(tr("&Next Document  (N)"), this, [this] { moveBy(1); });
  next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
  QAction* previous = document->addAction(tr("&Previous Document  (P)"), this, [this] { moveBy(-1); });
  previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
  QAction* done = document->addAction(tr("Mark &Done and Next"), this, &MainWindow::markDoneAndNext);
  done->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  // The open document's split; the menu is rebuilt each time it opens, so the current split is checked.
  QMenu* split = document->addMenu(tr("Move to &Split"));
  split->setObjectName(QStringLiteral("documentSplitMenu"));
  connect(split, &QMenu::aboutToShow, this, [this, split] {
    split->clear();
    if (!m_session->isOpen()) return;
    m_list->addSplitActions(split, m_session->documentId(), m_session->document().split);
  });
  QAction* find = document->addAction(tr("&Find Documents"), this, [this] {
    m_list->searchField()->setFocus();
    m_list->searchField()->selectAll();
  });
  find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  QAction* annotate = document->addAction(tr("&Annotate"), this, [this] { m_view->setFocus(); });
  annotate->setShortcut(QKeySequence(Qt::Key_F6));
  document->addSeparator();
  QAction* findIn = document->addAction(tr("F&ind in Document…"), m_findBar, &DocumentFindBar::activate);
  findIn->setShortcut(QKeySequence::Find);
  QAction* findNext = document->addAction(tr("Find Ne&xt Match"), this, [this] {
    m_findBar->isVisible() ? m_findBar->findNext() : m_findBar->activate();
  });
  findNext->setShortcut(QKeySequence(Qt::Key_F3));
  QAction* findPrevious = document->addAction(tr("Find Previous &Match"), this, [this] {
    m_findBar->isVisible() ? m_findBar->findPrevious() : m_findBar->activate();
  });
  findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
  QAction* goTo = document->addAction(tr("&Go to Offset or Paragraph…"), this, &MainWindow::goTo);
  goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));

  menuBar()->addMenu(m_viewMenu);
  m_refresh = m_viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
  m_refresh->setShortcut(QKeySequence::Refresh);
  if (m_refresh->shortcut().isEmpty()) m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
  m_readOnly = m_viewMenu->addAction(tr("Read-&Only Mode"));
  m_readOnly->setCheckable(true);
  connect(m_readOnly, &QAction::toggled, this, &MainWindow::setReadOnlyMode);
  // The view's own toggles (Alt+W, Alt+L), working wherever the focus is in the window.
  for (QAction* toggle : {m_view->wordSnappingAction(), m_view->typeNamesAction()}) {
    toggle->setShortcutContext(Qt::WindowShortcut);
    m_viewMenu->addAction(toggle);
  }
  connect(m_view, &AnnotationView::showTypeNamesChanged, this,
          [](bool on) { QSettings().setValue(QStringLiteral("view/typeNames"), on); });

  QMenu* project = menuBar()->addMenu(tr("&Project"));
  m_editSchema =
      project->addAction(tr("Edit &Schema and Guidelines…"), this, &MainWindow::schemaEditRequested);
  project->addAction(m_import);

  QMenu* modelMenu = menuBar()->addMenu(tr("&Model"));
  modelMenu->addAction(m_training->trainAction());
  modelMenu->addAction(m_training->retrainAction());
  modelMenu->addAction(m_training->cancelAction());
  modelMenu->addSeparator();
  modelMenu->addAction(m_suggestions->suggestAction());
  modelMenu->addAction(m_suggestions->thresholdAction());
  modelMenu->addAction(m_reviewPanel->reviewModeAction());
  QAction* nextQueued =
      modelMenu->addAction(tr("&Next by Active Learning"), this, &MainWindow::nextByActiveLearning);
  nextQueued->setObjectName(QStringLiteral("nextByActiveLearningAction"));
  nextQueued->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  QAction* simulate =
      modelMenu->addAction(tr("Simulate Active &Learning…"), this, &MainWindow::simulateActiveLearning);
  simulate->setObjectName(QStringLiteral("simulateActiveLearningAction"));
  QAction* errors = modelMenu->addAction(tr("Analyse &Errors of the Latest Model"), this, [this] {
    m_errorsDock->show();
    m_errorsDock->raise();
    if (!m_errorPanel->analyseLatest())
      statusBar()->showMessage(tr("No trained model to analyse yet: train one first (Model ▸ Train)."), 8000);
  });
  errors->setObjectName(QStringLiteral("analyseErrorsAction"));
  errors->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  // The model's one-click actions sit beside the menus, taking no height from the docks.
  auto* modelBar = new QToolBar(tr("Model"), this);
  modelBar->setObjectName(QStringLiteral("modelToolBar"));
  modelBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  modelBar->setIconSize(QSize(1, 1));
  menuBar()->setCornerWidget(modelBar, Qt::TopRightCorner);
  modelBar->addAction(m_training->trainAction());
  modelBar->addAction(m_training->retrainAction());
  modelBar->addAction(m_training->cancelAction());
  modelBar->addAction(m_suggestions->suggestAction());

  m_team = new TeamActions(this);
  menuBar()->addMenu(m_team->menu());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* sheet = help->addAction(tr("&Keyboard Shortcuts…"), this, &MainWindow::showKeyboardSheet);
  sheet->setShortcut(QKeySequence(Qt::Key_F1));
}

void MainWindow::connectParts() {
  connect(m_list, &DocumentListPanel::filterChanged, this, &MainWindow::refreshDocumentList);
  connect(m_list, &DocumentListPanel::moveToSplitRequested, this, &MainWindow::moveToSplit);
  connect(m_list, &DocumentListPanel::documentActivated, this, [this](qint64 id) {
    if (id != m_session->documentId()) showDocument(id);
  });
  connect(m_view, &AnnotationView::statusMessage, this,
          [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(m_view, &AnnotationView::nextDocumentRequested, this, [this] { moveBy(1); });
  connect(m_view, &AnnotationView::previousDocumentRequested, this, [this] { moveBy(-1); });
  connect(m_view, &AnnotationView::markDoneRequested, this, &MainWindow::markDoneAndNext);
  connect(m_view, &AnnotationView::keyboardSheetRequested, this, &MainWindow::showKeyboardSheet);
  connect(m_findBar, &DocumentFindBar::labelAllRequested, this, &MainWindow::labelAllMatches);
  connect(m_categories, &CategoryPanel::statusMessage, this,
          [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(m_view, &AnnotationView::currentSpanChanged, this, &MainWindow::updateDetails);
  connect(m_view, &AnnotationView::selectionChanged, this, &MainWindow::updateDetails);
  m_view->viewport()->installEventFilter(this);
  connect(m_session, &DocumentSession::documentChanged, m_suggestions,
          &SuggestionController::documentChanged);
  // The docks show the suggested answers and categories; their buttons decide them.
  connect(m_suggestions, &SuggestionController::answersChanged, m_qa, &QaPanel::setSuggestions);
  connect(m_suggestions, &SuggestionController::categoriesChanged, m_categories,
          &CategoryPanel::setSuggestions);
  connect(m_qa, &QaPanel::suggestionAccepted, m_suggestions, &SuggestionController::acceptAnswer);
  connect(m_qa, &QaPanel::suggestionRejected, m_suggestions, &SuggestionController::rejectPrediction);
  connect(m_categories, &CategoryPanel::suggestionAccepted, m_suggestions,
          &SuggestionController::acceptCategory);
  connect(m_categories, &CategoryPanel::suggestionRejected, m_suggestions,
          &SuggestionController::rejectPrediction);
  connect(m_session, &DocumentSession::documentChanged, this, [this] {
    updateCurrentRow();
    m_categories->setCurrentLabels(m_session->sink() ? m_session->sink()->labels() : QStringList());
    updateDetails();
    updateCounts();
    m_findBar->refresh();
  });
  connect(m_session, &DocumentSession::editFailed, this,
          [this](const QString& m) { statusBar()->showMessage(m, 15000); });
  connect(m_palette, &LabelPalette::entityTypeChosen, this, &MainWindow::labelFromPalette);
  connect(m_view, &AnnotationView::currentRelationChanged, this, &MainWindow::updateDetails);
  const auto showMessage = [this](const QString& m) { statusBar()->showMessage(m, 8000); };
  connect(m_annotations, &AnnotationsPanel::statusMessage, this, showMessage);
  connect(m_qa, &QaPanel::statusMessage, this, showMessage);
  connect(m_categories, &CategoryPanel::categoryToggled, this, &MainWindow::toggleCategory);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  // A click may pick a relation or an answer, which the view announces with no signal.
  if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease)
    QTimer::singleShot(0, this, &MainWindow::updateDetails);
  return QMainWindow::eventFilter(watched, event);
}

QString MainWindow::applyQualityFix(const QualityFix& fix) {
  if (fix.documentId != m_session->documentId() && !showDocument(fix.documentId))
    return tr("The document could not be opened.");
  const QString error = applyFixToSession(*m_session, fix);
  if (error.isEmpty() && fix.kind == QLatin1String("entity") && fix.from != QLatin1String("none")) {
    m_view->setSelection(fix.start, fix.end);
    m_view->ensureCursorVisible();
  }
  return error;
}

QString MainWindow::annotator() const {
  return m_annotator.isEmpty() ? AnnotatorSettings::effective(m_projectPath) : m_annotator;
}

void MainWindow::setAnnotator(const QString& name) {
  m_annotator = name;
  annotatorChanged();
}

void MainWindow::askAnnotator() {
  AnnotatorDialog dialog(m_projectPath, this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_annotator.clear();  // the settings say it now
  annotatorChanged();
  statusBar()->showMessage(tr("Edits are now recorded as %1.").arg(annotator()), 5000);
}

void MainWindow::annotatorChanged() {
  m_session->setAnnotator(annotator());
  m_suggestions->setAnnotator(annotator());
  m_team->update();
  updateTitle();
}

void MainWindow::openProjectDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open Project"), QFileInfo(m_projectPath).absolutePath(), tr("Quarry projects (*.quarry)"));
  if (!path.isEmpty()) openWithMessage(path);
}

void MainWindow::openSharedProjectDialog() {
  bool ok = false;
  const QString last = ProjectLocation::isDatabaseUrl(m_projectPath) ? ProjectLocation::identity(m_projectPath)
                                                                     : QStringLiteral("postgresql://");
  const QString url = QInputDialog::getText(
      this, tr("Open Shared Project"),
      tr("The team's project on a PostgreSQL server, as a URL:\n"
         "postgresql://user@host:port/database (the password comes from ~/.pgpass)"),
      QLineEdit::Normal, last, &ok);
  if (!ok || url.trimmed().isEmpty()) return;
  if (!ProjectLocation::isDatabaseUrl(url.trimmed())) {
    QMessageBox::warning(this, tr("Cannot Open Project"), tr("A shared project's URL starts with postgresql://"));
    return;
  }
  openWithMessage(url.trimmed());
}

void MainWindow::openWithMessage(const QString& path) {
  if (Status s = openProject(path); !s && !m_openCancelled)
    QMessageBox::warning(this, tr("Cannot Open Project"), errorText(s.error()));
}

Status MainWindow::openProject(const QString& path) {
  m_openCancelled = false;
  // Editing takes the project's lock (kept when this window holds it already); held elsewhere, the
  // user may look read-only instead.
  bool readOnly = m_readOnlyMode;
  std::unique_ptr<ProjectLock> lock;
  // A project on a database server is shared by design: the server arbitrates writers (optimistic
  // concurrency, store/StoreTypes.h ReadVersion); the lock file is for project files.
  if (!readOnly && !ProjectLocation::isDatabaseUrl(path)) {
    const bool ours = m_lock && m_lock->projectPath() == QFileInfo(path).absoluteFilePath();
    lock = ours ? std::move(m_lock) : std::make_unique<ProjectLock>(path);
    if (!lock->tryLock()) {
      if (!lock->problem().isEmpty()) return Error(lock->problem().toStdString(), path.toStdString());
      if (LockConflictDialog::ask(this, path, lock->holder()) == LockConflictDialog::Choice::Cancel) {
        m_openCancelled = true;
        return Error("not opened: the project is open for editing elsewhere", path.toStdString());
      }
      readOnly = true;
      lock.reset();
    }
  }
  auto opened = ProjectStore::open(path, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
  if (!opened) return opened.error();
  Result<Schema> schema = opened.value()->schema();
  if (!schema) return schema.error();
  if (!m_projectPath.isEmpty() && m_session->isOpen()) saveLayout();
  // Another project starts unfiltered: a search for the last one would hide this one's documents.
  if (ProjectLocation::identity(path) != ProjectLocation::identity(m_projectPath)) m_list->resetFilters();
  if (m_activeLearning && m_activeLearning->projectPath() != ProjectLocation::canonical(path))
    delete m_activeLearning.data();  // a simulation of the project closed stops with it
  m_session->setStore(opened.value().get());
  m_store = std::move(opened.value());
  // Before anything shows a document: the parts that read the store must not hold the one just closed.
  m_training->setProject(path, m_store.get(), readOnly);
  m_suggestions->setProject(path, m_store.get(), readOnly);
  m_suggestions->setAnnotator(annotator());
  m_reviewPanel->setProject(path, m_store.get());
  m_queuePanel->setProject(m_store.get());
  m_errorPanel->setProject(path, m_store.get());
  // A shared project: teammates' edits show as they commit.
  if (QSqlDriver* edits = m_store->subscribeToEdits()) {
    if (!m_teammateTimer) {
      m_teammateTimer = new QTimer(this);
      m_teammateTimer->setSingleShot(true);
      m_teammateTimer->setInterval(250);
      connect(m_teammateTimer, &QTimer::timeout, this, &MainWindow::showTeammateEdits);
    }
    connect(edits, qOverload<const QString&, QSqlDriver::NotificationSource, const QVariant&>(&QSqlDriver::notification),
            this, [this](const QString&, QSqlDriver::NotificationSource source, const QVariant& payload) {
              if (source == QSqlDriver::SelfSource) return;
              m_teammateEdits.insert(payload.toString().toLongLong());
              m_teammateTimer->start();
            });
  }
  m_qualityPanel->setProject(path, m_store.get());
  m_lock = std::move(lock);
  m_projectPath = path;
  m_session->setAnnotator(annotator());
  QSettings().setValue(QStringLiteral("recentProject"), ProjectLocation::identity(path));  // no password
  const Result<ProjectInfo> info = m_store->info();
  RecentProjects().add(ProjectLocation::identity(path),
                       info && !info->name.isEmpty() ? info->name : QString());
  reloadProject();
  const qint64 last = QSettings().value(lastDocumentKey()).toLongLong();
  if (!(last > 0 && m_list->selectDocument(last)) && m_list->model()->rowCount() > 0) m_list->step(1);
  applyReadOnly();
  m_team->update();
  return {};
}

ActiveLearningDialog* MainWindow::activeLearningDialog() const { return m_activeLearning; }

ActiveLearningDialog* MainWindow::simulateActiveLearning() {
  if (!m_store) {
    statusBar()->showMessage(tr("Open a project to simulate active learning on."), 8000);
    return nullptr;
  }
  if (m_activeLearning && m_activeLearning->projectPath() != ProjectLocation::canonical(m_projectPath))
    delete m_activeLearning.data();  // another project's: what it runs is cancelled
  if (!m_activeLearning) {
    m_activeLearning = new ActiveLearningDialog(*m_store, m_projectPath, !storeReadOnly(), this);
    m_activeLearning->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_activeLearning, &ActiveLearningDialog::roundRecorded, this,
            [this] { m_runsPanel->refresh(m_store.get()); });
    connect(m_activeLearning, &ActiveLearningDialog::simulationEnded, this, [this] {
      m_runsPanel->refresh(m_store.get());
      m_errorPanel->refreshRuns();
      m_qualityPanel->refreshRuns();
    });
  }
  m_activeLearning->show();
  m_activeLearning->raise();
  m_activeLearning->activateWindow();
  return m_activeLearning;
}

bool MainWindow::closeProject() {
  if (!m_store) return true;
  if (!m_training->confirmStop()) return false;
  // A simulation of this project stops (its rounds so far stay recorded) and its window goes.
  if (m_activeLearning) delete m_activeLearning.data();
  saveLayout();
  m_training->setProject(QString(), nullptr, false);
  m_suggestions->setProject(QString(), nullptr, false);
  m_reviewPanel->setProject(QString(), nullptr);
  m_queuePanel->setProject(nullptr);
  m_errorPanel->setProject(QString(), nullptr);
  m_qualityPanel->setProject(QString(), nullptr);
  m_session->setStore(nullptr);
  m_view->setDocument(Document(), Schema());
  m_store.reset();
  m_lock.reset();
  m_projectPath.clear();
  m_schema = Schema();
  m_palette->setSchema(m_schema);
  m_findBar->setSchema(m_schema);
  m_categories->setSchema(m_schema, this);
  m_list->resetFilters();
  m_list->setChoices(m_schema, {});
  m_list->model()->setDocuments({});
  m_details->clearItem();
  updateCounts();
  updateTitle();
  m_team->update();
  Q_EMIT projectClosed();
  return true;
}

void MainWindow::exportProject() {
  if (m_projectPath.isEmpty()) return;
  ExportDialog dialog(m_projectPath, this);
  dialog.exec();
}

void MainWindow::reloadProject() {
  if (!m_store) return;
  if (Result<Schema> schema = m_store->schema(); schema)
    m_schema = schema.value();
  else
    statusBar()->showMessage(errorText(schema.error()));
  m_palette->setSchema(m_schema);
  m_findBar->setSchema(m_schema);
  m_categories->setSchema(m_schema, this);
  m_reviewPanel->setSchema(m_schema);
  const Result<QStringList> annotators = m_store->annotators();
  m_list->setChoices(m_schema, annotators ? annotators.value() : QStringList());
  refreshDocumentList();
  if (m_session->isOpen()) {
    m_session->setSchema(m_schema);
    m_categories->setCurrentLabels(m_session->sink()->labels());
  } else {
    m_categories->setCurrentLabels({});
  }
  applyReadOnly();
  updateDetails();
  updateTitle();
  m_fitter->fitLater();
}

void MainWindow::refresh() {
  if (!m_store) return;
  // Another window may have edited the schema; then everything is re-read.
  if (Result<Schema> schema = m_store->schema(); schema && schema.value() != m_schema) {
    reloadProject();
    statusBar()->showMessage(tr("Refreshed from the project file."), 4000);
    return;
  }
  const Result<QStringList> annotators = m_store->annotators();
  m_list->setChoices(m_schema, annotators ? annotators.value() : QStringList());
  refreshDocumentList();
  QString error;
  if (!m_session->refresh(&error))
    statusBar()->showMessage(error, 15000);
  else
    statusBar()->showMessage(tr("Refreshed from the project file."), 4000);
}

void MainWindow::showTeammateEdits() {
  const QSet<qint64> edited = std::exchange(m_teammateEdits, {});
  if (!m_store) return;
  refreshDocumentList();
  if (m_session->isOpen() && edited.contains(m_session->documentId())) {
    QString error;
    if (m_session->refresh(&error))
      statusBar()->showMessage(tr("A teammate edited this document: it shows their changes."), 6000);
    else
      statusBar()->showMessage(error, 15000);
  }
}

void MainWindow::refreshDocumentList() {
  if (!m_store) return;
  const qint64 current = m_session->documentId();
  Result<QVector<DocumentSummary>> list = m_store->listDocuments(m_list->filter());
  if (!list) {
    statusBar()->showMessage(errorText(list.error()), 15000);
    return;
  }
  m_list->model()->setDocuments(list.value());
  // A team's project: who has each document, and who finished it.
  Result<QVector<Assignment>> assigned = m_store->assignments();
  m_list->model()->setAssignments(assigned ? assigned.value() : QVector<Assignment>());
  m_list->view()->setColumnHidden(DocumentListModel::TeamColumn, !m_list->model()->hasAssignments());
  m_list->view()->resizeColumnsToContents();
  if (current) m_list->selectDocument(current);  // the same document: no reload
  updateCounts();
}

bool MainWindow::showDocument(qint64 documentId) {
  if (!m_store) return false;
  QString error;
  // A team's separate layers: whose annotations this document shows, decided before it shows.
  if (m_session->documentId() != documentId) m_session->close();
  m_session->setOwnLayerOnly(m_team->ownLayerOnly(documentId));
  if (!m_session->open(documentId, m_schema, &error)) {
    statusBar()->showMessage(error, 15000);
    return false;
  }
  m_list->selectDocument(documentId);
  m_categories->setCurrentLabels(m_session->sink()->labels());
  QSettings().setValue(lastDocumentKey(), documentId);
  m_findBar->refresh();
  updateDetails();
  updateCounts();
  updateTitle();
  m_team->update();
  return true;
}

qint64 MainWindow::currentDocument() const { return m_session->documentId(); }

void MainWindow::updateCurrentRow() {
  if (!m_session->isOpen()) return;
  const Document& d = m_session->document();
  DocumentSummary s;
  s.id = m_session->documentId();
  s.name = d.name;
  s.split = d.split;
  s.status = d.status;
  s.entities = int(d.entities.size());
  s.relations = int(d.relations.size());
  s.answers = int(d.answers.size());
  s.labels = int(d.labels.size());
  m_list->model()->updateDocument(s);
}

void MainWindow::updateDetails() {
  if (!m_session->isOpen()) {
    m_details->clearItem();
    return;
  }
  const Document& d = m_session->document();
  if (!m_view->currentRelation().isEmpty()) {
    m_details->showItem(d, m_schema, ItemDetailsPanel::Kind::Relation, m_view->currentRelation());
  } else if (!m_view->currentSpan().isEmpty()) {
    m_details->showItem(d, m_schema, ItemDetailsPanel::Kind::Entity, m_view->currentSpan());
  } else {
    const int caret = m_view->cursorPosition();
    for (const QaAnswer& a : d.answers)
      if (!a.noAnswer && caret >= a.start && caret <= a.end) {
        m_details->showItem(d, m_schema, ItemDetailsPanel::Kind::Answer, a.field);
        return;
      }
    m_details->clearItem();
  }
}

QString MainWindow::countsText() const { return m_counts->text(); }

void MainWindow::updateCounts() {
  const DocumentListModel* model = m_list->model();
  int annotations = 0;
  for (const DocumentSummary& d : model->documents())
    annotations += d.entities + d.relations + d.answers + d.labels;
  QString text = tr("%n document(s) listed", nullptr, model->rowCount()) + QStringLiteral(" · ") +
                 tr("%1 done").arg(model->doneCount()) + QStringLiteral(" · ") +
                 tr("%n annotation(s)", nullptr, annotations);
  if (m_session->isOpen()) {
    const Document& d = m_session->document();
    text += QStringLiteral(" · ") + tr("this document:") + QLatin1Char(' ') +
            tr("%n span(s)", nullptr, int(d.entities.size())) + QStringLiteral(", ") +
            tr("%n relation(s)", nullptr, int(d.relations.size())) + QStringLiteral(", ") +
            tr("%n answer(s)", nullptr, int(d.answers.size()));
  }
  m_counts->setText(text);
}

void MainWindow::updateTitle() {
  QString title = tr("Quarry");
  if (!m_projectPath.isEmpty()) title = tr("%1 — %2").arg(ProjectLocation::shortNameOf(m_projectPath), title);
  if (m_session->isOpen()) title = tr("%1 — %2").arg(m_session->document().name, title);
  if (!m_projectPath.isEmpty()) title = tr("%1 — annotator: %2").arg(title, annotator());
  if (m_readOnlyMode || storeReadOnly())
    title = tr("%1 (read-only)").arg(title);
  else if (m_reviewMode)
    title = tr("%1 (review mode)").arg(title);
  setWindowTitle(title);
}

void MainWindow::setReadOnlyMode(bool on) {
  if (m_readOnlyMode == on) return;
  m_readOnlyMode = on;
  m_readOnly->setChecked(on);
  if (!m_projectPath.isEmpty()) {
    const qint64 current = m_session->documentId();
    if (Status s = openProject(m_projectPath); !s)
      statusBar()->showMessage(errorText(s.error()), 15000);
    else if (current && current != m_session->documentId())
      showDocument(current);
  }
  applyReadOnly();
  updateTitle();
}

bool MainWindow::storeReadOnly() const { return m_store && m_store->isReadOnly(); }

void MainWindow::applyReadOnly() {
  const bool readOnly = m_readOnlyMode || storeReadOnly();
  // Review mode: read-only but for deciding the model's suggestions, which the store must take.
  const bool reviewing = m_reviewMode && !readOnly;
  m_view->setReadOnly(readOnly || reviewing);
  m_view->setDecidingWhileReadOnly(reviewing);
  m_categories->setEditable(!readOnly && !reviewing);
  m_categories->setDecidingWhileReadOnly(reviewing);
  m_qa->setDecidingWhileReadOnly(reviewing);
  m_import->setEnabled(!reviewing);
  m_editSchema->setEnabled(!reviewing);
  m_mode->setText(readOnly ? tr("Read-only") : reviewing ? tr("Review mode") : QString());
}

void MainWindow::setReviewMode(bool on) {
  if (m_reviewMode == on) return;
  m_reviewMode = on;
  m_reviewPanel->reviewModeAction()->setChecked(on);
  // The edits undone in review mode may only be the reviewer's own acceptances.
  if (on) m_undo->clear();
  applyReadOnly();
  updateTitle();
  if (on) {
    m_reviewDock->show();
    m_reviewDock->raise();
    statusBar()->showMessage(
        tr("Review mode: decisions are recorded as %1; everything else is read-only.").arg(annotator()),
        8000);
  }
}

void MainWindow::showPrediction(const Prediction& prediction) {
  if (prediction.documentId != m_session->documentId() && !showDocument(prediction.documentId)) return;
  const QString field = prediction.payload.value(QLatin1String("field")).toString();
  if (prediction.kind == QLatin1String("answer") && !field.isEmpty()) {
    m_qaDock->show();
    m_qaDock->raise();
    m_qa->selectField(field);
    m_qa->list()->setFocus();
    return;
  }
  if (prediction.kind == QLatin1String("label")) {
    m_categoriesDock->show();
    m_categoriesDock->raise();
    return;
  }
  const int spans = int(m_view->suggestions().size());
  for (int i = 0; i < m_view->suggestionCount(); ++i) {
    const qint64 id = i < spans ? m_view->suggestions()[i].id : m_view->suggestedRelations()[i - spans].id;
    if (id == prediction.id) m_view->setCurrentSuggestion(i);
  }
  m_view->setFocus();
}

bool MainWindow::refuseIfReadOnly() {
  if (!m_view->isReadOnly()) return false;
  statusBar()->showMessage(
      m_reviewMode && !m_readOnlyMode && !storeReadOnly()
          ? tr("Review mode: only the model's suggestions can be decided (A accepts, X rejects; Model > "
               "Review Mode ends it).")
          : tr("This window is read-only: edits are not allowed (View > Read-Only Mode)."),
      8000);
  return true;
}

void MainWindow::moveBy(int step) {
  if (!m_list->step(step))
    statusBar()->showMessage(step > 0 ? tr("This is the last document in the list.")
                                      : tr("This is the first document in the list."),
                             5000);
  m_view->setFocus();
}

void MainWindow::markDoneAndNext() {
  if (!m_session->isOpen() || refuseIfReadOnly()) return;
  QString error;
  const Split before = m_session->document().split;
  if (!m_session->setStatus(DocumentStatus::Done, &error)) {
    statusBar()->showMessage(error, 15000);
    return;
  }
  const Document& d = m_session->document();
  statusBar()->showMessage(d.split != before
                               ? tr("%1 marked done and moved from the pool to the train split: the next "
                                    "model trains on it.")
                                     .arg(d.name)
                               : tr("%1 marked done.").arg(d.name),
                           8000);
  moveBy(1);
}

void MainWindow::moveToSplit(qint64 documentId, Split split) {
  if (!m_store || refuseIfReadOnly()) return;
  if (Status s = m_store->setDocumentSplit(documentId, split, annotator()); !s) {
    statusBar()->showMessage(errorText(s.error()), 15000);
    return;
  }
  QString error;
  if (documentId == m_session->documentId() && !m_session->refresh(&error))
    statusBar()->showMessage(error, 15000);
  refreshDocumentList();
  statusBar()->showMessage(tr("Moved to the %1 split.").arg(DocumentListModel::splitLabel(split)), 5000);
}

void MainWindow::toggleCategory(const QString& category, bool on) {
  if (!m_session->isOpen() || refuseIfReadOnly()) return;
  m_session->setCategory(category, on);
}

void MainWindow::labelFromPalette(const QString& type) {
  if (!m_session->isOpen() || refuseIfReadOnly()) return;
  const QPair<int, int> sel = m_view->selection();
  if (sel.first == sel.second) {
    statusBar()->showMessage(tr("Select some text first, then click %1 to label it.").arg(type), 8000);
    return;
  }
  m_session->labelSelection(type);
  m_view->setFocus();
}

void MainWindow::showKeyboardSheet() {
  KeyboardSheet sheet(this, m_schema, this);
  sheet.exec();
}

void MainWindow::goTo() {
  if (!m_session->isOpen()) return;
  GoToDialog dialog(m_session->document().text, m_view->cursorPosition(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_view->setCursorPosition(dialog.offset());
  m_view->ensureCursorVisible();
  m_view->setFocus();
}

void MainWindow::labelAllMatches(const QString& type, const QVector<QPair<int, int>>& matches) {
  if (!m_session->isOpen() || refuseIfReadOnly()) return;
  const int added = m_session->labelRanges(type, matches);
  statusBar()->showMessage(tr("%n span(s) labelled %1; Ctrl+Z removes them all.", nullptr, added).arg(type),
                           8000);
}

QString MainWindow::lastDocumentKey() const {
  const QByteArray hash = QCryptographicHash::hash(ProjectLocation::identity(m_projectPath).toUtf8(),
                                                   QCryptographicHash::Sha1);
  return QStringLiteral("lastDocument/") + QString::fromLatin1(hash.toHex().left(16));
}

bool MainWindow::nextByActiveLearning() {
  m_queuePanel->refresh();
  const qint64 next = m_queuePanel->nextAfter(m_session->isOpen() ? m_session->documentId() : 0);
  if (next == 0) {
    statusBar()->showMessage(m_queuePanel->statusLabel()->text(), 8000);
    return false;
  }
  if (!showDocument(next)) return false;
  for (const jobs::QueuedDocument& d : m_queuePanel->queue())
    if (d.documentId == next)
      statusBar()->showMessage(
          tr("Next by active learning (score %1): %2").arg(d.score, 0, 'f', 3).arg(d.reason), 15000);
  m_view->setFocus();
  return true;
}

void MainWindow::saveLayout() {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
  if (m_session->isOpen()) settings.setValue(lastDocumentKey(), m_session->documentId());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!m_training->confirmStop()) {
    event->ignore();
    return;
  }
  saveLayout();
  event->accept();
}

}  // namespace quarry::ui
