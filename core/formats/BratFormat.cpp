#include "formats/BratFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "formats/BratAnn.h"
#include "formats/BratConfig.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {

QString BratFormat::description() const {
  return QCoreApplication::translate("quarry::Format",
                                     "brat standoff: a folder of .txt/.ann pairs with annotation.conf");
}

Result<Corpus> BratFormat::read(const QString& path, const ImportOptions& options,
                                ImportReport& report) const {
  if (!QFileInfo(path).isDir())
    return Error("a brat corpus is a folder of .txt/.ann pairs", path.toStdString());
  const QDir root(path);  // names files the way the user named the folder
  const QDir absolute(QFileInfo(path).absoluteFilePath());
  ImportReport local = report;
  ImportProblems problems(options, local);
  Corpus corpus;
  const QString confPath = root.filePath(QStringLiteral("annotation.conf"));
  if (QFileInfo::exists(confPath)) {
    Result<Schema> schema = BratConfig::read(confPath, &local.warnings, &problems);
    if (!schema) return schema.error();
    corpus.schema = *schema;
  }
  QStringList txts, anns;
  QDirIterator it(absolute.path(), {QStringLiteral("*.txt"), QStringLiteral("*.ann")}, QDir::Files,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString rel = absolute.relativeFilePath(it.next());
    (rel.endsWith(QLatin1String(".txt")) ? txts : anns) << rel.chopped(4);
  }
  txts.sort();
  for (const QString& a : anns)
    if (!txts.contains(a))
      return Error("annotations without their text file " + QString(a + QStringLiteral(".txt")).toStdString(),
                   root.filePath(a + QStringLiteral(".ann")).toStdString());
  qint64 done = 0;
  for (const QString& name : txts) {
    const QString txtPath = root.filePath(name + QStringLiteral(".txt"));
    const QString annPath = root.filePath(name + QStringLiteral(".ann"));
    if (!anns.contains(name)) {
      local.warnings << QStringLiteral("%1: no .ann beside it; skipped").arg(txtPath);
      continue;
    }
    Result<QString> text = readUtf8File(txtPath, &problems);
    if (!text) return text.error();
    Result<QString> ann = readUtf8File(annPath, &problems);
    if (!ann) return ann.error();
    Document d;
    d.name = name;
    d.text = *text;
    d.sourceFile = txtPath;
    d.annotationFile = annPath;
    Error error;
    if (!BratAnn::parse(*ann, annPath, d, corpus.schema, problems, &local.warnings, &error)) return error;
    corpus.documents.push_back(d);
    if (options.progress && !options.progress(++done, txts.size()))
      return Error("import cancelled", path.toStdString());
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report = local;
  return corpus;
}

Status BratFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  // Check every name before writing anything.
  for (const Document& d : corpus.documents) {
    if (!options.split.isEmpty() && splitName(d.split) != options.split) continue;
    const QString clean = QDir::cleanPath(d.name);
    if (d.name.isEmpty() || QDir::isAbsolutePath(d.name) || clean.startsWith(QLatin1String("..")) ||
        clean != d.name)
      return Error(QStringLiteral("document name '%1' is not a relative file name").arg(d.name).toStdString(),
                   path.toStdString());
  }
  const QStringList owned{QStringLiteral("*.txt"), QStringLiteral("*.ann"),
                          QStringLiteral("annotation.conf")};
  return OutputFolder::write(path, owned, [&](const QString& staging) -> Status {
    const QDir root(staging);
    QMap<QString, QStringList> attributes;
    qint64 done = 0;
    for (const Document& d : corpus.documents) {
      if (!options.split.isEmpty() && splitName(d.split) != options.split) continue;
      const QString base = root.filePath(d.name);
      for (const auto& [file, content] :
           {std::pair<QString, QString>{base + QStringLiteral(".txt"), d.text},
            std::pair<QString, QString>{base + QStringLiteral(".ann"), BratAnn::serialize(d)}})
        if (Status s = writeUtf8File(file, content, OutputFile::Mode::InStaging); !s) return s;
      BratAnn::collectAttributes(d, attributes);
      if (options.progress && !options.progress(++done, corpus.documents.size()))
        return Error("export cancelled", path.toStdString());
    }
    if (!corpus.schema.isEmpty() || !attributes.isEmpty())
      return writeUtf8File(root.filePath(QStringLiteral("annotation.conf")),
                           BratConfig::toText(corpus.schema, attributes), OutputFile::Mode::InStaging);
    return {};
  });
}

}  // namespace quarry
