#include "model/checkpoint/StateDict.h"

#include <c10/core/ScalarType.h>

namespace quarry::model {

std::string shapeText(at::IntArrayRef shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

std::optional<std::string> storedTensorMismatch(const at::Tensor& stored, const at::Tensor& target) {
  if (!stored.defined()) return std::string("the stored tensor is empty");
  if (stored.sizes() != target.sizes())
    return "shape " + shapeText(stored.sizes()) + ", the model expects " + shapeText(target.sizes());
  auto kind = [](const at::Tensor& t) {
    return t.scalar_type() == at::kBool ? "booleans"
           : t.is_floating_point()      ? "floating-point numbers"
                                        : "integers";
  };
  if (std::string(kind(stored)) != kind(target))
    return std::string("stored as ") + c10::toString(stored.scalar_type()) + " (" + kind(stored) +
           "), the model holds " + kind(target);
  return std::nullopt;
}

}  // namespace quarry::model
