#include "ExportDialog.h"
#include "store/ProjectLocation.h"

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
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/Log.h"
#include "formats/FormatRegistry.h"

namespace quarry::ui {
namespace {

const QString kArchive = QString::fromLatin1(kProjectArchiveFormat);

QString suffixOf(const QString& format) {
  if (format == kArchive) return QStringLiteral("zip");
  const Format* f = FormatRegistry::instance().byName(format);
  return f && !f->extensions().isEmpty() ? f->extensions().front() : QString();
}

}  // namespace

ExportDialog::ExportDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent), m_projectPath(projectPath) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export %1").arg(ProjectLocation::shortNameOf(projectPath)));
  m_options = new QWidget(this);
  m_format = new QComboBox(m_options);
  for (const auto& f : FormatRegistry::instance().formats())
    if (f->canWrite())
      m_format->addItem(QStringLiteral("%1 — %2").arg(f->name(), f->description()), f->name());
  m_format->addItem(tr("archive — the whole project as a Quarry project archive (.zip)"), kArchive);
  m_path = new QLineEdit(m_options);
  auto* browse = new QPushButton(tr("&Browse…"), m_options);
  auto* pathRow = new QHBoxLayout;
  pathRow->addWidget(m_path, 1);
  pathRow->addWidget(browse);
  m_split = new QComboBox(m_options);
  m_split->addItem(tr("All documents"), QString());
  m_split->addItem(tr("Train"), QStringLiteral("train"));
  m_split->addItem(tr("Dev"), QStringLiteral("dev"));
  m_split->addItem(tr("Test"), QStringLiteral("test"));
  m_split->addItem(tr("Unassigned"), QStringLiteral("unassigned"));
  m_tagScheme = new QComboBox(m_options);
  m_tagScheme->addItem(tr("As imported (else IOB2)"), QString());
  m_tagScheme->addItem(QStringLiteral("IOB1"), QStringLiteral("iob1"));
  m_tagScheme->addItem(QStringLiteral("IOB2"), QStringLiteral("iob2"));
  m_tagScheme->addItem(QStringLiteral("BIOES"), QStringLiteral("bioes"));
  m_pretty = new QCheckBox(tr("Indent the JSON"), m_options);
  auto* form = new QFormLayout(m_options);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("&Format:"), m_format);
  form->addRow(tr("&Write to:"), pathRow);
  form->addRow(tr("&Documents:"), m_split);
  form->addRow(tr("&Tag scheme:"), m_tagScheme);
  form->addRow(QString(), m_pretty);

  m_status = new QLabel(tr("Choose a format and where to write it, then press Export."), this);
  m_status->setObjectName(QStringLiteral("exportStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("exportProgress"));
  m_progress->hide();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_close = buttons->button(QDialogButtonBox::Close);
  m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
  m_export->setDefault(true);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_options);
  layout->addWidget(m_status);
  layout->addWidget(m_progress);
  layout->addStretch(1);
  layout->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseOutput);
  connect(m_format, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { setFormat(format()); });
  setFormat(QStringLiteral("jsonl"));
  resize(640, sizeHint().height());
}

QString ExportDialog::format() const { return m_format->currentData().toString(); }

bool ExportDialog::writesFolder(const QString& format) {
  // brat and parallel lines are folders of files; plain text writes one .txt per document.
  const Format* f = FormatRegistry::instance().byName(format);
  return f && (f->extensions().contains(QString()) || format == QLatin1String("text"));
}

void ExportDialog::setFormat(const QString& name) {
  const int i = m_format->findData(name);
  if (i < 0) return;
  if (m_format->currentIndex() != i) return m_format->setCurrentIndex(i);  // comes back here
  const QFileInfo project(m_projectPath);
  const QString base = project.absoluteDir().filePath(project.completeBaseName() + QStringLiteral("-export"));
  const QString suffix = suffixOf(name);
  setOutputPath(writesFolder(name) ? base + QLatin1Char('-') + name : base + QLatin1Char('.') + suffix);
  updateOptionStates();
}

