#include "train/TransformerBatch.h"

#include <algorithm>

#include <ATen/ops/from_blob.h>

#include "model/kernels/HostToDevice.h"

namespace quarry::train {

at::Tensor paddedRows(const std::vector<const std::vector<int64_t>*>& rows, int64_t cols, int64_t fill,
                      const c10::Device& device) {
  const auto n = static_cast<int64_t>(rows.size());
  std::vector<int64_t> data(static_cast<size_t>(n * cols), fill);
  for (int64_t r = 0; r < n; ++r) {
    const std::vector<int64_t>& row = *rows[static_cast<size_t>(r)];
    std::copy_n(row.begin(), std::min<int64_t>(cols, static_cast<int64_t>(row.size())), data.begin() + r * cols);
  }
  return model::hostToDevice(
      at::from_blob(data.data(), {n, cols}, at::TensorOptions().dtype(at::kLong)).clone(), device);
}

TransformerBatch transformerBatch(const std::vector<const std::vector<int64_t>*>& ids,
                                  const std::vector<const std::vector<int64_t>*>& typeIds, int64_t padId,
                                  const c10::Device& device) {
  TransformerBatch b;
  b.rows = static_cast<int64_t>(ids.size());
  b.cols = 1;
  for (const auto* s : ids) b.cols = std::max<int64_t>(b.cols, static_cast<int64_t>(s->size()));
  std::vector<std::vector<int64_t>> ones;
  ones.reserve(ids.size());
  std::vector<const std::vector<int64_t>*> maskRows;
  for (const auto* s : ids) {
    ones.emplace_back(s->size(), 1);
    maskRows.push_back(&ones.back());
  }
  b.ids = paddedRows(ids, b.cols, padId, device);
  b.mask = paddedRows(maskRows, b.cols, 0, device);
  b.types = paddedRows(typeIds, b.cols, 0, device);
  return b;
}

TransformerBatch stagedTransformerBatch(const std::vector<const std::vector<int64_t>*>& ids,
                                        const std::vector<const std::vector<int64_t>*>& typeIds,
                                        int64_t padId, int64_t rows, int64_t cols) {
  TransformerBatch b;
  b.rows = std::max<int64_t>(rows, static_cast<int64_t>(ids.size()));
  b.cols = std::max<int64_t>(cols, 1);
  for (const auto* s : ids) b.cols = std::max<int64_t>(b.cols, static_cast<int64_t>(s->size()));
  const std::vector<int64_t> padRow{padId}, oneRow{1}, zeroRow{0};
  std::vector<std::vector<int64_t>> ones;
  ones.reserve(ids.size());
  std::vector<const std::vector<int64_t>*> idRows(ids), typeRows(typeIds), maskRows;
  for (const auto* s : ids) {
    ones.emplace_back(s->size(), 1);
    maskRows.push_back(&ones.back());
  }
  for (int64_t r = static_cast<int64_t>(ids.size()); r < b.rows; ++r) {
    idRows.push_back(&padRow);
    typeRows.push_back(&zeroRow);
    maskRows.push_back(&oneRow);
  }
  const c10::Device host(c10::kCPU);
  b.ids = paddedRows(idRows, b.cols, padId, host);
  b.mask = paddedRows(maskRows, b.cols, 0, host);
  b.types = paddedRows(typeRows, b.cols, 0, host);
  return b;
}

}  // namespace quarry::train
