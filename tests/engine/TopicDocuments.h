#pragma once
// The classification tests' corpus: short documents of one topic (or two, multi-label), words of each topic
// mixed with filler; the vocabulary that covers them (a tokenizer folder); and a tiny random BERT over it
// saved as a Hugging Face BertModel folder, a "pre-trained" base model for fine-tuning tests; the training
// configuration of a tiny random transformer.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "document/AnnotatedDocument.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "train/TrainConfig.h"

namespace quarry::test {

inline const std::vector<std::string> kTopics = {"sports", "finance", "health"};
inline const std::vector<std::vector<std::string>> kTopicWords = {
    {"goal", "match", "team", "league", "coach", "season"},
    {"bank", "stock", "market", "bonds", "loan", "interest"},
    {"doctor", "clinic", "vaccine", "nurse", "patients", "therapy"}};
inline const std::vector<std::string> kFiller = {"the", "a",  "report", "says", "today",
                                                 "new", "of", "in",     "was",  "and"};

// `count` documents of `words` words and a full stop; every third word (from the second) is a topic word.
inline std::vector<document::AnnotatedDocument> makeTopicDocs(int count, uint64_t seed,
                                                              bool multiLabel = false, int words = 10) {
  std::mt19937_64 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < count; ++i) {
    document::AnnotatedDocument d;
    d.id = "doc-" + std::to_string(i);
    std::vector<size_t> topics = {rng() % 3};
    if (multiLabel && rng() % 2) topics.push_back((topics[0] + 1 + rng() % 2) % 3);
    for (size_t t : topics) d.labels.push_back(kTopics[t]);
    for (int w = 0; w < words; ++w) {
      if (!d.text.empty()) d.text += ' ';
      if (w % 3 == 1) {
        const size_t t = topics[static_cast<size_t>(w / 3) % topics.size()];
        d.text += kTopicWords[t][rng() % kTopicWords[t].size()];
      } else {
        d.text += kFiller[rng() % kFiller.size()];
      }
    }
    d.text += " .";
    docs.push_back(std::move(d));
  }
  return docs;
}

// Topic documents (NER) whose topic words are entities of their topic's type, without document labels.
inline std::vector<document::AnnotatedDocument> makeTopicEntityDocs(int count, uint64_t seed) {
  auto docs = makeTopicDocs(count, seed);
  for (auto& d : docs) {
    size_t pos = 0;
    while (pos < d.text.size()) {
      size_t end = d.text.find(' ', pos);
      if (end == std::string::npos) end = d.text.size();
      const std::string word = d.text.substr(pos, end - pos);
      for (size_t t = 0; t < kTopicWords.size(); ++t)
        for (const std::string& w : kTopicWords[t])
          if (w == word)
            d.entities.push_back({static_cast<int32_t>(pos), static_cast<int32_t>(end), kTopics[t]});
      pos = end + 1;
    }
    d.labels.clear();
  }
  return docs;
}

// vocab.txt (the specials, ".", the topic words, the filler) and a BertTokenizer config in `folder`.
inline std::string writeTopicTokenizer(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "."}) v << t << '\n';
  for (const auto& list : kTopicWords)
    for (const std::string& w : list) v << w << '\n';
  for (const std::string& w : kFiller) v << w << '\n';
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

// A random BERT of `layers` x 32 (2 heads, feed-forward 64) with the topic tokenizer, saved in `folder`;
// `dropout` its hidden, attention and classifier dropout; `initializerRange` the std of its weights (larger
// ones make its attention mix the tokens as a trained encoder's does).
inline std::string writeTopicBaseFolder(const std::filesystem::path& folder, int64_t layers = 2,
                                        double dropout = 0.1, double initializerRange = 0.02) {
  writeTopicTokenizer(folder);
  model::ModelConfig mc = model::ModelConfig::defaultsFor("bert");
  mc.architectures = {"BertModel"};
  mc.vocabSize = static_cast<int64_t>(6 + 3 * 6 + kFiller.size());
  mc.hiddenSize = 32;
  mc.numHiddenLayers = layers;
  mc.numAttentionHeads = 2;
  mc.intermediateSize = 64;
  mc.maxPositionEmbeddings = 64;
  mc.hiddenDropoutProb = dropout;
  mc.attentionProbsDropoutProb = dropout;
  mc.initializerRange = initializerRange;
  model::TransformerModelOptions options;
  options.seed = 5;
  auto created = model::TransformerModelImpl::create(
      model::EncoderConfig::fromJson(nlohmann::json::parse(mc.toJsonText())).value(), options);
  EXPECT(created.ok(), "the base model is made");
  auto saved = model::HfFolderWriter::save(
      folder.string(), mc, created.value()->stateDict(),
      {(folder / "vocab.txt").string(), (folder / "tokenizer_config.json").string()});
  EXPECT(saved.ok(), "the base folder is written");
  return folder.string();
}

// A tiny randomly initialised transformer (2 x 32, 2 heads) of `task` over `tokenizer`, batches of 8 at
// lr 3e-3, seed 5, one thread, no early stopping; each test sets its window and epochs.
inline train::TrainConfig tinyRandomTransformer(const std::string& task, const std::string& tokenizer,
                                                int maxLength, int stride, int epochs) {
  train::TrainConfig c;
  c.task = task;
  c.kind = train::ModelKind::Transformer;
  c.tokenizerFolder = tokenizer;
  c.randomLayers = 2;
  c.randomHidden = 32;
  c.randomHeads = 2;
  c.randomIntermediate = 64;
  c.maxLength = maxLength;
  c.stride = stride;
  c.epochs = epochs;
  c.batchSize = 8;
  c.learningRate = 3e-3;
  c.patience = 0;
  c.seed = 5;
  c.threads = 1;
  return c;
}

}  // namespace quarry::test
