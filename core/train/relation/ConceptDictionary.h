#pragma once
// Entity linking by the training annotations' surface forms, for document-level relations in the
// end-to-end pipeline: a NER model's mentions have no concept ids, so each gets the concept its text
// (lower case, spaces collapsed) and type carried most often in training. A mention whose text training
// never linked keeps no concept and so joins no concept pair. Saved with a concept-level relation model.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"

namespace quarry::train {

class ConceptDictionary {
 public:
  // Every mention with a concept id (composite "A|B" kept whole) in `documents`.
  static ConceptDictionary build(const std::vector<document::AnnotatedDocument>& documents);

  bool empty() const { return m_concepts.empty(); }
  size_t size() const { return m_concepts.size(); }
  // The concept of a mention's text and type, or "" when training never linked it.
  std::string conceptOf(const std::string& text, const std::string& type) const;
  // Fills the concept id of every mention of `document` that has none.
  void link(const document::AnnotatedDocument& document, std::vector<document::EntityMention>& mentions) const;

  nlohmann::json toJson() const;
  static Result<ConceptDictionary> fromJson(const nlohmann::json& json, const std::string& source);

 private:
  static std::string key(const std::string& text, const std::string& type);
  std::map<std::string, std::string> m_concepts;  // key -> concept id
};

}  // namespace quarry::train
