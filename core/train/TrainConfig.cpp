#include "train/TrainConfig.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/adapters/LoraOptions.h"
#include "model/kernels/Autocast.h"

namespace quarry::train {
namespace {

using Json = nlohmann::json;

struct Option {
  const char* key;
  const char* help;
  const char* tasks = "";  // comma-separated task names; "" = every task
  // Defaults of particular tasks where they differ from the one default (task name -> value).
  std::vector<std::pair<std::string, Json>> taskDefaults;
  std::function<Json(const TrainConfig&)> get;
  std::function<Status(TrainConfig&, const Json&, const std::string&)> set;
};

template <typename T>
Option field(const char* key, T TrainConfig::*member, const char* help, const char* tasks = "") {
  Option o;
  o.key = key;
  o.help = help;
  o.tasks = tasks;
  o.get = [member](const TrainConfig& c) { return Json(c.*member); };
  o.set = [member, key](TrainConfig& c, const Json& v, const std::string& source) -> Status {
    bool typeOk = false;
    if constexpr (std::is_same_v<T, bool>)
      typeOk = v.is_boolean();
    else if constexpr (std::is_same_v<T, std::string>)
      typeOk = v.is_string();
    else if constexpr (std::is_floating_point_v<T>)
      typeOk = v.is_number();
    else if constexpr (std::is_unsigned_v<T>)
      typeOk = v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
    else
      typeOk = v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX) &&
               v.get<int64_t>() >= std::numeric_limits<T>::min() &&
               v.get<int64_t>() <= std::numeric_limits<T>::max();
    if (!typeOk)
      return Error("wrong type: expected " +
                       std::string(std::is_same_v<T, bool>          ? "true or false"
                                   : std::is_same_v<T, std::string> ? "a string"
                                   : std::is_floating_point_v<T>    ? "a number"
                                                                    : "an integer") +
                       ", got " + jsonSummary(v),
                   source, 0, key);
    c.*member = v.get<T>();
    return {};
  };
  return o;
}

const std::vector<Option>& declaredOptions() {
  static const std::vector<Option> all = [] {
    std::vector<Option> o;
    o.push_back(
        field("task", &TrainConfig::task,
              "\"ner\", \"classify\", \"relation\", \"qa\", \"mlm\" (masked-LM pretraining) or \"multi\" "
              "(several tasks on one encoder)"));
    Option kind;
    kind.key = "model";
    kind.help =
        "\"transformer\" or the task's model that needs no checkpoint: \"bilstm-crf\" (ner), \"ngram\" "
        "(classify), \"cnn\" (relation), \"bilstm-reader\" (qa); \"from-scratch\" names any";
    kind.get = [](const TrainConfig& c) { return Json(modelKindName(c.kind, c.task)); };
    kind.set = [](TrainConfig& c, const Json& v, const std::string& source) -> Status {
      // Which from-scratch name fits the task is checked once every key is read (keys come sorted).
      if (v == "bilstm-crf" || v == "ngram" || v == "cnn" || v == "bilstm-reader" || v == "from-scratch")
        c.kind = ModelKind::FromScratch;
      else if (v == "transformer")
        c.kind = ModelKind::Transformer;
      else
        return Error(
            "expected \"bilstm-crf\", \"ngram\", \"cnn\", \"bilstm-reader\", \"from-scratch\" or "
            "\"transformer\", got " +
                jsonSummary(v),
            source, 0, "model");
      return {};
    };
    kind.taskDefaults = {{"mlm", "transformer"}, {"multi", "transformer"}};
    o.push_back(kind);
    o.push_back(
        field("model_folder", &TrainConfig::modelFolder,
              "transformer: Hugging Face folder to fine-tune; empty = a randomly initialised encoder"));
    o.push_back(field("tokenizer_folder", &TrainConfig::tokenizerFolder,
                      "transformer with a random encoder: folder with the tokenizer files"));
    o.push_back(field("random_layers", &TrainConfig::randomLayers, "random encoder: number of layers"));
    o.push_back(field("random_hidden", &TrainConfig::randomHidden, "random encoder: hidden size"));
    o.push_back(field("random_heads", &TrainConfig::randomHeads, "random encoder: attention heads"));
    o.push_back(
        field("random_intermediate", &TrainConfig::randomIntermediate, "random encoder: feed-forward size"));
    o.push_back(field("crf", &TrainConfig::crf, "transformer: add a CRF layer over the linear head", "ner"));
    o.push_back(field("tag_encoding", &TrainConfig::tagEncoding, "\"iob2\" or \"bioes\"", "ner"));
    o.push_back(field("augment_copies", &TrainConfig::augmentCopies,
                      "augmented copies of every training document (mention replacement and case variants); "
                      "0 = none",
                      "ner"));
    o.push_back(field("augment_mention_replace", &TrainConfig::augmentMentionReplace,
                      "with augment_copies: chance that a mention is swapped for another mention of its type "
                      "from the training documents",
                      "ner"));
    o.push_back(field("augment_case", &TrainConfig::augmentCase,
                      "with augment_copies: chance that a mention is written lower, UPPER or Title case", "ner"));
    o.push_back(field("oversample_rare", &TrainConfig::oversampleRare,
                      "oversampling of rare labels: a training sentence (ner) or document (classify) whose rarest "
                      "label was seen in c of them, the most frequent label in c_max, is trained on "
                      "round((c_max / c)^power) times (at most 10); this is the power: 1 = balanced, 0.5 = half "
                      "way, 0 = off",
                      "ner,classify"));
    o.push_back(field("teacher_folder", &TrainConfig::teacherFolder,
                      "knowledge distillation: a fine-tuned model folder of this task (any encoder, the "
                      "BiLSTM-CRF or the n-gram classifier, trained on the same labels) whose probabilities on "
                      "the training documents, and on unlabelled ones given, the model learns beside the gold "
                      "labels; empty = none",
                      "ner,classify"));
    o.push_back(field("warm_start_folder", &TrainConfig::warmStartFolder,
                      "warm start: a model folder of this task (an earlier run's best/) whose weights start the "
                      "new model wherever names and shapes agree, the rest initialised afresh (active "
                      "learning's next round); empty = none"));
    o.push_back(field("distill_temperature", &TrainConfig::distillTemperature,
                      "with teacher_folder: the temperature T softening the teacher's and the student's "
                      "distributions (the soft loss is scaled by T^2)",
                      "ner,classify"));
    o.push_back(field("distill_alpha", &TrainConfig::distillAlpha,
                      "with teacher_folder: the weight of the teacher's soft targets; 1 - alpha weighs the gold "
                      "loss (unlabelled documents learn from the teacher alone)",
                      "ner,classify"));
    o.push_back(field("max_length", &TrainConfig::maxLength,
                      "transformer: tokens per window, special tokens included"));
    o.back().taskDefaults = {{"qa", 384}};
    o.push_back(field("stride", &TrainConfig::stride,
                      "transformer: overlap in tokens between windows of a long sentence or document"));
    o.back().taskDefaults = {{"qa", 128}};
    o.push_back(field("word_dim", &TrainConfig::wordDim,
                      "bilstm-crf, cnn, bilstm-reader: word embedding width", "ner,relation,qa"));
    o.push_back(field("char_dim", &TrainConfig::charDim, "bilstm-crf: character embedding width", "ner"));
    o.push_back(field("char_filters", &TrainConfig::charFilters, "bilstm-crf: character CNN filters", "ner"));
    o.push_back(field("lstm_hidden", &TrainConfig::lstmHidden,
                      "bilstm-crf, bilstm-reader: LSTM units per direction", "ner,qa"));
    o.back().taskDefaults = {{"qa", 128}};
    o.push_back(field("dropout", &TrainConfig::dropout,
                      "from-scratch models: dropout on embeddings and LSTM output (bilstm-crf), on the "
                      "document vector (ngram), on the pooled features (cnn), on embeddings and LSTM "
                      "outputs (bilstm-reader)"));
    o.back().taskDefaults = {{"classify", 0.1}, {"qa", 0.3}};
    o.push_back(field("min_word_count", &TrainConfig::minWordCount,
                      "bilstm-crf, cnn, bilstm-reader: rarer training words become <unk> (bilstm-reader: a "
                      "hashed row)",
                      "ner,relation,qa"));
    o.push_back(field("multi_label", &TrainConfig::multiLabel,
                      "\"auto\" (the schema's setting, else multi-label when a document has several "
                      "labels), \"yes\" (sigmoid, per-label thresholds tuned on dev) or \"no\" (softmax)",
                      "classify"));
    o.push_back(field("window_pooling", &TrainConfig::windowPooling,
                      "transformer: \"max\" or \"mean\" over the windows of a long document", "classify"));
    o.push_back(field("ngram_dim", &TrainConfig::ngramDim, "ngram: embedding width", "classify"));
    o.push_back(field("char_ngram_buckets", &TrainConfig::charNgramBuckets,
                      "ngram: hashed character 3-5-gram buckets; 0 = word n-grams only", "classify"));
    o.push_back(field("min_feature_count", &TrainConfig::minFeatureCount,
                      "ngram: word uni- and bigrams seen fewer times in training are dropped", "classify"));
    o.push_back(field("max_features", &TrainConfig::maxFeatures,
                      "ngram: the most frequent word uni- and bigrams kept", "classify"));
    o.push_back(field("relation_window", &TrainConfig::relationWindow,
                      "pair mentions at most this many sentences apart; 0 = same sentence; -1 = anywhere in "
                      "the document",
                      "relation"));
    o.push_back(
        field("relation_level", &TrainConfig::relationLevel,
              "\"mention\" (relations between mentions), \"concept\" (document-level relations between "
              "concept ids, e.g. BC5CDR CID, scored on concept pairs) or \"auto\" (concept when the "
              "training documents have only concept-level relations)",
              "relation"));
    o.push_back(field("negative_ratio", &TrainConfig::negativeRatio,
                      "training: keep at most this many unrelated candidate pairs per related one, drawn "
                      "with the seed; 0 = keep all",
                      "relation"));
    o.push_back(field("relation_input", &TrainConfig::relationInput,
                      "transformer: \"markers\" (typed entity markers around both mentions, the classifier "
                      "over the two start-marker states) or \"pair\" ([CLS] first [SEP] second [SEP] context "
                      "with markers, the classifier over [CLS])",
                      "relation"));
    o.push_back(field("relation_aggregation", &TrainConfig::relationAggregation,
                      "concept level: how a concept pair's mention-pair scores combine, \"max\" or "
                      "\"logsumexp\"",
                      "relation"));
    o.push_back(field("relation_threshold", &TrainConfig::relationThreshold,
                      "probability a relation needs to be predicted; 0 = the most probable class wins "
                      "(concept level: 0.5)",
                      "relation"));
    o.push_back(
        field("relation_tune_threshold", &TrainConfig::relationTuneThreshold,
              "on every dev evaluation set relation_threshold to the value (0.05 to 0.95, or the most "
              "probable class) that scores best on dev; the model keeps it",
              "relation"));
    o.push_back(field("relation_metric", &TrainConfig::relationMetric,
                      "primary dev metric: \"micro\" or \"macro\" F1 over the types, \"semeval\" "
                      "(SemEval-2010 Task 8's official macro-F1) or \"auto\" (semeval for its ten types, "
                      "else micro)",
                      "relation"));
    o.push_back(
        field("relation_filters", &TrainConfig::relationFilters, "cnn: convolution filters", "relation"));
    o.push_back(field("position_dim", &TrainConfig::positionDim,
                      "cnn: width of the embeddings of each word's distance to the two mentions",
                      "relation"));
    o.push_back(
        field("max_answer_length", &TrainConfig::maxAnswerLength, "QA: tokens of an answer at most", "qa"));
    o.push_back(
        field("top_k_windows", &TrainConfig::topKWindows,
              "QA: windows of a long document read per question, ranked by BM25 against the question; "
              "0 = all (training reads all)",
              "qa"));
    o.push_back(field("no_answer", &TrainConfig::noAnswer,
                      "QA: \"tune\" (no-answer threshold tuned on dev for the best F1, kept with the model), "
                      "\"fixed\" (null_threshold) or \"never\" (always answer, SQuAD 1.1)",
                      "qa"));
    o.push_back(
        field("null_threshold", &TrainConfig::nullThreshold,
              "QA: no answer when null score - best span score exceeds this (no_answer \"fixed\"; the "
              "start value of \"tune\")",
              "qa"));
    o.push_back(field("multi_span_threshold", &TrainConfig::multiSpanThreshold,
                      "QA: > 0 also answers every further non-overlapping span of at least this probability "
                      "(clauses that occur several times); 0 = one answer",
                      "qa"));
    o.push_back(field("mlm_probability", &TrainConfig::mlmProbability,
                      "masked LM: share of each sequence's tokens chosen for prediction (80% become the mask "
                      "token, 10% a random token, 10% stay), drawn anew every epoch",
                      "mlm"));
    o.push_back(field("whole_word_mask", &TrainConfig::wholeWordMask,
                      "masked LM: choose whole words and mask all their pieces", "mlm"));
    o.push_back(field("dev_fraction", &TrainConfig::devFraction,
                      "masked LM: share of the documents held back for dev (seeded, by document) when no dev "
                      "documents are given",
                      "mlm"));
    o.push_back(field("vocab_size", &TrainConfig::vocabSize,
                      "masked LM from a random encoder: first train a WordPiece vocabulary of this many tokens "
                      "on the training text (into <output>/vocabulary) instead of tokenizer_folder's; 0 = no",
                      "mlm"));
    o.push_back(field("vocab_lowercase", &TrainConfig::vocabLowercase,
                      "masked LM with vocab_size: the vocabulary and its tokenizer lowercase the text (uncased)",
                      "mlm"));
    o.push_back(field("pretrain_objective", &TrainConfig::pretrainObjective,
                      "pretraining: \"mlm\" (masked LM) or \"electra\" (replaced-token detection: a small "
                      "masked-LM generator fills the masked tokens and an ELECTRA discriminator learns which "
                      "tokens were replaced; the folder is an ElectraForPreTraining with generator/ inside)",
                      "mlm"));
    o.push_back(field("electra_generator_size", &TrainConfig::electraGeneratorSize,
                      "electra: the generator's hidden size, heads and feed-forward width as a share of the "
                      "discriminator's (same depth)",
                      "mlm"));
    o.push_back(field("electra_disc_weight", &TrainConfig::electraDiscWeight,
                      "electra: the weight of the discriminator's loss beside the generator's masked-LM loss",
                      "mlm"));
    o.push_back(
        field("tasks", &TrainConfig::tasks,
              "multi-task: the tasks trained together on one shared transformer encoder, each with its "
              "own head, comma-separated (ner, classify, relation, qa); the saved folder holds one "
              "model folder per task",
              "multi"));
    o.push_back(field("task_temperature", &TrainConfig::taskTemperature,
                      "multi-task: each task's share of the training items is proportional to n^(1/T) of its "
                      "n items (a smaller task's repeated): 1 = proportional to the data, larger = more even",
                      "multi"));
    o.push_back(field("epochs", &TrainConfig::epochs, "passes over the training data at most"));
    o.push_back(field("max_steps", &TrainConfig::maxSteps, "optimizer steps at most; 0 = epochs decide"));
    o.push_back(field("time_limit_seconds", &TrainConfig::timeLimitSeconds,
                      "stop after this many seconds keeping the best checkpoint; 0 = no limit"));
    o.push_back(field("batch_size", &TrainConfig::batchSize, "sentences (or windows) per batch"));
    o.push_back(
        field("max_batch_tokens", &TrainConfig::maxBatchTokens, "cap on a batch's padded tokens; 0 = none"));
    o.push_back(
        field("gradient_accumulation", &TrainConfig::gradientAccumulation, "batches per optimizer step"));
    o.push_back(field("learning_rate", &TrainConfig::learningRate,
                      "0 = default (bilstm-crf 2e-3, ngram 2e-2, pre-trained transformer 5e-5, with LoRA "
                      "5e-4, with a prefix 5e-3, random encoder 1e-3)"));
    o.push_back(field("head_learning_rate", &TrainConfig::headLearningRate,
                      "learning rate of the head and CRF; 0 = learning_rate (a transformer's CRF: x100, at "
                      "most 1e-2)"));
    o.push_back(field("layer_decay", &TrainConfig::layerDecay,
                      "layer-wise learning-rate decay from the top layer down; 1 = none"));
    o.push_back(field("weight_decay", &TrainConfig::weightDecay,
                      "decoupled weight decay; never on biases and LayerNorm weights"));
    o.push_back(field("warmup_ratio", &TrainConfig::warmupRatio, "share of the steps with a linear warm-up"));
    o.push_back(field("warmup_steps", &TrainConfig::warmupSteps,
                      "optimizer steps of linear warm-up; 0 = warmup_ratio decides"));
    o.push_back(field("schedule", &TrainConfig::schedule,
                      "after the warm-up: \"linear\" or \"cosine\" decay to 0, or \"constant\""));
    o.push_back(field("max_grad_norm", &TrainConfig::maxGradNorm,
                      "gradient clipping by total L2 norm; 0 = none (bilstm-crf uses at least 5)"));
    o.push_back(field("class_weights", &TrainConfig::classWeights,
                      "\"none\" or \"balanced\" (inverse label frequency; softmax heads; multi-label: "
                      "positives weighted by negatives/positives)"));
    o.push_back(field("focal_gamma", &TrainConfig::focalGamma,
                      "focal loss gamma for softmax heads; 0 = cross-entropy"));
    o.push_back(
        field("freeze_embeddings", &TrainConfig::freezeEmbeddings, "transformer: keep the embeddings fixed"));
    o.push_back(field("freeze_layers", &TrainConfig::freezeLayers,
                      "transformer: keep the lowest k encoder layers fixed"));
    o.push_back(field("unfreeze_every", &TrainConfig::unfreezeEvery,
                      "transformer: gradual unfreezing (ULMFiT): the head and the top encoder layer train "
                      "first, one more layer below every N unfreeze_unit, the embeddings last; "
                      "freeze_layers and freeze_embeddings still hold; 0 = off"));
    o.push_back(field("unfreeze_unit", &TrainConfig::unfreezeUnit,
                      "transformer: \"epochs\" or \"steps\" (optimizer steps): the unit of unfreeze_every"));
    o.push_back(field("l2sp_alpha", &TrainConfig::l2spAlpha,
                      "transformer with model_folder: L2-SP, the penalty alpha/2 ||w - w0||^2 pulling the "
                      "encoder toward the pre-trained weights w0 (not the head; weight_decay still applies; "
                      "not with LoRA, whose base stays fixed anyway); 0 = off"));
    o.push_back(field("lora_rank", &TrainConfig::loraRank,
                      "transformer: > 0 fine-tunes with LoRA adapters of this rank: the pre-trained encoder "
                      "(model_folder) stays fixed, the adapters on lora_targets and the head train; the saved "
                      "folder holds the merged weights and the adapter in PEFT's layout (adapter/); 0 = off. A PEFT "
                      "adapter folder given as model_folder is put on its base and brings its own settings",
                      "ner,classify,relation,qa"));
    o.push_back(field("lora_alpha", &TrainConfig::loraAlpha,
                      "transformer: LoRA scaling; the adapters' update is multiplied by lora_alpha / lora_rank",
                      "ner,classify,relation,qa"));
    // 0.1 rather than PEFT's 0: the encoders' own dropout, and the value of PEFT's token- and
    // sequence-classification examples; Quarry's labelled sets are small, so the adapters overfit sooner.
    o.push_back(field("lora_dropout", &TrainConfig::loraDropout,
                      "transformer: dropout on the LoRA adapters' input during training",
                      "ner,classify,relation,qa"));
    o.push_back(field("lora_targets", &TrainConfig::loraTargets,
                      "transformer: the projections of every encoder layer that get LoRA adapters, "
                      "comma-separated: query, key, value, attention_output, intermediate, output",
                      "ner,classify,relation,qa"));
    o.push_back(
        field("prefix_length", &TrainConfig::prefixLength,
              "transformer: > 0 fine-tunes by prefix tuning: the pre-trained encoder (model_folder; "
              "BERT, RoBERTa or ELECTRA) stays fixed, this many key/value positions before every "
              "layer's own and the head train; the saved folder holds the encoder and head, and the "
              "prefix in PEFT's layout (adapter/, PREFIX_TUNING), which Quarry and PEFT load onto it; "
              "0 = off. Not with LoRA",
              "ner,classify,relation,qa"));
    o.push_back(field("eval_every_steps", &TrainConfig::evalEverySteps,
                      "evaluate on dev every N optimizer steps; 0 = every epoch"));
    o.push_back(field("patience", &TrainConfig::patience,
                      "stop after this many evaluations without a better primary dev metric; 0 = never"));
    o.push_back(field("seed", &TrainConfig::seed, "seed of data order, initialisation and dropout"));
    o.push_back(field("threads", &TrainConfig::threads, "CPU threads; 0 = all cores"));
    o.push_back(field("device", &TrainConfig::device, "\"cpu\" or \"cuda[:N]\""));
    o.push_back(field("precision", &TrainConfig::precision,
                      "arithmetic of the forward and backward passes: fp32; bf16 (mixed precision, CPU or "
                      "CUDA: matrix products in bfloat16, softmax, norms and losses in float32, weights and "
                      "optimizer in float32); fp16 (CUDA only, with dynamic loss scaling)"));
    o.push_back(field("gradient_checkpointing", &TrainConfig::gradientCheckpointing,
                      "transformer: keep only each encoder layer's input in the forward pass and recompute "
                      "the layer in backward (dropout masks repeat exactly): less activation memory for "
                      "long sequences and large encoders, about a third more compute",
                      "ner,classify,relation,qa,mlm,multi"));
    o.push_back(
        field("prefetch_batches", &TrainConfig::prefetchBatches,
              "lay out this many training batches ahead on a background thread (pinned for a GPU) "
              "while the current step computes; 0 = each in its step. Training is the same either way. "
              "Models that stage their batches: the NER transformer (not while distilling)"));
    o.push_back(
        field("cuda_graphs", &TrainConfig::cudaGraphs,
              "CUDA: capture the training step (forward, backward, clipping, AdamW) as one CUDA graph "
              "per batch shape, batches padded to whole 32-column widths and the batch size, and "
              "replay it: one launch per step instead of one per operator. NER transformers with a "
              "softmax head (not DeBERTa); not with fp16, gradient accumulation, gradual unfreezing, L2-SP, "
              "distillation or data-parallel training",
              "ner"));
    return o;
  }();
  return all;
}

Status parseLoraTargetsStatus(const std::string& targets, const std::string& source) {
  auto parsed = model::parseLoraTargets(targets);
  if (!parsed) return Error(parsed.error().message, source, 0, parsed.error().field);
  return {};
}

}  // namespace

