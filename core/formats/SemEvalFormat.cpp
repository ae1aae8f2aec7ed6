#include "formats/SemEvalFormat.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

const QString kNominal = QStringLiteral("Nominal");
const QString kOther = QStringLiteral("Other");
const QString kComment = QStringLiteral("semeval_comment");

struct Tagged {
  QString text;              // without the tags
  int start[2] = {-1, -1};   // code points, e1 and e2
  int end[2] = {-1, -1};
};

// Strips <e1>..</e1> and <e2>..</e2>, each exactly once, not nested; offsets in code points.
Result<Tagged> stripTags(const QString& sentence, const QString& path, long line) {
  Tagged t;
  int codePoints = 0;
  for (int i = 0; i < sentence.size();) {
    bool tag = false;
    for (int e = 0; e < 2 && !tag; ++e) {
      const QString open = QStringLiteral("<e%1>").arg(e + 1), close = QStringLiteral("</e%1>").arg(e + 1);
      if (sentence.mid(i, open.size()) == open) {
        if (t.start[e] >= 0)
          return lineError(path, line, QStringLiteral("<e%1> appears twice").arg(e + 1), QStringLiteral("sentence"));
        if (t.start[1 - e] >= 0 && t.end[1 - e] < 0)
          return lineError(path, line, QStringLiteral("<e%1> opens inside <e%2>").arg(e + 1).arg(2 - e),
                           QStringLiteral("sentence"));
        t.start[e] = codePoints;
        i += open.size();
        tag = true;
      } else if (sentence.mid(i, close.size()) == close) {
        if (t.start[e] < 0 || t.end[e] >= 0)
          return lineError(path, line, QStringLiteral("</e%1> without its <e%1>").arg(e + 1), QStringLiteral("sentence"));
        t.end[e] = codePoints;
        i += close.size();
        tag = true;
      }
    }
    if (tag) continue;
    const bool pair = sentence[i].isHighSurrogate() && i + 1 < sentence.size() && sentence[i + 1].isLowSurrogate();
    t.text += sentence.mid(i, pair ? 2 : 1);
    i += pair ? 2 : 1;
    ++codePoints;
  }
  for (int e = 0; e < 2; ++e) {
    if (t.start[e] < 0 || t.end[e] < 0)
      return lineError(path, line, QStringLiteral("the sentence lacks <e%1>...</e%1>").arg(e + 1), QStringLiteral("sentence"));
    if (t.end[e] <= t.start[e])
      return lineError(path, line, QStringLiteral("<e%1> marks no text").arg(e + 1), QStringLiteral("sentence"));
  }
  return t;
}

}  // namespace

QString SemEvalFormat::description() const {
  return QStringLiteral("SemEval-2010 Task 8 relation records: id, sentence with <e1>/<e2> tags, label, comment");
}

bool SemEvalFormat::sniff(const QString& firstLine) {
  static const QRegularExpression record(QStringLiteral("^\\d+\\t\""));
  QString line = firstLine;
  if (line.startsWith(QChar(0xfeff))) line.remove(0, 1);
  return record.match(line).hasMatch();
}

