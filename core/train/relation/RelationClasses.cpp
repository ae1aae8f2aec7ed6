#include "train/relation/RelationClasses.h"

#include <set>

#include "common/JsonReader.h"

namespace quarry::train {

RelationClasses::RelationClasses(std::vector<document::RelationTypeSpec> types) : m_specs(std::move(types)) {
  m_names = {kNoRelation};
  m_types = {""};
  m_firstIsHead = {1};
  m_directed = {0};
  for (const document::RelationTypeSpec& t : m_specs) {
    if (t.directed) {
      for (bool forward : {true, false}) {
        m_names.push_back(t.name + (forward ? "(e1,e2)" : "(e2,e1)"));
        m_types.push_back(t.name);
        m_firstIsHead.push_back(forward ? 1 : 0);
        m_directed.push_back(1);
      }
    } else {
      m_names.push_back(t.name);
      m_types.push_back(t.name);
      m_firstIsHead.push_back(1);
      m_directed.push_back(0);
    }
  }
}

int32_t RelationClasses::classOf(const std::string& type, bool firstIsHead) const {
  for (size_t i = 1; i < m_names.size(); ++i)
    if (m_types[i] == type && (!m_directed[i] || (m_firstIsHead[i] != 0) == firstIsHead)) return static_cast<int32_t>(i);
  return -1;
}

std::vector<std::string> RelationClasses::typeNames() const {
  std::vector<std::string> out;
  for (const auto& t : m_specs) out.push_back(t.name);
  return out;
}

const document::RelationTypeSpec* RelationClasses::type(const std::string& name) const {
  for (const auto& t : m_specs)
    if (t.name == name) return &t;
  return nullptr;
}

bool RelationClasses::mayRelate(const std::string& firstType, const std::string& secondType) const {
  for (const auto& t : m_specs)
    if (t.allows(firstType, secondType) || t.allows(secondType, firstType)) return true;
  return false;
}

nlohmann::json RelationClasses::toJson() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : m_specs)
    out.push_back({{"name", t.name}, {"directed", t.directed}, {"head_types", t.headTypes}, {"tail_types", t.tailTypes}});
  return out;
}

Result<RelationClasses> RelationClasses::fromJson(const nlohmann::json& json, const std::string& source) {
  if (!json.is_array() || json.empty()) return Error("expected a non-empty list of relation types", source, 0, "relation_types");
  std::vector<document::RelationTypeSpec> specs;
  std::set<std::string> seen;
  for (size_t i = 0; i < json.size(); ++i) {
    const std::string field = "relation_types[" + std::to_string(i) + "]";
    if (!json[i].is_object()) return Error("expected an object", source, 0, field);
    const JsonFields f(json[i], source);
    document::RelationTypeSpec t;
    auto name = f.string("name", "");
    if (!name) return name.error();
    if (name->empty() || !seen.insert(*name).second)
      return Error("a relation type needs a unique, non-empty name", source, 0, field + ".name");
    t.name = *name;
    auto directed = f.boolean("directed", true);
    if (!directed) return directed.error();
    t.directed = *directed;
    for (const auto& [key, target] : {std::pair{"head_types", &t.headTypes}, std::pair{"tail_types", &t.tailTypes}}) {
      const auto it = json[i].find(key);
      if (it == json[i].end()) continue;
      if (!it->is_array()) return Error("expected a list of entity types", source, 0, field + "." + key);
      for (const auto& v : *it) {
        if (!v.is_string()) return Error("expected a list of entity types", source, 0, field + "." + key);
        target->push_back(v.get<std::string>());
      }
    }
    specs.push_back(std::move(t));
  }
  return RelationClasses(std::move(specs));
}

}  // namespace quarry::train
