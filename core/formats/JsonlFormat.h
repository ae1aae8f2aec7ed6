#pragma once
// JSON Lines in the spaCy / Prodigy shape ("jsonl"), one document per line:
//   {"text": "...",
//    "spans": [{"start", "end", "label", "id"?, "fragments"?: [[s, e], ...], "text"?}],
//    "relations": [{"head_span": {"start","end","label"}, "child_span": {...}, "label", "head"?, "child"?,
//    "id"?}], "answers": [{"field", "start", "end", "id"?} or {"field", "no_answer": true}], "cats":
//    {"LABEL": 1.0, ...}, "meta": {"name", "split", "status", ...}}
// Offsets are Python string indices, i.e. code points, as Quarry's. A relation argument is found by
// "head"/"child" when they hold a span "id" (Prodigy's integer token indices are ignored), else by
// matching head_span/child_span on start, end and label. A category counts when its score is >= 0.5.
// Other span/relation/answer keys are kept as attributes; other "meta" keys as Document::metadata and
// unknown top-level keys under metadata "_jsonl", so both survive a round trip. Names: meta.name, else
// "<file stem>-<line>". Empty lines are skipped; a line that does not parse fails the import with
// "file:line: reason".
//
// Schema sidecar: "<file>.schema.json" (else "schema.json") beside the input is read as the corpus
// schema; export writes "<file>.schema.json" when the schema is not empty.

#include "formats/Format.h"

namespace quarry {

class JsonlFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("jsonl"); }
  QString description() const override;
  QStringList extensions() const override { return {QStringLiteral("jsonl"), QStringLiteral("ndjson")}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;

  // The sidecar schema file read for `path`, or empty when there is none.
  static QString schemaSidecar(const QString& path);
};

}  // namespace quarry
