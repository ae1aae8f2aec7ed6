#include "jobs/ReviewBands.h"

#include <algorithm>
#include <unordered_map>

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include "jobs/EngineDocuments.h"
#include "jobs/PredictionSpec.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {
namespace {

// Task and prediction kind, in the order the review panel offers them.
const char* const kKinds[][2] = {
    {"ner", "entity"}, {"relation", "relation"}, {"qa", "answer"}, {"classify", "label"}};

bool sameSpan(const document::EntityMention& a, const document::EntityMention& b) {
  return a.start == b.start && a.end == b.end;
}

// Whether relation (head, tail, type) joins the spans of a gold relation of `gold`, undirected types either
// way.
bool relationRight(const document::AnnotatedDocument& gold, const document::EntityMention& head,
                   const document::EntityMention& tail, const std::string& type, bool directed) {
  const auto size = gold.entities.size();
  return std::any_of(gold.relations.begin(), gold.relations.end(), [&](const document::RelationMention& r) {
    if (r.type != type || size_t(r.head) >= size || size_t(r.tail) >= size) return false;
    const document::EntityMention& h = gold.entities[size_t(r.head)];
    const document::EntityMention& t = gold.entities[size_t(r.tail)];
    return (sameSpan(h, head) && sameSpan(t, tail)) || (!directed && sameSpan(h, tail) && sameSpan(t, head));
  });
}

bool conceptRelationRight(const document::AnnotatedDocument& gold,
                          const document::PredictedConceptRelation& p, bool directed) {
  return std::any_of(gold.conceptRelations.begin(), gold.conceptRelations.end(),
                     [&](const document::ConceptRelation& r) {
                       if (r.type != p.type) return false;
                       return (r.headConcept == p.headConcept && r.tailConcept == p.tailConcept) ||
                              (!directed && r.headConcept == p.tailConcept && r.tailConcept == p.headConcept);
                     });
}

// The marks of one document's predictions against its gold.
class DocumentMarker {
 public:
  DocumentMarker(const document::AnnotatedDocument& gold,
                 const std::unordered_map<std::string, bool>& directed,
                 std::vector<suggest::ScoredPrediction>& out)
      : m_gold(gold), m_directed(directed), m_out(out) {}

  void mark(const document::DocumentPrediction& p, const std::vector<document::EntityMention>& mentions) {
    for (const document::PredictedEntity& e : p.entities)
      add(e.confidence, std::any_of(m_gold.entities.begin(), m_gold.entities.end(), [&](const auto& g) {
            return g.start == e.start && g.end == e.end && g.type == e.type;
          }));
    for (const document::PredictedRelation& r : p.relations) {
      if (size_t(r.head) >= mentions.size() || size_t(r.tail) >= mentions.size()) continue;
      add(r.confidence, relationRight(m_gold, mentions[size_t(r.head)], mentions[size_t(r.tail)], r.type,
                                      directed(r.type)));
    }
    for (const document::PredictedConceptRelation& r : p.conceptRelations)
      add(r.confidence, conceptRelationRight(m_gold, r, directed(r.type)));
    for (const document::PredictedAnswer& a : p.answers) {
      const auto question =
          std::find_if(m_gold.questions.begin(), m_gold.questions.end(),
                       [&](const document::QuestionAnswers& q) { return q.id == a.questionId; });
      if (question == m_gold.questions.end()) continue;  // no gold says
      const auto& answers = question->answers;
      add(a.confidence, a.noAnswer
                            ? answers.empty()
                            : std::any_of(answers.begin(), answers.end(), [&](const document::AnswerSpan& s) {
                                return s.start == a.start && s.end == a.end;
                              }));
    }
    for (const document::PredictedLabel& l : p.labels)
      add(l.confidence,
          std::find(m_gold.labels.begin(), m_gold.labels.end(), l.label) != m_gold.labels.end());
  }

 private:
  bool directed(const std::string& type) const {
    const auto it = m_directed.find(type);
    return it == m_directed.end() || it->second;
  }
  void add(double confidence, bool correct) { m_out.push_back({confidence, correct}); }

  const document::AnnotatedDocument& m_gold;
  const std::unordered_map<std::string, bool>& m_directed;
  std::vector<suggest::ScoredPrediction>& m_out;
};

QString text(const QJsonObject& payload, const char* key) {
  return payload.value(QLatin1String(key)).toString();
}

// A relation argument's text, else its concept.
QString argumentText(const QJsonObject& payload, const char* argument, const char* concept) {
  const QJsonValue a = payload.value(QLatin1String(argument));
  return a.isObject() ? text(a.toObject(), "text") : text(payload, concept);
}

}  // namespace

