#include "model/checkpoint/SafetensorsFile.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <set>

#include <ATen/ops/empty.h>
#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/JsonReader.h"
#include "model/checkpoint/ByteSource.h"

namespace quarry::model {
namespace {

struct DtypeInfo {
  const char* tag;
  at::ScalarType type;
  std::uint64_t itemSize;
};

constexpr DtypeInfo kDtypes[] = {
    {"F64", at::kDouble, 8}, {"F32", at::kFloat, 4}, {"F16", at::kHalf, 2},  {"BF16", at::kBFloat16, 2},
    {"I64", at::kLong, 8},   {"I32", at::kInt, 4},   {"I16", at::kShort, 2}, {"I8", at::kChar, 1},
    {"U8", at::kByte, 1},    {"BOOL", at::kBool, 1},
};

const DtypeInfo* dtypeByTag(const std::string& tag) {
  for (const auto& d : kDtypes)
    if (tag == d.tag) return &d;
  return nullptr;
}

const DtypeInfo* dtypeByType(at::ScalarType type) {
  for (const auto& d : kDtypes)
    if (type == d.type) return &d;
  return nullptr;
}

std::string knownTags() {
  std::string out;
  for (const auto& d : kDtypes) out += (out.empty() ? "" : ", ") + std::string(d.tag);
  return out;
}

bool hostIsLittleEndian() {
  const std::uint16_t probe = 1;
  unsigned char first = 0;
  std::memcpy(&first, &probe, 1);
  return first == 1;
}

std::uint64_t readLe64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

bool asNonNegative(const nlohmann::json& j, std::uint64_t& out) {
  if (j.is_number_unsigned()) {
    out = j.get<std::uint64_t>();
    return true;
  }
  if (j.is_number_integer() && j.get<std::int64_t>() >= 0) {
    out = static_cast<std::uint64_t>(j.get<std::int64_t>());
    return true;
  }
  return false;
}

struct Entry {
  std::string name;
  const DtypeInfo* dtype = nullptr;
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

struct Header {
  std::vector<Entry> entries;
  std::map<std::string, std::string> metadata;
};

// Parses the JSON header and checks every entry against the size of the data section.
Result<Header> parseHeader(const std::string& text, std::uint64_t dataSize, const std::string& path) {
  // nlohmann keeps the last of duplicate keys silently; a strict reader refuses them.
  JsonParseOptions options;
  options.rejectDuplicateKeys = true;
  auto parsed = parseJson(text, path, options);
  if (!parsed) {
    const Error& e = parsed.error();
    return Error("the JSON header: " + e.message, path, 0, e.field.empty() ? std::string("header") : e.field);
  }
  const nlohmann::json& root = *parsed;
  if (!root.is_object()) return Error("the JSON header is not an object", path, 0, "header");

  Header header;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string& name = it.key();
    const nlohmann::json& value = it.value();
    if (name == "__metadata__") {
      if (!value.is_object()) return Error("must be an object of strings", path, 0, name);
      for (auto m = value.begin(); m != value.end(); ++m) {
        if (!m.value().is_string())
          return Error("metadata values must be strings", path, 0, name + "." + m.key());
        header.metadata[m.key()] = m.value().get<std::string>();
      }
      continue;
    }
    if (!value.is_object())
      return Error("tensor entry must be an object with dtype, shape and data_offsets", path, 0, name);

    Entry entry;
    entry.name = name;
    const auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string())
      return Error("missing or not a string", path, 0, name + ".dtype");
    entry.dtype = dtypeByTag(dtype->get<std::string>());
    if (!entry.dtype)
      return Error("unsupported dtype '" + dtype->get<std::string>() + "' (supported: " + knownTags() + ")",
                   path, 0, name + ".dtype");

