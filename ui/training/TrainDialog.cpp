#include "training/TrainDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "jobs/BaseModelCheck.h"
#include "jobs/QualityDocuments.h"
#include "jobs/TrainingEstimate.h"
#include "jobs/TrainingSnapshot.h"
#include "store/ProjectStore.h"
#include "train/TrainConfig.h"
#include "training/TrainOptionsForm.h"

namespace quarry::ui {
namespace {

// What each task trains on, counted in a split's snapshot, for people.
QString trainingCount(const std::string& task, const QJsonObject& counts) {
  auto n = [&](const char* key) { return counts.value(QLatin1String(key)).toInt(); };
  if (task == "classify") return QObject::tr("%n categories", nullptr, n("labels"));
  if (task == "relation")
    return QObject::tr("%n relations", nullptr, n("relations") + n("concept_relations"));
  if (task == "qa") return QObject::tr("%1 questions, %2 answers").arg(n("questions")).arg(n("answers"));
  return QObject::tr("%n entities", nullptr, n("entities"));
}

int trainingItems(const std::string& task, const QJsonObject& counts) {
  auto n = [&](const char* key) { return counts.value(QLatin1String(key)).toInt(); };
  if (task == "classify") return n("labels");
  if (task == "relation") return n("relations") + n("concept_relations");
  if (task == "qa") return n("questions");
  return n("entities");
}

}  // namespace

TrainDialog::TrainDialog(ProjectStore& store, const QString& projectPath, QWidget* parent)
    : QDialog(parent), m_store(store), m_projectPath(projectPath) {
  setObjectName(QStringLiteral("TrainDialog"));
  setWindowTitle(tr("Train a Model"));
  if (auto train = jobs::documentsFromStore(store, {Split::Train}))
    m_trainSet = std::move(train.value());
  else
    m_readError = QString::fromStdString(train.error().toString());
  if (auto dev = jobs::documentsFromStore(store, {Split::Dev})) m_devSet = std::move(dev.value());
  if (auto runs = store.listRuns()) m_runs = std::move(runs.value());

  m_task = new QComboBox(this);
  m_task->setObjectName(QStringLiteral("taskBox"));
  const QJsonObject trainCounts = jobs::annotationCounts(m_trainSet);
  for (const char* task : train::kTaskNames)
    m_task->addItem(
        QStringLiteral("%1 — %2 in training").arg(jobs::taskTitle(task), trainingCount(task, trainCounts)),
        QString::fromLatin1(task));
  m_data = new QLabel(this);
  m_data->setObjectName(QStringLiteral("dataLabel"));
  m_data->setWordWrap(true);
  // Split leakage: dev or test documents that nearly repeat training documents score the model on what it
  // trained on (a check of documents only: about 40,000 a second).
  m_leakage = new QLabel(this);
  m_leakage->setObjectName(QStringLiteral("leakageLabel"));
  m_leakage->setWordWrap(true);
  m_leakage->setStyleSheet(QStringLiteral("color: #8a4b00"));
  m_leakage->hide();
  {
    jobs::DocumentSet test;
    if (auto read = jobs::documentsFromStore(store, {Split::Test})) test = std::move(read.value());
    const jobs::TrainingLeakage leakage = jobs::trainingLeakage(m_trainSet, m_devSet, test);
    if (leakage.any()) {
      QStringList parts;
      if (leakage.devLeaked > 0)
        parts << tr("%n dev document(s) (%1 exact)", nullptr, leakage.devLeaked).arg(leakage.devExact);
      if (leakage.testLeaked > 0)
        parts << tr("%n test document(s) (%1 exact)", nullptr, leakage.testLeaked).arg(leakage.testExact);
      m_leakage->setText(tr("Split leakage: %1 nearly repeat training documents, so scores will look better than "
                            "they are. The Data Quality dock lists them, and its Re-split… keeps near duplicates "
                            "in one split.")
                             .arg(parts.join(tr(" and "))));
      m_leakage->setToolTip(leakage.examples.join(QLatin1Char('\n')));
      m_leakage->show();
    }
  }

  m_fromScratch = new QRadioButton(this);
  m_fromScratch->setObjectName(QStringLiteral("fromScratchButton"));
  m_fineTune = new QRadioButton(tr("Fine-tune a Hugging Face model folder"), this);
  m_fineTune->setObjectName(QStringLiteral("fineTuneButton"));
  m_randomEncoder =
      new QRadioButton(tr("A new transformer (random weights) over the folder's tokenizer"), this);
  m_randomEncoder->setObjectName(QStringLiteral("randomEncoderButton"));
  auto* kinds = new QButtonGroup(this);
  for (QRadioButton* b : {m_fromScratch, m_fineTune, m_randomEncoder}) kinds->addButton(b);
  m_fromScratch->setChecked(true);
  m_folder = new QLineEdit(this);
  m_folder->setObjectName(QStringLiteral("modelFolderEdit"));
  m_folder->setPlaceholderText(tr("A folder with config.json, the weights and the tokenizer files"));
  m_browse = new QPushButton(tr("&Browse…"), this);
  m_check = new QLabel(this);
  m_check->setObjectName(QStringLiteral("folderCheckLabel"));
  m_check->setWordWrap(true);
  m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_form = new TrainOptionsForm(this);
  m_form->setObjectName(QStringLiteral("optionsForm"));
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(m_form);
  scroll->setWidgetResizable(true);
  scroll->setMinimumHeight(260);
  auto* reset = new QPushButton(tr("Reset to &Defaults"), this);

  m_estimate = new QLabel(this);
  m_estimate->setObjectName(QStringLiteral("estimateLabel"));
  m_problem = new QLabel(this);
  m_problem->setObjectName(QStringLiteral("problemLabel"));
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  m_train = buttons->addButton(tr("&Train"), QDialogButtonBox::AcceptRole);
  m_train->setObjectName(QStringLiteral("trainButton"));
  m_train->setDefault(true);

  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folder, 1);
  folderRow->addWidget(m_browse);
  auto* top = new QFormLayout;
  top->addRow(tr("T&ask:"), m_task);
  top->addRow(QString(), m_data);
  top->addRow(QString(), m_leakage);
  auto* model = new QVBoxLayout;
  for (QRadioButton* b : {m_fromScratch, m_fineTune, m_randomEncoder}) model->addWidget(b);
  model->addLayout(folderRow);
  model->addWidget(m_check);
  top->addRow(tr("Model:"), model);
  auto* optionsHeader = new QHBoxLayout;
  optionsHeader->addWidget(new QLabel(tr("Options (hover or read below each for its meaning):"), this), 1);
  optionsHeader->addWidget(reset);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(optionsHeader);
  layout->addWidget(scroll, 1);
  layout->addWidget(m_estimate);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
  resize(760, 720);

