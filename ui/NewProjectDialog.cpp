#include "NewProjectDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "common/Log.h"
#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

const QString kFolderKey = QStringLiteral("newProjectFolder");

QString fileStem(const QString& name) {
  static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
  QString stem = name.trimmed();
  stem.replace(unsafe, QStringLiteral("_"));
  return stem;
}

}  // namespace

NewProjectDialog::NewProjectDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New project"));
  m_name = new QLineEdit(this);
  m_name->setPlaceholderText(tr("e.g. Trial eligibility 2024"));
  m_folder = new QLineEdit(this);
  QString folder = QSettings().value(kFolderKey).toString();
  if (folder.isEmpty())
    folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/Quarry");
  m_folder->setText(QDir::toNativeSeparators(folder));
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folder, 1);
  folderRow->addWidget(browse);
  m_file = new QLabel(this);
  m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_template = new QComboBox(this);
  for (const SchemaTemplate& t : schemaTemplates()) m_template->addItem(t.title, t.id);
  m_entities = new QCheckBox(tr("&Entities (spans)"), this);
  m_relations = new QCheckBox(tr("&Relations between entities"), this);
  m_qa = new QCheckBox(tr("&Question answering"), this);
  m_classification = new QCheckBox(tr("Document &classification"), this);
  auto* tasks = new QVBoxLayout;
  for (QCheckBox* box : {m_entities, m_relations, m_qa, m_classification}) tasks->addWidget(box);
  m_summary = new QLabel(this);
  m_summary->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), m_name);
  // A row that is a layout gets no buddy from QFormLayout: without one the '&' would show.
  auto* folderLabel = new QLabel(tr("&Folder:"), this);
  folderLabel->setBuddy(m_folder);
  form->addRow(folderLabel, folderRow);
  form->addRow(tr("Project file:"), m_file);
  form->addRow(tr("Label &schema:"), m_template);
  form->addRow(tr("Tasks:"), tasks);
  form->addRow(QString(), m_summary);

  m_problem = new QLabel(this);
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  m_create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
  m_create->setDefault(true);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, &NewProjectDialog::browseFolder);
  connect(m_name, &QLineEdit::textChanged, this, &NewProjectDialog::validate);
  connect(m_folder, &QLineEdit::textChanged, this, &NewProjectDialog::validate);
  connect(m_template, qOverload<int>(&QComboBox::currentIndexChanged), this,
          &NewProjectDialog::templateChosen);
  for (QCheckBox* box : {m_entities, m_relations, m_qa, m_classification})
    connect(box, &QCheckBox::toggled, this, &NewProjectDialog::validate);
  // Relations are drawn between entities: asking for them asks for entities too.
  connect(m_relations, &QCheckBox::toggled, this, [this](bool on) {
    if (on) m_entities->setChecked(true);
  });
  connect(m_entities, &QCheckBox::toggled, this, [this](bool on) {
    if (!on) m_relations->setChecked(false);
  });
  templateChosen();
}

QString NewProjectDialog::projectPath() const {
  const QString stem = fileStem(m_name->text());
  if (stem.isEmpty() || m_folder->text().trimmed().isEmpty()) return {};
  return QDir(QDir::fromNativeSeparators(m_folder->text().trimmed()))
      .absoluteFilePath(stem + QStringLiteral(".quarry"));
}

ProjectTasks NewProjectDialog::tasks() const {
  ProjectTasks t;
  t.entities = m_entities->isChecked();
  t.relations = m_relations->isChecked();
  t.qa = m_qa->isChecked();
  t.classification = m_classification->isChecked();
  return t;
}

Result<Schema> NewProjectDialog::chosenSchema() const {
  const QVector<SchemaTemplate> all = schemaTemplates();
  const int i = m_template->currentIndex();
  if (i < 0 || i >= all.size()) return Schema{};
  Result<Schema> schema = loadSchemaTemplate(all[i]);
  if (!schema) return schema;
  return restrictToTasks(schema.value(), tasks());
}

