// bench_ner_train: trains one NER model on a CoNLL corpus's train.tsv, scores devel.tsv, prints the
// figures the issue asks for (dev F1 per type, training time, positions/s, peak memory).
//   bench_ner_train [--corpus DIR] [--model bilstm|bert|bert-crf] [--minutes N] [--epochs N]
//                   [--tokenizer DIR] [--threads N] [--output DIR] [--set key=value ...]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "BenchOptions.h"
#include "ConllCorpus.h"
#include "common/ProcessMemory.h"
#include "common/Log.h"
#include "model/kernels/CpuThreads.h"
#include "train/ner/NerTask.h"

using namespace quarry;

int main(int argc, char** argv) {
  std::string corpus = bench::sharedDir() + "/datasets/ncbi-disease";
  std::string kind = "bilstm", tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  std::string output = (std::filesystem::temp_directory_path() / "quarry-bench-ner").string();
  double minutes = 20;
  int epochs = 0, threads = 0;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--model") kind = v;
    else if (a == "--minutes") minutes = std::stod(v);
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
  logOptions.level = "info";
  log::init(logOptions);
  model::configureCpuThreads({threads});
  train::TrainRequest request;
  request.train = bench::readConll(corpus + "/train.tsv");
  request.dev = bench::readConll(corpus + "/devel.tsv");
  if (request.train.empty()) {
    std::printf("SKIP: %s/train.tsv not found\n", corpus.c_str());
    return 0;
  }
  nlohmann::json cfg = {{"time_limit_seconds", minutes * 60}};
  if (kind == "bilstm") {
    cfg["model"] = "bilstm-crf";
  } else {
    cfg["model"] = "transformer";
    cfg["tokenizer_folder"] = tokenizer;
    cfg["crf"] = kind == "bert-crf";
  }
  if (epochs > 0) cfg["epochs"] = epochs;
  for (auto it = overrides.begin(); it != overrides.end(); ++it) cfg[it.key()] = it.value();
  auto config = train::TrainConfig::fromJson(cfg, "bench");
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().toString().c_str());
    return 2;
  }
  request.config = config.value();
  request.outputFolder = output + "/" + std::filesystem::path(corpus).filename().string() + "-" + kind;
  auto started = std::chrono::steady_clock::now();
  auto result = train::NerTrainer::run(request, [&](const train::TrainProgress& p) {
    if (p.phase == "train" && p.step % 200 == 0)
      std::fprintf(stderr, "step %lld/%lld epoch %d loss %.4f best dev F1 %.4f %.0f s\n", static_cast<long long>(p.step),
                   static_cast<long long>(p.totalSteps), p.epoch + 1, p.loss, p.bestDevScore, p.elapsedSeconds);
    return true;
  });
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().toString().c_str());
    return 1;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const train::TrainResult& r = result.value();
  std::printf("corpus %s model %s (%s), threads %d\n", corpus.c_str(), kind.c_str(), r.describeModel.c_str(), at::get_num_threads());
  std::printf("train %zu sentences, dev %zu sentences\n", request.train.size(), request.dev.size());
  std::printf("ended %s: %lld steps, %d epochs, %.1f s training (%.1f s wall incl. data), %.0f positions/s, peak RSS %.0f MiB\n",
              train::trainEndName(r.end), static_cast<long long>(r.steps), r.epochsCompleted, r.seconds, wall,
              r.tokensPerSecond, peakResidentMiB());
  std::printf("best dev F1 %.2f at step %lld\n%s\n", r.bestDevScore * 100, static_cast<long long>(r.bestStep),
              r.bestDevReport.formatTable().c_str());
  for (const auto& h : r.history)
    std::printf("  step %6lld  %7.1f s  dev F1 %.4f\n", static_cast<long long>(h["step"].get<int64_t>()), h["seconds"].get<double>(),
                h["dev_f1"].get<double>());
  return 0;
}
