#include "formats/ParallelLinesFormat.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

const QString kMeta = QStringLiteral("lines");
const QString kSpaces = QStringLiteral("spaces");
const QString kHoc = QStringLiteral("hoc");

// Lines split at "\n", remembering per line whether it ended in "\r\n".
struct RawLines {
  QStringList lines;
  QVector<bool> crlf;
  bool finalNewline = false;
};

RawLines splitRaw(const QString& text) {
  RawLines out;
  if (text.isEmpty()) return out;
  out.lines = text.split(QLatin1Char('\n'));
  out.finalNewline = text.endsWith(QLatin1Char('\n'));
  if (out.finalNewline) out.lines.removeLast();
  for (QString& l : out.lines) {
    const bool cr = l.endsWith(QLatin1Char('\r'));
    if (cr) l.chop(1);
    out.crlf << cr;
  }
  return out;
}

QStringList parseLabels(const QString& raw, const QString& encoding) {
  static const QRegularExpression spaces(QStringLiteral("\\s+"));
  const QStringList parts = encoding == kHoc ? raw.split(QStringLiteral("AND")) : raw.split(spaces);
  QStringList labels;
  for (const QString& p : parts) {
    const QString l = p.trimmed();
    if (!l.isEmpty() && !labels.contains(l)) labels << l;
  }
  return labels;
}

QString formatLabels(const QStringList& labels, const QString& encoding) {
  if (encoding == kHoc) return labels.isEmpty() ? QStringLiteral(" ") : labels.join(QStringLiteral(" AND "));
  QString out;
  for (const QString& l : labels) out += l + QLatin1Char(' ');
  return out;
}

struct Layout {
  QString textDir, labelDir;
};

}  // namespace

QString ParallelLinesFormat::description() const {
  return QStringLiteral(
      "Parallel line files: sentences/ + tags/ or text/ + labels/, one labelled sentence per line");
}