Result<Corpus> SemEvalFormat::read(const QString& path, const ImportOptions& options, ImportReport& report) const {
  if (!QFileInfo(path).isFile() && QFileInfo(path).isDir())
    return Error("expected a SemEval-2010 Task 8 file, got a folder", path.toStdString());
  Corpus corpus;
  ImportReport local;
  ImportProblems problems(options, local);
  Result<QString> text = readUtf8File(path, &problems);
  if (!text) return text.error();
  const TextLines lines = splitLines(text.value());
  static const QRegularExpression first(QStringLiteral("^(\\d+)\\t\"(.*)\"$"));
  static const QRegularExpression label(QStringLiteral("^([A-Za-z][A-Za-z0-9_-]*)(\\((e1|e2),(e1|e2)\\))?$"));
  QSet<QString> ids;
  QStringList relationTypes;
  const int n = lines.lines.size();
  for (int i = 0; i < n;) {
    if (!reportProgress(options.progress, i, n)) return Error("import cancelled", path.toStdString());
    if (lines.lines[i].trimmed().isEmpty()) {
      ++i;
      continue;
    }
    const long lineNo = i + 1;
    QString head = lines.lines[i];
    if (i == 0 && head.startsWith(QChar(0xfeff))) head.remove(0, 1);
    const QRegularExpressionMatch m = first.match(head);
    if (!m.hasMatch())
      return lineError(path, lineNo, QStringLiteral("expected a record: id, TAB, the sentence in double quotes"),
                       QStringLiteral("id"));
    const QString id = m.captured(1);
    if (ids.contains(id)) return lineError(path, lineNo, QStringLiteral("id %1 appears twice").arg(id), QStringLiteral("id"));
    ids.insert(id);
    auto tagged = stripTags(m.captured(2), path, lineNo);
    if (!tagged) return tagged.error();
    if (i + 1 >= n) return lineError(path, lineNo + 1, QStringLiteral("the record has no label line"), QStringLiteral("label"));
    const QString labelLine = lines.lines[i + 1].trimmed();
    const QRegularExpressionMatch lm = label.match(labelLine);
    if (!lm.hasMatch() || (lm.captured(2).isEmpty() != (lm.captured(1) == kOther)) ||
        (!lm.captured(2).isEmpty() && lm.captured(3) == lm.captured(4)))
      return lineError(path, lineNo + 1,
                       QStringLiteral("expected \"Other\" or a relation with its direction, e.g. Cause-Effect(e1,e2); got \"%1\"")
                           .arg(labelLine),
                       QStringLiteral("label"));
    int next = i + 2;
    QString comment;
    bool hasComment = false;
    if (next < n && lines.lines[next].startsWith(QLatin1String("Comment:"))) {
      comment = lines.lines[next].mid(8);
      hasComment = true;
      ++next;
    }
    if (next < n && !lines.lines[next].trimmed().isEmpty())
      return lineError(path, next + 1, QStringLiteral("expected an empty line after the record"), QStringLiteral("comment"));

    Document d;
    d.name = id;
    d.text = tagged->text;
    d.sourceFile = path;
    d.sourceLine = lineNo;
    for (int e = 0; e < 2; ++e) {
      EntitySpan span;
      span.key = QStringLiteral("e%1").arg(e + 1);
      span.type = kNominal;
      span.fragments = {Fragment{tagged->start[e], tagged->end[e]}};
      span.sourceLine = lineNo;
      d.entities << span;
    }
    Relation r;
    r.key = QStringLiteral("R1");
    r.type = lm.captured(1);
    const bool reversed = lm.captured(3) == QLatin1String("e2");
    r.head = reversed ? QStringLiteral("e2") : QStringLiteral("e1");
    r.tail = reversed ? QStringLiteral("e1") : QStringLiteral("e2");
    r.sourceLine = lineNo + 1;
    d.relations << r;
    if (!relationTypes.contains(r.type)) relationTypes << r.type;
    d.metadata.insert(kComment, hasComment ? comment : QString());
    if (!options.split.isEmpty() && !parseSplit(options.split, &d.split))
      return Error("unknown split \"" + options.split.toStdString() + "\"", path.toStdString(), 0, "split");
    corpus.documents << d;
    i = next;
  }
  if (corpus.documents.isEmpty()) return Error("no SemEval-2010 Task 8 record in the file", path.toStdString());
  if (!corpus.schema.entityType(kNominal)) corpus.schema.entityTypes << EntityType{kNominal, {}, {}, {}};
  for (const QString& t : relationTypes) {
    RelationType rt;
    rt.name = t;
    rt.directed = t != kOther;
    rt.headTypes = rt.tailTypes = QStringList{kNominal};
    corpus.schema.relationTypes << rt;
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status SemEvalFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  Result<QVector<const Document*>> docs = documentsToExport(corpus, options);
  if (!docs) return docs.error();
  QString out;
  for (int k = 0; k < docs->size(); ++k) {
    if (!reportProgress(options.progress, k, docs->size())) return Error("export cancelled", path.toStdString());
    const Document& d = *docs->at(k);
    auto fail = [&](const QString& why) {
      return Error(QStringLiteral("document '%1': %2").arg(d.name, why).toStdString(), path.toStdString());
    };
    if (d.entities.size() != 2) return fail(QStringLiteral("a SemEval record holds exactly two nominals"));
    if (d.relations.size() > 1) return fail(QStringLiteral("a SemEval record holds at most one relation"));
    const EntitySpan* e1 = d.entity(QStringLiteral("e1"));
    const EntitySpan* e2 = d.entity(QStringLiteral("e2"));
    if (!e1 || !e2) {
      // Documents not imported from SemEval: the earlier entity is e1.
      e1 = &d.entities[0];
      e2 = &d.entities[1];
      if (e2->start() < e1->start()) std::swap(e1, e2);
    }
    if (e1->isDiscontinuous() || e2->isDiscontinuous())
      return fail(QStringLiteral("a discontinuous span cannot be a SemEval nominal"));
    if (e1->end() > e2->start() && e2->end() > e1->start())
      return fail(QStringLiteral("the two nominals overlap"));
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    if (!digits.match(d.name).hasMatch())
      return fail(QStringLiteral("a SemEval id must be a number (the document's name)"));
    // The sentence with the tags put back, at code point offsets.
    const QVector<uint> cps = d.text.toUcs4();
    QString sentence;
    for (int i = 0; i <= cps.size(); ++i) {
      for (const auto& [span, name] : {std::pair{e1, QStringLiteral("e1")}, std::pair{e2, QStringLiteral("e2")}}) {
        if (span->end() == i) sentence += QStringLiteral("</%1>").arg(name);
      }
      for (const auto& [span, name] : {std::pair{e1, QStringLiteral("e1")}, std::pair{e2, QStringLiteral("e2")}}) {
        if (span->start() == i) sentence += QStringLiteral("<%1>").arg(name);
      }
      if (i < cps.size()) sentence += QString::fromUcs4(reinterpret_cast<const char32_t*>(&cps[i]), 1);
    }
    if (sentence.contains(QLatin1Char('\n'))) return fail(QStringLiteral("a SemEval sentence is one line"));
    QString label = kOther;
    if (!d.relations.isEmpty()) {
      const Relation& r = d.relations.front();
      const EntitySpan* head = d.entity(r.head);
      const bool forward = head == e1 || (head && head->key == e1->key);
      label = r.type == kOther ? kOther
                               : r.type + (forward ? QStringLiteral("(e1,e2)") : QStringLiteral("(e2,e1)"));
    }
    out += d.name + QLatin1Char('\t') + QLatin1Char('"') + sentence + QLatin1Char('"') + QStringLiteral("\r\n");
    out += label + QStringLiteral("\r\n");
    out += QStringLiteral("Comment:") + d.metadata.value(kComment).toString() + QStringLiteral("\r\n\r\n");
  }
  return writeUtf8File(path, out);
}

}  // namespace quarry
