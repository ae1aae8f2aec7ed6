#pragma once
// SentencePiece models (read by libsentencepiece through Quarry's shim: SentencePieceModel), laid out as
// transformers' slow tokenizers do:
// XLM-RoBERTa (sentencepiece.bpe.model with fairseq's id offset: <s>=0 <pad>=1 </s>=2 <unk>=3, piece
// ids + 1, <mask> last; <s> A </s></s> B </s>) or DeBERTa-v2/v3 (spm.model ids as they are, [MASK]
// appended when the model lacks it; [CLS] A [SEP] B [SEP] with type ids 0/1).

#include <filesystem>
#include <memory>
#include <string>

#include "common/Error.h"
#include "text/AddedTokenSplitter.h"
#include "text/SentencePieceModel.h"
#include "text/Tokenizer.h"

namespace quarry::text {

enum class SentencePieceStyle { XlmRoberta, DebertaV2 };

struct SentencePieceOptions {
  SentencePieceStyle style = SentencePieceStyle::XlmRoberta;  // id layout and template
};

class SentencePieceTokenizer : public Tokenizer {
 public:
  ~SentencePieceTokenizer() override;
  // Fails (with the file named) when the model cannot be read, or when Quarry's SentencePiece library
  // cannot be found or used (the error says where it was looked for).
  static Result<std::unique_ptr<SentencePieceTokenizer>> fromFile(const std::filesystem::path& model,
                                                                  SentencePieceOptions options = {});
  // A serialized ModelProto (what the trainer returns); `source` names it in errors.
  static Result<std::unique_ptr<SentencePieceTokenizer>> fromSerialized(const std::string& proto,
                                                                        SentencePieceOptions options,
                                                                        const std::string& source);

  std::string kind() const override { return "sentencepiece"; }
  std::vector<Piece> tokenize(std::string_view text) const override;
  TokenId vocabSize() const override;
  std::optional<TokenId> tokenToId(std::string_view token) const override;
  std::string idToToken(TokenId id) const override;

 protected:
  std::string tokensToString(const std::vector<std::string>& tokens) const override;

 private:
  SentencePieceTokenizer(SentencePieceModel model, SentencePieceOptions options);
  void setUp();
  TokenId fromPieceId(int spmId) const;

  SentencePieceModel m_model;
  SentencePieceOptions m_options;
  AddedTokenSplitter m_splitter;
};

}  // namespace quarry::text
