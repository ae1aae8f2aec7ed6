// Fuzzes the brat reader: the input is annotation.conf, doc.txt and doc.ann cut at 0x1E record
// separators (see splitInput), read as a corpus folder under both policies.
#include "formats/BratFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QList<QByteArray> parts = fuzz::splitInput(fuzz::bytesOf(data, size), 3);
  const QString conf = fuzz::writeInput(QStringLiteral("brat/annotation.conf"), parts[0]);
  if (parts[0].isEmpty()) QFile::remove(conf);
  fuzz::writeInput(QStringLiteral("brat/doc.txt"), parts[1]);
  const QString ann = fuzz::writeInput(QStringLiteral("brat/doc.ann"), parts[2]);
  fuzz::readBothWays(BratFormat(), QFileInfo(ann).path());
  return 0;
}
