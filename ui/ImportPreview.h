#pragma once
// What an import would bring in, read without writing anything: the corpus, the problems the
// chosen policy would meet (each with file and line), the types new to the project's schema.
// Widget-free, so the ImportDialog runs it on a worker thread.

#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "formats/Format.h"

namespace quarry::ui {

// The pseudo-format name for a Quarry project archive (.zip), besides FormatRegistry's names.
inline const char* const kArchiveFormat = "archive";

struct ImportProblem {
  QString file;           // the file concerned; empty when unknown
  long line = 0;          // 1-based; 0 = not tied to a line
  QString message;        // what is wrong and, under Repair, what was done about it
  bool blocking = false;  // stops the import under the chosen policy
};

struct NewType {
  QString kind;  // "entity", "relation", "answer", "label" (as in Corpus::annotationCounts keys)
  QString name;
};

class ImportPreview {
 public:
  // The format to read `path` with: `formatName` ("" = guess from the path, ".zip" = archive).
  // Returns the format's name or an Error naming the path.
  static Result<QString> resolveFormat(const QString& path, const QString& formatName);

  // Reads every path with `options` (policy included). Under Reject, when the read fails, reads
  // again under Repair to list every problem, not only the first; the corpus then stays empty.
  // `options.schema` is the project's schema. Returns false when `options.progress` cancelled.
  bool read(const QStringList& paths, const QString& formatName, const ImportOptions& options);

  bool ok() const { return m_ok; }  // the import can go ahead with corpus()
  const Corpus& corpus() const { return m_corpus; }
  const QVector<ImportProblem>& problems() const { return m_problems; }
  // Types the corpus uses or declares that the project schema lacks.
  const QVector<NewType>& newTypes() const { return m_newTypes; }
  QStringList formatsUsed() const { return m_formats; }

  // "file:line: message" or "file: message" as the formats write warnings, split up.
  static ImportProblem parseWarning(const QString& warning);

 private:
  Result<Corpus> readAll(const QStringList& paths, const QString& formatName, const ImportOptions& options,
                         ImportReport& report);

  bool m_ok = false;
  Corpus m_corpus;
  QVector<ImportProblem> m_problems;
  QVector<NewType> m_newTypes;
  QStringList m_formats;
};

}  // namespace quarry::ui
