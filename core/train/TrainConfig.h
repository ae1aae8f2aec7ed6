#pragma once
// Every option of a training run, for every task, declared once with its default, its help line and the
// tasks it applies to (TrainConfig::options): the CLI's --set and --help-config, the JSON config
// (snake_case keys, what `quarry-cli train --config` reads and what a run records to be reproduced) and
// the workbench's Train dialog all read that one declaration.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry::train {

enum class ModelKind {
  FromScratch,  // the task's model that needs no checkpoint: NER's BiLSTM-CRF, classification's n-grams,
                // relations' CNN
  Transformer,  // a Hugging Face encoder (pre-trained or random) + the task's head
};

// The tasks trained from annotated documents (what the Train dialog offers).
inline constexpr const char* kTaskNames[] = {"ner", "classify", "relation", "qa"};
// Masked-LM pretraining on plain text: a task of the engine (TaskFactory, the CLI's --task) that the Train
// dialog does not offer.
inline constexpr const char* kPretrainingTaskName = "mlm";
// Several of kTaskNames trained together on one shared encoder (train/multi/MultiTask.h): a task of the
// engine and the CLI's --task.
inline constexpr const char* kMultiTaskName = "multi";

struct TrainConfig {
  std::string task = "ner";  // "ner", "classify", "relation", "qa" or "mlm" (masked-LM pretraining)
  // --- model
  ModelKind kind = ModelKind::FromScratch;  // which model
  std::string modelFolder;      // transformer: a Hugging Face folder to fine-tune; empty = random encoder
  std::string tokenizerFolder;  // transformer with a random encoder: where the tokenizer files are
  int64_t randomLayers = 4;     // random encoder: layers
  int64_t randomHidden = 256;   // random encoder: hidden size
  int64_t randomHeads = 4;      // random encoder: attention heads
  int64_t randomIntermediate = 1024;  // random encoder: feed-forward size
  bool crf = false;                   // transformer: a CRF layer over the head (the BiLSTM always has one)
  std::string tagEncoding = "iob2";   // "iob2" or "bioes"
  int augmentCopies = 0;             // ner: augmented copies of each training document (0 = none)
  double augmentMentionReplace = 0.5;  // ner: chance a mention is swapped for another of its type
  double augmentCase = 0.1;            // ner: chance a mention gets a case variant (lower, UPPER, Title)
  double oversampleRare = 0;  // ner, classify: units with rare labels repeated (c_max / c)^power times; 0 = off
  std::string teacherFolder;  // ner, classify: a fine-tuned model folder to distil from; empty = none
  std::string warmStartFolder;  // a model folder of this task the new model starts from (train/WarmStart.h)
  double distillTemperature = 2.0;  // with teacher_folder: the softmax temperature of both distributions
  double distillAlpha = 0.5;        // with teacher_folder: the soft term's weight (1 - alpha: the gold loss)
  int maxLength = 128;                // transformer: tokens per window, specials included
  int stride = 32;                    // transformer: overlap of windows over longer sentences, in tokens
  // --- BiLSTM-CRF
  int64_t wordDim = 100;     // word embedding width
  int64_t charDim = 30;      // character embedding width
  int64_t charFilters = 50;  // character CNN filters
  int64_t lstmHidden = 200;  // LSTM units per direction
  double dropout = 0.5;      // from-scratch models' dropout (classify's default: 0.1, see defaultsFor)
  int minWordCount = 1;      // words seen fewer times in training are <unk>
  // --- classification
  std::string multiLabel = "auto";    // "auto" (the schema's or the data's), "yes" (sigmoid), "no" (softmax)
  std::string windowPooling = "max";  // transformer: how window logits of a long document combine
  int64_t ngramDim = 64;              // n-gram model: embedding width
  int64_t charNgramBuckets = 65536;   // n-gram model: hashed character 3-5-gram buckets; 0 = none
  int minFeatureCount = 2;            // n-gram model: word n-grams seen fewer times in training are dropped
  int64_t maxFeatures = 200000;       // n-gram model: the most frequent word n-grams kept
  // --- relation extraction
  int relationWindow =
      0;  // mentions at most this many sentences apart are paired; 0 = same sentence; -1 = anywhere
  std::string relationLevel = "auto";  // "mention", "concept" (document-level pairs of concept ids) or "auto"
  double negativeRatio = 0;            // training: at most this many unrelated pairs per related one; 0 = all
  std::string relationInput = "markers";  // transformer: "markers" (start-marker states) or "pair" ([CLS]
                                          // first [SEP] second [SEP] context)
  std::string relationAggregation =
      "max";  // concept level: "max" or "logsumexp" over a concept pair's mention pairs
  double relationThreshold =
      0;  // probability a relation needs; 0 = the most probable class wins (0.5 at concept level)
  bool relationTuneThreshold = false;   // set relationThreshold on every dev evaluation to the best on dev
  std::string relationMetric = "auto";  // primary: "micro", "macro", "semeval" or "auto"
  int64_t relationFilters = 230;        // cnn: convolution filters
  int64_t positionDim = 10;             // cnn: width of the position-to-argument embeddings
  // --- extractive question answering (max_length 384 and stride 128 by default, see defaultsFor)
  int maxAnswerLength = 30;       // tokens of an answer at most
  int topKWindows = 0;            // windows of a long document read per question (BM25-ranked); 0 = all
  std::string noAnswer = "tune";  // "tune" (null threshold tuned on dev), "fixed" (null_threshold), "never"
  double nullThreshold = 0;       // no answer when null score - best span score exceeds it
  double multiSpanThreshold = 0;  // > 0: also every non-overlapping span of at least this probability
  // --- masked-LM pretraining (always a transformer)
  double mlmProbability = 0.15;  // share of the tokens (or words) masked in each sequence
  bool wholeWordMask = false;    // mask every piece of a chosen word
  double devFraction = 0.02;     // documents held back for dev when no dev documents are given
  int vocabSize = 0;             // random encoder: train a WordPiece vocabulary this large first; 0 = no
  bool vocabLowercase = true;    // the trained vocabulary lowercases (an uncased BERT vocabulary)
  // "mlm" (masked LM) or "electra" (replaced-token detection: a small masked-LM generator fills the masks,
  // an ELECTRA discriminator tells each token replaced or original; train/mlm/ElectraPretrainingModel.h)
  std::string pretrainObjective = "mlm";
  double electraGeneratorSize = 0.25;  // electra: the generator's width as a share of the discriminator's
  double electraDiscWeight = 50;       // electra: the discriminator loss's weight beside the generator's
  // --- multi-task training (task "multi"): one encoder, one head per task
  std::string tasks = "ner,classify";  // the tasks trained together, comma-separated
  double taskTemperature = 1;          // a task's share of the training items ~ n^(1/T); 1 = proportional
  // --- optimisation
  int epochs = 30;               // passes over the training data at most
  int64_t maxSteps = 0;          // optimizer steps at most; 0 = epochs decide
  double timeLimitSeconds = 0;   // stop (keeping the best checkpoint) after this long; 0 = no limit
  int batchSize = 32;            // sentences (windows) per batch
  int maxBatchTokens = 0;        // also cap a batch's padded tokens; 0 = no cap
  int gradientAccumulation = 1;  // batches per optimizer step
  double learningRate =
      0;  // 0 = the kind's default (BiLSTM 2e-3, transformer 5e-5, with LoRA 5e-4; 1e-3 for a random encoder)
  // Learning rate of the head and CRF; 0 = learningRate (a transformer's CRF: x100, at most 1e-2).
  double headLearningRate = 0;
  double layerDecay = 1.0;  // layer-wise learning-rate decay from the top layer down (1 = none)
  double weightDecay = 0.01;  // decoupled weight decay (never on biases and LayerNorm weights)
  double warmupRatio = 0.1;   // share of the steps with a linear warm-up
  int64_t warmupSteps = 0;    // steps of linear warm-up; 0 = warmupRatio decides
  std::string schedule = "linear";  // after the warm-up: "linear" or "cosine" decay to 0, or "constant"
  double maxGradNorm = 1.0;  // gradient clipping (total L2 norm); 0 = none; BiLSTM default 5
  std::string classWeights = "none";  // "none" or "balanced" (inverse tag frequency) for softmax heads
  double focalGamma = 0;              // focal loss gamma for softmax heads; 0 = cross-entropy
  bool freezeEmbeddings = false;      // transformer: do not train the embedding block
  int freezeLayers = 0;               // transformer: do not train the lowest k encoder layers
  int unfreezeEvery = 0;  // transformer: gradual unfreezing, one more layer every N units, top first; 0 = off
  std::string unfreezeUnit = "epochs";  // "epochs" or "steps": the unit of unfreezeEvery
  double l2spAlpha = 0;  // transformer with model_folder: L2-SP penalty alpha/2 ||w - w0||^2; 0 = off
  // LoRA (model/adapters): the encoder frozen, low-rank adapters on chosen projections and the head trained.
  int64_t loraRank = 0;                     // transformer: adapter rank; 0 = off (full fine-tuning)
  double loraAlpha = 16;                    // transformer: the adapters' update is scaled by alpha / rank
  double loraDropout = 0.1;                 // transformer: dropout on the adapters' input in training
  std::string loraTargets = "query,value";  // transformer: adapted projections of every encoder layer
  // Prefix tuning (model/encoder/PrefixEncoder.h): the encoder frozen, this many trainable key/value
  // positions before every layer's own and the head trained; 0 = off.
  int64_t prefixLength = 0;
  // --- evaluation and stopping
  int evalEverySteps = 0;  // evaluate on dev every N optimizer steps; 0 = every epoch
  int patience = 5;        // stop after this many evaluations without a better dev F1; 0 = never
  // --- reproducibility and resources
  uint64_t seed = 42;          // data order, initialisation, dropout
  int threads = 0;             // CPU threads; 0 = all cores
  std::string device = "cpu";  // "cpu", "cuda", "cuda:1"
  // Mixed precision (model/kernels/Autocast.h): "fp32", "bf16" (CPU and CUDA) or "fp16" (CUDA, with dynamic
  // gradient scaling); the weights and optimizer state stay float32.
  std::string precision = "fp32";
  bool gradientCheckpointing = false;  // transformer: recompute each layer's activations in backward
  // Staged batches (train/StagedBatch.h) built this many ahead on a background thread; 0 = in the step.
  int prefetchBatches = 2;
  bool cudaGraphs = false;  // CUDA: capture the step per batch shape and replay it (train/CudaGraphSteps.h)

