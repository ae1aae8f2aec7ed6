#pragma once
// One SentencePiece model (a ModelProto: spm.model, sentencepiece.bpe.model) read by libsentencepiece
// through Quarry's shim (SentencePieceLibrary). The model's own ids and pieces, no tokenizer layout.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/Error.h"
#include "text/SentencePieceLibrary.h"

namespace quarry::text {

class SentencePieceModel {
 public:
  struct Piece {
    int id = 0;          // the piece's id in the model
    std::string piece;   // with U+2581 for spaces
    uint32_t begin = 0;  // byte offsets of the text it covers, in the text given to encode()
    uint32_t end = 0;
  };

  // Errors name the model (or `source`) and, when the shim cannot be used, every place it was looked for.
  static Result<SentencePieceModel> fromFile(const std::filesystem::path& file);
  static Result<SentencePieceModel> fromSerialized(const std::string& proto, const std::string& source);

  SentencePieceModel(SentencePieceModel&& other) noexcept;
  SentencePieceModel& operator=(SentencePieceModel&& other) noexcept;
  SentencePieceModel(const SentencePieceModel&) = delete;
  SentencePieceModel& operator=(const SentencePieceModel&) = delete;
  ~SentencePieceModel();

  int pieceCount() const { return m_info.piece_count; }  // ids are 0 .. pieceCount() - 1
  int unkId() const { return m_info.unk_id; }            // -1 when the model has none (also bos, eos)
  int bosId() const { return m_info.bos_id; }
  int eosId() const { return m_info.eos_id; }
  // unkId() for a piece the model lacks.
  int pieceToId(std::string_view piece) const;
  // "" for an id out of range.
  std::string idToPiece(int id) const;
  // The pieces of `text` (UTF-8) after the model's normalisation.
  Result<std::vector<Piece>> encode(std::string_view text) const;
  // The text of `pieces`, as SentencePiece decodes them (U+2581 to spaces, byte pieces to bytes).
  Result<std::string> decode(const std::vector<std::string>& pieces) const;

 private:
  SentencePieceModel(std::shared_ptr<const SentencePieceLibrary> library, QuarrySpmModel* handle);

  std::shared_ptr<const SentencePieceLibrary> m_library;
  QuarrySpmModel* m_handle = nullptr;
  QuarrySpmModelInfo m_info{};
};

}  // namespace quarry::text
