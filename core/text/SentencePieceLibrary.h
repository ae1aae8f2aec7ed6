#pragma once
// libquarry_spm_shim.so (text/shim/SentencePieceShim.h), found and opened at run time. No Quarry program
// links libsentencepiece: its bundled protobuf would clash with LibTorch's. The shim is opened so that
// libsentencepiece binds to its own protobuf whatever the program loaded before, and nothing of it enters
// the program's global symbol scope (see Isolation).
//
// The shim is never closed: libsentencepiece's protobuf registers itself for the life of the process.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "text/shim/SentencePieceShim.h"

namespace quarry::text {

class SentencePieceLibrary {
 public:
  // The shim's functions, resolved by name.
  struct Functions {
    decltype(&quarry_spm_load_file) loadFile = nullptr;
    decltype(&quarry_spm_load_serialized) loadSerialized = nullptr;
    decltype(&quarry_spm_free) free = nullptr;
    decltype(&quarry_spm_info) info = nullptr;
    decltype(&quarry_spm_piece_to_id) pieceToId = nullptr;
    decltype(&quarry_spm_id_to_piece) idToPiece = nullptr;
    decltype(&quarry_spm_encode) encode = nullptr;
    decltype(&quarry_spm_decode) decode = nullptr;
  };

  // How the shim is kept apart from the program's symbols.
  enum class Isolation {
    // dlopen(RTLD_LOCAL | RTLD_DEEPBIND): the shim and libsentencepiece look up their own symbols first;
    // the C and C++ runtimes are the program's.
    DeepBind,
    // dlmopen(LM_ID_NEWLM): a link namespace of its own, with its own C and C++ runtimes. Used where a
    // sanitizer runtime (ASan, TSan, MSan, HWASan) is loaded: its dlopen ends the program when asked for
    // RTLD_DEEPBIND. The shim is built without sanitizers for this (no sanitizer runtime in that namespace).
    Namespace,
  };

  // The process's shim: the first of searchPaths() that exists, opened on first use. A failure (no shim
  // anywhere, a shim of another ABI version) is an Error naming the paths, returned again on each call.
  static const Result<std::shared_ptr<const SentencePieceLibrary>>& shared();

  // Opens the first of `candidates` that exists, isolated as DeepBind unless a sanitizer runtime is loaded
  // (an Error names them all when none exists, or says why the one found cannot be used).
  static Result<std::shared_ptr<const SentencePieceLibrary>> open(
      const std::vector<std::filesystem::path>& candidates);

  // Where shared() looks, in this order: beside the executable; where `cmake --install` and the Debian
  // package put it relative to the executable (<prefix>/bin/../lib/<triplet>/quarry); its place in the build
  // tree, from the executable's folder and its two parents.
  static std::vector<std::filesystem::path> searchPaths();

  const Functions& functions() const { return m_functions; }
  const std::filesystem::path& path() const { return m_path; }
  Isolation isolation() const { return m_isolation; }

 private:
  SentencePieceLibrary(std::filesystem::path path, Isolation isolation, Functions functions);

  std::filesystem::path m_path;
  Isolation m_isolation;
  Functions m_functions;
};

}  // namespace quarry::text
