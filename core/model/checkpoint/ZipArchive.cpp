#include "model/checkpoint/ZipArchive.h"

#include <algorithm>
#include <array>

namespace quarry::model {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint64_t kEndSize = 22;      // end of central directory record, without its comment
constexpr std::uint64_t kCentralSize = 46;  // central directory header, without name/extra/comment
constexpr std::uint64_t kLocalSize = 30;    // local file header, without name/extra

// Little-endian fields of a record held in memory; reading past its end gives 0 and sets `bad`.
class Fields {
 public:
  Fields(const unsigned char* data, std::size_t size) : m_data(data), m_size(size) {}
  std::uint64_t get(std::size_t at, int bytes) {
    if (at + static_cast<std::size_t>(bytes) > m_size) {
      m_bad = true;
      return 0;
    }
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | m_data[at + static_cast<std::size_t>(i)];
    return v;
  }
  bool bad() const { return m_bad; }

 private:
  const unsigned char* m_data;
  std::size_t m_size;
  bool m_bad = false;
};

const std::array<std::uint32_t, 256>& crcTable() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  return table;
}

std::uint32_t crc32(const unsigned char* data, std::uint64_t n) {
  const auto& table = crcTable();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::uint64_t i = 0; i < n; ++i) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// The zip64 extended-information extra field (id 1): the 64-bit values of the fields whose 32-bit
// central-directory value is all ones, in a fixed order.
bool applyZip64(const unsigned char* extra, std::size_t size, std::uint64_t& uncompressed,
                std::uint64_t& compressed, std::uint64_t& offset) {
  Fields f(extra, size);
  for (std::size_t at = 0; at + 4 <= size;) {
    const std::uint64_t id = f.get(at, 2), length = f.get(at + 2, 2);
    if (at + 4 + length > size) return false;
    if (id == 1) {
      std::size_t p = at + 4;
      for (std::uint64_t* v : {&uncompressed, &compressed, &offset}) {
        if (*v != 0xFFFFFFFFu) continue;
        if (p + 8 > at + 4 + length) return false;
        *v = f.get(p, 8);
        p += 8;
      }
      return true;
    }
    at += 4 + length;
  }
  return uncompressed != 0xFFFFFFFFu && compressed != 0xFFFFFFFFu && offset != 0xFFFFFFFFu;
}

}  // namespace