const char* modelKindName(ModelKind kind, const std::string& task) {
  if (kind == ModelKind::Transformer) return "transformer";
  if (task == "classify") return "ngram";
  if (task == "relation") return "cnn";
  if (task == "qa") return "bilstm-reader";
  return "bilstm-crf";
}

Result<std::vector<std::string>> multiTaskNames(const std::string& text) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    std::string name = text.substr(begin, end - begin);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) {
      bool known = false;
      for (const char* t : kTaskNames) known = known || name == t;
      if (!known)
        return Error("\"" + name + "\" is not a task to train together (ner, classify, relation, qa)", "", 0,
                     "tasks");
      if (std::find(out.begin(), out.end(), name) != out.end())
        return Error("\"" + name + "\" is named twice", "", 0, "tasks");
      out.push_back(name);
    }
    begin = end + 1;
  }
  if (out.size() < 2) return Error("name two or more tasks to train together", "", 0, "tasks");
  return out;
}

namespace {
Status multiTaskStatus(const TrainConfig& c) {
  if (c.task != kMultiTaskName) return {};
  auto names = multiTaskNames(c.tasks);
  if (!names) return names.error();
  return {};
}
}  // namespace

bool isKnownTask(const std::string& task) {
  if (task == kPretrainingTaskName || task == kMultiTaskName) return true;
  for (const char* t : kTaskNames)
    if (task == t) return true;
  return false;
}

