#include "formats/BratAnn.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include "corpus/TextOffsets.h"

namespace quarry {
namespace {

const QString kText = QStringLiteral("brat_text");
const QString kArgNames = QStringLiteral("brat_arg_names");
const QString kEquiv = QStringLiteral("equiv_group");
const QString kAttributes = QStringLiteral("brat_attributes");
const QString kNorms = QStringLiteral("brat_normalizations");
const QString kNotes = QStringLiteral("brat_notes");
const QString kUnmodelled = QStringLiteral("brat_unmodelled_lines");

struct Line {
  long number = 0;
  QString id;
  QString middle;  // second column: "Type args..."
  QString quoted;  // third column and anything after it
  bool hasQuoted = false;
  QString raw;
};

QStringList tokens(const QString& s) { return s.split(QLatin1Char(' '), Qt::SkipEmptyParts); }
QString noSpace(QString s) { return s.remove(QRegularExpression(QStringLiteral("\\s"))); }

void appendTo(QJsonObject& attributes, const QString& key, const QJsonObject& item) {
  QJsonArray list = attributes.value(key).toArray();
  list.append(item);
  attributes[key] = list;
}

class Parser {
 public:
  Parser(const QString& file, Document& doc, Schema& schema, ImportProblems& problems, QStringList* warnings,
         Error* error)
      : m_file(file),
        m_doc(doc),
        m_schema(schema),
        m_problems(problems),
        m_warnings(warnings),
        m_error(error),
        m_offsets(doc.text) {}

  bool run(const QString& ann) {
    QVector<Line> later;
    const QStringList lines = ann.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
      Line l;
      l.number = i + 1;
      l.raw = lines[i];
      if (l.raw.endsWith(QLatin1Char('\r'))) l.raw.chop(1);
      if (l.raw.trimmed().isEmpty()) continue;
      const QStringList cols = l.raw.split(QLatin1Char('\t'));
      if (cols.size() < 2)
        return fail(l.number, QStringLiteral("not a brat annotation line (no tab after the id)"));
      l.id = cols[0];
      l.middle = cols[1];
      l.hasQuoted = cols.size() > 2;
      l.quoted = cols.mid(2).join(QLatin1Char('\t'));
      if (l.id.isEmpty()) return fail(l.number, QStringLiteral("annotation line without an id"));
      const QChar kind = l.id.at(0);
      if (kind != QLatin1Char('*') && !m_ids.contains(l.id))
        m_ids.insert(l.id);
      else if (kind != QLatin1Char('*'))
        return fail(l.number, QStringLiteral("id %1 is used twice").arg(l.id));
      if (kind == QLatin1Char('T')) {
        if (!entity(l)) return false;
      } else if (kind == QLatin1Char('E')) {
        keepRaw(l, {});
        ++m_events;
      } else if (QStringLiteral("R*AMN#").contains(kind)) {
        later.push_back(l);
      } else {
        return fail(
            l.number,
            QStringLiteral("unknown annotation id '%1' (expected T, R, E, *, A, M, N or #)").arg(l.id));
      }
    }
    for (const Line& l : later)  // relations first: attributes and notes may point at them
      if ((l.id.startsWith(QLatin1Char('R')) && !relation(l)) || (l.id == QLatin1String("*") && !equiv(l)))
        return false;
    for (const Line& l : later)
      if (!l.id.startsWith(QLatin1Char('R')) && l.id != QLatin1String("*") && !extra(l)) return false;
    if (m_events > 0 && m_warnings)
      *m_warnings << QStringLiteral(
                         "%1: %2 event line(s) kept as text in the document metadata (events are not "
                         "annotations in Quarry)")
                         .arg(m_file)
                         .arg(m_events);
    if (!m_unmodelled.isEmpty()) m_doc.metadata[kUnmodelled] = m_unmodelled;
    return true;
  }

 private:
  bool fail(long line, const QString& what) {
    *m_error = ImportProblems::lineError(m_file, line, what);
    return false;
  }
  // A fixable problem: false when the import must stop (Reject).
  bool problem(long line, const QString& what, const QString& repair) {
    if (m_problems.raise(m_file, line, what, repair)) return true;
    *m_error = m_problems.error();
    return false;
  }
  void keepRaw(const Line& l, const QString& why) {
    m_unmodelled.append(l.raw);
    if (!why.isEmpty() && m_warnings)
      *m_warnings << QStringLiteral("%1:%2: %3; kept as text in the document metadata")
                         .arg(m_file)
                         .arg(l.number)
                         .arg(why);
  }

