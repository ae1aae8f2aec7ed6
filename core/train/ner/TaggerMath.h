#pragma once
// Tensor plumbing the taggers share: picking the labelled positions out of a token grid for the CRF,
// and turning per-word scores into tags with their posterior probabilities.

#include <vector>

#include <ATen/core/Tensor.h>

#include "model/crf/Crf.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

// Where the labelled positions of a batch's label rows (-100 = none) sit in its [B,T] grid of `cols`
// columns, found on the host from the rows themselves (so the device is never read for them), as CPU
// tensors: index [R*W] into the flattened grid, tags [R,W], mask [R,W] (bool), left-aligned. Rows
// without a labelled position are left out (rows = 0: none at all).
struct LabelledPositions {
  at::Tensor index;
  at::Tensor tags;
  at::Tensor mask;
  int64_t rows = 0;
  int64_t width = 0;
};
LabelledPositions labelledPositions(const std::vector<const std::vector<int64_t>*>& labelRows, int64_t cols);

// Rows of a [B,T,C] grid restricted to the labelled positions (on the grid's device), left-aligned:
// emissions [R,W,C], tags [R,W], mask [R,W] (bool).
struct WordEmissions {
  at::Tensor emissions;
  at::Tensor tags;
  at::Tensor mask;
  int64_t rows = 0;
};
// `positions` already on the logits' device.
WordEmissions gatherLabelledPositions(const at::Tensor& logits, const LabelledPositions& positions);

// Viterbi tags and their marginals for a batch of emissions [B,W,C] with its mask [B,W] (rows left-aligned,
// none empty); with `distributions`, every word's marginals over all classes and each path's log-probability
// too (SentenceTags). No gradient.
std::vector<SentenceTags> decodeCrfBatch(model::CrfImpl& crf, const at::Tensor& emissions,
                                         const at::Tensor& mask, bool distributions);
// The same for sentences given as rows of words x classes raw scores.
std::vector<SentenceTags> decodeWithCrf(model::CrfImpl& crf, const std::vector<std::vector<float>>& scores,
                                        int64_t classes, bool distributions = false);
// Argmax tags and their softmax probabilities; with `distributions`, every word's softmax too.
std::vector<SentenceTags> decodeWithSoftmax(const std::vector<std::vector<float>>& scores, int64_t classes,
                                            bool distributions = false);

}  // namespace quarry::train
