#pragma once
// The activations Hugging Face configs name in hidden_act / activation.

#include <string>

#include <ATen/core/Tensor.h>

#include "common/Error.h"

namespace quarry::model {

enum class Activation {
  Gelu,      // "gelu": exact erf GELU
  GeluTanh,  // "gelu_new", "gelu_pytorch_tanh", "gelu_fast": tanh approximation
  Relu,      // "relu"
  Silu,      // "silu", "swish"
  Tanh,      // "tanh"
};

// Error (naming `field`) for a name Hugging Face would not accept here.
Result<Activation> activationFromName(const std::string& name, const std::string& field = "hidden_act");

// Out of place; differentiable.
at::Tensor applyActivation(Activation activation, const at::Tensor& x);

// applyActivation, but in x's own memory where nothing is recorded for backward (inference: no second
// [tokens, intermediate] tensor allocated and written); returns x then.
at::Tensor applyActivationReusing(Activation activation, at::Tensor x);

}  // namespace quarry::model