  bool entity(const Line& l) {
    const int sp = int(l.middle.indexOf(QLatin1Char(' ')));
    if (sp <= 0) return fail(l.number, QStringLiteral("text-bound annotation needs 'Type start end'"));
    EntitySpan e;
    e.key = l.id;
    e.type = l.middle.left(sp);
    e.sourceLine = l.number;
    for (const QString& part : l.middle.mid(sp + 1).split(QLatin1Char(';'))) {
      const QStringList se = tokens(part);
      bool ok1 = false, ok2 = false;
      const int s = se.size() == 2 ? se[0].toInt(&ok1) : 0, en = se.size() == 2 ? se[1].toInt(&ok2) : 0;
      if (!ok1 || !ok2)
        return fail(l.number, QStringLiteral("offsets '%1' are not 'start end' numbers").arg(part));
      e.fragments.push_back(Fragment{s, en});
    }
    const int length = m_offsets.codePointCount();
    QStringList pieces;
    for (const Fragment& f : e.fragments) {
      if (f.start < 0 || f.end < f.start || f.end > length) {
        if (!problem(l.number,
                     QStringLiteral("%1 has offsets %2-%3 outside the text of %4 code points")
                         .arg(l.id)
                         .arg(f.start)
                         .arg(f.end)
                         .arg(length),
                     QStringLiteral("dropped")))
          return false;
        return true;
      }
      pieces << m_offsets.slice(m_doc.text, f.start, f.end);
    }
    const QString joined = pieces.join(QLatin1Char(' '));
    if (l.hasQuoted && l.quoted != joined) {
      if (noSpace(l.quoted) == noSpace(joined)) {
        e.attributes[kText] =
            l.quoted;  // brat's own joining differs only in whitespace: keep the line as it was
      } else {
        const bool contiguous = e.fragments.size() == 1;
        const int at =
            contiguous ? ImportProblems::nearestOccurrence(m_doc.text, l.quoted, m_offsets.toUtf16(e.start()))
                       : -1;
        if (!problem(l.number,
                     QStringLiteral("%1 quotes '%2' but the text at %3 is '%4'")
                         .arg(l.id, l.quoted, l.middle.mid(sp + 1), joined),
                     at < 0 ? QStringLiteral("dropped") : QStringLiteral("moved to the nearest occurrence")))
          return false;
        if (at < 0) return true;
        const int start = m_offsets.toCodePoint(at);
        e.fragments = {Fragment{start, start + TextOffsets::codePointLength(l.quoted)}};
      }
    }
    m_entityIndex[e.key] = int(m_doc.entities.size());
    m_doc.entities.push_back(e);
    return true;
  }

  // Whether `id` names an entity; false + problem/raw handled by the caller's message.
  bool isEntity(const QString& id) const { return m_entityIndex.contains(id); }
  static bool isTextBoundId(const QString& id) { return id.startsWith(QLatin1Char('T')); }

  bool relation(const Line& l) {
    const QStringList t = tokens(l.middle);
    if (t.size() != 3) return fail(l.number, QStringLiteral("relation needs 'Type Arg1:T<i> Arg2:T<j>'"));
    Relation r;
    r.key = l.id;
    r.type = t[0];
    r.sourceLine = l.number;
    QStringList names;
    for (int i = 1; i <= 2; ++i) {
      const int colon = int(t[i].indexOf(QLatin1Char(':')));
      if (colon <= 0)
        return fail(l.number, QStringLiteral("relation argument '%1' is not 'Name:Id'").arg(t[i]));
      names << t[i].left(colon);
      (i == 1 ? r.head : r.tail) = t[i].mid(colon + 1);
    }
    for (const QString& arg : {r.head, r.tail}) {
      if (!isTextBoundId(arg)) {
        keepRaw(l,
                QStringLiteral("relation %1 links %2, which is not a text-bound annotation").arg(l.id, arg));
        return true;
      }
      if (!isEntity(arg))
        return problem(l.number,
                       QStringLiteral("relation %1 refers to %2, which is not in the file").arg(l.id, arg),
                       QStringLiteral("dropped"));
    }
    if (names != QStringList{QStringLiteral("Arg1"), QStringLiteral("Arg2")})
      r.attributes[kArgNames] = QJsonArray::fromStringList(names);
    m_relationIndex[r.key] = int(m_doc.relations.size());
    m_doc.relations.push_back(r);
    return true;
  }

