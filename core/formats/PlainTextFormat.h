#pragma once
// Plain text ("text"): a .txt file, or a folder of .txt files searched recursively in sorted order;
// one document per file, named by its path relative to the folder without ".txt" ("sub/a" for
// sub/a.txt). UTF-8 with a leading BOM dropped; invalid UTF-8 fails naming the file and byte offset.
// Export writes <folder>/<document name>.txt per document (text only: annotations are not written).

#include "formats/Format.h"

namespace quarry {

class PlainTextFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("text"); }
  QString description() const override;
  QStringList extensions() const override { return {QStringLiteral("txt")}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
