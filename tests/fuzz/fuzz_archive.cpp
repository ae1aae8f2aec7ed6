// Fuzzes the project archive reader: the input is the zip. Its manifest is read, and it is extracted
// under small limits into a fresh folder, which must afterwards hold the database and manifest or
// nothing at all.
#include <cstdlib>

#include <QDirIterator>

#include "formats/ProjectArchive.h"
#include "fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace quarry;
  const QString zip = fuzz::writeInput(QStringLiteral("archive.zip"), fuzz::bytesOf(data, size));
  (void)ProjectArchive::readManifest(zip);
  const QString target = fuzz::scratch().filePath(QStringLiteral("extracted"));
  QDir(target).removeRecursively();
  ArchiveLimits limits;
  limits.maxEntryBytes = 1 << 20;
  limits.maxTotalBytes = 2 << 20;
  limits.ratioAllowance = 1 << 20;
  Result<QString> db = ProjectArchive::extract(zip, target, limits);
  QStringList left;
  QDirIterator it(target, QDir::Files | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) left << QDir(target).relativeFilePath(it.next());
  left.sort();
  const QStringList expected =
      db.ok() ? QStringList{ProjectArchive::manifestEntry(), ProjectArchive::databaseEntry()} : QStringList{};
  if (left != expected) abort();  // a refusal left files behind, or an extraction wrote what it should not
  return 0;
}
