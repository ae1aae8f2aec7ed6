#pragma once
// AdamW (decoupled weight decay, Loshchilov & Hutter) with torch.optim.AdamW's arithmetic, amsgrad off.
// On CPU float32 each parameter is updated in one pass over (param, grad, exp_avg, exp_avg_sq)
// instead of torch's ~10 tensor passes and temporaries; elsewhere it runs torch's tensor ops.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

struct AdamWOptions {
  double lr = 1e-3;           // learning rate
  double beta1 = 0.9;         // first-moment decay
  double beta2 = 0.999;       // second-moment decay
  double eps = 1e-8;          // added to sqrt(v̂)
  double weightDecay = 0.01;  // decoupled: p *= 1 - lr * weightDecay
};

struct AdamWGroup {
  std::vector<at::Tensor> parameters;  // leaf tensors that require grad
  AdamWOptions options;                // per group (layer-wise learning rates)
};

struct AdamWParamState {
  int64_t step = 0;      // updates applied to this parameter
  at::Tensor expAvg;     // first moment, undefined until the first update
  at::Tensor expAvgSq;   // second moment
  at::Tensor deviceStep;  // CUDA fused path: `step` as a float32 scalar on the device (made from `step`)
};

class FusedAdamW {
 public:
  explicit FusedAdamW(std::vector<AdamWGroup> groups);

  // Updates every parameter that has a gradient (others are skipped, their step unchanged).
  void step();

  // Drops the gradients (setToNone) or zeroes them in place.
  void zeroGrad(bool setToNone = true);

  std::vector<AdamWGroup>& groups() { return m_groups; }
  const std::vector<AdamWGroup>& groups() const { return m_groups; }
  // One per parameter, in group order then parameter order (for checkpoints).
  std::vector<AdamWParamState>& state() { return m_state; }

 private:
  std::vector<AdamWGroup> m_groups;
  std::vector<AdamWParamState> m_state;
};

}  // namespace quarry::model
