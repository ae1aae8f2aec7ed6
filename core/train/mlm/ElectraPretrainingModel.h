#pragma once
// ELECTRA-style pretraining (Clark et al., ICLR 2020, "ELECTRA: Pre-training Text Encoders as
// Discriminators Rather Than Generators") as the Trainer's TaskModel, the more sample-efficient objective at
// small compute:
// - a small masked-LM generator (a BertForMaskedLM electra_generator_size as wide as the discriminator,
//   as deep) predicts the masked tokens of a sequence (train/mlm/MaskedLmMasking.h's masks);
// - each masked position is then filled with a token sampled from the generator's distribution (special
//   tokens excluded; the draw is a pure function of seed, epoch, item and position, so a resumed run samples
//   what an uninterrupted one samples; the sampling itself runs on the model's device);
// - the discriminator (an ElectraForPreTraining) reads the filled-in sequence and tells, at every token,
//   whether it was replaced (a sampled token equal to the original counts as original);
// - loss = generator masked-LM cross-entropy + electra_disc_weight x the discriminator's mean binary
//   cross-entropy over the sequences' tokens. The sample is not differentiated through, as in the paper.
// The generator has its own embeddings (the paper ties them; this keeps both models plain Hugging Face
// checkpoints).
//
// From a random encoder (the config's random_* shape over tokenizer_folder, model_type "electra" with
// embedding_size = hidden size) or continuing an ELECTRA checkpoint (model_folder; its generator/ when it
// has one, else a new random generator over its tokenizer).
//
// Saved as an ordinary Hugging Face folder: the discriminator (config.json with architectures
// ["ElectraForPreTraining"], model.safetensors, the tokenizer) that every task takes as its base model,
// generator/ inside it (a BertForMaskedLM folder with the same tokenizer), and quarry_task.json (task
// "mlm", objective "electra").

#include <memory>
#include <string>
#include <vector>

#include <torch/nn/module.h>

#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "train/TrainConfig.h"
#include "train/mlm/PretrainingModel.h"

namespace quarry::train {

inline constexpr const char* kElectraGeneratorFolder = "generator";

class ElectraPretrainingModel : public PretrainingModel {
 public:
  static Result<std::unique_ptr<ElectraPretrainingModel>> create(const TrainConfig& config);
  // A folder ElectraPretrainingModel::save wrote.
  static Result<std::unique_ptr<ElectraPretrainingModel>> load(const std::string& folder);

  const text::Tokenizer& tokenizer() const override { return *m_tokenizer; }
  int maxLength() const override { return m_maxLength; }
  model::TransformerModel& discriminator() { return m_discriminator; }
  model::TransformerModel& generator() { return m_generator; }
  bool setGradientCheckpointing(bool on) override {
    const bool discriminator = m_discriminator->setGradientCheckpointing(on);
    return m_generator->setGradientCheckpointing(on) && discriminator;
  }
  MaskedLmScore score(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                      int64_t epoch) override;

  // The uniform draw in (0, 1] of a masked position: a pure function of (seed, epoch, item, position).
  static double samplingDraw(uint64_t seed, int64_t epoch, int64_t item, int64_t position);
  // One token per row of `probabilities` [N, V] (on any device; zero on excluded ids, rows need not sum
  // to 1): the first id whose cumulative probability reaches draws[k] x the row's total, computed on the
  // tensor's device (fp32 cumulative sums). An id of probability 0 is never taken.
  static at::Tensor sampleTokens(const at::Tensor& probabilities, const std::vector<double>& draws);

  std::string describe() const override;
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items,
                  const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_root; }
  // The discriminator's groups, then the generator's (names under "generator.", the same layer numbers).
  std::vector<model::ParameterGroup> parameterGroups() override;
  // The discriminator's tensors under their Hugging Face names, the generator's under "generator.".
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 private:
  ElectraPretrainingModel() = default;
  static Result<std::unique_ptr<ElectraPretrainingModel>> build(const TrainConfig& config, bool ownFolder);

  struct Pass {
    at::Tensor generatorLogits;      // [N, V] fp32 at the masked positions
    at::Tensor generatorLabels;      // [N] the original ids there
    at::Tensor discriminatorLogits;  // [B, T]
    at::Tensor replaced;             // [B, T] float: 1 where the sample differs from the original
    at::Tensor tokenMask;            // [B, T] float: 1 on a sequence's positions
  };
  Pass forward(const MaskedLmInputs& inputs, const std::vector<int32_t>& items, int64_t epoch);

  int m_maxLength = 128;
  double m_discWeight = 50;
  model::ModelConfig m_discriminatorConfig, m_generatorConfig;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  MaskVocabulary m_vocabulary;
  at::Tensor m_excluded;  // [generator vocabulary] bool: ids the generator's sample never takes
  model::TransformerModel m_discriminator{nullptr}, m_generator{nullptr};
  std::shared_ptr<torch::nn::Module> m_root;  // holds both, for train()/eval() and parameter counts
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
