#include "jobs/EngineDocuments.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "corpus/TextOffsets.h"
#include "formats/FormatRegistry.h"

namespace quarry::jobs {

namespace {

// A concept id a format kept on the span (PubTator's, brat's normalisation), if any.
std::string conceptIdOf(const EntitySpan& e) {
  for (const char* key : {"concept_id", "identifier", "normalization"}) {
    const QJsonValue v = e.attributes.value(QLatin1String(key));
    if (v.isString() && !v.toString().isEmpty()) return v.toString().toStdString();
  }
  return {};
}

// One question per phrasing of `field` (its name when it has none), without answers.
std::vector<document::QuestionAnswers> questionsOf(const QaField& field) {
  const QStringList phrasings = field.questions.isEmpty() ? QStringList{field.name} : field.questions;
  std::vector<document::QuestionAnswers> out;
  for (int k = 0; k < phrasings.size(); ++k) {
    document::QuestionAnswers q;
    q.id = (phrasings.size() == 1 ? field.name : field.name + QLatin1Char('#') + QString::number(k)).toStdString();
    q.field = field.name.toStdString();
    q.question = phrasings[k].toStdString();
    out.push_back(std::move(q));
  }
  return out;
}

// A QA field that names an entity type is asked of every document, once per phrasing: every span of the
// type is an answer (with the field's annotated answers), none makes it an unanswerable question.
void appendEntityTypeQuestions(const Document& d, const Schema& schema, document::AnnotatedDocument& out) {
  for (const QaField& field : schema.qaFields) {
    if (field.entityType.isEmpty()) continue;
    std::vector<document::AnswerSpan> answers;
    for (const EntitySpan& e : d.entities)
      if (e.type == field.entityType && !e.fragments.isEmpty()) answers.push_back({e.start(), e.end()});
    for (const QaAnswer& a : d.answers)
      if (a.field == field.name && !a.noAnswer) answers.push_back({a.start, a.end});
    std::sort(answers.begin(), answers.end(), [](const document::AnswerSpan& x, const document::AnswerSpan& y) {
      return x.start != y.start ? x.start < y.start : x.end < y.end;
    });
    answers.erase(std::unique(answers.begin(), answers.end()), answers.end());
    for (document::QuestionAnswers& q : questionsOf(field)) {
      q.answers = answers;
      out.questions.push_back(std::move(q));
    }
  }
}

document::AnnotatedDocument toEngineDocument(const Document& d, const Schema& schema, int* discontinuous) {
  document::AnnotatedDocument out;
  out.id = d.name.toStdString();
  out.text = d.text.toStdString();
  QHash<QString, int32_t> mentionIndex;
  for (const EntitySpan& e : d.entities) {
    if (e.fragments.isEmpty()) continue;
    if (e.isDiscontinuous()) ++*discontinuous;
    mentionIndex.insert(e.key, static_cast<int32_t>(out.entities.size()));
    out.entities.push_back({e.start(), e.end(), e.type.toStdString(), conceptIdOf(e)});
  }
  for (const Relation& r : d.relations) {
    const QString headConcept = r.attributes.value(QLatin1String("head_concept")).toString();
    const QString tailConcept = r.attributes.value(QLatin1String("tail_concept")).toString();
    if (!headConcept.isEmpty() && !tailConcept.isEmpty()) {
      out.conceptRelations.push_back({headConcept.toStdString(), tailConcept.toStdString(), r.type.toStdString()});
      continue;
    }
    const auto head = mentionIndex.constFind(r.head);
    const auto tail = mentionIndex.constFind(r.tail);
    if (head == mentionIndex.cend() || tail == mentionIndex.cend()) continue;
    out.relations.push_back({*head, *tail, r.type.toStdString()});
  }
  for (const QJsonValue& v : d.metadata.value(QLatin1String("unlinked_relations")).toArray()) {
    const QJsonArray columns = v.toArray();  // type, head concept, tail concept, ...
    if (columns.size() >= 3)
      out.conceptRelations.push_back({columns[1].toString().toStdString(), columns[2].toString().toStdString(),
                                      columns[0].toString().toStdString()});
  }
  // Answers grouped by question (field + question id), in first-seen order; one engine question per
  // phrasing of the field. Fields answered by an entity type are asked below instead.
  QStringList order;
  QHash<QString, QVector<const QaAnswer*>> byQuestion;
  for (const QaAnswer& a : d.answers) {
    if (const QaField* f = schema.qaField(a.field); f && !f->entityType.isEmpty()) continue;
    const QString key = a.field + QChar(0x1f) + a.questionId;
    if (!byQuestion.contains(key)) order << key;
    byQuestion[key].push_back(&a);
  }
  for (const QString& key : order) {
    const QVector<const QaAnswer*>& answers = byQuestion[key];
    const QaAnswer& first = *answers.front();
    const QaField* field = schema.qaField(first.field);
    const QStringList phrasings = field && !field->questions.isEmpty() ? field->questions : QStringList{first.field};
    const QString baseId = first.questionId.isEmpty() ? first.field : first.questionId;
    for (int k = 0; k < phrasings.size(); ++k) {
      document::QuestionAnswers q;
      q.id = (phrasings.size() == 1 ? baseId : baseId + QLatin1Char('#') + QString::number(k)).toStdString();
      q.field = first.field.toStdString();
      q.question = phrasings[k].toStdString();
      for (const QaAnswer* a : answers)
        if (!a->noAnswer) q.answers.push_back({a->start, a->end});
      out.questions.push_back(std::move(q));
    }
  }
  appendEntityTypeQuestions(d, schema, out);
  for (const DocumentLabel& l : d.labels) out.labels.push_back(l.category.toStdString());
  return out;
}

}  // namespace

std::vector<std::string> toStdStrings(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

QStringList DocumentSet::labelsFor(const std::string& task) const {
  if (task == "classify") return categories;
  if (task == "qa") return {};
  if (task == "relation") return relationTypes;
  return entityTypes;
}

DocumentSet documentsFromCorpus(const Corpus& corpus, const QVector<Split>& splits) {
  DocumentSet set;
  for (const EntityType& t : corpus.schema.entityTypes) set.entityTypes << t.name;
  for (const RelationType& t : corpus.schema.relationTypes) {
    set.relationTypes << t.name;
    set.relationSpecs.push_back({t.name.toStdString(), t.directed, toStdStrings(t.headTypes), toStdStrings(t.tailTypes)});
  }
  for (const CategoryType& t : corpus.schema.categories) set.categories << t.name;
  set.qaFields = corpus.schema.qaFields;
  set.multiLabelCategories = corpus.schema.multiLabelCategories;
  for (const Document& d : corpus.documents)
    if (splits.isEmpty() || splits.contains(d.split))
      set.documents.push_back(toEngineDocument(d, corpus.schema, &set.discontinuous));
  return set;
}

void askQaFields(DocumentSet& set) {
  // Names looked up in a hash: a SQuAD import's schema has a field per question (10,000+).
  std::unordered_map<std::string, const QaField*> fields;
  for (const QaField& f : set.qaFields) fields.emplace(f.name.toStdString(), &f);
  for (document::AnnotatedDocument& d : set.documents) {
    std::set<std::string> asked;
    bool annotated = false;
    for (const document::QuestionAnswers& q : d.questions) {
      asked.insert(q.field);
      const auto field = fields.find(q.field);
      annotated = annotated || field == fields.end() || field->second->entityType.isEmpty();
    }
    if (annotated) continue;
    for (const QaField& field : set.qaFields)
      if (!asked.count(field.name.toStdString()))
        for (document::QuestionAnswers& q : questionsOf(field)) d.questions.push_back(std::move(q));
  }
}

int goldLayers(Corpus& corpus, const QHash<QString, qint64>& ids, const QHash<qint64, QString>& adjudicated) {
  int awaiting = 0;
  QVector<Document> kept;
  for (Document& d : corpus.documents) {
    const auto by = adjudicated.constFind(ids.value(d.name, 0));
    if (by != adjudicated.cend()) {
      kept.push_back(d.layerOf(by.value()));  // the gold layer: the adjudicator's annotations only
      continue;
    }
    QSet<QString> annotators;
    for (const EntitySpan& e : d.entities) annotators.insert(e.provenance.annotator);
    for (const Relation& r : d.relations) annotators.insert(r.provenance.annotator);
    for (const QaAnswer& a : d.answers) annotators.insert(a.provenance.annotator);
    for (const DocumentLabel& l : d.labels) annotators.insert(l.provenance.annotator);
    if (annotators.size() > 1) {
      ++awaiting;  // several layers and no decision yet: not gold
      continue;
    }
    kept.push_back(std::move(d));
  }
  corpus.documents = kept;
  return awaiting;
}

Result<DocumentSet> documentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                       const QVector<DocumentStatus>& statuses) {
  DocumentListFilter listFilter;
  listFilter.splits = splits;
  listFilter.statuses = statuses;
  auto list = store.listDocuments(listFilter);
  if (!list) return list.error();
  auto info = store.info();
  if (!info) return info.error();
  CorpusFilter filter;
  filter.splits = splits;
  filter.statuses = statuses;
  filter.provenance = info->separateLayers;  // the layers are told apart by their annotator
  auto corpus = store.loadCorpus(filter);
  if (!corpus) return corpus.error();
  // loadCorpus and listDocuments return the same documents; ids are matched by name.
  QHash<QString, qint64> ids;
  for (const DocumentSummary& s : list.value()) ids.insert(s.name, s.id);
  int awaiting = 0;
  if (info->separateLayers) {
    auto adjudicated = store.adjudicatedDocuments();
    if (!adjudicated) return adjudicated.error();
    awaiting = goldLayers(corpus.value(), ids, adjudicated.value());
  }
  DocumentSet set = documentsFromCorpus(corpus.value());
  set.awaitingAdjudication = awaiting;
  for (const document::AnnotatedDocument& d : set.documents) set.storeIds << ids.value(QString::fromStdString(d.id), 0);
  return set;
}

Result<DocumentSet> documentsFromFile(const QString& path, const QString& format, const QString& tagScheme) {
  if (!QFileInfo::exists(path)) return Error("no such file or folder", path.toStdString());
  const FormatRegistry& registry = FormatRegistry::instance();
  const Format* f = format.isEmpty() ? registry.guess(path) : registry.byName(format);
  if (!f)
    return Error(format.isEmpty() ? "cannot tell the format; name it with --format (" + registry.names().join(QStringLiteral(", ")).toStdString() + ")"
                                  : "unknown format \"" + format.toStdString() + "\"",
                 path.toStdString(), 0, "format");
  ImportOptions options;
  options.tagScheme = tagScheme;
  ImportReport report;
  auto corpus = f->read(path, options, report);
  if (!corpus) return corpus.error();
  corpus->addMissingTypesToSchema();
  return documentsFromCorpus(corpus.value());
}

QVector<Prediction> entityPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedEntity>& predicted) {
  QVector<Prediction> out;
  const QString text = QString::fromStdString(document.text);
  const TextOffsets offsets(text);
  for (const document::PredictedEntity& e : predicted) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("entity");
    p.payload = QJsonObject{{QStringLiteral("type"), QString::fromStdString(e.type)},
                            {QStringLiteral("start"), e.start},
                            {QStringLiteral("end"), e.end},
                            {QStringLiteral("text"), offsets.slice(text, e.start, e.end)}};
    p.confidence = e.confidence;
    out << p;
  }
  return out;
}

