#pragma once
// brat's annotation.conf <-> Schema. Kept: entity types (a hierarchy is flattened; "!abstract"
// types are left out and arguments naming them expand to their descendants), relation types with
// Arg1/Arg2 types and "<REL-TYPE>:symmetric" / "symmetric-transitive" (= undirected). Reported as
// warnings, not kept: events, attributes, overlap rules (ENTITY-NESTING, <OVERLAP>), unknown sections.

#include <QMap>
#include <QStringList>

#include "common/Error.h"
#include "corpus/Schema.h"

namespace quarry {

class ImportProblems;

class BratConfig {
 public:
  // Reads annotation.conf; what the Schema cannot hold goes to `warnings` as "file:line: ...". Invalid
  // UTF-8 is rejected or repaired by `problems` (see decodeUtf8).
  static Result<Schema> read(const QString& path, QStringList* warnings, ImportProblems* problems = nullptr);
  static Schema parse(const QString& text, const QString& file, QStringList* warnings);
  // annotation.conf for `schema`. `attributeValues` declares brat attributes (name -> values; no
  // values = a binary attribute) so brat can show the attributes a corpus carries.
  static QString toText(const Schema& schema, const QMap<QString, QStringList>& attributeValues);
};

}  // namespace quarry
