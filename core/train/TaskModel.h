#pragma once
// What the Trainer drives, whatever the task: a model that turns its task's examples into cached inputs
// once, computes the loss of a batch of them, and can be saved, restored, moved to a device and split
// into parameter groups. The task models (train/ner's taggers, the relation, QA and classification
// models) implement this; what each predicts is its own interface on top.

#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <torch/nn/module.h>

#include "common/Error.h"
#include "model/checkpoint/StateDict.h"
#include "model/optim/ParameterGroups.h"
#include "train/StagedBatch.h"

namespace quarry::model {
class TransformerModelImpl;  // model/encoder/TransformerModel.h
}  // namespace quarry::model

namespace quarry::train {

struct TeacherTargets;  // train/Distillation.h

// A model's cached inputs for a list of examples: the trainable, batchable items (sentences, windows,
// candidate pairs, question windows, documents) and their lengths in model positions, which the
// length-bucketing batcher and the throughput figures use.
class TaskInputs {
 public:
  virtual ~TaskInputs() = default;
  virtual size_t itemCount() const = 0;
  virtual std::vector<int32_t> itemLengths() const = 0;
};

// How a softmax loss is shaped against class imbalance (CRF losses ignore these), and where in the run
// the loss is computed.
struct LossOptions {
  at::Tensor classWeights;  // [C] or undefined
  double focalGamma = 0;    // 0 = cross-entropy
  int64_t epoch = 0;        // the 0-based training epoch (masked LM draws each epoch's masks from it)
  // Distillation (train/Distillation.h): the teacher's probabilities per training unit, which the loss
  // blends with the gold loss; null = none. The units are the task's training sentences or documents in
  // the order the task featurized them.
  const TeacherTargets* teacher = nullptr;
};

class TaskModel {
 public:
  virtual ~TaskModel() = default;
  // The model's kind and tokenizer for reports ("bert 4x256 + CRF (bert-wordpiece)").
  virtual std::string describe() const = 0;
  // A transformer encoder (pre-trained or random) under a head: the freezing options and the layer-wise
  // rates apply to it; from-scratch models ignore them.
  virtual bool isTransformer() const = 0;

  // Mean loss over the labelled positions of `items`; the module is in the mode the caller set.
  virtual at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) = 0;

  // Staged batches (train/StagedBatch.h), for the models that can lay a batch out ahead of its step:
  // canStage says whether this model stages batches under `options` (false: the Trainer calls loss());
  // stage builds a batch's host tensors from `inputs` alone (called from the Trainer's prefetch thread
  // while the model trains: it must not touch the weights or the random generator); stagedLoss is the
  // loss of a staged batch moved to the model's device, equal to loss() of its items, read nowhere on
  // the host. capturableLoss: stagedLoss of batches staged to one fixed shape launches the same kernels
  // on tensors of the same shapes every time (no host read, no data-dependent shape), so a CUDA graph
  // can capture the step.
  virtual bool canStage(const LossOptions& /*options*/) const { return false; }
  virtual bool capturableLoss(const LossOptions& /*options*/) const { return false; }
  virtual StagedBatch stage(const TaskInputs& inputs, const std::vector<int32_t>& items,
                            const StageShape& shape) const;
  virtual at::Tensor stagedLoss(const StagedBatch& batch, const LossOptions& options);

  virtual torch::nn::Module& module() = 0;
  // Parameter groups with layer numbers (0 = input side, the highest = the head) for layer-wise rates
  // and freezing.
  virtual std::vector<model::ParameterGroup> parameterGroups() = 0;
  // Every tensor needed to restore the weights exactly (parameters and buffers), by name.
  virtual model::StateDict weights() const = 0;
  virtual Status loadWeights(const model::StateDict& weights) = 0;
  // A model folder its task's loader reads back (for transformers also a Hugging Face folder).
  virtual Status save(const std::string& folder) = 0;
  virtual void to(const c10::Device& device) = 0;

  // Per text its embedding as this model reads it (a transformer's: train/DocumentEmbeddings.h; the
  // BiLSTM tagger's: its mean word state), for diversity sampling in active learning. Empty when the model
  // has none to give (the n-gram classifier, the from-scratch QA and relation models).
  virtual std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& /*texts*/,
                                                             int /*batchSize*/) {
    return {};
  }

  // The transformer (encoder and head) of a transformer task model, for sharing one encoder between the
  // heads of a multi-task model (train/multi); null for from-scratch models.
  virtual model::TransformerModelImpl* transformerModel() { return nullptr; }

  // Gradient checkpointing (model/encoder/ActivationCheckpoint.h) in every transformer encoder the model
  // trains; false when it has none (the from-scratch models). By default the
  // encoder of transformerModel().
  virtual bool setGradientCheckpointing(bool on);
};

}  // namespace quarry::train
