#include "formats/CsvFormat.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

struct Record {
  QStringList fields;
  long line = 0;  // physical line where the record starts
};

QChar delimiterFor(const QString& path, const QString& text) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab")) return QLatin1Char('\t');
  if (suffix == QLatin1String("csv")) return QLatin1Char(',');
  const QString header = text.left(text.indexOf(QLatin1Char('\n')));
  QChar best = QLatin1Char(',');
  qsizetype bestCount = 0;
  for (QChar c : {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QLatin1Char('|')})
    if (header.count(c) > bestCount) {
      best = c;
      bestCount = header.count(c);
    }
  return best;
}

// Splits the whole text into records. `problem` decides about text after a closing quote
// (returns false to stop).
Result<QVector<Record>> parseRecords(const QString& text, QChar delim, const QString& path,
                                     const ImportOptions& options, QStringList& warnings) {
  QVector<Record> records;
  Record current;
  QString field;
  long line = 1;
  current.line = 1;
  bool quoted = false;     // inside a quoted field
  bool wasQuoted = false;  // the current field was quoted (and is closed)
  bool lineEmpty = true;   // nothing seen on this record yet
  auto endField = [&]() {
    current.fields << field;
    field.clear();
    wasQuoted = false;
  };
  auto endRecord = [&]() {
    endField();
    if (!(lineEmpty && current.fields.size() == 1)) records << current;
    current = Record();
    current.line = line;
    lineEmpty = true;
  };
  const qsizetype n = text.size();
  for (qsizetype i = 0; i < n; ++i) {
    const QChar c = text.at(i);
    if (quoted) {
      if (c == QLatin1Char('"')) {
        if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
          field += c;
          ++i;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (c == QLatin1Char('\n')) ++line;
        field += c;
      }
      continue;
    }
    if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) continue;
    if (c == QLatin1Char('\n')) {
      ++line;
      endRecord();
      continue;
    }
    if (c == delim) {
      lineEmpty = false;
      endField();
      continue;
    }
    lineEmpty = false;
    if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
      quoted = true;
      continue;
    }
    if (wasQuoted) {
      const QString msg =
          QStringLiteral("column %1: text after the closing quote").arg(current.fields.size() + 1);
      if (options.policy == ProblemPolicy::Reject) return lineError(path, line, msg);
      warnings << QStringLiteral("%1:%2: %3 (kept)").arg(path).arg(line).arg(msg);
      wasQuoted = false;
    }
    field += c;
  }
  if (quoted)
    return lineError(path, current.line, QStringLiteral("a quoted field opened here is never closed"));
  if (!lineEmpty || !field.isEmpty()) endRecord();
  return records;
}