bool TrainConfig::OptionInfo::appliesTo(const std::string& name) const {
  return tasks.empty() || name.empty() || std::find(tasks.begin(), tasks.end(), name) != tasks.end();
}

bool TrainConfig::OptionInfo::appliesToModel(ModelKind kind, bool randomEncoder) const {
  switch (models) {
    case OptionModels::Any:
      return true;
    case OptionModels::FromScratch:
      return kind == ModelKind::FromScratch;
    case OptionModels::Transformer:
      return kind == ModelKind::Transformer;
    case OptionModels::RandomEncoder:
      return kind == ModelKind::Transformer && randomEncoder;
  }
  return true;
}

namespace {

// The models of an option, from the scope its help line opens with (see OptionModels).
TrainConfig::OptionModels modelsOf(const std::string& help) {
  const size_t colon = help.find(':');
  if (colon == std::string::npos) return TrainConfig::OptionModels::Any;
  const std::string scope = help.substr(0, colon);
  if (scope == "random encoder") return TrainConfig::OptionModels::RandomEncoder;
  if (scope.rfind("transformer", 0) == 0) return TrainConfig::OptionModels::Transformer;
  // A list of from-scratch model names ("bilstm-crf, cnn, bilstm-reader").
  bool names = true;
  for (size_t start = 0; start < scope.size();) {
    size_t comma = scope.find(',', start);
    if (comma == std::string::npos) comma = scope.size();
    std::string name = scope.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    names = names && (name == "bilstm-crf" || name == "ngram" || name == "cnn" || name == "bilstm-reader" ||
                      name == "from-scratch models");
    start = comma + 1;
  }
  return names ? TrainConfig::OptionModels::FromScratch : TrainConfig::OptionModels::Any;
}

}  // namespace

