// Schedules and forgetting on the shared trainer, pinned on a tiny random 3-layer BERT: the learning-rate
// multiplier at given steps (linear warm-up, then linear, cosine or constant), each parameter group's base
// rate (layer_decay, head_learning_rate, the CRF's rate) for every task's transformer model, the groups
// freeze_layers and freeze_embeddings keep out; gradual unfreezing by epochs and by steps (which groups
// require and get gradients at given steps, blocks bit-unchanged until their turn and changed after);
// L2-SP (the encoder ends nearer the pre-trained weights than without it, same seed); a run with both
// resumes bit-identically after a cancel; and the options' refusals.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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
#include "train/LearningRateSchedule.h"
#include "train/OptimizerSetup.h"
#include "train/classify/DocumentClassifier.h"
#include "train/classify/TransformerClassifier.h"
#include "train/ner/TagSet.h"
#include "train/ner/TransformerTagger.h"
#include "train/qa/TransformerQa.h"
#include "train/relation/RelationClasses.h"
#include "train/relation/RelationModel.h"
#include "train/relation/TransformerRelationModel.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
namespace document = quarry::document;
using nlohmann::json;
using quarry::test::kTopics;
using quarry::test::makeTopicDocs;
using quarry::test::writeTopicBaseFolder;

namespace {

constexpr int kLayers = 3;

TrainConfig baseConfig(const std::string& baseFolder) {
  TrainConfig c;
  c.task = "classify";
  c.kind = ModelKind::Transformer;
  c.modelFolder = baseFolder;
  c.maxLength = 16;
  c.stride = 4;
  c.batchSize = 8;
  c.patience = 0;
  c.learningRate = 5e-3;
  c.threads = 1;
  return c;
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b)); }

void checkScheduleFactors() {
  LearningRateSchedule linear(LearningRateSchedule::Shape::Linear, 2, 10);
  LearningRateSchedule cosine(LearningRateSchedule::Shape::Cosine, 2, 10);
  LearningRateSchedule constant(LearningRateSchedule::Shape::Constant, 2, 10);
  for (const LearningRateSchedule* s : {&linear, &cosine, &constant})
    EXPECT(s->factor(0) == 0 && s->factor(1) == 0.5 && s->factor(2) == 1.0,
           "warm-up: 0 at the first step, half way at step 1 of 2, the full rate at step 2");
  EXPECT(near(linear.factor(6), 0.5) && near(linear.factor(8), 0.25) && linear.factor(10) == 0,
         "linear: (10 - step) / 8 after the warm-up");
  EXPECT(near(cosine.factor(4), 0.5 * (1 + std::cos(M_PI / 4))) && near(cosine.factor(6), 0.5) &&
             near(cosine.factor(8), 0.5 * (1 + std::cos(3 * M_PI / 4))) && cosine.factor(10) < 1e-15,
         "cosine: 0.5 (1 + cos(pi (step - 2) / 8)) after the warm-up");
  EXPECT(constant.factor(7) == 1.0, "constant: the full rate after the warm-up");
  EXPECT(LearningRateSchedule::shapeNamed("cosine") == LearningRateSchedule::Shape::Cosine &&
             LearningRateSchedule::shapeNamed("constant") == LearningRateSchedule::Shape::Constant &&
             LearningRateSchedule::shapeNamed("linear") == LearningRateSchedule::Shape::Linear,
         "the schedule option's names");
  TrainConfig c;
  c.warmupRatio = 0.1;
  EXPECT(c.effectiveWarmupSteps(25) == 3 && c.effectiveWarmupSteps(100) == 10, "warmup_ratio of the steps");
  c.warmupSteps = 4;
  EXPECT(c.effectiveWarmupSteps(25) == 4 && c.effectiveWarmupSteps(3) == 3,
         "warmup_steps overrides the ratio, at most every step");
}

