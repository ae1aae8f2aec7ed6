#pragma once
// libquarry_spm_shim.so (text/shim/SentencePieceShim.h), found and opened at run time. No Quarry program
// links libsentencepiece: its bundled protobuf would clash with LibTorch's. The shim is opened with
// RTLD_LOCAL | RTLD_DEEPBIND, so that libsentencepiece binds to its own protobuf whatever the program
// loaded before, and nothing of it enters the program's global symbol scope.
//
// Under AddressSanitizer (and the other sanitizers that intercept dlopen) RTLD_DEEPBIND is refused by the
// sanitizer runtime, so the shim is opened with RTLD_LOCAL alone: that works in programs that load no
// other protobuf, and is refused, with an error saying so, in those that do (those linking LibTorch).
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

  // The process's shim: the first of searchPaths() that exists, opened on first use. A failure (no shim
  // anywhere, a shim of another ABI version, a refusal under a sanitizer) is an Error naming every path
  // looked at, returned again on each call.
  static const Result<std::shared_ptr<const SentencePieceLibrary>>& shared();

  // Opens the first of `candidates` that exists (an Error names them all when none does, or says why the
  // one found cannot be used).
  static Result<std::shared_ptr<const SentencePieceLibrary>> open(
      const std::vector<std::filesystem::path>& candidates);

  // Where shared() looks, in this order: beside the executable; where `cmake --install` and the Debian
  // package put it relative to the executable (<prefix>/bin/../lib/<triplet>/quarry); the build tree.
  static std::vector<std::filesystem::path> searchPaths();

  // Whether the shim gets a symbol scope of its own (RTLD_DEEPBIND): false when a sanitizer runtime that
  // refuses it is loaded.
  static bool deepBindAllowed();

  const Functions& functions() const { return m_functions; }
  const std::filesystem::path& path() const { return m_path; }

 private:
  SentencePieceLibrary(std::filesystem::path path, Functions functions);

  std::filesystem::path m_path;
  Functions m_functions;
};

}  // namespace quarry::text