std::vector<TrainConfig::OptionInfo> TrainConfig::options() {
  std::vector<OptionInfo> out;
  const TrainConfig defaults;
  for (const Option& o : declaredOptions()) {
    OptionInfo info;
    info.key = o.key;
    info.defaultValue = o.get(defaults);
    info.help = o.help;
    info.taskDefaults = o.taskDefaults;
    info.models = modelsOf(info.help);
    std::string tasks = o.tasks;
    for (size_t start = 0; start < tasks.size();) {
      size_t comma = tasks.find(',', start);
      if (comma == std::string::npos) comma = tasks.size();
      info.tasks.push_back(tasks.substr(start, comma - start));
      start = comma + 1;
    }
    out.push_back(std::move(info));
  }
  return out;
}

double TrainConfig::effectiveLearningRate() const {
  if (learningRate > 0) return learningRate;
  // The n-gram classifier's embedding bag and linear layer learn little per step at 5e-3: on a tenth of
  // Hallmarks of Cancer or CLAUDETTE early stopping ends it before it predicts anything (micro F1 0.23 and
  // 0.02 against 0.56 and 0.28 at 2e-2), and on all of Hallmarks it ends lower (0.740 against 0.764).
  if (kind == ModelKind::FromScratch) return task == "classify" ? 2e-2 : task == "relation" ? 1e-3 : 2e-3;
  if (modelFolder.empty()) return 1e-3;
  // Adapters start at zero and are few: LoRA's own recipes (RoBERTa/DeBERTa on GLUE) use 4e-4 to 5e-4;
  // prefix tuning's (P-Tuning v2 on GLUE and NER) 5e-3 to 1e-2.
  if (prefixLength > 0) return 5e-3;
  return loraRank > 0 ? 5e-4 : 5e-5;
}

