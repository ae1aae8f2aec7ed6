#pragma once
// Tensor plumbing the taggers share: picking the labelled positions out of a token grid for the CRF,
// and turning per-word scores into tags with their posterior probabilities.

#include <vector>

#include <ATen/core/Tensor.h>

#include "model/crf/Crf.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

// Rows of a [B,T,C] grid restricted to the positions whose label is not -100, left-aligned:
// emissions [R,W,C], tags [R,W], mask [R,W] (bool). Rows without a labelled position are left out.
struct WordEmissions {
  at::Tensor emissions;
  at::Tensor tags;
  at::Tensor mask;
  int64_t rows = 0;
};
WordEmissions gatherLabelledPositions(const at::Tensor& logits, const at::Tensor& labels);

// Viterbi tags and their marginals, for sentences given as rows of words x classes raw scores; with
// `distributions`, every word's marginals over all classes too.
std::vector<SentenceTags> decodeWithCrf(model::CrfImpl& crf, const std::vector<std::vector<float>>& scores,
                                        int64_t classes, bool distributions = false);
// Argmax tags and their softmax probabilities; with `distributions`, every word's softmax too.
std::vector<SentenceTags> decodeWithSoftmax(const std::vector<std::vector<float>>& scores, int64_t classes,
                                            bool distributions = false);

}  // namespace quarry::train
