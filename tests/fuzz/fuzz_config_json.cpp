// config.json of a Hugging Face model: ModelConfig::parse, then what loading does with an accepted config
// before allocating a model (written back, read as an EncoderConfig, validated, sized).
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "FuzzSupport.h"
#include "common/JsonReader.h"
#include "model/encoder/EncoderConfig.h"
#include "model/checkpoint/ModelConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  quarry::fuzz::scratch();
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto config = quarry::model::ModelConfig::parse(text, "config.json");
  quarry::fuzz::note(config);
  if (!config) return 0;
  (void)config->labels().size();
  auto again = quarry::parseJson(config->toJsonText(), "config.json (written back)");
  if (!again) __builtin_trap();  // what Quarry writes it must read
  auto encoder = quarry::model::EncoderConfig::fromJson(*again, "config.json");
  if (encoder) (void)encoder->parameterCount();
  return 0;
}