QString quoteField(const QString& s, QChar delim) {
  if (!s.contains(delim) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
      !s.contains(QLatin1Char('\r')))
    return s;
  QString q = s;
  q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace

QString CsvFormat::description() const {
  return QStringLiteral("CSV/TSV with a header: a text column and a label column (document classification)");
}

Result<Corpus> CsvFormat::read(const QString& path, const ImportOptions& options,
                               ImportReport& report) const {
  ImportReport local;
  ImportProblems utf8(options, local);
  Result<QString> text = readUtf8File(path, &utf8);
  if (!text) return text.error();
  const QChar delim = delimiterFor(path, text.value());
  Result<QVector<Record>> parsed = parseRecords(text.value(), delim, path, options, local.warnings);
  if (!parsed) return parsed.error();
  QVector<Record>& records = parsed.value();
  if (records.isEmpty()) return lineError(path, 1, QStringLiteral("the header row is missing"));
  QStringList header;
  for (const QString& h : records.front().fields) header << h.trimmed();
  for (int i = 0; i < header.size(); ++i)
    if (header.indexOf(header[i]) != i)
      return lineError(path, 1, QStringLiteral("column '%1' appears twice in the header").arg(header[i]));
  const QString textColumn = options.textColumn.isEmpty() ? QStringLiteral("text") : options.textColumn;
  const QString labelColumn = options.labelColumn.isEmpty() ? QStringLiteral("label") : options.labelColumn;
  const QString separator = options.labelSeparator.isEmpty() ? QStringLiteral("|") : options.labelSeparator;
  const int textCol = int(header.indexOf(textColumn));
  const int labelCol = int(header.indexOf(labelColumn));
  const QString columns = header.join(QStringLiteral(", "));
  if (textCol < 0)
    return lineError(path, 1, QStringLiteral("no text column '%1' (columns: %2)").arg(textColumn, columns),
                     textColumn);
  if (labelCol < 0 && !options.labelColumn.isEmpty())
    return lineError(path, 1, QStringLiteral("no label column '%1' (columns: %2)").arg(labelColumn, columns),
                     labelColumn);
  int nameCol = int(header.indexOf(QStringLiteral("name")));
  if (nameCol < 0) nameCol = int(header.indexOf(QStringLiteral("id")));
  const int splitCol = int(header.indexOf(QStringLiteral("split")));

  Corpus corpus;
  const QString stem = QFileInfo(path).completeBaseName();
  for (int r = 1; r < records.size(); ++r) {
    if (!reportProgress(options.progress, r, records.size()))
      return Error("import cancelled", path.toStdString());
    Record& rec = records[r];
    if (rec.fields.size() != header.size()) {
      const QString msg =
          QStringLiteral("%1 fields where the header has %2").arg(rec.fields.size()).arg(header.size());
      if (options.policy == ProblemPolicy::Reject) return lineError(path, rec.line, msg);
      local.warnings << QStringLiteral("%1:%2: %3 (padded or cut)").arg(path).arg(rec.line).arg(msg);
      while (rec.fields.size() < header.size()) rec.fields << QString();
      while (rec.fields.size() > header.size()) rec.fields.removeLast();
    }
    Document d;
    d.sourceFile = path;
    d.sourceLine = rec.line;
    d.text = rec.fields[textCol];
    d.name = nameCol >= 0 ? rec.fields[nameCol].trimmed() : QString();
    if (d.name.isEmpty()) d.name = QStringLiteral("%1-%2").arg(stem).arg(r);
    if (splitCol >= 0 && !parseSplit(rec.fields[splitCol], &d.split))
      return lineError(path, rec.line, QStringLiteral("unknown split '%1'").arg(rec.fields[splitCol]),
                       QStringLiteral("split"));
    if (labelCol >= 0) {
      const QStringList labels = rec.fields[labelCol].split(separator);
      for (const QString& l : labels) {
        const QString label = l.trimmed();
        if (label.isEmpty()) continue;
        bool seen = false;
        for (const DocumentLabel& x : d.labels) seen = seen || x.category == label;
        if (!seen) d.labels << DocumentLabel{label, {}};
      }
      if (d.labels.size() > 1) corpus.schema.multiLabelCategories = true;
    }
    for (int c = 0; c < header.size(); ++c)
      if (c != textCol && c != labelCol && c != nameCol && c != splitCol)
        d.metadata.insert(header[c], rec.fields[c]);
    corpus.documents << d;
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status CsvFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  Result<QVector<const Document*>> docs = documentsToExport(corpus, options);
  if (!docs) return docs.error();
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QChar delim = (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab")) ? QLatin1Char('\t')
                                                                                         : QLatin1Char(',');
  QStringList columns{QStringLiteral("name"), QStringLiteral("text"), QStringLiteral("label")};
  bool anySplit = false;
  QStringList metaKeys;
  QSet<QString> seen;
  for (const Document* d : docs.value()) {
    anySplit = anySplit || d->split != Split::Unassigned;
    for (const QString& k : d->metadata.keys()) {
      if (columns.contains(k) || k == QLatin1String("split"))
        return Error(QStringLiteral("document '%1': metadata key '%2' clashes with a CSV column")
                         .arg(d->name, k)
                         .toStdString(),
                     path.toStdString());
      if (!seen.contains(k)) metaKeys << k;
      seen.insert(k);
    }
  }
  if (anySplit) columns << QStringLiteral("split");
  columns << metaKeys;
  QString out;
  QStringList quoted;
  for (const QString& c : columns) quoted << quoteField(c, delim);
  out += quoted.join(delim) + QLatin1Char('\n');
  for (int k = 0; k < docs->size(); ++k) {
    if (!reportProgress(options.progress, k, docs->size()))
      return Error("export cancelled", path.toStdString());
    const Document& d = *docs->at(k);
    QStringList labels;
    for (const DocumentLabel& l : d.labels) {
      if (l.category.contains(QLatin1Char('|')))
        return Error(QStringLiteral("document '%1': label '%2' holds the label separator '|'")
                         .arg(d.name, l.category)
                         .toStdString(),
                     path.toStdString());
      labels << l.category;
    }
    QStringList row{d.name, d.text, labels.join(QLatin1Char('|'))};
    if (anySplit) row << (d.split == Split::Unassigned ? QString() : splitName(d.split));
    for (const QString& key : metaKeys) {
      const QJsonValue v = d.metadata.value(key);
      if (v.isString() || v.isUndefined())
        row << v.toString();
      else if (v.isObject())
        row << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
      else if (v.isArray())
        row << QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
      else
        row << v.toVariant().toString();
    }
    quoted.clear();
    for (const QString& f : row) quoted << quoteField(f, delim);
    out += quoted.join(delim) + QLatin1Char('\n');
  }
  return writeUtf8File(path, out);
}

}  // namespace quarry
