#pragma once
// CSV / TSV document classification ("csv"): a header row, then one document per record.
//
// RFC 4180 quoting: fields in double quotes may hold the delimiter, newlines and doubled quotes; a
// quote inside an unquoted field is taken literally (as Python's csv does). Delimiter: tab for .tsv
// and .tab, comma for .csv, else sniffed from the header (comma, tab, semicolon or bar). Columns:
// options.textColumn ("text", required), options.labelColumn ("label"; optional unless named
// explicitly; several labels in a cell are separated by options.labelSeparator, "|" by default, which
// makes the schema multi-label), "name" (else "id") for the document name ("<stem>-<record>" when
// absent), "split"; every other column becomes a string in Document::metadata. Errors name the file,
// the physical line where the record starts, and the column.
//
// ".tsv" is also claimed by ConllFormat (NER corpora use it); the registry's order decides a guess.
//
// Export writes name, text, label, split (when any document has one) and the metadata keys as
// columns, "\n" line ends, with the delimiter from the extension (.tsv: tab, else comma). Metadata
// values that are not strings are written as compact JSON.

#include "formats/Format.h"

namespace quarry {

class CsvFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("csv"); }
  QString description() const override;
  QStringList extensions() const override {
    return {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("tab")};
  }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
