// bench_encoder: training and inference throughput of a random-weight BERT with a token
// classification head. Figures to compare: train tokens/s (forward + backward + AdamW step) and
// infer tokens/s (InferenceMode), and peak RSS.
//
//   bench_encoder --layers 4 --hidden 256 --heads 4 --intermediate 1024 --batch 16 --seq 128 --steps 5

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

#include "model/kernels/CpuThreads.h"
#include "model/kernels/FastLinear.h"
#include "model/optim/FusedAdamW.h"
#include "model/optim/Losses.h"
#include "model/encoder/TransformerModel.h"

using namespace quarry::model;

namespace {

struct Args {
  int64_t layers = 4, hidden = 256, heads = 4, intermediate = 1024, batch = 16, seq = 128, vocab = 30522;
  int steps = 5, threads = 0, blasThreads = 1, labels = 9;
  std::string kernels = "auto";  // auto | aten
  std::string optimizer = "fused";  // fused | torch
  bool train = true, infer = true;
  bool int8 = false;  // also time int8 dynamic-quantised inference
  std::string trace;  // chrome://tracing file of one timed step (train, then infer)
};

void usage() {
  std::printf(
      "bench_encoder [--layers N] [--hidden N] [--heads N] [--intermediate N] [--batch N] [--seq N]\n"
      "              [--steps N] [--threads N (0 = cores)] [--blas-threads N (0 = leave)] [--vocab N]\n"
      "              [--kernels auto|aten] [--optimizer fused|torch] [--no-train] [--no-infer] [--int8] [--trace FILE]\n");
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
    else if (k == "--steps") a.steps = std::atoi(next());
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
  configureCpuThreads(CpuThreadOptions{a.threads, a.blasThreads});
  setKernelBackend(a.kernels == "aten" ? KernelBackend::Aten : KernelBackend::Auto);

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

  if (a.train) {
    m->train();
    std::vector<at::Tensor> params = m->parameters();
    FusedAdamW fused({AdamWGroup{params, AdamWOptions{}}});
    torch::optim::AdamW torchOpt(params, torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
    double tForward = 0, tBackward = 0, tOptimizer = 0;
    auto step = [&]() {
      auto t0 = std::chrono::steady_clock::now();
      at::Tensor loss = tokenClassificationLoss(m->forward(ids, mask, types, ForwardOptions{false}).logits, labels);
      tForward += seconds(t0);
      t0 = std::chrono::steady_clock::now();
      if (a.optimizer == "torch") torchOpt.zero_grad(); else fused.zeroGrad();
      loss.backward();
      tBackward += seconds(t0);
      t0 = std::chrono::steady_clock::now();
      if (a.optimizer == "torch") torchOpt.step(); else fused.step();
      tOptimizer += seconds(t0);
      return loss.item<double>();
    };
    step();  // warm-up: allocations, optimizer state
    tForward = tBackward = tOptimizer = 0;
    auto t0 = std::chrono::steady_clock::now();
    double last = 0;
    for (int s = 0; s < a.steps; ++s) last = step();
    const double t = seconds(t0);
    if (!a.trace.empty()) {
      torch::autograd::profiler::RecordProfile profile(a.trace + ".train.json");
      step();
    }
    std::printf("train: %.1f tokens/s (%.3f s/step: forward %.3f, backward %.3f, optimizer %.3f; loss %.4f)\n",
                tokens * a.steps / t, t / a.steps, tForward / a.steps, tBackward / a.steps, tOptimizer / a.steps, last);
  }
  if (a.infer) {
    m->eval();
    c10::InferenceMode guard;
    auto run = [&]() { return m->forward(ids, mask, types, ForwardOptions{false}).logits; };
    run();
    auto t0 = std::chrono::steady_clock::now();
    for (int s = 0; s < a.steps; ++s) run();
    const double t = seconds(t0);
    if (!a.trace.empty()) {
      torch::autograd::profiler::RecordProfile profile(a.trace + ".infer.json");
      run();
    }
    std::printf("infer: %.1f tokens/s (%.3f s/batch)\n", tokens * a.steps / t, t / a.steps);
    if (a.int8) {
      at::Tensor reference = run();
      const int packed = m->enableDynamicInt8();
      if (packed == 0) {
        std::printf("infer int8: unavailable in this LibTorch\n");
      } else {
        at::Tensor q = run();
        auto t1 = std::chrono::steady_clock::now();
        for (int s = 0; s < a.steps; ++s) run();
        const double ti = seconds(t1);
        std::printf("infer int8 (%d layers): %.1f tokens/s (%.3f s/batch; max |logit diff| vs fp32 %.4f)\n", packed,
                    tokens * a.steps / ti, ti / a.steps, (q - reference).abs().max().item<double>());
      }
    }
  }
  std::printf("peak RSS (VmHWM): %.1f MiB\n", vmHwmKb() / 1024.0);
  return 0;
}
