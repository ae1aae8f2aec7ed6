#include "train/ner/NerEvaluation.h"

#include <chrono>

namespace quarry::train {

namespace {

// Spans of every sentence's tags, gathered per document.
std::vector<std::vector<document::PredictedEntity>> spansByDocument(const NerData& data, const std::vector<SentenceTags>& tags,
                                                          const TagSet& tagSet, size_t documentCount) {
  std::vector<std::vector<document::PredictedEntity>> out(documentCount);
  for (size_t s = 0; s < data.sentences.size(); ++s)
    for (document::PredictedEntity& e : spansFromTags(data.sentences[s], tags[s], tagSet))
      out[static_cast<size_t>(data.sentences[s].document)].push_back(std::move(e));
  return out;
}

}  // namespace

std::vector<std::vector<document::PredictedEntity>> predictSpans(NerTagger& tagger, const NerData& data, size_t documentCount,
                                                       int batchSize) {
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  return spansByDocument(data, tagger.predict(*inputs, batchSize), tagger.tags(), documentCount);
}

std::vector<std::vector<document::PredictedEntity>> predictSpans(
    NerTagger& tagger, const NerData& data, size_t documentCount, int batchSize,
    std::vector<DocumentTagDistributions>& distributions) {
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  std::vector<SentenceTags> tags = tagger.predict(*inputs, batchSize, true);
  distributions.assign(documentCount, {});
  for (size_t s = 0; s < data.sentences.size(); ++s) {
    DocumentTagDistributions& document = distributions[static_cast<size_t>(data.sentences[s].document)];
    for (std::vector<float>& w : tags[s].distributions) document.words.push_back(std::move(w));
    document.logProbability += tags[s].logProbability;
  }
  return spansByDocument(data, tags, tagger.tags(), documentCount);
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

eval::EntityReport scoreSentenceTags(const TagSet& tags, const std::vector<SentenceExample>& sentences,
                                     const std::vector<SentenceTags>& predicted) {
  const std::vector<std::vector<std::string>> gold = tagNames(tags, sentences);
  std::vector<std::vector<std::string>> guess;
  guess.reserve(predicted.size());
  for (size_t s = 0; s < predicted.size(); ++s) {
    std::vector<std::string> row;
    for (int32_t t : predicted[s].tags) row.push_back(tags.name(t));
    row.resize(gold[s].size(), "O");  // words without a prediction (no token) count as O
    guess.push_back(std::move(row));
  }
  return eval::scoreTagSequences(gold, guess);
}

NerEvaluation evaluateTagger(NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents, const NerData& data,
                             int batchSize, bool withErrors) {
  NerEvaluation result;
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  const std::vector<SentenceTags> predictedTags = tagger.predict(*inputs, batchSize);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.sentences = data.sentences.size();

  result.predicted = spansByDocument(data, predictedTags, tagger.tags(), documents.size());
  result.tagReport = scoreSentenceTags(tagger.tags(), data.sentences, predictedTags);

  std::vector<std::vector<document::EntityMention>> goldSpans, predictedSpans;
  for (size_t d = 0; d < documents.size(); ++d) {
    goldSpans.push_back(documents[d].entities);
    std::vector<document::EntityMention> row;
    for (const document::PredictedEntity& e : result.predicted[d]) row.push_back({e.start, e.end, e.type});
    predictedSpans.push_back(std::move(row));
  }
  result.spanReport = eval::scoreSpans(goldSpans, predictedSpans);
  if (withErrors) result.errors = eval::analyzeErrors(documents, result.predicted);
  return result;
}

}  // namespace quarry::train
