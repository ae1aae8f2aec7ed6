// tokenizer.json (the tokenizers library's format), then one short encoding with the tokenizer it gives.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "text/HfTokenizerJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = quarry::fuzz::scratch() / "tokenizer.json";
  quarry::fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data), size));
  auto tokenizer = quarry::text::loadHfTokenizerJson(file);
  quarry::fuzz::note(tokenizer);
  if (!tokenizer) return 0;
  (void)tokenizer.value()->idLimit();
  (void)tokenizer.value()->encode("Aspirin [MASK] was given.", std::string_view("a pair"));
  return 0;
}
