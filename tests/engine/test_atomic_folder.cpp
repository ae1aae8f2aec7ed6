// AtomicFolder: a folder is replaced whole or not at all, and nothing is left beside it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "model/checkpoint/AtomicFolder.h"
#include "EngineCheck.h"

namespace fs = std::filesystem;
using quarry::Error;
using quarry::Status;
using quarry::model::AtomicFolder;


static std::string readAll(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

static Status writeOne(const fs::path& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name) << text;
  return {};
}

int main() {
  const fs::path root = fs::temp_directory_path() / ("quarry-test-atomic-folder-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const fs::path target = root / "nested" / "model";

  EXPECT(AtomicFolder::write(target.string(), [](const fs::path& d) { return writeOne(d, "a.txt", "one"); }).ok(),
         "a new folder is written, parents created");
  EXPECT(readAll(target / "a.txt") == "one", "its file is there");

  const Status failed = AtomicFolder::write(target.string(), [](const fs::path& d) -> Status {
    if (Status s = writeOne(d, "a.txt", "two"); !s) return s;
    return Error("disk full", (d / "b.txt").string());
  });
  EXPECT(!failed.ok() && failed.error().message == "disk full", "the producer's error is returned");
  EXPECT(readAll(target / "a.txt") == "one", "a failed write leaves the old folder as it was");

  EXPECT(AtomicFolder::write(target.string(), [](const fs::path& d) { return writeOne(d, "c.txt", "three"); }).ok(),
         "a second write succeeds");
  EXPECT(!fs::exists(target / "a.txt") && readAll(target / "c.txt") == "three", "the folder is replaced whole");

  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(target.parent_path())) ++entries;
  EXPECT(entries == 1, "no staging or old folder is left beside it");

  std::ofstream(root / "file") << "x";
  EXPECT(!AtomicFolder::write((root / "file").string(), [](const fs::path&) { return Status{}; }).ok(),
         "a path that is a file is refused");

  fs::remove_all(root);
  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  else std::printf("all AtomicFolder checks passed\n");
  return quarry::test::g_failures ? 1 : 0;
}
