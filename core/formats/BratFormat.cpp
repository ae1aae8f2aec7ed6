#include "formats/BratFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "formats/BratAnn.h"
#include "formats/BratConfig.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"

namespace quarry {
namespace {

Result<QString> readUtf8(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  return QString::fromUtf8(f.readAll());
}

Status writeUtf8(const QString& path, const QString& text) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    return Error("cannot write: " + f.errorString().toStdString(), path.toStdString());
  f.write(text.toUtf8());
  if (!f.commit()) return Error("cannot write: " + f.errorString().toStdString(), path.toStdString());
  return {};
}

}  // namespace

QString BratFormat::description() const {
  return QCoreApplication::translate("quarry::Format",
                                     "brat standoff: a folder of .txt/.ann pairs with annotation.conf");
}

Result<Corpus> BratFormat::read(const QString& path, const ImportOptions& options,
                                ImportReport& report) const {
  const QDir root(path);
  if (!QFileInfo(path).isDir())
    return Error("a brat corpus is a folder of .txt/.ann pairs", path.toStdString());
  ImportReport local = report;
  Corpus corpus;
  const QString confPath = root.filePath(QStringLiteral("annotation.conf"));
  if (QFileInfo::exists(confPath)) {
    Result<Schema> schema = BratConfig::read(confPath, &local.warnings);
    if (!schema) return schema.error();
    corpus.schema = *schema;
  }
  QStringList txts, anns;
  QDirIterator it(path, {QStringLiteral("*.txt"), QStringLiteral("*.ann")}, QDir::Files,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString rel = root.relativeFilePath(it.next());
    (rel.endsWith(QLatin1String(".txt")) ? txts : anns) << rel.chopped(4);
  }
  txts.sort();
  for (const QString& a : anns)
    if (!txts.contains(a))
      return Error("annotations without their text file " + QString(a + QStringLiteral(".txt")).toStdString(),
                   root.filePath(a + QStringLiteral(".ann")).toStdString());
  ImportProblems problems(options, local);
  qint64 done = 0;
  for (const QString& name : txts) {
    const QString txtPath = root.filePath(name + QStringLiteral(".txt"));
    const QString annPath = root.filePath(name + QStringLiteral(".ann"));
    if (!anns.contains(name)) {
      local.warnings << QStringLiteral("%1: no .ann beside it; skipped").arg(txtPath);
      continue;
    }
    Result<QString> text = readUtf8(txtPath);
    if (!text) return text.error();
    Result<QString> ann = readUtf8(annPath);
    if (!ann) return ann.error();
    Document d;
    d.name = name;
    d.text = *text;
    d.sourceFile = txtPath;
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
  QDir root(path);
  if (!root.mkpath(QStringLiteral("."))) return Error("cannot create the folder", path.toStdString());
  QStringList written;
  auto undo = [&](const Error& e) -> Status {
    for (const QString& f : written) QFile::remove(f);
    return e;
  };
  QMap<QString, QStringList> attributes;
  qint64 done = 0;
  for (const Document& d : corpus.documents) {
    if (!options.split.isEmpty() && splitName(d.split) != options.split) continue;
    const QString clean = QDir::cleanPath(d.name);
    if (d.name.isEmpty() || QDir::isAbsolutePath(d.name) || clean.startsWith(QLatin1String("..")) ||
        clean != d.name)
      return undo(
          Error(QStringLiteral("document name '%1' is not a relative file name").arg(d.name).toStdString(),
                path.toStdString()));
    const QString base = root.filePath(d.name);
    if (!QFileInfo(base).dir().mkpath(QStringLiteral(".")))
      return undo(Error("cannot create the folder", QFileInfo(base).path().toStdString()));
    const QString txt = base + QStringLiteral(".txt"), ann = base + QStringLiteral(".ann");
    for (const auto& [file, content] : {std::pair<QString, QString>{txt, d.text},
                                        std::pair<QString, QString>{ann, BratAnn::serialize(d)}}) {
      if (Status s = writeUtf8(file, content); !s) return undo(s.error());
      written << file;
    }
    BratAnn::collectAttributes(d, attributes);
    if (options.progress && !options.progress(++done, corpus.documents.size()))
      return undo(Error("export cancelled", path.toStdString()));
  }
  if (!corpus.schema.isEmpty() || !attributes.isEmpty())
    if (Status s = writeUtf8(root.filePath(QStringLiteral("annotation.conf")),
                             BratConfig::toText(corpus.schema, attributes));
        !s)
      return undo(s.error());
  return {};
}

}  // namespace quarry
