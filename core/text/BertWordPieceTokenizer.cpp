#include "text/BertWordPieceTokenizer.h"

#include "text/Unicode.h"

namespace quarry::text {

namespace {

BasicTokenizerOptions basicOptions(const BertOptions& o, bool withSpecials) {
  BasicTokenizerOptions b;
  b.cleanText = o.cleanText;
  b.tokenizeChineseChars = o.tokenizeChineseChars;
  b.lowercase = o.lowercase;
  b.stripAccents = o.stripAccents;
  b.neverSplit.insert(o.neverSplit.begin(), o.neverSplit.end());
  if (withSpecials) {
    for (const auto* s : {&o.unk, &o.sep, &o.pad, &o.cls, &o.mask})
      if (!s->empty()) b.neverSplit.insert(*s);
    for (const auto& a : o.extraAdded) b.neverSplit.insert(a.content);
  }
  return b;
}

}  // namespace

BertWordPieceTokenizer::BertWordPieceTokenizer(Vocab vocab, BertOptions options)
    : m_vocab(std::move(vocab)),
      m_options(std::move(options)),
      m_basic(basicOptions(m_options, false)),
      m_basicWithSpecials(basicOptions(m_options, true)),
      m_neverSplit(m_options.neverSplit.begin(), m_options.neverSplit.end()),
      m_wordPiece(&m_vocab, {m_options.unk, m_options.continuingPrefix, m_options.maxInputCharsPerWord}) {}

Result<std::unique_ptr<BertWordPieceTokenizer>> BertWordPieceTokenizer::create(Vocab vocab,
                                                                               BertOptions options,
                                                                               const std::string& source) {
  for (const auto* name : {&options.unk, &options.cls, &options.sep})
    if (!vocab.find(*name)) return Error("special token \"" + *name + "\" is not in the vocabulary", source);
  std::unique_ptr<BertWordPieceTokenizer> t(new BertWordPieceTokenizer(std::move(vocab), std::move(options)));
  const BertOptions& o = t->m_options;
  SpecialTokens& s = t->m_special;
  s.unk = o.unk;
  s.sep = o.sep;
  s.pad = o.pad;
  s.cls = o.cls;
  s.mask = o.mask;
  s.unkId = t->m_vocab.find(o.unk);
  s.sepId = t->m_vocab.find(o.sep);
  s.padId = o.pad.empty() ? std::nullopt : t->m_vocab.find(o.pad);
  s.clsId = t->m_vocab.find(o.cls);
  s.maskId = o.mask.empty() ? std::nullopt : t->m_vocab.find(o.mask);
  // The specials are plain strings in BertTokenizer, so transformers strips spaces on both sides.
  std::vector<AddedToken> added;
  for (const auto* name : {&o.unk, &o.sep, &o.pad, &o.cls, &o.mask}) {
    if (name->empty()) continue;
    auto id = t->m_vocab.find(*name);
    if (id) added.push_back({*name, *id, true, true, true});
  }
  for (const auto& a : o.extraAdded) {
    bool known = false;
    for (const auto& b : added) known = known || b.content == a.content;
    if (!known) added.push_back(a);
  }
  s.added = added;
  t->m_splitter = AddedTokenSplitter(std::move(added));
  const TokenId cls = *s.clsId, sep = *s.sepId;
  using K = TemplateItem::Kind;
  t->m_template.single = {
      {K::Special, cls, o.cls, 0}, {K::SequenceA, -1, {}, 0}, {K::Special, sep, o.sep, 0}};
  t->m_template.pair = {{K::Special, cls, o.cls, 0},
                        {K::SequenceA, -1, {}, 0},
                        {K::Special, sep, o.sep, 0},
                        {K::SequenceB, -1, {}, 1},
                        {K::Special, sep, o.sep, 1}};
  return t;
}

Result<std::unique_ptr<BertWordPieceTokenizer>> BertWordPieceTokenizer::fromVocabFile(
    const std::filesystem::path& vocabTxt, BertOptions options) {
  auto vocab = Vocab::fromTxt(vocabTxt);
  if (!vocab) return vocab.error();
  return create(std::move(vocab.value()), std::move(options), vocabTxt.string());
}

std::optional<TokenId> BertWordPieceTokenizer::tokenToId(std::string_view token) const {
  if (const auto* a = m_splitter.find(token)) return a->id;
  return m_vocab.find(token);
}

std::string BertWordPieceTokenizer::idToToken(TokenId id) const {
  for (const auto& a : m_splitter.tokens())
    if (a.id == id) return a.content;
  const std::string& t = m_vocab.token(id);
  return t.empty() && (id < 0 || id >= m_vocab.size()) ? m_options.unk : t;
}

void BertWordPieceTokenizer::appendWord(const NormalizedText& word, int32_t wordIndex,
                                        const std::vector<uint32_t>& byteStart,
                                        std::vector<Piece>& out) const {
  auto piece = [&](TokenId id, std::string token, size_t b, size_t e) {
    Piece p;
    p.id = id;
    p.token = std::move(token);
    p.chars = {word.origin[b], word.origin[e - 1] + 1};
    p.bytes = {static_cast<int32_t>(byteStart[static_cast<size_t>(p.chars.start)]),
               static_cast<int32_t>(byteStart[static_cast<size_t>(p.chars.end)])};
    p.word = wordIndex;
    out.push_back(std::move(p));
  };
  if (!m_neverSplit.empty()) {
    const std::string s = word.utf8();
    if (m_neverSplit.count(s)) {
      piece(m_vocab.find(s).value_or(*m_special.unkId), s, 0, word.size());
      return;
    }
  }
  for (auto& wp : m_wordPiece.split(word)) piece(wp.id, std::move(wp.token), wp.begin, wp.end);
}

std::vector<Piece> BertWordPieceTokenizer::tokenize(std::string_view text) const {
  const auto decoded = unicode::decodeUtf8(text);
  const auto& cps = decoded.cps;
  std::vector<Piece> out;
  int32_t wordIndex = 0;
  for (const auto& seg : m_splitter.split(cps, 0, static_cast<int32_t>(cps.size()))) {
    if (seg.added >= 0) {
      const auto& a = m_splitter.tokens()[static_cast<size_t>(seg.added)];
      Piece p;
      p.id = a.id;
      p.token = a.content;
      p.chars = {seg.start, seg.end};
      p.bytes = {static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(seg.start)]),
                 static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(seg.end)])};
      p.word = wordIndex++;
      p.special = a.special;
      out.push_back(std::move(p));
      continue;
    }
    // transformers lowercases the text one character at a time before the special-token split
    // (so no Final_Sigma there), then BasicTokenizer lowercases each word again.
    const NormalizedText norm = lowerEachChar(cps, seg.start, seg.end, m_options.lowercase);
    if (!m_options.doBasicTokenize) {
      NormalizedText word;
      for (size_t i = 0; i <= norm.size(); ++i) {
        if (i == norm.size() || unicode::isPythonSpace(norm.cps[i])) {
          if (!word.empty()) appendWord(word, wordIndex++, decoded.byteStart, out);
          word = {};
        } else {
          word.push(norm.cps[i], norm.origin[i]);
        }
      }
      continue;
    }
    for (const auto& word : m_basicWithSpecials.tokenize(norm))
      appendWord(word, wordIndex++, decoded.byteStart, out);
  }
  return out;
}

