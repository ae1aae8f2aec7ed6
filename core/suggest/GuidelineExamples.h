#pragma once
// A schema's guideline examples mark the entity they illustrate with brackets: "adults with [type 2
// diabetes mellitus] on stable therapy". These are the marked surfaces, the cold-start gazetteer's seed.

#include <string>
#include <string_view>
#include <vector>

namespace quarry::suggest {

// The bracketed spans of `example` (UTF-8), in order, each with ASCII whitespace trimmed. A '[' opens a
// span (an open one restarts there, so "[a [b] c]" gives "b"), the next ']' closes it; a ']' with no span
// open and a '[' never closed mark nothing, nor do empty spans. Text without brackets gives none.
std::vector<std::string> bracketedSpans(std::string_view example);

}  // namespace quarry::suggest
