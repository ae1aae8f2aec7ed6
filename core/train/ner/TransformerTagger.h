#pragma once
// A Hugging Face encoder + token-classification head (+ optional CRF over the words) as an NerTagger.
// Labels sit on the first sub-token of each word; a sentence longer than the window is cut into
// overlapping windows and each word keeps the prediction of the window where it is most central.
// Saved as a Hugging Face folder (config.json with id2label, model.safetensors, the tokenizer files),
// which transformers loads as ...ForTokenClassification, plus quarry_ner.json and crf.safetensors.

#include <memory>

#include "model/crf/Crf.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

struct TransformerTaggerSettings {
  int maxLength = 128;  // tokens per window, specials included
  int stride = 32;      // overlap between windows, tokens
  bool crf = false;     // CRF over the first sub-tokens of words
};

class TransformerTagger : public NerTagger {
 public:
  // From a Hugging Face folder (head replaced when its labels differ) or, with an empty modelFolder, a
  // random encoder of the config's random_* shape with the tokenizer of config.tokenizerFolder.
  static Result<std::unique_ptr<TransformerTagger>> create(const TrainConfig& config, const TagSet& tags);
  // A folder written by save(), whose quarry_ner.json the caller has read.
  static Result<std::unique_ptr<TransformerTagger>> load(const std::string& folder, const NerModelFile& file);

  ModelKind kind() const override { return ModelKind::Transformer; }
  bool hasCrf() const override { return static_cast<bool>(m_crf); }
  const TagSet& tags() const override { return m_tags; }
  std::string describe() const override;
  std::unique_ptr<TaggerInputs> featurize(const std::vector<SentenceExample>& sentences) const override;
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items,
                  const LossOptions& options) override;
  // Staged: ids, mask, token types and labels (-100 off the labelled positions), and with a CRF where
  // its labelled positions sit (train/ner/TaggerMath.h). Distillation computes its loss in loss().
  bool canStage(const LossOptions& options) const override { return options.teacher == nullptr; }
  // The softmax head's loss is over a fixed grid; the CRF's over the labelled rows, whose count varies.
  bool capturableLoss(const LossOptions& options) const override { return canStage(options) && !m_crf; }
  StagedBatch stage(const TaskInputs& inputs, const std::vector<int32_t>& items,
                    const StageShape& shape) const override;
  at::Tensor stagedLoss(const StagedBatch& batch, const LossOptions& options) override;
  using NerTagger::predict;
  std::vector<SentenceTags> predict(const TaggerInputs& inputs, int batchSize, bool distributions) override;
  torch::nn::Module& module() override { return *m_root; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;
  std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& texts,
                                                     int batchSize) override;
  model::TransformerModelImpl* transformerModel() override { return m_model.get(); }

  model::TransformerModelImpl& encoder() { return *m_model; }
  const text::Tokenizer& tokenizer() const { return *m_tokenizer; }

 private:
  TransformerTagger(TagSet tags, TransformerTaggerSettings settings);
  // create() and load(). A folder Quarry wrote (with quarry_ner.json) must hold every tensor of the model
  // and nothing else; a Hugging Face checkpoint may lack its head, which is then initialised. sameTags
  // (load): the classifier is the folder's own, so one of another size is damage, not a head to replace.
  static Result<std::unique_ptr<TransformerTagger>> build(const TrainConfig& config, const TagSet& tags,
                                                          bool sameTags);
  // Copies the CRF's parameters from `crf` (names without the "crf." prefix).
  Status loadCrf(const model::StateDict& crf);

  TagSet m_tags;
  TransformerTaggerSettings m_settings;
  model::ModelConfig m_config;  // written as config.json
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;  // copied into saved folders
  std::string m_loraBase;  // LoRA: the base folder its adapter names (TransformerFolder.h)
  std::shared_ptr<torch::nn::Module> m_root;  // holds "model" and "crf" so .to() and train() reach both
  model::TransformerModel m_model{nullptr};
  model::Crf m_crf{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
