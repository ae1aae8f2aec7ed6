// bench_gpu_finetune: issue 17's table — fine-tuning speed on a device, printed as one table.
//  1. NCBI-disease train (dev scored each epoch), a random encoder of --shape (BERT-base 12x768 by default)
//     under the bert-base-uncased tokenizer of shared/fixtures, batch 32, 3 epochs, for each of --precisions:
//     training seconds (dev evaluations excluded), real tokens/s, padded tokens/s (the positions the model
//     computed, padding included), peak memory (GPU: the caching allocator's peak; CPU: peak RSS), dev F1.
//  2. Synthetic fixed-shape batches: token classification train and inference tokens/s at batch x length
//     for each of --synthetic-shapes and --lengths, with peak memory; an out-of-memory is a failed row.
// Absolute figures hold only for the device they ran on; bench/hf_gpu_finetune.py runs the Hugging Face
// side with the same shapes, to run in the same session.
//   bench_gpu_finetune [--device cuda|cpu] [--precisions bf16,fp32] [--corpus DIR] [--tokenizer DIR]
//                      [--shape 12x768] [--epochs 3] [--batch 32] [--max-sentences N]
//                      [--synthetic-shapes 4x256,12x768,24x1024] [--lengths 128,512] [--steps N]
//                      [--checkpointing] [--cuda-graphs] [--no-corpus] [--no-synthetic] [--threads N]
//                      [--output DIR] [--set key=value ...]
// --checkpointing adds synthetic rows with gradient checkpointing (the activation memory it saves: the peak
// column); --cuda-graphs adds rows whose training step is one captured CUDA graph (CUDA builds only): for
// the corpus the Trainer's own cuda_graphs option (a graph per batch shape), for the synthetic rows one.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <ATen/core/grad_mode.h>
#include <ATen/ops/cross_entropy_loss.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randint.h>
#include <nlohmann/json.hpp>

#ifdef QUARRY_WITH_CUDA
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include "BenchOptions.h"
#include "ConllCorpus.h"
#include "common/Log.h"
#include "common/ProcessMemory.h"
#include "model/encoder/TransformerModel.h"
#include "model/kernels/Autocast.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/EngineFailure.h"
#include "model/optim/FusedAdamW.h"
#include "train/TaskFactory.h"

using namespace quarry;
using Clock = std::chrono::steady_clock;

