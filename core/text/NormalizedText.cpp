#include "text/NormalizedText.h"

#include "text/Unicode.h"

namespace quarry::text {

std::string NormalizedText::utf8() const { return unicode::toUtf8(cps); }

}  // namespace quarry::text
