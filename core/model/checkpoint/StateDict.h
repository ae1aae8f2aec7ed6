#pragma once
// Named tensors as Hugging Face stores them, and the report of loading them into a module.
// Shared by the checkpoint readers/writers (which produce and consume a StateDict) and the encoders
// (whose parameter names are exactly the Hugging Face names, so loading is a lookup by name).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

// Ordered by name. Names are as in the checkpoint after normalisation (legacy LayerNorm
// gamma/beta renamed to weight/bias); the architecture prefix ("bert.") is kept.
using StateDict = std::map<std::string, at::Tensor>;

// What `transformers` prints after from_pretrained, in the same terms.
struct LoadReport {
  std::vector<std::string> missing;     // the model has it, the checkpoint does not (newly initialised)
  std::vector<std::string> unexpected;  // the checkpoint has it, the model does not (ignored)
  std::vector<std::string> mismatched;  // both have it with different shapes: "name: [a,b] vs [c,d]"
  std::vector<std::string> tied;        // filled from the tied partner ("cls.predictions.decoder.weight")
  bool clean() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
};

// "[2,3]".
std::string shapeText(at::IntArrayRef shape);

// Why a tensor read from a file cannot be copied into `target`, or nullopt when it can: undefined, a
// different shape, or values of another kind (integers or booleans where the model holds floating-point
// numbers, and the reverse). Copying converts between floating-point types only.
std::optional<std::string> storedTensorMismatch(const at::Tensor& stored, const at::Tensor& target);

}  // namespace quarry::model