Result<ZipArchive> ZipArchive::open(ByteSource source, std::uint64_t fileSize, const std::string& path) {
  auto damaged = [&](const std::string& what) {
    return Error("cannot read the archive (truncated, damaged, or not a saved state_dict): " + what, path);
  };
  if (fileSize < kEndSize) return damaged("too short");
  // The end record sits in the last 22 bytes plus at most 65535 bytes of comment.
  const std::uint64_t tailSize = std::min<std::uint64_t>(fileSize, kEndSize + 65535);
  std::vector<unsigned char> tail(tailSize);
  if (!source(fileSize - tailSize, tail.data(), tailSize)) return damaged("cannot read its end");
  std::int64_t endAt = -1;
  for (std::int64_t i = static_cast<std::int64_t>(tailSize - kEndSize); i >= 0; --i) {
    Fields f(tail.data() + i, tailSize - static_cast<std::uint64_t>(i));
    if (f.get(0, 4) == kEndOfDirectory &&
        static_cast<std::uint64_t>(i) + kEndSize + f.get(20, 2) == tailSize) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) return damaged("no end of central directory");
  Fields end(tail.data() + endAt, tailSize - static_cast<std::uint64_t>(endAt));
  const std::uint64_t endOffset = fileSize - tailSize + static_cast<std::uint64_t>(endAt);
  if (end.get(4, 2) != 0 || end.get(6, 2) != 0) return damaged("split over several disks");
  std::uint64_t count = end.get(10, 2), dirSize = end.get(12, 4), dirOffset = end.get(16, 4);
  std::uint64_t dirEnd = endOffset;
  if (count == 0xFFFF || dirSize == 0xFFFFFFFFu || dirOffset == 0xFFFFFFFFu) {
    unsigned char locator[20];
    if (endOffset < 20 || !source(endOffset - 20, locator, 20)) return damaged("no zip64 locator");
    Fields loc(locator, 20);
    if (loc.get(0, 4) != kZip64Locator) return damaged("no zip64 locator");
    const std::uint64_t at = loc.get(8, 8);
    unsigned char record[56];
    if (at > endOffset - 20 || endOffset - 20 - at < 56 || !source(at, record, 56))
      return damaged("the zip64 end record lies outside the file");
    Fields z(record, 56);
    if (z.get(0, 4) != kZip64EndOfDirectory) return damaged("no zip64 end record");
    count = z.get(32, 8), dirSize = z.get(40, 8), dirOffset = z.get(48, 8);
    dirEnd = at;
  }
  if (dirOffset > dirEnd || dirSize > dirEnd - dirOffset)
    return damaged("the central directory lies outside the file");
  if (count > dirSize / kCentralSize) return damaged("more entries than the central directory can hold");

  std::vector<unsigned char> dir(dirSize);
  if (!source(dirOffset, dir.data(), dirSize)) return damaged("cannot read the central directory");
  ZipArchive archive;
  archive.m_source = source;
  archive.m_path = path;
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    Fields c(dir.data() + at, dir.size() - at);
    if (c.get(0, 4) != kCentralHeader)
      return damaged("entry " + std::to_string(i) + " of the central directory");
    const std::uint64_t flags = c.get(8, 2), method = c.get(10, 2), crc = c.get(16, 4);
    std::uint64_t compressed = c.get(20, 4), uncompressed = c.get(24, 4);
    const std::uint64_t nameLength = c.get(28, 2), extraLength = c.get(30, 2), commentLength = c.get(32, 2);
    std::uint64_t localOffset = c.get(42, 4);
    const std::uint64_t recordSize = kCentralSize + nameLength + extraLength + commentLength;
    if (c.bad() || recordSize > dir.size() - at)
      return damaged("entry " + std::to_string(i) + " is cut short");
    ZipEntry e;
    e.name.assign(reinterpret_cast<const char*>(dir.data() + at + kCentralSize), nameLength);
    if (!applyZip64(dir.data() + at + kCentralSize + nameLength, extraLength, uncompressed, compressed,
                    localOffset))
      return damaged("entry '" + e.name.substr(0, 80) + "' lacks its zip64 sizes");
    at += recordSize;
    if (flags & 1) return Error("entry '" + e.name.substr(0, 80) + "' is encrypted", path);
    if (method != 0 || compressed != uncompressed)
      return Error(
          "entry '" + e.name.substr(0, 80) +
              "' is compressed; torch.save stores entries uncompressed, so this archive was repacked",
          path);
    unsigned char local[kLocalSize];
    if (localOffset > fileSize || fileSize - localOffset < kLocalSize ||
        !source(localOffset, local, kLocalSize))
      return damaged("the header of entry '" + e.name.substr(0, 80) + "' lies outside the file");
    Fields l(local, kLocalSize);
    if (l.get(0, 4) != kLocalHeader)
      return damaged("no local header for entry '" + e.name.substr(0, 80) + "'");
    e.dataOffset = localOffset + kLocalSize + l.get(26, 2) + l.get(28, 2);
    e.size = uncompressed;
    e.crc32 = static_cast<std::uint32_t>(crc);
    if (e.dataOffset > fileSize || e.size > fileSize - e.dataOffset)
      return damaged("the bytes of entry '" + e.name.substr(0, 80) + "' run past the end of the file");
    if (!archive.m_byName.emplace(e.name, archive.m_entries.size()).second)
      return Error("entry '" + e.name.substr(0, 80) + "' appears twice", path);
    archive.m_entries.push_back(std::move(e));
  }
  return archive;
}

const ZipEntry* ZipArchive::find(const std::string& name) const {
  auto it = m_byName.find(name);
  return it == m_byName.end() ? nullptr : &m_entries[it->second];
}

Status ZipArchive::read(const ZipEntry& entry, void* dst) const {
  if (entry.size > 0 && !m_source(entry.dataOffset, dst, entry.size))
    return Error("cannot read entry '" + entry.name.substr(0, 80) + "'", m_path);
  if (crc32(static_cast<const unsigned char*>(dst), entry.size) != entry.crc32)
    return Error("entry '" + entry.name.substr(0, 80) + "' does not match its checksum; the file is damaged",
                 m_path);
  return {};
}

}  // namespace quarry::model