QString NewProjectDialog::problem() const {
  if (m_name->text().trimmed().isEmpty()) return tr("Enter a name for the project.");
  if (m_folder->text().trimmed().isEmpty()) return tr("Choose the folder the project file goes in.");
  const QFileInfo folder(QDir::fromNativeSeparators(m_folder->text().trimmed()));
  if (folder.exists() && !folder.isDir()) return tr("%1 is a file, not a folder.").arg(folder.filePath());
  const QString path = projectPath();
  if (QFileInfo::exists(path))
    return tr("%1 already exists; choose another name or folder.").arg(QDir::toNativeSeparators(path));
  if (!tasks().entities && !tasks().qa && !tasks().classification) return tr("Choose at least one task.");
  return {};
}

void NewProjectDialog::templateChosen() {
  const QVector<SchemaTemplate> all = schemaTemplates();
  const int i = m_template->currentIndex();
  if (i >= 0 && i < all.size()) {
    if (Result<Schema> schema = loadSchemaTemplate(all[i])) {
      const ProjectTasks t = tasksOf(schema.value());
      m_entities->setChecked(t.entities);
      m_relations->setChecked(t.relations);
      m_qa->setChecked(t.qa);
      m_classification->setChecked(t.classification);
    }
  }
  validate();
}

void NewProjectDialog::browseFolder() {
  const QString chosen =
      QFileDialog::getExistingDirectory(this, tr("Folder for the project"), m_folder->text());
  if (!chosen.isEmpty()) m_folder->setText(QDir::toNativeSeparators(chosen));
}

void NewProjectDialog::validate() {
  const QString path = projectPath();
  m_file->setText(path.isEmpty() ? tr("(enter a name)") : QDir::toNativeSeparators(path));
  if (Result<Schema> schema = chosenSchema()) {
    const Schema& s = schema.value();
    m_summary->setText(tr("%1 entity types, %2 relation types, %3 QA fields, %4 categories")
                           .arg(s.entityTypes.size())
                           .arg(s.relationTypes.size())
                           .arg(s.qaFields.size())
                           .arg(s.categories.size()));
  } else {
    m_summary->setText(QString::fromStdString(schema.error().toString()));
  }
  // An empty name is the starting state, not a mistake: say it only once the user typed something.
  const QString p = problem();
  m_problem->setText(m_name->text().isEmpty() && m_name->isModified() == false ? QString() : p);
  m_create->setEnabled(p.isEmpty());
}

void NewProjectDialog::accept() {
  const QString p = problem();
  if (!p.isEmpty()) {
    m_problem->setText(p);
    return;
  }
  Result<Schema> schema = chosenSchema();
  if (!schema) {
    m_problem->setText(QString::fromStdString(schema.error().toString()));
    return;
  }
  const QString path = projectPath();
  const QString folder = QFileInfo(path).absolutePath();
  if (!QDir().mkpath(folder)) {
    m_problem->setText(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));
    return;
  }
  Status status;
  {
    Result<std::unique_ptr<ProjectStore>> store = ProjectStore::create(path, m_name->text().trimmed());
    if (!store)
      status = store.error();
    else
      status = store.value()->setSchema(schema.value());
  }
  if (!status) {
    // The file was made before the schema failed: take it away so nothing half-made stays.
    if (QFileInfo::exists(path)) {
      QFile::remove(path);
      QFile::remove(path + QStringLiteral("-wal"));
      QFile::remove(path + QStringLiteral("-shm"));
    }
    m_problem->setText(QString::fromStdString(status.error().toString()));
    log::get("ui")->warn("new project {} failed: {}", path.toStdString(), status.error().toString());
    return;
  }
  QSettings().setValue(kFolderKey, folder);
  m_created = path;
  QDialog::accept();
}

}  // namespace quarry::ui
