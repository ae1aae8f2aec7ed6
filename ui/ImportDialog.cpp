#include "ImportDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/Log.h"
#include "formats/FormatRegistry.h"

namespace quarry::ui {
namespace {

constexpr int kShownDocuments = 200;  // the preview lists this many documents, then counts the rest
const QString kSeparator = QStringLiteral("; ");

QString kindTitle(const QString& kind) {
  if (kind == QLatin1String("entity")) return ImportDialog::tr("Entity type");
  if (kind == QLatin1String("relation")) return ImportDialog::tr("Relation type");
  if (kind == QLatin1String("answer")) return ImportDialog::tr("QA field");
  if (kind == QLatin1String("label")) return ImportDialog::tr("Category");
  return kind;
}

}  // namespace

ImportDialog::ImportDialog(ProjectStore& store, QWidget* parent) : QDialog(parent), m_store(store) {
  setWindowTitle(tr("Import into %1").arg(QFileInfo(store.path()).completeBaseName()));
  if (Result<Schema> schema = store.schema()) m_schema = schema.value();

  m_status = new QLabel(tr("Choose what to import, then press Preview."), this);
  m_status->setWordWrap(true);
  m_tabs = new QTabWidget(this);
  m_documents = new QTreeWidget(this);
  m_documents->setHeaderLabels(
      {tr("Document"), tr("Split"), tr("Entities"), tr("Relations"), tr("Answers"), tr("Labels")});
  m_types = new QTreeWidget(this);
  m_types->setHeaderLabels({tr("Kind"), tr("Type"), tr("Annotations"), tr("Schema")});
  m_problems = new QTreeWidget(this);
  m_problems->setHeaderLabels({tr("File"), tr("Line"), tr("Problem")});
  for (QTreeWidget* t : {m_documents, m_types, m_problems}) {
    t->setRootIsDecorated(false);
    t->setAlternatingRowColors(true);
  }
  m_problems->header()->setSectionResizeMode(2, QHeaderView::Stretch);
  m_tabs->addTab(buildDocumentsTab(), tr("&Documents"));
  m_tabs->addTab(m_types, tr("&Types"));
  m_tabs->addTab(m_problems, tr("&Problems"));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel | QDialogButtonBox::Close, this);
  m_previewButton = buttons->addButton(tr("Pre&view"), QDialogButtonBox::ActionRole);
  m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
  m_import->setEnabled(false);
  m_close = buttons->button(QDialogButtonBox::Close);
  m_close->hide();
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("importProgress"));
  m_progress->hide();

  auto* layout = new QVBoxLayout(this);
  m_options = buildOptions();
  layout->addWidget(m_options);
  layout->addWidget(m_status);
  layout->addWidget(m_progress);
  layout->addWidget(m_tabs, 1);
  layout->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
  connect(m_previewButton, &QPushButton::clicked, this, [this] { preview(); });
  resize(900, 640);
  updateOptionStates();
}

