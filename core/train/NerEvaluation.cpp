#include "train/NerEvaluation.h"

#include <chrono>

namespace quarry::train {

std::vector<std::vector<PredictedEntity>> predictSpans(NerTagger& tagger, const NerData& data, size_t documentCount,
                                                       int batchSize) {
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  const std::vector<SentenceTags> tags = tagger.predict(*inputs, batchSize);
  std::vector<std::vector<PredictedEntity>> out(documentCount);
  for (size_t s = 0; s < data.sentences.size(); ++s) {
    const SentenceExample& sentence = data.sentences[s];
    for (PredictedEntity& e : spansFromTags(sentence, tags[s], tagger.tags()))
      out[static_cast<size_t>(sentence.document)].push_back(std::move(e));
  }
  return out;
}

std::vector<std::vector<std::string>> tagNames(const TagSet& tags, const std::vector<SentenceExample>& sentences) {
  std::vector<std::vector<std::string>> out;
  out.reserve(sentences.size());
  for (const SentenceExample& s : sentences) {
    std::vector<std::string> row;
    row.reserve(s.words.size());
    for (size_t w = 0; w < s.words.size(); ++w) row.push_back(w < s.tags.size() ? tags.name(s.tags[w]) : "O");
    out.push_back(std::move(row));
  }
  return out;
}

NerEvaluation evaluateTagger(NerTagger& tagger, const std::vector<NerDocument>& documents, const NerData& data,
                             int batchSize, bool withErrors) {
  NerEvaluation result;
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  const std::vector<SentenceTags> predictedTags = tagger.predict(*inputs, batchSize);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.sentences = data.sentences.size();

  std::vector<std::vector<std::string>> gold = tagNames(tagger.tags(), data.sentences);
  std::vector<std::vector<std::string>> predicted;
  predicted.reserve(predictedTags.size());
  result.predicted.assign(documents.size(), {});
  for (size_t s = 0; s < predictedTags.size(); ++s) {
    std::vector<std::string> row;
    for (int32_t t : predictedTags[s].tags) row.push_back(tagger.tags().name(t));
    row.resize(gold[s].size(), "O");
    predicted.push_back(std::move(row));
    for (PredictedEntity& e : spansFromTags(data.sentences[s], predictedTags[s], tagger.tags()))
      result.predicted[static_cast<size_t>(data.sentences[s].document)].push_back(std::move(e));
  }
  result.tagReport = eval::scoreTagSequences(gold, predicted);

  std::vector<std::vector<EntityMention>> goldSpans, predictedSpans;
  for (size_t d = 0; d < documents.size(); ++d) {
    goldSpans.push_back(documents[d].entities);
    std::vector<EntityMention> row;
    for (const PredictedEntity& e : result.predicted[d]) row.push_back({e.start, e.end, e.type});
    predictedSpans.push_back(std::move(row));
  }
  result.spanReport = eval::scoreSpans(goldSpans, predictedSpans);
  if (withErrors) result.errors = eval::analyzeErrors(documents, result.predicted);
  return result;
}

}  // namespace quarry::train
