#pragma once
// Small helpers the task heads share (internal to core/model).

#include <memory>
#include <string>

#include "model/kernels/FastDropout.h"
#include <torch/nn/module.h>

#include "model/encoder/DenseLayer.h"

namespace quarry::model::detail {

// A plain module that only groups children under `name` (Hugging Face's nesting).
inline std::shared_ptr<torch::nn::Module> group(torch::nn::Module& parent, const std::string& name) {
  return parent.register_module(name, std::make_shared<torch::nn::Module>(name));
}

// A DenseLayer registered as parent.<name>; `path` is parent's Hugging Face path ("" at top level).
inline std::shared_ptr<DenseLayerImpl> denseChild(torch::nn::Module& parent, const std::string& path,
                                                  const std::string& name, int64_t in, int64_t out,
                                                  const LinearFactory& factory) {
  return parent.register_module(name, factory(LinearSpec{path.empty() ? name : path + "." + name, in, out, true}));
}

inline at::Tensor trainDropout(const at::Tensor& x, double p, bool training) {
  return fastDropout(x, p, training);
}

}  // namespace quarry::model::detail
