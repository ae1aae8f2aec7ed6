#pragma once
// Opt-in int8 inference for linear layers: weights quantised once per output channel (symmetric),
// activations quantised per call (dynamic), through LibTorch's quantized::linear_dynamic on the
// oneDNN quantisation engine — Python's torch.quantization.quantize_dynamic, which C++ lacks.
// Debian's LibTorch has no FBGEMM, so the oneDNN engine is the one used. Costs about 1% relative
// error in logits; faster than the fp32 oneDNN path on wide layers (BERT-base), barely on narrow ones.

#include <ATen/core/Tensor.h>
#include <ATen/core/ivalue.h>

namespace quarry::model {

// Whether the ops and the oneDNN (or FBGEMM) quantisation engine exist in this LibTorch.
bool dynamicInt8Available();

// Packs weight [out,in] (+ bias [out]) for int8Linear. Selects the quantisation engine process-wide
// (at::globalContext().setQEngine). Returns None when unavailable.
c10::IValue packInt8Linear(const at::Tensor& weight, const at::Tensor& bias);

// x [..., in] float32 CPU -> [..., out] float32. No autograd.
at::Tensor int8Linear(const c10::IValue& packed, const at::Tensor& x);

}  // namespace quarry::model
