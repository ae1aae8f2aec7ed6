#pragma once
// An import/export format: reads files into a Corpus (all or nothing) and writes a Corpus out.
//
// Offsets in the Corpus count Unicode code points (see corpus/Document.h); every format converts
// its own offset unit (UTF-16, bytes, tokens) at this boundary.

#include <functional>

#include <QString>
#include <QStringList>

#include "common/Error.h"
#include "common/Progress.h"
#include "corpus/Corpus.h"

namespace quarry {

// What to do with a fixable problem in the input (span offsets that do not match the text, labels
// outside the schema, broken BIO sequences).
enum class ProblemPolicy {
  Reject,  // abort the import with the first problem (file, line, reason)
  Repair,  // fix what can be fixed, drop what cannot, and list every change as a warning
};


struct ImportOptions {
  ProblemPolicy policy = ProblemPolicy::Reject;  // see ProblemPolicy
  Schema schema;                   // the target project's schema: labels outside it are problems
                                   // unless allowNewTypes
  bool allowNewTypes = true;       // types missing from `schema` are added instead of rejected
  QString split;                   // force this split on every document ("train", ...); empty = from input
  QString tagScheme;               // CoNLL: "iob1", "iob2", "bioes" or "" (detect)
  QString conllGroupBy;            // CoNLL: which sentences make one document: "" (-DOCSTART- blocks
                                   // when the file has them, else one per sentence), "sentence",
                                   // "docstart", "blank" (two or more blank lines end a document) or
                                   // "column:N" (sentences sharing the id in column N, 1-based)
  QString textColumn;              // CSV/TSV: the column holding the text ("text" by default)
  QString labelColumn;             // CSV/TSV: the column holding the label(s) ("label" by default)
  QString labelSeparator;          // CSV/TSV: separates several labels in one cell ("|" by default)
  ProgressCallback progress;       // optional
};

struct ImportReport {
  QStringList warnings;  // "file:line: what was repaired or dropped", one per change
  int documents = 0;     // documents read
};

struct ExportOptions {
  QString tagScheme;     // CoNLL: "iob1", "iob2" (default) or "bioes"
  QString split;         // only documents of this split; empty = all
  bool pretty = false;   // JSON: indented
  ProgressCallback progress;
};

class Format {
 public:
  virtual ~Format() = default;
  virtual QString name() const = 0;         // "conll", "jsonl", "brat", ... (the CLI's --format)
  virtual QString description() const = 0;  // one line for --help and the import dialog
  // File extensions this format claims when guessing from a path ("tsv", "conll"); folders: "".
  virtual QStringList extensions() const = 0;
  virtual bool canRead() const { return true; }
  virtual bool canWrite() const { return true; }
  // `path` is a file or folder as the format expects. On error nothing is returned, only the error.
  virtual Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const = 0;
  virtual Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const = 0;
};

}  // namespace quarry