QVector<Prediction> relationPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                        const std::vector<document::EntityMention>& mentions,
                                        const std::vector<document::PredictedRelation>& relations,
                                        const std::vector<document::PredictedConceptRelation>& conceptRelations) {
  QVector<Prediction> out;
  const QString text = QString::fromStdString(document.text);
  const TextOffsets offsets(text);
  auto argument = [&](int32_t index) {
    const document::EntityMention& m = mentions[static_cast<size_t>(index)];
    return QJsonObject{{QStringLiteral("start"), m.start},
                       {QStringLiteral("end"), m.end},
                       {QStringLiteral("type"), QString::fromStdString(m.type)},
                       {QStringLiteral("text"), offsets.slice(text, m.start, m.end)}};
  };
  for (const document::PredictedRelation& r : relations) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("relation");
    p.payload = QJsonObject{{QStringLiteral("type"), QString::fromStdString(r.type)},
                            {QStringLiteral("head"), argument(r.head)},
                            {QStringLiteral("tail"), argument(r.tail)}};
    p.confidence = r.confidence;
    out << p;
  }
  for (const document::PredictedConceptRelation& r : conceptRelations) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("relation");
    p.payload = QJsonObject{{QStringLiteral("type"), QString::fromStdString(r.type)},
                            {QStringLiteral("head_concept"), QString::fromStdString(r.headConcept)},
                            {QStringLiteral("tail_concept"), QString::fromStdString(r.tailConcept)}};
    p.confidence = r.confidence;
    out << p;
  }
  return out;
}