void checkConfig() {
  auto ok = TrainConfig::fromJson({{"schedule", "cosine"},
                                   {"warmup_steps", 20},
                                   {"model", "transformer"},
                                   {"model_folder", "/models/bert"},
                                   {"unfreeze_every", 2},
                                   {"unfreeze_unit", "steps"},
                                   {"l2sp_alpha", 0.01}});
  EXPECT(ok.ok() && ok->schedule == "cosine" && ok->warmupSteps == 20 && ok->unfreezeEvery == 2 &&
             ok->unfreezeUnit == "steps" && ok->l2spAlpha == 0.01,
         "the new options read from JSON");
  if (ok) {
    const json back = ok->toJson();
    EXPECT(back["unfreeze_every"] == 2 && back["unfreeze_unit"] == "steps" && back["l2sp_alpha"] == 0.01 &&
               back["warmup_steps"] == 20,
           "and are written back (the run's recorded config)");
  }
  auto field = [](const json& j) {
    auto r = TrainConfig::fromJson(j);
    return r.ok() ? std::string("(accepted)") : r.error().field;
  };
  EXPECT(field({{"schedule", "exponential"}}) == "schedule", "an unknown schedule is refused");
  EXPECT(field({{"warmup_steps", -1}}) == "warmup_steps", "negative warm-up steps are refused");
  EXPECT(field({{"unfreeze_every", 1}}) == "unfreeze_every",
         "gradual unfreezing of a from-scratch model is refused");
  EXPECT(field({{"model", "transformer"}, {"unfreeze_every", -1}}) == "unfreeze_every",
         "a negative N is refused");
  EXPECT(field({{"model", "transformer"}, {"unfreeze_every", 1}, {"unfreeze_unit", "batches"}}) ==
             "unfreeze_unit",
         "an unknown unit is refused");
  EXPECT(field({{"model", "transformer"}, {"l2sp_alpha", 0.1}}) == "l2sp_alpha",
         "L2-SP without model_folder (a random encoder) is refused");
  EXPECT(field({{"model", "transformer"}, {"model_folder", "m"}, {"l2sp_alpha", 0.1}, {"lora_rank", 4}}) ==
             "l2sp_alpha",
         "L2-SP with LoRA is refused");
  EXPECT(field({{"model", "transformer"}, {"model_folder", "m"}, {"l2sp_alpha", -1}}) == "l2sp_alpha",
         "a negative alpha is refused");
  std::map<std::string, std::string> help;
  for (const auto& [key, line] : TrainConfig::describe("ner")) help[key.substr(0, key.find(' '))] = line;
  EXPECT(help.count("unfreeze_every") && help.count("unfreeze_unit") && help.count("l2sp_alpha") &&
             help.count("warmup_steps") && help["schedule"].find("cosine") != std::string::npos,
         "--help-config lists the options");
  EXPECT(
      help["unfreeze_every"].rfind("transformer:", 0) == 0 && help["l2sp_alpha"].rfind("transformer", 0) == 0,
      "their help says they are for transformers");
}

// Each group's base rate: the head at head_learning_rate, layer k at learning_rate * decay^(L + 1 - k),
// for every task's transformer model; freeze_layers and freeze_embeddings leave their blocks out.
void checkGroupRates(TaskModel& m, const std::string& what, bool crfAtHeadRate) {
  TrainConfig c;
  c.kind = ModelKind::Transformer;
  c.modelFolder = "base";
  c.learningRate = 1e-3;
  c.headLearningRate = 2e-2;
  c.layerDecay = 0.5;
  auto setup = OptimizerSetup::create(m, c);
  EXPECT(setup.ok() && setup->topLayer() == kLayers + 1, what + ": the head is layer L + 1");
  if (!setup) return;
  std::set<int> layers;
  bool rates = true, decay = true;
  for (const OptimizedGroup& g : setup->groups()) {
    layers.insert(g.layer);
    const double expected = g.layer == kLayers + 1 ? 2e-2 : 1e-3 * std::pow(0.5, kLayers + 1 - g.layer);
    rates = rates && near(g.baseRate, expected);
    decay = decay && (g.name.find("no_decay") == std::string::npos ? g.weightDecay == c.weightDecay
                                                                   : g.weightDecay == 0);
    if (!rates) std::printf("%s: group %s at %g\n", what.c_str(), g.name.c_str(), g.baseRate);
  }
  EXPECT(layers == std::set<int>({0, 1, 2, 3, 4}),
         what + ": groups for the embeddings, 3 layers and the head");
  EXPECT(rates, what + ": head 2e-2, layer k 1e-3 * 0.5^(4 - k)");
  EXPECT(decay, what + ": no weight decay on the no_decay groups");
  std::vector<model::AdamWGroup> adamw = setup->adamwGroups();
  bool same = adamw.size() == setup->groups().size();
  for (size_t i = 0; same && i < adamw.size(); ++i)
    same = adamw[i].options.lr == setup->groups()[i].baseRate &&
           adamw[i].parameters.size() == setup->groups()[i].parameters.size();
  EXPECT(same, what + ": one AdamW group per group at its base rate");
  if (crfAtHeadRate) {
    c.headLearningRate = 0;
    auto defaults = OptimizerSetup::create(m, c);
    bool crf = false;
    if (defaults)
      for (const OptimizedGroup& g : defaults->groups())
        if (g.name.rfind("crf", 0) == 0) crf = near(g.baseRate, 1e-2);
    EXPECT(crf, what + ": without a head rate the CRF trains at learning_rate x 100, at most 1e-2");
  }

  c.freezeLayers = 1;
  c.freezeEmbeddings = true;
  auto frozen = OptimizerSetup::create(m, c);
  bool none = frozen.ok();
  if (frozen)
    for (const OptimizedGroup& g : frozen->groups()) none = none && g.layer >= 2;
  bool fixed = true;
  for (const model::ParameterGroup& g : m.parameterGroups())
    for (const at::Tensor& p : g.parameters) fixed = fixed && (g.layer >= 2) == p.requires_grad();
  EXPECT(none && fixed,
         what + ": freeze_layers 1 and freeze_embeddings keep blocks 0 and 1 out, without gradients");
  for (const model::ParameterGroup& g : m.parameterGroups())
    for (at::Tensor p : g.parameters) p.requires_grad_(true);
}