  bool equiv(const Line& l) {
    const QStringList t = tokens(l.middle);
    if (t.size() < 3) {
      keepRaw(l, QStringLiteral("equivalence with fewer than two members"));
      return true;
    }
    for (int i = 1; i < t.size(); ++i) {
      if (!isTextBoundId(t[i])) {
        keepRaw(l, QStringLiteral("equivalence member %1 is not a text-bound annotation").arg(t[i]));
        return true;
      }
      if (!isEntity(t[i]))
        return problem(l.number,
                       QStringLiteral("equivalence refers to %1, which is not in the file").arg(t[i]),
                       QStringLiteral("dropped"));
    }
    const int group = ++m_groups;
    if (!m_schema.relationType(t[0])) {
      RelationType type;
      type.name = t[0];
      type.directed = false;
      m_schema.relationTypes.push_back(type);
    }
    for (int i = 2; i < t.size(); ++i) {
      Relation r;
      r.key = QStringLiteral("*%1-%2").arg(group).arg(i - 1);
      r.type = t[0];
      r.head = t[i - 1];
      r.tail = t[i];
      r.attributes[kEquiv] = group;
      r.sourceLine = l.number;
      m_doc.relations.push_back(r);
    }
    return true;
  }

  // A/M, N and # lines: attached to the T or R they name.
  bool extra(const Line& l) {
    const QStringList t = tokens(l.middle);
    if (t.size() < 2) return fail(l.number, QStringLiteral("'%1' needs 'Type Target ...'").arg(l.id));
    const QString target = t[1];
    QJsonObject* attributes = nullptr;
    if (m_entityIndex.contains(target))
      attributes = &m_doc.entities[m_entityIndex.value(target)].attributes;
    else if (m_relationIndex.contains(target))
      attributes = &m_doc.relations[m_relationIndex.value(target)].attributes;
    else if (target.startsWith(QLatin1Char('T')) || target.startsWith(QLatin1Char('R')))
      return problem(l.number, QStringLiteral("%1 refers to %2, which is not in the file").arg(l.id, target),
                     QStringLiteral("dropped"));
    else {
      keepRaw(l,
              target.startsWith(QLatin1Char('E'))
                  ? QString()
                  : QStringLiteral("%1 points at %2, which is not an entity or relation").arg(l.id, target));
      return true;
    }
    const QChar kind = l.id.at(0);
    QJsonObject item{{QStringLiteral("id"), l.id}};
    if (kind == QLatin1Char('A') || kind == QLatin1Char('M')) {
      if (t.size() > 3) return fail(l.number, QStringLiteral("attribute needs 'Name Target [Value]'"));
      item[QStringLiteral("name")] = t[0];
      if (t.size() == 3) item[QStringLiteral("value")] = t[2];
      appendTo(*attributes, kAttributes, item);
    } else if (kind == QLatin1Char('N')) {
      if (t.size() != 3) return fail(l.number, QStringLiteral("normalization needs 'Type Target Ref'"));
      item[QStringLiteral("type")] = t[0];
      item[QStringLiteral("ref")] = t[2];
      if (l.hasQuoted) item[QStringLiteral("text")] = l.quoted;
      appendTo(*attributes, kNorms, item);
    } else {
      item[QStringLiteral("type")] = t[0];
      item[QStringLiteral("text")] = l.quoted;
      appendTo(*attributes, kNotes, item);
    }
    return true;
  }

  QString m_file;
  Document& m_doc;
  Schema& m_schema;
  ImportProblems& m_problems;
  QStringList* m_warnings;
  Error* m_error;
  TextOffsets m_offsets;
  QSet<QString> m_ids;
  QMap<QString, int> m_entityIndex;
  QMap<QString, int> m_relationIndex;
  QJsonArray m_unmodelled;
  int m_events = 0;
  int m_groups = 0;
};

// Maps annotation keys to brat ids: keys already shaped "<prefix><n>" stay, others get the next free number.
QMap<QString, QString> bratIds(const QStringList& keys, QChar prefix) {
  QMap<QString, QString> out;
  const QRegularExpression shape(QStringLiteral("^%1(\\d+)$").arg(prefix));
  int next = 0;
  for (const QString& k : keys) {
    const auto m = shape.match(k);
    if (m.hasMatch()) next = qMax(next, m.captured(1).toInt());
  }
  for (const QString& k : keys)
    out[k] = shape.match(k).hasMatch() ? k : QStringLiteral("%1%2").arg(prefix).arg(++next);
  return out;
}

QString oneLine(QString s) {
  s.replace(QLatin1Char('\n'), QLatin1Char(' '));
  s.replace(QLatin1Char('\t'), QLatin1Char(' '));
  return s;
}

void extraLines(const QJsonObject& attributes, const QString& target, QString& out) {
  for (const QJsonValue& v : attributes.value(kAttributes).toArray()) {
    const QJsonObject o = v.toObject();
    out += QStringLiteral("%1\t%2 %3")
               .arg(o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                    target);
    if (o.contains(QStringLiteral("value")))
      out += QLatin1Char(' ') + o.value(QStringLiteral("value")).toString();
    out += QLatin1Char('\n');
  }
  for (const QJsonValue& v : attributes.value(kNorms).toArray()) {
    const QJsonObject o = v.toObject();
    out += QStringLiteral("%1\t%2 %3 %4")
               .arg(o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("type")).toString(),
                    target, o.value(QStringLiteral("ref")).toString());
    if (o.contains(QStringLiteral("text")))
      out += QLatin1Char('\t') + o.value(QStringLiteral("text")).toString();
    out += QLatin1Char('\n');
  }
  for (const QJsonValue& v : attributes.value(kNotes).toArray()) {
    const QJsonObject o = v.toObject();
    out += QStringLiteral("%1\t%2 %3\t%4\n")
               .arg(o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("type")).toString(),
                    target, o.value(QStringLiteral("text")).toString());
  }
}

}  // namespace

