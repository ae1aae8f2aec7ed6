#include "model/checkpoint/PytorchBinFile.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>

#include <ATen/core/Dict.h>
#include <ATen/ops/as_strided.h>
#include <ATen/ops/empty.h>
#include <c10/util/Exception.h>
#include <torch/serialize.h>

#include "common/AtomicFile.h"
#include "model/checkpoint/TorchPickle.h"
#include "model/checkpoint/ZipArchive.h"

namespace quarry::model {
namespace {

// torch.save before 1.6 wrote a bare pickle stream starting with PROTO (0x80); the zip format starts
// with a local file header "PK\3\4".
bool looksLikeZip(const unsigned char* d, std::size_t n) {
  return n >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4;
}
bool looksLikeLegacyPickle(const unsigned char* d, std::size_t n) { return n >= 1 && d[0] == 0x80; }

// The first line of a c10::Error, without the C++ backtrace LibTorch appends.
std::string conciseMessage(const std::exception& e) {
  std::string text;
  if (const auto* ce = dynamic_cast<const c10::Error*>(&e))
    text = ce->what_without_backtrace();
  else
    text = e.what();
  if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}

// The elements [offset, offset + extent) a view of `sizes` and `strides` touches, or nothing when it does not
// fit in `available` elements (overflow included).
bool viewFits(const PickledTensor& t, std::int64_t available, std::int64_t& numel) {
  numel = 1;
  for (std::int64_t s : t.sizes) {
    if (s != 0 && numel > std::numeric_limits<std::int64_t>::max() / s) return false;
    numel *= s;
  }
  if (numel == 0) return t.offset <= available;
  // The last element the view reads: offset + sum((size - 1) * stride), checked for overflow.
  std::int64_t last = t.offset;
  for (std::size_t i = 0; i < t.sizes.size(); ++i) {
    const std::int64_t step = t.sizes[i] - 1;
    if (step > 0 && t.strides[i] > (std::numeric_limits<std::int64_t>::max() - last) / step) return false;
    last += step * t.strides[i];
  }
  // A view of more elements than its storage would repeat elements (stride 0): torch.save never writes one
  // for a state dict, and copying it out could take any amount of memory.
  return last < available && numel <= available;
}

// Reads the archive through `source` (`size` bytes; `head` its first bytes).
Result<PytorchBinContent> readArchive(const ByteSource& source, std::uint64_t size, const std::string& path) {
  unsigned char head[4] = {0, 0, 0, 0};
  const std::size_t headBytes = static_cast<std::size_t>(std::min<std::uint64_t>(size, 4));
  if (headBytes > 0 && !source(0, head, headBytes)) return Error("reading the file failed", path);
  if (!looksLikeZip(head, headBytes)) {
    if (looksLikeLegacyPickle(head, headBytes))
      return Error(
          "this is the legacy (PyTorch < 1.6) torch.save format, which Quarry cannot read; "
          "re-save it with torch.save(torch.load(f), f) in PyTorch >= 1.6, or convert it to "
          "model.safetensors",
          path);
    return Error("not a PyTorch checkpoint (a torch.save zip archive was expected)", path);
  }
  auto archive = ZipArchive::open(source, size, path);
  if (!archive) return archive.error();
  // torch.save puts every record under one folder named after the file ("archive/", "pytorch_model/").
  if (archive->entries().empty()) return Error("the archive is empty", path);
  const std::string& first = archive->entries().front().name;
  const std::string folder = first.substr(0, first.find('/')) + "/";
  const ZipEntry* pickleEntry = archive->find(folder + "data.pkl");
  if (!pickleEntry)
    return Error("the archive has no " + folder + "data.pkl; it is not a saved state_dict", path);
  if (const ZipEntry* order = archive->find(folder + "byteorder")) {
    std::string text(static_cast<std::size_t>(std::min<std::uint64_t>(order->size, 16)), '\0');
    if (order->size > 16 || !archive->read(*order, text.data()) || text != "little")
      return Error("the tensors are stored big-endian (byteorder), which Quarry cannot read", path);
  }
  const TorchPickleLimits limits;
  if (pickleEntry->size > limits.maxBytes)
    return Error("data.pkl is " + std::to_string(pickleEntry->size) + " bytes, more than a state dict needs",
                 path);
  std::string pickle(static_cast<std::size_t>(pickleEntry->size), '\0');
  if (Status s = archive->read(*pickleEntry, pickle.data()); !s) return s.error();
  auto dict = readStateDictPickle(pickle, path, limits);
  if (!dict) return dict.error();

  PytorchBinContent content;
  content.notes = std::move(dict->notes);
  std::map<std::string, int> uses;  // storage key -> tensors viewing it
  for (const auto& [name, t] : dict->tensors) ++uses[t.storageKey];
  std::map<std::string, at::Tensor> storages;  // read once each, as flat tensors
  for (const auto& [name, t] : dict->tensors) {
    const std::string field = name.substr(0, 200);
    const std::int64_t itemSize = static_cast<std::int64_t>(c10::elementSize(t.dtype));
    const ZipEntry* record = archive->find(folder + "data/" + t.storageKey);
    if (t.storageNumel > 0 && !record)
      return Error("its storage " + folder + "data/" + t.storageKey.substr(0, 80) + " is not in the archive",
                   path, 0, field);
    const std::uint64_t recordBytes = record ? record->size : 0;
    if (t.storageNumel > std::numeric_limits<std::int64_t>::max() / itemSize ||
        static_cast<std::uint64_t>(t.storageNumel * itemSize) != recordBytes)
      return Error("its storage should hold " + std::to_string(t.storageNumel) + " " +
                       c10::toString(t.dtype) + " values but the archive's record has " +
                       std::to_string(recordBytes) + " bytes; the file is truncated or damaged",
                   path, 0, field);
    std::int64_t numel = 0;
    if (!viewFits(t, t.storageNumel, numel))
      return Error("the view (offset " + std::to_string(t.offset) + ", sizes " + shapeText(t.sizes) +
                       ", strides " + shapeText(t.strides) + ") runs past its storage of " +
                       std::to_string(t.storageNumel) + " values; the file is damaged",
                   path, 0, field);
    auto found = storages.find(t.storageKey);
    // Tensors sharing a storage must agree on what it is; a view is checked against the storage it reads.
    if (found != storages.end() &&
        (found->second.scalar_type() != t.dtype || found->second.numel() != t.storageNumel))
      return Error(
          "its storage " + t.storageKey.substr(0, 80) + " is described differently by another tensor", path,
          0, field);
    if (found == storages.end()) {
      at::Tensor flat = at::empty({t.storageNumel}, at::TensorOptions().dtype(t.dtype));
      if (record)
        if (Status s = archive->read(*record, flat.data_ptr()); !s) return s.error();
      found = storages.emplace(t.storageKey, flat).first;
    }
    at::Tensor view = found->second.as_strided(t.sizes, t.strides, t.offset);
    // A tensor that is its storage keeps it; views and shared storages (tied weights) get storage of their
    // own, so changing one parameter never changes another behind the model's back.
    const bool whole =
        uses[t.storageKey] == 1 && t.offset == 0 && numel == t.storageNumel && view.is_contiguous();
    content.tensors[name] = whole ? view : view.contiguous().clone();
  }
  if (content.tensors.empty()) return Error("the archive holds no tensors", path);
  return content;
}

}  // namespace

Result<PytorchBinContent> PytorchBinFile::read(const std::string& path) {
  auto file = FileBytes::open(path);
  if (!file) return file.error();
  return readArchive(FileBytes::source(*file), (*file)->size(), path);
}

Result<PytorchBinContent> PytorchBinFile::parse(const char* data, std::size_t size, const std::string& path) {
  return readArchive(memoryBytes(data, size), size, path);
}

Status PytorchBinFile::write(const std::string& path, const StateDict& tensors) {
  c10::impl::GenericDict dict(c10::StringType::get(), c10::TensorType::get());
  for (const auto& [name, tensor] : tensors) {
    if (!tensor.defined()) return Error("the tensor is undefined", path, 0, name);
    dict.insert(name, tensor.detach().to(at::kCPU).contiguous().clone());
  }
  std::vector<char> bytes;
  try {
    bytes = torch::pickle_save(dict);
  } catch (const std::exception& e) {
    return Error("cannot serialise the tensors: " + conciseMessage(e), path);
  }
  return AtomicFile::write(
      path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

}  // namespace quarry::model