std::vector<std::string> BertWordPieceTokenizer::basicTokenize(std::string_view text) const {
  const auto decoded = unicode::decodeUtf8(text);
  NormalizedText norm;
  for (size_t i = 0; i < decoded.cps.size(); ++i) norm.push(decoded.cps[i], static_cast<int32_t>(i));
  std::vector<std::string> out;
  for (const auto& w : m_basic.tokenize(norm)) out.push_back(w.utf8());
  return out;
}

std::string BertWordPieceTokenizer::tokensToString(const std::vector<std::string>& tokens) const {
  std::string joined;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i) joined += ' ';
    joined += tokens[i];
  }
  const std::string needle = " " + m_options.continuingPrefix;
  std::string out;
  out.reserve(joined.size());
  size_t pos = 0;
  while (true) {
    const size_t hit = joined.find(needle, pos);
    if (hit == std::string::npos) {
      out.append(joined, pos, std::string::npos);
      break;
    }
    out.append(joined, pos, hit - pos);
    pos = hit + needle.size();
  }
  // str.strip(): Python whitespace at both ends.
  const auto d = unicode::decodeUtf8(out);
  size_t b = 0, e = d.cps.size();
  while (b < e && unicode::isPythonSpace(d.cps[b])) ++b;
  while (e > b && unicode::isPythonSpace(d.cps[e - 1])) --e;
  return out.substr(d.byteStart[b], d.byteStart[e] - d.byteStart[b]);
}

}  // namespace quarry::text
