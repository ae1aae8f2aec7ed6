#include "model/optim/GradientScaler.h"

#include <cmath>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/isfinite.h>
#include <ATen/ops/zeros.h>

namespace quarry::model {

GradientScaler::GradientScaler(const Options& options)
    : m_options(options), m_scale(options.enabled ? options.initialScale : 1.0) {}

at::Tensor GradientScaler::scaled(const at::Tensor& loss) const {
  return m_options.enabled ? loss * m_scale : loss;
}

bool GradientScaler::unscale(const std::vector<at::Tensor>& parameters) {
  if (!m_options.enabled) return true;
  at::NoGradGuard noGrad;
  const double inverse = 1.0 / m_scale;
  at::Tensor nonFinite;  // summed on the gradients' device, read once
  for (const at::Tensor& p : parameters) {
    at::Tensor g = p.grad();
    if (!g.defined()) continue;
    g.mul_(inverse);
    at::Tensor bad = at::isfinite(g).logical_not().any();
    nonFinite = nonFinite.defined() ? nonFinite.logical_or(bad.to(nonFinite.device())) : bad;
  }
  return !nonFinite.defined() || !nonFinite.item<bool>();
}

void GradientScaler::update(bool finite) {
  if (!m_options.enabled) return;
  if (!finite) {
    m_scale *= m_options.backoffFactor;
    m_growthTracker = 0;
    ++m_skipped;
    return;
  }
  if (++m_growthTracker >= m_options.growthInterval) {
    const double grown = m_scale * m_options.growthFactor;
    if (std::isfinite(grown)) m_scale = grown;
    m_growthTracker = 0;
  }
}

nlohmann::json GradientScaler::toJson() const {
  if (!m_options.enabled) return nullptr;
  return {{"scale", m_scale}, {"growth_tracker", m_growthTracker}, {"skipped_steps", m_skipped}};
}

Status GradientScaler::fromJson(const nlohmann::json& state, const std::string& source) {
  if (!m_options.enabled || state.is_null()) return {};
  if (!state.is_object() || !state.contains("scale") || !state["scale"].is_number() ||
      !(state["scale"].get<double>() > 0) || !std::isfinite(state["scale"].get<double>()) ||
      !state.contains("growth_tracker") || !state["growth_tracker"].is_number_integer() ||
      state["growth_tracker"].get<int64_t>() < 0)
    return Error("expected {\"scale\": a positive number, \"growth_tracker\": a count}", source, 0,
                 "gradient_scaler");
  m_scale = state["scale"].get<double>();
  m_growthTracker = state["growth_tracker"].get<int64_t>();
  m_skipped = state.value("skipped_steps", int64_t{0});
  return {};
}

}  // namespace quarry::model
