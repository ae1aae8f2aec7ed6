#pragma once
// Parallel line files for sentence classification ("lines"): a folder holding a text folder and a
// label folder with files of the same names, line i of one belonging to line i of the other.
//
// Layouts (the first pair present is used; other files, e.g. lists/, are ignored):
//   sentences/<name>.txt + tags/<name>.txt   (CLAUDETTE): one label line per sentence, labels separated
//       by spaces, e.g. "ch2 ter2 " (each followed by a space) or an empty line;
//   text/<name>.txt + labels/<name>.txt      (Hallmarks of Cancer): when the label file starts with "<",
//       it is one line holding "<" + the labels of each sentence, several joined by "AND" (with or
//       without spaces around), a single space for none.
// Any label file that does not start with "<" is read the CLAUDETTE way, whatever the folder names.
//
// One document per line, named "<file stem>:<line>" (1-based), text = the line, labels = the line's
// labels as DocumentLabels. Hierarchical labels ("Resisting cell death--Apoptosis") are kept whole as
// one category: the full path is what the corpus annotates, and its top level is a prefix away. A
// label repeated on one line is kept once; "NULL" is kept as a category, as the corpus has it.
// Metadata "lines" = {"file", "line", "text_dir", "label_dir", "encoding": "spaces" or "hoc"} plus, only
// where needed for a byte-exact export, "raw_labels" (the label text as found, when it differs from
// how Quarry would write the same labels), "crlf", and on a file's last line "text_final_newline" /
// "labels_final_newline". Line counts that differ between the two files fail the import naming both.
//
// Export writes the same folders and file names, byte-identical to the input when the documents
// still carry the labels they were read with; documents from other formats go to sentences/ + tags/
// in a file "documents.txt". A text with a line break, or a label that the encoding cannot hold
// (a space; "<" or "AND" for hoc), fails the export naming the document.

#include "formats/Format.h"

namespace quarry {

class ParallelLinesFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("lines"); }
  QString description() const override;
  QStringList extensions() const override { return {QString()}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
