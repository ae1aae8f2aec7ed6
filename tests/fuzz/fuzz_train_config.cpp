// The training configuration (`quarry-cli train --config FILE`): parsed as the CLI does, then read by
// TrainConfig::fromJson and written back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "common/JsonReader.h"
#include "train/TrainConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  quarry::fuzz::scratch();
  auto json = quarry::parseJson(std::string_view(reinterpret_cast<const char*>(data), size), "train.json");
  if (!json) return 0;
  auto config = quarry::train::TrainConfig::fromJson(*json, "train.json");
  quarry::fuzz::note(config);
  if (config) (void)config->toJson().dump();
  return 0;
}
