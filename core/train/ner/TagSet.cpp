#include "train/ner/TagSet.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "common/JsonReader.h"

namespace quarry::train {

std::string tagEncodingName(TagEncoding encoding) {
  return encoding == TagEncoding::BIOES ? "bioes" : "iob2";
}

std::optional<TagEncoding> parseTagEncoding(std::string_view name) {
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "iob2" || lower == "bio") return TagEncoding::IOB2;
  if (lower == "bioes" || lower == "iobes") return TagEncoding::BIOES;
  return std::nullopt;
}

TagSet::TagSet(std::vector<std::string> entityTypes, TagEncoding encoding)
    : m_types(std::move(entityTypes)), m_encoding(encoding) {
  m_types.erase(std::remove(m_types.begin(), m_types.end(), std::string()), m_types.end());
  std::sort(m_types.begin(), m_types.end());
  m_types.erase(std::unique(m_types.begin(), m_types.end()), m_types.end());
  m_names.push_back("O");
  const char* prefixes = m_encoding == TagEncoding::BIOES ? "BIES" : "BI";
  for (const auto& t : m_types)
    for (const char* p = prefixes; *p; ++p) m_names.push_back(std::string(1, *p) + "-" + t);
}

const std::string& TagSet::name(int32_t id) const {
  return (id >= 0 && id < size()) ? m_names[static_cast<size_t>(id)] : m_names[0];
}

std::optional<int32_t> TagSet::id(std::string_view name) const {
  for (size_t i = 0; i < m_names.size(); ++i)
    if (m_names[i] == name) return static_cast<int32_t>(i);
  return std::nullopt;
}

