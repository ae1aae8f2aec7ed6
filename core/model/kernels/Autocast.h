#pragma once
// Mixed precision: the arithmetic type a model computes in while its weights stay float32 (master
// weights), as torch.autocast does it. Inside an AutocastScope, ATen's autocast casts the inputs of
// matrix products (linear, matmul, attention) to bfloat16 or float16 and runs the precision-sensitive
// ops (softmax, log-softmax, layer norm, losses) in float32. The CPU fast paths of this folder step aside
// while CPU autocast is on, so that the ATen ops do the casting.
//
// bfloat16 autocast runs on CPU and CUDA; float16 only on CUDA (Debian's LibTorch 1.13 has no CPU float16
// autocast), with a gradient scaler (optim/GradientScaler.h) against underflow.

#include <string>

#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>

#include "common/Error.h"

namespace quarry::model {

enum class Precision {
  Float32,   // "fp32": no autocast
  BFloat16,  // "bf16"
  Float16,   // "fp16": CUDA only, with gradient scaling
};

// "fp32", "bf16", "fp16" (also "float32", "bfloat16", "float16").
Result<Precision> precisionNamed(const std::string& name);
const char* precisionName(Precision precision);
// Whether `device` can compute in `precision` (fp16 needs CUDA); the message names what to use instead.
Status precisionSupported(Precision precision, c10::DeviceType device);

// Whether ATen's autocast is on for `device` in this thread, and its lower-precision type.
bool autocastEnabled(c10::DeviceType device);
c10::ScalarType autocastType(c10::DeviceType device);

// The autocast state of a device, captured to re-enter it later (gradient checkpointing recomputes a
// layer in backward, outside the scope the forward ran in).
struct AutocastState {
  c10::DeviceType device = c10::DeviceType::CPU;
  bool enabled = false;
  c10::ScalarType type = c10::ScalarType::BFloat16;

  static AutocastState current(c10::DeviceType device);
};

// Enters a state until destroyed, then restores what was before (and, when leaving the outermost scope,
// drops the cached casts of the weights, as torch.autocast's __exit__ does). A state that is off changes
// nothing. Not copyable; one thread.
class AutocastRestore {
 public:
  explicit AutocastRestore(const AutocastState& state);
  ~AutocastRestore();
  AutocastRestore(const AutocastRestore&) = delete;
  AutocastRestore& operator=(const AutocastRestore&) = delete;

 private:
  AutocastState m_state;
  bool m_wasEnabled = false;
  c10::ScalarType m_previousType = c10::ScalarType::Float;
};

// Turns autocast on for `device` in `precision` until destroyed (AutocastRestore of that state); Float32
// changes nothing.
class AutocastScope : private AutocastRestore {
 public:
  AutocastScope(c10::DeviceType device, Precision precision);
};

}  // namespace quarry::model
