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

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <nlohmann/json.hpp>
#include <torch/nn/module.h>

#include "common/Error.h"
#include "model/optim/ParameterGroups.h"
#include "model/checkpoint/StateDict.h"
#include "document/Predictions.h"
#include "train/NerExample.h"
#include "train/NerTrainConfig.h"
#include "train/TagSet.h"

namespace quarry::train {

// A tagger's cached model inputs for a list of sentences.
class TaggerInputs {
 public:
  virtual ~TaggerInputs() = default;
  // Trainable/batchable items (sentences or windows) and their lengths in model positions.
  virtual size_t itemCount() const = 0;
  virtual std::vector<int32_t> itemLengths() const = 0;
  // Items (of the gold-tagged sentences) that carry at least one labelled position.
  virtual size_t sentenceCount() const = 0;
};

// One sentence's output: a tag per word and that tag's posterior probability.
struct SentenceTags {
  std::vector<int32_t> tags;
  std::vector<float> confidence;
};

// How the loss of softmax heads is shaped (CRF losses ignore these).
struct LossOptions {
  at::Tensor classWeights;  // [C] or undefined
  double focalGamma = 0;    // 0 = cross-entropy
};

class NerTagger {
 public:
  virtual ~NerTagger() = default;
  virtual ModelKind kind() const = 0;
  virtual bool hasCrf() const = 0;
  virtual const TagSet& tags() const = 0;
  // The model's tokenizer name or "words" (BiLSTM), for reports.
  virtual std::string describe() const = 0;

  virtual std::unique_ptr<TaggerInputs> featurize(const std::vector<SentenceExample>& sentences) const = 0;
  // Mean loss over the labelled positions of `items`; the module is in the mode the caller set.
  virtual at::Tensor loss(const TaggerInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) = 0;
  // Tags for every sentence featurized (in eval mode, without gradients). `progress` may be null.
  virtual std::vector<SentenceTags> predict(const TaggerInputs& inputs, int batchSize) = 0;

  virtual torch::nn::Module& module() = 0;
  // Parameter groups with layer numbers (0 = input side) for layer-wise rates and freezing.
  virtual std::vector<model::ParameterGroup> parameterGroups() = 0;
  // Every tensor needed to restore the weights exactly (parameters and buffers), by name.
  virtual model::StateDict weights() const = 0;
  virtual Status loadWeights(const model::StateDict& weights) = 0;
  // A model folder that loadNerTagger() reads back (for transformers also a Hugging Face folder that
  // transformers loads as ...ForTokenClassification).
  virtual Status save(const std::string& folder) = 0;
  virtual void to(const c10::Device& device) = 0;
};

// Creates a new tagger for `config`: a BiLSTM-CRF with a vocabulary built from `trainSentences`, or a
// transformer read from config.modelFolder (head replaced for `tags`) or initialised at random.
Result<std::unique_ptr<NerTagger>> createNerTagger(const NerTrainConfig& config, const TagSet& tags,
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
