// ELECTRA-style pretraining (replaced-token detection) on the shared Trainer: the generator's sampling (the
// inverse of the cumulative probabilities at a seeded draw: exact on one-hot rows, never an excluded id,
// frequencies as the probabilities, the draws a pure function of their arguments), a tiny random ELECTRA
// whose discriminator and generator dev losses fall, bit-identical resume, the saved folder (an
// ElectraForPreTraining with generator/ inside) reloading with the same dev figures, continuing from it,
// serving as a classifier's base model, and the refusals (a BERT folder, an unknown objective).
//
// With QUARRY_TEST_ARTIFACTS_DIR set, the saved folder and the discriminator's logits on one sentence are
// kept there (electra-pretrained/, electra-expect.json) for ../shared/peer-hf/check_export.py.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/Context.h>
#include <ATen/core/Generator.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/tensor.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "PretrainingTestSupport.h"
#include "text/TokenizerFactory.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/mlm/ElectraPretrainingModel.h"
#include "train/mlm/MaskedLmTask.h"

namespace fs = std::filesystem;
using namespace quarry::train;
using namespace pretraining_test;
namespace document = quarry::document;

namespace {

// `rows` copies of the row `p` sampled with the draws of items 0..rows-1 at `position`.
std::vector<int64_t> sampleRows(const std::vector<float>& p, int rows, uint64_t seed, int64_t epoch,
                                int64_t position) {
  std::vector<double> draws;
  for (int k = 0; k < rows; ++k)
    draws.push_back(ElectraPretrainingModel::samplingDraw(seed, epoch, k, position));
  const at::Tensor table =
      at::tensor(p, at::kFloat).unsqueeze(0).expand({rows, static_cast<int64_t>(p.size())});
  const at::Tensor sampled = ElectraPretrainingModel::sampleTokens(table, draws).contiguous();
  return std::vector<int64_t>(sampled.data_ptr<int64_t>(), sampled.data_ptr<int64_t>() + rows);
}

void checkSampling() {
  bool exact = true;
  for (int64_t t : sampleRows({0, 0, 1, 0}, 200, 7, 0, 3)) exact = exact && t == 2;
  EXPECT(exact, "a one-hot row always gives its token");
  bool bounds = true;
  for (int64_t t : sampleRows({0, 1, 1, 0}, 2000, 7, 0, 5)) bounds = bounds && (t == 1 || t == 2);
  EXPECT(bounds, "ids of probability 0 at either end are never taken");

  const std::vector<float> p{0.5f, 0.0f, 0.3f, 0.2f};
  std::vector<int> counts(4, 0);
  const int draws = 40000;
  for (int64_t t : sampleRows(p, draws, 11, 3, 1)) ++counts[static_cast<size_t>(t)];
  std::printf("sampled frequencies: %.4f %.4f %.4f %.4f\n", counts[0] / double(draws),
              counts[1] / double(draws), counts[2] / double(draws), counts[3] / double(draws));
  EXPECT(counts[1] == 0, "an id of probability 0 (excluded) is never sampled");
  for (int v : {0, 2, 3})
    EXPECT(std::fabs(counts[v] / double(draws) - p[v]) < 0.01, "frequencies follow the probabilities");

  // Unnormalised rows are sampled as their normalisation; the draws are a pure function of their arguments.
  const auto a = sampleRows(p, 500, 11, 3, 1);
  EXPECT(a == sampleRows({5.0f, 0.0f, 3.0f, 2.0f}, 500, 11, 3, 1) && a == sampleRows(p, 500, 11, 3, 1),
         "a pure function of (seed, epoch, item, position), whatever the row's scale");
  EXPECT(a != sampleRows(p, 500, 11, 4, 1), "another epoch draws other samples");
  // The ranking figure: Mann-Whitney with ties counted half.
  MaskedLmScore score;
  score.rtdLogits = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f};
  score.rtdLabels = {0, 0, 1, 1, 1};
  // Replaced {0.35, 0.8, 0.4} against original {0.1, 0.4}: pairs won 1 + 0 (0.35 vs 0.4), 2, 1 + 0.5 = 4.5
  // of 6.
  EXPECT(std::fabs(score.rtdAuc() - 4.5 / 6) < 1e-12, "AUC as Mann-Whitney, ties half");
  score.rtdLabels = {0, 0, 0, 0, 0};
  EXPECT(score.rtdAuc() == 0.5, "AUC 0.5 without replaced tokens");
  const double u = ElectraPretrainingModel::samplingDraw(1, 2, 3, 4);
  EXPECT(u > 0 && u <= 1 && u == ElectraPretrainingModel::samplingDraw(1, 2, 3, 4), "a draw lies in (0, 1]");
}