QWidget* ImportDialog::buildOptions() {
  auto* box = new QGroupBox(tr("Source"), this);
  m_path = new QLineEdit(box);
  m_path->setPlaceholderText(tr("Files (separated by ;) or a folder"));
  auto* files = new QPushButton(tr("&Files…"), box);
  auto* folder = new QPushButton(tr("F&older…"), box);
  auto* pathRow = new QHBoxLayout;
  pathRow->addWidget(m_path, 1);
  pathRow->addWidget(files);
  pathRow->addWidget(folder);

  m_format = new QComboBox(box);
  m_format->addItem(tr("Detect from the files"), QString());
  for (const auto& f : FormatRegistry::instance().formats())
    if (f->canRead())
      m_format->addItem(QStringLiteral("%1 — %2").arg(f->name(), f->description()), f->name());
  m_format->addItem(tr("archive — a Quarry project archive (.zip)"), QString::fromLatin1(kArchiveFormat));
  m_detected = new QLabel(box);
  auto* formatRow = new QHBoxLayout;
  formatRow->addWidget(m_format, 1);
  formatRow->addWidget(m_detected);

  m_tagScheme = new QComboBox(box);
  m_tagScheme->addItem(tr("Detect"), QString());
  m_tagScheme->addItem(QStringLiteral("IOB1"), QStringLiteral("iob1"));
  m_tagScheme->addItem(QStringLiteral("IOB2"), QStringLiteral("iob2"));
  m_tagScheme->addItem(QStringLiteral("BIOES"), QStringLiteral("bioes"));
  m_split = new QComboBox(box);
  m_split->addItem(tr("As in the input"), QString());
  m_split->addItem(tr("Train"), QStringLiteral("train"));
  m_split->addItem(tr("Dev"), QStringLiteral("dev"));
  m_split->addItem(tr("Test"), QStringLiteral("test"));
  m_split->addItem(tr("Unassigned"), QStringLiteral("unassigned"));
  m_textColumn = new QLineEdit(box);
  m_textColumn->setPlaceholderText(QStringLiteral("text"));
  m_labelColumn = new QLineEdit(box);
  m_labelColumn->setPlaceholderText(QStringLiteral("label"));
  m_labelSeparator = new QLineEdit(box);
  m_labelSeparator->setPlaceholderText(QStringLiteral("|"));
  auto* csvRow = new QHBoxLayout;
  csvRow->addWidget(new QLabel(tr("text column"), box));
  csvRow->addWidget(m_textColumn);
  csvRow->addWidget(new QLabel(tr("label column"), box));
  csvRow->addWidget(m_labelColumn);
  csvRow->addWidget(new QLabel(tr("separator"), box));
  csvRow->addWidget(m_labelSeparator);
  m_grouping = new QComboBox(box);
  m_grouping->setObjectName(QStringLiteral("groupingBox"));
  m_grouping->addItem(tr("-DOCSTART- blocks if the file has them, else one per sentence"), QString());
  m_grouping->addItem(tr("One document per sentence"), QStringLiteral("sentence"));
  m_grouping->addItem(tr("One document per -DOCSTART- block"), QStringLiteral("docstart"));
  m_grouping->addItem(tr("Sentences up to two or more blank lines"), QStringLiteral("blank"));
  m_grouping->addItem(tr("Sentences with the same id in a column"), QStringLiteral("column"));
  m_groupColumn = new QSpinBox(box);
  m_groupColumn->setObjectName(QStringLiteral("groupColumn"));
  m_groupColumn->setRange(2, 99);
  m_groupColumn->setPrefix(tr("column "));
  auto* groupingRow = new QHBoxLayout;
  groupingRow->addWidget(m_grouping, 1);
  groupingRow->addWidget(m_groupColumn);
  m_allowNewTypes = new QCheckBox(tr("Add types missing from the schema (otherwise they are problems)"), box);
  m_allowNewTypes->setChecked(true);

  m_reject = new QRadioButton(tr("&Reject: stop at the first problem, import nothing"), box);
  m_repair = new QRadioButton(tr("R&epair: fix or drop what is wrong and list every change"), box);
  m_reject->setChecked(true);
  auto* policy = new QButtonGroup(box);
  policy->addButton(m_reject);
  policy->addButton(m_repair);
  auto* policyColumn = new QVBoxLayout;
  policyColumn->addWidget(m_reject);
  policyColumn->addWidget(m_repair);

  auto* form = new QFormLayout(box);
  // A row that is a layout gets no buddy from QFormLayout: without one the '&' would show.
  auto* inputLabel = new QLabel(tr("&Input:"), box);
  inputLabel->setBuddy(m_path);
  auto* formatLabel = new QLabel(tr("Fo&rmat:"), box);
  formatLabel->setBuddy(m_format);
  form->addRow(inputLabel, pathRow);
  form->addRow(formatLabel, formatRow);
  form->addRow(tr("&Tag scheme:"), m_tagScheme);
  form->addRow(tr("Doc&uments:"), groupingRow);
  form->addRow(tr("&Split:"), m_split);
  form->addRow(tr("CSV/TSV:"), csvRow);
  form->addRow(QString(), m_allowNewTypes);
  form->addRow(tr("Problems:"), policyColumn);
  // A row whose field is a layout gets no buddy of its own, and its mnemonic would show as "&".
  for (const auto& [row, buddy] :
       {std::pair<QLayout*, QWidget*>{pathRow, m_path}, std::pair<QLayout*, QWidget*>{formatRow, m_format},
        std::pair<QLayout*, QWidget*>{groupingRow, m_grouping}})
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(row))) label->setBuddy(buddy);

  connect(files, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
  connect(folder, &QPushButton::clicked, this, &ImportDialog::chooseFolder);
  connect(m_path, &QLineEdit::textChanged, this, &ImportDialog::invalidate);
  for (QComboBox* c : {m_format, m_tagScheme, m_split, m_grouping})
    connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, &ImportDialog::invalidate);
  connect(m_groupColumn, qOverload<int>(&QSpinBox::valueChanged), this, &ImportDialog::invalidate);
  for (QLineEdit* e : {m_textColumn, m_labelColumn, m_labelSeparator})
    connect(e, &QLineEdit::textChanged, this, &ImportDialog::invalidate);
  connect(m_allowNewTypes, &QCheckBox::toggled, this, &ImportDialog::invalidate);
  // Switching the policy changes what blocks: read again at once when there was a preview.
  connect(m_repair, &QRadioButton::toggled, this, [this] {
    const bool had = m_previewed;
    invalidate();
    if (had) preview();
  });
  return box;
}

