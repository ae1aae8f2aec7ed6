#include "training/SuggestionReader.h"

#include <algorithm>

#include <QHash>
#include <QJsonObject>

#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

bool undecided(const Prediction& p, const char* kind) {
  return p.kind == QLatin1String(kind) && p.decision.isEmpty();
}

// The document's contiguous entities by offsets and type, read once per call (a long document has tens of
// thousands, and every suggestion looks one up).
class EntitiesAt {
 public:
  explicit EntitiesAt(const Document& document) {
    m_keys.reserve(document.entities.size());
    for (const EntitySpan& e : document.entities)
      if (!e.isDiscontinuous()) m_keys.insert({(quint64(quint32(e.start())) << 32) | quint32(e.end()), e.type}, e.key);
  }
  // The key of the entity of `type` exactly at [start, end); empty = none.
  QString at(int start, int end, const QString& type) const {
    return m_keys.value({(quint64(quint32(start)) << 32) | quint32(end), type});
  }
  // The key of the entity a relation payload's argument ({start, end, type}) names.
  QString argument(const QJsonObject& a) const {
    return at(a.value(QStringLiteral("start")).toInt(), a.value(QStringLiteral("end")).toInt(),
              a.value(QStringLiteral("type")).toString());
  }

 private:
  QHash<std::pair<quint64, QString>, QString> m_keys;
};

bool related(const Document& document, const Schema& schema, const SuggestedRelation& s) {
  const RelationType* type = schema.relationType(s.type);
  const bool symmetric = type && !type->directed;
  return std::any_of(document.relations.cbegin(), document.relations.cend(), [&](const Relation& r) {
    return r.type == s.type &&
           ((r.head == s.head && r.tail == s.tail) || (symmetric && r.head == s.tail && r.tail == s.head));
  });
}

// The rows of the newest run with predictions of `kind` for the document; none when there is none.
QVector<Prediction> newestRows(ProjectStore& store, qint64 documentId, const QString& kind) {
  auto run = store.latestRunWithPredictions(kind);
  if (!run || run.value() <= 0) return {};
  auto rows = store.predictionsForDocument(documentId, run.value());
  return rows ? rows.value() : QVector<Prediction>();
}

}  // namespace

namespace {

QVector<SuggestedSpan> spansSaidBy(const QVector<Prediction>& rows, const EntitiesAt& entities) {
  QVector<SuggestedSpan> shown;
  for (const Prediction& p : rows) {
    if (!undecided(p, "entity")) continue;
    SuggestedSpan s;
    s.id = p.id;
    s.start = p.payload.value(QStringLiteral("start")).toInt();
    s.end = p.payload.value(QStringLiteral("end")).toInt();
    s.type = p.payload.value(QStringLiteral("type")).toString();
    s.confidence = p.confidence;
    if (s.start < s.end && entities.at(s.start, s.end, s.type).isEmpty()) shown << s;
  }
  std::sort(shown.begin(), shown.end(), [](const SuggestedSpan& a, const SuggestedSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return shown;
}

QVector<SuggestedRelation> relationsSaidBy(const QVector<Prediction>& rows, const Document& document,
                                           const Schema& schema, const EntitiesAt& entities) {
  QVector<SuggestedRelation> shown;
  for (const Prediction& p : rows) {
    // Document-level relations (between concepts) have no spans to draw an arc between.
    if (!undecided(p, "relation") || !p.payload.contains(QStringLiteral("head"))) continue;
    SuggestedRelation s;
    s.id = p.id;
    s.type = p.payload.value(QStringLiteral("type")).toString();
    s.head = entities.argument(p.payload.value(QStringLiteral("head")).toObject());
    s.tail = entities.argument(p.payload.value(QStringLiteral("tail")).toObject());
    s.confidence = p.confidence;
    if (!s.head.isEmpty() && !s.tail.isEmpty() && !related(document, schema, s)) shown << s;
  }
  return shown;
}

}  // namespace

QVector<SuggestedSpan> suggestedSpans(const QVector<Prediction>& rows, const Document& document) {
  return spansSaidBy(rows, EntitiesAt(document));
}

QVector<SuggestedRelation> suggestedRelations(const QVector<Prediction>& rows, const Document& document,
                                              const Schema& schema) {
  return relationsSaidBy(rows, document, schema, EntitiesAt(document));
}

QVector<SuggestedAnswer> suggestedAnswers(const QVector<Prediction>& rows, const Document& document,
                                          const Schema& schema) {
  QVector<SuggestedAnswer> shown;
  for (const QaField& field : schema.qaFields) {
    const bool answered = std::any_of(document.answers.cbegin(), document.answers.cend(),
                                      [&](const QaAnswer& a) { return a.field == field.name; });
    if (answered) continue;
    const Prediction* best = nullptr;
    for (const Prediction& p : rows)
      if (undecided(p, "answer") && p.payload.value(QStringLiteral("field")).toString() == field.name &&
          (!best || p.confidence > best->confidence))
        best = &p;
    if (!best) continue;
    SuggestedAnswer s;
    s.id = best->id;
    s.field = field.name;
    s.noAnswer = best->payload.value(QStringLiteral("no_answer")).toBool();
    s.start = best->payload.value(QStringLiteral("start")).toInt();
    s.end = best->payload.value(QStringLiteral("end")).toInt();
    s.text = best->payload.value(QStringLiteral("text")).toString();
    s.confidence = best->confidence;
    if (s.noAnswer || s.start < s.end) shown << s;
  }
  return shown;
}

QVector<SuggestedCategory> suggestedCategories(const QVector<Prediction>& rows, const Document& document,
                                               const Schema& schema) {
  QVector<SuggestedCategory> shown;
  for (const Prediction& p : rows) {
    if (!undecided(p, "label")) continue;
    SuggestedCategory s;
    s.id = p.id;
    s.category = p.payload.value(QStringLiteral("label")).toString();
    s.confidence = p.confidence;
    const bool known = std::any_of(schema.categories.cbegin(), schema.categories.cend(),
                                   [&](const CategoryType& c) { return c.name == s.category; });
    const bool held = std::any_of(document.labels.cbegin(), document.labels.cend(),
                                  [&](const DocumentLabel& l) { return l.category == s.category; });
    if (known && !held) shown << s;
  }
  std::stable_sort(shown.begin(), shown.end(), [](const SuggestedCategory& a, const SuggestedCategory& b) {
    return a.confidence > b.confidence;
  });
  return shown;
}

QVector<Prediction> readSuggestionRows(ProjectStore& store, qint64 documentId) {
  QVector<Prediction> rows;
  for (const char* kind : {"entity", "relation", "answer", "label"})
    rows += newestRows(store, documentId, QLatin1String(kind));
  return rows;
}

DocumentSuggestions suggestionsFrom(const QVector<Prediction>& rows, const Document& document, const Schema& schema,
                                    SuggestionParts parts, const DocumentSuggestions& before) {
  DocumentSuggestions s = before;
  if (parts.spansAndRelations) {
    const EntitiesAt entities(document);  // once for both
    s.spans = spansSaidBy(rows, entities);
    s.relations = relationsSaidBy(rows, document, schema, entities);
  }
  if (parts.answers) s.answers = suggestedAnswers(rows, document, schema);
  if (parts.categories) s.categories = suggestedCategories(rows, document, schema);
  return s;
}

DocumentSuggestions readSuggestions(ProjectStore& store, qint64 documentId, const Document& document,
                                    const Schema& schema) {
  return suggestionsFrom(readSuggestionRows(store, documentId), document, schema);
}

}  // namespace quarry::ui
