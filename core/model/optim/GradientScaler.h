#pragma once
// Dynamic loss scaling for float16 mixed precision, by torch.amp.GradScaler's rules: the loss is multiplied
// by a large scale before backward so that small gradients survive float16; before the optimizer step the
// gradients are divided by it again and checked; a step with an infinite or NaN gradient is skipped and the
// scale halved; after `growthInterval` clean steps in a row the scale doubles. Off (scale 1, every step
// taken) for float32 and bfloat16, whose range needs none.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry::model {

class GradientScaler {
 public:
  struct Options {
    bool enabled = false;
    double initialScale = 65536.0;  // 2^16, as GradScaler
    double growthFactor = 2.0;
    double backoffFactor = 0.5;
    int64_t growthInterval = 2000;
  };

  GradientScaler() = default;
  explicit GradientScaler(const Options& options);

  bool enabled() const { return m_options.enabled; }
  double scale() const { return m_scale; }
  int64_t growthTracker() const { return m_growthTracker; }
  int64_t skippedSteps() const { return m_skipped; }

  // loss × scale (the loss itself when off).
  at::Tensor scaled(const at::Tensor& loss) const;
  // Divides every defined gradient by the scale, in place; whether all of them are finite (the step may be
  // taken). One read from the device per call. Always true when off.
  bool unscale(const std::vector<at::Tensor>& parameters);
  // After each optimizer step, taken (finite) or skipped.
  void update(bool finite);

  // The scale and growth tracker, for state.json (null when off); fromJson restores them.
  nlohmann::json toJson() const;
  Status fromJson(const nlohmann::json& state, const std::string& source);

 private:
  Options m_options;
  double m_scale = 1.0;
  int64_t m_growthTracker = 0;
  int64_t m_skipped = 0;
};

}  // namespace quarry::model
