// Every line of shared/fixtures/tokenization.jsonl (transformers 4.28.1 slow tokenizers) against
// Quarry's tokenizers: tokens, ids, token_type_ids, basic_tokens, decoded; the uncased tokenizer
// loaded from tokenizer.json; and the offset invariants.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include "SharedData.h"
#include "text/BertWordPieceTokenizer.h"
#include "text/ByteLevel.h"
#include "text/HfTokenizerJson.h"
#include "text/TokenizerFactory.h"
#include "text/Unicode.h"

using namespace quarry::text;
using nlohmann::json;

namespace {

int g_failures = 0;
int g_checks = 0;

template <typename A, typename B>
void expectEq(const A& actual, const B& expected, const std::string& what) {
  ++g_checks;
  if (json(actual) == json(expected)) return;
  ++g_failures;
  std::cout << "MISMATCH " << what << "\n  expected: " << json(expected).dump()
            << "\n  actual:   " << json(actual).dump() << "\n";
}

// The test's own normalisation (utf8proc directly): what BERT does to the characters inside a word.
std::u32string normalizeForBert(const std::u32string& s, bool uncased) {
  std::u32string out;
  for (char32_t c : s) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (c == 0 || c == 0xFFFD ||
        (c != '\t' && c != '\n' && c != '\r' &&
         (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CO ||
          cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CN)))
      continue;
    if (!uncased) {
      out.push_back(c);
      continue;
    }
    std::u32string lowered =
        (c == 0x130)
            ? std::u32string{U'i', 0x307}
            : std::u32string{static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)))};
    for (char32_t l : lowered) {
      utf8proc_int32_t buf[8];
      int last = 0;
      const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(l), buf, 8,
                                             static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &last);
      for (utf8proc_ssize_t k = 0; k < n; ++k)
        if (utf8proc_category(buf[k]) != UTF8PROC_CATEGORY_MN) out.push_back(static_cast<char32_t>(buf[k]));
    }
  }
  return out;
}

std::u32string u32(const std::string& s) {
  const auto d = unicode::decodeUtf8(s);
  return std::u32string(d.cps.begin(), d.cps.end());
}

std::string tokenBytes(const std::string& token) {
  std::string out;
  for (char32_t c : unicode::decodeUtf8(token).cps)
    out.push_back(static_cast<char>(bytelevel::unicodeToByte(c)));
  return out;
}

// BERT invariant: for every piece that is neither [UNK] nor a special token, the original characters
// at its offsets, normalised like BERT does, contain the piece without "##"; and for every word the
// pieces joined (without "##") equal the original characters of the word's span, normalised.
void checkBertOffsets(const Tokenizer& tok, bool uncased, const std::string& text, const std::string& label) {
  const auto pieces = tok.tokenize(text);
  const std::u32string orig = u32(text);
  std::map<int32_t, std::pair<std::u32string, Span>> words;
  std::map<int32_t, bool> hasUnk;
  for (const auto& p : pieces) {
    ++g_checks;
    if (p.chars.start < 0 || p.chars.end > static_cast<int32_t>(orig.size()) ||
        p.chars.start >= p.chars.end) {
      ++g_failures;
      std::cout << "BAD OFFSETS " << label << " token " << p.token << " [" << p.chars.start << ","
                << p.chars.end << ")\n";
      continue;
    }
    if (p.special) {
      expectEq(
          unicode::toUtf8(std::vector<char32_t>(orig.begin() + p.chars.start, orig.begin() + p.chars.end)),
          p.token, label + " special token offsets");
      continue;
    }
    if (p.token == "[UNK]") {
      hasUnk[p.word] = true;
      continue;
    }
    const std::u32string piece = u32(p.token.rfind("##", 0) == 0 ? p.token.substr(2) : p.token);
    const std::u32string span = normalizeForBert(
        orig.substr(static_cast<size_t>(p.chars.start), static_cast<size_t>(p.chars.end - p.chars.start)),
        uncased);
    if (span.find(piece) == std::u32string::npos) {
      ++g_failures;
      std::cout << "OFFSET MISMATCH " << label << " token '" << p.token << "' at [" << p.chars.start << ","
                << p.chars.end << ") normalises to '"
                << unicode::toUtf8(std::vector<char32_t>(span.begin(), span.end())) << "'\n";
    }
    auto& w = words[p.word];
    if (w.first.empty()) w.second = p.chars;
    w.first += piece;
    w.second.end = p.chars.end;
  }
  for (const auto& [id, w] : words) {
    if (hasUnk[id]) continue;
    const std::u32string span = normalizeForBert(
        orig.substr(static_cast<size_t>(w.second.start), static_cast<size_t>(w.second.end - w.second.start)),
        uncased);
    expectEq(unicode::toUtf8(std::vector<char32_t>(w.first.begin(), w.first.end())),
             unicode::toUtf8(std::vector<char32_t>(span.begin(), span.end())),
             label + " word " + std::to_string(id));
  }
}

