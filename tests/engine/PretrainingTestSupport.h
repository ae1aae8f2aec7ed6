#pragma once
// Pretraining tests' corpus and setup (test_mlm, test_electra_pretraining): a tiny vocabulary, generated
// documents of three "Subject verb object ." sentences, a tiny random encoder's config, a training run into
// a folder and an exact weight comparison.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <ATen/ops/allclose.h>

#include "document/AnnotatedDocument.h"
#include "train/TaskFactory.h"
#include "train/TrainConfig.h"

namespace pretraining_test {

namespace fs = std::filesystem;
using namespace quarry::train;
namespace document = quarry::document;

inline const std::vector<std::string> kSubjects = {"the cat", "a dog", "the nurse", "my doctor", "the bird"};
inline const std::vector<std::string> kVerbs = {"sat on", "looked at", "walked to", "slept near"};
inline const std::vector<std::string> kObjects = {"the mat", "a chair", "the clinic", "my house", "the tree"};

inline std::string writeVocab(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t :
       {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "un", "##believ", "##able", "long"})
    v << t << '\n';
  for (const auto* list : {&kSubjects, &kVerbs, &kObjects})
    for (const std::string& phrase : *list) {
      std::string word;
      for (char c : phrase + " ") {
        if (c != ' ') {
          word += c;
        } else if (!word.empty()) {
          v << word << '\n';
          word.clear();
        }
      }
    }
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

// "The cat sat on the mat ." (6 words + "."), capitalised so that the splitter ends sentences there.
inline std::string sentence(std::mt19937_64& rng) {
  std::string s = kSubjects[rng() % kSubjects.size()] + " " + kVerbs[rng() % kVerbs.size()] + " " +
                  kObjects[rng() % kObjects.size()] + " .";
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

inline std::vector<document::AnnotatedDocument> corpus(int documents, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < documents; ++i) {
    document::AnnotatedDocument d;
    d.id = "d" + std::to_string(i);
    for (int s = 0; s < 3; ++s) d.text += (s ? " " : "") + sentence(rng);
    docs.push_back(std::move(d));
  }
  return docs;
}

inline TrainConfig tinyConfig(const std::string& vocab) {
  TrainConfig c = TrainConfig::defaultsFor("mlm");
  c.tokenizerFolder = vocab;
  c.randomLayers = 1;
  c.randomHidden = 32;
  c.randomHeads = 2;
  c.randomIntermediate = 64;
  c.maxLength = 16;
  c.epochs = 4;
  c.batchSize = 8;
  c.learningRate = 3e-3;
  c.warmupRatio = 0;
  c.patience = 0;
  c.devFraction = 0.15;
  c.seed = 7;
  return c;
}

inline quarry::Result<TrainResult> train(const TrainConfig& config, const fs::path& out,
                                         const std::vector<document::AnnotatedDocument>& docs,
                                         const TrainCallback& callback = {}, bool resume = false) {
  TrainRequest request;
  request.config = config;
  request.train = docs;
  request.outputFolder = out.string();
  request.resume = resume;
  return runTraining(request, callback);
}

inline bool sameWeights(const quarry::model::StateDict& a, const quarry::model::StateDict& b) {
  bool same = a.size() == b.size();
  for (const auto& [name, t] : a) {
    auto it = b.find(name);
    same = same && it != b.end() && t.sizes() == it->second.sizes() && at::allclose(t, it->second, 0, 0);
  }
  return same;
}

}  // namespace pretraining_test
