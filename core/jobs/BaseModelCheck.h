#pragma once
// What a base model folder is, checked before training starts (the Train dialog checks on the spot, as
// the folder is chosen): its architecture and size from config.json, its tokenizer loaded and checked
// against the embedding table, its weights file present, its labels, and whether Quarry wrote it (then
// its task). Nothing is loaded into memory but the tokenizer: a check of a large model takes milliseconds.

#include <QString>
#include <QStringList>

#include "common/Error.h"

namespace quarry::jobs {

struct BaseModelInfo {
  QString folder;
  QString modelType;  // config.json's model_type: "bert", "roberta", "distilbert", "electra", "deberta-v2"
  QStringList architectures;  // config.json's architectures ("BertForTokenClassification")
  qint64 vocabSize = 0;       // rows of the embedding table
  qint64 tokenizerVocab = 0;  // the tokenizer's vocabulary
  QString tokenizerKind;      // "wordpiece", "bpe", "sentencepiece", ...
  qint64 layers = 0;
  qint64 hidden = 0;
  qint64 heads = 0;
  qint64 intermediate = 0;
  qint64 maxPositions = 0;
  double parameters = 0;  // estimated from the shape (encoder and embeddings; heads excluded)
  QString weightsFile;    // "model.safetensors" or "pytorch_model.bin"
  QStringList labels;     // id2label, when the checkpoint names its labels
  QString quarryTask;     // the task of a folder Quarry wrote ("ner", ...); empty = a plain HF folder
  QString adapterFolder;  // a PEFT adapter folder was chosen: it (the fields above are its base's)
  qint64 loraRank = 0;    // a LoRA adapter's rank
  qint64 prefixLength = 0;  // a prefix-tuning adapter's positions (num_virtual_tokens)

  // One line for people: "BERT · 4 layers × 256 · vocabulary 1,000 · 2.1 M parameters · labels: O, B-X".
  QString summary() const;
};

// Checks `folder` as a base model to fine-tune. Errors name the file and the field (a config.json key, a
// tokenizer larger than the embedding table, no weights file). A PEFT LoRA or prefix-tuning adapter folder
// (adapter_config.json, no config.json) is checked as its base (base_model_name_or_path) with the adapter.
Result<BaseModelInfo> checkBaseModel(const QString& folder);

}  // namespace quarry::jobs
