#include "training/RunLogDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "formats/TextFile.h"
#include "jobs/RunLog.h"

namespace quarry::ui {
namespace {

// "Run 3, NER bilstm-crf: failed: <reason>".
QString headerText(const ModelRun& run) {
  QString text = QObject::tr("Run %1, %2: %3").arg(run.id).arg(run.name, runStatusName(run.status));
  if (!run.error.isEmpty()) text += QStringLiteral(": ") + run.error;
  return text;
}

}  // namespace

RunLogDialog::RunLogDialog(const ModelRun& run, const QVector<RunLogLine>& lines, QWidget* parent)
    : QDialog(parent), m_runId(run.id) {
  setObjectName(QStringLiteral("RunLogDialog"));
  setWindowTitle(tr("Log of Run %1").arg(run.id));
  m_header = new QLabel(headerText(run), this);
  m_header->setObjectName(QStringLiteral("runLogHeader"));
  m_header->setTextFormat(Qt::PlainText);
  m_header->setWordWrap(true);
  m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_text = new QPlainTextEdit(this);
  m_text->setObjectName(QStringLiteral("runLogText"));
  m_text->setReadOnly(true);
  m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  QStringList text;
  for (const RunLogLine& line : lines) text << jobs::RunLog::lineText(line);
  if (lines.isEmpty())
    m_text->setPlaceholderText(tr("This run kept no log (it ran before Quarry kept run logs)."));
  m_text->setPlainText(text.join(QLatin1Char('\n')));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
  m_copy->setObjectName(QStringLiteral("copyRunLogButton"));
  m_save = buttons->addButton(tr("&Save As…"), QDialogButtonBox::ActionRole);
  m_save->setObjectName(QStringLiteral("saveRunLogButton"));
  m_copy->setEnabled(!lines.isEmpty());
  m_save->setEnabled(!lines.isEmpty());
  connect(m_copy, &QPushButton::clicked, this,
          [this] { QGuiApplication::clipboard()->setText(m_text->toPlainText()); });
  connect(m_save, &QPushButton::clicked, this, [this] { saveAs(); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_header);
  layout->addWidget(m_text, 1);
  layout->addWidget(buttons);
  resize(900, 480);
}

bool RunLogDialog::saveAs(const QString& path) {
  QString target = path;
  if (target.isEmpty()) {
    target = QFileDialog::getSaveFileName(this, tr("Save the Log"), QStringLiteral("run-%1.log").arg(m_runId),
                                          tr("Logs (*.log *.txt)"));
    if (target.isEmpty()) return false;
  }
  if (Status s = writeUtf8File(target, m_text->toPlainText() + QLatin1Char('\n')); !s) {
    QMessageBox::warning(this, tr("Cannot Save the Log"), QString::fromStdString(s.error().toString()));
    return false;
  }
  return true;
}

}  // namespace quarry::ui
