#include "text/ByteLevelBpeTokenizer.h"

#include <fstream>

#include "common/FileCheck.h"
#include "text/ByteLevel.h"
#include "text/Unicode.h"

namespace quarry::text {

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(Vocab vocab,
                                             const std::vector<std::pair<std::string, std::string>>& merges,
                                             ByteLevelBpeOptions options)
    : m_vocab(std::move(vocab)), m_bpe(merges), m_options(std::move(options)) {}

Result<std::vector<std::pair<std::string, std::string>>> ByteLevelBpeTokenizer::readMerges(
    const std::filesystem::path& file) {
  if (Status s = requireRegularFile(file); !s) return s.error();
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error("cannot open the merges", file.string());
  std::vector<std::pair<std::string, std::string>> merges;
  std::string line;
  long lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!unicode::isValidUtf8(line)) return Error("the line is not valid UTF-8", file.string(), lineNo);
    if (lineNo == 1 && line.rfind("#version", 0) == 0) continue;
    if (line.empty()) continue;
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0 || line.find(' ', space + 1) != std::string::npos)
      return Error("expected two symbols separated by one space", file.string(), lineNo);
    merges.emplace_back(line.substr(0, space), line.substr(space + 1));
  }
  if (in.bad()) return Error("cannot read the merges", file.string());
  return merges;
}

Result<std::unique_ptr<ByteLevelBpeTokenizer>> ByteLevelBpeTokenizer::create(
    Vocab vocab, const std::vector<std::pair<std::string, std::string>>& merges, ByteLevelBpeOptions options,
    const std::string& source) {
  if (options.robertaTemplate)
    for (const auto* name : {&options.cls, &options.sep})
      if (!vocab.find(*name))
        return Error("special token \"" + *name + "\" is not in the vocabulary", source);
  std::unique_ptr<ByteLevelBpeTokenizer> t(
      new ByteLevelBpeTokenizer(std::move(vocab), merges, std::move(options)));
  const auto& o = t->m_options;
  SpecialTokens& s = t->m_special;
  auto id = [&t](const std::string& name) -> std::optional<TokenId> {
    return name.empty() ? std::nullopt : t->m_vocab.find(name);
  };
  s.bos = o.bos, s.eos = o.eos, s.sep = o.sep, s.cls = o.cls, s.unk = o.unk, s.pad = o.pad, s.mask = o.mask;
  s.bosId = id(o.bos), s.eosId = id(o.eos), s.sepId = id(o.sep), s.clsId = id(o.cls);
  s.unkId = id(o.unk), s.padId = id(o.pad), s.maskId = id(o.mask);
  t->m_unkId = s.unkId.value_or(-1);
  // transformers' all_special_tokens order: bos, eos, unk, sep, pad, cls, mask.
  std::vector<AddedToken> added;
  for (const auto* name : {&o.bos, &o.eos, &o.unk, &o.sep, &o.pad, &o.cls, &o.mask}) {
    if (name->empty() || !t->m_vocab.find(*name)) continue;
    bool known = false;
    for (const auto& a : added) known = known || a.content == *name;
    if (known) continue;
    const bool lstrip = (*name == o.mask) && o.maskLstrip;
    added.push_back({*name, *t->m_vocab.find(*name), lstrip, false, true});
  }
  for (const auto& a : o.extraAdded) {
    bool known = false;
    for (auto& b : added)
      if (b.content == a.content) {
        b = a;
        known = true;
      }
    if (!known) added.push_back(a);
  }
  s.added = added;
  t->m_splitter = AddedTokenSplitter(std::move(added));
  if (o.robertaTemplate) {
    using K = TemplateItem::Kind;
    const TokenId cls = *s.clsId, sep = *s.sepId;
    t->m_template.single = {
        {K::Special, cls, o.cls, 0}, {K::SequenceA, -1, {}, 0}, {K::Special, sep, o.sep, 0}};
    t->m_template.pair = {{K::Special, cls, o.cls, 0}, {K::SequenceA, -1, {}, 0},
                          {K::Special, sep, o.sep, 0}, {K::Special, sep, o.sep, 0},
                          {K::SequenceB, -1, {}, 0},   {K::Special, sep, o.sep, 0}};
  } else {
    t->m_template.single = {{TemplateItem::Kind::SequenceA, -1, {}, 0}};
    t->m_template.pair = {{TemplateItem::Kind::SequenceA, -1, {}, 0},
                          {TemplateItem::Kind::SequenceB, -1, {}, 0}};
  }
  return t;
}

