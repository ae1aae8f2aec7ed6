#include "text/TextCorpusReader.h"

#include <algorithm>
#include <fstream>
#include <memory>

#include <zlib.h>

#include "common/FileCheck.h"
#include "text/Unicode.h"

namespace quarry::text {

namespace fs = std::filesystem;

namespace {

constexpr size_t kReadBytes = 1 << 18;

bool endsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The bytes of one corpus file: plain, or inflated by zlib.
class FileBytes {
 public:
  ~FileBytes() {
    if (m_gz) gzclose(m_gz);
  }

  static Result<std::unique_ptr<FileBytes>> open(const fs::path& file) {
    if (Status s = requireRegularFile(file); !s) return s.error();
    std::unique_ptr<FileBytes> bytes(new FileBytes(file));
    if (!endsWith(file.filename().string(), ".gz")) {
      bytes->m_plain.open(file, std::ios::binary);
      if (!bytes->m_plain) return Error("cannot open the file", file.string());
      return bytes;
    }
    bytes->m_gz = gzopen(file.c_str(), "rb");
    if (!bytes->m_gz) return Error("cannot open the file", file.string());
    gzbuffer(bytes->m_gz, kReadBytes);
    // zlib would pass bytes that are not gzip through as they are.
    if (gzdirect(bytes->m_gz) == 1) return Error("not gzip data, though the name ends in .gz", file.string());
    return bytes;
  }

  // Up to `n` bytes into `buf`; 0 at the end.
  Result<size_t> read(char* buf, size_t n) {
    if (!m_gz) {
      m_plain.read(buf, static_cast<std::streamsize>(n));
      if (m_plain.bad()) return Error("cannot read the file", m_file.string());
      return static_cast<size_t>(m_plain.gcount());
    }
    const int got = gzread(m_gz, buf, static_cast<unsigned>(n));
    int code = Z_OK;
    const char* message = gzerror(m_gz, &code);
    // A file cut short reads as an end with Z_BUF_ERROR set ("unexpected end of file").
    if (got < 0 || (got == 0 && code != Z_OK))
      return Error(std::string("the gzip data is corrupt or cut short (zlib: ") + message + ")",
                   m_file.string());
    return static_cast<size_t>(got);
  }

 private:
  explicit FileBytes(fs::path file) : m_file(std::move(file)) {}

  fs::path m_file;
  std::ifstream m_plain;
  gzFile m_gz = nullptr;
};

bool isBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

Result<std::vector<fs::path>> TextCorpusReader::corpusFiles(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return Error("no such file or folder", path.string());
  if (!fs::is_directory(status)) return std::vector<fs::path>{path};
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if ((endsWith(name, ".txt") || endsWith(name, ".txt.gz")) && it->is_regular_file(ec))
      files.push_back(it->path());
  }
  if (ec) return Error("cannot list the folder: " + ec.message(), path.string());
  if (files.empty()) return Error("no .txt or .txt.gz files in the folder", path.string());
  std::sort(files.begin(), files.end());
  return files;
}

Status TextCorpusReader::read(const fs::path& path, const TextDocumentCallback& onDocument) {
  auto files = corpusFiles(path);
  if (!files) return files.error();
  m_stopped = false;
  for (const fs::path& file : *files) {
    if (Status s = readFile(file, onDocument); !s) return s;
    if (m_stopped) break;
  }
  return {};
}

Status TextCorpusReader::readFile(const fs::path& file, const TextDocumentCallback& onDocument) {
  auto bytes = FileBytes::open(file);
  if (!bytes) return bytes.error();
  ++m_stats.files;
  m_stopped = false;

  std::string document;
  long documentLine = 0;
  long lineNumber = 0;
  auto finishDocument = [&] {
    if (document.empty()) return;
    TextDocument d{document, file, documentLine, m_stats.documents++};
    if (!onDocument(d)) m_stopped = true;
    document.clear();
  };
  auto takeLine = [&](std::string_view line) -> Status {
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (lineNumber == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (isBlank(line)) {
      finishDocument();
      return {};
    }
    std::string repaired;
    if (!unicode::isValidUtf8(line)) {
      if (!m_options.repairUtf8) return Error("the line is not valid UTF-8", file.string(), lineNumber);
      repaired = unicode::repairUtf8(line);
      line = repaired;
      ++m_stats.repairedLines;
    }
    if (document.empty()) {
      documentLine = lineNumber;
    } else {
      document += '\n';
    }
    document.append(line);
    ++m_stats.lines;
    return {};
  };

  std::vector<char> buffer(kReadBytes);
  std::string partial;  // the start of a line the last read cut
  while (!m_stopped) {
    auto got = (*bytes)->read(buffer.data(), buffer.size());
    if (!got) return got.error();
    if (*got == 0) break;
    m_stats.bytes += *got;
    std::string_view chunk(buffer.data(), *got);
    for (size_t end; !m_stopped && (end = chunk.find('\n')) != std::string_view::npos;) {
      Status s;
      if (partial.empty()) {
        s = takeLine(chunk.substr(0, end));
      } else {
        partial.append(chunk.substr(0, end));
        s = takeLine(partial);
        partial.clear();
      }
      if (!s) return s;
      chunk.remove_prefix(end + 1);
    }
    partial.append(chunk);
  }
  if (!m_stopped && !partial.empty())
    if (Status s = takeLine(partial); !s) return s;
  if (!m_stopped) finishDocument();
  return {};
}

}  // namespace quarry::text
