#include "formats/JsonlFormat.h"

#include <optional>
#include <utility>

#include <cmath>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "corpus/JsonText.h"
#include "corpus/SchemaJson.h"
#include "corpus/TextOffsets.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/OutputFile.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

const QString kExtra = QStringLiteral("_jsonl");

// Everything about the line being read, and what to do with a fixable problem on it.
struct LineReader {
  const QString& path;
  long line;
  const ImportOptions& options;
  QStringList& warnings;
  Error error;

  Error fail(const QString& field, const QString& message) const {
    return lineError(path, line, message, field);
  }
  // Reject: remembers the error and returns false. Repair: records a warning and returns true.
  bool problem(const QString& field, const QString& message) {
    if (options.policy == ProblemPolicy::Reject) {
      error = fail(field, message);
      return false;
    }
    warnings << QStringLiteral("%1:%2: %3: %4 (dropped)").arg(path).arg(line).arg(field, message);
    return true;
  }
};

bool toInt(const QJsonValue& v, int* out) {
  if (!v.isDouble()) return false;
  const double d = v.toDouble();
  if (d != std::floor(d) || std::abs(d) > 2e9) return false;
  *out = int(d);
  return true;
}

QString jsonTypeName(QJsonValue::Type type) {
  switch (type) {
    case QJsonValue::Bool:
      return QStringLiteral("a boolean");
    case QJsonValue::Double:
      return QStringLiteral("a number");
    case QJsonValue::String:
      return QStringLiteral("a string");
    case QJsonValue::Array:
      return QStringLiteral("an array");
    case QJsonValue::Object:
      return QStringLiteral("an object");
    default:
      return QStringLiteral("null");
  }
}

// A field present with the wrong type is an error naming it: ignoring it would drop its annotations
// without a word. Absent or null fields are allowed.
std::optional<Error> wrongType(const QJsonObject& o, const char* key, QJsonValue::Type type,
                               const QString& field, const LineReader& r) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull() || v.type() == type) return std::nullopt;
  return r.fail(field, QStringLiteral("must be %1, got %2").arg(jsonTypeName(type), jsonTypeName(v.type())));
}

QJsonObject without(QJsonObject o, std::initializer_list<const char*> keys) {
  for (const char* k : keys) o.remove(QLatin1String(k));
  return o;
}

// Reads one span; returns false on a hard error (in r.error), sets *keep=false when it is dropped.
bool readSpan(const QJsonValue& value, const QString& field, const QString& text, const TextOffsets& offsets,
              LineReader& r, EntitySpan* e, bool* keep) {
  *keep = true;
  if (!value.isObject()) {
    r.error = r.fail(field, QStringLiteral("must be an object"));
    return false;
  }
  const QJsonObject o = value.toObject();
  int start = 0, end = 0;
  if (!toInt(o.value(QLatin1String("start")), &start) || !toInt(o.value(QLatin1String("end")), &end)) {
    r.error = r.fail(field, QStringLiteral("'start' and 'end' must be integers"));
    return false;
  }
  e->type = o.value(QLatin1String("label")).toString();
  if (e->type.isEmpty()) {
    r.error = r.fail(field, QStringLiteral("'label' must be a non-empty string"));
    return false;
  }
  const QJsonValue id = o.value(QLatin1String("id"));
  e->key = id.isDouble() ? QString::number(id.toDouble()) : id.toString();
  if (o.contains(QLatin1String("fragments"))) {
    const QJsonArray frags = o.value(QLatin1String("fragments")).toArray();
    for (const QJsonValue& f : frags) {
      const QJsonArray pair = f.toArray();
      Fragment fr;
      if (pair.size() != 2 || !toInt(pair[0], &fr.start) || !toInt(pair[1], &fr.end)) {
        r.error = r.fail(field, QStringLiteral("'fragments' must be a list of [start, end] pairs"));
        return false;
      }
      e->fragments << fr;
    }
  } else {
    e->fragments = {Fragment{start, end}};
  }
  const int length = offsets.codePointCount();
  for (const Fragment& f : e->fragments)
    if (f.start < 0 || f.end <= f.start || f.end > length) {
      *keep = false;
      return r.problem(field, QStringLiteral("offsets %1-%2 are outside the text of %3 code points or empty")
                                  .arg(f.start)
                                  .arg(f.end)
                                  .arg(length));
    }
  if (o.contains(QLatin1String("text")) && e->fragments.size() == 1) {
    const QString quoted = o.value(QLatin1String("text")).toString();
    const QString actual = offsets.slice(text, e->start(), e->end());
    if (quoted != actual) {
      *keep = false;
      return r.problem(field, QStringLiteral("the text at %1-%2 is '%3', not '%4'")
                                  .arg(e->start())
                                  .arg(e->end())
                                  .arg(actual, quoted));
    }
  }
  e->attributes = without(o, {"start", "end", "label", "id", "fragments", "text"});
  return true;
}