std::optional<int32_t> TagSet::typeIndex(std::string_view type) const {
  const auto it = std::lower_bound(m_types.begin(), m_types.end(), type,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  if (it == m_types.end() || *it != type) return std::nullopt;
  return static_cast<int32_t>(it - m_types.begin());
}

namespace {
int32_t perType(TagEncoding e) { return e == TagEncoding::BIOES ? 4 : 2; }
}  // namespace

TagSet::Prefix TagSet::prefixOf(int32_t id) const {
  if (id <= 0 || id >= size()) return Prefix::O;
  switch ((id - 1) % perType(m_encoding)) {
    case 0:
      return Prefix::B;
    case 1:
      return Prefix::I;
    case 2:
      return Prefix::E;
    default:
      return Prefix::S;
  }
}

int32_t TagSet::typeOf(int32_t id) const {
  if (id <= 0 || id >= size()) return -1;
  return (id - 1) / perType(m_encoding);
}

int32_t TagSet::tagOf(Prefix p, int32_t type) const {
  if (p == Prefix::O) return 0;
  return 1 + type * perType(m_encoding) + (static_cast<int32_t>(p) - 1);
}

std::vector<int32_t> TagSet::encode(const std::vector<text::Span>& wordSpans,
                                    const std::vector<document::EntityMention>& mentionsOnWords) const {
  std::vector<int32_t> tags(wordSpans.size(), 0);
  for (const auto& m : mentionsOnWords) {
    const auto type = typeIndex(m.type);
    if (!type) continue;
    const auto first = std::lower_bound(wordSpans.begin(), wordSpans.end(), m.start,
                                        [](const text::Span& w, int32_t s) { return w.start < s; });
    auto last = first;
    while (last != wordSpans.end() && last->end <= m.end) ++last;
    const size_t a = static_cast<size_t>(first - wordSpans.begin());
    const size_t b = static_cast<size_t>(last - wordSpans.begin());
    if (a == b) continue;
    if (std::any_of(tags.begin() + static_cast<std::ptrdiff_t>(a),
                    tags.begin() + static_cast<std::ptrdiff_t>(b), [](int32_t t) { return t != 0; }))
      continue;
    const bool bioes = m_encoding == TagEncoding::BIOES;
    for (size_t w = a; w < b; ++w) {
      Prefix p = w == a ? Prefix::B : Prefix::I;
      if (bioes && b - a == 1)
        p = Prefix::S;
      else if (bioes && w + 1 == b)
        p = Prefix::E;
      tags[w] = tagOf(p, *type);
    }
  }
  return tags;
}

std::vector<std::pair<text::Span, std::string>> TagSet::decode(const std::vector<int32_t>& tagIds) const {
  std::vector<std::pair<text::Span, std::string>> out;
  int32_t openType = -1, openStart = 0;
  auto close = [&](int32_t end) {
    if (openType >= 0) out.push_back({{openStart, end}, m_types[static_cast<size_t>(openType)]});
    openType = -1;
  };
  for (int32_t i = 0; i < static_cast<int32_t>(tagIds.size()); ++i) {
    const int32_t id = tagIds[static_cast<size_t>(i)];
    const Prefix p = prefixOf(id);
    const int32_t type = typeOf(id);
    switch (p) {
      case Prefix::O:
        close(i);
        break;
      case Prefix::B:
        close(i);
        openType = type;
        openStart = i;
        break;
      case Prefix::I:
        if (openType != type) {
          close(i);
          openType = type;
          openStart = i;
        }
        break;
      case Prefix::E:
        if (openType != type) {
          close(i);
          openType = type;
          openStart = i;
        }
        close(i + 1);
        break;
      case Prefix::S:
        close(i);
        openType = type;
        openStart = i;
        close(i + 1);
        break;
    }
  }
  close(static_cast<int32_t>(tagIds.size()));
  return out;
}

std::vector<std::vector<bool>> TagSet::allowedTransitions() const {
  const int32_t n = size();
  std::vector<std::vector<bool>> allowed(static_cast<size_t>(n),
                                         std::vector<bool>(static_cast<size_t>(n), true));
  for (int32_t from = 0; from < n; ++from) {
    const Prefix pf = prefixOf(from);
    const bool inside = pf == Prefix::B || pf == Prefix::I;  // an entity is open after `from`
    for (int32_t to = 0; to < n; ++to) {
      const Prefix pt = prefixOf(to);
      const bool continues = pt == Prefix::I || pt == Prefix::E;
      bool ok = true;
      if (m_encoding == TagEncoding::IOB2) {
        ok = pt != Prefix::I || (inside && typeOf(from) == typeOf(to));
      } else {
        ok = inside ? (continues && typeOf(from) == typeOf(to)) : !continues;
      }
      allowed[static_cast<size_t>(from)][static_cast<size_t>(to)] = ok;
    }
  }
  return allowed;
}

std::vector<bool> TagSet::allowedStart() const {
  std::vector<bool> ok(static_cast<size_t>(size()));
  for (int32_t t = 0; t < size(); ++t) {
    const Prefix p = prefixOf(t);
    ok[static_cast<size_t>(t)] = p != Prefix::I && p != Prefix::E;
  }
  return ok;
}

std::vector<bool> TagSet::allowedEnd() const {
  std::vector<bool> ok(static_cast<size_t>(size()));
  for (int32_t t = 0; t < size(); ++t) {
    const Prefix p = prefixOf(t);
    ok[static_cast<size_t>(t)] = m_encoding == TagEncoding::IOB2 || (p != Prefix::B && p != Prefix::I);
  }
  return ok;
}

nlohmann::json TagSet::toJson() const {
  return {{"encoding", tagEncodingName(m_encoding)}, {"types", m_types}, {"tags", m_names}};
}

Result<TagSet> TagSet::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) return Error("a tag set must be a JSON object, got " + jsonSummary(json));
  const auto enc = json.find("encoding");
  if (enc == json.end() || !enc->is_string())
    return Error("missing or non-string \"encoding\" (iob2 or bioes)", "", 0, "encoding");
  const auto encoding = parseTagEncoding(enc->get<std::string>());
  if (!encoding)
    return Error("unknown tag encoding " + jsonSummary(*enc) + " (iob2 or bioes)", "", 0, "encoding");
  const auto types = json.find("types");
  if (types == json.end() || !types->is_array()) return Error("missing \"types\" array", "", 0, "types");
  // A CRF over the tags holds tags x tags weights: more types than any corpus has would only exhaust memory.
  constexpr std::size_t kMaxTypes = 1000;
  if (types->size() > kMaxTypes)
    return Error(std::to_string(types->size()) + " entity types, more than " + std::to_string(kMaxTypes), "",
                 0, "types");
  std::vector<std::string> names;
  for (const auto& t : *types) {
    if (!t.is_string() || t.get<std::string>().empty())
      return Error("every entity type must be a non-empty string, got " + jsonSummary(t), "", 0, "types");
    names.push_back(t.get<std::string>());
  }
  TagSet set(std::move(names), *encoding);
  if (set.types().size() != types->size()) return Error("entity types are repeated", "", 0, "types");
  if (const auto tags = json.find("tags"); tags != json.end() && *tags != nlohmann::json(set.m_names))
    return Error("\"tags\" (" + jsonSummary(*tags) + ") do not match encoding and types (expected " +
                     std::to_string(set.m_names.size()) + " tags, O then the types' tags in order)",
                 "", 0, "tags");
  return set;
}

}  // namespace quarry::train
