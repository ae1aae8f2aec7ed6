#pragma once
// A batch of token sequences as a transformer's forward takes them: ids padded with the tokenizer's pad id
// to the longest, the attention mask, token type ids (0 where a sequence gives none). The task models that
// read windows or marked pairs (NER, classification, relations, QA) all lay batches out this way.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace quarry::train {

// Rows of values padded with `fill` to `cols` columns (a longer row is cut): [rows, cols] int64 on `device`.
at::Tensor paddedRows(const std::vector<const std::vector<int64_t>*>& rows, int64_t cols, int64_t fill,
                      const c10::Device& device);

struct TransformerBatch {
  at::Tensor ids;    // [rows, cols] int64
  at::Tensor mask;   // [rows, cols] int64: 1 on a sequence's positions, 0 on padding
  at::Tensor types;  // [rows, cols] int64
  int64_t rows = 0;
  int64_t cols = 0;  // the longest sequence (at least 1)
};

// The batch of `items` of `all`, each with `ids` and `typeIds` (std::vector<int64_t>).
TransformerBatch transformerBatch(const std::vector<const std::vector<int64_t>*>& ids,
                                  const std::vector<const std::vector<int64_t>*>& typeIds, int64_t padId,
                                  const c10::Device& device);

// The same batch built on the host for staging (train/StagedBatch.h) in at least `rows` rows and `cols`
// columns: the extra columns are padding, and each extra row holds one unmasked pad token (so that no
// attention row is empty, which SDPA would answer with NaN) and is ignored by the caller's loss.
TransformerBatch stagedTransformerBatch(const std::vector<const std::vector<int64_t>*>& ids,
                                        const std::vector<const std::vector<int64_t>*>& typeIds,
                                        int64_t padId, int64_t rows, int64_t cols);

// The token ids and type ids of `items` of `all` (each with `ids` and `typeIds`), as the two overloads
// above take them.
template <typename Sequence>
struct SequenceRows {
  std::vector<const std::vector<int64_t>*> ids, typeIds;
  SequenceRows(const std::vector<Sequence>& all, const std::vector<int32_t>& items) {
    ids.reserve(items.size());
    typeIds.reserve(items.size());
    for (int32_t i : items) {
      ids.push_back(&all[static_cast<size_t>(i)].ids);
      typeIds.push_back(&all[static_cast<size_t>(i)].typeIds);
    }
  }
};

template <typename Sequence>
TransformerBatch transformerBatch(const std::vector<Sequence>& all, const std::vector<int32_t>& items,
                                  int64_t padId, const c10::Device& device) {
  const SequenceRows<Sequence> rows(all, items);
  return transformerBatch(rows.ids, rows.typeIds, padId, device);
}

template <typename Sequence>
TransformerBatch stagedTransformerBatch(const std::vector<Sequence>& all, const std::vector<int32_t>& items,
                                        int64_t padId, int64_t rows, int64_t cols) {
  const SequenceRows<Sequence> sequences(all, items);
  return stagedTransformerBatch(sequences.ids, sequences.typeIds, padId, rows, cols);
}

}  // namespace quarry::train
