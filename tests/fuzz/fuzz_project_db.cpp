// Fuzzes what reads the database inside a project archive: the input is the database file. It is
// checked (integrity_check, foreign_key_check) and, when sound, opened read-only and loaded whole, as
// `import` does with an archive.
#include "formats/CorpusValidator.h"
#include "fuzz/FuzzFiles.h"
#include "store/ProjectStore.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  fuzz::ensureApplication();
  const QString db = fuzz::writeInput(QStringLiteral("project.quarry"), fuzz::bytesOf(data, size));
  for (const char* suffix : {"-wal", "-shm", "-journal"}) QFile::remove(db + QLatin1String(suffix));
  if (!ProjectStore::checkFile(db).ok()) return 0;
  auto store = ProjectStore::open(db, OpenMode::ReadOnly);
  if (!store) return 0;
  (void)store.value()->stats();
  Result<Corpus> corpus = store.value()->loadCorpus(CorpusFilter{});
  if (!corpus) return 0;
  // A database may hold anything; what import keeps of it passes the validator, as for any format.
  ImportOptions repair;
  repair.policy = ProblemPolicy::Repair;
  ImportReport report;
  if (validateCorpus(*corpus, repair, report, db).ok()) fuzz::checkCorpus(*corpus);
  return 0;
}