void checkEveryTaskRates(const std::string& baseFolder) {
  TrainConfig c = baseConfig(baseFolder);
  auto classifier = TransformerClassifier::create(c, kTopics, false);
  EXPECT(classifier.ok(), "a classifier is made");
  if (classifier) checkGroupRates(*classifier.value(), "classify", false);
  c.task = "ner";
  c.crf = true;
  auto tagger = TransformerTagger::create(c, TagSet({"DRUG", "DISEASE"}, TagEncoding::IOB2));
  EXPECT(tagger.ok(), "an NER tagger with a CRF is made");
  if (tagger) checkGroupRates(*tagger.value(), "ner", true);
  c.task = "qa";
  auto qa = TransformerQa::create(c);
  EXPECT(qa.ok(), "a QA model is made");
  if (qa) checkGroupRates(*qa.value(), "qa", false);
  document::RelationTypeSpec treats;
  treats.name = "TREATS";
  c.task = "relation";
  auto relation = TransformerRelationModel::create(c, RelationClasses({treats}), {"DRUG", "DISEASE"},
                                                   RelationSettings::fromConfig(c, false));
  EXPECT(relation.ok(), "a relation model is made");
  if (relation) checkGroupRates(*relation.value(), "relation", false);
}

// Gradual unfreezing by epochs: which groups require and get gradients at given epochs.
void checkUnfreezingByEpochs(const std::string& baseFolder) {
  TrainConfig c = baseConfig(baseFolder);
  c.unfreezeEvery = 2;
  auto made = TransformerClassifier::create(c, kTopics, false);
  EXPECT(made.ok(), "a classifier is made");
  if (!made) return;
  TransformerClassifier& m = *made.value();
  auto setup = OptimizerSetup::create(m, c);
  EXPECT(setup.ok(), "the optimizer is set up");
  if (!setup) return;
  const auto docs = makeTopicDocs(4, 9);
  std::vector<ClassifyExample> examples;
  for (const auto& d : docs) examples.push_back({d.text, {0}});
  auto inputs = m.featurize(examples);
  // epoch -> the lowest block that trains (head = L + 1 always; the top layer, L, from epoch 0).
  for (const auto& [epoch, lowest] :
       std::vector<std::pair<int, int>>{{0, 3}, {1, 3}, {2, 2}, {3, 2}, {4, 1}, {6, 0}}) {
    setup->applyUnfreezing(/*step=*/100 * epoch, epoch);
    bool flags = true, grads = true;
    m.module().train();
    at::Tensor loss = m.loss(*inputs, {0, 1, 2, 3}, {});
    loss.backward();
    for (size_t g = 0; g < setup->groups().size(); ++g) {
      const OptimizedGroup& group = setup->groups()[g];
      const bool expected = group.layer >= lowest;
      flags = flags && setup->trains(g, 100 * epoch, epoch) == expected;
      for (const at::Tensor& p : group.parameters) {
        flags = flags && p.requires_grad() == expected;
        grads = grads && p.grad().defined() == expected;
      }
    }
    for (const at::Tensor& p : setup->parameters()) p.mutable_grad().reset();
    EXPECT(flags, "epoch " + std::to_string(epoch) + ": the head and the blocks from " +
                      std::to_string(lowest) + " up require gradients, the others not");
    EXPECT(grads, "epoch " + std::to_string(epoch) + ": and only they get one");
  }
}