const EntitySpan* findArgument(const Document& d, const QJsonObject& rel, const char* idKey,
                               const char* spanKey) {
  const QJsonValue id = rel.value(QLatin1String(idKey));
  if (id.isString()) return d.entity(id.toString());
  const QJsonObject span = rel.value(QLatin1String(spanKey)).toObject();
  int start = 0, end = 0;
  if (!toInt(span.value(QLatin1String("start")), &start) || !toInt(span.value(QLatin1String("end")), &end))
    return nullptr;
  const QString label = span.value(QLatin1String("label")).toString();
  for (const EntitySpan& e : d.entities)
    if (e.start() == start && e.end() == end && (label.isEmpty() || e.type == label)) return &e;
  return nullptr;
}

Result<Document> readDocument(const QJsonObject& o, const QString& stem, LineReader& r) {
  Document d;
  d.sourceFile = r.path;
  d.sourceLine = r.line;
  const QJsonValue textValue = o.value(QLatin1String("text"));
  if (!textValue.isString()) return r.fail(QStringLiteral("text"), QStringLiteral("missing or not a string"));
  d.text = textValue.toString();
  const TextOffsets offsets(d.text);

  for (auto [key, type] : {std::pair{"meta", QJsonValue::Object},
                           {"spans", QJsonValue::Array},
                           {"relations", QJsonValue::Array},
                           {"answers", QJsonValue::Array},
                           {"cats", QJsonValue::Object}})
    if (auto e = wrongType(o, key, type, QString::fromLatin1(key), r)) return *e;
  const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
  for (const char* key : {"name", "split", "status"})
    if (auto e = wrongType(meta, key, QJsonValue::String, QStringLiteral("meta.") + QLatin1String(key), r))
      return *e;
  d.name = meta.value(QLatin1String("name")).toString();
  if (d.name.isEmpty()) d.name = QStringLiteral("%1-%2").arg(stem).arg(r.line);
  if (meta.contains(QLatin1String("split")) &&
      !parseSplit(meta.value(QLatin1String("split")).toString(), &d.split))
    return r.fail(QStringLiteral("meta.split"),
                  QStringLiteral("unknown split '%1'").arg(meta.value(QLatin1String("split")).toString()));
  if (meta.contains(QLatin1String("status")) &&
      !parseStatus(meta.value(QLatin1String("status")).toString(), &d.status))
    return r.fail(QStringLiteral("meta.status"),
                  QStringLiteral("unknown status '%1'").arg(meta.value(QLatin1String("status")).toString()));
  d.metadata = without(meta, {"name", "split", "status"});
  const QJsonObject extra = without(o, {"text", "spans", "relations", "answers", "cats", "meta"});
  if (!extra.isEmpty()) d.metadata.insert(kExtra, extra);

  const QJsonArray spans = o.value(QLatin1String("spans")).toArray();
  QSet<QString> usedKeys;
  for (int i = 0; i < spans.size(); ++i) {
    EntitySpan e;
    bool keep = true;
    if (!readSpan(spans[i], QStringLiteral("spans[%1]").arg(i), d.text, offsets, r, &e, &keep))
      return r.error;
    if (!keep) continue;
    usedKeys.insert(e.key);
    d.entities << e;
  }
  int next = 1;
  for (EntitySpan& e : d.entities) {
    if (!e.key.isEmpty()) continue;
    while (usedKeys.contains(QStringLiteral("T%1").arg(next))) ++next;
    e.key = QStringLiteral("T%1").arg(next++);
  }

  const QJsonArray relations = o.value(QLatin1String("relations")).toArray();
  for (int i = 0; i < relations.size(); ++i) {
    const QString field = QStringLiteral("relations[%1]").arg(i);
    if (!relations[i].isObject())
      return r.fail(field,
                    QStringLiteral("must be an object, got %1").arg(jsonTypeName(relations[i].type())));
    const QJsonObject rel = relations[i].toObject();
    Relation x;
    x.type = rel.value(QLatin1String("label")).toString();
    if (x.type.isEmpty()) return r.fail(field, QStringLiteral("'label' must be a non-empty string"));
    const EntitySpan* head = findArgument(d, rel, "head", "head_span");
    const EntitySpan* tail = findArgument(d, rel, "child", "child_span");
    if (!head || !tail) {
      if (!r.problem(field, QStringLiteral("its %1 matches no span")
                                .arg(head ? QStringLiteral("child") : QStringLiteral("head"))))
        return r.error;
      continue;
    }
    x.head = head->key;
    x.tail = tail->key;
    x.key = rel.value(QLatin1String("id")).toString();
    if (x.key.isEmpty()) x.key = QStringLiteral("R%1").arg(d.relations.size() + 1);
    x.attributes = without(rel, {"label", "head", "child", "head_span", "child_span", "id"});
    d.relations << x;
  }

  const QJsonArray answers = o.value(QLatin1String("answers")).toArray();
  for (int i = 0; i < answers.size(); ++i) {
    const QString field = QStringLiteral("answers[%1]").arg(i);
    if (!answers[i].isObject())
      return r.fail(field, QStringLiteral("must be an object, got %1").arg(jsonTypeName(answers[i].type())));
    const QJsonObject a = answers[i].toObject();
    QaAnswer x;
    x.field = a.value(QLatin1String("field")).toString();
    if (x.field.isEmpty()) return r.fail(field, QStringLiteral("'field' must be a non-empty string"));
    x.questionId = a.value(QLatin1String("id")).toString();
    x.noAnswer = a.value(QLatin1String("no_answer")).toBool();
    if (!x.noAnswer) {
      if (!toInt(a.value(QLatin1String("start")), &x.start) || !toInt(a.value(QLatin1String("end")), &x.end))
        return r.fail(field, QStringLiteral("'start' and 'end' must be integers (or \"no_answer\": true)"));
      if (x.start < 0 || x.end < x.start || x.end > offsets.codePointCount()) {
        if (!r.problem(field, QStringLiteral("offsets %1-%2 are outside the text").arg(x.start).arg(x.end)))
          return r.error;
        continue;
      }
    }
    x.attributes = without(a, {"field", "id", "no_answer", "start", "end"});
    d.answers << x;
  }

  const QJsonObject cats = o.value(QLatin1String("cats")).toObject();
  for (auto it = cats.begin(); it != cats.end(); ++it) {
    if (!it.value().isBool() && !it.value().isDouble())
      return r.fail(
          QStringLiteral("cats.") + it.key(),
          QStringLiteral("must be a boolean or a score, got %1").arg(jsonTypeName(it.value().type())));
    if (it.value().toBool() || it.value().toDouble() >= 0.5) d.labels << DocumentLabel{it.key(), {}};
  }
  return d;
}

