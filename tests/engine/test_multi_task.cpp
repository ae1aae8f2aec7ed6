// Multi-task training: the task list and temperature factors pinned, two task models sharing one encoder
// (the same tensors, their own heads and pooler), and NER + classification trained together through the
// Trainer on documents that carry both: each task learns, the loss mixes both, the parameter groups hold
// each shared tensor once, best/ holds one complete folder per task whose encoders are equal and which
// score on their own what the run reported, the multi folder scores as the mean, a cancelled run resumes
// bit-identically, and the refusals (one task, an unknown one, LoRA).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ops/equal.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/multi/MultiTask.h"
#include "train/multi/MultiTaskModel.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
namespace document = quarry::document;
using nlohmann::json;
using quarry::test::kTopicWords;
using quarry::test::makeTopicDocs;
using quarry::test::train;
using quarry::test::writeTopicBaseFolder;

namespace {

// Topic documents whose topic words are also entities (their topic in capitals).
std::vector<document::AnnotatedDocument> taggedTopicDocs(int count, uint64_t seed) {
  std::vector<document::AnnotatedDocument> docs = makeTopicDocs(count, seed);
  for (auto& d : docs)
    for (size_t t = 0; t < kTopicWords.size(); ++t)
      for (const std::string& word : kTopicWords[t]) {
        size_t at = 0;
        while ((at = d.text.find(word, at)) != std::string::npos) {
          const bool starts = at == 0 || d.text[at - 1] == ' ';
          const bool ends = at + word.size() == d.text.size() || d.text[at + word.size()] == ' ';
          if (starts && ends)
            d.entities.push_back({static_cast<int32_t>(at), static_cast<int32_t>(at + word.size()),
                                  t == 0   ? "SPORT"
                                  : t == 1 ? "MONEY"
                                           : "HEALTH"});
          at += word.size();
        }
      }
  for (auto& d : docs)
    std::sort(
        d.entities.begin(), d.entities.end(),
        [](const document::EntityMention& a, const document::EntityMention& b) { return a.start < b.start; });
  return docs;
}

void checkOptions() {
  EXPECT(multiTaskNames("ner, classify").ok() && multiTaskNames("ner,classify")->size() == 2,
         "two tasks parse");
  for (const char* bad : {"ner", "ner,ner", "ner,mlm", "ner,multi", ""}) {
    auto r = multiTaskNames(bad);
    EXPECT(!r.ok() && r.error().field == "tasks", std::string("tasks \"") + bad + "\" is refused");
  }
  const auto proportional = MultiTask::repeatFactors({100, 25}, 1);
  EXPECT(proportional == std::vector<double>({1, 1}), "T = 1 keeps the data's proportions");
  const auto square = MultiTask::repeatFactors({100, 25}, 2);
  EXPECT(std::fabs(square[0] - 1) < 1e-12 && std::fabs(square[1] - 2) < 1e-12,
         "T = 2: shares as sqrt(n), 100 : 25 trained as 100 : 50");
  const auto flat = MultiTask::repeatFactors({100, 25, 0}, 100);
  EXPECT(flat[0] == 1 && flat[1] > 3.8 && flat[1] < 4 && flat[2] == 0,
         "a large T nearly evens the tasks out");
  TrainConfig c = TrainConfig::defaultsFor("multi");
  EXPECT(c.kind == ModelKind::Transformer, "multi-task trains a transformer by default");
  c.loraRank = 4;
  auto lora = TrainConfig::fromJson(c.toJson());
  EXPECT(!lora.ok() && lora.error().field == "task", "LoRA with multi-task training is refused");
  auto temperature = TrainConfig::fromJson({{"task", "multi"}, {"task_temperature", 0.5}});
  EXPECT(!temperature.ok() && temperature.error().field == "task_temperature",
         "a temperature below 1 is refused");
}

TrainConfig multiConfig(const std::string& baseFolder) {
  TrainConfig c = TrainConfig::defaultsFor("multi");
  c.tasks = "ner,classify";
  c.modelFolder = baseFolder;
  c.maxLength = 16;
  c.stride = 4;
  c.epochs = 6;
  c.batchSize = 8;
  c.patience = 0;
  c.learningRate = 3e-3;
  return c;
}

void checkSharing(const std::string& baseFolder, const std::vector<document::AnnotatedDocument>& docs) {
  TrainRequest request;
  request.config = multiConfig(baseFolder);
  request.train = docs;
  auto task = createTrainingTask(request);
  EXPECT(task.ok(), task ? "a multi-task task" : task.error().message);
  if (!task) return;
  auto created = task.value()->createModel(request.config);
  EXPECT(created.ok(), created ? "a multi-task model" : created.error().message);
  if (!created) return;
  auto& multi = static_cast<MultiTaskModel&>(*created.value());
  const auto ner = multi.model(0).weights(), classify = multi.model(1).weights();
  const std::string shared = "bert.encoder.layer.1.output.dense.weight";
  EXPECT(ner.count(shared) && classify.count(shared) &&
             ner.at(shared).data_ptr() == classify.at(shared).data_ptr() &&
             ner.at("bert.embeddings.word_embeddings.weight").data_ptr() ==
                 classify.at("bert.embeddings.word_embeddings.weight").data_ptr(),
         "the tasks' encoder tensors are one set");
  EXPECT(!ner.count("bert.pooler.dense.weight") && classify.count("bert.pooler.dense.weight"),
         "the classifier keeps its own pooler");
  std::set<const void*> seen;
  bool once = true;
  int64_t grouped = 0;
  for (const auto& g : multi.parameterGroups())
    for (const auto& p : g.parameters) {
      once = once && seen.insert(p.unsafeGetTensorImpl()).second;
      grouped += p.numel();
    }
  int64_t unique = 0;
  std::set<const void*> all;
  for (const auto& p : multi.module().parameters(true))
    if (all.insert(p.unsafeGetTensorImpl()).second) unique += p.numel();
  EXPECT(once && grouped == unique, "the parameter groups hold each tensor once, and every one");
}

void checkTraining(const std::string& baseFolder, const fs::path& root) {
  const auto trainDocs = taggedTopicDocs(120, 1), dev = taggedTopicDocs(30, 2);
  const TrainConfig c = multiConfig(baseFolder);
  auto r = train(c, root / "run", trainDocs, dev);
  EXPECT(r.ok(), r ? "NER and classification train together" : r.error().toString());
  if (!r) return;
  const json& last = r->history.back();
  std::printf(
      "multi-task: loss %.4f -> %.4f; dev NER micro F1 %.4f, classification micro F1 %.4f, mean %.4f\n",
      r->history.front()["train_loss"].get<double>(), last["train_loss"].get<double>(),
      last.value("dev_ner_micro_f1", -1.0), last.value("dev_classify_micro_f1", -1.0), r->bestDevScore);
  EXPECT(last.value("dev_ner_micro_f1", 0.0) > 0.8, "NER learns the topic words (dev micro F1 > 0.8)");
  EXPECT(last.value("dev_classify_micro_f1", 0.0) > 0.6,
         "classification learns the topics (dev micro F1 > 0.6)");
  EXPECT(r->bestDevReport.primaryName == "mean_primary" &&
             std::fabs(r->bestDevScore - (r->bestDevReport.details["ner"]["primary"].get<double>() +
                                          r->bestDevReport.details["classify"]["primary"].get<double>()) /
                                             2) < 1e-12,
         "the primary figure is the tasks' mean");
  EXPECT(r->data["tasks"] == json({"ner", "classify"}) && r->data["classify"]["train_items"].get<int>() > 0,
         "the data record gives each task's data");

  // best/: one folder per task, each complete; the encoders are equal.
  const fs::path best = r->bestFolder;
  auto task = modelFolderTask(best.string());
  EXPECT(task.ok() && *task == "multi", "best/ is a multi-task folder");
  auto nerFolder = model::readCheckpoint((best / "ner").string());
  auto classifyFolder = model::readCheckpoint((best / "classify").string());
  EXPECT(nerFolder.ok() && classifyFolder.ok(), "best/ner and best/classify are Hugging Face folders");
  if (nerFolder && classifyFolder) {
    bool equal = true;
    int compared = 0;
    for (const auto& [name, t] : nerFolder->weights)
      if (name.rfind("bert.", 0) == 0) {
        equal =
            equal && classifyFolder->weights.count(name) && at::equal(t, classifyFolder->weights.at(name));
        ++compared;
      }
    EXPECT(equal && compared > 20, "the two folders hold the same (shared) encoder");
  }
  auto nerAlone = evaluateModelFolder((best / "ner").string(), dev);
  auto classifyAlone = evaluateModelFolder((best / "classify").string(), dev);
  EXPECT(nerAlone.ok() &&
             std::fabs(nerAlone->primary - r->bestDevReport.details["ner"]["primary"].get<double>()) < 1e-9,
         "best/ner on its own scores the run's NER figure");
  EXPECT(
      classifyAlone.ok() && std::fabs(classifyAlone->primary -
                                      r->bestDevReport.details["classify"]["primary"].get<double>()) < 1e-9,
      "best/classify on its own scores the run's classification figure");
  auto whole = evaluateModelFolder(best.string(), dev);
  EXPECT(whole.ok() && std::fabs(whole->primary - r->bestDevScore) < 1e-9, "best/ scores the run's mean");

  // Cancel after two epochs and resume: bit for bit.
  const int64_t stepsPerEpoch = r->steps / c.epochs;
  auto cancelled = train(c, root / "part", trainDocs, dev, [&](const TrainProgress& p) {
    return p.phase != "train" || p.step < 2 * stepsPerEpoch;
  });
  EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled, "cancelled after two epochs");
  auto resumed = train(c, root / "part", trainDocs, dev, {}, true);
  EXPECT(resumed.ok() && resumed->steps == r->steps, "the resumed run ends at the same step");
  TrainRequest probe;
  probe.config = c;
  probe.train = trainDocs;
  auto multi = createTrainingTask(probe);
  if (multi) {
    auto a = multi.value()->loadModel((root / "run" / "last" / "model").string());
    auto b = multi.value()->loadModel((root / "part" / "last" / "model").string());
    EXPECT(a.ok() && b.ok(), "both last states load");
    if (a && b) {
      const auto wa = a.value()->weights(), wb = b.value()->weights();
      bool same = wa.size() == wb.size() && wa.size() > 40;
      for (const auto& [name, t] : wa) same = same && wb.count(name) && at::equal(t, wb.at(name));
      EXPECT(same, "resumed weights are bit-identical");
    }
  }
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-multi-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  checkOptions();
  const std::string baseFolder = writeTopicBaseFolder(root / "base");
  checkSharing(baseFolder, taggedTopicDocs(20, 3));
  checkTraining(baseFolder, root);
  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
