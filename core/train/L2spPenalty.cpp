#include "train/L2spPenalty.h"

#include <cmath>
#include <map>
#include <string>

#include <ATen/core/grad_mode.h>

namespace quarry::train {

Result<L2spPenalty> L2spPenalty::anchor(const OptimizerSetup& setup, TaskModel& start, double alpha) {
  L2spPenalty penalty;
  penalty.m_alpha = alpha;
  std::map<std::string, at::Tensor> initial;
  for (const model::ParameterGroup& g : start.parameterGroups())
    for (size_t i = 0; i < g.parameters.size() && i < g.names.size(); ++i)
      initial[g.names[i]] = g.parameters[i];
  at::NoGradGuard noGrad;
  for (const OptimizedGroup& g : setup.groups()) {
    if (g.layer >= setup.topLayer()) continue;
    for (size_t i = 0; i < g.parameters.size(); ++i) {
      const std::string& name = g.names[i];
      auto found = initial.find(name);
      if (found == initial.end() || !found->second.sizes().equals(g.parameters[i].sizes()))
        return Error("L2-SP: the pre-trained model has no parameter " + name +
                         (found == initial.end() ? std::string() : std::string(" of this shape")),
                     "", 0, "l2sp_alpha");
      penalty.m_parameters.push_back(g.parameters[i]);
      penalty.m_anchors.push_back(found->second.detach().to(g.parameters[i].device()).clone());
    }
  }
  return penalty;
}

void L2spPenalty::addGradients() const {
  if (m_alpha <= 0) return;
  at::NoGradGuard noGrad;
  for (size_t i = 0; i < m_parameters.size(); ++i) {
    const at::Tensor& p = m_parameters[i];
    if (!p.grad().defined()) continue;
    p.mutable_grad().add_(p.detach() - m_anchors[i], m_alpha);
  }
}

double L2spPenalty::distance() const {
  at::NoGradGuard noGrad;
  double sum = 0;
  for (size_t i = 0; i < m_parameters.size(); ++i) {
    const double d = (m_parameters[i].detach() - m_anchors[i]).norm().item<double>();
    sum += d * d;
  }
  return std::sqrt(sum);
}

}  // namespace quarry::train
