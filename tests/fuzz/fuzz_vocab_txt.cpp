// vocab.txt of a BERT WordPiece tokenizer (one token per line), then one short encoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "text/BertWordPieceTokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = quarry::fuzz::scratch() / "vocab.txt";
  quarry::fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data), size));
  auto tokenizer = quarry::text::BertWordPieceTokenizer::fromVocabFile(file, {});
  quarry::fuzz::note(tokenizer);
  if (tokenizer) (void)tokenizer.value()->encode("Unaffable runners [MASK] ran.");
  return 0;
}
