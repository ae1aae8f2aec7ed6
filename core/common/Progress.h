#pragma once
// Progress of long work (imports, exports, training): called with (done, total) units; total 0 means
// unknown. Returning false asks the work to stop: it then undoes what it started and reports "cancelled".

#include <cstdint>
#include <functional>

namespace quarry {

using ProgressCallback = std::function<bool(std::int64_t done, std::int64_t total)>;

}  // namespace quarry
