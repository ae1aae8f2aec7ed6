#include "formats/PlainTextFormat.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {

QString PlainTextFormat::description() const {
  return QStringLiteral("Plain text: a .txt file or a folder of .txt files, one document per file");
}

Result<Corpus> PlainTextFormat::read(const QString& path, const ImportOptions& options,
                                     ImportReport& report) const {
  const QFileInfo info(path);
  QStringList files;  // relative to `root`
  QDir root;
  if (info.isDir()) {
    root = QDir(path);
    QDirIterator it(path, {QStringLiteral("*.txt"), QStringLiteral("*.TXT")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) files << root.relativeFilePath(it.next());
    std::sort(files.begin(), files.end());
    if (files.isEmpty()) return Error("the folder holds no .txt files", path.toStdString());
  } else if (info.isFile()) {
    root = info.absoluteDir();
    files << info.fileName();
  } else {
    return Error("no such file or folder", path.toStdString());
  }
  Corpus corpus;
  ImportReport local;
  ImportProblems problems(options, local);
  for (int i = 0; i < files.size(); ++i) {
    if (!reportProgress(options.progress, i, files.size()))
      return Error("import cancelled", path.toStdString());
    const QString file = root.filePath(files[i]);
    Result<QString> text = readUtf8File(file, &problems);
    if (!text) return text.error();
    Document d;
    d.name = files[i];
    d.name.chop(4);  // ".txt"
    d.text = std::move(text).value();
    d.sourceFile = file;
    d.sourceLine = 1;
    corpus.documents << d;
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status PlainTextFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  Result<QVector<const Document*>> docs = documentsToExport(corpus, options);
  if (!docs) return docs.error();
  // Check every name before writing anything.
  for (const Document* d : docs.value()) {
    const QStringList parts = d->name.split(QLatin1Char('/'));
    if (d->name.isEmpty() || d->name.startsWith(QLatin1Char('/')) || parts.contains(QStringLiteral("..")) ||
        parts.contains(QString()) || d->name.contains(QLatin1Char('\\')))
      return Error(QStringLiteral("document name '%1' cannot be a file name").arg(d->name).toStdString(),
                   path.toStdString());
  }
  return OutputFolder::write(path, {QStringLiteral("*.txt")}, [&](const QString& staging) -> Status {
    const QDir dir(staging);
    for (int k = 0; k < docs->size(); ++k) {
      if (!reportProgress(options.progress, k, docs->size()))
        return Error("export cancelled", path.toStdString());
      const Document& d = *docs->at(k);
      if (Status s = writeUtf8File(dir.filePath(d.name + QStringLiteral(".txt")), d.text,
                                   OutputFile::Mode::InStaging);
          !s)
        return s;
    }
    return {};
  });
}

}  // namespace quarry