bool BratAnn::parse(const QString& ann, const QString& annFile, Document& doc, Schema& schema,
                    ImportProblems& problems, QStringList* warnings, Error* error) {
  Parser p(annFile, doc, schema, problems, warnings, error);
  return p.run(ann);
}

QString BratAnn::serialize(const Document& doc) {
  QStringList entityKeys, relationKeys;
  for (const EntitySpan& e : doc.entities) entityKeys << e.key;
  for (const Relation& r : doc.relations)
    if (!r.attributes.contains(kEquiv)) relationKeys << r.key;
  const QMap<QString, QString> tIds = bratIds(entityKeys, QLatin1Char('T'));
  const QMap<QString, QString> rIds = bratIds(relationKeys, QLatin1Char('R'));
  const TextOffsets offsets(doc.text);
  QString out;
  for (const EntitySpan& e : doc.entities) {
    QStringList frags, pieces;
    for (const Fragment& f : e.fragments) {
      frags << QStringLiteral("%1 %2").arg(f.start).arg(f.end);
      pieces << offsets.slice(doc.text, f.start, f.end);
    }
    const QString quoted = e.attributes.contains(kText) ? e.attributes.value(kText).toString()
                                                        : oneLine(pieces.join(QLatin1Char(' ')));
    out += QStringLiteral("%1\t%2 %3\t%4\n")
               .arg(tIds.value(e.key), e.type, frags.join(QLatin1Char(';')), quoted);
  }
  QSet<int> groupsDone;
  for (const Relation& r : doc.relations) {
    if (r.attributes.contains(kEquiv)) {
      const int group = r.attributes.value(kEquiv).toInt();
      if (groupsDone.contains(group)) continue;
      groupsDone.insert(group);
      QStringList members;
      for (const Relation& m : doc.relations)
        if (m.attributes.contains(kEquiv) && m.attributes.value(kEquiv).toInt() == group)
          for (const QString& k : {m.head, m.tail})
            if (!members.contains(tIds.value(k, k))) members << tIds.value(k, k);
      out += QStringLiteral("*\t%1 %2\n").arg(r.type, members.join(QLatin1Char(' ')));
      continue;
    }
    const QJsonArray names = r.attributes.value(kArgNames).toArray();
    out +=
        QStringLiteral("%1\t%2 %3:%4 %5:%6\n")
            .arg(rIds.value(r.key), r.type, names.isEmpty() ? QStringLiteral("Arg1") : names[0].toString(),
                 tIds.value(r.head, r.head), names.isEmpty() ? QStringLiteral("Arg2") : names[1].toString(),
                 tIds.value(r.tail, r.tail));
  }
  for (const EntitySpan& e : doc.entities) extraLines(e.attributes, tIds.value(e.key), out);
  for (const Relation& r : doc.relations)
    if (!r.attributes.contains(kEquiv)) extraLines(r.attributes, rIds.value(r.key), out);
  for (const QJsonValue& v : doc.metadata.value(kUnmodelled).toArray())
    out += v.toString() + QLatin1Char('\n');
  return out;
}

void BratAnn::collectAttributes(const Document& doc, QMap<QString, QStringList>& into) {
  auto collect = [&](const QJsonObject& attributes) {
    for (const QJsonValue& v : attributes.value(kAttributes).toArray()) {
      const QJsonObject o = v.toObject();
      QStringList& values = into[o.value(QStringLiteral("name")).toString()];
      const QString value = o.value(QStringLiteral("value")).toString();
      if (!value.isEmpty() && !values.contains(value)) values << value;
    }
  };
  for (const EntitySpan& e : doc.entities) collect(e.attributes);
  for (const Relation& r : doc.relations) collect(r.attributes);
}

}  // namespace quarry
