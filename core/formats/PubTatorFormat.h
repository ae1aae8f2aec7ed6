#pragma once
// PubTator ("pubtator"): one file of blocks separated by blank lines:
//   PMID|t|title
//   PMID|a|abstract
//   PMID<TAB>start<TAB>end<TAB>mention<TAB>type[<TAB>concept id(s)[<TAB>extra columns...]]
//   PMID<TAB>CID<TAB>chemical id<TAB>disease id
//
// Mapping (read and write are inverse, so read -> write -> read is equal):
// - Document name = PMID; text = title + "\n" + abstract. PubTator offsets count title + " " +
//   abstract, so the one-code-point separator keeps them valid unchanged (code points).
// - Mention lines -> EntitySpan "T<n>" (n = ordinal in the document), attributes
//   {"concept_id": column 6 as written (composite "D001|D002" and "-1" included),
//    "extra_columns": [column 7, ...]} (each key only when present).
// - Relation lines state a relation between concept ids, not mentions. Those whose both concepts
//   have a mention become Relation "R<n>" between the first mention of each concept (a composite
//   id counts for each part), attributes {"head_concept", "tail_concept"[, "extra_columns"]}.
//   Those with a concept that has no mention are kept in document metadata "unlinked_relations":
//   [[type, head concept, tail concept, extra columns...], ...]. Written back: linked first, then
//   unlinked (the file's line set is unchanged).
// - Writing a relation made elsewhere takes the concept ids from its entities' "concept_id"; a
//   relation between entities without one is an error (PubTator relations need concept ids).
// - Text written back: first "\n" splits title and abstract, later newlines become spaces.

#include "formats/Format.h"

namespace quarry {

class PubTatorFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("pubtator"); }
  QString description() const override;
  QStringList extensions() const override { return {QStringLiteral("pubtator")}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
