#include "train/LearningRateSchedule.h"

#include <algorithm>

namespace quarry::train {

LearningRateSchedule::LearningRateSchedule(Shape shape, int64_t warmupSteps, int64_t totalSteps)
    : m_shape(shape), m_warmup(std::max<int64_t>(0, warmupSteps)), m_total(std::max<int64_t>(1, totalSteps)) {}

double LearningRateSchedule::factor(int64_t step) const {
  // transformers' lambda: step < warmup -> step / warmup (the first update at lr 0), then
  // (total - step) / (total - warmup).
  if (step < m_warmup) return static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, m_warmup));
  if (m_shape == Shape::Constant) return 1.0;
  return std::max(0.0, static_cast<double>(m_total - step) / static_cast<double>(std::max<int64_t>(1, m_total - m_warmup)));
}

}  // namespace quarry::train
