// model.safetensors: the 8-byte header length, the JSON header and the data section, in memory.
#include <cstddef>
#include <cstdint>

#include "FuzzSupport.h"
#include "model/checkpoint/SafetensorsFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  quarry::fuzz::scratch();
  auto r =
      quarry::model::SafetensorsFile::parse(reinterpret_cast<const char*>(data), size, "model.safetensors");
  quarry::fuzz::note(r);
  if (r) {
    for (const auto& [name, t] : r->tensors) (void)t.numel();
  } else {
    (void)r.error().toString();
  }
  return 0;
}
