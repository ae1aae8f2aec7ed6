// Fuzzes the SemEval-2010 Task 8 reader under both problem policies, and its writer: whatever the reader
// accepts is written and read back to the same corpus.
#include "formats/SemEvalFormat.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QString path = fuzz::writeInput(QStringLiteral("TRAIN.TXT"), fuzz::bytesOf(data, size));
  const SemEvalFormat format;
  fuzz::readBothWays(format, path);
  ImportReport report;
  Result<Corpus> read = format.read(path, {}, report);
  if (!read) return 0;
  const QString out = path + QStringLiteral(".out");
  if (!format.write(read.value(), out, {})) abort();  // an imported file can always be written back
  Result<Corpus> again = format.read(out, {}, report);
  if (!again || again->documents.size() != read->documents.size()) abort();
  for (int i = 0; i < read->documents.size(); ++i)
    if (!again->documents[i].sameContent(read->documents[i])) abort();
  return 0;
}
