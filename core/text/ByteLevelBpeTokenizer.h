#pragma once
// GPT-2 / RoBERTa byte-level BPE, exactly as transformers 4.28's slow RobertaTokenizer: special strings
// kept whole (<mask> eats the space before it), GPT-2 pre-tokenisation, byte-to-unicode, BPE merges.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "text/AddedTokenSplitter.h"
#include "text/BpeModel.h"
#include "text/Tokenizer.h"
#include "text/Vocab.h"

namespace quarry::text {

struct ByteLevelBpeOptions {
  bool addPrefixSpace = false;  // prepend a space to the text (add_prefix_space)
  bool trimOffsets = true;      // offsets leave out the leading space of "Ġword" pieces
  bool robertaTemplate = true;  // <s> A </s></s> B </s>; false = GPT-2 (no template tokens)
  std::string bos = "<s>", eos = "</s>", sep = "</s>", cls = "<s>", unk = "<unk>", pad = "<pad>",
              mask = "<mask>";         // special token strings; empty = none
  bool maskLstrip = true;              // <mask> eats the whitespace before it
  std::vector<AddedToken> extraAdded;  // further added tokens (tokenizer.json added_tokens)
};

class ByteLevelBpeTokenizer : public Tokenizer {
 public:
  // Fails when a special token the template needs is not in the vocabulary.
  static Result<std::unique_ptr<ByteLevelBpeTokenizer>> create(
      Vocab vocab, const std::vector<std::pair<std::string, std::string>>& merges,
      ByteLevelBpeOptions options, const std::string& source);
  // vocab.json + merges.txt.
  static Result<std::unique_ptr<ByteLevelBpeTokenizer>> fromFiles(const std::filesystem::path& vocabJson,
                                                                  const std::filesystem::path& mergesTxt,
                                                                  ByteLevelBpeOptions options);
  // merges.txt: an optional "#version" first line, then "left right" per line.
  static Result<std::vector<std::pair<std::string, std::string>>> readMerges(
      const std::filesystem::path& file);

  std::string kind() const override { return "byte-level-bpe"; }
  std::vector<Piece> tokenize(std::string_view text) const override;
  TokenId vocabSize() const override { return m_vocab.size(); }
  std::optional<TokenId> tokenToId(std::string_view token) const override;
  std::string idToToken(TokenId id) const override;

  const ByteLevelBpeOptions& options() const { return m_options; }

 protected:
  std::string tokensToString(const std::vector<std::string>& tokens) const override;
  std::vector<Piece> tokenizeWord(std::string_view word) const override;

 private:
  ByteLevelBpeTokenizer(Vocab vocab, const std::vector<std::pair<std::string, std::string>>& merges,
                        ByteLevelBpeOptions options);
  std::vector<Piece> tokenizeImpl(std::string_view text, bool prefixSpace) const;

  Vocab m_vocab;
  BpeModel m_bpe;
  ByteLevelBpeOptions m_options;
  AddedTokenSplitter m_splitter;
  TokenId m_unkId = -1;
};

}  // namespace quarry::text
