#pragma once
// A linear layer with a LoRA adapter (Hu et al., 2021, as PEFT implements it): the frozen base weight W
// [out, in] and bias, plus lora_A [r, in] and lora_B [out, r], so that
//   y = x W^T + b + scaling · lora_B(lora_A(dropout(x))),   scaling = alpha / r (rsLoRA: alpha / sqrt(r)).
// lora_A and lora_B are child modules holding a parameter "weight", so the state-dict names are
// "<path>.lora_A.weight" / "<path>.lora_B.weight", PEFT's names without the adapter name. The base keeps
// "weight" / "bias", so a plain checkpoint loads into it unchanged.

#include <cstdint>
#include <string>

#include <ATen/core/Tensor.h>

#include "model/encoder/DenseLayer.h"

namespace quarry::model {

class LoraLinearImpl : public DenseLayerImpl {
 public:
  // `path`: the layer's Hugging Face module path ("bert.encoder.layer.0.attention.self.query").
  LoraLinearImpl(const LinearSpec& spec, int64_t rank, double scaling, double dropout);

  at::Tensor forward(const at::Tensor& x) override;

  // The base as DenseLayerImpl does (normal(0, stddev), bias 0); lora_A as PEFT: kaiming-uniform with
  // a = sqrt(5) (uniform in ±1/sqrt(in)), drawn from `generator` after the base; lora_B zeros, so the
  // adapted layer starts equal to the base.
  void resetParameters(double stddev, at::Generator& generator) override;

  // W + scaling · B @ A: the weight of the plain layer that computes the same function (dropout aside).
  at::Tensor mergedWeight() const;

  const std::string& path() const { return m_path; }
  int64_t rank() const { return m_rank; }
  double scaling() const { return m_scaling; }
  double dropout() const { return m_dropout; }

  at::Tensor loraA;  // [r, in], registered as lora_A.weight
  at::Tensor loraB;  // [out, r], registered as lora_B.weight

 private:
  std::string m_path;
  int64_t m_rank;
  double m_scaling;
  double m_dropout;
};

}  // namespace quarry::model
