#include "model/kernels/DynamicInt8.h"

#include <algorithm>

#include <ATen/Context.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/core/stack.h>
#include <ATen/ops/quantize_per_channel.h>
#include <ATen/ops/zeros.h>

namespace quarry::model {

namespace {

const c10::OperatorHandle* findOp(const char* name) {
  auto handle = c10::Dispatcher::singleton().findSchema({name, ""});
  return handle ? new c10::OperatorHandle(*handle) : nullptr;  // lives for the process
}

bool selectEngine() {
  const auto& engines = at::globalContext().supportedQEngines();
  for (auto wanted : {at::QEngine::ONEDNN, at::QEngine::FBGEMM}) {
    if (std::find(engines.begin(), engines.end(), wanted) != engines.end()) {
      if (at::globalContext().qEngine() != wanted) at::globalContext().setQEngine(wanted);
      return true;
    }
  }
  return false;
}

const c10::OperatorHandle* prepackOp() {
  static const c10::OperatorHandle* op = findOp("quantized::linear_prepack");
  return op;
}
const c10::OperatorHandle* dynamicOp() {
  static const c10::OperatorHandle* op = findOp("quantized::linear_dynamic");
  return op;
}

}  // namespace

bool dynamicInt8Available() {
  const auto& engines = at::globalContext().supportedQEngines();
  const bool engine = std::find(engines.begin(), engines.end(), at::QEngine::ONEDNN) != engines.end() ||
                      std::find(engines.begin(), engines.end(), at::QEngine::FBGEMM) != engines.end();
  return engine && prepackOp() && dynamicOp();
}

c10::IValue packInt8Linear(const at::Tensor& weight, const at::Tensor& bias) {
  if (!dynamicInt8Available() || !selectEngine()) return c10::IValue();
  try {
    at::Tensor w = weight.detach().to(at::kCPU).to(at::kFloat).contiguous();
    const int64_t out = w.size(0);
    at::Tensor scales = w.abs().amax(1).div_(127.0).clamp_min_(1e-12).to(at::kDouble);
    at::Tensor q = at::quantize_per_channel(w, scales, at::zeros({out}, at::kLong), 0, at::kQInt8);
    torch::jit::Stack stack{q, bias.defined() ? c10::optional<at::Tensor>(bias.detach().to(at::kCPU).to(at::kFloat).contiguous())
                                              : c10::optional<at::Tensor>()};
    prepackOp()->callBoxed(stack);
    return stack.at(0);
  } catch (const std::exception&) {
    return c10::IValue();
  }
}

at::Tensor int8Linear(const c10::IValue& packed, const at::Tensor& x) {
  std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end());
  at::Tensor x2 = x.reshape({-1, shape.back()}).contiguous();
  torch::jit::Stack stack{x2, packed, false};
  dynamicOp()->callBoxed(stack);
  at::Tensor y = stack.at(0).toTensor();
  shape.back() = y.size(1);
  return y.view(shape);
}

}  // namespace quarry::model
