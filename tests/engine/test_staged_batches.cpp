// Staged batches, the prefetch thread and the CUDA-graph step's CPU-checkable parts (issue 17):
//  - BatchPrefetcher hands out batches in order with and without its thread, rethrows a failed build
//    after the batches before it, refuses a batch past the end, and stops cleanly with work pending;
//  - the NER transformer's staged batch gives loss() exactly, and a batch padded to a CUDA graph's fixed
//    shape (extra rows and columns) gives the same loss and gradients, with softmax and with a CRF; the
//    padded tensors keep the same shape key across batches, and the CRF's labelled positions are found on
//    the host (no device read);
//  - the Trainer trains identically (every loss, every dev score, the last weights byte for byte) with
//    prefetch_batches 0 and 3, with softmax and with a CRF;
//  - cuda_graphs is refused by field on the CPU (in a JSON config and in a config built in code), and
//    prefetch_batches out of range is refused by field.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/full.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "train/BatchPrefetcher.h"
#include "train/CudaGraphSteps.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/TransformerTagger.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace document = quarry::document;
using nlohmann::json;
using quarry::test::makeTopicDocs;

namespace {

StagedBatch numbered(size_t index) {
  StagedBatch b;
  b.items = {static_cast<int32_t>(index)};
  b.tensors = {at::full({2, 3}, static_cast<double>(index))};
  return b;
}

void checkPrefetcher() {
  for (size_t depth : {size_t(0), size_t(1), size_t(3)}) {
    std::atomic<int> builds{0};
    BatchPrefetcher p(2, 7, depth, [&](size_t i) {
      ++builds;
      return numbered(i);
    });
    bool inOrder = true;
    for (size_t i = 2; i < 7; ++i) {
      StagedBatch b = p.next();
      inOrder = inOrder && b.items == std::vector<int32_t>{static_cast<int32_t>(i)} &&
                b.tensors[0][0][0].item<double>() == static_cast<double>(i);
    }
    EXPECT(inOrder, "depth " + std::to_string(depth) + ": batches 2..6 in order");
    EXPECT(builds == 5, "depth " + std::to_string(depth) + ": each batch built once");
    bool past = false;
    try {
      (void)p.next();
    } catch (const std::out_of_range&) {
      past = true;
    }
    EXPECT(past, "depth " + std::to_string(depth) + ": a batch past the end is refused");
  }
  {
    BatchPrefetcher p(0, 6, 2, [](size_t i) {
      if (i == 3) throw std::runtime_error("batch 3 is damaged");
      return numbered(i);
    });
    bool before = true;
    for (size_t i = 0; i < 3; ++i) before = before && p.next().items[0] == static_cast<int32_t>(i);
    std::string what;
    try {
      (void)p.next();
    } catch (const std::runtime_error& e) {
      what = e.what();
    }
    EXPECT(before && what == "batch 3 is damaged", "a failed build is rethrown after the batches before it");
  }
  {
    // Destroyed with the thread waiting on a full queue, and with a slow build under way.
    std::atomic<int> builds{0};
    {
      BatchPrefetcher p(0, 100, 2, [&](size_t i) {
        ++builds;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return numbered(i);
      });
      (void)p.next();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT(builds >= 2 && builds <= 4, "the thread builds at most depth ahead and stops when destroyed (" +
                                           std::to_string(builds.load()) + " built)");
  }
  StagedBatch a = numbered(1), b = numbered(2);
  a.tensors.push_back(at::full({4}, 1, at::kLong));
  b.tensors.push_back(at::full({4}, 9, at::kLong));
  EXPECT(a.shapeKey() == b.shapeKey() && a.shapeKey() == "2x3:Float|4:Long",
         "the shape key: " + a.shapeKey());
  b.tensors[1] = at::full({5}, 9, at::kLong);
  EXPECT(a.shapeKey() != b.shapeKey(), "another shape, another key");
}

TrainConfig nerTransformer(const std::string& tokenizer, bool crf) {
  TrainConfig c = quarry::test::tinyRandomTransformer("ner", tokenizer, 48, 8, 3);
  c.crf = crf;
  return c;
}

struct LossAndGrads {
  at::Tensor loss;
  std::vector<at::Tensor> grads;
};

LossAndGrads lossAndGrads(TaskModel& m, const std::function<at::Tensor()>& loss) {
  for (at::Tensor p : m.module().parameters()) p.mutable_grad() = at::Tensor();
  LossAndGrads out;
  out.loss = loss();
  out.loss.backward();
  for (const at::Tensor& p : m.module().parameters())
    out.grads.push_back(p.grad().defined() ? p.grad().clone() : at::Tensor());
  return out;
}

bool sameGrads(const LossAndGrads& a, const LossAndGrads& b, double rtol, double atol) {
  if (a.grads.size() != b.grads.size()) return false;
  size_t defined = 0;
  for (size_t i = 0; i < a.grads.size(); ++i) {
    if (a.grads[i].defined() != b.grads[i].defined()) return false;
    if (!a.grads[i].defined()) continue;
    ++defined;
    if (!at::allclose(a.grads[i], b.grads[i], rtol, atol)) return false;
  }
  return defined > 10;
}

void checkStagedLoss(const std::string& tokenizer) {
  const auto docs = quarry::test::makeTopicEntityDocs(30, 3);
  for (bool crf : {false, true}) {
    const std::string what = crf ? "CRF" : "softmax";
    TrainConfig c = nerTransformer(tokenizer, crf);
    auto made = TransformerTagger::create(c, TagSet(quarry::test::kTopics, TagEncoding::IOB2));
    EXPECT(made.ok(), what + ": a tagger is made");
    if (!made) return;
    TransformerTagger& tagger = *made.value();
    tagger.module().eval();  // no dropout: the padded batch must give the same numbers
    const NerData data = buildNerData(docs, tagger.tags().types(), NerDataOptions{});
    std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
    const std::vector<int32_t> items{0, 3, 5, 6, 9};
    LossOptions options;
    EXPECT(tagger.canStage(options) && tagger.capturableLoss(options) == !crf,
           what + ": stages its batches; " + (crf ? "the CRF's loss is not capturable" : "capturable"));

    const LossAndGrads plain = lossAndGrads(tagger, [&] { return tagger.loss(*inputs, items, options); });
    StagedBatch own = tagger.stage(*inputs, items, StageShape{});
    bool onHost = true;
    for (const at::Tensor& t : own.tensors) onHost = onHost && t.defined() && t.is_cpu();
    EXPECT(onHost && own.tensors.size() == (crf ? 7u : 4u) && own.rows == 5,
           what + ": stage() lays the batch out on the host (ids, mask, types, labels" +
               (crf ? ", the CRF's positions)" : ")"));
    const LossAndGrads staged = lossAndGrads(tagger, [&] { return tagger.stagedLoss(own, options); });
    EXPECT(at::equal(plain.loss, staged.loss) && sameGrads(plain, staged, 0, 0),
           what + ": stagedLoss of the batch's own layout is loss() exactly");

    const StageShape fixed{8, 32};
    StagedBatch padded = tagger.stage(*inputs, items, fixed);
    EXPECT(padded.rows == 8 && padded.cols == 32 && padded.tensors[0].size(0) == 8 &&
               padded.tensors[0].size(1) == 32,
           what + ": padded to 8 rows and 32 columns");
    EXPECT(padded.tensors[1].select(0, 7).sum().item<int64_t>() == 1,
           what + ": a padding row holds one unmasked token (no empty attention row)");
    const LossAndGrads wide = lossAndGrads(tagger, [&] { return tagger.stagedLoss(padded, options); });
    std::printf("%s: loss %.7f, padded %.7f\n", what.c_str(), plain.loss.item<double>(),
                wide.loss.item<double>());
    EXPECT(at::allclose(plain.loss, wide.loss, 1e-5, 1e-6) && sameGrads(plain, wide, 1e-4, 1e-6),
           what + ": the padded batch gives the same loss and gradients");
    const StagedBatch other = tagger.stage(*inputs, {1, 2, 4}, fixed);
    EXPECT(crf || other.shapeKey() == padded.shapeKey(),
           what + ": another batch padded to the shape replays the same graph (" + other.shapeKey() + ")");
    const StagedBatch tooWide = tagger.stage(*inputs, items, StageShape{8, 1000});
    EXPECT(tooWide.cols == 48, what + ": columns past the window are cut to it");
  }
}

std::string fileBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void checkPrefetchTrainsTheSame(const fs::path& root, const std::string& tokenizer) {
  const auto train = quarry::test::makeTopicEntityDocs(60, 4), dev = quarry::test::makeTopicEntityDocs(20, 5);
  for (bool crf : {false, true}) {
    const std::string what = crf ? "CRF" : "softmax";
    TrainConfig inline0 = nerTransformer(tokenizer, crf);
    inline0.prefetchBatches = 0;
    TrainConfig ahead = inline0;
    ahead.prefetchBatches = 3;
    const fs::path a = root / (what + "-inline"), b = root / (what + "-ahead");
    auto ra = quarry::test::train(inline0, a, train, dev);
    auto rb = quarry::test::train(ahead, b, train, dev);
    EXPECT(ra.ok() && rb.ok(), what + ": trains with prefetch_batches 0 and 3");
    if (!ra || !rb) {
      for (auto* r : {&ra, &rb})
        if (!r->ok()) std::printf("error: %s\n", r->error().toString().c_str());
      continue;
    }
    bool same = ra->history.size() == rb->history.size() && ra->steps == rb->steps;
    for (size_t i = 0; same && i < ra->history.size(); ++i)
      same = ra->history[i]["train_loss"] == rb->history[i]["train_loss"] &&
             ra->history[i]["dev_score"] == rb->history[i]["dev_score"];
    std::printf("%s: %lld steps, dev F1 %.4f (inline) %.4f (prefetched)\n", what.c_str(),
                static_cast<long long>(ra->steps), ra->bestDevScore, rb->bestDevScore);
    EXPECT(same, what + ": every loss and dev score is the same with the prefetch thread");
    const std::string wa = fileBytes(a / "last" / "model" / "model.safetensors"),
                      wb = fileBytes(b / "last" / "model" / "model.safetensors");
    EXPECT(!wa.empty() && wa == wb, what + ": the last weights are the same byte for byte");
    EXPECT(ra->bestDevScore > 0.5, what + ": and it learns the entities");
    EXPECT(ra->paddedPositions >= ra->trainPositions && ra->paddedPositions == rb->paddedPositions,
           what + ": padded positions counted as laid out");
  }
}

// A run interrupted before prefetch_batches and cuda_graphs existed: its state.json lacks their keys, and
// it resumes (the saved configuration is compared with the defaults filled in), while a changed value is
// still refused.
void checkResumeOfAnOlderRun(const fs::path& root, const std::string& tokenizer) {
  const auto train = quarry::test::makeTopicEntityDocs(40, 7), dev = quarry::test::makeTopicEntityDocs(10, 8);
  TrainConfig c = nerTransformer(tokenizer, false);
  const fs::path out = root / "older";
  auto cut = quarry::test::train(c, out, train, dev, [](const TrainProgress& p) { return p.step < 7; });
  EXPECT(cut.ok() && cut->end == TrainResult::End::Cancelled, "a run is cancelled at step 7");
  const fs::path statePath = out / "last" / "state.json";
  json state = json::parse(std::ifstream(statePath));
  EXPECT(state["config"].contains("prefetch_batches"), "state.json holds the configuration");
  state["config"].erase("prefetch_batches");
  state["config"].erase("cuda_graphs");
  json changed = state;
  changed["config"]["learning_rate"] = 1.0;
  std::ofstream(statePath) << changed.dump(2);
  auto refused = quarry::test::train(c, out, train, dev, {}, true);
  EXPECT(!refused.ok() && refused.error().field == "config",
         "a saved configuration that differs in a value is still refused, by field");
  std::ofstream(statePath) << state.dump(2);
  auto resumed = quarry::test::train(c, out, train, dev, {}, true);
  EXPECT(resumed.ok() && resumed->end == TrainResult::End::Finished && resumed->steps > cut->steps,
         "the older run resumes from step 7 and finishes" +
             (resumed.ok() ? std::string() : ": " + resumed.error().toString()));
}

void checkRefusals(const fs::path& root, const std::string& tokenizer) {
  auto fromJson = TrainConfig::fromJson(json{{"task", "ner"}, {"cuda_graphs", true}}, "config.json");
  EXPECT(!fromJson.ok() && fromJson.error().field == "cuda_graphs",
         "cuda_graphs on the CPU: refused in a config");
  auto prefetch = TrainConfig::fromJson(json{{"task", "ner"}, {"prefetch_batches", 100}}, "config.json");
  EXPECT(!prefetch.ok() && prefetch.error().field == "prefetch_batches",
         "prefetch_batches 100: refused by field");
  auto onCuda = TrainConfig::fromJson(
      json{{"task", "ner"}, {"cuda_graphs", true}, {"device", "cuda"}, {"prefetch_batches", 0}},
      "config.json");
  EXPECT(onCuda.ok() && onCuda->cudaGraphs && onCuda->prefetchBatches == 0,
         "cuda_graphs with device cuda and prefetch_batches 0 are taken");
  EXPECT(!CudaGraphSteps::supported(c10::Device(c10::kCPU)).ok() &&
             CudaGraphSteps::supported(c10::Device(c10::kCPU)).error().field == "cuda_graphs",
         "no graphs on the CPU device");
  TrainConfig inCode = nerTransformer(tokenizer, false);
  inCode.cudaGraphs = true;
  inCode.epochs = 1;
  const auto docs = quarry::test::makeTopicEntityDocs(10, 6);
  auto refused = quarry::test::train(inCode, root / "graphs", docs, docs);
  EXPECT(!refused.ok() && refused.error().field == "cuda_graphs",
         "a config built in code with cuda_graphs on the CPU is refused by the Trainer, by field");
}

}  // namespace

int main() {
  at::set_num_threads(1);
  const fs::path root = fs::temp_directory_path() / ("quarry-staged-batches-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string tokenizer = quarry::test::writeTopicTokenizer(root / "tok");
  checkPrefetcher();
  checkStagedLoss(tokenizer);
  checkPrefetchTrainsTheSame(root, tokenizer);
  checkResumeOfAnOlderRun(root, tokenizer);
  checkRefusals(root, tokenizer);
  fs::remove_all(root);
  if (quarry::test::g_failures) {
    std::printf("%d check(s) failed\n", quarry::test::g_failures);
    return 1;
  }
  std::printf("all staged-batch checks passed\n");
  return 0;
}
