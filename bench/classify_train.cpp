// bench_classify_train: document classification on the staged corpora, declared splits, one table.
//   bench_classify_train [--corpus hallmarks|claudette] [--model ngram|transformer] [--epochs N]
//                        [--tokenizer DIR] [--threads N] [--output DIR] [--set key=value ...]
//
// SPLITS (fixed, declared here; the corpora have no official split staged):
//   hallmarks-of-cancer: abstracts sorted by PMID; position % 10 == 0 -> test, == 1 -> dev, else train.
//     Multi-label over the 10 top-level hallmarks (an abstract carries the union of its sentences'
//     labels; "NULL" and empty labels are none).
//   claudette-unfair-tos-en: the 40 staged documents (fold-0 train of the authors) sorted by name;
//     position % 5 == 0 -> test, == 1 -> dev, else train. One example per sentence, multi-label over the 9
//     CLAUDETTE categories of the potentially/clearly unfair tags (degree 2 or 3); fair sentences none.
// Training early-stops on dev (and tunes the per-label thresholds there); the test split is scored once
// with the best model. The majority baseline predicts the most frequent training label everywhere.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "BenchOptions.h"
#include "ClassificationCorpora.h"
#include "ConllCorpus.h"
#include "common/Log.h"
#include "common/ProcessMemory.h"
#include "eval/ClassificationMetrics.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"

using namespace quarry;
namespace fs = std::filesystem;

using bench::readClaudette;
using bench::readHallmarks;
using bench::Splits;

int main(int argc, char** argv) {
  std::string corpus = "hallmarks", kind = "ngram";
  std::string tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  std::string output = (fs::temp_directory_path() / "quarry-bench-classify").string();
  int epochs = 0, threads = 0;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--model") kind = v;
    else if (a == "--epochs") epochs = std::stoi(v);
    else if (a == "--tokenizer") tokenizer = v;
    else if (a == "--threads") threads = std::stoi(v);
    else if (a == "--output") output = v;
    else if (a == "--set") bench::addOverride(overrides, v);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  log::LogOptions logOptions;
  logOptions.level = "warn";
  log::init(logOptions);
  model::configureCpuThreads({threads});
  const fs::path root = fs::path(bench::sharedDir()) / "datasets" /
                        (corpus == "claudette" ? "claudette-unfair-tos-en" : "hallmarks-of-cancer");
  if (!fs::is_directory(root)) {
    std::printf("SKIP: %s not found\n", root.c_str());
    return 0;
  }
  const Splits splits = corpus == "claudette" ? readClaudette(root) : readHallmarks(root);

  nlohmann::json config = {{"task", "classify"}, {"multi_label", "yes"}, {"patience", 3}, {"seed", 1}};
  if (kind == "transformer") {
    config.update({{"model", "transformer"},
                   {"tokenizer_folder", tokenizer},
                   {"random_layers", 4},
                   {"random_hidden", 256},
                   {"random_heads", 4},
                   {"random_intermediate", 1024},
                   {"max_length", corpus == "claudette" ? 128 : 256},
                   {"stride", 32},
                   {"epochs", 8},
                   {"learning_rate", 5e-4},
                   {"batch_size", 16}});
  } else {
    config.update({{"model", "ngram"}, {"epochs", 30}});
  }
  if (epochs > 0) config["epochs"] = epochs;
  config.update(overrides);
  std::optional<train::TrainRequest> made = bench::trainingRequest(config, output);
  if (!made) return 2;
  train::TrainRequest& request = *made;
  request.train = splits.train;
  request.dev = splits.dev;
  const auto started = std::chrono::steady_clock::now();
  auto result = train::runTraining(request);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    std::fprintf(stderr, "training failed: %s\n", result.error().toString().c_str());
    return 1;
  }
  auto classifier = train::loadDocumentClassifier(result->bestFolder);
  if (!classifier) {
    std::fprintf(stderr, "%s\n", classifier.error().toString().c_str());
    return 1;
  }
  const train::ClassifyRun run = train::classifyDocuments(*classifier.value(), splits.test, 64);
  const eval::ClassificationReport test = train::scoreClassifier(*classifier.value(), splits.test, run);

  // Majority baseline: the most frequent training label for every test example.
  std::map<std::string, int> counts;
  for (const auto& d : splits.train)
    for (const auto& l : d.labels) ++counts[l];
  std::string majority;
  for (const auto& [label, n] : counts)
    if (majority.empty() || n > counts[majority]) majority = label;
  const std::vector<std::string>& labels = classifier.value()->labels();
  const int32_t majorityId = static_cast<int32_t>(std::find(labels.begin(), labels.end(), majority) - labels.begin());
  std::vector<std::vector<int32_t>> gold, baseline;
  for (const auto& d : splits.test) {
    std::vector<int32_t> g;
    for (const auto& l : d.labels) {
      auto it = std::find(labels.begin(), labels.end(), l);
      if (it != labels.end()) g.push_back(static_cast<int32_t>(it - labels.begin()));
    }
    gold.push_back(g);
    baseline.push_back({majorityId});
  }
  const eval::ClassificationReport base =
      eval::scoreClassification(labels, gold, baseline, classifier.value()->multiLabel());

  const double examplesPerSecond =
      result->seconds > 0 ? double(splits.train.size()) * double(result->epochsCompleted) / result->seconds : 0.0;
  std::printf("corpus %s, model %s (%s), threads %d\n", corpus.c_str(), kind.c_str(), result->describeModel.c_str(),
              at::get_num_threads());
  std::printf("split train %zu / dev %zu / test %zu examples, %zu labels\n", splits.train.size(), splits.dev.size(),
              splits.test.size(), labels.size());
  std::printf("%-12s %8s %6s %9s %10s %9s %9s %9s %9s %9s\n", "model", "seconds", "epochs", "examples/s", "peak MiB",
              "dev F1", "test F1", "macro F1", "accuracy", "baseline");
  std::printf("%-12s %8.1f %6d %10.1f %9.0f %9.2f %9.2f %9.2f %9.2f %9.2f\n", kind.c_str(), seconds,
              result->epochsCompleted, examplesPerSecond, peakResidentMiB(), result->bestDevScore * 100,
              test.micro.f1 * 100, test.macro.f1 * 100, test.accuracy * 100, base.micro.f1 * 100);
  std::printf("\ntest report (thresholds tuned on dev):\n%s", test.formatTable().c_str());
  return 0;
}
