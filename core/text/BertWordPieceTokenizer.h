#pragma once
// BERT's WordPiece tokenizer, exactly as transformers 4.28's slow BertTokenizer (also DistilBERT,
// ELECTRA): special strings in the text kept whole, per-character lowercasing before that split,
// BasicTokenizer, then WordPiece.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/Error.h"
#include "text/AddedTokenSplitter.h"
#include "text/BasicTokenizer.h"
#include "text/Tokenizer.h"
#include "text/Vocab.h"
#include "text/WordPiece.h"

namespace quarry::text {

struct BertOptions {
  bool lowercase = true;                // do_lower_case
  std::optional<bool> stripAccents;     // strip_accents; unset = follow lowercase
  bool tokenizeChineseChars = true;     // tokenize_chinese_chars
  bool cleanText = true;                // BertNormalizer clean_text (the slow tokenizer always cleans)
  bool doBasicTokenize = true;          // do_basic_tokenize; false = whitespace split only
  std::vector<std::string> neverSplit;  // never_split
  size_t maxInputCharsPerWord = 100;    // longer words become [UNK]
  std::string continuingPrefix = "##";  // WordPiece continuation prefix
  std::string unk = "[UNK]", sep = "[SEP]", pad = "[PAD]", cls = "[CLS]", mask = "[MASK]";  // specials
  std::vector<AddedToken> extraAdded;  // further added tokens (tokenizer.json added_tokens)
};

class BertWordPieceTokenizer : public Tokenizer {
 public:
  // Fails when the unknown, [CLS] or [SEP] token is not in the vocabulary.
  static Result<std::unique_ptr<BertWordPieceTokenizer>> create(Vocab vocab, BertOptions options,
                                                                const std::string& source);
  // vocab.txt plus options.
  static Result<std::unique_ptr<BertWordPieceTokenizer>> fromVocabFile(const std::filesystem::path& vocabTxt,
                                                                       BertOptions options);

  std::string kind() const override { return "bert-wordpiece"; }
  std::vector<Piece> tokenize(std::string_view text) const override;
  TokenId vocabSize() const override { return m_vocab.size(); }
  std::optional<TokenId> tokenToId(std::string_view token) const override;
  std::string idToToken(TokenId id) const override;

  // transformers' tokenizer.basic_tokenizer.tokenize(text): the words before WordPiece, without
  // the special-token handling of tokenize() (so "[MASK]" gives "[", "mask", "]").
  std::vector<std::string> basicTokenize(std::string_view text) const;

  const BertOptions& options() const { return m_options; }

 protected:
  std::string tokensToString(const std::vector<std::string>& tokens) const override;

 private:
  BertWordPieceTokenizer(Vocab vocab, BertOptions options);
  void appendWord(const NormalizedText& word, int32_t wordIndex, const std::vector<uint32_t>& byteStart,
                  std::vector<Piece>& out) const;

  Vocab m_vocab;
  BertOptions m_options;
  BasicTokenizer m_basic;              // never_split from the options (basicTokenize)
  BasicTokenizer m_basicWithSpecials;  // + the special strings, as tokenize() passes them
  std::unordered_set<std::string> m_neverSplit;
  WordPiece m_wordPiece;
  AddedTokenSplitter m_splitter;
};

}  // namespace quarry::text
