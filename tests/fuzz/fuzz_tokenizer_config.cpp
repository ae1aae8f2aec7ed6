// tokenizer_config.json beside a fixed vocab.txt: how a tokenizer folder is chosen and configured (special
// tokens as strings or AddedToken objects, lengths, flags). special_tokens_map.json is not read by Quarry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "text/TokenizerFactory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto folder = quarry::fuzz::scratch() / "tokenizer-config";
  static const bool ready = [&] {
    std::filesystem::create_directories(folder);
    quarry::fuzz::writeFile(folder / "vocab.txt",
                            "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n<s>\n</s>\nthe\n##s\n.\n");
    quarry::fuzz::writeFile(folder / "vocab.json",
                            R"({"<s>": 0, "</s>": 1, "<unk>": 2, "<pad>": 3, "<mask>": 4, "a": 5})");
    quarry::fuzz::writeFile(folder / "merges.txt", "#version: 0.2\n");
    return true;
  }();
  (void)ready;
  quarry::fuzz::writeFile(folder / "tokenizer_config.json",
                          std::string_view(reinterpret_cast<const char*>(data), size));
  auto tokenizer = quarry::text::loadTokenizer(folder);
  quarry::fuzz::note(tokenizer);
  if (tokenizer) (void)tokenizer.value()->encode("the cats.");
  return 0;
}
