#include "text/Vocab.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/FileCheck.h"
#include "common/JsonReader.h"
#include "text/Unicode.h"

namespace quarry::text {

namespace {
const std::string kEmpty;
}

void Vocab::add(std::string token, TokenId id) {
  if (static_cast<size_t>(id) >= m_tokens.size()) m_tokens.resize(static_cast<size_t>(id) + 1);
  m_maxBytes = std::max(m_maxBytes, token.size());
  m_tokens[static_cast<size_t>(id)] = token;
  m_ids[std::move(token)] = id;
}

Result<Vocab> Vocab::fromTxt(const std::filesystem::path& file) {
  if (Status s = requireRegularFile(file); !s) return s.error();
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error("cannot open the vocabulary", file.string());
  Vocab v;
  std::string line;
  TokenId id = 0;
  while (std::getline(in, line)) {
    // transformers opens vocab.txt as UTF-8 and fails on anything else.
    if (!unicode::isValidUtf8(line)) return Error("the line is not valid UTF-8", file.string(), id + 1);
    if (id >= kMaxTokens)
      return Error("more than " + std::to_string(kMaxTokens) + " tokens", file.string(), id + 1);
    v.add(line, id++);
  }
  if (in.bad()) return Error("cannot read the vocabulary", file.string());
  if (id == 0) return Error("the vocabulary is empty", file.string());
  return v;
}

Result<Vocab> Vocab::fromJsonFile(const std::filesystem::path& file) {
  auto json = readJsonFile(file);
  if (!json) return json.error();
  if (!json->is_object()) return Error("expected a JSON object of token -> id", file.string());
  std::unordered_map<std::string, TokenId> map;
  for (const auto& [key, value] : json->items()) {
    if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() >= kMaxTokens)
      return Error("the id of a token must be an integer in [0, " + std::to_string(kMaxTokens) + "), got " +
                       jsonSummary(value),
                   file.string(), 0, key);
    map[key] = value.get<TokenId>();
  }
  return fromMap(std::move(map), file.string());
}

Result<Vocab> Vocab::fromMap(std::unordered_map<std::string, TokenId> map, const std::string& source) {
  if (map.empty()) return Error("the vocabulary is empty", source);
  Vocab v;
  for (auto& [token, id] : map) {
    if (id < 0 || id >= kMaxTokens) return Error("token id out of range", source, 0, token);
    v.add(token, id);
  }
  return v;
}

std::optional<TokenId> Vocab::find(std::string_view token) const {
  // C++17 unordered_map has no heterogeneous lookup; callers on hot paths reuse a buffer.
  auto it = m_ids.find(std::string(token));
  if (it == m_ids.end()) return std::nullopt;
  return it->second;
}

const std::string& Vocab::token(TokenId id) const {
  if (id < 0 || static_cast<size_t>(id) >= m_tokens.size()) return kEmpty;
  return m_tokens[static_cast<size_t>(id)];
}

}  // namespace quarry::text
