#pragma once
// How every task's transformer model comes to be: a Hugging Face folder (config.json, weights, tokenizer
// files) read and checked (the tokenizer fits the embedding, the tensors fit the config, max_length fits
// the positions), or a random encoder of the config's random_* shape over a given tokenizer; then the
// encoder with the task's head, the checkpoint's tensors loaded and a head trained for other labels
// replaced; with LoRA (lora_rank, or a folder holding a LoRA training state, see TransformerFolder.h) the
// chosen layers adapted and everything but the adapters and the head frozen. NER's tagger, the document classifier, the relation and QA models all start here.

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TrainConfig.h"

namespace quarry::train {

struct TransformerSetup {
  model::Task task = model::Task::Encoder;  // which head
  std::vector<std::string> labels;          // id2label of the head (empty: the checkpoint's own, if any)
  std::string classSuffix;                  // "ForTokenClassification": config.json's architectures
  // The file Quarry writes into its own model folders ("quarry_ner.json"): a folder that has it must hold
  // every tensor of its model and nothing else; a plain Hugging Face checkpoint may lack its head, which
  // is then initialised.
  std::string taskFile;
  // The task a quarry_task.json must name for the folder to count as the task's own ("classify"): a folder
  // of another task (a pretrained "mlm" encoder) is a base model whose head is initialised. Empty = any.
  std::string taskName;
  // Reloading a folder Quarry wrote: the head is the folder's own, so one of another size is damage, not
  // a head to replace.
  bool sameLabels = false;
  // Names of the head's tensors that may be replaced when their size differs ("classifier").
  std::string headPrefix = "classifier";
  // New tokens for the vocabulary (relation extraction's entity markers): each gets a word embedding row
  // after the model's vocab_size, initialised as the mean of the rows of the token ids given. The
  // tokenizer does not know them; the task puts their ids (TransformerParts::addedTokenBase + k) in place.
  std::vector<std::vector<int64_t>> addedTokens;
  // The model_type of a random encoder ("bert"; ELECTRA pretraining's discriminator: "electra", with
  // embedding_size equal to the hidden size).
  std::string randomModelType = "bert";
};

struct TransformerParts {
  model::ModelConfig config;                  // written back as config.json
  std::unique_ptr<text::Tokenizer> tokenizer;
  std::vector<std::string> tokenizerFiles;    // copied into saved folders
  model::TransformerModel model{nullptr};
  int64_t addedTokenBase = 0;                 // the id of the first added token (the old vocab_size)
  std::string loraBase;  // LoRA or prefix tuning: the base folder the saved adapter names; empty without
                         // (TransformerFolder.h)
};

Result<TransformerParts> buildTransformer(const TrainConfig& config, const TransformerSetup& setup);

// The tokenizer files of a folder that a saved model folder carries along.
std::vector<std::string> tokenizerFilesIn(const std::string& folder);

// "Bert", "Roberta", "DistilBert", "Electra": the class-name prefix transformers uses for a model_type.
std::string architecturePrefix(const std::string& modelType);

}  // namespace quarry::train
