#include "model/SafetensorsFile.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <set>

#include <ATen/ops/empty.h>
#include <nlohmann/json.hpp>

#include "model/AtomicFile.h"

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
  std::vector<std::set<std::string>> openObjects;
  std::string duplicate;
  auto callback = [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (event == E::object_start) openObjects.emplace_back();
    if (event == E::object_end && !openObjects.empty()) openObjects.pop_back();
    if (event == E::key && !openObjects.empty() && duplicate.empty()) {
      const std::string key = parsed.get<std::string>();
      if (!openObjects.back().insert(key).second) duplicate = key;
    }
    return true;
  };
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text, callback);
  } catch (const nlohmann::json::exception& e) {
    return Error(std::string("the JSON header is not valid JSON: ") + e.what(), path, 0, "header");
  }
  if (!duplicate.empty())
    return Error("the JSON header holds the key '" + duplicate + "' twice", path, 0, duplicate);
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

// Allocates every tensor and lets `fill(offset, destination, bytes)` copy its bytes in.
Result<SafetensorsContent> materialise(Header header,
                                       const std::function<bool(std::uint64_t, void*, std::uint64_t)>& fill,
                                       const std::string& path) {
  SafetensorsContent content;
  content.metadata = std::move(header.metadata);
  for (auto& e : header.entries) {
    at::Tensor t = at::empty(e.shape, at::TensorOptions().dtype(e.dtype->type));
    if (e.end > e.begin && !fill(e.begin, t.data_ptr(), e.end - e.begin))
      return Error("could not read the tensor's bytes", path, 0, e.name + ".data_offsets");
    content.tensors.emplace(std::move(e.name), std::move(t));
  }
  return content;
}

}  // namespace

Result<SafetensorsContent> SafetensorsFile::parse(const char* data, std::size_t size,
                                                  const std::string& path) {
  if (!hostIsLittleEndian()) return Error("safetensors needs a little-endian machine", path);
  if (size < 8)
    return Error("the file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length",
                 path, 0, "header");
  auto n = headerLength(reinterpret_cast<const unsigned char*>(data), size, path);
  if (!n) return n.error();
  const std::uint64_t dataStart = 8 + *n;
  auto header = parseHeader(std::string(data + 8, *n), size - dataStart, path);
  if (!header) return header.error();
  return materialise(
      std::move(*header),
      [&](std::uint64_t offset, void* dst, std::uint64_t bytes) {
        std::memcpy(dst, data + dataStart + offset, bytes);
        return true;
      },
      path);
}

Result<SafetensorsContent> SafetensorsFile::read(const std::string& path) {
  if (!hostIsLittleEndian()) return Error("safetensors needs a little-endian machine", path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error("no such file", path);
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return Error("cannot read the file size: " + ec.message(), path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the file for reading", path);
  if (size < 8)
    return Error("the file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length",
                 path, 0, "header");
  unsigned char prefix[8];
  in.read(reinterpret_cast<char*>(prefix), 8);
  if (!in) return Error("cannot read the header length", path, 0, "header");
  auto n = headerLength(prefix, size, path);
  if (!n) return n.error();
  std::string text(*n, '\0');
  in.read(text.data(), static_cast<std::streamsize>(*n));
  if (!in) return Error("cannot read the JSON header", path, 0, "header");
  const std::uint64_t dataStart = 8 + *n;
  auto header = parseHeader(text, size - dataStart, path);
  if (!header) return header.error();
  // Read each tensor straight into its own storage: no second copy of the file in memory.
  return materialise(
      std::move(*header),
      [&](std::uint64_t offset, void* dst, std::uint64_t bytes) {
        in.seekg(static_cast<std::streamoff>(dataStart + offset));
        in.read(static_cast<char*>(dst), static_cast<std::streamsize>(bytes));
        return static_cast<bool>(in);
      },
      path);
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