void ExportDialog::setOutputPath(const QString& path) { m_path->setText(QDir::toNativeSeparators(path)); }

QString ExportDialog::outputPath() const { return QDir::fromNativeSeparators(m_path->text().trimmed()); }

ExportOptions ExportDialog::exportOptions() const {
  ExportOptions o;
  o.split = m_split->currentData().toString();
  o.tagScheme = m_tagScheme->currentData().toString();
  o.pretty = m_pretty->isChecked();
  return o;
}

void ExportDialog::updateOptionStates() {
  const QString name = format();
  m_split->setEnabled(name != kArchive);
  m_tagScheme->setEnabled(name == QLatin1String("conll"));
  m_pretty->setEnabled(name == QLatin1String("squad"));
}

void ExportDialog::chooseOutput() {
  const QString name = format();
  QString chosen;
  if (writesFolder(name)) {
    chosen = QFileDialog::getExistingDirectory(this, tr("Folder to export into"), outputPath());
  } else {
    const QString suffix = suffixOf(name);
    chosen = QFileDialog::getSaveFileName(this, tr("Export to"), outputPath(),
                                          tr("%1 files (*.%2);;All files (*)").arg(name, suffix));
  }
  if (!chosen.isEmpty()) setOutputPath(chosen);
}

void ExportDialog::startExport() {
  if (m_running) return;
  const QString output = outputPath();
  if (output.isEmpty()) {
    m_status->setText(tr("Say where to write the export."));
    return;
  }
  const QFileInfo target(output);
  if (target.exists() && !writesFolder(format()) &&
      QMessageBox::question(this, tr("Replace File?"),
                            tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(output))) !=
          QMessageBox::Yes)
    return;
  const QString name = format();
  ExportOptions options = exportOptions();
  Result<ExportSummary> written = Error("not run");
  m_running = true;
  m_cancelRequested = false;
  m_options->setEnabled(false);
  m_export->setEnabled(false);
  m_status->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(output)));
  // A worker reads through its own connection: a Qt Sql connection belongs to the thread that made it.
  const bool completed = BackgroundTask::run(
      m_progress, [this] { return m_cancelRequested; },
      [&](const ProgressCallback& progress) {
        auto store = ProjectStore::open(m_projectPath, OpenMode::ReadOnly);
        if (!store) {
          written = store.error();
          return;
        }
        options.progress = progress;
        written = exportProject(*store.value(), name, output, options);
      });
  m_running = false;
  m_options->setEnabled(true);
  m_export->setEnabled(true);
  if (!written && !completed) {
    m_progress->hide();
    m_status->setText(tr("Export cancelled: nothing was written."));
    return;
  }
  if (!written) {
    m_progress->hide();
    const QString why = QString::fromStdString(written.error().toString());
    log::get("ui")->warn("export to {} failed: {}", output.toStdString(), written.error().toString());
    m_status->setText(tr("Nothing was exported: %1").arg(why));
    return;
  }
  m_summary = written.value();
  m_exported = true;
  log::get("ui")->info("exported {} documents as {} to {}", m_summary.documents, name.toStdString(),
                       output.toStdString());
  m_status->setText(name == kArchive
                        ? tr("Wrote the project archive %1 (%n document(s)).", nullptr, m_summary.documents)
                              .arg(QDir::toNativeSeparators(output))
                        : tr("Exported %n document(s) as %1 to %2.", nullptr, m_summary.documents)
                              .arg(name, QDir::toNativeSeparators(output)));
  m_close->setFocus();
}

void ExportDialog::reject() {
  if (m_running) {
    m_cancelRequested = true;
    m_status->setText(tr("Cancelling…"));
    return;
  }
  QDialog::reject();
}

}  // namespace quarry::ui
