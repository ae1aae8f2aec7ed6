#pragma once
// Renders a guideline as the rich-text tooltip shown on spans and palette entries.

#include <QString>

#include "corpus/Schema.h"

namespace quarry::ui {

// "<b>NAME</b><p>definition</p><p><i>Example:</i> ...</p><p><i>Edge cases:</i><ul>...</ul>": the
// definition, one positive example and the edge cases, HTML-escaped.
QString guidelineTooltip(const QString& typeName, const Guideline& guideline);

}  // namespace quarry::ui