QWidget* ImportDialog::buildDocumentsTab() {
  auto* split = new QSplitter(Qt::Vertical, this);
  m_text = new DocumentTextPreview(split);
  split->addWidget(m_documents);
  split->addWidget(m_text);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  connect(m_documents, &QTreeWidget::currentItemChanged, this, &ImportDialog::showDocumentText);
  return split;
}

void ImportDialog::setInputPaths(const QStringList& paths) {
  QStringList shown;
  for (const QString& p : paths) shown << QDir::toNativeSeparators(p);
  m_path->setText(shown.join(kSeparator));
}

QStringList ImportDialog::inputPaths() const {
  QStringList out;
  for (const QString& p : m_path->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
    if (!p.trimmed().isEmpty()) out << QDir::fromNativeSeparators(p.trimmed());
  return out;
}

void ImportDialog::setFormat(const QString& name) {
  const int i = m_format->findData(name);
  if (i >= 0) m_format->setCurrentIndex(i);
}

ImportOptions ImportDialog::importOptions() const {
  ImportOptions o;
  o.policy = m_repair->isChecked() ? ProblemPolicy::Repair : ProblemPolicy::Reject;
  o.schema = m_schema;
  o.allowNewTypes = m_allowNewTypes->isChecked();
  o.split = m_split->currentData().toString();
  o.tagScheme = m_tagScheme->currentData().toString();
  o.conllGroupBy = m_grouping->currentData().toString();
  if (o.conllGroupBy == QLatin1String("column"))
    o.conllGroupBy = QStringLiteral("column:%1").arg(m_groupColumn->value());
  o.textColumn = m_textColumn->text().trimmed();
  o.labelColumn = m_labelColumn->text().trimmed();
  o.labelSeparator = m_labelSeparator->text();
  return o;
}

void ImportDialog::chooseFiles() {
  const QStringList chosen =
      QFileDialog::getOpenFileNames(this, tr("Files to import"), QString(),
                                    tr("Annotated text (*.jsonl *.ndjson *.conll *.iob *.bio *.tsv *.csv "
                                       "*.tab *.pubtator *.json *.ann *.txt *.zip);;All files (*)"));
  if (!chosen.isEmpty()) setInputPaths(chosen);
}

void ImportDialog::chooseFolder() {
  const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder to import"));
  if (!chosen.isEmpty()) setInputPaths({chosen});
}

void ImportDialog::invalidate() {
  m_previewed = false;
  m_import->setEnabled(false);
  updateOptionStates();
}

void ImportDialog::updateOptionStates() {
  const QStringList paths = inputPaths();
  QString format = m_format->currentData().toString();
  m_detected->clear();
  if (format.isEmpty() && !paths.isEmpty()) {
    Result<QString> guessed = ImportPreview::resolveFormat(paths.front(), QString());
    m_detected->setText(guessed ? tr("detected: %1").arg(guessed.value()) : tr("not recognised"));
    if (guessed) format = guessed.value();
  }
  m_tagScheme->setEnabled(format == QLatin1String("conll"));
  m_grouping->setEnabled(format == QLatin1String("conll"));
  m_groupColumn->setEnabled(m_grouping->isEnabled() &&
                            m_grouping->currentData().toString() == QLatin1String("column"));
  const bool csv = format == QLatin1String("csv");
  for (QLineEdit* e : {m_textColumn, m_labelColumn, m_labelSeparator}) e->setEnabled(csv);
  if (!m_previewed)
    m_status->setText(tr("Press Preview to read the input; nothing is written before Import."));
}

bool ImportDialog::preview() {
  const QStringList paths = inputPaths();
  const QString format = m_format->currentData().toString();
  ImportOptions options = importOptions();
  ImportPreview result;
  bool finished = true;
  const bool ran = runInBackground(tr("Reading…"), [&](const ProgressCallback& progress) {
    options.progress = progress;
    finished = result.read(paths, format, options);
  });
  if (!ran || !finished) {
    m_status->setText(tr("Preview cancelled."));
    return false;
  }
  m_preview = std::move(result);
  m_previewed = true;
  showPreview();
  return true;
}

void ImportDialog::showPreview() {
  const Corpus& corpus = m_preview.corpus();
  m_documents->clear();
  for (int i = 0; i < corpus.documents.size() && i < kShownDocuments; ++i) {
    const Document& d = corpus.documents[i];
    new QTreeWidgetItem(m_documents, {d.name, splitName(d.split), QString::number(d.entities.size()),
                                      QString::number(d.relations.size()), QString::number(d.answers.size()),
                                      QString::number(d.labels.size())});
  }
  if (corpus.documents.size() > kShownDocuments)
    new QTreeWidgetItem(m_documents,
                        {tr("… and %n more", nullptr, corpus.documents.size() - kShownDocuments)});

  m_types->clear();
  const QMap<QString, int> counts = corpus.annotationCounts();
  QMap<QString, QTreeWidgetItem*> rows;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    const QString kind = it.key().section(QLatin1Char(':'), 0, 0);
    const QString name = it.key().section(QLatin1Char(':'), 1);
    rows.insert(it.key(), new QTreeWidgetItem(m_types, {kindTitle(kind), name, QString::number(it.value()),
                                                        tr("in schema")}));
  }
  for (const NewType& t : m_preview.newTypes()) {
    const QString key = t.kind + QLatin1Char(':') + t.name;
    QTreeWidgetItem* row = rows.value(key);
    if (!row) row = new QTreeWidgetItem(m_types, {kindTitle(t.kind), t.name, QStringLiteral("0"), QString()});
    row->setText(3, tr("new: will be added"));
    QFont bold = row->font(3);
    bold.setBold(true);
    row->setFont(3, bold);
  }

  m_problems->clear();
  int blocking = 0;
  for (const ImportProblem& p : m_preview.problems()) {
    auto* row = new QTreeWidgetItem(
        m_problems,
        {QDir::toNativeSeparators(p.file), p.line > 0 ? QString::number(p.line) : QString(), p.message});
    row->setToolTip(2, p.message);
    if (p.blocking) {
      ++blocking;
      for (int c = 0; c < 3; ++c) row->setForeground(c, QColor(0xb0, 0x00, 0x20));
    }
  }
  for (QTreeWidget* t : {m_documents, m_types, m_problems})
    for (int c = 0; c + 1 < t->columnCount(); ++c) t->resizeColumnToContents(c);
  m_tabs->setTabText(2, tr("&Problems (%1)").arg(m_preview.problems().size()));
  if (m_documents->topLevelItemCount() > 0)
    m_documents->setCurrentItem(m_documents->topLevelItem(0));
  else
    m_text->clearDocument();

  const int entities = corpus.documents.isEmpty() ? 0 : [&] {
    int n = 0;
    for (const Document& d : corpus.documents) n += d.entities.size();
    return n;
  }();
  if (m_preview.ok()) {
    QString text = tr("%n document(s) with %1 entities read as %2; %3 types new to the schema.", nullptr,
                      corpus.documents.size())
                       .arg(entities)
                       .arg(m_preview.formatsUsed().join(QStringLiteral(", ")))
                       .arg(m_preview.newTypes().size());
    if (!m_preview.problems().isEmpty())
      text += QLatin1Char(' ') +
              tr("%n note(s) or repair(s): see Problems.", nullptr, m_preview.problems().size());
    m_status->setText(text);
  } else {
    m_status->setText(
        tr("Nothing can be imported yet: %n problem(s) stop it (in red under Problems). "
           "Fix the input, or choose Repair to fix or drop what can be fixed.",
           nullptr, qMax(1, blocking)));
    m_tabs->setCurrentWidget(m_problems);
  }
  m_import->setEnabled(m_preview.ok() && !m_store.isReadOnly());
}

