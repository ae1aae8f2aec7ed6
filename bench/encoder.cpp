// bench_encoder: training and inference throughput of a random-weight BERT with a token
// classification head, measured as the peer's bench_encoder.py (../shared/peer-hf) measures it: a training
// step is forward, backward, gradient clipping to norm 1.0 and an AdamW step; after `--warmup` untimed
// steps, tokens/s = batch * seq / the median step; inference (InferenceMode) likewise over `--steps` passes
// after one discarded. Prints the split of a step (forward, backward, clipping + optimizer), peak RSS, and
// with --json one JSON object last (what bench/compare_hf.sh reads).
//
//   bench_encoder --layers 4 --hidden 256 --heads 4 --intermediate 1024 --batch 16 --seq 128 --steps 5

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/optim/adamw.h>

#include "model/encoder/TransformerModel.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/FastLinear.h"
#include "model/optim/FusedAdamW.h"
#include "model/optim/GradientClipping.h"
#include "model/optim/Losses.h"

using namespace quarry::model;

namespace {

struct Args {
  int64_t layers = 4, hidden = 256, heads = 4, intermediate = 1024, batch = 16, seq = 128, vocab = 30522;
  int steps = 5, warmup = 1, threads = 0, blasThreads = kChooseBlas, labels = 9;
  bool json = false;
  std::string kernels = "auto";     // auto (GEMM library for this CPU) | onednn | blas | aten
  std::string optimizer = "fused";  // fused | torch
  bool train = true, infer = true;
  bool int8 = false;  // also time int8 dynamic-quantised inference
  std::string trace;  // chrome://tracing file of one timed step (train, then infer)
};

void usage() {
  std::printf(
      "bench_encoder [--layers N] [--hidden N] [--heads N] [--intermediate N] [--batch N] [--seq N]\n"
      "              [--steps N] [--warmup N] [--threads N (0 = cores)] [--blas-threads N (0 = leave,\n"
      "              default: chosen)] [--vocab N] [--kernels auto|onednn|blas|aten] [--optimizer "
      "fused|torch]\n"
      "              [--no-train] [--no-infer]\n"
      "              [--int8] [--trace FILE] [--json]\n");
}

long vmHwmKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) { usage(); std::exit(2); }
      return argv[++i];
    };
    if (k == "--layers") a.layers = std::atol(next());
    else if (k == "--hidden") a.hidden = std::atol(next());
    else if (k == "--heads") a.heads = std::atol(next());
    else if (k == "--intermediate") a.intermediate = std::atol(next());
    else if (k == "--batch") a.batch = std::atol(next());
    else if (k == "--seq") a.seq = std::atol(next());
    else if (k == "--steps")
      a.steps = std::max(1, std::atoi(next()));
    else if (k == "--warmup")
      a.warmup = std::max(0, std::atoi(next()));
    else if (k == "--json")
      a.json = true;
    else if (k == "--threads") a.threads = std::atoi(next());
    else if (k == "--blas-threads") a.blasThreads = std::atoi(next());
    else if (k == "--vocab") a.vocab = std::atol(next());
    else if (k == "--kernels") a.kernels = next();
    else if (k == "--optimizer") a.optimizer = next();
    else if (k == "--no-train") a.train = false;
    else if (k == "--no-infer") a.infer = false;
    else if (k == "--trace") a.trace = next();
    else if (k == "--int8") a.int8 = true;
    else { usage(); return k == "--help" ? 0 : 2; }
  }
  setKernelBackend(a.kernels == "aten" ? KernelBackend::Aten : KernelBackend::Auto);
  if (a.kernels == "onednn" || a.kernels == "blas") {
    setGemmLibrary(a.kernels == "onednn" ? GemmLibrary::OneDnn : GemmLibrary::Blas);
    if (a.blasThreads == kChooseBlas) a.blasThreads = a.kernels == "onednn" ? 1 : std::max(0, a.threads);
  }
  configureCpuThreads(CpuThreadOptions{a.threads, a.blasThreads});

  EncoderConfig c;
  c.vocabSize = a.vocab;
  c.hiddenSize = a.hidden;
  c.numLayers = a.layers;
  c.numHeads = a.heads;
  c.intermediateSize = a.intermediate;
  c.maxPositionEmbeddings = std::max<int64_t>(512, a.seq);
  c.numLabels = a.labels;
  TransformerModelOptions o;
  o.task = Task::TokenClassification;
  o.seed = 1;
  auto created = TransformerModelImpl::create(c, o);
  if (!created) {
    std::fprintf(stderr, "bench_encoder: %s\n", created.error().toString().c_str());
    return 2;
  }
  TransformerModel m(created.value());

  at::manual_seed(0);
  at::Tensor ids = at::randint(1000, a.vocab, {a.batch, a.seq}, at::kLong);
  at::Tensor mask = at::ones({a.batch, a.seq}, at::kLong);
  at::Tensor types = at::zeros({a.batch, a.seq}, at::kLong);
  at::Tensor labels = at::randint(0, a.labels, {a.batch, a.seq}, at::kLong);
  const double tokens = static_cast<double>(a.batch * a.seq);

  std::printf("bench_encoder: layers %lld hidden %lld heads %lld intermediate %lld batch %lld seq %lld steps %d\n",
              (long long)a.layers, (long long)a.hidden, (long long)a.heads, (long long)a.intermediate,
              (long long)a.batch, (long long)a.seq, a.steps);
  std::printf("threads: intra-op %d, inter-op %d, openblas %d; kernels: %s (oneDNN sgemm %s); optimizer: %s\n",
              at::get_num_threads(), at::get_num_interop_threads(), blasThreads(), a.kernels.c_str(),
              oneDnnGemmAvailable() ? "found" : "absent", a.optimizer.c_str());
  const GemmRates rates = measureGemmLibraries();
  std::printf("%s; measured here: BLAS %.1f GFLOP/s, oneDNN %.1f\n", cpuKernelChoice().describe().c_str(),
              rates.blas, rates.oneDnn);

  ForwardOptions noHiddenStates;
  noHiddenStates.hiddenStates = false;
  double trainTps = 0, inferTps = 0, int8Tps = 0, forwardS = 0, backwardS = 0, optimizerS = 0, int8Diff = 0;
  if (a.train) {
    m->train();
    std::vector<at::Tensor> params = m->parameters();
    FusedAdamW fused({AdamWGroup{params, AdamWOptions{}}});
    torch::optim::AdamW torchOpt(params, torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
    std::vector<double> steps, forwards, backwards, optimizers;
    double last = 0;
    auto step = [&]() {
      const auto begin = std::chrono::steady_clock::now();
      at::Tensor loss = tokenClassificationLoss(m->forward(ids, mask, types, noHiddenStates).logits, labels);
      forwards.push_back(seconds(begin));
      auto t0 = std::chrono::steady_clock::now();
      if (a.optimizer == "torch")
        torchOpt.zero_grad();
      else
        fused.zeroGrad();
      loss.backward();
      backwards.push_back(seconds(t0));
      t0 = std::chrono::steady_clock::now();
      clipGradientNorm(params, 1.0);
      if (a.optimizer == "torch")
        torchOpt.step();
      else
        fused.step();
      optimizers.push_back(seconds(t0));
      steps.push_back(seconds(begin));
      last = loss.item<double>();
    };
    for (int s = 0; s < a.warmup + a.steps; ++s) step();
    for (auto* v : {&steps, &forwards, &backwards, &optimizers}) v->erase(v->begin(), v->begin() + a.warmup);
    if (!a.trace.empty()) {
      torch::autograd::profiler::RecordProfile profile(a.trace + ".train.json");
      step();
    }
    const double t = median(steps);
    trainTps = tokens / t;
    forwardS = median(forwards);
    backwardS = median(backwards);
    optimizerS = median(optimizers);
    std::printf(
        "train: %.1f tokens/s (median %.3f s/step: forward %.3f, backward %.3f, clip + optimizer %.3f; "
        "loss %.4f)\n",
        trainTps, t, forwardS, backwardS, optimizerS, last);
  }
  if (a.infer) {
    m->eval();
    c10::InferenceMode guard;
    auto run = [&]() { return m->forward(ids, mask, types, noHiddenStates).logits; };
    auto timedPasses = [&]() {
      run();  // discarded, as the peer's first pass
      std::vector<double> passes;
      for (int s = 0; s < a.steps; ++s) {
        const auto t0 = std::chrono::steady_clock::now();
        run();
        passes.push_back(seconds(t0));
      }
      return median(passes);
    };
    const double t = timedPasses();
    inferTps = tokens / t;
    if (!a.trace.empty()) {
      torch::autograd::profiler::RecordProfile profile(a.trace + ".infer.json");
      run();
    }
    std::printf("infer: %.1f tokens/s (median %.3f s/batch)\n", inferTps, t);
    if (a.int8) {
      at::Tensor reference = run();
      const int packed = m->enableDynamicInt8();
      if (packed == 0) {
        std::printf("infer int8: unavailable in this LibTorch\n");
      } else {
        int8Diff = (run() - reference).abs().max().item<double>();
        const double ti = timedPasses();
        int8Tps = tokens / ti;
        std::printf(
            "infer int8 (%d layers): %.1f tokens/s (median %.3f s/batch; max |logit diff| vs fp32 %.4f)\n",
            packed, int8Tps, ti, int8Diff);
      }
    }
  }
  const double peakMib = vmHwmKb() / 1024.0;
  std::printf("peak RSS (VmHWM): %.1f MiB\n", peakMib);
  if (a.json)
    std::printf(
        "{\"tool\": \"bench_encoder\", \"train_tokens_per_s\": %.1f, \"infer_tokens_per_s\": %.1f, "
        "\"int8_infer_tokens_per_s\": %.1f, \"int8_max_logit_diff\": %.5f, \"forward_s\": %.4f, "
        "\"backward_s\": %.4f, \"optimizer_s\": %.4f, \"peak_rss_mib\": %.1f, \"threads\": %d, \"gemm\": "
        "\"%s\"}\n",
        trainTps, inferTps, int8Tps, int8Diff, forwardS, backwardS, optimizerS, peakMib,
        at::get_num_threads(), cpuKernelChoice().describe().c_str());
  return 0;
}