  connect(m_task, &QComboBox::currentIndexChanged, this, &TrainDialog::taskChanged);
  connect(kinds, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
    if (on) modelChanged();
  });
  connect(m_folder, &QLineEdit::editingFinished, this, &TrainDialog::checkFolder);
  connect(m_browse, &QPushButton::clicked, this, &TrainDialog::browse);
  connect(m_form, &TrainOptionsForm::changed, this, &TrainDialog::update);
  connect(reset, &QPushButton::clicked, m_form, &TrainOptionsForm::resetToDefaults);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  // The first task with something to train on.
  for (int i = 0; i < m_task->count(); ++i)
    if (trainingItems(m_task->itemData(i).toString().toStdString(), trainCounts) > 0) {
      m_task->setCurrentIndex(i);
      break;
    }
  taskChanged();
}

std::string TrainDialog::currentTask() const { return m_task->currentData().toString().toStdString(); }

void TrainDialog::taskChanged() {
  const std::string task = currentTask();
  m_form->setTask(task);
  m_fromScratch->setText(
      tr("From scratch: %1 (no checkpoint needed; trains in seconds to minutes)")
          .arg(QString::fromLatin1(train::modelKindName(train::ModelKind::FromScratch, task))));
  const QJsonObject train = jobs::annotationCounts(m_trainSet), dev = jobs::annotationCounts(m_devSet);
  m_data->setText(
      tr("Trains on %1 (%2 documents, split \"train\"); evaluates on %3 (%4 documents, split \"dev\").")
          .arg(trainingCount(task, train))
          .arg(m_trainSet.documents.size())
          .arg(trainingCount(task, dev))
          .arg(m_devSet.documents.size()));
  modelChanged();
}

void TrainDialog::modelChanged() {
  const bool folder = !m_fromScratch->isChecked();
  m_form->setModel(folder ? train::ModelKind::Transformer : train::ModelKind::FromScratch,
                   m_randomEncoder->isChecked());
  m_folder->setEnabled(folder);
  m_browse->setEnabled(folder);
  m_check->setVisible(folder);
  if (folder) checkFolder();
  update();
}

