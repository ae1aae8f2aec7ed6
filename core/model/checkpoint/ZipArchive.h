#pragma once
// The entries of a zip archive as torch.save writes them (stored, not compressed; zip64 where needed),
// read strictly from the central directory: every entry's local header and bytes must lie inside the
// file, names must be unique, and an entry's bytes are checked against its CRC-32 when read.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/ByteSource.h"

namespace quarry::model {

struct ZipEntry {
  std::string name;
  std::uint64_t dataOffset = 0;  // where the entry's bytes begin in the file
  std::uint64_t size = 0;        // its length in bytes
  std::uint32_t crc32 = 0;       // as the central directory records it
};

class ZipArchive {
 public:
  // Reads the central directory of a file of `fileSize` bytes. `path` names the file in errors.
  static Result<ZipArchive> open(ByteSource source, std::uint64_t fileSize, const std::string& path);

  // The entry called `name`, or null.
  const ZipEntry* find(const std::string& name) const;
  // In the order of the central directory.
  const std::vector<ZipEntry>& entries() const { return m_entries; }
  // Copies the entry's bytes into `dst` (entry.size bytes) and checks their CRC-32.
  Status read(const ZipEntry& entry, void* dst) const;

 private:
  ZipArchive() = default;

  ByteSource m_source;
  std::string m_path;
  std::vector<ZipEntry> m_entries;
  std::map<std::string, std::size_t> m_byName;
};

}  // namespace quarry::model
