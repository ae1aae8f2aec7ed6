#include "text/SentencePieceTokenizer.h"

#include "text/Unicode.h"

namespace quarry::text {

namespace {
const char* const kUnderline = "\xE2\x96\x81";  // U+2581, SentencePiece's space
}

SentencePieceTokenizer::SentencePieceTokenizer(SentencePieceModel model, SentencePieceOptions options)
    : m_model(std::move(model)), m_options(options) {
  setUp();
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

Result<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::fromFile(
    const std::filesystem::path& model, SentencePieceOptions options) {
  auto m = SentencePieceModel::fromFile(model);
  if (!m) return m.error();
  return std::unique_ptr<SentencePieceTokenizer>(new SentencePieceTokenizer(std::move(m).value(), options));
}

Result<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::fromSerialized(
    const std::string& proto, SentencePieceOptions options, const std::string& source) {
  auto m = SentencePieceModel::fromSerialized(proto, source);
  if (!m) return m.error();
  return std::unique_ptr<SentencePieceTokenizer>(new SentencePieceTokenizer(std::move(m).value(), options));
}

void SentencePieceTokenizer::setUp() {
  auto& s = m_special;
  const auto& model = m_model;
  using K = TemplateItem::Kind;
  std::vector<AddedToken> added;
  if (m_options.style == SentencePieceStyle::XlmRoberta) {
    s.bos = s.cls = "<s>", s.pad = "<pad>", s.eos = s.sep = "</s>", s.unk = "<unk>", s.mask = "<mask>";
    s.bosId = s.clsId = 0, s.padId = 1, s.eosId = s.sepId = 2, s.unkId = 3;
    s.maskId = static_cast<TokenId>(model.pieceCount()) + 1;
    added = {{"<s>", 0, false, false, true},
             {"</s>", 2, false, false, true},
             {"<unk>", 3, false, false, true},
             {"<pad>", 1, false, false, true},
             {"<mask>", *s.maskId, true, false, true}};
    m_template.single = {{K::Special, 0, "<s>", 0}, {K::SequenceA, -1, {}, 0}, {K::Special, 2, "</s>", 0}};
    m_template.pair = {{K::Special, 0, "<s>", 0},  {K::SequenceA, -1, {}, 0}, {K::Special, 2, "</s>", 0},
                       {K::Special, 2, "</s>", 0}, {K::SequenceB, -1, {}, 0}, {K::Special, 2, "</s>", 0}};
  } else {
    s.cls = "[CLS]", s.sep = "[SEP]", s.pad = "[PAD]", s.unk = "[UNK]", s.mask = "[MASK]";
    auto idOf = [&model](const std::string& piece) -> TokenId {
      const int id = model.pieceToId(piece);
      return (id == model.unkId() && piece != model.idToPiece(model.unkId())) ? -1 : id;
    };
    s.clsId = idOf(s.cls), s.sepId = idOf(s.sep), s.padId = idOf(s.pad), s.unkId = model.unkId();
    const TokenId mask = idOf(s.mask);
    s.maskId = mask >= 0 ? mask : static_cast<TokenId>(model.pieceCount());
    for (const auto& [name, id] : std::vector<std::pair<std::string, TokenId>>{
             {s.cls, *s.clsId}, {s.sep, *s.sepId}, {s.unk, *s.unkId}, {s.pad, *s.padId}, {s.mask, *s.maskId}})
      if (id >= 0) added.push_back({name, id, false, false, true});
    m_template.single = {
        {K::Special, *s.clsId, s.cls, 0}, {K::SequenceA, -1, {}, 0}, {K::Special, *s.sepId, s.sep, 0}};
    m_template.pair = {{K::Special, *s.clsId, s.cls, 0},
                       {K::SequenceA, -1, {}, 0},
                       {K::Special, *s.sepId, s.sep, 0},
                       {K::SequenceB, -1, {}, 1},
                       {K::Special, *s.sepId, s.sep, 1}};
  }
  s.added = added;
  m_splitter = AddedTokenSplitter(std::move(added));
}

TokenId SentencePieceTokenizer::fromPieceId(int spmId) const {
  if (m_options.style == SentencePieceStyle::DebertaV2) return spmId;
  // fairseq: piece id + 1, the unknown piece (0) to <unk> (3), <s>/</s> to 0/2.
  if (spmId == m_model.unkId()) return 3;
  if (spmId == m_model.bosId()) return 0;
  if (spmId == m_model.eosId()) return 2;
  return static_cast<TokenId>(spmId) + 1;
}

TokenId SentencePieceTokenizer::vocabSize() const {
  const TokenId n = m_model.pieceCount();
  if (m_options.style == SentencePieceStyle::XlmRoberta) return n + 2;
  return std::max<TokenId>(n, *m_special.maskId + 1);
}

std::optional<TokenId> SentencePieceTokenizer::tokenToId(std::string_view token) const {
  if (const auto* a = m_splitter.find(token)) return a->id;
  const int id = m_model.pieceToId(token);
  if (id == m_model.unkId()) return std::nullopt;
  return fromPieceId(id);
}

std::string SentencePieceTokenizer::idToToken(TokenId id) const {
  for (const auto& a : m_splitter.tokens())
    if (a.id == id) return a.content;
  const TokenId spmId = m_options.style == SentencePieceStyle::XlmRoberta ? id - 1 : id;
  if (spmId < 0 || spmId >= m_model.pieceCount()) return m_special.unk;
  return m_model.idToPiece(static_cast<int>(spmId));
}

std::vector<Piece> SentencePieceTokenizer::tokenize(std::string_view text) const {
  const auto decoded = unicode::decodeUtf8(text);
  const auto& cps = decoded.cps;
  std::vector<Piece> out;
  int32_t word = -1;
  for (const auto& seg : m_splitter.split(cps, 0, static_cast<int32_t>(cps.size()))) {
    const uint32_t b0 = decoded.byteStart[static_cast<size_t>(seg.start)];
    const uint32_t b1 = decoded.byteStart[static_cast<size_t>(seg.end)];
    if (seg.added >= 0) {
      const auto& a = m_splitter.tokens()[static_cast<size_t>(seg.added)];
      Piece p;
      p.id = a.id, p.token = a.content, p.chars = {seg.start, seg.end};
      p.bytes = {static_cast<int32_t>(b0), static_cast<int32_t>(b1)};
      p.word = ++word;
      p.special = true;
      out.push_back(std::move(p));
      continue;
    }
    if (b1 == b0) continue;
    auto pieces = m_model.encode(text.substr(b0, b1 - b0));
    if (!pieces) continue;
    for (auto& sp : *pieces) {
      Piece p;
      p.token = std::move(sp.piece);
      p.id = fromPieceId(sp.id);
      uint32_t s = b0 + sp.begin, e = b0 + sp.end;
      while (s < e && unicode::isPythonSpace(static_cast<unsigned char>(text[s]))) ++s;
      if (s == e) s = b0 + sp.begin;
      if (e > s) {
        p.chars = {decoded.charOfByte(s), decoded.charOfByte(e - 1) + 1};
      } else {
        const int32_t c = decoded.charOfByte(s);
        p.chars = {c, c};
      }
      p.bytes = {static_cast<int32_t>(s), static_cast<int32_t>(e)};
      if (word < 0 || p.token.rfind(kUnderline, 0) == 0) ++word;
      p.word = word;
      out.push_back(std::move(p));
    }
  }
  return out;
}

std::string SentencePieceTokenizer::tokensToString(const std::vector<std::string>& tokens) const {
  std::string out;
  if (m_options.style == SentencePieceStyle::XlmRoberta) {
    for (const auto& t : tokens) out += t;
    std::string r;
    for (size_t i = 0; i < out.size();) {
      if (out.compare(i, 3, kUnderline) == 0) {
        r += ' ';
        i += 3;
      } else {
        r += out[i++];
      }
    }
    const size_t b = r.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return r.substr(b, r.find_last_not_of(' ') - b + 1);
  }
  // DeBERTa: pieces decoded by SentencePiece, special tokens kept and set apart by spaces.
  std::vector<std::string> run;
  auto flush = [&]() {
    if (run.empty()) return;
    auto decoded = m_model.decode(run);
    const std::string piece = decoded ? std::move(decoded).value() : std::string();
    if (!out.empty() && !piece.empty()) out += ' ';
    out += piece;
    run.clear();
  };
  for (const auto& t : tokens) {
    if (m_splitter.find(t)) {
      flush();
      if (!out.empty()) out += ' ';
      out += t;
    } else {
      run.push_back(t);
    }
  }
  flush();
  return out;
}

}  // namespace quarry::text