    const auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array())
      return Error("missing or not an array", path, 0, name + ".shape");
    if (shape->size() > 64) return Error("more than 64 dimensions", path, 0, name + ".shape");
    std::uint64_t numel = 1;
    bool overflow = false;
    for (const auto& dim : *shape) {
      std::uint64_t d = 0;
      if (!asNonNegative(dim, d) || d > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return Error("dimensions must be non-negative integers", path, 0, name + ".shape");
      if (d != 0 && numel > std::numeric_limits<std::uint64_t>::max() / d) overflow = true;
      numel *= d;
      entry.shape.push_back(static_cast<std::int64_t>(d));
    }
    if (overflow || numel > std::numeric_limits<std::uint64_t>::max() / entry.dtype->itemSize)
      return Error("the element count overflows", path, 0, name + ".shape");

    const auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
        !asNonNegative((*offsets)[0], entry.begin) || !asNonNegative((*offsets)[1], entry.end))
      return Error("must be an array of two non-negative integers [begin, end]", path, 0,
                   name + ".data_offsets");
    const std::string range = "[" + std::to_string(entry.begin) + ", " + std::to_string(entry.end) + "]";
    if (entry.begin > entry.end)
      return Error("begin is after end in " + range, path, 0, name + ".data_offsets");
    if (entry.end > dataSize)
      return Error(range + " runs past the end of the data section (" + std::to_string(dataSize) +
                       " bytes); the file is truncated or the header is wrong",
                   path, 0, name + ".data_offsets");
    const std::uint64_t expected = numel * entry.dtype->itemSize;
    if (entry.end - entry.begin != expected)
      return Error(range + " holds " + std::to_string(entry.end - entry.begin) + " bytes but shape " +
                       shape->dump() + " of " + entry.dtype->tag + " needs " + std::to_string(expected),
                   path, 0, name + ".data_offsets");
    header.entries.push_back(std::move(entry));
  }