std::map<std::string, at::Tensor> lastWeights(const fs::path& run) {
  std::map<std::string, at::Tensor> out;
  auto m = loadDocumentClassifier((run / "last" / "model").string());
  EXPECT(m.ok(), run.filename().string() + ": last/ loads");
  if (m)
    for (const auto& [name, t] : m.value()->weights()) out[name] = t;
  return out;
}

// Whether every tensor of block `block` (0 embeddings, 1 + k layer k) equals the base's.
bool blockUnchanged(const std::map<std::string, at::Tensor>& after, const model::StateDict& base, int block) {
  size_t compared = 0;
  bool same = true;
  for (const auto& [name, t] : base) {
    if (model::parameterBlock(name, kLayers) != block) continue;
    auto found = after.find("bert." + name);
    if (found == after.end()) return false;
    same = same && at::equal(t, found->second);
    ++compared;
  }
  return same && compared > 0;
}

double encoderDistance(const std::map<std::string, at::Tensor>& after, const model::StateDict& base) {
  double sum = 0;
  for (const auto& [name, t] : base) {
    if (model::parameterBlock(name, kLayers) > kLayers) continue;  // the pooler trains with the head
    auto found = after.find("bert." + name);
    if (found == after.end()) continue;
    const double d = (found->second - t).norm().item<double>();
    sum += d * d;
  }
  return std::sqrt(sum);
}

