#include "GuidelineText.h"

#include <QCoreApplication>

namespace quarry::ui {

QString guidelineTooltip(const QString& typeName, const Guideline& g) {
  QString html = QStringLiteral("<b>%1</b>").arg(typeName.toHtmlEscaped());
  if (!g.definition.isEmpty()) html += QStringLiteral("<p>%1</p>").arg(g.definition.toHtmlEscaped());
  if (!g.positiveExamples.isEmpty())
    html += QStringLiteral("<p><i>%1</i> %2</p>")
                .arg(QCoreApplication::translate("Guideline", "Example:"), g.positiveExamples.front().toHtmlEscaped());
  if (!g.edgeCases.isEmpty()) {
    html += QStringLiteral("<p><i>%1</i></p><ul>").arg(QCoreApplication::translate("Guideline", "Edge cases:"));
    for (const QString& e : g.edgeCases) html += QStringLiteral("<li>%1</li>").arg(e.toHtmlEscaped());
    html += QStringLiteral("</ul>");
  }
  if (g.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(QCoreApplication::translate("Guideline", "No guideline yet."));
  return html;
}

}  // namespace quarry::ui
