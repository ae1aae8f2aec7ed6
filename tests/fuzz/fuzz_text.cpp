// Fuzzes the plain-text reader (one file) and the UTF-8 decoding every line-based format shares.
#include "formats/PlainTextFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QString path = fuzz::writeInput(QStringLiteral("text/doc.txt"), fuzz::bytesOf(data, size));
  fuzz::readBothWays(PlainTextFormat(), path);
  return 0;
}
