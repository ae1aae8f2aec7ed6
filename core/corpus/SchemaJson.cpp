#include "corpus/SchemaJson.h"

#include "corpus/JsonText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace quarry {
namespace {

QJsonArray toArray(const QStringList& l) { return QJsonArray::fromStringList(l); }

QJsonObject guidelineToJson(const Guideline& g) {
  QJsonObject o;
  o[QStringLiteral("definition")] = g.definition;
  o[QStringLiteral("positive_examples")] = toArray(g.positiveExamples);
  o[QStringLiteral("negative_examples")] = toArray(g.negativeExamples);
  o[QStringLiteral("edge_cases")] = toArray(g.edgeCases);
  return o;
}

// Reads JSON values with the path of the field for error messages.
class Reader {
 public:
  explicit Reader(QString where) : m_where(std::move(where)) {}
  bool failed() const { return !m_error.message.empty(); }
  Error error() const { return m_error; }

  QString string(const QJsonObject& o, const char* key, const QString& path, bool required = false) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
      if (required) fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("is required"));
      return {};
    }
    if (!v.isString()) fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a string"));
    return v.toString();
  }
  QStringList strings(const QJsonObject& o, const char* key, const QString& path) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return {};
    const QString field = path + QLatin1Char('.') + QLatin1String(key);
    if (!v.isArray()) {
      fail(field, QStringLiteral("must be an array of strings"));
      return {};
    }
    QStringList out;
    for (const QJsonValue& e : v.toArray()) {
      if (!e.isString()) {
        fail(field, QStringLiteral("must be an array of strings"));
        return {};
      }
      out << e.toString();
    }
    return out;
  }
  bool boolean(const QJsonObject& o, const char* key, const QString& path, bool fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return fallback;
    if (!v.isBool())
      fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be true or false"));
    return v.toBool();
  }
  QJsonArray objects(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isArray()) fail(QLatin1String(key), QStringLiteral("must be an array"));
    const QJsonArray a = v.toArray();
    for (int i = 0; i < a.size(); ++i)
      if (!a[i].isObject())
        fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i), QStringLiteral("must be an object"));
    return a;
  }
  Guideline guideline(const QJsonObject& o, const QString& path) {
    const QJsonValue v = o.value(QLatin1String("guideline"));
    Guideline g;
    if (v.isUndefined() || v.isNull()) return g;
    const QString p = path + QStringLiteral(".guideline");
    if (!v.isObject()) {
      fail(p, QStringLiteral("must be an object"));
      return g;
    }
    const QJsonObject go = v.toObject();
    g.definition = string(go, "definition", p);
    g.positiveExamples = strings(go, "positive_examples", p);
    g.negativeExamples = strings(go, "negative_examples", p);
    g.edgeCases = strings(go, "edge_cases", p);
    return g;
  }
  void fail(const QString& field, const QString& message) {
    if (failed()) return;
    m_error = Error(message.toStdString(), m_where.toStdString(), 0, field.toStdString());
  }

 private:
  QString m_where;
  Error m_error;
};

template <typename T>
bool duplicateName(const QVector<T>& items, const QString& name) {
  int n = 0;
  for (const T& t : items) n += t.name == name;
  return n > 1;
}

}  // namespace

QJsonObject schemaToJson(const Schema& s) {
  QJsonArray entities, relations, fields, categories;
  for (const EntityType& t : s.entityTypes) {
    QJsonObject o{{QStringLiteral("name"), t.name},
                  {QStringLiteral("colour"), t.colour},
                  {QStringLiteral("hotkey"), t.hotkey}};
    o[QStringLiteral("guideline")] = guidelineToJson(t.guideline);
    entities.append(o);
  }
  for (const RelationType& t : s.relationTypes) {
    QJsonObject o{{QStringLiteral("name"), t.name},
                  {QStringLiteral("directed"), t.directed},
                  {QStringLiteral("head_types"), toArray(t.headTypes)},
                  {QStringLiteral("tail_types"), toArray(t.tailTypes)},
                  {QStringLiteral("colour"), t.colour},
                  {QStringLiteral("hotkey"), t.hotkey}};
    o[QStringLiteral("guideline")] = guidelineToJson(t.guideline);
    relations.append(o);
  }
  for (const QaField& f : s.qaFields) {
    QJsonObject o{{QStringLiteral("name"), f.name},
                  {QStringLiteral("questions"), toArray(f.questions)},
                  {QStringLiteral("hotkey"), f.hotkey}};
    o[QStringLiteral("guideline")] = guidelineToJson(f.guideline);
    if (!f.entityType.isEmpty()) o[QStringLiteral("entity_type")] = f.entityType;
    fields.append(o);
  }
  for (const CategoryType& c : s.categories) {
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("colour"), c.colour},
                  {QStringLiteral("hotkey"), c.hotkey}};
    o[QStringLiteral("guideline")] = guidelineToJson(c.guideline);
    categories.append(o);
  }
  return QJsonObject{{QStringLiteral("entity_types"), entities},
                     {QStringLiteral("relation_types"), relations},
                     {QStringLiteral("qa_fields"), fields},
                     {QStringLiteral("categories"), categories},
                     {QStringLiteral("multi_label_categories"), s.multiLabelCategories},
                     {QStringLiteral("guideline_version"), s.guidelineVersion}};
}

