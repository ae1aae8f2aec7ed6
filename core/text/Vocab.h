#pragma once
// A token <-> id table, loaded from vocab.txt (one token per line) or vocab.json ({"token": id}).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/Error.h"
#include "text/Encoding.h"

namespace quarry::text {

class Vocab {
 public:
  // Ids are below this (an embedding table of more rows is not a plausible model).
  static constexpr TokenId kMaxTokens = 50'000'000;

  Vocab() = default;

  // vocab.txt as transformers reads it: line i (0-based, "\n" removed) has id i; a repeated line
  // keeps the id of its last occurrence.
  static Result<Vocab> fromTxt(const std::filesystem::path& file);
  // vocab.json: an object of token -> non-negative integer id.
  static Result<Vocab> fromJsonFile(const std::filesystem::path& file);
  // From a token -> id map (tokenizer.json's model.vocab); `source` names it in errors.
  static Result<Vocab> fromMap(std::unordered_map<std::string, TokenId> map, const std::string& source);

  std::optional<TokenId> find(std::string_view token) const;
  // The token of `id`, empty when no token has it.
  const std::string& token(TokenId id) const;
  // One past the largest id (the size of an embedding table for it).
  TokenId size() const { return static_cast<TokenId>(m_tokens.size()); }
  // Longest token, in bytes.
  size_t maxTokenBytes() const { return m_maxBytes; }
  const std::unordered_map<std::string, TokenId>& map() const { return m_ids; }

 private:
  void add(std::string token, TokenId id);

  std::unordered_map<std::string, TokenId> m_ids;
  std::vector<std::string> m_tokens;
  size_t m_maxBytes = 0;
};

}  // namespace quarry::text
