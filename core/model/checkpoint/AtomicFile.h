#pragma once
// AtomicFile now lives in core/common (common/AtomicFile.h), below core/text, which writes tokenizer
// folders with it; the name stays reachable as quarry::model::AtomicFile for the model code written
// against it.

#include "common/AtomicFile.h"

namespace quarry::model {

using quarry::AtomicFile;

}  // namespace quarry::model
