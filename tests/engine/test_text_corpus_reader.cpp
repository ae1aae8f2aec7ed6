// TextCorpusReader: documents (blocks of non-empty lines) from a folder of .txt and .txt.gz files in path
// order, line numbers, CRLF and byte order marks, invalid UTF-8 refused or repaired, stopping early, and
// errors naming the file: a truncated or corrupt .gz, a .gz that is not gzip, nothing to read.

#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>
#include <zlib.h>

#include "NerTestSupport.h"
#include "text/TextCorpusReader.h"

using namespace quarry::text;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using Strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

void writeGzip(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  gzFile gz = gzopen(file.c_str(), "wb9");
  gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(gz);
}

struct Read {
  Strings texts;
  Strings where;  // "file name:first line"
  quarry::Status status;
};

Read readAll(const fs::path& path, TextCorpusOptions options = {}, size_t stopAfter = 0) {
  Read r;
  TextCorpusReader reader(options);
  r.status = reader.read(path, [&](const TextDocument& d) {
    r.texts.emplace_back(d.text);
    r.where.push_back(d.file.filename().string() + ":" + std::to_string(d.firstLine));
    return stopAfter == 0 || r.texts.size() < stopAfter;
  });
  return r;
}

}  // namespace

int main() {
  const fs::path tmp = fs::temp_directory_path() / ("quarry-test-text-corpus-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  const fs::path corpus = tmp / "corpus";
  // a.txt: a byte order mark, CRLF line ends, two empty lines and a line of spaces between documents,
  // no line end after the last line.
  writeText(corpus / "a.txt",
            "\xEF\xBB\xBFTitle one\r\nFirst paragraph.\r\n\r\n\r\nSecond doc.\n  \t\nThird doc.");
  // b/c.txt.gz: gzip, two documents; b/ sorts after a.txt.
  std::string large;
  for (int i = 0; i < 40000; ++i) large += "line " + std::to_string(i) + " of a long document\n";
  writeGzip(corpus / "b" / "c.txt.gz", "Gzipped title\nGzipped text é.\n\n" + large);
  writeText(corpus / "b" / "notes.md", "not read\n");
  writeText(corpus / "z.txt", "Last.\n");

  const auto files = TextCorpusReader::corpusFiles(corpus);
  expectTrue(files.ok(), "the folder lists");
  Strings names;
  if (files)
    for (const auto& f : *files) names.push_back(fs::relative(f, corpus).generic_string());
  expectEq(names, Strings{"a.txt", "b/c.txt.gz", "z.txt"}, ".txt and .txt.gz files, recursively, by path");

  const Read all = readAll(corpus);
  expectTrue(all.status.ok(),
             "the corpus reads: " + (all.status ? std::string() : all.status.error().toString()));
  large.pop_back();
  expectEq(all.texts,
           Strings{"Title one\nFirst paragraph.", "Second doc.", "Third doc.",
                   "Gzipped title\nGzipped text é.", large, "Last."},
           "documents: lines joined by \\n, separated by empty lines, never across files");
  expectEq(all.where, Strings{"a.txt:1", "a.txt:5", "a.txt:7", "c.txt.gz:1", "c.txt.gz:4", "z.txt:1"},
           "file and first line of each document");

  const Read two = readAll(corpus, {}, 2);
  expectTrue(two.status.ok() && two.texts.size() == 2, "returning false stops after two documents");

  TextCorpusReader counting;
  expectTrue(counting.read(corpus / "a.txt", [](const TextDocument&) { return true; }).ok(),
             "one file reads");
  expectEq(counting.stats().documents, size_t{3}, "stats: documents");
  expectEq(counting.stats().lines, size_t{4}, "stats: non-empty lines");

  // A truncated gzip: an error naming the file, not a short corpus.
  std::string gz;
  {
    std::ifstream in(corpus / "b" / "c.txt.gz", std::ios::binary);
    gz.assign(std::istreambuf_iterator<char>(in), {});
  }
  const fs::path truncated = tmp / "bad" / "truncated.txt.gz";
  writeText(truncated, gz.substr(0, gz.size() / 2));
  const Read cut = readAll(truncated);
  expectTrue(!cut.status.ok() && cut.status.error().file == truncated.string(),
             "truncated .gz: error naming the file");
  if (!cut.status.ok())
    expectTrue(cut.status.error().message.find("cut short") != std::string::npos,
               "truncated .gz: says so (" + cut.status.error().message + ")");
  std::string flipped = gz;
  for (size_t i = 20; i < 60 && i < flipped.size(); ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
  const fs::path corrupt = tmp / "bad" / "corrupt.txt.gz";
  writeText(corrupt, flipped);
  const Read damaged = readAll(corrupt);
  expectTrue(!damaged.status.ok() && damaged.status.error().file == corrupt.string(),
             "corrupt .gz: error naming the file");
  const fs::path plainGz = tmp / "bad" / "plain.txt.gz";
  writeText(plainGz, "plain text\n");
  const Read notGzip = readAll(plainGz);
  expectTrue(!notGzip.status.ok() && notGzip.status.error().file == plainGz.string(),
             ".gz that is not gzip: error");

  // Invalid UTF-8: an error naming file and line, or repaired as Python's errors="replace".
  const fs::path latin1 = tmp / "latin1" / "x.txt";
  writeText(latin1, "fine\n\nalso fine\ncaf\xe9 au lait\n");
  const Read invalid = readAll(latin1);
  expectTrue(!invalid.status.ok() && invalid.status.error().file == latin1.string() &&
                 invalid.status.error().line == 4,
             "invalid UTF-8: error naming file and line 4");
  TextCorpusOptions repair;
  repair.repairUtf8 = true;
  TextCorpusReader repairing(repair);
  Strings repaired;
  const auto status = repairing.read(latin1, [&](const TextDocument& d) {
    repaired.emplace_back(d.text);
    return true;
  });
  expectTrue(status.ok(), "repairUtf8: reads");
  expectEq(repaired, Strings{"fine", "also fine\ncaf\xEF\xBF\xBD au lait"}, "repairUtf8: U+FFFD in place");
  expectEq(repairing.stats().repairedLines, size_t{1}, "repairUtf8: one line counted");

  expectTrue(!TextCorpusReader::corpusFiles(tmp / "missing").ok(), "a missing path: an error");
  fs::create_directories(tmp / "empty");
  writeText(tmp / "empty" / "readme.md", "x");
  const auto none = TextCorpusReader::corpusFiles(tmp / "empty");
  expectTrue(!none.ok() && none.error().file == (tmp / "empty").string(),
             "a folder with no .txt: an error naming it");

  fs::remove_all(tmp);
  return quarry::test::finish("test_text_corpus_reader");
}
