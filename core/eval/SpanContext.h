#pragma once
// A span shown in its surrounding text, for error listings a person reads.

#include <cstdint>
#include <string>
#include <string_view>

namespace quarry::eval {

// The text of code points [start - radius, end + radius) of `text` (UTF-8) with the span
// [start, end) wrapped in "[[" and "]]": "Frau [[Müller]] fuhr". Offsets count code points and are
// clamped to the text; a cut never splits a code point. Line breaks and tabs become spaces so that
// the context fits on one line. A byte that is not valid UTF-8 counts as one code point.
std::string spanContext(std::string_view text, int32_t start, int32_t end, int32_t radius = 40);

}  // namespace quarry::eval