double TrainConfig::effectiveHeadLearningRate() const {
  if (headLearningRate > 0) return headLearningRate;
  return effectiveLearningRate();
}

std::string TrainConfig::l2spConflict() const {
  if (!std::isfinite(l2spAlpha) || l2spAlpha < 0) return "must be a finite number, not negative";
  if (l2spAlpha == 0) return {};
  // L2-SP anchors a fine-tuned encoder to the weights it was loaded with: there must be some, and they
  // must train.
  if (kind != ModelKind::Transformer || modelFolder.empty())
    return "L2-SP pulls toward pre-trained weights: it needs a transformer with model_folder";
  if (loraRank > 0)
    return "LoRA keeps the pre-trained weights fixed already: set l2sp_alpha or lora_rank to 0";
  if (prefixLength > 0)
    return "prefix tuning keeps the pre-trained weights fixed already: set l2sp_alpha or prefix_length to 0";
  return {};
}

int64_t TrainConfig::effectiveWarmupSteps(int64_t totalSteps) const {
  if (warmupSteps > 0) return std::min(warmupSteps, totalSteps);
  return static_cast<int64_t>(std::llround(warmupRatio * static_cast<double>(totalSteps)));
}

double TrainConfig::effectiveMaxGradNorm() const {
  if (kind == ModelKind::FromScratch && task == "ner" && maxGradNorm > 0 && maxGradNorm < 5.0) return 5.0;
  return maxGradNorm;
}

