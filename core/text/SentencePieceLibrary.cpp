#include "text/SentencePieceLibrary.h"

#include <dlfcn.h>

#include <algorithm>
#include <system_error>

namespace quarry::text {

namespace fs = std::filesystem;

namespace {

// Sanitizer runtimes whose dlopen interceptor ends the program when it is asked for RTLD_DEEPBIND.
const char* const kDeepBindRefusers[] = {"__asan_init", "__hwasan_init", "__msan_init", "__tsan_init"};

bool deepBindRefused() {
  for (const char* name : kDeepBindRefusers)
    if (dlsym(RTLD_DEFAULT, name)) return true;
  return false;
}

template <typename Item>
std::string listed(const std::vector<Item>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + std::string(item);
  return out;
}

fs::path executableDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

template <typename Function>
void resolve(void* handle, const char* name, Function& out, std::vector<std::string>& missing) {
  out = reinterpret_cast<Function>(dlsym(handle, name));
  if (!out) missing.emplace_back(name);
}

}  // namespace

SentencePieceLibrary::SentencePieceLibrary(fs::path path, Isolation isolation, Functions functions)
    : m_path(std::move(path)), m_isolation(isolation), m_functions(functions) {}

std::vector<fs::path> SentencePieceLibrary::searchPaths() {
  std::vector<fs::path> paths;
#ifdef QUARRY_SPM_SHIM_NAME
  if (const fs::path dir = executableDir(); !dir.empty()) {
    paths.push_back(dir / QUARRY_SPM_SHIM_NAME);
    paths.push_back((dir / QUARRY_SPM_SHIM_INSTALL_RELATIVE / QUARRY_SPM_SHIM_NAME).lexically_normal());
    // A program of the build tree (app/, bench/, tests/engine/, ...): the shim's place in that tree, from
    // the program's folder and its parents. No absolute path is compiled in (reproducible packages).
    fs::path root = dir;
    for (int up = 0; up < 3 && !root.empty(); ++up, root = root.parent_path()) {
      paths.push_back(root / QUARRY_SPM_SHIM_BUILD_RELATIVE);
      if (root == root.root_path()) break;
    }
  }
#endif
  return paths;
}

const Result<std::shared_ptr<const SentencePieceLibrary>>& SentencePieceLibrary::shared() {
  static const Result<std::shared_ptr<const SentencePieceLibrary>> library = []() {
    const auto paths = searchPaths();
    if (paths.empty())
      return Result<std::shared_ptr<const SentencePieceLibrary>>(Error(
          "this Quarry was built without libsentencepiece-dev, so it cannot read SentencePiece models"));
    return open(paths);
  }();
  return library;
}

Result<std::shared_ptr<const SentencePieceLibrary>> SentencePieceLibrary::open(
    const std::vector<fs::path>& candidates) {
  const auto found = std::find_if(candidates.begin(), candidates.end(), [](const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
  });
  if (found == candidates.end())
    return Error("Quarry's SentencePiece library is missing (looked for " + listed(candidates) +
                 "); reinstall Quarry, or build the target quarry_spm_shim");
  const std::string file = found->string();
  const Isolation isolation = deepBindRefused() ? Isolation::Namespace : Isolation::DeepBind;
  void* handle = isolation == Isolation::DeepBind
                     ? dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
                     : dlmopen(LM_ID_NEWLM, file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    return Error(
        std::string("cannot open Quarry's SentencePiece library: ") + (reason ? reason : "unknown reason"),
        file);
  }
  // From here on the handle stays open, also on failure: closing a library that may have registered
  // protobuf descriptors is not safe, and a failure here is rare (a stale or foreign file).
  using AbiVersion = decltype(&quarry_spm_abi_version);
  const auto abiVersion = reinterpret_cast<AbiVersion>(dlsym(handle, "quarry_spm_abi_version"));
  if (!abiVersion) return Error("not Quarry's SentencePiece library (no quarry_spm_abi_version)", file);
  if (const int version = abiVersion(); version != QUARRY_SPM_SHIM_ABI_VERSION)
    return Error("Quarry's SentencePiece library has interface version " + std::to_string(version) +
                     ", this program needs " + std::to_string(QUARRY_SPM_SHIM_ABI_VERSION) +
                     " (a library left from another Quarry version)",
                 file);
  Functions f;
  std::vector<std::string> missing;
  resolve(handle, "quarry_spm_load_file", f.loadFile, missing);
  resolve(handle, "quarry_spm_load_serialized", f.loadSerialized, missing);
  resolve(handle, "quarry_spm_free", f.free, missing);
  resolve(handle, "quarry_spm_info", f.info, missing);
  resolve(handle, "quarry_spm_piece_to_id", f.pieceToId, missing);
  resolve(handle, "quarry_spm_id_to_piece", f.idToPiece, missing);
  resolve(handle, "quarry_spm_encode", f.encode, missing);
  resolve(handle, "quarry_spm_decode", f.decode, missing);
  if (!missing.empty()) return Error("Quarry's SentencePiece library lacks " + listed(missing), file);
  return std::shared_ptr<const SentencePieceLibrary>(new SentencePieceLibrary(*found, isolation, f));
}

}  // namespace quarry::text
