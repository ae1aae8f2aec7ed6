#pragma once
// Gradient (activation) checkpointing, as torch.utils.checkpoint's reentrant variant does it: the block
// runs without recording a graph in the forward pass, keeping only its input; backward runs it again with
// the graph recorded and back-propagates through that. Activation memory of a stack of L layers falls
// from L layers' intermediates to L inputs plus one layer's intermediates, for one more forward pass of
// compute.
//
// The recomputation sees what the forward pass saw: the random generators are put back to their state at
// the forward pass (so dropout draws the same masks, on CPU and on the input's CUDA device) and autocast
// is re-entered in the state it had.

#include <functional>

#include <ATen/core/Tensor.h>

namespace quarry::model {

using CheckpointedBlock = std::function<at::Tensor(const at::Tensor& input)>;

// block(input), computed as described above when a gradient will flow (grad mode on and the input needs
// a gradient); plainly otherwise. The block may use tensors other than its input (weights, a padding
// mask); gradients reach the parameters it uses through the recomputed graph, but a captured tensor
// that is not a leaf gets none, so pass such tensors (a prefix computed from parameters) only to blocks
// that are not checkpointed.
at::Tensor checkpointed(const CheckpointedBlock& block, const at::Tensor& input);

// The same for a block of two inputs, both of which get their gradients: `side` is a tensor computed from
// parameters outside the block that every layer reads (DeBERTa's normalised relative-position table); it
// may be undefined.
using CheckpointedPairBlock = std::function<at::Tensor(const at::Tensor& input, const at::Tensor& side)>;
at::Tensor checkpointed(const CheckpointedPairBlock& block, const at::Tensor& input, const at::Tensor& side);

}  // namespace quarry::model