  // The learning rates after applying the kind's defaults.
  double effectiveLearningRate() const;
  double effectiveHeadLearningRate() const;
  double effectiveMaxGradNorm() const;
  // Warm-up steps of a run of `totalSteps` optimizer steps: warmupSteps (at most totalSteps), else
  // warmupRatio of totalSteps.
  int64_t effectiveWarmupSteps(int64_t totalSteps) const;
  // Why l2spAlpha cannot apply to this configuration (no model_folder, LoRA, a negative alpha); empty when
  // it can or is 0.
  std::string l2spConflict() const;

  nlohmann::json toJson() const;
  // Reads the keys present (others keep their defaults). Unknown keys and wrong types are errors that
  // name the key; `source` names the file.
  static Result<TrainConfig> fromJson(const nlohmann::json& json, const std::string& source = {});
  // Every key of `task` (empty = every task) with its default and help line, for --help-config.
  static std::vector<std::pair<std::string, std::string>> describe(const std::string& task = {});

  // The models an option applies to, as the scope its help line opens with says: "transformer: ..." (any
  // transformer), "random encoder: ..." (a transformer with random weights), "bilstm-crf, cnn: ...",
  // "ngram: ...", "from-scratch models: ..." (the from-scratch models); any other scope ("QA:",
  // "training:") or none = every model.
  enum class OptionModels { Any, FromScratch, Transformer, RandomEncoder };

