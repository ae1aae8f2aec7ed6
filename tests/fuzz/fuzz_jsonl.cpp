// Fuzzes the jsonl reader: the input is one file, read under both problem policies.
#include "formats/JsonlFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QString path = fuzz::writeInput(QStringLiteral("docs.jsonl"), fuzz::bytesOf(data, size));
  fuzz::readBothWays(JsonlFormat(), path);
  return 0;
}
