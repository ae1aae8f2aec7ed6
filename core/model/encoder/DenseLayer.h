#pragma once
// The one linear layer type of every encoder and head. Created through a LinearFactory so that an
// adapter (LoRA) can substitute a subclass for chosen layers without touching the model code; the
// registered parameter names stay "weight" / "bias" as in torch.nn.Linear.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <ATen/core/Generator.h>
#include <ATen/core/ivalue.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace quarry::model {

class DenseLayerImpl : public torch::nn::Module {
 public:
  DenseLayerImpl(int64_t inFeatures, int64_t outFeatures, bool withBias = true);

  // [..., in] -> [..., out]. Virtual so that adapters wrap it.
  virtual at::Tensor forward(const at::Tensor& x);

  // Hugging Face's _init_weights for nn.Linear: weight N(0, stddev), bias 0, drawn on the CPU from
  // `generator`. Adapters override it to initialise their own tensors as well. Runs without grad.
  virtual void resetParameters(double stddev, at::Generator& generator);

  // Int8 inference (DynamicInt8.h): packs the current weights; forward then uses them whenever no
  // gradient is recorded and the input is on the CPU. Re-run after the weights change; training
  // (gradient recording on) always uses the float weights. False when unavailable.
  bool enableDynamicInt8();
  void disableDynamicInt8() { m_int8 = c10::IValue(); }
  bool dynamicInt8Enabled() const { return !m_int8.isNone(); }

  int64_t inFeatures() const { return m_in; }
  int64_t outFeatures() const { return m_out; }

  at::Tensor weight;  // [out, in]
  at::Tensor bias;    // [out], undefined when created without bias

 private:
  int64_t m_in;
  int64_t m_out;
  c10::IValue m_int8;  // packed int8 weights, None when off
};
TORCH_MODULE(DenseLayer);

// What a factory is asked to make. `path` is the layer's Hugging Face name without the parameter
// suffix ("bert.encoder.layer.3.attention.self.query"), so an adapter can pick its targets by name.
struct LinearSpec {
  std::string path;          // Hugging Face module path
  int64_t inFeatures = 0;    // input width
  int64_t outFeatures = 0;   // output width
  bool bias = true;          // whether the layer has a bias
};

using LinearFactory = std::function<std::shared_ptr<DenseLayerImpl>(const LinearSpec&)>;

// Makes plain DenseLayerImpl instances.
LinearFactory defaultLinearFactory();

}  // namespace quarry::model