Json TrainConfig::toJson() const {
  Json j = Json::object();
  for (const Option& o : declaredOptions()) j[o.key] = o.get(*this);
  return j;
}

TrainConfig TrainConfig::defaultsFor(const std::string& task) {
  TrainConfig c;
  c.task = task;
  for (const Option& o : declaredOptions())
    for (const auto& [name, value] : o.taskDefaults)
      if (name == task) (void)o.set(c, value, {});
  return c;
}

Result<TrainConfig> TrainConfig::fromJson(const Json& json, const std::string& source) {
  if (!json.is_object()) return Error("a training configuration must be a JSON object", source);
  // The task first: its defaults are where the other keys start from.
  TrainConfig c;
  if (auto task = json.find("task"); task != json.end()) {
    if (!task->is_string())
      return Error("wrong type: expected a string, got " + jsonSummary(*task), source, 0, "task");
    if (!isKnownTask(task->get<std::string>()))
      return Error("expected \"ner\", \"classify\", \"relation\", \"qa\", \"mlm\" or \"multi\"", source, 0,
                   "task");
    c = defaultsFor(task->get<std::string>());
  }
  for (auto it = json.begin(); it != json.end(); ++it) {
    const Option* found = nullptr;
    for (const Option& o : declaredOptions())
      if (it.key() == o.key) found = &o;
    if (!found) return Error("unknown option (see quarry-cli train --help-config)", source, 0, it.key());
    if (Status s = found->set(c, it.value(), source); !s) return s.error();
  }
  auto check = [&](bool ok, const char* key, const std::string& what) -> Status {
    if (!ok) return Error(what, source, 0, key);
    return {};
  };
  if (auto model = json.find("model"); model != json.end() && model->is_string()) {
    const std::string name = model->get<std::string>();
    if ((name == "bilstm-crf" && c.task != "ner") || (name == "ngram" && c.task != "classify") ||
        (name == "cnn" && c.task != "relation") || (name == "bilstm-reader" && c.task != "qa"))
      return Error("\"" + name + "\" is not a model of task \"" + c.task + "\" (its own: \"" +
                       modelKindName(ModelKind::FromScratch, c.task) + "\" or \"transformer\")",
                   source, 0, "model");
  }
  const auto precision = model::precisionNamed(c.precision);
  const bool precisionRuns =
      precision && model::precisionSupported(precision.value(),
                                             c.device == "cpu" ? c10::DeviceType::CPU : c10::DeviceType::CUDA)
                       .ok();
  for (const Status& s :
       {check(isKnownTask(c.task), "task",
              "expected \"ner\", \"classify\", \"relation\", \"qa\", \"mlm\" or \"multi\""),
        check(c.taskTemperature >= 1 && c.taskTemperature <= 100, "task_temperature",
              "must be between 1 and 100"),
        check(c.task != kMultiTaskName || c.kind == ModelKind::Transformer, "model",
              "multi-task training shares a transformer encoder"),
        check(c.task != kMultiTaskName || (c.loraRank == 0 && c.prefixLength == 0), "task",
              "multi-task training trains the shared encoder whole: not with LoRA or a prefix"),
        multiTaskStatus(c), check(c.relationWindow >= -1, "relation_window", "must be -1 (anywhere) or more"),
        check(c.relationLevel == "auto" || c.relationLevel == "mention" || c.relationLevel == "concept",
              "relation_level", "expected \"auto\", \"mention\" or \"concept\""),
        check(c.negativeRatio >= 0 && std::isfinite(c.negativeRatio), "negative_ratio",
              "must not be negative"),
        check(c.relationInput == "markers" || c.relationInput == "pair", "relation_input",
              "expected \"markers\" or \"pair\""),
        check(c.relationAggregation == "max" || c.relationAggregation == "logsumexp", "relation_aggregation",
              "expected \"max\" or \"logsumexp\""),
        check(c.relationThreshold >= 0 && c.relationThreshold < 1, "relation_threshold", "must be in [0, 1)"),
        check(c.relationMetric == "auto" || c.relationMetric == "micro" || c.relationMetric == "macro" ||
                  c.relationMetric == "semeval",
              "relation_metric", "expected \"auto\", \"micro\", \"macro\" or \"semeval\""),
        check(c.relationFilters >= 1 && c.relationFilters <= 8192, "relation_filters",
              "must be between 1 and 8192"),
        check(c.positionDim >= 1 && c.positionDim <= 1024, "position_dim", "must be between 1 and 1024"),
        check(c.noAnswer == "tune" || c.noAnswer == "fixed" || c.noAnswer == "never", "no_answer",
              "expected \"tune\", \"fixed\" or \"never\""),
        check(c.mlmProbability > 0 && c.mlmProbability < 1, "mlm_probability", "must be in (0, 1)"),
        check(c.devFraction >= 0 && c.devFraction < 1, "dev_fraction", "must be in [0, 1)"),
        check(c.vocabSize == 0 || (c.vocabSize >= 100 && c.vocabSize <= 1000000), "vocab_size",
              "must be 0 or between 100 and 1000000"),
        check(c.vocabSize == 0 || c.modelFolder.empty(), "vocab_size",
              "trains a vocabulary for a random encoder: not with model_folder"),
        check(c.task != "mlm" || c.kind == ModelKind::Transformer, "model",
              "masked-LM pretraining trains a transformer"),
        check(c.pretrainObjective == "mlm" || c.pretrainObjective == "electra", "pretrain_objective",
              "expected \"mlm\" or \"electra\""),
        check(c.electraGeneratorSize > 0 && c.electraGeneratorSize <= 1, "electra_generator_size",
              "must be in (0, 1]"),
        check(c.electraDiscWeight > 0 && std::isfinite(c.electraDiscWeight), "electra_disc_weight",
              "must be a positive number"),
        check(c.maxAnswerLength >= 1, "max_answer_length", "must be at least 1"),
        check(c.topKWindows >= 0, "top_k_windows", "must not be negative"),
        check(std::isfinite(c.nullThreshold), "null_threshold", "must be a finite number"),
        check(c.multiSpanThreshold >= 0 && c.multiSpanThreshold <= 1, "multi_span_threshold",
              "must be in [0, 1]"),
        check(c.multiLabel == "auto" || c.multiLabel == "yes" || c.multiLabel == "no", "multi_label",
              "expected \"auto\", \"yes\" or \"no\""),
        check(c.windowPooling == "max" || c.windowPooling == "mean", "window_pooling",
              "expected \"max\" or \"mean\""),
        check(c.ngramDim >= 1 && c.ngramDim <= 4096, "ngram_dim", "must be between 1 and 4096"),
        check(c.charNgramBuckets >= 0 && c.charNgramBuckets <= (int64_t{1} << 24), "char_ngram_buckets",
              "must be between 0 and 16777216"),
        check(c.minFeatureCount >= 1, "min_feature_count", "must be at least 1"),
        check(c.maxFeatures >= 1 && c.maxFeatures <= 10'000'000, "max_features",
              "must be between 1 and 10000000"),
        check(c.augmentCopies >= 0 && c.augmentCopies <= 20, "augment_copies", "must be between 0 and 20"),
        check(c.augmentMentionReplace >= 0 && c.augmentMentionReplace <= 1, "augment_mention_replace",
              "must be in [0, 1]"),
        check(c.augmentCase >= 0 && c.augmentCase <= 1, "augment_case", "must be in [0, 1]"),
        check(c.distillTemperature > 0 && c.distillTemperature <= 100, "distill_temperature",
              "must be in (0, 100]"),
        check(c.distillAlpha >= 0 && c.distillAlpha <= 1, "distill_alpha", "must be in [0, 1]"),
        check(c.oversampleRare >= 0 && c.oversampleRare <= 2, "oversample_rare", "must be in [0, 2]"),
        check(c.teacherFolder.empty() || c.task == "ner" || c.task == "classify", "teacher_folder",
              "distillation is built for the ner and classify tasks"),
        check(c.tagEncoding == "iob2" || c.tagEncoding == "bio" || c.tagEncoding == "bioes" ||
                  c.tagEncoding == "iobes",
              "tag_encoding", "expected \"iob2\" or \"bioes\""),
        check(c.schedule == "linear" || c.schedule == "cosine" || c.schedule == "constant", "schedule",
              "expected \"linear\", \"cosine\" or \"constant\""),
        check(c.warmupSteps >= 0, "warmup_steps", "must not be negative"),
        check(c.unfreezeEvery >= 0, "unfreeze_every", "must not be negative"),
        check(c.unfreezeEvery == 0 || c.kind == ModelKind::Transformer, "unfreeze_every",
              "gradual unfreezing trains a transformer's layers top down: not for from-scratch models"),
        check(c.unfreezeUnit == "epochs" || c.unfreezeUnit == "steps", "unfreeze_unit",
              "expected \"epochs\" or \"steps\""),
        check(c.l2spConflict().empty(), "l2sp_alpha", c.l2spConflict()),
        check(c.classWeights == "none" || c.classWeights == "balanced", "class_weights",
              "expected \"none\" or \"balanced\""),
        check(c.batchSize > 0, "batch_size", "must be at least 1"),
        check(c.gradientAccumulation > 0, "gradient_accumulation", "must be at least 1"),
        check(c.epochs > 0, "epochs", "must be at least 1"),
        check(c.maxLength >= 8, "max_length", "must be at least 8"),
        // Masked LM packs sequences and relations read one span around each pair: no windows, no stride.
        check(c.task == kPretrainingTaskName || c.task == "relation" ||
                  (c.stride >= 0 && c.stride < c.maxLength / 2),
              "stride", "must be between 0 and max_length / 2"),
        check(c.dropout >= 0 && c.dropout < 1, "dropout", "must be in [0, 1)"),
        check(c.warmupRatio >= 0 && c.warmupRatio < 1, "warmup_ratio", "must be in [0, 1)"),
        check(c.layerDecay > 0 && c.layerDecay <= 1, "layer_decay", "must be in (0, 1]"),
        check(c.randomHidden > 0 && c.randomHeads > 0 && c.randomHidden % c.randomHeads == 0, "random_heads",
              "random_hidden must be a multiple of random_heads"),
        // Sizes far above any useful tagger: they only keep a typo from allocating the machine away.
        check(c.randomLayers >= 1 && c.randomLayers <= 64, "random_layers", "must be between 1 and 64"),
        check(c.randomHidden <= 8192, "random_hidden", "must be between 1 and 8192"),
        check(c.randomIntermediate >= 1 && c.randomIntermediate <= 32768, "random_intermediate",
              "must be between 1 and 32768"),
        check(c.maxLength <= 65536, "max_length", "must be at most 65536"),
        check(c.wordDim >= 1 && c.wordDim <= 4096, "word_dim", "must be between 1 and 4096"),
        check(c.charDim >= 1 && c.charDim <= 1024, "char_dim", "must be between 1 and 1024"),
        check(c.charFilters >= 1 && c.charFilters <= 4096, "char_filters", "must be between 1 and 4096"),
        check(c.lstmHidden >= 1 && c.lstmHidden <= 8192, "lstm_hidden", "must be between 1 and 8192"),
        check(c.minWordCount >= 0, "min_word_count", "must not be negative"),
        check(c.maxSteps >= 0, "max_steps", "must not be negative"),
        check(c.maxBatchTokens >= 0, "max_batch_tokens", "must not be negative"),
        check(c.freezeLayers >= 0, "freeze_layers", "must not be negative"),
        check(c.loraRank >= 0 && c.loraRank <= 4096, "lora_rank", "must be between 0 (off) and 4096"),
        check(std::isfinite(c.loraAlpha) && c.loraAlpha > 0, "lora_alpha", "must be a positive number"),
        check(c.loraDropout >= 0 && c.loraDropout < 1, "lora_dropout", "must be in [0, 1)"),
        check(c.loraRank == 0 || c.task != kPretrainingTaskName, "lora_rank",
              "masked-LM pretraining trains the whole encoder; LoRA is for fine-tuning a task"),
        parseLoraTargetsStatus(c.loraTargets, source),
        check(c.prefixLength >= 0 && c.prefixLength <= 4096, "prefix_length",
              "must be between 0 (off) and 4096"),
        check(c.prefixLength == 0 || c.loraRank == 0, "prefix_length",
              "choose LoRA (lora_rank) or prefix tuning (prefix_length), not both"),
        check(c.prefixLength == 0 || c.task != kPretrainingTaskName, "prefix_length",
              "pretraining trains the whole encoder; prefix tuning is for fine-tuning a task"),
        check(c.evalEverySteps >= 0, "eval_every_steps", "must not be negative"),
        check(c.patience >= 0, "patience", "must not be negative"),
        check(c.threads >= 0 && c.threads <= 1024, "threads", "must be between 0 and 1024"),
        check(std::isfinite(c.learningRate) && c.learningRate >= 0 && std::isfinite(c.headLearningRate) &&
                  c.headLearningRate >= 0,
              "learning_rate", "learning rates must be finite and not negative"),
        check(c.weightDecay >= 0 && c.maxGradNorm >= 0 && c.focalGamma >= 0 && c.timeLimitSeconds >= 0,
              "weight_decay",
              "weight_decay, max_grad_norm, focal_gamma and time_limit_seconds must not be negative"),
        check(c.device == "cpu" || c.device.rfind("cuda", 0) == 0, "device",
              "expected \"cpu\" or \"cuda[:N]\""),
        check(precision.ok(), "precision", "expected fp32, bf16 or fp16"),
        check(!precision.ok() || precisionRuns, "precision",
              "fp16 needs a CUDA device; on the CPU use bf16 (or fp32)"),
        check(c.prefetchBatches >= 0 && c.prefetchBatches <= 64, "prefetch_batches",
              "must be between 0 and 64"),
        check(!c.cudaGraphs || c.device.rfind("cuda", 0) == 0, "cuda_graphs",
              "CUDA graphs need a CUDA device (device \"cuda\")")})
    if (!s) return s.error();
  return c;
}

std::vector<std::pair<std::string, std::string>> TrainConfig::describe(const std::string& task) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const OptionInfo& o : TrainConfig::options()) {
    if (!o.appliesTo(task)) continue;
    std::string help = o.help;
    if (task.empty() && !o.tasks.empty()) {
      std::string names;
      for (const std::string& t : o.tasks) names += (names.empty() ? "" : ", ") + t;
      help += " [" + names + " only]";
    }
    Json value = o.defaultValue;
    for (const auto& [name, taskValue] : o.taskDefaults) {
      if (name == task)
        value = taskValue;
      else if (task.empty())
        help += " (" + name + ": " + taskValue.dump() + ")";
    }
    out.emplace_back(o.key + " = " + value.dump(), help);
  }
  return out;
}

}  // namespace quarry::train
