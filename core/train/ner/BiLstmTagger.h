#pragma once
// The from-scratch tagger (character CNN + word embeddings learnt from the corpus + BiLSTM + CRF,
// Lample et al. 2016) as an NerTagger: one item per sentence, one position per word.

#include <memory>

#include "model/bilstm/BiLstmCrfTagger.h"
#include "model/bilstm/TaggerVocabulary.h"
#include "train/KeyedRows.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

class BiLstmTagger : public NerTagger, public KeyedRows {
 public:
  // A new model whose vocabulary comes from the training sentences.
  static Result<std::unique_ptr<BiLstmTagger>> create(const TrainConfig& config, const TagSet& tags,
                                                      const std::vector<SentenceExample>& trainSentences);
  // A folder written by save(), whose quarry_ner.json the caller has read.
  static Result<std::unique_ptr<BiLstmTagger>> load(const std::string& folder, const NerModelFile& file);

  ModelKind kind() const override { return ModelKind::FromScratch; }
  bool hasCrf() const override { return true; }
  const TagSet& tags() const override { return m_tags; }
  std::string describe() const override;
  std::unique_ptr<TaggerInputs> featurize(const std::vector<SentenceExample>& sentences) const override;
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;
  using NerTagger::predict;
  std::vector<SentenceTags> predict(const TaggerInputs& inputs, int batchSize, bool distributions) override;
  torch::nn::Module& module() override { return *m_model; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;
  // Each text cut into words (text/WordSplitter.h) read in pieces of kEmbeddingWords words; the mean of
  // the pieces' mean word states, weighted by their words, L2-normalised.
  std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& texts,
                                                     int batchSize) override;
  // word_embedding.weight: the vocabulary's normalised words; char_embedding.weight: its characters (both
  // with padding and unknown first), so that a warm start keeps each known word's and character's row.
  std::vector<std::string> rowKeys(const std::string& tensorName) const override;

 private:
  BiLstmTagger(TagSet tags, model::BiLstmCrfConfig config, model::TaggerVocabulary vocabulary);

  TagSet m_tags;
  model::BiLstmCrfConfig m_config;
  model::TaggerVocabulary m_vocabulary;
  model::BiLstmCrfTagger m_model{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
