#include "model/PytorchBinFile.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <ATen/core/Dict.h>
#include <c10/util/Exception.h>
#include <torch/serialize.h>

#include "model/AtomicFile.h"

namespace quarry::model {
namespace {

// torch.save before 1.6 wrote a bare pickle stream starting with PROTO (0x80); the zip format starts
// with a local file header "PK\3\4".
bool looksLikeZip(const std::vector<char>& d) {
  return d.size() >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4;
}
bool looksLikeLegacyPickle(const std::vector<char>& d) {
  return !d.empty() && static_cast<unsigned char>(d[0]) == 0x80;
}

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

}  // namespace

Result<PytorchBinContent> PytorchBinFile::read(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error("no such file", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the file for reading", path);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error("reading the file failed", path);
  if (!looksLikeZip(bytes)) {
    if (looksLikeLegacyPickle(bytes))
      return Error(
          "this is the legacy (PyTorch < 1.6) torch.save format, which Quarry cannot read; "
          "re-save it with torch.save(torch.load(f), f) in PyTorch >= 1.6, or convert it to "
          "model.safetensors",
          path);
    return Error("not a PyTorch checkpoint (a torch.save zip archive was expected)", path);
  }

  torch::IValue root;
  try {
    // pickle_load reads "<archive>/data.pkl" and its tensor records; the signature is the same in
    // LibTorch 1.13 and 2.x.
    root = torch::pickle_load(bytes);
  } catch (const std::exception& e) {
    return Error(
        "cannot read the archive (truncated, damaged, or not a saved state_dict): " + conciseMessage(e),
        path);
  }
  bytes.clear();
  bytes.shrink_to_fit();

  if (!root.isGenericDict())
    return Error(
        std::string("the archive holds a ") + root.tagKind() + ", not a dict of tensors (a state_dict)",
        path);
  PytorchBinContent content;
  for (const auto& item : root.toGenericDict()) {
    if (!item.key().isString()) {
      content.notes.push_back(path + ": skipped an entry whose key is a " + item.key().tagKind() +
                              ", not a name");
      continue;
    }
    const std::string& name = item.key().toStringRef();
    if (!item.value().isTensor()) {
      content.notes.push_back(path + ": skipped '" + name + "', a " + item.value().tagKind() +
                              " rather than a tensor");
      continue;
    }
    at::Tensor t = item.value().toTensor();
    // Tensors sharing one storage (tied weights, views) are given storage of their own, so changing one
    // parameter never changes another behind the model's back.
    const bool ownsStorage = t.is_contiguous() && t.storage_offset() == 0 &&
                             t.storage().nbytes() == static_cast<std::size_t>(t.numel()) * t.element_size();
    content.tensors[name] = ownsStorage ? t : t.contiguous().clone();
  }
  if (content.tensors.empty()) return Error("the archive holds no tensors", path);
  return content;
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