QString predictionKindOf(const QString& task) {
  for (const auto& [t, kind] : kKinds)
    if (task == QLatin1String(t)) return QLatin1String(kind);
  return {};
}

QString taskOfKind(const QString& kind) {
  for (const auto& [task, k] : kKinds)
    if (kind == QLatin1String(k)) return QLatin1String(task);
  return {};
}

std::vector<suggest::ScoredPrediction> markDevPredictions(const DocumentSet& gold,
                                                          const PredictionResults& results) {
  std::unordered_map<std::string, bool> directed;
  for (const document::RelationTypeSpec& spec : gold.relationSpecs) directed[spec.name] = spec.directed;
  const bool byId = !gold.storeIds.isEmpty() && !results.documents.storeIds.isEmpty();
  QHash<qint64, size_t> goldIndex;
  for (qsizetype i = 0; byId && i < gold.storeIds.size(); ++i) goldIndex.insert(gold.storeIds[i], size_t(i));
  std::vector<suggest::ScoredPrediction> scored;
  for (size_t d = 0; d < results.predictions.size(); ++d) {
    size_t g = d;
    if (byId) {
      const auto found = goldIndex.constFind(results.documents.storeIds.value(qsizetype(d), -1));
      if (found == goldIndex.cend()) continue;
      g = *found;
    }
    if (g >= gold.documents.size()) continue;
    const document::AnnotatedDocument& goldDocument = gold.documents[g];
    DocumentMarker(goldDocument, directed, scored)
        .mark(results.predictions[d],
              d < results.mentions.size() ? results.mentions[d] : goldDocument.entities);
  }
  return scored;
}

QString describePrediction(const Prediction& p) {
  const QJsonObject& payload = p.payload;
  const QString arrow = QStringLiteral(" \u2192 ");
  if (p.kind == QLatin1String("entity"))
    return text(payload, "type") + QStringLiteral(": ") + text(payload, "text");
  if (p.kind == QLatin1String("relation"))
    return text(payload, "type") + QStringLiteral(": ") + argumentText(payload, "head", "head_concept") +
           arrow + argumentText(payload, "tail", "tail_concept");
  if (p.kind == QLatin1String("answer")) {
    const QString field =
        payload.contains(QLatin1String("field")) ? text(payload, "field") : text(payload, "question_id");
    const QString answer = payload.value(QLatin1String("no_answer")).toBool()
                               ? QCoreApplication::translate("quarry::jobs", "(no answer)")
                               : text(payload, "text");
    return field + QStringLiteral(": ") + answer;
  }
  if (p.kind == QLatin1String("label")) return text(payload, "label");
  return {};
}

Result<QVector<BandedPrediction>> bandPredictions(ProjectStore& store, qint64 runId, const QString& kind,
                                                  const suggest::ConfidenceBands& bands) {
  auto rows = store.predictionsOfRun(runId, kind);
  if (!rows) return rows.error();
  auto documents = store.listDocuments();
  if (!documents) return documents.error();
  QHash<qint64, QString> names;
  for (const DocumentSummary& d : documents.value()) names.insert(d.id, d.name);
  QVector<BandedPrediction> out;
  for (const Prediction& p : rows.value()) {
    if (!p.decision.isEmpty()) continue;
    out.push_back({p, names.value(p.documentId), describePrediction(p), bands.bandOf(p.confidence)});
  }
  std::stable_sort(out.begin(), out.end(), [](const BandedPrediction& a, const BandedPrediction& b) {
    return a.prediction.confidence > b.prediction.confidence;
  });
  return out;
}

Result<QVector<BandedPrediction>> reviewQueue(ProjectStore& store, const QString& kind,
                                              const suggest::ConfidenceBands& bands) {
  auto run = store.latestRunWithPredictions(kind);
  if (!run) return run.error();
  if (run.value() <= 0) return QVector<BandedPrediction>();
  return bandPredictions(store, run.value(), kind, bands);
}

suggest::BandCounts countBands(const QVector<BandedPrediction>& banded,
                               const suggest::ConfidenceBands& bands) {
  std::vector<double> confidences;
  confidences.reserve(size_t(banded.size()));
  for (const BandedPrediction& b : banded) confidences.push_back(b.prediction.confidence);
  return bands.count(confidences);
}

}  // namespace quarry::jobs
