// bench_bilstm_crf: the from-scratch BiLSTM-CNN-CRF tagger trained on a CoNLL-style corpus
// (token<TAB>IOB2, blank line between sentences; default: NCBI-disease from the shared datasets).
// Figures to compare: train sentences/s (featurise + forward + backward + AdamW step, batch 32),
// infer sentences/s (featurise + Viterbi, eval mode), and dev entity F1 (exact spans) per epoch.
//
//   bench_bilstm_crf [--data DIR] [--epochs N] [--minutes M] [--threads N] [--batch N] [--lr X] [--seed N]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/profiler_legacy.h>

#include "model/bilstm/BiLstmCrfTagger.h"
#include "model/kernels/CpuThreads.h"
#include "model/optim/FusedAdamW.h"
#include "model/bilstm/TaggerBatch.h"
#include "model/bilstm/TaggerVocabulary.h"

using namespace quarry::model;
namespace fs = std::filesystem;

namespace {

struct Corpus {
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<std::string>> labels;
};

bool readConll(const fs::path& path, Corpus& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::vector<std::string> w, l;
  auto flush = [&] {
    if (!w.empty()) out.words.push_back(w), out.labels.push_back(l);
    w.clear();
    l.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    const auto tab = line.find('\t');
    w.push_back(line.substr(0, tab));
    l.push_back(tab == std::string::npos ? "O" : line.substr(tab + 1));
  }
  flush();
  return true;
}

using Span = std::tuple<size_t, size_t, std::string>;

std::set<Span> spans(const std::vector<std::string>& tags) {
  std::set<Span> out;
  size_t start = 0;
  std::string type;
  auto close = [&](size_t end) {
    if (!type.empty()) out.emplace(start, end, type);
    type.clear();
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    if (t == "O") {
      close(i);
    } else if (t[0] == 'B' || type != t.substr(2)) {  // an I- after something else starts a span (conlleval)
      close(i);
      start = i;
      type = t.substr(2);
    }
  }
  close(tags.size());
  return out;
}

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const char* shared = std::getenv("QUARRY_SHARED_DIR");
  fs::path data = fs::path(shared ? shared : "/work/shared") / "datasets" / "ncbi-disease";
  int epochs = 30, threads = 2, batchSize = 32;
  double minutes = 20.0, lr = 2e-3, clip = 5.0;
  uint64_t seed = 1;
  std::string trace;  // chrome traces of training step 20 and of one dev batch, then stop
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--data")
      data = argv[i + 1];
    else if (a == "--epochs")
      epochs = std::atoi(argv[i + 1]);
    else if (a == "--minutes")
      minutes = std::atof(argv[i + 1]);
    else if (a == "--threads")
      threads = std::atoi(argv[i + 1]);
    else if (a == "--batch")
      batchSize = std::atoi(argv[i + 1]);
    else if (a == "--lr")
      lr = std::atof(argv[i + 1]);
    else if (a == "--trace")
      trace = argv[i + 1];
    else if (a == "--seed")
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else {
      std::printf("unknown option %s\n", a.c_str());
      return 2;
    }
  }
  Corpus train, dev;
  if (!readConll(data / "train.tsv", train) || !readConll(data / "devel.tsv", dev)) {
    std::printf("SKIP: %s/{train,devel}.tsv not found\n", data.string().c_str());
    return 77;
  }
  configureCpuThreads({threads});
  at::manual_seed(seed);

  std::map<std::string, int64_t> labelIds{{"O", 0}};
  for (const auto& s : train.labels)
    for (const auto& l : s) labelIds.emplace(l, 0);
  std::vector<std::string> labels;
  for (auto& [name, id] : labelIds) id = static_cast<int64_t>(labels.size()), labels.push_back(name);
  const int64_t c = static_cast<int64_t>(labels.size());

  const TaggerVocabulary vocab = TaggerVocabulary::build(train.words);
  BiLstmCrfConfig config;
  config.wordVocab = vocab.wordCount();
  config.charVocab = vocab.charCount();
  config.numTags = c;
  config.labels = labels;
  BiLstmCrfTagger model(config);
  model->reset(seed);
  // BIO: I-X only after B-X or I-X.
  std::vector<std::vector<bool>> allowed(c, std::vector<bool>(c, true));
  std::vector<bool> start(c, true), end(c, true);
  for (int64_t to = 0; to < c; ++to) {
    if (labels[to].rfind("I-", 0) != 0) continue;
    start[to] = false;
    for (int64_t from = 0; from < c; ++from)
      allowed[from][to] = labels[from].size() > 2 && labels[from].substr(2) == labels[to].substr(2);
  }
  model->crf->setAllowed(allowed, start, end);

  std::vector<AdamWGroup> groups;
  for (auto& g : model->parameterGroups())
    groups.push_back({g.parameters, AdamWOptions{lr, 0.9, 0.999, 1e-8, 0.0}});
  FusedAdamW optimizer(groups);
  std::vector<at::Tensor> params = model->parameters();

  std::printf(
      "bench_bilstm_crf: %zu train / %zu dev sentences, %lld words, %lld chars, %lld tags, %d threads\n",
      train.words.size(), dev.words.size(), static_cast<long long>(vocab.wordCount()),
      static_cast<long long>(vocab.charCount()), static_cast<long long>(c), at::get_num_threads());
  std::mt19937 rng(static_cast<uint32_t>(seed));
  std::vector<size_t> order(train.words.size());
  std::iota(order.begin(), order.end(), 0);
  const auto started = std::chrono::steady_clock::now();
  double best = 0.0;
  for (int epoch = 1; epoch <= epochs && seconds(started) < minutes * 60.0; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    model->train();
    const auto t0 = std::chrono::steady_clock::now();
    double lossSum = 0.0;
    int steps = 0;
    for (size_t b0 = 0; b0 < order.size(); b0 += static_cast<size_t>(batchSize)) {
      std::vector<const std::vector<std::string>*> ptrs;
      std::vector<size_t> rows;
      for (size_t i = b0; i < std::min(order.size(), b0 + static_cast<size_t>(batchSize)); ++i)
        ptrs.push_back(&train.words[order[i]]), rows.push_back(order[i]);
      std::unique_ptr<torch::autograd::profiler::RecordProfile> profile;
      if (!trace.empty() && steps == 20)
        profile = std::make_unique<torch::autograd::profiler::RecordProfile>(trace);
      TaggerBatch batch = makeTaggerBatch(vocab, ptrs);
      at::Tensor tags = at::zeros(batch.wordIds.sizes(), at::kLong);
      int64_t* tp = tags.data_ptr<int64_t>();
      for (size_t r = 0; r < rows.size(); ++r)
        for (size_t k = 0; k < train.labels[rows[r]].size(); ++k)
          tp[r * batch.wordIds.size(1) + k] = labelIds[train.labels[rows[r]][k]];
      at::Tensor loss = model->loss(batch, tags);
      optimizer.zeroGrad();
      loss.backward();
      // Clip the global gradient norm (Ma & Hovy: 5).
      double sq = 0.0;
      for (auto& p : params)
        if (p.grad().defined()) sq += p.grad().pow(2).sum().item<double>();
      const double norm = std::sqrt(sq);
      if (norm > clip)
        for (auto& p : params)
          if (p.grad().defined()) p.mutable_grad().mul_(clip / norm);
      optimizer.step();
      lossSum += loss.item<double>();
      ++steps;
    }
    const double trainSeconds = seconds(t0);

    model->eval();
    const auto t1 = std::chrono::steady_clock::now();
    size_t tp = 0, predicted = 0, gold = 0;
    double featuriseSeconds = 0, networkSeconds = 0, viterbiSeconds = 0;
    for (size_t b0 = 0; b0 < dev.words.size(); b0 += 64) {
      std::vector<const std::vector<std::string>*> ptrs;
      for (size_t i = b0; i < std::min(dev.words.size(), b0 + 64); ++i) ptrs.push_back(&dev.words[i]);
      std::unique_ptr<torch::autograd::profiler::RecordProfile> profile;
      if (!trace.empty() && b0 == 128)
        profile = std::make_unique<torch::autograd::profiler::RecordProfile>(trace + ".infer.json");
      auto ta = std::chrono::steady_clock::now();
      TaggerBatch batch = makeTaggerBatch(vocab, ptrs);
      featuriseSeconds += seconds(ta);
      ta = std::chrono::steady_clock::now();
      at::Tensor scores;
      {
        at::NoGradGuard noGrad;
        scores = model->emissions(batch);
      }
      networkSeconds += seconds(ta);
      ta = std::chrono::steady_clock::now();
      auto paths = model->crf->viterbi(scores, batch.mask);
      viterbiSeconds += seconds(ta);
      for (size_t r = 0; r < paths.size(); ++r) {
        std::vector<std::string> names;
        for (int64_t id : paths[r]) names.push_back(labels[static_cast<size_t>(id)]);
        const auto p = spans(names), g = spans(dev.labels[b0 + r]);
        predicted += p.size();
        gold += g.size();
        for (const auto& s : p) tp += g.count(s);
      }
    }
    const double inferSeconds = seconds(t1);
    const double precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0.0;
    const double recall = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0.0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    best = std::max(best, f1);
    std::printf(
        "epoch %2d  loss %.4f  train %.1f s (%.0f sent/s)  infer %.0f sent/s  dev P %.2f R %.2f F1 %.2f  "
        "(best %.2f, %.1f min)\n",
        epoch, lossSum / steps, trainSeconds, static_cast<double>(order.size()) / trainSeconds,
        static_cast<double>(dev.words.size()) / inferSeconds, 100 * precision, 100 * recall, 100 * f1,
        100 * best, seconds(started) / 60.0);
    std::printf("          infer: featurise %.0f ms, network %.0f ms, Viterbi %.0f ms\n",
                1000 * featuriseSeconds, 1000 * networkSeconds, 1000 * viterbiSeconds);
    std::fflush(stdout);
    if (!trace.empty()) break;
  }
  return 0;
}