Result<std::unique_ptr<ByteLevelBpeTokenizer>> ByteLevelBpeTokenizer::fromFiles(
    const std::filesystem::path& vocabJson, const std::filesystem::path& mergesTxt,
    ByteLevelBpeOptions options) {
  auto vocab = Vocab::fromJsonFile(vocabJson);
  if (!vocab) return vocab.error();
  auto merges = readMerges(mergesTxt);
  if (!merges) return merges.error();
  return create(std::move(vocab.value()), merges.value(), std::move(options), vocabJson.string());
}

std::optional<TokenId> ByteLevelBpeTokenizer::tokenToId(std::string_view token) const {
  if (const auto* a = m_splitter.find(token)) return a->id;
  return m_vocab.find(token);
}

std::string ByteLevelBpeTokenizer::idToToken(TokenId id) const {
  for (const auto& a : m_splitter.tokens())
    if (a.id == id) return a.content;
  const std::string& t = m_vocab.token(id);
  return t.empty() && (id < 0 || id >= m_vocab.size()) ? m_options.unk : t;
}

std::vector<Piece> ByteLevelBpeTokenizer::tokenize(std::string_view text) const {
  return tokenizeImpl(text, m_options.addPrefixSpace);
}

std::vector<Piece> ByteLevelBpeTokenizer::tokenizeWord(std::string_view word) const {
  return tokenizeImpl(word, true);
}

std::vector<Piece> ByteLevelBpeTokenizer::tokenizeImpl(std::string_view text, bool prefixSpace) const {
  // prepare_for_tokenization: a space in front unless the text is empty or starts with whitespace.
  // The added space is code point -1 of the original text; its offsets collapse onto position 0.
  std::string buffer;
  int shift = 0;
  if (prefixSpace && !text.empty()) {
    const auto first = unicode::decodeUtf8(text.substr(0, std::min<size_t>(4, text.size())));
    if (!first.cps.empty() && !unicode::isPythonSpace(first.cps[0])) {
      buffer = " ";
      buffer.append(text);
      text = buffer;
      shift = 1;
    }
  }
  const auto decoded = unicode::decodeUtf8(text);
  const auto& cps = decoded.cps;
  const auto& b2u = bytelevel::byteToUnicode();
  auto toChar = [shift](int32_t c) { return std::max(0, c - shift); };
  std::vector<Piece> out;
  int32_t word = 0;
  std::vector<std::string> units;
  for (const auto& seg : m_splitter.split(cps, 0, static_cast<int32_t>(cps.size()))) {
    if (seg.added >= 0) {
      const auto& a = m_splitter.tokens()[static_cast<size_t>(seg.added)];
      Piece p;
      p.id = a.id;
      p.token = a.content;
      p.chars = {toChar(seg.start), toChar(seg.end)};
      p.bytes = {static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(seg.start)]) - shift,
                 static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(seg.end)]) - shift};
      p.word = word++;
      p.special = a.special;
      out.push_back(std::move(p));
      continue;
    }
    for (const auto& [s, e] : bytelevel::preTokenize(cps, seg.start, seg.end)) {
      const uint32_t b0 = decoded.byteStart[static_cast<size_t>(s)];
      const uint32_t b1 = decoded.byteStart[static_cast<size_t>(e)];
      units.clear();
      for (uint32_t b = b0; b < b1; ++b) units.push_back(b2u[static_cast<unsigned char>(text[b])]);
      uint32_t at = b0;
      for (auto& sym : m_bpe.apply(units)) {
        Piece p;
        p.id = m_vocab.find(sym.text).value_or(m_unkId);
        uint32_t start = at;
        const uint32_t end = at + sym.units;
        if (m_options.trimOffsets) {
          uint32_t k = start;
          while (k < end && text[k] == ' ') ++k;
          if (k < end) start = k;
        }
        p.token = std::move(sym.text);
        const int32_t c0 = decoded.charOfByte(start);
        const int32_t c1 = decoded.charOfByte(end - 1) + 1;
        p.chars = {toChar(c0), toChar(c1)};
        p.bytes = {std::max(0, static_cast<int32_t>(start) - shift),
                   std::max(0, static_cast<int32_t>(end) - shift)};
        p.word = word;
        out.push_back(std::move(p));
        at = end;
      }
      ++word;
    }
  }
  return out;
}

std::string ByteLevelBpeTokenizer::tokensToString(const std::vector<std::string>& tokens) const {
  std::string joined;
  for (const auto& t : tokens) joined += t;
  std::string bytes;
  bytes.reserve(joined.size());
  const auto d = unicode::decodeUtf8(joined);
  for (size_t i = 0; i < d.cps.size(); ++i) {
    const int b = bytelevel::unicodeToByte(d.cps[i]);
    if (b >= 0) {
      bytes.push_back(static_cast<char>(b));
    } else {
      bytes.append(joined, d.byteStart[i], d.byteStart[i + 1] - d.byteStart[i]);
    }
  }
  return unicode::repairUtf8(bytes);
}

}  // namespace quarry::text