QJsonObject spanRef(const EntitySpan& e) {
  return {{QStringLiteral("start"), e.start()},
          {QStringLiteral("end"), e.end()},
          {QStringLiteral("label"), e.type}};
}

QJsonObject writeDocument(const Document& d) {
  QJsonObject o = d.metadata.value(kExtra).toObject();
  const TextOffsets offsets(d.text);
  o.insert(QStringLiteral("text"), d.text);
  QJsonArray spans;
  for (const EntitySpan& e : d.entities) {
    QJsonObject s = e.attributes;
    s.insert(QStringLiteral("start"), e.start());
    s.insert(QStringLiteral("end"), e.end());
    s.insert(QStringLiteral("label"), e.type);
    s.insert(QStringLiteral("id"), e.key);
    if (e.isDiscontinuous()) {
      QJsonArray frags;
      for (const Fragment& f : e.fragments) frags.append(QJsonArray{f.start, f.end});
      s.insert(QStringLiteral("fragments"), frags);
    } else {
      s.insert(QStringLiteral("text"), offsets.slice(d.text, e.start(), e.end()));
    }
    spans.append(s);
  }
  o.insert(QStringLiteral("spans"), spans);
  if (!d.relations.isEmpty()) {
    QJsonArray relations;
    for (const Relation& r : d.relations) {
      QJsonObject x = r.attributes;
      x.insert(QStringLiteral("id"), r.key);
      x.insert(QStringLiteral("label"), r.type);
      x.insert(QStringLiteral("head"), r.head);
      x.insert(QStringLiteral("child"), r.tail);
      if (const EntitySpan* h = d.entity(r.head)) x.insert(QStringLiteral("head_span"), spanRef(*h));
      if (const EntitySpan* t = d.entity(r.tail)) x.insert(QStringLiteral("child_span"), spanRef(*t));
      relations.append(x);
    }
    o.insert(QStringLiteral("relations"), relations);
  }
  if (!d.answers.isEmpty()) {
    QJsonArray answers;
    for (const QaAnswer& a : d.answers) {
      QJsonObject x = a.attributes;
      x.insert(QStringLiteral("field"), a.field);
      if (!a.questionId.isEmpty()) x.insert(QStringLiteral("id"), a.questionId);
      if (a.noAnswer) {
        x.insert(QStringLiteral("no_answer"), true);
      } else {
        x.insert(QStringLiteral("start"), a.start);
        x.insert(QStringLiteral("end"), a.end);
      }
      answers.append(x);
    }
    o.insert(QStringLiteral("answers"), answers);
  }
  if (!d.labels.isEmpty()) {
    QJsonObject cats;
    for (const DocumentLabel& l : d.labels) cats.insert(l.category, 1.0);
    o.insert(QStringLiteral("cats"), cats);
  }
  QJsonObject meta = d.metadata;
  meta.remove(kExtra);
  meta.insert(QStringLiteral("name"), d.name);
  if (d.split != Split::Unassigned) meta.insert(QStringLiteral("split"), splitName(d.split));
  if (d.status != DocumentStatus::New) meta.insert(QStringLiteral("status"), statusName(d.status));
  o.insert(QStringLiteral("meta"), meta);
  return o;
}

}  // namespace