void checkTraining(const std::string& baseFolder, const fs::path& root) {
  auto base = model::readCheckpoint(baseFolder);
  EXPECT(base.ok(), "the base folder reads");
  if (!base) return;
  const auto trainDocs = makeTopicDocs(24, 1), dev = makeTopicDocs(6, 2);  // 3 steps per epoch
  TrainConfig c = baseConfig(baseFolder);
  c.epochs = 3;
  c.unfreezeEvery = 2;
  c.unfreezeUnit = "steps";  // layer.2 from step 0, layer.1 from 2, layer.0 from 4, the embeddings from 6
  c.schedule = "cosine";
  c.warmupSteps = 2;
  c.layerDecay = 0.8;
  c.headLearningRate = 1e-2;
  c.l2spAlpha = 1.0;

  std::map<int64_t, double> rates;  // step done -> the embeddings' rate it used
  auto full = quarry::test::train(c, root / "full", trainDocs, dev, [&](const TrainProgress& p) {
    if (p.phase == "train") rates[p.step] = p.learningRate;
    return true;
  });
  EXPECT(full.ok() && full->steps == 9, "gradual unfreezing + L2-SP + cosine trains 9 steps");
  if (!full) {
    std::printf("error: %s\n", full.error().toString().c_str());
    return;
  }
  const LearningRateSchedule schedule(LearningRateSchedule::Shape::Cosine, 2, 9);
  bool pinned = rates.size() == 9;
  for (const auto& [done, rate] : rates)
    pinned = pinned && near(rate, 5e-3 * std::pow(0.8, 4) * schedule.factor(done - 1));
  EXPECT(pinned, "the embeddings' rate at each step is 5e-3 * 0.8^4 * the cosine factor (warm-up 2)");
  EXPECT(rates[1] == 0 && near(rates[3], 5e-3 * std::pow(0.8, 4)),
         "0 at the first step, the full rate at step 2");
  const json run = json::parse(std::ifstream(root / "full" / "run.json"));
  EXPECT(run["config"]["l2sp_alpha"] == 1.0 && run["config"]["unfreeze_every"] == 2 &&
             run["config"]["schedule"] == "cosine",
         "run.json records the options");
  const auto fullWeights = lastWeights(root / "full");
  bool allChanged = true;
  for (int block = 0; block <= kLayers; ++block)
    allChanged = allChanged && !blockUnchanged(fullWeights, base->weights, block);
  EXPECT(allChanged, "after 9 steps every block has trained");

  // Cancelled at step 2: only the head and the top layer have moved.
  auto two =
      quarry::test::train(c, root / "two", trainDocs, dev, [](const TrainProgress& p) { return p.step < 2; });
  EXPECT(two.ok() && two->steps == 2, "cancelled at step 2");
  const auto twoWeights = lastWeights(root / "two");
  EXPECT(!blockUnchanged(twoWeights, base->weights, 3), "step 2: layer.2 (the top) has trained");
  EXPECT(blockUnchanged(twoWeights, base->weights, 2) && blockUnchanged(twoWeights, base->weights, 1) &&
             blockUnchanged(twoWeights, base->weights, 0),
         "step 2: layer.1, layer.0 and the embeddings are bit-unchanged");

  // Cancelled at step 5, then resumed: bit-identical to the uninterrupted run.
  auto part = quarry::test::train(c, root / "part", trainDocs, dev,
                                  [](const TrainProgress& p) { return p.step < 5; });
  EXPECT(part.ok() && part->end == TrainResult::End::Cancelled && part->steps == 5, "cancelled at step 5");
  const auto partWeights = lastWeights(root / "part");
  EXPECT(!blockUnchanged(partWeights, base->weights, 2) && !blockUnchanged(partWeights, base->weights, 1),
         "step 5: layer.1 (from step 2) and layer.0 (from step 4) have trained");
  EXPECT(blockUnchanged(partWeights, base->weights, 0),
         "step 5: the embeddings (from step 6) are bit-unchanged");
  auto resumed = quarry::test::train(c, root / "part", trainDocs, dev, {}, true);
  EXPECT(resumed.ok() && resumed->steps == 9, "the resumed run ends at step 9");
  const auto resumedWeights = lastWeights(root / "part");
  bool identical = resumedWeights.size() == fullWeights.size() && !fullWeights.empty();
  for (const auto& [name, t] : fullWeights)
    identical = identical && resumedWeights.count(name) && at::equal(t, resumedWeights.at(name));
  EXPECT(identical,
         "resumed after a cancel, gradual unfreezing + L2-SP end bit-identical to the uninterrupted run");
  if (resumed) {
    bool sameScores = full->history.size() == resumed->history.size();
    for (size_t i = 0; sameScores && i < full->history.size(); ++i)
      sameScores = full->history[i]["dev_score"] == resumed->history[i]["dev_score"];
    EXPECT(sameScores, "the same dev scores");
  }

  // L2-SP: the same run without it ends farther from the pre-trained weights.
  TrainConfig plain = c;
  plain.l2spAlpha = 0;
  auto without = quarry::test::train(plain, root / "plain", trainDocs, dev);
  EXPECT(without.ok(), "the run without L2-SP trains");
  const double anchored = encoderDistance(fullWeights, base->weights);
  const double unanchored = encoderDistance(lastWeights(root / "plain"), base->weights);
  std::printf(
      "encoder distance to the pre-trained weights after 9 steps: %.5f with L2-SP (alpha 1), %.5f without\n",
      anchored, unanchored);
  EXPECT(anchored > 0 && anchored < unanchored, "L2-SP keeps the encoder nearer the pre-trained weights");

  // Gradual unfreezing by epochs: cancelled at step 4 (the second epoch's first step), layer.1 has trained.
  TrainConfig byEpochs = plain;
  byEpochs.unfreezeEvery = 1;
  byEpochs.unfreezeUnit = "epochs";
  auto epochs = quarry::test::train(byEpochs, root / "epochs", trainDocs, dev,
                                    [](const TrainProgress& p) { return p.step < 4; });
  EXPECT(epochs.ok() && epochs->steps == 4, "cancelled at step 4 (epoch 2)");
  const auto epochWeights = lastWeights(root / "epochs");
  EXPECT(!blockUnchanged(epochWeights, base->weights, 3) && !blockUnchanged(epochWeights, base->weights, 2),
         "epoch 2: layer.2 and layer.1 have trained");
  EXPECT(blockUnchanged(epochWeights, base->weights, 1) && blockUnchanged(epochWeights, base->weights, 0),
         "epoch 2: layer.0 and the embeddings are bit-unchanged");

  // Refusals at training time (configs that never went through fromJson).
  TrainConfig scratch = baseConfig(baseFolder);
  scratch.kind = ModelKind::FromScratch;
  scratch.modelFolder.clear();
  scratch.unfreezeEvery = 1;
  scratch.epochs = 1;
  auto refused = quarry::test::train(scratch, root / "scratch", trainDocs, dev);
  EXPECT(!refused.ok() && refused.error().field == "unfreeze_every",
         "gradual unfreezing of the n-gram classifier is refused by option");
  TrainConfig random = baseConfig(baseFolder);
  random.modelFolder.clear();
  random.tokenizerFolder = baseFolder;
  random.l2spAlpha = 0.1;
  random.epochs = 1;
  auto noAnchor = quarry::test::train(random, root / "random", trainDocs, dev);
  EXPECT(!noAnchor.ok() && noAnchor.error().field == "l2sp_alpha",
         "L2-SP on a random encoder is refused by option");
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-schedules-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);

  checkScheduleFactors();
  checkConfig();
  const std::string baseFolder = writeTopicBaseFolder(root / "base", kLayers);
  checkEveryTaskRates(baseFolder);
  checkUnfreezingByEpochs(baseFolder);
  checkTraining(baseFolder, root);

  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
