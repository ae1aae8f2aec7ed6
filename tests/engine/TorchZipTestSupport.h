#pragma once
// Hand-made pytorch_model.bin archives for tests: a pickle of {name: _rebuild_tensor_v2(storage, offset,
// sizes, strides, False, OrderedDict())} assembled byte by byte, inside a zip of stored entries as
// torch.save writes it. Tests change one field at a time (an offset, a record's length, the pickle) to
// see that the reader refuses exactly that.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace quarry::test {

struct PickleTensorSpec {
  std::string name;              // the state dict key
  std::string storageKey = "0";  // data/<key>
  std::string storageType = "FloatStorage";
  std::int64_t storageNumel = 0;  // as the persistent id claims
  std::int64_t offset = 0;
  std::vector<std::int64_t> sizes;
  std::vector<std::int64_t> strides;
};

inline void appendLe(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

inline void pickleInt(std::string& out, std::int64_t v) {
  out += 'J';  // BININT: 4 bytes, signed
  appendLe(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(v)), 4);
}

inline void pickleString(std::string& out, const std::string& s) {
  out += 'X';  // BINUNICODE
  appendLe(out, s.size(), 4);
  out += s;
}

inline void pickleIntTuple(std::string& out, const std::vector<std::int64_t>& values) {
  out += '(';
  for (std::int64_t v : values) pickleInt(out, v);
  out += 't';
}

// data.pkl of a dict of the given tensors.
inline std::string stateDictPickle(const std::vector<PickleTensorSpec>& tensors) {
  std::string p = "\x80\x02}(";
  for (const PickleTensorSpec& t : tensors) {
    pickleString(p, t.name);
    p += "ctorch._utils\n_rebuild_tensor_v2\n(";
    p += "(";
    pickleString(p, "storage");
    p += "ctorch\n" + t.storageType + "\n";
    pickleString(p, t.storageKey);
    pickleString(p, "cpu");
    pickleInt(p, t.storageNumel);
    p += "tQ";  // TUPLE, BINPERSID
    pickleInt(p, t.offset);
    pickleIntTuple(p, t.sizes);
    pickleIntTuple(p, t.strides);
    p += "\x89";  // NEWFALSE
    p += "ccollections\nOrderedDict\n)R";
    p += "tR";  // the argument tuple, REDUCE
  }
  p += "u.";  // SETITEMS, STOP
  return p;
}

inline std::uint32_t testCrc32(const std::string& data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

// A zip of stored entries (name, bytes), with a central directory, as torch.save writes one.
inline std::string storedZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    const std::uint64_t offset = out.size();
    const std::uint32_t crc = testCrc32(data);
    out += "PK\x03\x04";
    appendLe(out, 20, 2);  // version
    appendLe(out, 0, 2);   // flags
    appendLe(out, 0, 2);   // stored
    appendLe(out, 0, 4);   // time, date
    appendLe(out, crc, 4);
    appendLe(out, data.size(), 4);
    appendLe(out, data.size(), 4);
    appendLe(out, name.size(), 2);
    appendLe(out, 0, 2);
    out += name + data;
    directory += "PK\x01\x02";
    appendLe(directory, 20, 2);
    appendLe(directory, 20, 2);
    appendLe(directory, 0, 2);
    appendLe(directory, 0, 2);
    appendLe(directory, 0, 4);
    appendLe(directory, crc, 4);
    appendLe(directory, data.size(), 4);
    appendLe(directory, data.size(), 4);
    appendLe(directory, name.size(), 2);
    appendLe(directory, 0, 2);  // extra
    appendLe(directory, 0, 2);  // comment
    appendLe(directory, 0, 2);  // disk
    appendLe(directory, 0, 2);  // internal attributes
    appendLe(directory, 0, 4);  // external attributes
    appendLe(directory, offset, 4);
    directory += name;
  }
  const std::uint64_t directoryOffset = out.size();
  out += directory;
  out += "PK\x05\x06";
  appendLe(out, 0, 4);
  appendLe(out, entries.size(), 2);
  appendLe(out, entries.size(), 2);
  appendLe(out, directory.size(), 4);
  appendLe(out, directoryOffset, 4);
  appendLe(out, 0, 2);
  return out;
}

// A whole pytorch_model.bin: data.pkl, version and one record per distinct storage key (`records`).
inline std::string torchArchive(const std::string& pickle,
                                const std::vector<std::pair<std::string, std::string>>& records) {
  std::vector<std::pair<std::string, std::string>> entries{{"archive/data.pkl", pickle}};
  for (const auto& [key, bytes] : records) entries.emplace_back("archive/data/" + key, bytes);
  entries.emplace_back("archive/version", "3\n");
  return storedZip(entries);
}

}  // namespace quarry::test
