#include "formats/CorpusValidator.h"

#include <QHash>
#include <QSet>

namespace quarry {
namespace {

struct Checker {
  const ImportOptions& options;
  ImportReport& report;
  QString source;
  Error firstError;

  // The file and line a problem with `d` (or with its annotation read from `line`) is reported at: the
  // annotation's line, else the document's, else the source alone (a project, a format without lines).
  Error at(const Document& d, long line, const QString& message) const {
    if (line > 0)
      return Error(message.toStdString(),
                   (d.annotationFile.isEmpty() ? d.sourceFile : d.annotationFile).toStdString(), line);
    if (d.sourceLine > 0) return Error(message.toStdString(), d.sourceFile.toStdString(), d.sourceLine);
    return Error(message.toStdString(), source.toStdString());
  }

  // Returns true when the import may go on (Repair), false when it must stop (Reject).
  bool problem(const Document& d, long line, const QString& what) {
    firstError = at(d, line, QStringLiteral("document '%1': %2").arg(d.name, what));
    if (options.policy == ProblemPolicy::Reject) return false;
    report.warnings << QStringLiteral("%1 (dropped)").arg(QString::fromStdString(firstError.toString()));
    return true;
  }
};

// A type name with a control character (a NUL from a damaged file, a stray escape) is never meant.
bool hasControlCharacter(const QString& s) {
  for (QChar ch : s)
    if (ch.category() == QChar::Other_Control) return true;
  return false;
}

// The name with its control characters written as \uXXXX, for the message.
QString printable(const QString& s) {
  QString out;
  for (QChar ch : s)
    out += ch.category() == QChar::Other_Control
               ? QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'))
               : QString(ch);
  return out;
}

}  // namespace

Status validateCorpus(Corpus& corpus, const ImportOptions& options, ImportReport& report,
                      const QString& source) {
  Checker c{options, report, source, {}};
  Schema allowed = options.schema;
  allowed.mergeFrom(corpus.schema);
  QHash<QString, const Document*> names;
  for (Document& d : corpus.documents) {
    if (const Document* first = names.value(d.name)) {
      const Error earlier = c.at(*first, 0, {});
      return c.at(
          d, 0,
          QStringLiteral("duplicate document name '%1' (first at %2)")
              .arg(d.name, QString::fromStdString(earlier.file) +
                               (earlier.line > 0 ? QStringLiteral(":%1").arg(earlier.line) : QString())));
    }
    names.insert(d.name, &d);
    const int length = d.codePointLength();
    QSet<QString> keys;
    QVector<EntitySpan> entities;
    for (EntitySpan& e : d.entities) {
      if (hasControlCharacter(e.type)) {
        if (!c.problem(d, e.sourceLine,
                       QStringLiteral("entity %1 has a type with a control character: '%2'")
                           .arg(e.key, printable(e.type))))
          return c.firstError;
        continue;
      }
      bool good = !e.fragments.isEmpty();
      for (int i = 0; good && i < e.fragments.size(); ++i) {
        const Fragment& f = e.fragments[i];
        good = f.start >= 0 && f.end > f.start && f.end <= length &&
               (i == 0 || f.start >= e.fragments[i - 1].end);
      }
      if (!good) {
        if (!c.problem(
                d, e.sourceLine,
                QStringLiteral(
                    "entity %1 (%2) has offsets %3-%4 outside the text of %5 code points or out of order")
                    .arg(e.key, e.type)
                    .arg(e.start())
                    .arg(e.end())
                    .arg(length)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.entityType(e.type)) {
        if (!c.problem(
                d, e.sourceLine,
                QStringLiteral("entity %1 has type '%2', which is not in the schema").arg(e.key, e.type)))
          return c.firstError;
        continue;
      }
      if (keys.contains(e.key)) {
        if (!c.problem(d, e.sourceLine, QStringLiteral("entity key %1 is used twice").arg(e.key)))
          return c.firstError;
        continue;
      }
      keys.insert(e.key);
      entities.push_back(e);
    }
    d.entities = entities;
    QVector<Relation> relations;
    for (Relation& r : d.relations) {
      if (hasControlCharacter(r.type)) {
        if (!c.problem(d, r.sourceLine,
                       QStringLiteral("relation %1 has a type with a control character: '%2'")
                           .arg(r.key, printable(r.type))))
          return c.firstError;
        continue;
      }
      if (!keys.contains(r.head) || !keys.contains(r.tail)) {
        if (!c.problem(d, r.sourceLine,
                       QStringLiteral("relation %1 (%2) refers to a missing entity %3")
                           .arg(r.key, r.type, keys.contains(r.head) ? r.tail : r.head)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.relationType(r.type)) {
        if (!c.problem(
                d, r.sourceLine,
                QStringLiteral("relation %1 has type '%2', which is not in the schema").arg(r.key, r.type)))
          return c.firstError;
        continue;
      }
      relations.push_back(r);
    }
    d.relations = relations;
    QVector<QaAnswer> answers;
    for (QaAnswer& a : d.answers) {
      if (!a.noAnswer && (a.start < 0 || a.end < a.start || a.end > length)) {
        if (!c.problem(d, a.sourceLine,
                       QStringLiteral("answer to '%1' has offsets %2-%3 outside the text")
                           .arg(a.field)
                           .arg(a.start)
                           .arg(a.end)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.qaField(a.field)) {
        if (!c.problem(d, a.sourceLine, QStringLiteral("QA field '%1' is not in the schema").arg(a.field)))
          return c.firstError;
        continue;
      }
      answers.push_back(a);
    }
    d.answers = answers;
    QVector<DocumentLabel> labels;
    for (DocumentLabel& l : d.labels) {
      if (hasControlCharacter(l.category)) {
        if (!c.problem(d, l.sourceLine,
                       QStringLiteral("category with a control character: '%1'").arg(printable(l.category))))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.category(l.category)) {
        if (!c.problem(d, l.sourceLine, QStringLiteral("category '%1' is not in the schema").arg(l.category)))
          return c.firstError;
        continue;
      }
      labels.push_back(l);
    }
    d.labels = labels;
    if (!options.split.isEmpty()) {
      Split s;
      if (!parseSplit(options.split, &s))
        return Error(QStringLiteral("unknown split '%1' (train, dev, test, unassigned)")
                         .arg(options.split)
                         .toStdString(),
                     {}, 0, "split");
      d.split = s;
    }
  }
  corpus.schema = allowed;
  corpus.addMissingTypesToSchema();
  report.documents = int(corpus.documents.size());
  return {};
}

}  // namespace quarry