  // The ranges must tile the data section exactly: no overlap, no hole, nothing after the last one.
  std::vector<const Entry*> byOffset;
  for (const auto& e : header.entries) byOffset.push_back(&e);
  std::sort(byOffset.begin(), byOffset.end(), [](const Entry* a, const Entry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  std::uint64_t covered = 0;
  const Entry* previous = nullptr;
  for (const Entry* e : byOffset) {
    if (e->begin < covered)
      return Error("overlaps the bytes of tensor '" + previous->name + "' (which ends at " +
                       std::to_string(covered) + ", this one begins at " + std::to_string(e->begin) + ")",
                   path, 0, e->name + ".data_offsets");
    if (e->begin > covered)
      return Error("bytes " + std::to_string(covered) + ".." + std::to_string(e->begin) +
                       " of the data section belong to no tensor (a hole before this one)",
                   path, 0, e->name + ".data_offsets");
    covered = e->end;
    previous = e;
  }
  if (covered != dataSize)
    return Error(std::to_string(dataSize - covered) + " bytes after the last tensor belong to no tensor",
                 path, 0, previous ? previous->name + ".data_offsets" : std::string("header"));
  return header;
}

// Validates the 8-byte length prefix against the file size; returns the header length.
Result<std::uint64_t> headerLength(const unsigned char* prefix, std::uint64_t fileSize,
                                   const std::string& path) {
  const std::uint64_t n = readLe64(prefix);
  if (n > SafetensorsFile::kMaxHeaderBytes)
    return Error("header length " + std::to_string(n) +
                     " exceeds the 100 MB limit; this is not a safetensors file or it is damaged",
                 path, 0, "header");
  if (n > fileSize - 8)
    return Error("header length " + std::to_string(n) + " runs past the end of the file (" +
                     std::to_string(fileSize) + " bytes); the file is truncated or not safetensors",
                 path, 0, "header");
  if (n < 2)
    return Error("header length " + std::to_string(n) + " is too small for a JSON object", path, 0, "header");
  return n;
}

// Reads and validates the file through `source` (`size` bytes); each tensor's bytes go straight into its
// own storage, so a file on disk is never held twice in memory.
Result<SafetensorsContent> readFrom(const ByteSource& source, std::uint64_t size, const std::string& path) {
  if (!hostIsLittleEndian()) return Error("safetensors needs a little-endian machine", path);
  if (size < 8)
    return Error("the file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length",
                 path, 0, "header");
  unsigned char prefix[8];
  if (!source(0, prefix, 8)) return Error("cannot read the header length", path, 0, "header");
  auto n = headerLength(prefix, size, path);
  if (!n) return n.error();
  std::string text(*n, '\0');
  if (!source(8, text.data(), *n)) return Error("cannot read the JSON header", path, 0, "header");
  const std::uint64_t dataStart = 8 + *n;
  auto header = parseHeader(text, size - dataStart, path);
  if (!header) return header.error();
  SafetensorsContent content;
  content.metadata = std::move(header->metadata);
  for (auto& e : header->entries) {
    at::Tensor t = at::empty(e.shape, at::TensorOptions().dtype(e.dtype->type));
    if (e.end > e.begin && !source(dataStart + e.begin, t.data_ptr(), e.end - e.begin))
      return Error("could not read the tensor's bytes", path, 0, e.name + ".data_offsets");
    content.tensors.emplace(std::move(e.name), std::move(t));
  }
  return content;
}

}  // namespace

Result<SafetensorsContent> SafetensorsFile::parse(const char* data, std::size_t size,
                                                  const std::string& path) {
  return readFrom(memoryBytes(data, size), size, path);
}

Result<SafetensorsContent> SafetensorsFile::read(const std::string& path) {
  auto file = FileBytes::open(path);
  if (!file) return file.error();
  return readFrom(FileBytes::source(*file), (*file)->size(), path);
}

std::string SafetensorsFile::dtypeTag(const at::Tensor& tensor) {
  const DtypeInfo* d = dtypeByType(tensor.scalar_type());
  return d ? d->tag : "";
}

Status SafetensorsFile::write(const std::string& path, const StateDict& tensors,
                              const std::map<std::string, std::string>& metadata) {
  if (!hostIsLittleEndian()) return Error("safetensors needs a little-endian machine", path);
  struct Item {
    const std::string* name;
    at::Tensor tensor;
    const DtypeInfo* dtype;
  };
  std::vector<Item> items;
  for (const auto& [name, tensor] : tensors) {
    if (name.empty() || name == "__metadata__") return Error("invalid tensor name", path, 0, name);
    if (!tensor.defined()) return Error("the tensor is undefined", path, 0, name);
    const DtypeInfo* d = dtypeByType(tensor.scalar_type());
    if (!d)
      return Error(std::string("dtype ") + c10::toString(tensor.scalar_type()) +
                       " cannot be stored in safetensors (supported: " + knownTags() + ")",
                   path, 0, name);
    items.push_back({&name, tensor.detach().to(at::kCPU).contiguous(), d});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.dtype->itemSize != b.dtype->itemSize ? a.dtype->itemSize > b.dtype->itemSize : *a.name < *b.name;
  });

  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  std::uint64_t offset = 0;
  for (const auto& item : items) {
    const std::uint64_t bytes = static_cast<std::uint64_t>(item.tensor.numel()) * item.dtype->itemSize;
    header[*item.name] = {{"dtype", item.dtype->tag},
                          {"shape", item.tensor.sizes().vec()},
                          {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');

  return AtomicFile::write(path, [&](std::ostream& out) {
    unsigned char prefix[8];
    std::uint64_t n = text.size();
    for (int i = 0; i < 8; ++i) prefix[i] = static_cast<unsigned char>((n >> (8 * i)) & 0xff);
    out.write(reinterpret_cast<const char*>(prefix), 8);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    for (const auto& item : items)
      out.write(static_cast<const char*>(item.tensor.data_ptr()),
                static_cast<std::streamsize>(item.tensor.numel() * item.dtype->itemSize));
  });
}

}  // namespace quarry::model
