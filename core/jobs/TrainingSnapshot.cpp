#include "jobs/TrainingSnapshot.h"

#include "train/TrainState.h"

namespace quarry::jobs {

qint64 countWords(const std::string& text) {
  qint64 words = 0;
  bool inWord = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !inWord) ++words;
    inWord = !space;
  }
  return words;
}

QJsonObject annotationCounts(const DocumentSet& set) {
  qint64 entities = 0, relations = 0, conceptRelations = 0, questions = 0, answers = 0, labels = 0, words = 0;
  for (const document::AnnotatedDocument& d : set.documents) {
    words += countWords(d.text);
    entities += qint64(d.entities.size());
    relations += qint64(d.relations.size());
    conceptRelations += qint64(d.conceptRelations.size());
    questions += qint64(d.questions.size());
    for (const document::QuestionAnswers& q : d.questions) answers += qint64(q.answers.size());
    labels += qint64(d.labels.size());
  }
  return {{QStringLiteral("documents"), qint64(set.documents.size())},
          {QStringLiteral("entities"), entities},
          {QStringLiteral("relations"), relations},
          {QStringLiteral("concept_relations"), conceptRelations},
          {QStringLiteral("questions"), questions},
          {QStringLiteral("answers"), answers},
          {QStringLiteral("labels"), labels},
          {QStringLiteral("words"), words}};
}

QJsonObject dataSnapshot(const DocumentSet& train, const DocumentSet& dev) {
  return {{QStringLiteral("train"), annotationCounts(train)},
          {QStringLiteral("dev"), annotationCounts(dev)},
          {QStringLiteral("fingerprint"),
           QString::fromStdString(train::fingerprintDocuments(train.documents, dev.documents))}};
}

}  // namespace quarry::jobs