  // One option as declared: what the Train dialog builds its form from.
  struct OptionInfo {
    std::string key;  // "learning_rate"
    nlohmann::json defaultValue;
    std::string help;
    std::vector<std::string> tasks;  // the tasks it applies to; empty = every task
    std::vector<std::pair<std::string, nlohmann::json>> taskDefaults;  // where a task's default differs
    OptionModels models = OptionModels::Any;
    bool appliesTo(const std::string& task) const;
    // True when the option matters for `kind` (a transformer: `randomEncoder` when it has no checkpoint).
    bool appliesToModel(ModelKind kind, bool randomEncoder) const;
  };
  static std::vector<OptionInfo> options();
  // Every option at its default for `task` (most defaults are the same for every task; dropout is not).
  static TrainConfig defaultsFor(const std::string& task);
};

// The name of a model kind for a task: "bilstm-crf" (ner) / "ngram" (classify), "transformer".
const char* modelKindName(ModelKind kind, const std::string& task = "ner");
// The tasks of a multi-task config's `tasks` ("ner,classify"): two or more distinct kTaskNames; Errors
// name the field "tasks".
Result<std::vector<std::string>> multiTaskNames(const std::string& text);
// One of kTaskNames, kPretrainingTaskName or kMultiTaskName.
bool isKnownTask(const std::string& task);

}  // namespace quarry::train
