#pragma once
// SemEval-2010 Task 8 relation records ("semeval"): one sentence per record, its two nominals marked
// inline, the relation between them with its direction:
//
//   1<TAB>"The ... <e1>configuration</e1> of antenna <e2>elements</e2>."
//   Component-Whole(e2,e1)
//   Comment: Not a collection: there is structure here, organisation.
//   <empty line>
//
// Import: one document per record, named by its id; the text is the sentence without the tags (inner
// double quotes kept); the nominals are entities "e1" and "e2" of type "Nominal"; the label is a relation
// from head to tail (REL(e2,e1): head e2, tail e1), "Other" a relation of type "Other" from e1 to e2 (the
// task's negative class); the comment is kept in the document's metadata. Line ends may be CRLF (the
// official files) or LF. A malformed record fails naming the file, the line and what is wrong.
// Export writes the same records (CRLF), so an imported file is written back byte for byte; a document
// must then have exactly two entities and at most one relation between them.

#include "formats/Format.h"

namespace quarry {

class SemEvalFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("semeval"); }
  QString description() const override;
  // Claims no extension: the official files are .TXT like plain text; FormatRegistry::guess tells them
  // apart by their first line (sniff).
  QStringList extensions() const override { return {}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;

  // Whether `firstLine` looks like a record's first line (digits, TAB, double quote).
  static bool sniff(const QString& firstLine);
};

}  // namespace quarry
