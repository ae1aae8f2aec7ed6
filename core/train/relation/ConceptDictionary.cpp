#include "train/relation/ConceptDictionary.h"

#include <cctype>

#include "text/Unicode.h"

namespace quarry::train {

std::string ConceptDictionary::key(const std::string& text, const std::string& type) {
  std::string out = type + '\t';
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && out.back() != '\t') out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

ConceptDictionary ConceptDictionary::build(const std::vector<document::AnnotatedDocument>& documents) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& d : documents) {
    const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(d.text);
    for (const auto& m : d.entities)
      if (!m.conceptId.empty() && m.conceptId != "-1") ++counts[key(std::string(decoded.slice(d.text, m.start, m.end)), m.type)][m.conceptId];
  }
  ConceptDictionary out;
  for (const auto& [k, byConcept] : counts) {
    const std::pair<const std::string, int>* best = nullptr;
    for (const auto& entry : byConcept)
      if (!best || entry.second > best->second) best = &entry;  // ties: the first id in order
    out.m_concepts[k] = best->first;
  }
  return out;
}

std::string ConceptDictionary::conceptOf(const std::string& text, const std::string& type) const {
  auto it = m_concepts.find(key(text, type));
  return it == m_concepts.end() ? std::string() : it->second;
}

void ConceptDictionary::link(const document::AnnotatedDocument& document, std::vector<document::EntityMention>& mentions) const {
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(document.text);
  for (auto& m : mentions)
    if (m.conceptId.empty()) m.conceptId = conceptOf(std::string(decoded.slice(document.text, m.start, m.end)), m.type);
}

nlohmann::json ConceptDictionary::toJson() const {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& [k, c] : m_concepts) {
    const size_t tab = k.find('\t');
    entries.push_back({{"type", k.substr(0, tab)}, {"text", k.substr(tab + 1)}, {"concept", c}});
  }
  return {{"format", "quarry-concept-dictionary"}, {"version", 1}, {"entries", entries}};
}

Result<ConceptDictionary> ConceptDictionary::fromJson(const nlohmann::json& json, const std::string& source) {
  if (!json.is_object() || json.value("format", "") != "quarry-concept-dictionary")
    return Error("not a Quarry concept dictionary", source, 0, "format");
  const auto entries = json.find("entries");
  if (entries == json.end() || !entries->is_array()) return Error("expected a list", source, 0, "entries");
  ConceptDictionary out;
  for (size_t i = 0; i < entries->size(); ++i) {
    const auto& e = (*entries)[i];
    if (!e.is_object() || !e.value("type", nlohmann::json()).is_string() || !e.value("text", nlohmann::json()).is_string() ||
        !e.value("concept", nlohmann::json()).is_string())
      return Error("expected {type, text, concept} strings", source, 0, "entries[" + std::to_string(i) + "]");
    out.m_concepts[key(e["text"].get<std::string>(), e["type"].get<std::string>())] = e["concept"].get<std::string>();
  }
  return out;
}

}  // namespace quarry::train
