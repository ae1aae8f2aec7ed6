#include "model/bilstm/TaggerVocabulary.h"

#include <algorithm>
#include <map>
#include <set>

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"

namespace quarry::model {

namespace {

constexpr const char* kFormat = "quarry-tagger-vocabulary";
constexpr int kVersion = 1;

// Calls fn(codePoint, bytes, size) per code point; codePoint is -1 for a byte that is not valid UTF-8.
template <typename Fn>
void forEachCodePoint(const std::string& s, Fn&& fn) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) {
      fn(-1, s.data() + i, size_t{1});
      ++i;
    } else {
      fn(static_cast<int32_t>(cp), s.data() + i, static_cast<size_t>(n));
      i += static_cast<size_t>(n);
    }
  }
}

bool isDigit(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 128) return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool isUpper(int32_t cp) {
  if (cp < 0) return false;
  const auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool isLower(int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

void appendCodePoint(std::string& out, int32_t cp) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string codePointString(int32_t cp) {
  std::string s;
  appendCodePoint(s, cp);
  return s;
}

}  // namespace

std::string TaggerVocabulary::normalizeWord(const std::string& word) {
  std::string out;
  out.reserve(word.size());
  forEachCodePoint(word, [&](int32_t cp, const char* bytes, size_t n) {
    if (cp < 0) {
      out.append(bytes, n);
    } else if (cp < 128) {
      char c = static_cast<char>(cp);
      if (c >= '0' && c <= '9')
        c = '0';
      else if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
    } else if (isDigit(cp)) {
      out.push_back('0');
    } else {
      appendCodePoint(out, utf8proc_tolower(cp));
    }
  });
  return out;
}

int64_t TaggerVocabulary::casingId(const std::string& word) {
  size_t total = 0, digits = 0, upper = 0, lower = 0;
  bool firstUpper = false;
  forEachCodePoint(word, [&](int32_t cp, const char*, size_t) {
    if (total == 0) firstUpper = isUpper(cp);
    ++total;
    if (isDigit(cp)) ++digits;
    if (isUpper(cp)) ++upper;
    if (isLower(cp)) ++lower;
  });
  if (total == 0) return kOther;
  if (digits == total) return kNumeric;
  if (2 * digits > total) return kMostlyNumeric;
  if (lower > 0 && upper == 0) return kAllLower;
  if (upper > 0 && lower == 0) return kAllUpper;
  if (firstUpper) return kInitialUpper;
  if (digits > 0) return kContainsDigit;
  return kOther;
}

TaggerVocabulary TaggerVocabulary::build(const std::vector<std::vector<std::string>>& sentences,
                                         int minWordCount, size_t maxWords) {
  std::unordered_map<std::string, int64_t> counts;
  std::set<int32_t> chars;
  for (const auto& sentence : sentences)
    for (const auto& w : sentence) {
      ++counts[normalizeWord(w)];
      forEachCodePoint(w, [&](int32_t cp, const char*, size_t) {
        if (cp >= 0) chars.insert(cp);
      });
    }
  std::vector<std::pair<std::string, int64_t>> ranked;
  for (auto& [w, n] : counts)
    if (n >= minWordCount) ranked.emplace_back(w, n);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (ranked.size() > maxWords) ranked.resize(maxWords);

  TaggerVocabulary v;
  for (auto& [w, n] : ranked) {
    v.m_wordIds.emplace(w, static_cast<int64_t>(v.m_words.size()) + 2);
    v.m_words.push_back(w);
  }
  for (int32_t cp : chars) {
    v.m_charIds.emplace(cp, static_cast<int64_t>(v.m_chars.size()) + 2);
    v.m_chars.push_back(cp);
  }
  return v;
}

int64_t TaggerVocabulary::wordId(const std::string& word) const {
  auto it = m_wordIds.find(normalizeWord(word));
  return it == m_wordIds.end() ? kUnk : it->second;
}

std::vector<int64_t> TaggerVocabulary::charIds(const std::string& word) const {
  std::vector<int64_t> ids;
  ids.reserve(word.size());
  forEachCodePoint(word, [&](int32_t cp, const char*, size_t) {
    auto it = cp < 0 ? m_charIds.end() : m_charIds.find(cp);
    ids.push_back(it == m_charIds.end() ? kUnk : it->second);
  });
  return ids;
}

std::string TaggerVocabulary::word(int64_t id) const {
  if (id == kPad) return "<pad>";
  if (id == kUnk) return "<unk>";
  return m_words.at(static_cast<size_t>(id - 2));
}

nlohmann::json TaggerVocabulary::toJson() const {
  nlohmann::json chars = nlohmann::json::array();
  for (int32_t cp : m_chars) chars.push_back(codePointString(cp));
  return nlohmann::json{{"format", kFormat}, {"version", kVersion}, {"words", m_words}, {"chars", chars}};
}

Result<TaggerVocabulary> TaggerVocabulary::fromJson(const nlohmann::json& json, const std::string& file) {
  if (!json.is_object()) return Error("expected a JSON object", file);
  if (!json.contains("format") || json["format"] != kFormat)
    return Error(std::string("not a tagger vocabulary (expected \"") + kFormat + "\")", file, 0, "format");
  if (!json.contains("version") || !json["version"].is_number_integer() ||
      json["version"].get<int>() != kVersion)
    return Error("unsupported version (expected " + std::to_string(kVersion) + ")", file, 0, "version");
  for (const char* key : {"words", "chars"})
    if (!json.contains(key) || !json[key].is_array()) return Error("missing or not an array", file, 0, key);

  TaggerVocabulary v;
  const auto& words = json["words"];
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string field = "words[" + std::to_string(i) + "]";
    if (!words[i].is_string()) return Error("expected a string", file, 0, field);
    const std::string w = words[i].get<std::string>();
    if (normalizeWord(w) != w)
      return Error(jsonSummary(words[i]) + " is not a normalised word", file, 0, field);
    if (!v.m_wordIds.emplace(w, static_cast<int64_t>(i) + 2).second)
      return Error(jsonSummary(words[i]) + " appears twice", file, 0, field);
    v.m_words.push_back(w);
  }
  const auto& chars = json["chars"];
  for (size_t i = 0; i < chars.size(); ++i) {
    const std::string field = "chars[" + std::to_string(i) + "]";
    if (!chars[i].is_string()) return Error("expected a string", file, 0, field);
    const std::string s = chars[i].get<std::string>();
    std::vector<int32_t> cps;
    forEachCodePoint(s, [&](int32_t cp, const char*, size_t) { cps.push_back(cp); });
    if (cps.size() != 1 || cps[0] < 0) return Error("expected exactly one character", file, 0, field);
    if (!v.m_charIds.emplace(cps[0], static_cast<int64_t>(i) + 2).second)
      return Error(jsonSummary(chars[i]) + " appears twice", file, 0, field);
    v.m_chars.push_back(cps[0]);
  }
  return v;
}

}  // namespace quarry::model
