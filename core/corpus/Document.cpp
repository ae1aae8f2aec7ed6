#include "corpus/Document.h"

#include <QSet>

#include <QJsonDocument>

#include "corpus/TextOffsets.h"

namespace quarry {

QString splitName(Split s) {
  switch (s) {
    case Split::Train: return QStringLiteral("train");
    case Split::Dev: return QStringLiteral("dev");
    case Split::Test: return QStringLiteral("test");
    case Split::Unassigned: break;
  }
  return QStringLiteral("unassigned");
}

bool parseSplit(const QString& name, Split* out) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("train") || n == QLatin1String("training")) *out = Split::Train;
  else if (n == QLatin1String("dev") || n == QLatin1String("devel") || n == QLatin1String("validation") ||
           n == QLatin1String("development"))
    *out = Split::Dev;
  else if (n == QLatin1String("test")) *out = Split::Test;
  else if (n == QLatin1String("unassigned") || n.isEmpty()) *out = Split::Unassigned;
  else return false;
  return true;
}

QString statusName(DocumentStatus s) {
  switch (s) {
    case DocumentStatus::InProgress: return QStringLiteral("in_progress");
    case DocumentStatus::Done: return QStringLiteral("done");
    case DocumentStatus::Reviewed: return QStringLiteral("reviewed");
    case DocumentStatus::New: break;
  }
  return QStringLiteral("new");
}

bool parseStatus(const QString& name, DocumentStatus* out) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("new") || n.isEmpty()) *out = DocumentStatus::New;
  else if (n == QLatin1String("in_progress")) *out = DocumentStatus::InProgress;
  else if (n == QLatin1String("done")) *out = DocumentStatus::Done;
  else if (n == QLatin1String("reviewed")) *out = DocumentStatus::Reviewed;
  else return false;
  return true;
}

QString originName(Origin o) {
  switch (o) {
    case Origin::Manual: return QStringLiteral("manual");
    case Origin::AcceptedSuggestion: return QStringLiteral("suggestion");
    case Origin::Imported: break;
  }
  return QStringLiteral("imported");
}

bool parseOrigin(const QString& name, Origin* out) {
  if (name == QLatin1String("manual")) *out = Origin::Manual;
  else if (name == QLatin1String("suggestion")) *out = Origin::AcceptedSuggestion;
  else if (name == QLatin1String("imported")) *out = Origin::Imported;
  else return false;
  return true;
}

int EntitySpan::start() const { return fragments.isEmpty() ? 0 : fragments.front().start; }
int EntitySpan::end() const { return fragments.isEmpty() ? 0 : fragments.back().end; }

bool EntitySpan::sameAnnotation(const EntitySpan& o) const {
  return key == o.key && type == o.type && fragments == o.fragments && attributes == o.attributes;
}

bool Relation::sameAnnotation(const Relation& o) const {
  return key == o.key && type == o.type && head == o.head && tail == o.tail && attributes == o.attributes;
}

bool QaAnswer::sameAnnotation(const QaAnswer& o) const {
  return field == o.field && questionId == o.questionId && noAnswer == o.noAnswer &&
         (noAnswer || (start == o.start && end == o.end)) && attributes == o.attributes;
}

int Document::codePointLength() const { return TextOffsets::codePointLength(text); }

const EntitySpan* Document::entity(const QString& key) const {
  for (const EntitySpan& e : entities)
    if (e.key == key) return &e;
  return nullptr;
}

namespace {

QString spanText(const EntitySpan& e) {
  QStringList parts;
  for (const Fragment& f : e.fragments) parts << QStringLiteral("%1-%2").arg(f.start).arg(f.end);
  return QStringLiteral("%1 %2 [%3]").arg(e.key, e.type, parts.join(QLatin1Char(';')));
}

template <typename T, typename Describe>
QString compareLists(const QString& what, const QVector<T>& a, const QVector<T>& b, Describe describe) {
  if (a.size() != b.size())
    return QStringLiteral("%1 count %2 vs %3").arg(what).arg(a.size()).arg(b.size());
  for (int i = 0; i < a.size(); ++i)
    if (!a[i].sameAnnotation(b[i]))
      return QStringLiteral("%1 #%2: %3 vs %4").arg(what).arg(i).arg(describe(a[i]), describe(b[i]));
  return {};
}

QString jsonText(const QJsonObject& o) {
  return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

}  // namespace

QString Document::describeDifference(const Document& o) const {
  if (name != o.name) return QStringLiteral("name '%1' vs '%2'").arg(name, o.name);
  if (text != o.text) {
    int i = 0;
    while (i < text.size() && i < o.text.size() && text[i] == o.text[i]) ++i;
    return QStringLiteral("document %1: text differs at UTF-16 index %2 (lengths %3 vs %4)")
        .arg(name).arg(i).arg(text.size()).arg(o.text.size());
  }
  if (split != o.split) return QStringLiteral("document %1: split %2 vs %3").arg(name, splitName(split), splitName(o.split));
  if (metadata != o.metadata)
    return QStringLiteral("document %1: metadata %2 vs %3").arg(name, jsonText(metadata), jsonText(o.metadata));
  QString d = compareLists(QStringLiteral("entity"), entities, o.entities,
                           [](const EntitySpan& e) { return spanText(e) + QLatin1Char(' ') + jsonText(e.attributes); });
  if (d.isEmpty())
    d = compareLists(QStringLiteral("relation"), relations, o.relations, [](const Relation& r) {
      return QStringLiteral("%1 %2(%3,%4) %5").arg(r.key, r.type, r.head, r.tail, jsonText(r.attributes));
    });
  if (d.isEmpty())
    d = compareLists(QStringLiteral("answer"), answers, o.answers, [](const QaAnswer& a) {
      return a.noAnswer ? QStringLiteral("%1 no-answer").arg(a.field)
                        : QStringLiteral("%1 %2-%3 %4").arg(a.field).arg(a.start).arg(a.end).arg(a.questionId);
    });
  if (d.isEmpty())
    d = compareLists(QStringLiteral("label"), labels, o.labels,
                     [](const DocumentLabel& l) { return l.category; });
  return d.isEmpty() ? d : QStringLiteral("document %1: %2").arg(name, d);
}

bool Document::sameContent(const Document& o) const { return describeDifference(o).isEmpty(); }

Document Document::layerOf(const QString& annotator) const {
  Document layer = *this;
  layer.entities.clear();
  layer.relations.clear();
  layer.answers.clear();
  layer.labels.clear();
  QSet<QString> keys;
  for (const EntitySpan& e : entities)
    if (e.provenance.annotator == annotator) {
      layer.entities.push_back(e);
      keys.insert(e.key);
    }
  for (const Relation& r : relations)
    if (r.provenance.annotator == annotator && keys.contains(r.head) && keys.contains(r.tail))
      layer.relations.push_back(r);
  for (const QaAnswer& a : answers)
    if (a.provenance.annotator == annotator) layer.answers.push_back(a);
  for (const DocumentLabel& l : labels)
    if (l.provenance.annotator == annotator) layer.labels.push_back(l);
  return layer;
}

}  // namespace quarry
