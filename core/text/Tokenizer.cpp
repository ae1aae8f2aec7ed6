#include "text/Tokenizer.h"

#include <algorithm>

#include "common/Log.h"
#include "text/Unicode.h"

namespace quarry::text {

namespace {

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Window starts over n tokens, `keep` per window, the next starting `stride` before the previous end.
std::vector<std::pair<size_t, size_t>> windowRanges(size_t n, size_t keep, int stride) {
  if (keep == 0) keep = 1;
  size_t s = static_cast<size_t>(std::max(0, stride));
  if (s >= keep) s = keep - 1;
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (true) {
    const size_t end = std::min(n, start + keep);
    out.emplace_back(start, end);
    if (end >= n) break;
    start = end - s;
  }
  return out;
}

std::vector<Piece> slice(const std::vector<Piece>& v, std::pair<size_t, size_t> r) {
  return std::vector<Piece>(v.begin() + static_cast<std::ptrdiff_t>(r.first),
                            v.begin() + static_cast<std::ptrdiff_t>(r.second));
}

}  // namespace

int PostTemplate::specialCount(bool isPair) const {
  const auto& items = isPair ? pair : single;
  return static_cast<int>(std::count_if(items.begin(), items.end(), [](const TemplateItem& i) {
    return i.kind == TemplateItem::Kind::Special;
  }));
}

std::string cleanUpTokenization(std::string text) {
  static const std::pair<std::string_view, std::string_view> kRules[] = {
      {" .", "."},     {" ?", "?"},   {" !", "!"},   {" ,", ","},     {" ' ", "'"},
      {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
  for (const auto& [from, to] : kRules) replaceAll(text, from, to);
  return text;
}

Encoding Tokenizer::assemble(const std::vector<Piece>& a, const std::vector<Piece>* b,
                             bool addSpecialTokens) const {
  Encoding e;
  const size_t n = a.size() + (b ? b->size() : 0) + 4;
  e.ids.reserve(n);
  auto pushPiece = [&e](const Piece& p, TokenId type, int seq) {
    e.ids.push_back(p.id);
    e.tokens.push_back(p.token);
    e.offsets.push_back(p.chars);
    e.typeIds.push_back(type);
    e.specialTokensMask.push_back(0);
    e.attentionMask.push_back(1);
    e.wordIds.push_back(p.word);
    e.sequenceIds.push_back(seq);
  };
  if (!addSpecialTokens) {
    for (const auto& p : a) pushPiece(p, 0, 0);
    if (b)
      for (const auto& p : *b) pushPiece(p, 0, 1);
    return e;
  }
  for (const auto& item : (b ? m_template.pair : m_template.single)) {
    switch (item.kind) {
      case TemplateItem::Kind::Special:
        e.ids.push_back(item.id);
        e.tokens.push_back(item.token);
        e.offsets.push_back({0, 0});
        e.typeIds.push_back(item.typeId);
        e.specialTokensMask.push_back(1);
        e.attentionMask.push_back(1);
        e.wordIds.push_back(-1);
        e.sequenceIds.push_back(-1);
        break;
      case TemplateItem::Kind::SequenceA:
        for (const auto& p : a) pushPiece(p, item.typeId, 0);
        break;
      case TemplateItem::Kind::SequenceB:
        if (b)
          for (const auto& p : *b) pushPiece(p, item.typeId, 1);
        break;
    }
  }
  return e;
}

static Encoding encodePieces(const Tokenizer& tok, const std::vector<Piece>& a, const std::vector<Piece>* b,
                             const EncodeOptions& opt) {
  const bool isPair = b != nullptr;
  const int numSpecial = opt.addSpecialTokens ? tok.postTemplate().specialCount(isPair) : 0;
  const size_t lenA = a.size(), lenB = b ? b->size() : 0;
  const long total = static_cast<long>(lenA + lenB) + numSpecial;
  if (opt.maxLength <= 0 || total <= opt.maxLength) return tok.assemble(a, b, opt.addSpecialTokens);
  const size_t remove = static_cast<size_t>(total - opt.maxLength);
  auto log = quarry::log::get("text");

  if (isPair && opt.truncation == Truncation::LongestFirst) {
    if (opt.returnOverflowing)
      log->warn("overflowing tokens are not returned for pairs truncated with longest_first");
    // transformers 4.28 truncate_sequences, longest_first.
    const size_t diff = lenA > lenB ? lenA - lenB : lenB - lenA;
    const size_t firstRemove = std::min(diff, remove);
    const size_t secondRemove = remove - firstRemove;
    size_t fromA = 0, fromB = 0;
    if (lenA > lenB) {
      fromA = firstRemove + secondRemove / 2;
      fromB = secondRemove - secondRemove / 2;
    } else {
      fromA = secondRemove / 2;
      fromB = firstRemove + secondRemove - secondRemove / 2;
    }
    fromA = std::min(fromA, lenA);
    fromB = std::min(fromB, lenB);
    const auto ca = slice(a, {0, lenA - fromA});
    const auto cb = slice(*b, {0, lenB - fromB});
    return tok.assemble(ca, &cb, opt.addSpecialTokens);
  }
  const bool cutSecond = opt.truncation == Truncation::OnlySecond;
  if (cutSecond && !isPair) {
    log->error("truncation only_second needs a pair of sequences; not truncated");
    return tok.assemble(a, b, opt.addSpecialTokens);
  }
  const std::vector<Piece>& x = cutSecond ? *b : a;
  if (x.size() <= remove) {
    log->error("cannot truncate to {} tokens: the {} sequence has {} tokens and {} must go", opt.maxLength,
               cutSecond ? "second" : "first", x.size(), remove);
    return tok.assemble(a, b, opt.addSpecialTokens);
  }
  const auto ranges = windowRanges(x.size(), x.size() - remove, opt.stride);
  Encoding first;
  for (size_t w = 0; w < ranges.size(); ++w) {
    const auto part = slice(x, ranges[w]);
    Encoding e = cutSecond ? tok.assemble(a, &part, opt.addSpecialTokens)
                           : tok.assemble(part, b, opt.addSpecialTokens);
    if (w == 0) {
      first = std::move(e);
      if (!opt.returnOverflowing) break;
    } else {
      first.overflowing.push_back(std::move(e));
    }
  }
  return first;
}

Encoding Tokenizer::encode(std::string_view text, std::optional<std::string_view> pair,
                           const EncodeOptions& options) const {
  const auto a = tokenize(text);
  if (!pair) return encodePieces(*this, a, nullptr, options);
  const auto b = tokenize(*pair);
  return encodePieces(*this, a, &b, options);
}

Encoding Tokenizer::encodeWords(const std::vector<std::string>& words, const EncodeOptions& options) const {
  std::vector<Piece> all;
  int32_t charBase = 0, byteBase = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    for (Piece p : tokenizeWord(words[w])) {
      p.chars.start += charBase;
      p.chars.end += charBase;
      p.bytes.start += byteBase;
      p.bytes.end += byteBase;
      p.word = static_cast<int32_t>(w);
      all.push_back(std::move(p));
    }
    charBase += static_cast<int32_t>(unicode::decodeUtf8(words[w]).cps.size()) + 1;
    byteBase += static_cast<int32_t>(words[w].size()) + 1;
  }
  return encodePieces(*this, all, nullptr, options);
}

TokenId Tokenizer::idLimit() const {
  TokenId limit = vocabSize();
  for (const AddedToken& a : m_special.added) limit = std::max(limit, a.id + 1);
  for (TokenId id : m_special.allIds()) limit = std::max(limit, id + 1);
  for (const auto* items : {&m_template.single, &m_template.pair})
    for (const TemplateItem& i : *items)
      if (i.kind == TemplateItem::Kind::Special) limit = std::max(limit, i.id + 1);
  return limit;
}

TokenId Tokenizer::typeIdLimit() const {
  TokenId limit = 1;
  for (const auto* items : {&m_template.single, &m_template.pair})
    for (const TemplateItem& i : *items) limit = std::max(limit, i.typeId + 1);
  return limit;
}

std::vector<Encoding> Tokenizer::windows(std::string_view text, int maxLength, int stride) const {
  const auto pieces = tokenize(text);
  const int capacity = std::max(1, maxLength - m_template.specialCount(false));
  std::vector<Encoding> out;
  for (const auto& r : windowRanges(pieces.size(), static_cast<size_t>(capacity), stride)) {
    const auto part = slice(pieces, r);
    out.push_back(assemble(part, nullptr, true));
  }
  return out;
}

std::string Tokenizer::decode(const std::vector<TokenId>& ids, bool skipSpecialTokens) const {
  const auto specials = m_special.allIds();
  std::vector<std::string> tokens;
  tokens.reserve(ids.size());
  for (TokenId id : ids) {
    if (skipSpecialTokens && std::binary_search(specials.begin(), specials.end(), id)) continue;
    tokens.push_back(idToToken(id));
  }
  std::string text = tokensToString(tokens);
  return cleanUpSpaces() ? cleanUpTokenization(std::move(text)) : text;
}

}  // namespace quarry::text