namespace {

struct Shape {
  int64_t layers = 12, hidden = 768;
  int64_t heads() const { return std::max<int64_t>(1, hidden / 64); }
  int64_t intermediate() const { return 4 * hidden; }
  std::string name() const { return std::to_string(layers) + "x" + std::to_string(hidden); }
};

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

bool parseShape(const std::string& s, Shape* shape) {
  const size_t x = s.find('x');
  if (x == std::string::npos) return false;
  try {
    shape->layers = std::stoll(s.substr(0, x));
    shape->hidden = std::stoll(s.substr(x + 1));
  } catch (const std::exception&) {
    return false;
  }
  return shape->layers > 0 && shape->hidden > 0 && shape->hidden % shape->heads() == 0;
}

// Peak memory since the last reset: the CUDA caching allocator's peak on a GPU, the process's peak RSS on
// the CPU (which never falls, so the CPU figures are the largest so far).
void resetPeak(const c10::Device& device) {
#ifdef QUARRY_WITH_CUDA
  if (device.is_cuda())
    c10::cuda::CUDACachingAllocator::resetPeakStats(device.index() < 0 ? 0 : device.index());
#else
  (void)device;
#endif
}

std::string peakMemory(const c10::Device& device) {
  char text[64];
#ifdef QUARRY_WITH_CUDA
  if (device.is_cuda()) {
    const auto stats =
        c10::cuda::CUDACachingAllocator::getDeviceStats(device.index() < 0 ? 0 : device.index());
    std::snprintf(text, sizeof text, "%.0f MiB GPU",
                  static_cast<double>(stats.allocated_bytes[0].peak) / (1 << 20));
    return text;
  }
#else
  (void)device;
#endif
  std::snprintf(text, sizeof text, "%.0f MiB RSS", peakResidentMiB());
  return text;
}

void corpusRows(const std::string& corpus, const std::string& tokenizer, const Shape& shape, int epochs,
                int batch, size_t maxSentences, const std::vector<std::string>& precisions,
                const std::string& device, int threads, const std::string& output,
                const nlohmann::json& overrides, bool graphRows) {
  auto train = bench::readConll(corpus + "/train.tsv");
  auto dev = bench::readConll(corpus + "/devel.tsv");
  if (train.empty()) {
    std::printf("SKIP: %s/train.tsv not found\n", corpus.c_str());
    return;
  }
  if (maxSentences > 0 && train.size() > maxSentences) train.resize(maxSentences);
  if (maxSentences > 0 && dev.size() > maxSentences) dev.resize(maxSentences);
  std::printf(
      "\n%s: %zu train / %zu dev sentences, random %s encoder (%lld heads), batch %d, %d epochs, "
      "device %s\n",
      corpus.c_str(), train.size(), dev.size(), shape.name().c_str(), static_cast<long long>(shape.heads()),
      batch, epochs, device.c_str());
  std::printf(
      "| precision | train s | real tok/s | padded tok/s | padding | peak memory | dev F1 |\n"
      "|---|---|---|---|---|---|---|\n");
  std::vector<std::pair<std::string, bool>> rows;  // label, cuda_graphs
  for (const std::string& precision : precisions) {
    rows.emplace_back(precision, false);
    if (graphRows) rows.emplace_back(precision, true);
  }
  for (const auto& [precision, graphs] : rows) {
    const std::string label = precision + (graphs ? " + CUDA graphs" : "");
    nlohmann::json cfg = {{"model", "transformer"},
                          {"tokenizer_folder", tokenizer},
                          {"random_layers", shape.layers},
                          {"random_hidden", shape.hidden},
                          {"random_heads", shape.heads()},
                          {"random_intermediate", shape.intermediate()},
                          {"max_length", 128},
                          {"batch_size", batch},
                          {"epochs", epochs},
                          {"learning_rate", 1e-4},
                          {"patience", 0},
                          {"seed", 13},
                          {"threads", threads},
                          {"device", device},
                          {"precision", precision},
                          {"cuda_graphs", graphs}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it) cfg[it.key()] = it.value();
    auto request = bench::trainingRequest(cfg, output + "/ncbi-" + precision + (graphs ? "-graphs" : ""));
    if (!request) return;
    request->train = train;
    request->dev = dev;
    const c10::Device where(device);
    resetPeak(where);
    Result<train::TrainResult> result = Error("not run");
    if (Status s = model::catchEngineFailure("training", request->outputFolder,
                                             [&]() -> Status {
                                               result = train::runTraining(*request);
                                               return {};
                                             });
        !s)
      result = s.error();
    if (!result) {
      std::printf("| %s | failed: %s |\n", label.c_str(), result.error().toString().c_str());
      continue;
    }
    double evalSeconds = 0;
    for (const auto& entry : result->history) evalSeconds += entry.value("eval_seconds", 0.0);
    const double seconds = result->seconds - evalSeconds;
    const double real = static_cast<double>(result->trainPositions) / seconds;
    const double padded = static_cast<double>(result->paddedPositions) / seconds;
    std::printf("| %s | %.1f | %.0f | %.0f | %.1f%% | %s | %.4f |\n", label.c_str(), seconds, real, padded,
                100.0 * (1.0 - static_cast<double>(result->trainPositions) /
                                   static_cast<double>(std::max<int64_t>(1, result->paddedPositions))),
                peakMemory(where).c_str(), result->bestDevScore);
    std::fflush(stdout);
  }
}

struct SyntheticFigures {
  double trainTokensPerSecond = 0, inferTokensPerSecond = 0;
  std::string trainMemory, inferMemory;
};

// How a synthetic row trains: plainly, with gradient checkpointing (activation memory), or as one CUDA
// graph (forward, backward and the optimizer step captured once and replayed: no per-op launches).
enum class StepMode { Plain, Checkpointed, CudaGraph };

const char* stepModeName(StepMode mode) {
  return mode == StepMode::Checkpointed ? " + checkpointing"
         : mode == StepMode::CudaGraph  ? " + CUDA graph"
                                        : "";
}

Result<SyntheticFigures> synthetic(const Shape& shape, int64_t batch, int64_t length, int steps,
                                   model::Precision precision, const c10::Device& device, StepMode mode) {
  model::EncoderConfig ec;
  ec.hiddenSize = shape.hidden;
  ec.numLayers = shape.layers;
  ec.numHeads = shape.heads();
  ec.intermediateSize = shape.intermediate();
  ec.maxPositionEmbeddings = std::max<int64_t>(512, length);
  ec.numLabels = 9;
  if (Status s = ec.validate("synthetic"); !s) return s.error();
  model::TransformerModelOptions options;
  options.task = model::Task::TokenClassification;
  options.seed = 3;
  auto created = model::TransformerModelImpl::create(ec, options);
  if (!created) return created.error();
  auto m = created.value();
  m->to(device);
  m->setGradientCheckpointing(mode == StepMode::Checkpointed);
  model::FusedAdamW optimizer({model::AdamWGroup{m->parameters(), model::AdamWOptions{1e-4}}});
  const auto longs = at::TensorOptions().dtype(at::kLong).device(device);
  const at::Tensor ids = at::randint(1000, ec.vocabSize, {batch, length}, longs);
  const at::Tensor mask = at::ones({batch, length}, longs);
  const at::Tensor labels = at::randint(0, ec.numLabels, {batch * length}, longs);
  SyntheticFigures f;

  // Tokens/s of `step` (which returns a tensor of its result) over `steps` calls after 2 warm-up calls
  // (allocator, kernels chosen); reading the last result waits for the device.
  auto tokensPerSecond = [&](const std::function<at::Tensor()>& step) {
    for (int i = 0; i < 2; ++i) (void)step().item<float>();
    const auto started = Clock::now();
    at::Tensor last;
    for (int i = 0; i < steps; ++i) last = step();
    (void)last.item<float>();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return static_cast<double>(batch * length * steps) / seconds;
  };

  m->train();
  resetPeak(device);
  auto forwardBackwardStep = [&] {
    at::Tensor loss;
    {
      model::AutocastScope autocast(device.type(), precision);
      at::Tensor logits = m->forward(ids, mask).logits;
      loss = at::cross_entropy_loss(logits.reshape({batch * length, ec.numLabels}).to(at::kFloat), labels);
    }
    loss.backward();
    optimizer.step();
    return loss;
  };
  if (mode != StepMode::CudaGraph) {
    f.trainTokensPerSecond = tokensPerSecond([&] {
      at::Tensor loss = forwardBackwardStep();
      optimizer.zeroGrad();
      return loss;
    });
  } else {
#ifdef QUARRY_WITH_CUDA
    // As torch.cuda.graph's whole-network recipe: warm up on a side stream, drop the gradients, capture
    // one step (backward writes the gradients into the graph's pool, replays overwrite them) with the
    // autocast cast cache off, then replay. The inputs are static: the same ids every step.
    c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, device.index() < 0 ? 0 : device.index());
    at::Tensor staticLoss;
    {
      c10::cuda::CUDAStreamGuard onSide(side);
      for (int i = 0; i < 3; ++i) {
        (void)forwardBackwardStep();
        optimizer.zeroGrad();
      }
    }
    side.synchronize();
    at::cuda::CUDAGraph graph;
    {
      c10::cuda::CUDAStreamGuard onSide(side);
      const bool cache = at::autocast::is_autocast_cache_enabled();
      at::autocast::set_autocast_cache_enabled(false);
      graph.capture_begin();
      staticLoss = forwardBackwardStep();
      graph.capture_end();
      at::autocast::set_autocast_cache_enabled(cache);
    }
    side.synchronize();
    f.trainTokensPerSecond = tokensPerSecond([&] {
      graph.replay();
      return staticLoss;
    });
#else
    return Error("CUDA graphs need a CUDA build of LibTorch", "", 0, "cuda_graphs");
#endif
  }
  f.trainMemory = peakMemory(device);

