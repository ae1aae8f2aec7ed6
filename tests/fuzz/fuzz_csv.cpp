// Fuzzes the CSV/TSV reader: the first byte picks the extension (.csv or .tsv, which decides the
// delimiter) and whether the columns are named by options; the rest is the file.
#include "formats/CsvFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  if (size == 0) return 0;
  const bool tsv = data[0] & 1;
  ImportOptions options;
  if (data[0] & 2) {
    options.textColumn = QStringLiteral("sentence");
    options.labelColumn = QStringLiteral("tags");
    options.labelSeparator = QStringLiteral(";");
  }
  const QString path = fuzz::writeInput(tsv ? QStringLiteral("docs.tsv") : QStringLiteral("docs.csv"),
                                        fuzz::bytesOf(data + 1, size - 1));
  fuzz::readBothWays(CsvFormat(), path, options);
  return 0;
}
