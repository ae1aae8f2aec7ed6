#include "training/ActiveLearningDialog.h"
#include "store/ProjectLocation.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"
#include "train/TrainConfig.h"
#include "training/LearningCurveChart.h"

namespace quarry::ui {
namespace {

enum ResultColumn { Strategy, At95, At99, HoursTo99, AboveRandom, ResultColumnCount };

QString strategyName(suggest::SelectionStrategy strategy) {
  return QString::fromStdString(suggest::selectionStrategyName(strategy));
}

// What a person reads for a strategy: its name, and what it picks as tooltip.
std::pair<QString, QString> strategyText(suggest::SelectionStrategy strategy) {
  using S = suggest::SelectionStrategy;
  switch (strategy) {
    case S::Random:
      return {QObject::tr("random"),
              QObject::tr("A seeded random draw: the baseline every strategy is measured by")};
    case S::LeastConfidence:
      return {QObject::tr("least confidence"),
              QObject::tr("The units whose most probable label is least probable")};
    case S::Margin:
      return {QObject::tr("margin"), QObject::tr("The units whose two most probable labels are closest")};
    case S::Entropy:
      return {QObject::tr("entropy"), QObject::tr("The units whose label distributions are most spread out")};
    case S::Mnlp:
      return {QObject::tr("MNLP"), QObject::tr("Maximum normalised log-probability: the least probable best "
                                               "labelling per word (long sentences are not favoured)")};
    case S::Diversity:
      return {QObject::tr("diversity"),
              QObject::tr("The most uncertain unit of each cluster of the pool, so a "
                          "batch does not repeat itself")};
  }
  return {};
}

// "sentences" / "documents", for people.
QString unitText(jobs::SimulationUnit unit) {
  return unit == jobs::SimulationUnit::Sentence ? QObject::tr("sentences") : QObject::tr("documents");
}

// What a task learns from, counted, for people.
QString itemsText(const QString& task, int n) {
  if (task == QLatin1String("classify")) return QObject::tr("%n categories", nullptr, n);
  if (task == QLatin1String("relation")) return QObject::tr("%n relations", nullptr, n);
  if (task == QLatin1String("qa")) return QObject::tr("%n answers", nullptr, n);
  return QObject::tr("%n entities", nullptr, n);
}

QString splitText(Split split) {
  switch (split) {
    case Split::Train:
      return QObject::tr("train");
    case Split::Dev:
      return QObject::tr("dev");
    case Split::Test:
      return QObject::tr("test");
    case Split::Unassigned:
      return QObject::tr("unassigned");
  }
  return {};
}

// A folder of its own beside the project: <project>-models/active-learning-<yyyyMMdd-hhmmss>, "-2", "-3", ...
// added when two start within a second.
QString freshOutputFolder(const QString& project) {
  const QFileInfo info(project);
  const QString base =
      info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-models/active-learning-") +
                                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss")));
  QString folder = base;
  for (int k = 2; QFileInfo::exists(folder); ++k) folder = base + QStringLiteral("-%1").arg(k);
  return folder;
}

QTableWidgetItem* cell(const QString& text, const QString& tooltip = {}) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  if (!tooltip.isEmpty()) item->setToolTip(tooltip);
  return item;
}

QDoubleSpinBox* percentBox(double value, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(0.1, 100);
  box->setDecimals(1);
  box->setSingleStep(1);
  box->setSuffix(QStringLiteral(" %"));
  box->setValue(value);
  return box;
}

}  // namespace

