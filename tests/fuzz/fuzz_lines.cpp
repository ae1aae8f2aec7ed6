// Fuzzes the parallel-lines reader: the input is a text file and its label file cut at a 0x1E record
// separator; the first byte picks the layout (sentences/ + tags/ or text/ + labels/).
#include "formats/ParallelLinesFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  if (size == 0) return 0;
  const bool hoc = data[0] & 1;
  const QString root = hoc ? QStringLiteral("hoc") : QStringLiteral("claudette");
  const QList<QByteArray> parts = fuzz::splitInput(fuzz::bytesOf(data + 1, size - 1), 2);
  const QString text = fuzz::writeInput(
      root + (hoc ? QStringLiteral("/text/a.txt") : QStringLiteral("/sentences/a.txt")), parts[0]);
  fuzz::writeInput(root + (hoc ? QStringLiteral("/labels/a.txt") : QStringLiteral("/tags/a.txt")), parts[1]);
  fuzz::readBothWays(ParallelLinesFormat(), QFileInfo(QFileInfo(text).path()).path());
  return 0;
}