Result<Schema> schemaFromJson(const QJsonObject& json, const QString& where) {
  Reader r(where);
  Schema s;
  const QJsonArray ents = r.objects(json, "entity_types");
  for (int i = 0; i < ents.size() && !r.failed(); ++i) {
    const QJsonObject o = ents[i].toObject();
    const QString p = QStringLiteral("entity_types[%1]").arg(i);
    EntityType t;
    t.name = r.string(o, "name", p, true);
    t.colour = r.string(o, "colour", p);
    t.hotkey = r.string(o, "hotkey", p);
    t.guideline = r.guideline(o, p);
    s.entityTypes.push_back(t);
    if (duplicateName(s.entityTypes, t.name))
      r.fail(p + QStringLiteral(".name"), QStringLiteral("duplicate name '%1'").arg(t.name));
  }
  const QJsonArray rels = r.objects(json, "relation_types");
  for (int i = 0; i < rels.size() && !r.failed(); ++i) {
    const QJsonObject o = rels[i].toObject();
    const QString p = QStringLiteral("relation_types[%1]").arg(i);
    RelationType t;
    t.name = r.string(o, "name", p, true);
    t.directed = r.boolean(o, "directed", p, true);
    t.headTypes = r.strings(o, "head_types", p);
    t.tailTypes = r.strings(o, "tail_types", p);
    t.colour = r.string(o, "colour", p);
    t.hotkey = r.string(o, "hotkey", p);
    t.guideline = r.guideline(o, p);
    s.relationTypes.push_back(t);
    if (duplicateName(s.relationTypes, t.name))
      r.fail(p + QStringLiteral(".name"), QStringLiteral("duplicate name '%1'").arg(t.name));
  }
  const QJsonArray qas = r.objects(json, "qa_fields");
  for (int i = 0; i < qas.size() && !r.failed(); ++i) {
    const QJsonObject o = qas[i].toObject();
    const QString p = QStringLiteral("qa_fields[%1]").arg(i);
    QaField f;
    f.name = r.string(o, "name", p, true);
    f.questions = r.strings(o, "questions", p);
    f.hotkey = r.string(o, "hotkey", p);
    f.guideline = r.guideline(o, p);
    f.entityType = r.string(o, "entity_type", p);
    if (!f.entityType.isEmpty() && !s.entityType(f.entityType))
      r.fail(p + QStringLiteral(".entity_type"), QStringLiteral("no entity type '%1' in entity_types").arg(f.entityType));
    s.qaFields.push_back(f);
    if (duplicateName(s.qaFields, f.name))
      r.fail(p + QStringLiteral(".name"), QStringLiteral("duplicate name '%1'").arg(f.name));
  }
  const QJsonArray cats = r.objects(json, "categories");
  for (int i = 0; i < cats.size() && !r.failed(); ++i) {
    const QJsonObject o = cats[i].toObject();
    const QString p = QStringLiteral("categories[%1]").arg(i);
    CategoryType c;
    c.name = r.string(o, "name", p, true);
    c.colour = r.string(o, "colour", p);
    c.hotkey = r.string(o, "hotkey", p);
    c.guideline = r.guideline(o, p);
    s.categories.push_back(c);
    if (duplicateName(s.categories, c.name))
      r.fail(p + QStringLiteral(".name"), QStringLiteral("duplicate name '%1'").arg(c.name));
  }
  s.multiLabelCategories = r.boolean(json, "multi_label_categories", {}, false);
  const QJsonValue version = json.value(QLatin1String("guideline_version"));
  if (!version.isUndefined()) {
    if (!version.isDouble() || version.toInt() < 1)
      r.fail(QStringLiteral("guideline_version"), QStringLiteral("must be a positive integer"));
    else
      s.guidelineVersion = version.toInt();
  }
  for (const RelationType& t : s.relationTypes)
    for (const QString& arg : t.headTypes + t.tailTypes)
      if (!s.entityType(arg))
        r.fail(QStringLiteral("relation_types.%1").arg(t.name),
               QStringLiteral("argument type '%1' is not an entity type").arg(arg));
  if (r.failed()) return r.error();
  return s;
}

Result<Schema> readSchemaFile(const QString& path, QStringList* repairs) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  Result<QJsonDocument> doc = parseJson(f.readAll(), path, 1, repairs);
  if (!doc) return doc.error();
  if (!doc->isObject()) return Error("the schema must be a JSON object", path.toStdString(), 1);
  return schemaFromJson(doc->object(), path);
}

}  // namespace quarry
