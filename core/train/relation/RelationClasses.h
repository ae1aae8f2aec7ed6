#pragma once
// The classes a relation model chooses from for a candidate pair of mentions (first and second in text
// order): class 0 is "no relation"; a directed type is two classes, "T(e1,e2)" (the first mention is the
// head) and "T(e2,e1)"; a type without a direction is one class "T". The names are SemEval-2010 Task 8's,
// so its official scorer reads them as they are.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "document/RelationSchema.h"

namespace quarry::train {

inline constexpr const char* kNoRelation = "none";

class RelationClasses {
 public:
  RelationClasses() = default;
  explicit RelationClasses(std::vector<document::RelationTypeSpec> types);

  size_t size() const { return m_names.size(); }
  const std::string& name(int32_t id) const { return m_names[static_cast<size_t>(id)]; }
  const std::vector<std::string>& names() const { return m_names; }
  // The class of `type` with the first mention as head (forward) or as tail; -1 for an unknown type.
  int32_t classOf(const std::string& type, bool firstIsHead) const;
  // What class `id` says: the type (empty for no relation) and whether the first mention is the head.
  const std::string& typeOf(int32_t id) const { return m_types[static_cast<size_t>(id)]; }
  bool firstIsHead(int32_t id) const { return m_firstIsHead[static_cast<size_t>(id)] != 0; }
  bool directed(int32_t id) const { return m_directed[static_cast<size_t>(id)] != 0; }

  const std::vector<document::RelationTypeSpec>& types() const { return m_specs; }
  std::vector<std::string> typeNames() const;
  const document::RelationTypeSpec* type(const std::string& name) const;
  // Whether some type may relate mentions of these entity types, in either order.
  bool mayRelate(const std::string& firstType, const std::string& secondType) const;

  nlohmann::json toJson() const;
  static Result<RelationClasses> fromJson(const nlohmann::json& json, const std::string& source);

 private:
  std::vector<document::RelationTypeSpec> m_specs;
  std::vector<std::string> m_names;
  std::vector<std::string> m_types;
  std::vector<char> m_firstIsHead;
  std::vector<char> m_directed;
};

}  // namespace quarry::train