QVector<Prediction> answerPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedAnswer>& predicted) {
  QHash<QString, QString> fieldOf;  // question id -> QA field
  for (const document::QuestionAnswers& q : document.questions)
    if (!q.field.empty()) fieldOf.insert(QString::fromStdString(q.id), QString::fromStdString(q.field));
  QVector<Prediction> out;
  for (const document::PredictedAnswer& a : predicted) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("answer");
    const QString questionId = QString::fromStdString(a.questionId);
    QJsonObject payload{{QStringLiteral("question_id"), questionId}};
    if (const auto field = fieldOf.constFind(questionId); field != fieldOf.cend())
      payload.insert(QStringLiteral("field"), *field);
    if (a.noAnswer) {
      payload.insert(QStringLiteral("no_answer"), true);
    } else {
      payload.insert(QStringLiteral("start"), a.start);
      payload.insert(QStringLiteral("end"), a.end);
      payload.insert(QStringLiteral("text"), QString::fromStdString(a.text));
    }
    p.payload = payload;
    p.confidence = a.confidence;
    out << p;
  }
  return out;
}

QVector<Prediction> labelPredictions(qint64 runId, qint64 documentId,
                                     const std::vector<document::PredictedLabel>& predicted) {
  QVector<Prediction> out;
  for (const document::PredictedLabel& l : predicted) {
    Prediction p;
    p.runId = runId;
    p.documentId = documentId;
    p.kind = QStringLiteral("label");
    p.payload = QJsonObject{{QStringLiteral("label"), QString::fromStdString(l.label)}};
    p.confidence = l.confidence;
    out << p;
  }
  return out;
}

}  // namespace quarry::jobs
