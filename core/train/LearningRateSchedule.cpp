#include "train/LearningRateSchedule.h"

#include <algorithm>
#include <cmath>

namespace quarry::train {

LearningRateSchedule::LearningRateSchedule(Shape shape, int64_t warmupSteps, int64_t totalSteps)
    : m_shape(shape),
      m_warmup(std::max<int64_t>(0, warmupSteps)),
      m_total(std::max<int64_t>(1, totalSteps)) {}

LearningRateSchedule::Shape LearningRateSchedule::shapeNamed(const std::string& name) {
  if (name == "cosine") return Shape::Cosine;
  if (name == "constant") return Shape::Constant;
  return Shape::Linear;
}

double LearningRateSchedule::factor(int64_t step) const {
  // transformers' lambdas: step < warmup -> step / warmup (the first update at lr 0); then linear
  // (total - step) / (total - warmup), or cosine 0.5 * (1 + cos(pi * progress)) with
  // progress = (step - warmup) / (total - warmup).
  if (step < m_warmup) return static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, m_warmup));
  const double span = static_cast<double>(std::max<int64_t>(1, m_total - m_warmup));
  switch (m_shape) {
    case Shape::Constant:
      return 1.0;
    case Shape::Cosine:
      return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * static_cast<double>(step - m_warmup) / span)));
    case Shape::Linear:
      break;
  }
  return std::max(0.0, static_cast<double>(m_total - step) / span);
}

}  // namespace quarry::train
