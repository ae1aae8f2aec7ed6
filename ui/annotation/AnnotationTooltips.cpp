#include "annotation/AnnotationTooltips.h"

#include <algorithm>

namespace quarry::ui {

QString AnnotationTooltips::guideline(const QString& typeName, const Guideline& g) {
  QString html = QStringLiteral("<b>%1</b>").arg(typeName.toHtmlEscaped());
  if (!g.definition.isEmpty()) html += QStringLiteral("<p>%1</p>").arg(g.definition.toHtmlEscaped());
  if (!g.positiveExamples.isEmpty())
    html +=
        QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("Example:"), g.positiveExamples.front().toHtmlEscaped());
  if (!g.edgeCases.isEmpty()) {
    html += QStringLiteral("<p><i>%1</i></p><ul>").arg(tr("Edge cases:"));
    for (const QString& e : g.edgeCases) html += QStringLiteral("<li>%1</li>").arg(e.toHtmlEscaped());
    html += QStringLiteral("</ul>");
  }
  if (g.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No guideline yet."));
  return html;
}

QString AnnotationTooltips::span(const QString& spanText, const QString& typeName, const EntityType* type,
                                 const QString& misalignment) {
  QString html = QStringLiteral("<p>\u201c%1\u201d</p>").arg(excerpt(spanText, 200).toHtmlEscaped());
  html += type ? guideline(typeName, type->guideline)
               : QStringLiteral("<b>%1</b><p><i>%2</i></p>")
                     .arg(typeName.toHtmlEscaped(), tr("This type is not in the schema."));
  if (!misalignment.isEmpty())
    html += QStringLiteral("<p style=\"color:#c00000\"><b>%1</b> %2</p>")
                .arg(tr("Does not match the model's tokens:"), misalignment.toHtmlEscaped());
  return html;
}

QString AnnotationTooltips::relation(const QString& typeName, const QString& head, const QString& tail,
                                     const RelationType* type) {
  QString html = QStringLiteral("<p>%1 \u2192 %2</p>").arg(head.toHtmlEscaped(), tail.toHtmlEscaped());
  html += type ? guideline(typeName, type->guideline)
               : QStringLiteral("<b>%1</b><p><i>%2</i></p>")
                     .arg(typeName.toHtmlEscaped(), tr("This relation type is not in the schema."));
  return html;
}

QString AnnotationTooltips::answer(const QString& fieldName, const QaField* field) {
  if (!field)
    return QStringLiteral("<b>%1</b><p><i>%2</i></p>")
        .arg(fieldName.toHtmlEscaped(), tr("This field is not in the schema."));
  QString html = guideline(fieldName, field->guideline);
  if (!field->questions.isEmpty())
    html +=
        QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("Question:"), field->questions.front().toHtmlEscaped());
  return html;
}

QString AnnotationTooltips::excerpt(const QString& text, int maxLength) {
  const QString simplified = text.simplified();
  if (simplified.size() <= maxLength) return simplified;
  // Room for the ellipsis; cut at the last space that leaves at least half the room, else inside a word.
  const int room = std::max(1, maxLength - 1);
  int cut = int(simplified.lastIndexOf(QLatin1Char(' '), room));
  if (cut < room / 2) cut = room;
  if (cut > 0 && simplified.at(cut - 1).isHighSurrogate()) --cut;
  return simplified.left(cut).trimmed() + QChar(0x2026);
}

}  // namespace quarry::ui
