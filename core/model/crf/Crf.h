#pragma once
// Linear-chain conditional random field over per-token emission scores (Lafferty et al. 2001), as
// used on top of a BiLSTM by Lample et al. 2016. Scores: transitions [C,C] (from -> to), start [C],
// end [C]. An optional constraint (setAllowed) adds kDisallowed to every forbidden move in every
// computation, so Viterbi never returns, say, O -> I-X in a BIO scheme.
//
// Shapes: emissions [B,T,C] float/double, tags [B,T] int64 (in [0,C) on real positions, anything
// past a row's end, e.g. -100), mask [B,T] bool or integer, left-aligned with mask[:,0] all true (a
// row of length 0 throws std::invalid_argument).

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace quarry::model {

class CrfImpl : public torch::nn::Module {
 public:
  // Added to the score of a forbidden move.
  static constexpr double kDisallowed = -10000.0;

  explicit CrfImpl(int64_t numTags);

  // Scores uniform(-0.1, 0.1) drawn from `seed` on the CPU; the constraint is kept.
  void reset(uint64_t seed);

  // transitions[from][to], start[tag], end[tag]: whether the move is allowed. Sizes must be C
  // (std::invalid_argument otherwise). Stored as bool buffers, so they travel with the state.
  void setAllowed(const std::vector<std::vector<bool>>& transitions, const std::vector<bool>& start,
                  const std::vector<bool>& end);
  // Removes the constraint.
  void allowAll();

  // log p(tags | emissions) per row, [B]. Differentiable.
  at::Tensor logLikelihood(const at::Tensor& emissions, const at::Tensor& tags, const at::Tensor& mask);
  // -mean over the batch of logLikelihood: a scalar to minimise.
  at::Tensor negativeLogLikelihood(const at::Tensor& emissions, const at::Tensor& tags,
                                   const at::Tensor& mask);
  // log Z per row, [B]. Differentiable.
  at::Tensor logPartition(const at::Tensor& emissions, const at::Tensor& mask);
  // The best tag sequence per row, as long as the row; with `scores`, each one's total score.
  std::vector<std::vector<int64_t>> viterbi(const at::Tensor& emissions, const at::Tensor& mask,
                                            std::vector<double>* scores = nullptr);
  // Posterior P(y_t = c | x) by forward-backward in log space, [B,T,C]; 0 past a row's length.
  at::Tensor marginals(const at::Tensor& emissions, const at::Tensor& mask);

  // The scores with the constraint penalty added (what every computation uses).
  at::Tensor effectiveTransitions() const;
  at::Tensor effectiveStart() const;
  at::Tensor effectiveEnd() const;

  int64_t numTags() const { return m_numTags; }

  at::Tensor transitions;         // [C,C] parameter
  at::Tensor startTransitions;    // [C] parameter
  at::Tensor endTransitions;      // [C] parameter
  at::Tensor allowedTransitions;  // [C,C] bool buffer
  at::Tensor allowedStart;        // [C] bool buffer
  at::Tensor allowedEnd;          // [C] bool buffer

 private:
  int64_t m_numTags;
};
TORCH_MODULE(Crf);

}  // namespace quarry::model