  m->eval();
  resetPeak(device);
  at::NoGradGuard noGrad;
  f.inferTokensPerSecond = tokensPerSecond([&] {
    model::AutocastScope autocast(device.type(), precision);
    return m->forward(ids, mask).logits.sum();
  });
  f.inferMemory = peakMemory(device);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = bench::sharedDir() + "/datasets/ncbi-disease";
  std::string tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  std::string device = "cuda", precisionList = "bf16", shapeText = "12x768", syntheticList,
              lengthList = "128,512";
  std::string output = (std::filesystem::temp_directory_path() / "quarry-bench-gpu").string();
  int epochs = 3, batch = 32, threads = 0, steps = 0;
  size_t maxSentences = 0;
  bool runCorpus = true, runSynthetic = true, checkpointRows = false, graphRows = false;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    // The switches without a value: the flag each sets and to what.
    const std::map<std::string, std::pair<bool*, bool>> switches = {
        {"--no-corpus", {&runCorpus, false}},
        {"--no-synthetic", {&runSynthetic, false}},
        {"--checkpointing", {&checkpointRows, true}},
        {"--cuda-graphs", {&graphRows, true}}};
    if (auto it = switches.find(a); it != switches.end()) {
      *it->second.first = it->second.second;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", a.c_str());
      return 2;
    }
    const std::string v = argv[++i];
    if (a == "--device")
      device = v;
    else if (a == "--precisions")
      precisionList = v;
    else if (a == "--corpus")
      corpus = v;
    else if (a == "--tokenizer")
      tokenizer = v;
    else if (a == "--shape")
      shapeText = v;
    else if (a == "--epochs")
      epochs = std::stoi(v);
    else if (a == "--batch")
      batch = std::stoi(v);
    else if (a == "--max-sentences")
      maxSentences = std::stoul(v);
    else if (a == "--synthetic-shapes")
      syntheticList = v;
    else if (a == "--lengths")
      lengthList = v;
    else if (a == "--steps")
      steps = std::stoi(v);
    else if (a == "--threads")
      threads = std::stoi(v);
    else if (a == "--output")
      output = v;
    else if (a == "--set")
      bench::addOverride(overrides, v);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  log::LogOptions logOptions;
  logOptions.level = "warn";
  log::init(logOptions);
  model::configureCpuThreads({threads});
  c10::Device where(c10::kCPU);
  try {
    where = c10::Device(device);
  } catch (const std::exception&) {
    std::fprintf(stderr, "not a device: %s\n", device.c_str());
    return 2;
  }
  if (where.is_cuda() && !at::hasCUDA()) {
    std::printf(
        "SKIP: no CUDA device (this LibTorch has no CUDA, or no GPU is visible); --device cpu runs the "
        "same table on the CPU\n");
    return 0;
  }
  Shape shape;
  if (!parseShape(shapeText, &shape)) {
    std::fprintf(stderr, "--shape: expected LAYERSxHIDDEN, e.g. 12x768\n");
    return 2;
  }
  // On the CPU the large shapes take minutes a step: by default only the small one, briefly.
  if (syntheticList.empty()) syntheticList = where.is_cuda() ? "4x256,12x768,24x1024" : "4x256";
  if (steps <= 0) steps = where.is_cuda() ? 20 : 3;
  const std::vector<std::string> precisions = splitList(precisionList);
  for (const std::string& p : precisions)
    if (auto parsed = model::precisionNamed(p);
        !parsed || !model::precisionSupported(parsed.value(), where.type())) {
      std::fprintf(stderr, "--precisions: %s is not available on %s\n", p.c_str(), device.c_str());
      return 2;
    }