void ImportDialog::accept() {
  if (m_finished) return QDialog::accept();
  if (m_running) return;
  if (!m_previewed && !preview()) return;
  if (!m_preview.ok() || m_store.isReadOnly()) {
    m_import->setEnabled(false);
    return;
  }
  const QString path = m_store.path();
  const Corpus& corpus = m_preview.corpus();
  Result<ImportSummary> imported = Error("not run");
  // A worker writes through its own connection: a Qt Sql connection belongs to the thread that made it.
  runInBackground(tr("Importing %n document(s)…", nullptr, corpus.documents.size()),
                  [&](const ProgressCallback& progress) {
                    Result<std::unique_ptr<ProjectStore>> store = ProjectStore::open(path);
                    if (!store) {
                      imported = store.error();
                      return;
                    }
                    imported = store.value()->importCorpus(corpus, QStringLiteral("import"), progress);
                  });
  if (!imported) {
    const QString why = QString::fromStdString(imported.error().toString());
    log::get("ui")->warn("import into {} failed: {}", path.toStdString(), imported.error().toString());
    m_status->setText(tr("Nothing was imported: %1").arg(why));
    m_progress->hide();
    return;
  }
  m_summary = imported.value();
  log::get("ui")->info("imported {} documents into {}", m_summary.documents, path.toStdString());
  showFinished();
}

