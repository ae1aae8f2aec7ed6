#include "GuidelineEditor.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace quarry::ui {
namespace {

QStringList lines(const QPlainTextEdit* edit) {
  QStringList out;
  for (const QString& l : edit->toPlainText().split(QLatin1Char('\n')))
    if (!l.trimmed().isEmpty()) out << l.trimmed();
  return out;
}

void appendList(QString& md, const QString& heading, const QStringList& items) {
  if (items.isEmpty()) return;
  md += QStringLiteral("\n\n#### ") + heading + QStringLiteral("\n\n");
  for (const QString& item : items) md += QStringLiteral("- ") + item + QLatin1Char('\n');
}

}  // namespace

GuidelineEditor::GuidelineEditor(QWidget* parent) : QWidget(parent) {
  m_definition = new QPlainTextEdit(this);
  m_positive = new QPlainTextEdit(this);
  m_negative = new QPlainTextEdit(this);
  m_edgeCases = new QPlainTextEdit(this);
  m_definition->setPlaceholderText(tr("What this type is, in a paragraph (Markdown)"));
  m_positive->setPlaceholderText(tr("Text that is this type, one example per line"));
  m_negative->setPlaceholderText(tr("Text that looks like it but is not, one per line"));
  m_edgeCases->setPlaceholderText(tr("Rulings on the hard cases, one per line"));
  for (QPlainTextEdit* e : {m_definition, m_positive, m_negative, m_edgeCases}) {
    e->setTabChangesFocus(true);
    connect(e, &QPlainTextEdit::textChanged, this, [this] {
      render();
      if (!m_loading) Q_EMIT changed();
    });
  }
  m_preview = new QTextBrowser(this);
  m_preview->setOpenExternalLinks(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Definition:"), m_definition);
  form->addRow(tr("&Positive examples:"), m_positive);
  form->addRow(tr("&Negative examples:"), m_negative);
  form->addRow(tr("&Edge cases:"), m_edgeCases);
  auto* previewColumn = new QVBoxLayout;
  previewColumn->addWidget(new QLabel(tr("Preview:"), this));
  previewColumn->addWidget(m_preview, 1);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(form, 3);
  layout->addLayout(previewColumn, 2);
}

void GuidelineEditor::setGuideline(const QString& typeName, const Guideline& g) {
  m_loading = true;
  m_typeName = typeName;
  m_definition->setPlainText(g.definition);
  m_positive->setPlainText(g.positiveExamples.join(QLatin1Char('\n')));
  m_negative->setPlainText(g.negativeExamples.join(QLatin1Char('\n')));
  m_edgeCases->setPlainText(g.edgeCases.join(QLatin1Char('\n')));
  m_loading = false;
  render();
}

Guideline GuidelineEditor::guideline() const {
  Guideline g;
  g.definition = m_definition->toPlainText().trimmed();
  g.positiveExamples = lines(m_positive);
  g.negativeExamples = lines(m_negative);
  g.edgeCases = lines(m_edgeCases);
  return g;
}

QString GuidelineEditor::toMarkdown(const QString& typeName, const Guideline& g) {
  QString md = QStringLiteral("### ") + typeName;
  if (!g.definition.isEmpty()) md += QStringLiteral("\n\n") + g.definition;
  appendList(md, tr("Positive examples"), g.positiveExamples);
  appendList(md, tr("Negative examples"), g.negativeExamples);
  appendList(md, tr("Edge cases"), g.edgeCases);
  if (g.isEmpty()) md += QStringLiteral("\n\n*") + tr("No guideline yet.") + QLatin1Char('*');
  return md;
}

void GuidelineEditor::render() { m_preview->document()->setMarkdown(toMarkdown(m_typeName, guideline())); }

}  // namespace quarry::ui
