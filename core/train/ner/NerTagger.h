#pragma once
// The two kinds of NER model behind one interface the trainer and the predictor drive: the from-scratch
// BiLSTM-CRF and a transformer encoder with a linear head (and optionally a CRF).
//
// A tagger turns SentenceExamples into its own cached inputs once (featurize), then computes the loss
// of a batch of items (sentences, or windows of long sentences for transformers) and predicts one tag
// per word of every sentence with the posterior probability of that tag.
//
// CONFIDENCE: with a CRF, a word's confidence is the forward-backward marginal P(y_t = chosen tag | x);
// with a softmax head it is the softmax probability of the chosen tag. A span's confidence is the
// MINIMUM over its words (the weakest word bounds how sure the model is of the whole span).

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "document/Predictions.h"
#include "train/ner/NerExample.h"
#include "train/ner/TagSet.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

// A tagger's cached model inputs for a list of sentences: the items are sentences, or windows of long
// sentences for transformers.
class TaggerInputs : public TaskInputs {
 public:
  // Items (of the gold-tagged sentences) that carry at least one labelled position.
  virtual size_t sentenceCount() const = 0;
};

// One sentence's output: a tag per word and that tag's posterior probability.
struct SentenceTags {
  std::vector<int32_t> tags;
  std::vector<float> confidence;
  // Only when predict is asked for them (active learning's uncertainty): per word its posterior over every
  // tag in TagSet order, the same numbers the confidence is read from (CRF marginals or softmax), so
  // distributions[w][tags[w]] == confidence[w]; empty otherwise.
  std::vector<std::vector<float>> distributions;
  // With the distributions: ln P(tags | sentence) of the whole tag sequence returned (MNLP's numerator). With
  // a CRF the Viterbi path's score less the log-partition, not the sum of its words' log-marginals; with a
  // softmax head the sum of ln confidence. 0 otherwise.
  double logProbability = 0;
};

// NER's task model: what the Trainer drives (TaskModel) plus featurizing sentences and tagging them.
class NerTagger : public TaskModel {
 public:
  virtual ModelKind kind() const = 0;
  bool isTransformer() const final { return kind() == ModelKind::Transformer; }
  virtual bool hasCrf() const = 0;
  virtual const TagSet& tags() const = 0;

  virtual std::unique_ptr<TaggerInputs> featurize(const std::vector<SentenceExample>& sentences) const = 0;
  // Tags for every sentence featurized (in eval mode, without gradients).
  std::vector<SentenceTags> predict(const TaggerInputs& inputs, int batchSize) {
    return predict(inputs, batchSize, false);
  }
  // The same, with each word's full distribution over tags when `distributions` (SentenceTags).
  virtual std::vector<SentenceTags> predict(const TaggerInputs& inputs, int batchSize,
                                            bool distributions) = 0;
};

// Creates a new tagger for `config`: a BiLSTM-CRF with a vocabulary built from `trainSentences`, or a
// transformer read from config.modelFolder (head replaced for `tags`) or initialised at random.
Result<std::unique_ptr<NerTagger>> createNerTagger(const TrainConfig& config, const TagSet& tags,
                                                   const std::vector<SentenceExample>& trainSentences);

// Reads a folder written by NerTagger::save. Errors name the file and field.
Result<std::unique_ptr<NerTagger>> loadNerTagger(const std::string& folder);

// The file in a saved tagger folder that says what it is (kind, tags, window settings).
inline constexpr const char* kNerModelFile = "quarry_ner.json";

// quarry_ner.json of a saved tagger folder, parsed, with its tag set.
struct NerModelFile {
  nlohmann::json meta;  // every key as saved ("kind", "max_length", ...)
  TagSet tags;
};
// Errors name the file and the field (not a folder, no quarry_ner.json, malformed JSON, no "tags").
Result<NerModelFile> readNerModelFile(const std::string& folder);
// Writes `meta` (with "format_version" and "tags" added) as quarry_ner.json into the folder `dir`.
Status writeNerModelFile(const std::filesystem::path& dir, nlohmann::json meta, const TagSet& tags);

// Spans of one sentence from its tags: word ranges mapped to code points of the document, confidence =
// min over the words.
std::vector<document::PredictedEntity> spansFromTags(const SentenceExample& sentence, const SentenceTags& tags, const TagSet& tagSet);

}  // namespace quarry::train