// Byte-level invariant: every piece's bytes (leading spaces left out, as its offsets leave them out)
// are exactly the original bytes at its byte offsets, its code point offsets are the characters
// holding those bytes, and the pieces' bytes together are the whole text (when no <mask> ate a space).
void checkBpeOffsets(const Tokenizer& tok, const std::string& text, const std::string& label) {
  const auto pieces = tok.tokenize(text);
  const auto d = unicode::decodeUtf8(text);
  std::string all;
  for (const auto& p : pieces) {
    std::string bytes = p.special ? p.token : tokenBytes(p.token);
    all += bytes;
    const size_t lead = bytes.find_first_not_of(' ');
    if (lead != std::string::npos) bytes = bytes.substr(lead);
    expectEq(
        text.substr(static_cast<size_t>(p.bytes.start), static_cast<size_t>(p.bytes.end - p.bytes.start)),
        bytes, label + " bytes of '" + p.token + "'");
    expectEq(std::vector<int32_t>{p.chars.start, p.chars.end},
             std::vector<int32_t>{d.charOfByte(static_cast<uint32_t>(p.bytes.start)),
                                  d.charOfByte(static_cast<uint32_t>(p.bytes.end - 1)) + 1},
             label + " chars of '" + p.token + "'");
  }
  if (text.find("<mask>") == std::string::npos) expectEq(all, text, label + " pieces cover the text");
}

std::vector<std::string> tokensOf(const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces) out.push_back(p.token);
  return out;
}

}  // namespace

int main() {
  const auto fixtures = quarry::test::fixturesDir();
  const auto jsonl = fixtures / "tokenization.jsonl";
  if (!std::filesystem::exists(jsonl)) {
    std::cout << "SKIP: " << jsonl << " not found\n";
    return 77;
  }
  std::map<std::string, std::unique_ptr<Tokenizer>> tokenizers;
  for (const char* name : {"bert-base-uncased", "bert-base-cased", "roberta-base"}) {
    auto t = loadTokenizer(fixtures / "tokenizers" / name);
    if (!t) {
      std::cout << "FAIL: loading " << name << ": " << t.error().toString() << "\n";
      return 1;
    }
    tokenizers[name] = std::move(t.value());
  }
  auto fromJson = loadHfTokenizerJson(fixtures / "tokenizers" / "bert-base-uncased" / "tokenizer.json");
  if (!fromJson) {
    std::cout << "FAIL: tokenizer.json: " << fromJson.error().toString() << "\n";
    return 1;
  }

  std::ifstream in(jsonl);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    const json j = json::parse(line);
    ++lines;
    const std::string name = j["tokenizer"];
    const std::string text = j["text"];
    const std::string label = name + " text " + std::to_string(j["id"].get<int>());
    const Tokenizer& tok = *tokenizers.at(name);
    const bool isPair = j.contains("pair_text");
    const std::string pairText = isPair ? j["pair_text"].get<std::string>() : std::string();

    expectEq(tokensOf(tok.tokenize(text)), j["tokens"], label + " tokens");
    if (isPair) expectEq(tokensOf(tok.tokenize(pairText)), j["pair_tokens"], label + " pair_tokens");
    const Encoding enc = isPair ? tok.encode(text, std::string_view(pairText)) : tok.encode(text);
    expectEq(enc.ids, j["ids"], label + " ids");
    expectEq(enc.typeIds, j["token_type_ids"], label + " token_type_ids");
    expectEq(tok.decode(enc.ids), j["decoded"], label + " decoded");
    if (const auto* bert = dynamic_cast<const BertWordPieceTokenizer*>(&tok)) {
      expectEq(bert->basicTokenize(text), j["basic_tokens"], label + " basic_tokens");
      if (isPair)
        expectEq(bert->basicTokenize(pairText), j["pair_basic_tokens"], label + " pair_basic_tokens");
      checkBertOffsets(tok, bert->options().lowercase, text, label);
      if (name == "bert-base-uncased") {
        const Encoding e2 = isPair ? fromJson.value()->encode(text, std::string_view(pairText))
                                   : fromJson.value()->encode(text);
        expectEq(e2.ids, j["ids"], label + " ids from tokenizer.json");
        expectEq(e2.typeIds, j["token_type_ids"], label + " token_type_ids from tokenizer.json");
      }
    } else {
      checkBpeOffsets(tok, text, label);
    }
  }
  std::cout << lines << " fixture lines, " << g_checks << " checks, " << g_failures << " failures\n";
  if (lines != 297) {
    std::cout << "FAIL: expected 297 lines\n";
    return 1;
  }
  return g_failures == 0 ? 0 : 1;
}
