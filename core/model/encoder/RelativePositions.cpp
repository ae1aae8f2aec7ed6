#include "model/encoder/RelativePositions.h"

#include <algorithm>

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/ceil.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/full.h>
#include <ATen/ops/log.h>
#include <ATen/ops/scalar_tensor.h>
#include <ATen/ops/sign.h>
#include <ATen/ops/where.h>

#include "model/kernels/HostToDevice.h"

namespace quarry::model {

at::Tensor logBucketPositions(const at::Tensor& relative, int64_t bucketSize, int64_t maxPosition) {
  const at::Tensor rel = relative.to(at::kLong);
  const int64_t mid = bucketSize / 2;
  const at::Tensor sign = at::sign(rel);
  const at::Tensor near = rel.lt(mid).logical_and(rel.gt(-mid));
  const at::Tensor absPos = at::where(near, at::full({}, mid - 1, rel.options()), at::abs(rel));
  // Every step in float32 like torch's default dtype: int64 / int is a float32 true division, and the
  // Python float (max_position - 1) / mid becomes a float32 tensor before its log.
  const at::Tensor ratio = absPos.to(at::kFloat).div(static_cast<double>(mid));
  const at::Tensor logSpan = at::log(at::scalar_tensor(
      static_cast<double>(maxPosition - 1) / static_cast<double>(mid), rel.options().dtype(at::kFloat)));
  const at::Tensor logPos = at::ceil(at::log(ratio) / logSpan * (mid - 1)) + mid;
  const at::Tensor bucketed = at::where(absPos.le(mid), rel.to(at::kFloat), logPos * sign.to(at::kFloat));
  return bucketed.to(at::kLong);
}

at::Tensor relativePositions(int64_t querySize, int64_t keySize, int64_t bucketSize, int64_t maxPosition) {
  const at::Tensor q = at::arange(querySize, at::kLong);
  const at::Tensor k = at::arange(keySize, at::kLong);
  at::Tensor rel = q.unsqueeze(1) - k.unsqueeze(0);
  if (bucketSize > 0 && maxPosition > 0) rel = logBucketPositions(rel, bucketSize, maxPosition);
  return rel;
}

RelativePositionIndex relativePositionIndex(int64_t length, int64_t span, int64_t bucketSize,
                                            int64_t maxPosition, const at::Device& device) {
  const at::Tensor rel = relativePositions(length, length, bucketSize, maxPosition);
  at::Tensor c2p = at::clamp(rel + span, 0, 2 * span - 1);
  at::Tensor p2c = at::clamp(-rel + span, 0, 2 * span - 1);
  RelativePositionIndex out;
  out.first = std::min(c2p.min().item<int64_t>(), p2c.min().item<int64_t>());
  out.count = std::max(c2p.max().item<int64_t>(), p2c.max().item<int64_t>()) - out.first + 1;
  // Made on the host (its range is read there): to a GPU by a pinned copy that does not make the host wait.
  out.contentToPosition = hostToDevice(c2p - out.first, device);
  out.positionToContent = hostToDevice(p2c - out.first, device);
  return out;
}

}  // namespace quarry::model
