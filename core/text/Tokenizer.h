#pragma once
// The interface every Quarry tokenizer implements, and the parts they share: templates with special
// tokens, truncation, overflowing windows, pre-tokenized input and decoding.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/Encoding.h"
#include "text/SpecialTokens.h"

namespace quarry::text {

// Where the special tokens go around one or two sequences (HF TemplateProcessing).
struct TemplateItem {
  enum class Kind { Special, SequenceA, SequenceB };
  Kind kind = Kind::Special;  // a fixed token or one of the two sequences
  TokenId id = -1;            // Special: its id
  std::string token;          // Special: its string
  TokenId typeId = 0;         // type id given to the token(s)
};

struct PostTemplate {
  std::vector<TemplateItem> single;  // e.g. [CLS] A [SEP]
  std::vector<TemplateItem> pair;    // e.g. [CLS] A [SEP] B [SEP]

  // Number of Special items in the single (pair = false) or pair template.
  int specialCount(bool pair) const;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  // "bert-wordpiece", "byte-level-bpe" or "sentencepiece".
  virtual std::string kind() const = 0;

  // Splits text into vocabulary pieces, no template tokens; literal special-token strings in the
  // text become their ids. Offsets always index the `text` given here.
  virtual std::vector<Piece> tokenize(std::string_view text) const = 0;

  virtual TokenId vocabSize() const = 0;
  virtual std::optional<TokenId> tokenToId(std::string_view token) const = 0;
  // The token of `id`, the unknown token when out of range.
  virtual std::string idToToken(TokenId id) const = 0;

  // One past the largest id encode() can give (vocabulary, added and template tokens): the rows an
  // embedding table needs.
  TokenId idLimit() const;
  // One past the largest token type id the templates give (at least 1).
  TokenId typeIdLimit() const;

  const SpecialTokens& specialTokens() const { return m_special; }
  const PostTemplate& postTemplate() const { return m_template; }
  // Replaces the template (tokenizer.json TemplateProcessing).
  void setPostTemplate(PostTemplate t) { m_template = std::move(t); }
  // The model's length limit from the tokenizer config (model_max_length), 0 when unknown.
  int modelMaxLength() const { return m_modelMaxLength; }
  void setModelMaxLength(int n) { m_modelMaxLength = n; }

  // tokenize() + template + truncation, like transformers' tokenizer(text[, pair]). Offsets of the
  // second sequence's tokens index `pair` (sequenceIds tell them apart). With
  // options.returnOverflowing, `overflowing` holds the following windows of the truncated sequence
  // (see windows() for the overlap); not available for longest_first on a pair, as in transformers.
  Encoding encode(std::string_view text, std::optional<std::string_view> pair = std::nullopt,
                  const EncodeOptions& options = {}) const;

  // Pre-tokenized input (CoNLL words): each word is tokenized on its own (byte-level BPE gives each
  // word a leading space, as transformers does with is_split_into_words). wordIds are word indexes;
  // offsets index the words joined by single spaces. A word that yields no token (only control
  // characters) is absent from wordIds.
  Encoding encodeWords(const std::vector<std::string>& words, const EncodeOptions& options = {}) const;

  // Windows over a text longer than the model: every window holds at most maxLength tokens with the
  // single-sequence template, each window starts `stride` tokens before the previous one ended
  // (transformers' return_overflowing_tokens=True with stride=..., as fast tokenizers do it), the
  // last one ends at the last token. Offsets index the full text. An empty text gives one window.
  // stride is clamped to capacity - 1, capacity = maxLength - template specials (at least 1).
  std::vector<Encoding> windows(std::string_view text, int maxLength, int stride) const;

  // transformers' decode(): ids to text, cleaning up spaces before punctuation as 4.28 does.
  std::string decode(const std::vector<TokenId>& ids, bool skipSpecialTokens = false) const;

  // The template applied to already tokenized pieces (b may be null).
  Encoding assemble(const std::vector<Piece>& a, const std::vector<Piece>* b, bool addSpecialTokens) const;

 protected:
  // Joins vocabulary strings back into text (convert_tokens_to_string).
  virtual std::string tokensToString(const std::vector<std::string>& tokens) const = 0;
  // Pieces of one pre-tokenized word (default: tokenize(word)).
  virtual std::vector<Piece> tokenizeWord(std::string_view word) const { return tokenize(word); }
  // Whether decode() applies clean_up_tokenization.
  virtual bool cleanUpSpaces() const { return true; }

  SpecialTokens m_special;
  PostTemplate m_template;
  int m_modelMaxLength = 0;
};

// transformers' clean_up_tokenization (" ." -> "." and friends).
std::string cleanUpTokenization(std::string text);

}  // namespace quarry::text
