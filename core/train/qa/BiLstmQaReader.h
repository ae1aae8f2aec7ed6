#pragma once
// The extractive QA model that needs no checkpoint: a document reader after DrQA (Chen et al. 2017)
// over words, for users with no pre-trained encoder (what the BiLSTM-CRF is for NER).
//
// A window is [null] question words, context words (train/qa/QaWindows.h with a word layout). Words are
// lower-cased (digits kept: numbers are answers) and looked up in a vocabulary of the training documents
// and questions; a word never seen in training gets one of `buckets` hashed rows (FNV-1a, stable across
// machines), so that equal unseen words still look alike. Each context word is read as
//   its embedding; the question embedding aligned to it (softmax over relu(W e_c) . relu(W e_q));
//   exact match (the word occurs in the question); its term frequency in the window;
// by a stacked BiLSTM; the question by a BiLSTM pooled with a learned attention into one vector q.
// start(i) = p_i . W_s q, end(i) = p_i . W_e q. The null position is a word of its own (a learned
// embedding row) read by the BiLSTM just before the context, so that "no answer" is scored like a span
// and depends on the whole context. Trained with the shared QA loss; saved as weights.safetensors,
// vocabulary.json and quarry_task.json.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <torch/nn/module.h>

#include "train/TaskModelFile.h"
#include "train/qa/QaModel.h"

namespace quarry::train {

struct QaReaderSizes {
  int64_t wordDim = 100;
  int64_t hidden = 128;        // LSTM units per direction
  int64_t contextLayers = 2;   // stacked BiLSTM layers over the context
  int64_t buckets = 8192;      // hashed rows for words unseen in training
  double dropout = 0.3;
};

class BiLstmQaReader : public QaModel {
 public:
  static constexpr const char* kKind = "bilstm-reader";

  // The vocabulary comes from the texts and questions of `train` (min_word_count applies).
  static Result<std::unique_ptr<BiLstmQaReader>> create(const TrainConfig& config,
                                                        const std::vector<document::AnnotatedDocument>& train);
  static Result<std::unique_ptr<BiLstmQaReader>> load(const std::string& folder, const TaskModelFile& file);

  std::unique_ptr<QaInputs> featurize(const std::vector<document::AnnotatedDocument>& documents,
                                      std::vector<QaExample> examples, bool training) const override;

  // The row of a word: 2 + its vocabulary index (0 pads, 1 is the null word), or a hashed row after the
  // vocabulary when unseen.
  int64_t wordRow(std::string_view word) const;
  int64_t vocabularySize() const { return static_cast<int64_t>(m_words.size()); }

  std::string describe() const override;
  bool isTransformer() const override { return false; }
  torch::nn::Module& module() override { return *m_root; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 private:
  BiLstmQaReader() = default;
  void setVocabulary(std::vector<std::string> words);
  void buildNetwork(uint64_t seed);
  std::pair<at::Tensor, at::Tensor> forward(const QaInputs& inputs, const std::vector<int32_t>& items) override;
  c10::Device device() const override { return m_device; }

  QaReaderSizes m_sizes;
  std::vector<std::string> m_words;                     // row - 1 -> lower-cased word
  std::unordered_map<std::string, int64_t> m_wordRows;  // lower-cased word -> row
  std::shared_ptr<torch::nn::Module> m_root;
  at::Tensor m_embedding;                  // [2 + words + buckets, wordDim]; row 0 pads, row 1: null
  at::Tensor m_alignWeight, m_alignBias;   // [wordDim, wordDim], [wordDim]
  std::vector<at::Tensor> m_contextLstm;   // torch.nn.LSTM's flat weights
  std::vector<at::Tensor> m_questionLstm;
  at::Tensor m_questionAttention;          // [2H]
  at::Tensor m_startWeight, m_endWeight;   // [2H, 2H]
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
