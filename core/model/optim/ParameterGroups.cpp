#include "model/optim/ParameterGroups.h"

#include <cstdlib>

namespace quarry::model {

int parameterBlock(const std::string& name, int numLayers) {
  auto startsWith = [&](const char* p) { return name.rfind(p, 0) == 0; };
  if (startsWith("embeddings.") || startsWith("embeddings_project.")) return 0;
  // DeBERTa's relative-position table and its LayerNorm feed every layer, like the embeddings.
  if (startsWith("encoder.rel_embeddings.") || startsWith("encoder.LayerNorm.")) return 0;
  for (const char* stack : {"encoder.layer.", "transformer.layer."}) {
    if (startsWith(stack)) {
      const std::string rest = name.substr(std::char_traits<char>::length(stack));
      const int n = std::atoi(rest.c_str());
      if (n >= 0 && n < numLayers) return 1 + n;
    }
  }
  return numLayers + 1;
}

}  // namespace quarry::model
