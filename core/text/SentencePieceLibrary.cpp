#include "text/SentencePieceLibrary.h"

#include <dlfcn.h>

#include <algorithm>
#include <system_error>

namespace quarry::text {

namespace fs = std::filesystem;

namespace {

// Protobuf's version check, defined by every protobuf runtime: libprotobuf, libprotobuf-lite and the copy
// inside libsentencepiece. Found in the global scope, it says which runtime a plain RTLD_LOCAL open would
// bind libsentencepiece to.
const char* const kProtobufProbe = "_ZN6google8protobuf8internal13VerifyVersionEiiPKc";

// Sanitizer runtimes whose dlopen interceptor ends the program when it is asked for RTLD_DEEPBIND.
const char* const kDeepBindRefusers[] = {"__asan_init", "__hwasan_init", "__msan_init", "__tsan_init"};

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

// The file of a protobuf runtime already in the global scope other than libsentencepiece's, or "".
std::string foreignProtobuf() {
  void* symbol = dlsym(RTLD_DEFAULT, kProtobufProbe);
  if (!symbol) return {};
  Dl_info info{};
  if (!dladdr(symbol, &info) || !info.dli_fname) return "a library of unknown name";
  const std::string file = info.dli_fname;
  return fs::path(file).filename().string().rfind("libsentencepiece", 0) == 0 ? std::string() : file;
}

template <typename Function>
void resolve(void* handle, const char* name, Function& out, std::vector<std::string>& missing) {
  out = reinterpret_cast<Function>(dlsym(handle, name));
  if (!out) missing.emplace_back(name);
}

}  // namespace

SentencePieceLibrary::SentencePieceLibrary(fs::path path, Functions functions)
    : m_path(std::move(path)), m_functions(functions) {}

bool SentencePieceLibrary::deepBindAllowed() {
  for (const char* name : kDeepBindRefusers)
    if (dlsym(RTLD_DEFAULT, name)) return false;
  return true;
}

std::vector<fs::path> SentencePieceLibrary::searchPaths() {
  std::vector<fs::path> paths;
#ifdef QUARRY_SPM_SHIM_NAME
  if (const fs::path dir = executableDir(); !dir.empty()) {
    paths.push_back(dir / QUARRY_SPM_SHIM_NAME);
    paths.push_back((dir / QUARRY_SPM_SHIM_INSTALL_RELATIVE / QUARRY_SPM_SHIM_NAME).lexically_normal());
  }
  paths.emplace_back(QUARRY_SPM_SHIM_BUILD_PATH);
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
  int mode = RTLD_NOW | RTLD_LOCAL;
  if (deepBindAllowed()) {
    mode |= RTLD_DEEPBIND;
  } else if (const std::string other = foreignProtobuf(); !other.empty()) {
    return Error(
        "SentencePiece models cannot be read in this program: a sanitizer runtime forbids "
        "RTLD_DEEPBIND, the only way to keep libsentencepiece's protobuf apart from the one "
        "already loaded from " +
            other + " (LibTorch links it); programs without LibTorch can read them",
        file);
  }
  void* handle = dlopen(file.c_str(), mode);
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
  return std::shared_ptr<const SentencePieceLibrary>(new SentencePieceLibrary(*found, f));
}

}  // namespace quarry::text
