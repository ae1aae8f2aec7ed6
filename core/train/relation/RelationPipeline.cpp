#include "train/relation/RelationPipeline.h"

#include "train/TaskFactory.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/NerTagger.h"
#include "train/relation/RelationModel.h"

namespace quarry::train {

Result<std::unique_ptr<NerTagger>> loadMentionTagger(const std::string& nerFolder) {
  auto task = modelFolderTask(nerFolder);
  if (!task) return task.error();
  if (*task != "ner")
    return Error("not a NER model folder (its task is \"" + *task + "\")", nerFolder, 0, "task");
  return loadNerTagger(nerFolder);
}

std::vector<std::vector<document::EntityMention>> nerMentions(
    NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents, int batchSize,
    double minConfidence) {
  std::vector<document::AnnotatedDocument> plain;
  plain.reserve(documents.size());
  for (const auto& d : documents) plain.emplace_back(d.id, d.text);  // the tagger never sees gold entities
  const NerData data = buildNerData(plain, tagger.tags().types(), NerDataOptions{});
  const auto predicted = predictSpans(tagger, data, plain.size(), batchSize);
  std::vector<std::vector<document::EntityMention>> out(documents.size());
  for (size_t d = 0; d < predicted.size(); ++d)
    for (const document::PredictedEntity& e : predicted[d])
      if (e.confidence >= minConfidence) out[d].push_back({e.start, e.end, e.type});
  return out;
}

std::vector<std::vector<document::EntityMention>> pipelineMentions(
    const RelationModel& model, NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents,
    int batchSize, double minConfidence) {
  auto mentions = nerMentions(tagger, documents, batchSize, minConfidence);
  if (model.settings().conceptLevel)
    for (size_t d = 0; d < documents.size(); ++d) model.conceptDictionary().link(documents[d], mentions[d]);
  return mentions;
}

Result<std::vector<std::vector<document::EntityMention>>> nerMentions(
    const std::string& nerFolder, const std::vector<document::AnnotatedDocument>& documents, int batchSize,
    double minConfidence) {
  auto tagger = loadMentionTagger(nerFolder);
  if (!tagger) return tagger.error();
  return nerMentions(*tagger.value(), documents, batchSize, minConfidence);
}

Result<std::vector<std::vector<document::EntityMention>>> pipelineMentions(
    const RelationModel& model, const std::string& nerFolder,
    const std::vector<document::AnnotatedDocument>& documents, int batchSize, double minConfidence) {
  auto tagger = loadMentionTagger(nerFolder);
  if (!tagger) return tagger.error();
  return pipelineMentions(model, *tagger.value(), documents, batchSize, minConfidence);
}

}  // namespace quarry::train
