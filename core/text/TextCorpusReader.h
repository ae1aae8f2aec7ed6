#pragma once
// Reads a plain-text corpus (for vocabulary training and pretraining) one document at a time: a .txt or
// .txt.gz file, or a folder searched recursively for such files, read in path order.
//
// A document is a block of consecutive non-empty lines; empty lines separate documents (the format of
// shared/datasets/unlabelled-*: one paragraph a line, one empty line between documents). A line of only
// spaces and tabs counts as empty, and several empty lines in a row are one separator. Lines end in "\n"
// or "\r\n"; a UTF-8 byte order mark starting a file is skipped; a document never spans two files. A
// document's text is its lines joined by "\n".
// Files whose name ends in .gz are read through zlib (gzip members one after another read as one
// stream); one that is not gzip data, corrupt or cut short is an error naming the file.
// A line that is not valid UTF-8 is an error naming the file and line, or with repairUtf8 it is decoded
// as Python's errors="replace" does (every invalid byte sequence becomes U+FFFD) and counted in
// stats().repairedLines.
// Memory: one document and a read buffer at a time, never the corpus.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Error.h"

namespace quarry::text {

struct TextCorpusOptions {
  bool repairUtf8 = false;  // invalid UTF-8: false = an error naming file and line, true = U+FFFD
};

struct TextDocument {
  std::string_view text;       // its lines joined by "\n" (no line end after the last)
  std::filesystem::path file;  // the file it is in
  long firstLine = 0;          // 1-based line number of its first line in `file`
  size_t index = 0;            // 0-based, counted over the whole read in reading order
};

struct TextCorpusStats {
  size_t files = 0;          // files opened
  size_t documents = 0;      // documents handed out
  size_t lines = 0;          // non-empty lines in them
  uint64_t bytes = 0;        // bytes read (after decompression)
  size_t repairedLines = 0;  // lines whose invalid UTF-8 was replaced (repairUtf8)
};

// Called once per document, in order; returning false stops the reading, which then ends successfully.
using TextDocumentCallback = std::function<bool(const TextDocument&)>;

class TextCorpusReader {
 public:
  explicit TextCorpusReader(TextCorpusOptions options = {}) : m_options(options) {}

  // The files read for `path`: the file itself (whatever its name), or every regular file below the
  // folder whose name ends in ".txt" or ".txt.gz", sorted by path (compared folder by folder, name by
  // name, bytewise). Fails when nothing is at `path` or the folder holds no such file.
  static Result<std::vector<std::filesystem::path>> corpusFiles(const std::filesystem::path& path);

  // Reads the files of corpusFiles(path) in order. Stops at the first error.
  Status read(const std::filesystem::path& path, const TextDocumentCallback& onDocument);
  // Reads one file, gzip when its name ends in ".gz".
  Status readFile(const std::filesystem::path& file, const TextDocumentCallback& onDocument);

  // Counts since this reader was made (over every read).
  const TextCorpusStats& stats() const { return m_stats; }

 private:
  TextCorpusOptions m_options;
  TextCorpusStats m_stats;
  bool m_stopped = false;  // the callback asked to stop
};

}  // namespace quarry::text
