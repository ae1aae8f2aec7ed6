#include "training/SuggestionReader.h"

#include <algorithm>

#include <QJsonObject>

#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

bool undecided(const Prediction& p, const char* kind) {
  return p.kind == QLatin1String(kind) && p.decision.isEmpty();
}

// The key of the document's contiguous entity of `type` exactly at [start, end); empty = none.
QString entityAt(const Document& document, int start, int end, const QString& type) {
  for (const EntitySpan& e : document.entities)
    if (e.type == type && !e.isDiscontinuous() && e.start() == start && e.end() == end) return e.key;
  return {};
}

// The key of the entity a relation payload's argument ({start, end, type}) names.
QString argumentEntity(const Document& document, const QJsonObject& argument) {
  return entityAt(document, argument.value(QStringLiteral("start")).toInt(),
                  argument.value(QStringLiteral("end")).toInt(),
                  argument.value(QStringLiteral("type")).toString());
}

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

QVector<SuggestedSpan> suggestedSpans(const QVector<Prediction>& rows, const Document& document) {
  QVector<SuggestedSpan> shown;
  for (const Prediction& p : rows) {
    if (!undecided(p, "entity")) continue;
    SuggestedSpan s;
    s.id = p.id;
    s.start = p.payload.value(QStringLiteral("start")).toInt();
    s.end = p.payload.value(QStringLiteral("end")).toInt();
    s.type = p.payload.value(QStringLiteral("type")).toString();
    s.confidence = p.confidence;
    if (s.start < s.end && entityAt(document, s.start, s.end, s.type).isEmpty()) shown << s;
  }
  std::sort(shown.begin(), shown.end(), [](const SuggestedSpan& a, const SuggestedSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return shown;
}

QVector<SuggestedRelation> suggestedRelations(const QVector<Prediction>& rows, const Document& document,
                                              const Schema& schema) {
  QVector<SuggestedRelation> shown;
  for (const Prediction& p : rows) {
    // Document-level relations (between concepts) have no spans to draw an arc between.
    if (!undecided(p, "relation") || !p.payload.contains(QStringLiteral("head"))) continue;
    SuggestedRelation s;
    s.id = p.id;
    s.type = p.payload.value(QStringLiteral("type")).toString();
    s.head = argumentEntity(document, p.payload.value(QStringLiteral("head")).toObject());
    s.tail = argumentEntity(document, p.payload.value(QStringLiteral("tail")).toObject());
    s.confidence = p.confidence;
    if (!s.head.isEmpty() && !s.tail.isEmpty() && !related(document, schema, s)) shown << s;
  }
  return shown;
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

DocumentSuggestions readSuggestions(ProjectStore& store, qint64 documentId, const Document& document,
                                    const Schema& schema) {
  DocumentSuggestions s;
  s.spans = suggestedSpans(newestRows(store, documentId, QStringLiteral("entity")), document);
  s.relations =
      suggestedRelations(newestRows(store, documentId, QStringLiteral("relation")), document, schema);
  s.answers = suggestedAnswers(newestRows(store, documentId, QStringLiteral("answer")), document, schema);
  s.categories =
      suggestedCategories(newestRows(store, documentId, QStringLiteral("label")), document, schema);
  return s;
}

}  // namespace quarry::ui
