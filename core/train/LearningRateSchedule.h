#pragma once
// The learning-rate multiplier at each optimizer step: a linear warm-up from 0, then a linear decay to 0
// at the last step (transformers' get_linear_schedule_with_warmup), a half-cosine decay to 0
// (get_cosine_schedule_with_warmup) or a constant rate.

#include <cstdint>
#include <string>

namespace quarry::train {

class LearningRateSchedule {
 public:
  enum class Shape { Linear, Cosine, Constant };
  LearningRateSchedule(Shape shape, int64_t warmupSteps, int64_t totalSteps);
  // TrainConfig::schedule's names: "linear", "cosine", "constant"; anything else is Linear.
  static Shape shapeNamed(const std::string& name);
  // Multiplier for the update made at `step` (0-based).
  double factor(int64_t step) const;

 private:
  Shape m_shape;
  int64_t m_warmup;
  int64_t m_total;
};

}  // namespace quarry::train