void TrainDialog::browse() {
  const QString chosen = QFileDialog::getExistingDirectory(this, tr("Model Folder"), m_folder->text());
  if (chosen.isEmpty()) return;
  m_folder->setText(chosen);
  checkFolder();
}

void TrainDialog::checkFolder() {
  m_folderOk = false;
  m_baseParameters = 0;
  const QString folder = m_folder->text().trimmed();
  if (folder.isEmpty()) {
    m_check->setText(tr("Choose a folder."));
  } else if (auto info = jobs::checkBaseModel(folder)) {
    m_folderOk = true;
    m_baseParameters = m_fineTune->isChecked() ? info->parameters : 0;
    QString text = QStringLiteral("✔ ") + info->summary();
    if (!info->quarryTask.isEmpty() && info->quarryTask != QString::fromStdString(currentTask()))
      text += tr(" — its head was trained for another task and is replaced");
    m_check->setText(text);
  } else {
    m_check->setText(QStringLiteral("✘ ") + QString::fromStdString(info.error().toString()));
  }
  m_check->setStyleSheet(m_folderOk ? QString() : QStringLiteral("color: #b00020"));
  update();
}

Result<nlohmann::json> TrainDialog::configJson() const {
  auto values = m_form->changedValues();
  if (!values) return values.error();
  nlohmann::json json = values.value();
  const std::string task = currentTask();
  json["task"] = task;
  if (m_fromScratch->isChecked()) {
    json["model"] = train::modelKindName(train::ModelKind::FromScratch, task);
  } else {
    json["model"] = "transformer";
    const std::string folder = m_folder->text().trimmed().toStdString();
    if (m_fineTune->isChecked())
      json["model_folder"] = folder;
    else
      json["tokenizer_folder"] = folder;
  }
  return json;
}

Result<jobs::TrainingSpec> TrainDialog::spec() const {
  if (!m_readError.isEmpty()) return Error(m_readError.toStdString());
  if (!m_fromScratch->isChecked() && !m_folderOk)
    return Error(
        m_folder->text().trimmed().isEmpty() ? "choose the model folder" : "the model folder does not load",
        m_folder->text().trimmed().toStdString());
  auto json = configJson();
  if (!json) return json.error();
  auto config = train::TrainConfig::fromJson(json.value());
  if (!config) return config.error();
  jobs::TrainingSpec spec;
  spec.projectPath = m_projectPath;
  spec.config = config.value();
  return spec;
}

void TrainDialog::setConfig(const nlohmann::json& config) {
  if (!config.is_object()) return;
  if (auto task = config.find("task"); task != config.end() && task->is_string()) {
    const int index = m_task->findData(QString::fromStdString(task->get<std::string>()));
    if (index >= 0) m_task->setCurrentIndex(index);
  }
  const auto string = [&](const char* key) {
    auto it = config.find(key);
    return it != config.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
  };
  if (string("model") == QLatin1String("transformer")) {
    const bool fineTune = !string("model_folder").isEmpty();
    m_folder->setText(fineTune ? string("model_folder") : string("tokenizer_folder"));
    (fineTune ? m_fineTune : m_randomEncoder)->setChecked(true);
  } else {
    m_fromScratch->setChecked(true);
  }
  m_form->setValues(config);
  modelChanged();
}

void TrainDialog::update() {
  QString problem;
  const std::string task = currentTask();
  const int items = trainingItems(task, jobs::annotationCounts(m_trainSet));
  if (!m_readError.isEmpty())
    problem = m_readError;
  else if (items == 0)
    problem =
        tr("The \"train\" split has nothing to train %1 on: annotate some documents and put them in it.")
            .arg(jobs::taskTitle(task));
  else if (!m_fromScratch->isChecked() && !m_folderOk)
    problem = tr("Choose a model folder that loads, or train from scratch.");
  std::optional<train::TrainConfig> config;
  if (problem.isEmpty()) {
    auto built = spec();
    if (built)
      config = built->config;
    else
      problem = QString::fromStdString(built.error().toString());
  }
  if (config) {
    const jobs::TrainingEstimate estimate =
        jobs::estimateTraining(m_trainSet, m_devSet, *config, m_runs, m_baseParameters);
    m_estimate->setText(tr("Estimated time: %1, at most %n epochs over %2 words.", nullptr, config->epochs)
                            .arg(estimate.text())
                            .arg(estimate.trainWords));
  } else {
    m_estimate->clear();
  }
  m_problem->setText(problem);
  m_problem->setVisible(!problem.isEmpty());
  m_train->setEnabled(problem.isEmpty());
}

}  // namespace quarry::ui