void ImportDialog::reject() {
  if (m_running) {
    m_cancelRequested = true;
    m_status->setText(tr("Cancelling…"));
    return;
  }
  if (m_finished) return QDialog::accept();  // the import happened: Close or Escape keep it
  QDialog::reject();
}

bool ImportDialog::runInBackground(const QString& label, const BackgroundTask::Work& work) {
  m_running = true;
  m_cancelRequested = false;
  m_status->setText(label);
  m_options->setEnabled(false);
  m_previewButton->setEnabled(false);
  const bool importWasEnabled = m_import->isEnabled();
  m_import->setEnabled(false);
  const bool completed = BackgroundTask::run(
      m_progress, [this] { return m_cancelRequested; }, work);
  m_running = false;
  m_options->setEnabled(true);
  m_previewButton->setEnabled(true);
  m_import->setEnabled(importWasEnabled);
  if (!completed) m_progress->hide();
  return completed;
}

void ImportDialog::showFinished() {
  m_finished = true;
  const ImportSummary& s = m_summary;
  m_status->setText(tr("Imported %n document(s)", nullptr, s.documents) + QStringLiteral(": ") +
                    tr("%n span(s)", nullptr, s.entities) + QStringLiteral(", ") +
                    tr("%n relation(s)", nullptr, s.relations) + QStringLiteral(", ") +
                    tr("%n answer(s)", nullptr, s.answers) + QStringLiteral(", ") +
                    tr("%n category label(s)", nullptr, s.labels) + QLatin1Char('.'));
  QFont bold = m_status->font();
  bold.setBold(true);
  m_status->setFont(bold);
  m_options->setEnabled(false);
  m_previewButton->hide();
  m_import->hide();
  if (QPushButton* cancel = findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)) cancel->hide();
  m_close->show();
  m_close->setDefault(true);
  m_close->setFocus();
}

void ImportDialog::showDocumentText() {
  const int row =
      m_documents->currentItem() ? m_documents->indexOfTopLevelItem(m_documents->currentItem()) : -1;
  const Corpus& corpus = m_preview.corpus();
  if (row < 0 || row >= corpus.documents.size() || row >= kShownDocuments) {
    m_text->clearDocument();
    return;
  }
  const Document& d = corpus.documents[row];
  const bool tokens = d.metadata.contains(QStringLiteral("conll"));
  m_text->showDocument(
      d, tokens ? tr("The tokens are joined by single spaces (“APC2 , a”): this is the text the project "
                     "stores and every export writes.")
                : tr("The text as the project stores it and every export writes it."));
}

}  // namespace quarry::ui
