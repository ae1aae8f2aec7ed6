#include "train/StagedBatch.h"

#include <c10/core/ScalarType.h>

#include "model/kernels/HostToDevice.h"

namespace quarry::train {

std::string StagedBatch::shapeKey() const {
  std::string key;
  for (const at::Tensor& t : tensors) {
    if (!key.empty()) key += '|';
    if (!t.defined()) {
      key += "-";
      continue;
    }
    for (int64_t d = 0; d < t.dim(); ++d) key += (d ? "x" : "") + std::to_string(t.size(d));
    key += ':';
    key += c10::toString(t.scalar_type());
  }
  return key;
}

void StagedBatch::toDevice(const c10::Device& device) {
  for (at::Tensor& t : tensors)
    if (t.defined()) t = model::hostToDevice(t, device);
}

}  // namespace quarry::train