ActiveLearningDialog::ActiveLearningDialog(ProjectStore& store, const QString& projectPath, bool recordRuns,
                                           QWidget* parent)
    : QDialog(parent), m_projectPath(ProjectLocation::canonical(projectPath)), m_recordRuns(recordRuns) {
  setObjectName(QStringLiteral("ActiveLearningDialog"));
  setWindowTitle(tr("Simulate Active Learning — %1").arg(ProjectLocation::shortNameOf(projectPath)));
  if (auto documents = store.listDocuments())
    for (const DocumentSummary& d : documents.value()) {
      QMap<QString, int>& items = m_items[splitName(d.split)];
      items[QStringLiteral("ner")] += d.entities;
      items[QStringLiteral("classify")] += d.labels;
      items[QStringLiteral("relation")] += d.relations;
      items[QStringLiteral("qa")] += d.answers;
    }

  auto* explain = new QLabel(
      tr("A simulated annotator: the labelled documents of the pool split are taken as unlabelled. Each "
         "strategy starts from the same random seed set; a model trains on what is labelled, picks the next "
         "batch, and that batch's gold labels are revealed, round after round up to the budget. Every round "
         "is scored on the dev split and recorded as a run. The labels in the pool must be complete: what is "
         "not labelled there is taken as not there."),
      this);
  explain->setObjectName(QStringLiteral("activeLearningExplanation"));
  explain->setWordWrap(true);

  m_options = new QWidget(this);
  m_task = new QComboBox(m_options);
  m_task->setObjectName(QStringLiteral("simulationTaskBox"));
  QStringList tasks;
  for (const char* task : train::kTaskNames) {
    const QString name = QString::fromLatin1(task);
    bool labelled = false;
    for (const QMap<QString, int>& items : std::as_const(m_items)) labelled |= items.value(name) > 0;
    if (labelled) tasks << name;
  }
  if (tasks.isEmpty())  // nothing labelled: every task, and the simulation says why it cannot start
    for (const char* task : train::kTaskNames) tasks << QString::fromLatin1(task);
  for (const QString& task : tasks) m_task->addItem(jobs::taskTitle(task.toStdString()), task);

  m_poolSplit = new QComboBox(m_options);
  m_poolSplit->setObjectName(QStringLiteral("poolSplitBox"));
  m_devSplit = new QComboBox(m_options);
  m_devSplit->setObjectName(QStringLiteral("devSplitBox"));
  for (Split split : {Split::Train, Split::Dev, Split::Test, Split::Unassigned}) {
    m_poolSplit->addItem(splitText(split), splitName(split));
    m_devSplit->addItem(splitText(split), splitName(split));
  }
  m_poolSplit->setCurrentIndex(0);
  m_devSplit->setCurrentIndex(1);

  auto* strategies = new QGroupBox(tr("Strategies"), m_options);
  auto* grid = new QGridLayout(strategies);
  int k = 0;
  for (suggest::SelectionStrategy strategy : suggest::allSelectionStrategies()) {
    const auto [text, tip] = strategyText(strategy);
    auto* box = new QCheckBox(text, strategies);
    box->setObjectName(QStringLiteral("strategy_") + strategyName(strategy));
    box->setToolTip(tip);
    box->setChecked(strategy == suggest::SelectionStrategy::Random ||
                    strategy == suggest::SelectionStrategy::Mnlp ||
                    strategy == suggest::SelectionStrategy::Diversity);
    grid->addWidget(box, k / 2, k % 2);
    m_strategies.insert(strategyName(strategy), box);
    connect(box, &QCheckBox::toggled, this, &ActiveLearningDialog::updateButtons);
    ++k;
  }

  m_seeds = new QSpinBox(m_options);
  m_seeds->setObjectName(QStringLiteral("seedsBox"));
  m_seeds->setRange(1, 10);
  m_seeds->setValue(3);
  m_seeds->setToolTip(tr("Curves per strategy, each from its own seed set: the band shows their spread"));
  m_unit = new QComboBox(m_options);
  m_unit->setObjectName(QStringLiteral("unitBox"));
  m_unit->addItem(tr("sentences"), QStringLiteral("sentences"));
  m_unit->addItem(tr("documents"), QStringLiteral("documents"));
  m_unit->setToolTip(tr("What the annotator labels at a time; sentences for NER only"));
  m_seedSize = percentBox(2, m_options);
  m_seedSize->setObjectName(QStringLiteral("seedSizeBox"));
  m_seedSize->setToolTip(tr("The random seed set every curve starts from, as a share of the pool"));
  m_roundSize = percentBox(2, m_options);
  m_roundSize->setObjectName(QStringLiteral("roundSizeBox"));
  m_roundSize->setToolTip(tr("What each round reveals, as a share of the pool"));
  m_budget = percentBox(50, m_options);
  m_budget->setObjectName(QStringLiteral("budgetBox"));
  m_budget->setToolTip(tr("A curve stops once this share of the pool is labelled"));
  m_epochs = new QSpinBox(m_options);
  m_epochs->setObjectName(QStringLiteral("epochsBox"));
  m_epochs->setRange(1, 1000);
  m_epochs->setToolTip(tr("Passes over the labelled data in each round (every other option at its default)"));
  m_minSteps = new QSpinBox(m_options);
  m_minSteps->setObjectName(QStringLiteral("minStepsBox"));
  m_minSteps->setRange(0, 100000);
  m_minSteps->setSingleStep(100);
  m_minSteps->setValue(300);
  m_minSteps->setSpecialValueText(tr("as the epochs say"));
  m_minSteps->setSuffix(tr(" steps"));
  m_minSteps->setToolTip(tr("A round on few labelled units trains at least this many steps (more epochs), so that "
                            "an early round is not scored on a model that barely trained"));
  m_patience = new QSpinBox(m_options);
  m_patience->setObjectName(QStringLiteral("patienceBox"));
  m_patience->setRange(0, 1000);
  m_patience->setSpecialValueText(tr("never"));
  m_patience->setSuffix(tr(" evaluations without gain"));
  m_patience->setToolTip(
      tr("A round stops after this many evaluations without a better dev score. A model "
         "trained on few units often scores 0 for its first epochs: 'never' trains them all"));
  m_warmStart = new QCheckBox(tr("from the previous round's model"), m_options);
  m_warmStart->setToolTip(
      tr("Each round goes on training the previous round's model instead of starting "
         "from scratch: faster, though the curve then depends on the order of the batches"));
  m_warmStart->setObjectName(QStringLiteral("warmStartBox"));
  m_wordsPerHour = new QSpinBox(m_options);
  m_wordsPerHour->setObjectName(QStringLiteral("wordsPerHourBox"));
  m_wordsPerHour->setRange(100, 100000);
  m_wordsPerHour->setSingleStep(100);
  m_wordsPerHour->setValue(1500);
  m_wordsPerHour->setGroupSeparatorShown(true);
  m_wordsPerHour->setToolTip(tr("The annotator's pace, for the hours of annotation in the results"));

  auto* form = new QFormLayout;
  form->addRow(tr("T&ask:"), m_task);
  form->addRow(tr("&Pool:"), m_poolSplit);
  form->addRow(tr("Scored on (&dev):"), m_devSplit);
  form->addRow(tr("See&ds:"), m_seeds);
  form->addRow(tr("&Unit:"), m_unit);
  form->addRow(tr("Seed set:"), m_seedSize);
  form->addRow(tr("&Round size:"), m_roundSize);
  form->addRow(tr("&Budget:"), m_budget);
  form->addRow(tr("&Epochs per round:"), m_epochs);
  form->addRow(tr("At least, per round:"), m_minSteps);
  form->addRow(tr("Stop early a&fter:"), m_patience);
  form->addRow(tr("Warm start:"), m_warmStart);
  auto* optionsLayout = new QVBoxLayout(m_options);
  optionsLayout->setContentsMargins(0, 0, 0, 0);
  optionsLayout->addLayout(form);
  optionsLayout->addWidget(strategies);

  m_resume = new QPushButton(tr("&Resume Last"), this);
  m_resume->setObjectName(QStringLiteral("resumeSimulationButton"));
  m_resume->setToolTip(tr("Continue this project's latest cancelled or interrupted simulation, with the options it "
                          "started with, at the round it stopped in"));
  m_start = new QPushButton(tr("&Start"), this);
  m_start->setObjectName(QStringLiteral("startSimulationButton"));
  m_start->setDefault(true);
  m_cancel = new QPushButton(tr("&Cancel"), this);
  m_cancel->setObjectName(QStringLiteral("cancelSimulationButton"));
  m_cancel->setToolTip(tr("Stop after the step in training; the rounds so far stay recorded"));
  m_bar = new QProgressBar(this);
  m_bar->setObjectName(QStringLiteral("simulationProgress"));
  m_bar->setRange(0, 1);
  m_bar->setValue(0);
  m_status = new QLabel(tr("Choose the strategies and sizes, then Start."), this);
  m_status->setObjectName(QStringLiteral("simulationStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_chart = new LearningCurveChart(this);
  m_chart->setObjectName(QStringLiteral("learningCurveChart"));
  m_chart->setMinimumSize(480, 300);
  m_results = new QTableWidget(0, ResultColumnCount, this);
  m_results->setObjectName(QStringLiteral("simulationResults"));
  m_results->setHorizontalHeaderLabels({tr("Strategy"), tr("Reaches 95% at"), tr("Reaches 99% at"),
                                        tr("Hours to 99%"), tr("Rounds above random")});
  m_results->verticalHeader()->hide();
  m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_results->horizontalHeader()->setSectionResizeMode(Strategy, QHeaderView::ResizeToContents);
  m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_results->setMinimumHeight(120);
  m_note = new QLabel(this);
  m_note->setObjectName(QStringLiteral("simulationNote"));
  m_note->setWordWrap(true);
  m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_folder = new QLabel(this);
  m_folder->setObjectName(QStringLiteral("simulationFolder"));
  m_folder->setTextFormat(Qt::RichText);
  m_folder->setOpenExternalLinks(true);
  auto* paceRow = new QHBoxLayout;
  auto* paceLabel = new QLabel(tr("&Words per hour:"), this);
  paceLabel->setBuddy(m_wordsPerHour);
  paceRow->addWidget(paceLabel);
  paceRow->addWidget(m_wordsPerHour);
  paceRow->addStretch(1);
  paceRow->addWidget(m_folder);

  m_saveChart = new QPushButton(tr("Save C&hart…"), this);
  m_saveChart->setObjectName(QStringLiteral("saveChartButton"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addButton(m_saveChart, QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &ActiveLearningDialog::reject);

  auto* left = new QVBoxLayout;
  left->addWidget(explain);
  left->addWidget(m_options);
  auto* startRow = new QHBoxLayout;
  startRow->addWidget(m_start);
  startRow->addWidget(m_cancel);
  startRow->addWidget(m_resume);
  startRow->addStretch(1);
  left->addLayout(startRow);
  left->addStretch(1);
  auto* right = new QVBoxLayout;
  right->addWidget(m_chart, 3);
  right->addWidget(m_results, 1);
  right->addLayout(paceRow);
  right->addWidget(m_note);
  auto* top = new QHBoxLayout;
  auto* leftWidget = new QWidget(this);
  leftWidget->setLayout(left);
  leftWidget->setMaximumWidth(480);
  left->setContentsMargins(0, 0, 0, 0);
  top->addWidget(leftWidget);
  top->addLayout(right, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top, 1);
  layout->addWidget(m_status);
  layout->addWidget(m_bar);
  layout->addWidget(buttons);

  connect(m_task, &QComboBox::currentIndexChanged, this, &ActiveLearningDialog::taskChanged);
  connect(m_poolSplit, &QComboBox::currentIndexChanged, this, &ActiveLearningDialog::updateTaskTexts);
  connect(m_start, &QPushButton::clicked, this, [this] { start(); });
  connect(m_resume, &QPushButton::clicked, this, [this] { resume(); });
  connect(m_cancel, &QPushButton::clicked, this, &ActiveLearningDialog::cancel);
  connect(m_saveChart, &QPushButton::clicked, this, [this] { saveChart(); });
  connect(m_wordsPerHour, &QSpinBox::valueChanged, this, [this] {
    showResults();
    showNote();
  });

  // The first task with labels in the pool.
  const QMap<QString, int> pool = m_items.value(splitName(Split::Train));
  for (int i = 0; i < m_task->count(); ++i)
    if (pool.value(m_task->itemData(i).toString()) > 0) {
      m_task->setCurrentIndex(i);
      break;
    }
  taskChanged();
  updateTaskTexts();
  showChart({});
  updateButtons();
  resize(1180, 760);
}

ActiveLearningDialog::~ActiveLearningDialog() {
  if (!m_thread) return;
  m_simulation->cancel();
  m_thread->wait();  // what it posts to this window afterwards is dropped with it
  delete m_thread;
}

QChartView* ActiveLearningDialog::chartView() const { return m_chart; }

QList<QLineSeries*> ActiveLearningDialog::strategySeries() const { return m_chart->strategySeries(); }

std::string ActiveLearningDialog::currentTask() const {
  return m_task->currentData().toString().toStdString();
}

void ActiveLearningDialog::taskChanged() {
  const std::string task = currentTask();
  const bool ner = task == "ner";
  if (auto* model = qobject_cast<QStandardItemModel*>(m_unit->model()))
    if (QStandardItem* sentences = model->item(0)) sentences->setEnabled(ner);
  m_unit->setCurrentIndex(ner ? 0 : 1);
  const train::TrainConfig defaults = train::TrainConfig::defaultsFor(task.empty() ? "ner" : task);
  m_epochs->setValue(defaults.epochs);
  m_patience->setValue(defaults.patience);
}

void ActiveLearningDialog::updateTaskTexts() {
  Split pool = Split::Train;
  parseSplit(m_poolSplit->currentData().toString(), &pool);
  const QMap<QString, int> items = m_items.value(splitName(pool));
  for (int i = 0; i < m_task->count(); ++i) {
    const QString task = m_task->itemData(i).toString();
    m_task->setItemText(i, tr("%1 — %2 in %3")
                               .arg(jobs::taskTitle(task.toStdString()), itemsText(task, items.value(task)),
                                    splitText(pool)));
  }
}

void ActiveLearningDialog::updateButtons() {
  const bool running = isRunning();
  bool anyStrategy = false;
  for (QCheckBox* box : std::as_const(m_strategies)) anyStrategy |= box->isChecked();
  m_options->setEnabled(!running);
  m_start->setEnabled(!running && anyStrategy && m_task->count() > 0);
  m_cancel->setEnabled(running && m_simulation && !m_simulation->isCancelled());
  m_resume->setEnabled(!running && !resumableFolder().isEmpty());
  m_saveChart->setEnabled(!m_chart->strategySeries().isEmpty());
}

void ActiveLearningDialog::setStatus(const QString& text, bool error) {
  m_status->setText(text);
  m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

Result<jobs::SimulationSpec> ActiveLearningDialog::spec() const {
  jobs::SimulationSpec spec;
  spec.projectPath = m_projectPath;
  Split pool = Split::Train, dev = Split::Dev;
  parseSplit(m_poolSplit->currentData().toString(), &pool);
  parseSplit(m_devSplit->currentData().toString(), &dev);
  if (pool == dev)
    return Error(tr("The pool and the dev split are the same: every round would be scored on what it "
                    "trained on.")
                     .toStdString());
  spec.poolSplits = {pool};
  spec.devSplits = {dev};
  const std::string task = currentTask();
  if (task.empty()) return Error(tr("Choose a task.").toStdString());
  spec.config = train::TrainConfig::defaultsFor(task);
  spec.config.task = task;
  spec.config.epochs = m_epochs->value();
  spec.config.patience = m_patience->value();
  spec.minSteps = m_minSteps->value();
  spec.strategies.clear();
  for (suggest::SelectionStrategy strategy : suggest::allSelectionStrategies())
    if (QCheckBox* box = m_strategies.value(strategyName(strategy)); box && box->isChecked())
      spec.strategies.push_back(strategy);
  if (spec.strategies.empty()) return Error(tr("Choose at least one strategy.").toStdString());
  spec.seeds = m_seeds->value();
  spec.unit = m_unit->currentData().toString() == QLatin1String("sentences") && task == "ner"
                  ? jobs::SimulationUnit::Sentence
                  : jobs::SimulationUnit::Document;
  spec.seedUnits = spec.batchUnits = spec.budgetUnits = 0;
  spec.seedShare = m_seedSize->value() / 100.0;
  spec.batchShare = m_roundSize->value() / 100.0;
  spec.budgetShare = m_budget->value() / 100.0;
  spec.warmStart = m_warmStart->isChecked();
  spec.record = m_recordRuns;
  spec.wordsPerHour = m_wordsPerHour->value();
  spec.outputFolder = freshOutputFolder(m_projectPath);
  return spec;
}

bool ActiveLearningDialog::start() {
  if (isRunning()) return false;
  auto made = spec();
  if (!made) {
    setStatus(QString::fromStdString(made.error().toString()), true);
    return false;
  }
  return startWith(made.value());
}

QString ActiveLearningDialog::resumableFolder() const {
  const QFileInfo info(m_projectPath);
  QDir models(info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-models")));
  const QStringList folders = models.entryList({QStringLiteral("active-learning-*")}, QDir::Dirs, QDir::Name);
  for (auto it = folders.crbegin(); it != folders.crend(); ++it)  // the newest first
    if (jobs::simulationUnfinished(models.filePath(*it))) return models.filePath(*it);
  return {};
}

bool ActiveLearningDialog::resume() {
  if (isRunning()) return false;
  const QString folder = resumableFolder();
  if (folder.isEmpty()) {
    setStatus(tr("No cancelled or interrupted simulation of this project to resume."), true);
    return false;
  }
  auto made = jobs::resumeSpec(folder);
  if (!made) {
    setStatus(QString::fromStdString(made.error().toString()), true);
    return false;
  }
  made->record = made->record && m_recordRuns;
  return startWith(made.value());
}

bool ActiveLearningDialog::startWith(const jobs::SimulationSpec& spec) {
  m_running = spec;
  m_outputFolder = m_running.outputFolder;
  m_outcome = jobs::SimulationOutcome();
  m_poolUnits = 0;
  m_closeWhenStopped = false;
  m_lastTraining.clear();
  m_curves = suggest::LearningCurveSummary();
  m_results->setRowCount(0);
  showNote();
  m_bar->setRange(0, 0);  // busy until the pool is read
  setStatus(tr("Reading the pool…"));
  m_simulation = std::make_unique<jobs::ActiveLearningSimulation>(m_running);
  jobs::ActiveLearningSimulation* simulation = m_simulation.get();
  m_thread = QThread::create([this, simulation] {
    // A report per phase or round, else at most one every 100 ms: a training step is often far shorter.
    QElapsedTimer since;
    QString last;
    auto progress = [&](const jobs::SimulationProgress& p) {
      const QString key = QStringLiteral("%1/%2/%3/%4").arg(p.strategy).arg(p.seed).arg(p.round).arg(p.phase);
      if (key == last && since.isValid() && since.elapsed() < 100) return;
      last = key;
      since.start();
      QMetaObject::invokeMethod(
          this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
    };
    auto outcome = std::make_shared<jobs::SimulationOutcome>(simulation->run(progress));
    QMetaObject::invokeMethod(
        this, [this, outcome] { ended(outcome); }, Qt::QueuedConnection);
  });
  m_thread->setObjectName(QStringLiteral("active-learning"));
  m_thread->start();
  showChart(m_curves);  // empty, saying when the curves come
  updateButtons();
  return true;
}

void ActiveLearningDialog::cancel() {
  if (!isRunning()) return;
  m_simulation->cancel();
  setStatus(tr("Cancelling: the round in training stops after this step…"));
  updateButtons();
}

void ActiveLearningDialog::reject() {
  if (!isRunning()) {
    QDialog::reject();
    return;
  }
  m_closeWhenStopped = true;
  cancel();
}

void ActiveLearningDialog::showProgress(const jobs::SimulationProgress& p) {
  if (!isRunning()) return;
  m_poolUnits = p.poolUnits;
  // A round's training ends when the pool is predicted, a batch chosen or another round trains.
  const QString training = QStringLiteral("%1/%2/%3").arg(p.strategy).arg(p.seed).arg(p.round);
  if (!m_lastTraining.isEmpty() && (p.phase != QLatin1String("train") || training != m_lastTraining))
    Q_EMIT roundRecorded();
  m_lastTraining = p.phase == QLatin1String("train") ? training : QString();
  // A round scored: the curves so far, live.
  if (p.phase == QLatin1String("scored") && p.points) {
    m_curves = suggest::summarizeCurves(*p.points, p.fullScore, p.metric.toStdString(),
                                        jobs::simulationUnitName(m_running.unit).toStdString(), p.poolUnits, 0);
    showChart(m_curves);
  }
  const QLocale locale;
  QString phase;
  if (p.phase == QLatin1String("train"))
    phase = tr("training");
  else if (p.phase == QLatin1String("predict"))
    phase = tr("predicting the pool");
  else if (p.phase == QLatin1String("select"))
    phase = tr("choosing the next batch");
  else if (p.phase == QLatin1String("scored"))
    phase = tr("scored on dev");
  else
    phase = tr("done");
  const QString who =
      p.strategy == QLatin1String("full")
          ? tr("full data")
          : tr("%1 seed %2, round %3 of %4").arg(p.strategy).arg(p.seed).arg(p.round + 1).arg(p.rounds);
  QString text = tr("%1: %2, %3 of %4 %5 labelled")
                     .arg(who, phase, locale.toString(p.labelledUnits), locale.toString(p.poolUnits),
                          unitText(m_running.unit));
  if (p.lastScore >= 0 && p.strategy != QLatin1String("full"))
    text += tr(" (last round: %1)").arg(locale.toString(p.lastScore, 'f', 3));
  if (!m_simulation->isCancelled()) setStatus(text);

  // Every round (the full-data model's included) takes 1000 of the bar's units, filled by its steps.
  const int full = m_running.trainFull ? m_running.seeds : 0;  // a full-data model per seed
  const qint64 rounds = qint64(p.curves) * p.rounds + full;
  if (rounds <= 0) return;
  qint64 done = 0;
  if (p.strategy != QLatin1String("full"))
    done = (full + qint64(p.curvesDone) * p.rounds + p.round) * 1000;
  else
    done = std::clamp<qint64>(p.seed - qint64(m_running.firstSeed), 0, full) * 1000;
  if (p.phase == QLatin1String("train"))
    done += p.totalSteps > 0 ? std::min<qint64>(1000, p.step * 1000 / p.totalSteps) : 0;
  else
    done += 1000;
  const qint64 total = rounds * 1000;
  m_bar->setRange(0, int(std::min<qint64>(total, INT32_MAX)));
  m_bar->setValue(int(std::min(done, total)));
}

void ActiveLearningDialog::ended(const std::shared_ptr<jobs::SimulationOutcome>& outcome) {
  if (!m_thread) return;
  m_thread->wait();  // it posted this as its last act
  delete m_thread;
  m_thread = nullptr;
  m_simulation.reset();
  m_outcome = std::move(*outcome);
  const QLocale locale;
  // A cancelled or failed simulation gives its curves so far; they are summarised here without a full-data
  // score.
  if (m_outcome.status == RunStatus::Finished)
    m_curves = m_outcome.summary;
  else
    m_curves =
        suggest::summarizeCurves(m_outcome.curves, -1, "score",
                                 jobs::simulationUnitName(m_running.unit).toStdString(), m_poolUnits, 0);
  showChart(m_curves);
  showResults();
  showNote();
  const int runs = int(m_outcome.runIds.size());
  m_bar->setRange(0, 1);
  m_bar->setValue(m_outcome.status == RunStatus::Finished ? 1 : 0);
  if (m_outcome.status == RunStatus::Finished)
    setStatus(tr("Finished: %n round(s) trained and recorded as runs.", nullptr, runs));
  else if (m_outcome.status == RunStatus::Cancelled)
    setStatus(tr("Cancelled: %n round(s) recorded as runs; the curves so far are shown.", nullptr, runs));
  else
    setStatus(tr("The simulation failed: %1").arg(m_outcome.errorText()), true);
  updateButtons();
  Q_EMIT simulationEnded(m_outcome.status);
  if (m_closeWhenStopped) QDialog::reject();
}

void ActiveLearningDialog::showChart(const suggest::LearningCurveSummary& summary) {
  const QString unit = summary.unit == "documents" ? tr("documents") : tr("sentences");
  m_chart->showCurves(
      summary,
      tr("Learning curves: %1 on %2 %3")
          .arg(jobs::taskTitle(m_running.config.task), QLocale().toString(qint64(summary.poolUnits)), unit),
      isRunning() ? tr("The curves grow as the rounds are scored.")
                  : tr("No learning curves yet: Start simulates them."));
  updateButtons();
}

void ActiveLearningDialog::showResults() {
  const QLocale locale;
  const double pace = m_wordsPerHour->value();
  m_results->setRowCount(int(m_curves.strategies.size()));
  auto share = [&](const std::optional<double>& at, const std::optional<double>& words) -> QTableWidgetItem* {
    if (!(m_curves.fullScore > 0)) return cell(tr("—"), tr("No full-data score to measure by"));
    if (!at) return cell(tr("not reached"), tr("Not within the budget"));
    return cell(
        tr("%1%").arg(locale.toString(*at * 100, 'f', 1)),
        words ? tr("%1 words labelled").arg(locale.toString(qint64(std::llround(*words)))) : QString());
  };
  for (int r = 0; r < m_results->rowCount(); ++r) {
    const suggest::StrategySummary& st = m_curves.strategies[size_t(r)];
    m_results->setItem(r, Strategy, cell(QString::fromStdString(st.strategy)));
    m_results->setItem(r, At95, share(st.shareAt95, st.tokensAt95));
    m_results->setItem(r, At99, share(st.shareAt99, st.tokensAt99));
    m_results->setItem(
        r, HoursTo99,
        st.tokensAt99
            ? cell(tr("%1 h").arg(locale.toString(suggest::annotationHours(*st.tokensAt99, pace), 'f', 1)),
                   tr("%1 words at %2 words per hour")
                       .arg(locale.toString(qint64(std::llround(*st.tokensAt99))),
                            locale.toString(pace, 'f', 0)))
            : cell(tr("—")));
    m_results->setItem(
        r, AboveRandom,
        st.roundsCompared > 0
            ? cell(tr("%1 of %2").arg(st.roundsAboveRandom).arg(st.roundsCompared),
                   st.aboveRandomFrom >= 0
                       ? tr("Above random in every round from round %1 on").arg(st.aboveRandomFrom)
                       : tr("Not above random in every round to the end"))
            : cell(tr("—"),
                   st.strategy == "random" ? tr("The baseline") : tr("No random curve to compare with")));
  }
}

void ActiveLearningDialog::showNote() {
  if (m_outputFolder.isEmpty()) {
    m_folder->clear();
  } else {
    m_folder->setText(tr("Output folder: <a href=\"%1\">%2</a>")
                          .arg(QUrl::fromLocalFile(m_outputFolder).toString().toHtmlEscaped(),
                               QFileInfo(m_outputFolder).fileName().toHtmlEscaped()));
    m_folder->setToolTip(QDir::toNativeSeparators(m_outputFolder));
  }
  if (m_curves.strategies.empty() || m_curves.fullScore < 0) {  // 0: shown, it is what full data gave
    m_note->clear();
    return;
  }
  const QLocale locale;
  const double pace = m_wordsPerHour->value();
  m_note->setText(
      tr("Full data (%1 %2, %3 words): %4 %5; labelling all of it is about %6 hours at %7 words "
         "per hour.")
          .arg(locale.toString(qint64(m_curves.poolUnits)),
               m_curves.unit == "documents" ? tr("documents") : tr("sentences"),
               locale.toString(qint64(m_curves.poolTokens)), locale.toString(m_curves.fullScore, 'f', 3),
               QString::fromStdString(m_curves.metric) +
                   (m_curves.fullScores.size() > 1
                        ? tr(" (mean of %n seeds)", "", int(m_curves.fullScores.size()))
                        : QString()),
               locale.toString(suggest::annotationHours(double(m_curves.poolTokens), pace), 'f', 1),
               locale.toString(pace, 'f', 0)) +
      (m_curves.fullScore > 0 ? QString()
                              : tr(" The full-data model learned nothing: train longer (more "
                                   "epochs, or never stop early).")));
}

bool ActiveLearningDialog::saveChart(const QString& path) {
  if (m_chart->strategySeries().isEmpty()) {
    setStatus(tr("No chart to save yet."), true);
    return false;
  }
  QString target = path;
  if (target.isEmpty()) {
    target = QFileDialog::getSaveFileName(this, tr("Save Chart"),
                                          QDir(m_outputFolder).filePath(QStringLiteral("learning-curve.png")),
                                          tr("PNG images (*.png)"));
    if (target.isEmpty()) return false;
  }
  if (!m_chart->grab().save(target, "PNG")) {
    setStatus(tr("Cannot write the chart to %1").arg(QDir::toNativeSeparators(target)), true);
    return false;
  }
  setStatus(tr("Chart saved to %1").arg(QDir::toNativeSeparators(target)));
  return true;
}

}  // namespace quarry::ui