// The discriminator's logits on one sentence, as check_export.py --expect reads them.
void writeExpectation(const fs::path& folder, const fs::path& file) {
  auto model = ElectraPretrainingModel::load(folder.string());
  if (!model) return;
  model.value()->module().eval();
  const std::string text = "The nurse sat on a chair .";
  const auto encoding = model.value()->tokenizer().encode(text);
  std::vector<int64_t> ids(encoding.ids.begin(), encoding.ids.end());
  at::NoGradGuard noGrad;
  const at::Tensor input = at::tensor(ids, at::kLong).reshape({1, -1});
  const at::Tensor logits = model.value()->discriminator()->forward(input).logits.contiguous();
  nlohmann::json j;
  j["text"] = nlohmann::json::array({text});
  j["input_ids"] = nlohmann::json::array({ids});
  std::vector<float> row(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
  j["logits"] = nlohmann::json::array({row});
  std::ofstream(file) << j.dump() << '\n';
}

}  // namespace

int main() {
  checkSampling();

  const fs::path root = fs::temp_directory_path() / ("quarry-test-electra-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string vocab = writeVocab(root / "vocab");
  const auto docs = corpus(160, 1);
  TrainConfig config = tinyConfig(vocab);
  config.pretrainObjective = "electra";
  config.electraGeneratorSize = 0.5;
  config.epochs = 4;

  // 0. The untrained model's dev figures.
  TrainRequest request;
  request.config = config;
  request.train = docs;
  auto probe = MaskedLmTask::create(request);
  EXPECT(probe.ok(), "a pretraining task");
  if (!probe) return 1;
  double initialLoss = 0, initialGeneratorLoss = 0;
  {
    at::manual_seed(config.seed);
    auto model = probe.value()->createModel(config);
    EXPECT(model.ok(), model ? "an ELECTRA pair from a random encoder" : model.error().message);
    if (!model) return 1;
    EXPECT(model.value()->describe().find("electra 1x32 discriminator + bert 1x16 generator") == 0,
           "the generator is half as wide, as deep: " + model.value()->describe());
    model.value()->module().eval();
    (void)probe.value()->featurizeTrain(*model.value());
    auto dev = probe.value()->featurizeDev(*model.value());
    auto report = probe.value()->evaluate(*model.value(), *dev.value(), 32);
    EXPECT(report.ok() && report->primaryName == "generator_inverse_perplexity",
           "the primary figure is the generator's 1/perplexity");
    if (!report) return 1;
    initialLoss = report->details["loss"].get<double>();
    initialGeneratorLoss = report->details["generator_loss"].get<double>();
    std::printf("untrained: %s", report->table.c_str());
    EXPECT(report->details["replaced_share"].get<double>() > 0.05,
           "an untrained generator replaces most masked tokens");
  }

  // 1. Four epochs: both losses fall.
  auto full = train(config, root / "full", docs);
  EXPECT(full.ok(), full ? "the tiny ELECTRA trains" : "the tiny ELECTRA trains: " + full.error().message);
  if (!full) return 1;
  {
    const auto& h = full->history;
    EXPECT(h.size() == 4, "one evaluation per epoch");
    for (const auto& e : h)
      std::printf("epoch %d: replaced AUC %.4f, F1 %.4f, discriminator loss %.4f, generator loss %.4f\n",
                  e.value("epoch", 0), e.value("dev_replaced_auc", 0.0), e.value("dev_replaced_f1", 0.0),
                  e["dev_loss"].get<double>(), e["dev_generator_loss"].get<double>());
    const double last = h.back()["dev_loss"].get<double>();
    EXPECT(last < 0.8 * initialLoss, "the discriminator's dev loss falls by a fifth or more");
    EXPECT(h.back()["dev_generator_loss"].get<double>() < 0.8 * initialGeneratorLoss,
           "the generator's dev loss falls by a fifth or more");
    EXPECT(full->bestDevReport.primaryName == "generator_inverse_perplexity" &&
               full->bestStep == full->steps &&
               full->bestDevReport.details["replaced_auc"].get<double>() > 0.75,
           "best/ is the last evaluation, whose discriminator ranks replaced tokens above original ones (AUC "
           "> 0.75)");
    EXPECT(full->data.value("objective", "") == "electra", "the data record names the objective");
  }

  // 2. Cancel after two epochs; the resumed run ends with the uninterrupted one's weights, bit for bit
  // (the generator's samples included).
  {
    const int64_t stepsPerEpoch = full->steps / config.epochs;
    auto cancelled = train(config, root / "part", docs, [&](const TrainProgress& p) {
      return p.phase != "train" || p.step < 2 * stepsPerEpoch;
    });
    EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled, "cancelled after two epochs");
    auto resumed = train(config, root / "part", docs, {}, true);
    EXPECT(resumed.ok() && resumed->steps == full->steps, "the resumed run ends at the same step");
    auto a = probe.value()->loadModel((root / "full" / "last" / "model").string());
    auto b = probe.value()->loadModel((root / "part" / "last" / "model").string());
    EXPECT(a.ok() && b.ok(), "both last states load");
    if (a && b) {
      const auto wa = a.value()->weights();
      EXPECT(wa.count("generator.cls.predictions.bias") &&
                 wa.count("electra.encoder.layer.0.output.dense.weight") &&
                 wa.count("discriminator_predictions.dense_prediction.weight"),
             "both models' tensors, the generator's under generator.");
      EXPECT(sameWeights(wa, b.value()->weights()), "resumed weights are bit-identical");
    }
  }

  // 3. The saved folder: an ElectraForPreTraining with generator/ inside, reloading with the same figures.
  const fs::path best = full->bestFolder;
  nlohmann::json hf = nlohmann::json::parse(std::ifstream(best / "config.json"));
  EXPECT(hf["architectures"][0] == "ElectraForPreTraining" && hf["model_type"] == "electra" &&
             hf["embedding_size"] == 32,
         "config.json names ElectraForPreTraining");
  nlohmann::json generatorConfig = nlohmann::json::parse(std::ifstream(best / "generator" / "config.json"));
  EXPECT(generatorConfig["architectures"][0] == "BertForMaskedLM" && generatorConfig["hidden_size"] == 16,
         "generator/ is a BertForMaskedLM half as wide");
  EXPECT(fs::is_regular_file(best / "vocab.txt") && fs::is_regular_file(best / "generator" / "vocab.txt"),
         "both carry the tokenizer");
  nlohmann::json taskFile = nlohmann::json::parse(std::ifstream(best / "quarry_task.json"));
  EXPECT(taskFile["task"] == "mlm" && taskFile["objective"] == "electra",
         "quarry_task.json names the objective");
  {
    const fs::path damaged = root / "damaged";
    fs::copy(best, damaged, fs::copy_options::recursive);
    nlohmann::json bad = taskFile;
    bad["electra_disc_weight"] = "heavy";
    std::ofstream(damaged / "quarry_task.json") << bad.dump();
    auto refused = ElectraPretrainingModel::load(damaged.string());
    EXPECT(!refused.ok() && refused.error().field == "electra_disc_weight",
           "a saved discriminator weight that is not a number is refused, naming the field");
  }
  {
    auto model = probe.value()->loadModel(best.string());
    EXPECT(model.ok(), "the best folder loads");
    if (model) {
      model.value()->module().eval();
      (void)probe.value()->featurizeTrain(*model.value());
      auto dev = probe.value()->featurizeDev(*model.value());
      auto report = probe.value()->evaluate(*model.value(), *dev.value(), 32);
      EXPECT(report.ok() && std::fabs(report->primary - full->bestDevScore) < 1e-9,
             "the reloaded model has the same dev figures");

      TrainRequest classify;
      classify.config = TrainConfig::defaultsFor("classify");
      classify.config.kind = ModelKind::Transformer;
      classify.config.modelFolder = best.string();
      classify.config.maxLength = 16;
      classify.config.stride = 4;
      for (int i = 0; i < 10; ++i) {
        document::AnnotatedDocument d = docs[static_cast<size_t>(i)];
        d.labels = {i % 2 ? "odd" : "even"};
        classify.train.push_back(d);
      }
      auto classifyTask = ClassifyTask::create(classify);
      auto classifier = classifyTask ? classifyTask.value()->createModel(classify.config)
                                     : quarry::Result<std::unique_ptr<TaskModel>>(classifyTask.error());
      EXPECT(classifier.ok(), classifier ? "a classifier on the ELECTRA folder" : classifier.error().message);
      const std::string weight = "electra.encoder.layer.0.attention.self.query.weight";
      if (classifier)
        EXPECT(
            at::allclose(classifier.value()->weights().at(weight), model.value()->weights().at(weight), 0, 0),
            "the classifier's encoder is the pretrained discriminator");
    }
  }

  // 4. Continuing from the folder; a BERT folder and an unknown objective are refused.
  {
    TrainConfig more = config;
    more.tokenizerFolder.clear();
    more.modelFolder = best.string();
    more.epochs = 1;
    auto continued = train(more, root / "continued", docs);
    EXPECT(continued.ok(),
           continued ? "pretraining continues from the ELECTRA folder" : continued.error().message);
    if (continued)
      EXPECT(continued->describeModel.find("electra 1x32 discriminator + bert 1x16 generator") == 0,
             "with the folder's own generator");

    more.modelFolder = (best / "generator").string();
    auto refused = train(more, root / "refused", docs);
    EXPECT(
        !refused.ok() && refused.error().field == "model_type" &&
            refused.error().message.find("continue it with pretrain_objective \"mlm\"") != std::string::npos,
        "a BERT folder is refused for ELECTRA pretraining, naming the objective that continues it");

    auto bad =
        TrainConfig::fromJson({{"task", "mlm"}, {"model", "transformer"}, {"pretrain_objective", "gan"}});
    EXPECT(!bad.ok() && bad.error().field == "pretrain_objective", "an unknown objective is refused");
    auto badSize = TrainConfig::fromJson({{"task", "mlm"}, {"electra_generator_size", 1.5}});
    EXPECT(!badSize.ok() && badSize.error().field == "electra_generator_size",
           "a generator wider than the discriminator is refused");
  }

  if (const char* artifacts = std::getenv("QUARRY_TEST_ARTIFACTS_DIR"); artifacts && *artifacts) {
    const fs::path kept = fs::path(artifacts) / "electra-pretrained";
    std::error_code ec;
    fs::remove_all(kept, ec);
    fs::create_directories(kept.parent_path(), ec);
    fs::copy(best, kept, fs::copy_options::recursive, ec);
    if (!ec) writeExpectation(kept, fs::path(artifacts) / "electra-expect.json");
  }
  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures ? "FAILED" : "all passed");
  return quarry::test::g_failures ? 1 : 0;
}