  if (runCorpus)
    corpusRows(corpus, tokenizer, shape, epochs, batch, maxSentences, precisions, device, threads, output,
               overrides, graphRows);
  std::vector<StepMode> modes = {StepMode::Plain};
  if (checkpointRows) modes.push_back(StepMode::Checkpointed);
  if (graphRows) modes.push_back(StepMode::CudaGraph);
  if (runSynthetic) {
    std::printf("\nsynthetic token classification, batch %d, %d timed steps after 2 warm-up, device %s\n",
                batch, steps, device.c_str());
    std::printf(
        "| shape | batch x length | precision | train tok/s | peak (train) | inference tok/s | peak "
        "(inference) |\n"
        "|---|---|---|---|---|---|---|\n");
    for (const std::string& shapeName : splitList(syntheticList)) {
      Shape s;
      if (!parseShape(shapeName, &s)) {
        std::fprintf(stderr, "--synthetic-shapes: %s is not LAYERSxHIDDEN\n", shapeName.c_str());
        return 2;
      }
      for (const std::string& lengthName : splitList(lengthList))
        for (const std::string& p : precisions)
          for (StepMode mode : modes) {
            const int64_t length = std::stoll(lengthName);
            Result<SyntheticFigures> figures = Error("not run");
            // An out-of-memory (the large shapes at 512) is a row that says so, not the end of the bench.
            if (Status st = model::catchEngineFailure("the synthetic row", s.name(),
                                                      [&]() -> Status {
                                                        figures = synthetic(s, batch, length, steps,
                                                                            model::precisionNamed(p).value(),
                                                                            where, mode);
                                                        return {};
                                                      });
                !st)
              figures = st.error();
            const std::string label = p + stepModeName(mode);
            if (!figures) {
              std::printf("| %s | %dx%lld | %s | failed: %s |\n", s.name().c_str(), batch,
                          static_cast<long long>(length), label.c_str(), figures.error().toString().c_str());
              continue;
            }
            std::printf("| %s | %dx%lld | %s | %.0f | %s | %.0f | %s |\n", s.name().c_str(), batch,
                        static_cast<long long>(length), label.c_str(), figures->trainTokensPerSecond,
                        figures->trainMemory.c_str(), figures->inferTokensPerSecond,
                        figures->inferMemory.c_str());
            std::fflush(stdout);
          }
    }
  }
  return 0;
}