QString JsonlFormat::description() const {
  return QStringLiteral("JSON Lines, spaCy/Prodigy shape (text, spans, relations, answers, cats, meta)");
}

QString JsonlFormat::schemaSidecar(const QString& path) {
  const QString beside = path + QStringLiteral(".schema.json");
  if (QFileInfo::exists(beside)) return beside;
  const QString folder = QFileInfo(path).absoluteDir().filePath(QStringLiteral("schema.json"));
  if (QFileInfo::exists(folder)) return folder;
  return {};
}

Result<Corpus> JsonlFormat::read(const QString& path, const ImportOptions& options,
                                 ImportReport& report) const {
  ImportReport local;
  ImportProblems problems(options, local);
  QStringList* repairs = problems.repairing() ? &local.warnings : nullptr;
  Result<QString> text = readUtf8File(path, &problems);
  if (!text) return text.error();
  Corpus corpus;
  const QString sidecar = schemaSidecar(path);
  if (!sidecar.isEmpty()) {
    Result<Schema> schema = readSchemaFile(sidecar, repairs);
    if (!schema) return schema.error();
    corpus.schema = schema.value();
  }
  const QString stem = QFileInfo(path).completeBaseName();
  const TextLines lines = splitLines(text.value());
  for (int n = 0; n < lines.lines.size(); ++n) {
    if (!reportProgress(options.progress, n, lines.lines.size()))
      return Error("import cancelled", path.toStdString());
    const QString& line = lines.lines[n];
    if (line.trimmed().isEmpty()) continue;
    LineReader r{path, n + 1, options, local.warnings, {}};
    Result<QJsonDocument> doc = parseJson(line.toUtf8(), path, n + 1, repairs);
    if (!doc) return doc.error();
    if (!doc->isObject()) return r.fail({}, QStringLiteral("the line must hold a JSON object"));
    Result<Document> d = readDocument(doc->object(), stem, r);
    if (!d) return d.error();
    corpus.documents << std::move(d).value();
  }
  if (Status s = validateCorpus(corpus, options, local, path); !s) return s.error();
  report.warnings << local.warnings;
  report.documents = local.documents;
  return corpus;
}

Status JsonlFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  Result<QVector<const Document*>> docs = documentsToExport(corpus, options);
  if (!docs) return docs.error();
  QByteArray out;
  for (int k = 0; k < docs->size(); ++k) {
    if (!reportProgress(options.progress, k, docs->size()))
      return Error("export cancelled", path.toStdString());
    out += QJsonDocument(writeDocument(*docs->at(k))).toJson(QJsonDocument::Compact);
    out += '\n';
  }
  // Both files are written in full before either replaces an older one.
  OutputFile data(path);
  if (Status s = data.prepare(out); !s) return s;
  if (corpus.schema.isEmpty()) return data.commit();
  OutputFile schema(path + QStringLiteral(".schema.json"));
  if (Status s = schema.prepare(QJsonDocument(schemaToJson(corpus.schema)).toJson(QJsonDocument::Indented));
      !s)
    return s;
  if (Status s = data.commit(); !s) return s;
  return schema.commit();
}

}  // namespace quarry
