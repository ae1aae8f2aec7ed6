// vocab.json + merges.txt of a byte-level BPE tokenizer (the input carries both: see splitInput), then one
// short encoding.
#include <cstddef>
#include <cstdint>

#include "FuzzSupport.h"
#include "text/ByteLevelBpeTokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = quarry::fuzz::splitInput(data, size, 2);
  const auto vocab = quarry::fuzz::scratch() / "vocab.json", merges = quarry::fuzz::scratch() / "merges.txt";
  quarry::fuzz::writeFile(vocab, parts[0]);
  quarry::fuzz::writeFile(merges, parts[1]);
  quarry::text::ByteLevelBpeOptions options;
  options.robertaTemplate = false;  // the seeds need no <s> and </s>
  auto tokenizer = quarry::text::ByteLevelBpeTokenizer::fromFiles(vocab, merges, options);
  quarry::fuzz::note(tokenizer);
  if (tokenizer) (void)tokenizer.value()->encode("Hello  world, lower");
  return 0;
}
