#pragma once
// CoNLL-style token-per-line NER files ("conll"): TOKEN<TAB or spaces>[...]TAG, a blank line between
// sentences, optional "-DOCSTART-" lines that start documents.
//
// Reading: the token is the first column and the tag the last (middle columns are dropped with a
// warning). The tag scheme is options.tagScheme or detected (see detectTagScheme). By default a
// document is a -DOCSTART- block; a file without -DOCSTART- gives ONE DOCUMENT PER SENTENCE, named
// "<stem>-<n>", so that sentence-level corpora (NCBI-disease, BC5CDR-IOB) keep their sentence count
// through a round trip. options.conllGroupBy chooses otherwise (see ConllGrouping): one document per
// sentence, per -DOCSTART- block, per group of sentences ended by two or more blank lines, or per id
// in a column (named "<stem>-<id>", metadata conll.id). The text is the tokens joined by single spaces,
// sentences joined by "\n", so token boundaries stay recoverable from the text; metadata "conll" keeps
// {"scheme", "docstart" (the raw line), "separator" (when not a tab)}. A file named train/dev/devel/test
// gives its documents that split. Broken tag sequences (I-X after O in IOB2, E-X without B-X...) follow
// options.policy.
//
// Writing: tokens are the runs of non-space characters of each text line; every entity must start and
// end on token boundaries, be contiguous and not overlap another (CoNLL cannot hold nested entities):
// otherwise the export fails naming the document and entity, nothing is dropped silently. Scheme:
// options.tagScheme, else the imported one, else IOB2. -DOCSTART- blocks are written when the input
// had them or a document holds several sentences. Relations, answers and labels are not written.

#include "formats/Format.h"

namespace quarry {

// How the sentences of a CoNLL file become documents (ImportOptions::conllGroupBy).
struct ConllGrouping {
  enum class Mode {
    Auto,        // -DOCSTART- blocks when the file has any, else one document per sentence
    Sentence,    // one document per sentence; -DOCSTART- lines are dropped
    DocStart,    // one document per -DOCSTART- block (a file without any is one document)
    BlankLines,  // two or more blank lines (or a -DOCSTART- line) end a document
    Column,      // consecutive or not, the sentences whose first token has the same id in `column`
  };
  Mode mode = Mode::Auto;  // see Mode
  int column = 0;          // Column: the 1-based column holding the document id (not the first or last)

  // "" or "auto", "sentence", "docstart", "blank", "column:N"; an Error names the field conllGroupBy.
  static Result<ConllGrouping> parse(const QString& text);
  QString toString() const;  // the text parse() reads back
};

class ConllFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("conll"); }
  QString description() const override;
  QStringList extensions() const override;
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
