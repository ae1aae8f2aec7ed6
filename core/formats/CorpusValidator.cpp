#include "formats/CorpusValidator.h"

#include <QSet>

namespace quarry {
namespace {

struct Checker {
  const ImportOptions& options;
  ImportReport& report;
  QString source;
  Error firstError;

  // Returns true when the import may go on (Repair), false when it must stop (Reject).
  bool problem(const Document& d, const QString& what) {
    const QString msg = QStringLiteral("document '%1': %2").arg(d.name, what);
    if (options.policy == ProblemPolicy::Reject) {
      firstError = Error(msg.toStdString(), source.toStdString());
      return false;
    }
    report.warnings << QStringLiteral("%1: %2 (dropped)").arg(source, msg);
    return true;
  }
};

}  // namespace

Status validateCorpus(Corpus& corpus, const ImportOptions& options, ImportReport& report,
                      const QString& source) {
  Checker c{options, report, source, {}};
  Schema allowed = options.schema;
  allowed.mergeFrom(corpus.schema);
  QSet<QString> names;
  for (Document& d : corpus.documents) {
    if (names.contains(d.name))
      return Error(QStringLiteral("duplicate document name '%1'").arg(d.name).toStdString(), source.toStdString());
    names.insert(d.name);
    const int length = d.codePointLength();
    QSet<QString> keys;
    QVector<EntitySpan> entities;
    for (EntitySpan& e : d.entities) {
      bool good = !e.fragments.isEmpty();
      for (int i = 0; good && i < e.fragments.size(); ++i) {
        const Fragment& f = e.fragments[i];
        good = f.start >= 0 && f.end > f.start && f.end <= length &&
               (i == 0 || f.start >= e.fragments[i - 1].end);
      }
      if (!good) {
        if (!c.problem(d, QStringLiteral("entity %1 (%2) has offsets %3-%4 outside the text of %5 code points or out of order")
                              .arg(e.key, e.type).arg(e.start()).arg(e.end()).arg(length)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.entityType(e.type)) {
        if (!c.problem(d, QStringLiteral("entity %1 has type '%2', which is not in the schema").arg(e.key, e.type)))
          return c.firstError;
        continue;
      }
      if (keys.contains(e.key)) {
        if (!c.problem(d, QStringLiteral("entity key %1 is used twice").arg(e.key))) return c.firstError;
        continue;
      }
      keys.insert(e.key);
      entities.push_back(e);
    }
    d.entities = entities;
    QVector<Relation> relations;
    for (Relation& r : d.relations) {
      if (!keys.contains(r.head) || !keys.contains(r.tail)) {
        if (!c.problem(d, QStringLiteral("relation %1 (%2) refers to a missing entity %3")
                              .arg(r.key, r.type, keys.contains(r.head) ? r.tail : r.head)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.relationType(r.type)) {
        if (!c.problem(d, QStringLiteral("relation %1 has type '%2', which is not in the schema").arg(r.key, r.type)))
          return c.firstError;
        continue;
      }
      relations.push_back(r);
    }
    d.relations = relations;
    QVector<QaAnswer> answers;
    for (QaAnswer& a : d.answers) {
      if (!a.noAnswer && (a.start < 0 || a.end < a.start || a.end > length)) {
        if (!c.problem(d, QStringLiteral("answer to '%1' has offsets %2-%3 outside the text").arg(a.field).arg(a.start).arg(a.end)))
          return c.firstError;
        continue;
      }
      if (!options.allowNewTypes && !allowed.qaField(a.field)) {
        if (!c.problem(d, QStringLiteral("QA field '%1' is not in the schema").arg(a.field))) return c.firstError;
        continue;
      }
      answers.push_back(a);
    }
    d.answers = answers;
    QVector<DocumentLabel> labels;
    for (DocumentLabel& l : d.labels) {
      if (!options.allowNewTypes && !allowed.category(l.category)) {
        if (!c.problem(d, QStringLiteral("category '%1' is not in the schema").arg(l.category))) return c.firstError;
        continue;
      }
      labels.push_back(l);
    }
    d.labels = labels;
    if (!options.split.isEmpty()) {
      Split s;
      if (!parseSplit(options.split, &s))
        return Error(QStringLiteral("unknown split '%1' (train, dev, test, unassigned)").arg(options.split).toStdString(),
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