Result<Corpus> ParallelLinesFormat::read(const QString& path, const ImportOptions& options,
                                         ImportReport& report) const {
  const QDir root(path);
  if (!QFileInfo(path).isDir()) return Error("not a folder", path.toStdString());
  Layout layout;
  for (const Layout& l : {Layout{QStringLiteral("sentences"), QStringLiteral("tags")},
                          Layout{QStringLiteral("text"), QStringLiteral("labels")}})
    if (root.exists(l.textDir) && root.exists(l.labelDir)) {
      layout = l;
      break;
    }
  if (layout.textDir.isEmpty())
    return Error("expected the folders sentences/ and tags/, or text/ and labels/", path.toStdString());
  const QDir textDir(root.filePath(layout.textDir)), labelDir(root.filePath(layout.labelDir));
  const QStringList textFiles = textDir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
  const QStringList labelFiles = labelDir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
  for (const QString& f : labelFiles)
    if (!textFiles.contains(f))
      return Error(QStringLiteral("has no matching %1").arg(textDir.filePath(f)).toStdString(),
                   labelDir.filePath(f).toStdString());

  Corpus corpus;
  corpus.schema.multiLabelCategories = true;
  ImportReport local;
  ImportProblems problems(options, local);
  for (int k = 0; k < textFiles.size(); ++k) {
    if (!reportProgress(options.progress, k, textFiles.size()))
      return Error("import cancelled", path.toStdString());
    const QString textPath = textDir.filePath(textFiles[k]), labelPath = labelDir.filePath(textFiles[k]);
    if (!QFileInfo::exists(labelPath))
      return Error(QStringLiteral("has no matching %1").arg(labelPath).toStdString(), textPath.toStdString());
    Result<QString> text = readUtf8File(textPath, &problems);
    if (!text) return text.error();
    Result<QString> labelText = readUtf8File(labelPath, &problems);
    if (!labelText) return labelText.error();
    const RawLines lines = splitRaw(text.value());
    const QString encoding = labelText->startsWith(QLatin1Char('<')) ? kHoc : kSpaces;
    QStringList pieces;
    bool labelsFinalNewline = true;
    if (encoding == kHoc) {
      QString content = labelText.value();
      labelsFinalNewline = content.endsWith(QLatin1Char('\n'));
      if (labelsFinalNewline) content.chop(1);
      pieces = content.split(QLatin1Char('<'));
      pieces.removeFirst();
    } else {
      const RawLines l = splitRaw(labelText.value());
      pieces = l.lines;
      labelsFinalNewline = l.finalNewline || l.lines.isEmpty();
    }
    if (pieces.size() != lines.lines.size()) {
      // Name the first line that has no partner in the other file.
      const bool moreText = lines.lines.size() > pieces.size();
      return lineError(moreText ? textPath : labelPath, long(qMin(lines.lines.size(), pieces.size())) + 1,
                       QStringLiteral("%1 has %2 lines but %3 has %4 label lines; this line has no partner")
                           .arg(textPath)
                           .arg(lines.lines.size())
                           .arg(labelPath)
                           .arg(pieces.size()));
    }
    const QString stem = textFiles[k].chopped(4);
    for (int i = 0; i < lines.lines.size(); ++i) {
      Document d;
      d.name = QStringLiteral("%1:%2").arg(stem).arg(i + 1);
      d.text = lines.lines[i];
      d.sourceFile = textPath;
      d.sourceLine = i + 1;
      d.annotationFile = labelPath;
      const QStringList labels = parseLabels(pieces[i], encoding);
      // hoc label pieces are not one a line; their label falls back to the sentence's line.
      for (const QString& l : labels) d.labels << DocumentLabel{l, {}, encoding == kSpaces ? i + 1 : 0};
      QJsonObject meta{{QStringLiteral("file"), stem},
                       {QStringLiteral("line"), i + 1},
                       {QStringLiteral("text_dir"), layout.textDir},
                       {QStringLiteral("label_dir"), layout.labelDir},
                       {QStringLiteral("encoding"), encoding}};
      if (formatLabels(labels, encoding) != pieces[i]) meta.insert(QStringLiteral("raw_labels"), pieces[i]);
      if (lines.crlf[i]) meta.insert(QStringLiteral("crlf"), true);
      if (i + 1 == lines.lines.size()) {
        if (!lines.finalNewline) meta.insert(QStringLiteral("text_final_newline"), false);
        if (labelsFinalNewline != (encoding == kSpaces))
          meta.insert(QStringLiteral("labels_final_newline"), labelsFinalNewline);
      }
      d.metadata.insert(kMeta, meta);
      corpus.documents << d;
    }
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status ParallelLinesFormat::write(const Corpus& corpus, const QString& path,
                                  const ExportOptions& options) const {
  Result<QVector<const Document*>> docs = documentsToExport(corpus, options);
  if (!docs) return docs.error();
  Layout layout{QStringLiteral("sentences"), QStringLiteral("tags")};
  for (const Document* d : docs.value()) {
    const QJsonObject m = d->metadata.value(kMeta).toObject();
    if (m.contains(QStringLiteral("text_dir"))) {
      layout = Layout{m.value(QStringLiteral("text_dir")).toString(),
                      m.value(QStringLiteral("label_dir")).toString()};
      break;
    }
  }
  struct OutFile {
    QString stem, encoding;
    QStringList lines, pieces;
    bool textFinalNewline = true, labelsFinalNewline = true;  // as the file's last line says
  };
  QVector<OutFile> files;
  QHash<QString, int> byStem;
  static const QRegularExpression whitespace(QStringLiteral("\\s"));
  for (int k = 0; k < docs->size(); ++k) {
    if (!reportProgress(options.progress, k, docs->size()))
      return Error("export cancelled", path.toStdString());
    const Document& d = *docs->at(k);
    auto fail = [&](const QString& why) {
      return Error(QStringLiteral("document '%1': %2").arg(d.name, why).toStdString(), path.toStdString());
    };
    const QJsonObject m = d.metadata.value(kMeta).toObject();
    QString stem = m.value(QStringLiteral("file")).toString();
    if (stem.isEmpty()) stem = QStringLiteral("documents");
    if (stem.contains(QLatin1Char('/')) || stem.contains(QLatin1Char('\\')) ||
        stem.startsWith(QLatin1Char('.')))
      return fail(QStringLiteral("file name '%1' is not allowed").arg(stem));
    if (!byStem.contains(stem)) {
      byStem.insert(stem, int(files.size()));
      OutFile f;
      f.stem = stem;
      f.encoding = m.value(QStringLiteral("encoding")).toString() == kHoc ? kHoc : kSpaces;
      files.push_back(f);
    }
    OutFile& f = files[byStem.value(stem)];
    if (d.text.contains(QLatin1Char('\n')) || d.text.contains(QLatin1Char('\r')))
      return fail(QStringLiteral("the text holds a line break; this format holds one line per document"));
    QStringList labels;
    for (const DocumentLabel& l : d.labels) {
      const bool bad = f.encoding == kHoc ? (l.category.contains(QLatin1Char('<')) ||
                                             l.category.contains(QStringLiteral("AND")))
                                          : l.category.contains(whitespace);
      if (bad || l.category.isEmpty())
        return fail(QStringLiteral("label '%1' cannot be written in this label encoding").arg(l.category));
      labels << l.category;
    }
    QString piece = formatLabels(labels, f.encoding);
    const QJsonValue raw = m.value(QStringLiteral("raw_labels"));
    if (raw.isString() && parseLabels(raw.toString(), f.encoding) == labels) piece = raw.toString();
    f.lines << (m.value(QStringLiteral("crlf")).toBool() ? d.text + QLatin1Char('\r') : d.text);
    f.pieces << piece;
    f.textFinalNewline = m.value(QStringLiteral("text_final_newline")).toBool(true);
    f.labelsFinalNewline = m.value(QStringLiteral("labels_final_newline")).toBool(f.encoding == kSpaces);
  }
  // Everything is checked; now write.
  return OutputFolder::write(path, {QStringLiteral("*.txt")}, [&](const QString& staging) -> Status {
    const QDir root(staging);
    for (const OutFile& f : files) {
      QString text = f.lines.join(QLatin1Char('\n'));
      if (f.textFinalNewline) text += QLatin1Char('\n');
      QString labels;
      if (f.encoding == kHoc) {
        for (const QString& p : f.pieces) labels += QLatin1Char('<') + p;
      } else {
        labels = f.pieces.join(QLatin1Char('\n'));
      }
      if (f.labelsFinalNewline) labels += QLatin1Char('\n');
      const QString name = f.stem + QStringLiteral(".txt");
      for (const auto& [folder, content] : {std::pair<QString, QString>{layout.textDir, text},
                                            std::pair<QString, QString>{layout.labelDir, labels}})
        if (Status s = writeUtf8File(root.filePath(folder + QLatin1Char('/') + name), content,
                                     OutputFile::Mode::InStaging);
            !s)
          return s;
    }
    return {};
  });
}

}  // namespace quarry
