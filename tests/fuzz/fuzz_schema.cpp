// Fuzzes the schema JSON reader (init --schema, the JSONL sidecar), rejecting and repairing.
#include <cstdlib>

#include "corpus/SchemaJson.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QString path = fuzz::writeInput(QStringLiteral("schema.json"), fuzz::bytesOf(data, size));
  Result<Schema> strict = readSchemaFile(path);
  QStringList repairs;
  Result<Schema> lenient = readSchemaFile(path, &repairs);
  if (strict.ok() && (!lenient.ok() || !repairs.isEmpty())) abort();
  if (lenient.ok())
    for (const EntityType& t : lenient->entityTypes)
      if (fuzz::hasLoneSurrogate(t.name) || fuzz::hasLoneSurrogate(t.guideline.definition)) abort();
  return 0;
}
