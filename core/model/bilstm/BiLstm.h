#pragma once
// A bidirectional LSTM over packed sentences, with torch.nn.LSTM's arithmetic and parameter layout
// (gates i, f, g, o; per layer and direction w_ih [4H,in], w_hh [4H,H], b_ih, b_hh): the same
// result as pack_padded_sequence(enforce_sorted=false) -> nn.LSTM -> pad_packed_sequence.
//
// Rows are packed row-major: sentence 0's words, then sentence 1's, ... (what a left-aligned
// mask's nonzero() gives), so padding costs nothing anywhere. On the CPU in float32 each layer is
// one autograd node with a hand-written backward: the input projection of all words and both
// directions is one GEMM outside the recurrence, each step is one small GEMM (oneDNN when present)
// plus one fused pass over the gates, the recurrent weight gradient is one GEMM over all steps, and
// the two directions run on two threads when ATen has them. ATen's packed LSTM records ~10 autograd
// nodes per step and direction, whose bookkeeping cost more than the arithmetic at tagger sizes.
// Elsewhere (CUDA, double) it is at::lstm.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

struct BiLstmOptions {
  int64_t numLayers = 1;  // stacked bidirectional layers
  double dropout = 0.0;   // on the output of every layer but the last, when training
  bool training = false;  // enables that dropout
  bool useAten = false;   // force the at::lstm path (tests compare the two)
};

// input [N,in] packed row-major; lengths [B] int64 on the CPU, each >= 1, summing to N; weights as
// torch.nn.LSTM's _flat_weights (per layer: forward w_ih, w_hh, b_ih, b_hh, then reverse).
// Returns [N,2H] (forward then reverse hidden state), packed the same way. Differentiable.
at::Tensor biLstm(const at::Tensor& input, const at::Tensor& lengths, const std::vector<at::Tensor>& weights,
                  const BiLstmOptions& options);

}  // namespace quarry::model
