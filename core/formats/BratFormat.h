#pragma once
// brat standoff ("brat"): a folder (searched recursively) of <name>.txt + <name>.ann pairs, with an
// optional annotation.conf at its root (see BratConfig). Document name = path of the .txt relative
// to the folder, without ".txt" ("Train/DrugBank/Abatacept_ddi"); documents are sorted by name.
// brat offsets count Unicode code points of the .txt (Python indices), like Quarry's. The .ann
// mapping is in BratAnn.h. A .txt without an .ann is skipped with a warning; an .ann without a
// .txt is an error.
//
// Writing creates <folder>/<name>.txt and .ann for every document (ids reproduced) and
// annotation.conf from the schema; on failure the files written so far are removed.

#include "formats/Format.h"

namespace quarry {

class BratFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("brat"); }
  QString description() const override;
  QStringList extensions() const override { return {QStringLiteral("ann"), QString()}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
