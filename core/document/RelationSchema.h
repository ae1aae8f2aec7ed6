#pragma once
// What the engine knows of a relation type from a project's schema: its name, whether it has a direction,
// and the entity types its arguments may have. Relation extraction builds its candidate pairs and its
// classes (a directed type is two classes, one per direction) from a list of these.

#include <algorithm>
#include <string>
#include <vector>

namespace quarry::document {

struct RelationTypeSpec {
  std::string name;                    // "CID", "Cause-Effect", "EFFECT"
  bool directed = true;                // false: head and tail may be swapped ("Other", symmetric types)
  std::vector<std::string> headTypes;  // entity types the head (Arg1) may have; empty = any
  std::vector<std::string> tailTypes;  // entity types the tail (Arg2) may have; empty = any

  // Whether a head of type `head` and a tail of type `tail` may hold this relation.
  bool allows(const std::string& head, const std::string& tail) const {
    auto in = [](const std::vector<std::string>& types, const std::string& t) {
      return types.empty() || std::find(types.begin(), types.end(), t) != types.end();
    };
    return in(headTypes, head) && in(tailTypes, tail);
  }
};

}  // namespace quarry::document
