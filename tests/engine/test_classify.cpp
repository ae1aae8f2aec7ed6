// Document classification end to end on the shared Trainer: the scorer's figures pinned to hand-computed
// scikit-learn values, per-label threshold tuning, the n-gram model and a random tiny BERT learning a
// synthetic single- and multi-label task, folders that load back and predict identically (the
// transformer's as a Hugging Face ...ForSequenceClassification folder), bit-identical resume, and clear
// errors on damaged folders.
#include <map>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ops/allclose.h>
#include <nlohmann/json.hpp>

#include "eval/ClassificationMetrics.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerTask.h"
#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace document = quarry::document;
namespace eval = quarry::eval;

namespace {

bool near(double a, double b, double tolerance = 1e-4) { return std::fabs(a - b) < tolerance; }

// Documents of one topic (single-label) or one or two topics (multiLabel), 12 words each.
std::vector<document::AnnotatedDocument> makeDocs(int count, uint64_t seed, bool multiLabel) {
  return quarry::test::makeTopicDocs(count, seed, multiLabel, 12);
}

TrainConfig ngramConfig() {
  TrainConfig c;
  c.task = "classify";
  c.kind = ModelKind::FromScratch;
  c.ngramDim = 16;
  c.charNgramBuckets = 1024;
  c.minFeatureCount = 1;
  c.dropout = 0.1;
  c.epochs = 10;
  c.batchSize = 8;
  c.patience = 0;
  c.seed = 11;
  return c;
}

using quarry::test::writeTopicTokenizer;
using quarry::test::train;

void checkScorer() {
  // Single-label, sklearn: precision_recall_fscore_support(["A","A","B","C","C","C"],
  // ["A","B","B","C","C","A"]) and accuracy_score.
  const std::vector<std::string> labels = {"A", "B", "C"};
  const eval::ClassificationReport s =
      eval::scoreClassification(labels, {{0}, {0}, {1}, {2}, {2}, {2}}, {{0}, {1}, {1}, {2}, {2}, {0}}, false);
  EXPECT(near(s.accuracy, 4.0 / 6), "accuracy 4/6");
  EXPECT(near(s.micro.f1, 4.0 / 6) && near(s.micro.precision, 4.0 / 6), "micro F1 = accuracy for single-label");
  EXPECT(near(s.perLabel[0].f1, 0.5) && near(s.perLabel[1].precision, 0.5) && near(s.perLabel[1].recall, 1.0) &&
             near(s.perLabel[1].f1, 2.0 / 3) && near(s.perLabel[2].recall, 2.0 / 3) && near(s.perLabel[2].f1, 0.8),
         "per-label P/R/F1");
  EXPECT(near(s.macro.f1, (0.5 + 2.0 / 3 + 0.8) / 3) && near(s.macro.precision, 2.0 / 3) &&
             near(s.macro.recall, (0.5 + 1 + 2.0 / 3) / 3),
         "macro = the mean of the per-label figures (sklearn average='macro')");
  EXPECT(s.confusion.size() == 4 && s.confusion[0][0] == 1 && s.confusion[0][1] == 1 && s.confusion[2][0] == 1 &&
             s.confusion[2][2] == 2 && s.confusion[1][1] == 1,
         "confusion matrix rows gold, columns predicted");
  EXPECT(s.formatTable().find("macro avg") != std::string::npos, "the table has the averages");

  // Multi-label indicator matrices: W is never gold nor predicted and still counts in the macro average
  // (sklearn over every column, zero_division=0).
  const eval::ClassificationReport m = eval::scoreClassification(
      {"X", "Y", "Z", "W"}, {{0}, {0, 1}, {}, {2}}, {{0}, {0}, {1}, {2, 0}}, true);
  EXPECT(near(m.micro.precision, 0.6) && near(m.micro.recall, 0.75) && near(m.micro.f1, 2.0 / 3), "multi-label micro");
  EXPECT(near(m.perLabel[0].f1, 0.8) && near(m.perLabel[1].f1, 0) && near(m.perLabel[2].f1, 1), "multi-label per label");
  EXPECT(near(m.macro.f1, 1.8 / 4), "multi-label macro over every label");
  EXPECT(near(m.accuracy, 0.25), "subset accuracy");
  EXPECT(m.confusion.empty(), "no confusion matrix for multi-label");

  // Thresholds: label 0 separates anywhere in (0.3, 0.6] -> the grid point nearest 0.5; label 1 only at 0.15.
  const std::vector<float> t = tuneThresholds({{0.9f, 0.15f}, {0.6f, 0.12f}, {0.3f, 0.1f}, {0.2f, 0.05f}},
                                              {{0, 1}, {0}, {}, {}}, 3);
  EXPECT(t.size() == 3 && near(t[0], 0.5) && near(t[1], 0.15) && near(t[2], 0.5), "tuned thresholds");
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-classify-" + std::to_string(::getpid()));
  fs::remove_all(root);
  checkScorer();

  // 1. Single-label n-gram model.
  const auto trainDocs = makeDocs(150, 1, false), dev = makeDocs(40, 2, false);
  auto single = train(ngramConfig(), root / "ngram", trainDocs, dev);
  EXPECT(single.ok(), "n-gram training runs");
  if (single) {
    std::printf("ngram single-label dev micro F1 %.4f after %lld steps (%s)\n", single->bestDevScore,
                static_cast<long long>(single->steps), single->describeModel.c_str());
    EXPECT(single->task == "classify" && single->bestDevReport.primaryName == "micro_f1", "task and primary metric");
    EXPECT(single->bestDevScore > 0.95, "the n-gram model learns the topics (dev micro F1 > 0.95)");
    EXPECT(single->history.size() == 10, "one evaluation per epoch");
    auto task = modelFolderTask(single->bestFolder);
    EXPECT(task.ok() && *task == "classify", "the folder says it is a classifier");
    auto again = evaluateModelFolder(single->bestFolder, dev);
    EXPECT(again.ok() && near(again->primary, single->bestDevScore, 1e-12), "best/ scores the best dev figure again");
    auto loaded = loadDocumentClassifier(single->bestFolder);
    EXPECT(loaded.ok() && !loaded.value()->multiLabel(), "best/ loads as single-label");
    if (loaded) {
      const ClassifyRun run = classifyDocuments(*loaded.value(), dev, 7);
      bool oneEach = true;
      for (const auto& p : run.predicted) oneEach = oneEach && p.size() == 1 && p[0].confidence > 0.3;
      EXPECT(oneEach && run.predicted.size() == dev.size(), "one label per document with its probability");
    }
  }

  // 2. Multi-label: per-label thresholds tuned on dev and saved.
  const auto trainMulti = makeDocs(200, 3, true), devMulti = makeDocs(50, 4, true);
  auto multi = train(ngramConfig(), root / "multi", trainMulti, devMulti);
  EXPECT(multi.ok(), "multi-label training runs");
  if (multi) {
    std::printf("ngram multi-label dev micro F1 %.4f\n", multi->bestDevScore);
    EXPECT(multi->bestDevScore > 0.9, "multi-label dev micro F1 > 0.9");
    EXPECT(multi->data.value("multi_label", false), "documents with several labels make the task multi-label");
    nlohmann::json meta = nlohmann::json::parse(std::ifstream(fs::path(multi->bestFolder) / "quarry_task.json"));
    EXPECT(meta["thresholds"].size() == 3 && meta["multi_label"] == true, "thresholds saved per label");
  }

  // 3. Resume: cancelled after 9 steps and resumed == one uninterrupted run, bit for bit.
  {
    TrainConfig c = ngramConfig();
    c.epochs = 3;
    auto full = train(c, root / "full", trainDocs, dev);
    auto cancelled = train(c, root / "part", trainDocs, dev, [](const TrainProgress& p) { return p.step < 9; });
    EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled && cancelled->steps == 9,
           "cancel within one step");
    auto resumed = train(c, root / "part", trainDocs, dev, {}, true);
    EXPECT(full.ok() && resumed.ok() && resumed->steps == full->steps, "the resumed run ends at the same step");
    auto a = loadDocumentClassifier((root / "full" / "last" / "model").string());
    auto b = loadDocumentClassifier((root / "part" / "last" / "model").string());
    EXPECT(a.ok() && b.ok(), "both last states load");
    if (a && b) {
      bool same = true;
      const auto wa = a.value()->weights(), wb = b.value()->weights();
      for (const auto& [name, t] : wa) {
        auto it = wb.find(name);
        same = same && it != wb.end() && at::allclose(t, it->second, 0, 0);
      }
      EXPECT(same, "resumed weights are bit-identical to the uninterrupted run's");
    }
  }

  // 4. A random tiny BERT with a sequence-classification head; long documents in windows.
  {
    TrainConfig c;
    c.task = "classify";
    c.kind = ModelKind::Transformer;
    c.tokenizerFolder = writeTopicTokenizer(root / "tok");
    c.randomLayers = 1;
    c.randomHidden = 32;
    c.randomHeads = 2;
    c.randomIntermediate = 64;
    c.maxLength = 12;  // documents are ~15 tokens: two windows each
    c.stride = 4;
    c.epochs = 15;
    c.batchSize = 8;
    c.learningRate = 3e-3;
    c.patience = 0;
    auto r = train(c, root / "bert", trainDocs, dev);
    EXPECT(r.ok(), "transformer classifier trains");
    if (r) {
      std::printf("random bert classifier dev micro F1 %.4f (%s)\n", r->bestDevScore, r->describeModel.c_str());
      EXPECT(r->bestDevScore > 0.8, "random BERT dev micro F1 > 0.8");
      const fs::path best = r->bestFolder;
      nlohmann::json config = nlohmann::json::parse(std::ifstream(best / "config.json"));
      EXPECT(config["architectures"][0] == "BertForSequenceClassification" &&
                 config["problem_type"] == "single_label_classification" && config["id2label"].size() == 3,
             "a Hugging Face ...ForSequenceClassification folder");
      auto again = evaluateModelFolder(best.string(), dev);
      EXPECT(again.ok() && near(again->primary, r->bestDevScore, 1e-12), "the reloaded transformer scores the same");
    }
  }

  // 5. Damaged or wrong folders: errors that name the file and field.
  {
    TrainRequest ner;
    ner.config.epochs = 1;
    document::AnnotatedDocument d;
    d.id = "x";
    d.text = "aspirin helps";
    d.entities.push_back({0, 7, "DRUG", {}});
    ner.train = {d};
    ner.outputFolder = (root / "ner").string();
    auto nerRun = runTraining(ner);
    EXPECT(nerRun.ok() && nerRun->task == "ner", "an NER run through the same entry");
    if (nerRun) {
      auto wrong = loadDocumentClassifier(nerRun->bestFolder);
      EXPECT(!wrong.ok() && wrong.error().message.find("NER model folder") != std::string::npos,
             "an NER folder is refused as a classifier, saying what it is");
    }
    if (single) {
      const fs::path copy = root / "damaged";
      fs::copy(single->bestFolder, copy, fs::copy_options::recursive);
      nlohmann::json meta = nlohmann::json::parse(std::ifstream(copy / "quarry_task.json"));
      meta["labels"] = {"sports", "sports", "health"};
      std::ofstream(copy / "quarry_task.json") << meta.dump();
      auto dup = loadDocumentClassifier(copy.string());
      EXPECT(!dup.ok() && dup.error().field == "labels[1]", "a label listed twice is named");
      meta["labels"] = {"finance", "health", "sports"};
      meta["word_features"] = meta["word_features"].get<int64_t>() + 1;
      std::ofstream(copy / "quarry_task.json") << meta.dump();
      auto count = loadDocumentClassifier(copy.string());
      EXPECT(!count.ok() && count.error().file.find("features.txt") != std::string::npos,
             "features.txt not matching quarry_task.json is named");
      meta["task"] = "ner-ish";
      std::ofstream(copy / "quarry_task.json") << meta.dump();
      auto other = loadDocumentClassifier(copy.string());
      EXPECT(!other.ok() && other.error().field == "task", "a folder of another task is refused");
    }
    TrainRequest unlabelled;
    unlabelled.config = ngramConfig();
    unlabelled.train = makeDocs(5, 9, false);
    for (auto& doc : unlabelled.train) doc.labels.clear();
    unlabelled.outputFolder = (root / "none").string();
    auto none = runTraining(unlabelled);
    EXPECT(!none.ok() && none.error().message.find("no label") != std::string::npos, "no labels: a clear error");
    TrainRequest forcedSingle;
    forcedSingle.config = ngramConfig();
    forcedSingle.config.multiLabel = "no";
    forcedSingle.train = trainMulti;
    forcedSingle.outputFolder = (root / "forced").string();
    auto refused = runTraining(forcedSingle);
    EXPECT(!refused.ok() && refused.error().field == "multi_label", "multi_label=no with several labels is refused");
  }

  // 6. The option declaration: classify-only keys say so, the NER listing leaves them out.
  {
    bool marked = false, nerHasNgram = false, classifyHasNgram = false;
    for (const auto& [key, help] : TrainConfig::describe())
      marked = marked || (key.rfind("ngram_dim", 0) == 0 && help.find("[classify only]") != std::string::npos);
    for (const auto& [key, help] : TrainConfig::describe("ner")) nerHasNgram = nerHasNgram || key.rfind("ngram_dim", 0) == 0;
    for (const auto& [key, help] : TrainConfig::describe("classify"))
      classifyHasNgram = classifyHasNgram || key.rfind("ngram_dim", 0) == 0;
    EXPECT(marked && !nerHasNgram && classifyHasNgram, "options say which task they belong to");
    auto bad = TrainConfig::fromJson({{"task", "classify"}, {"model", "bilstm-crf"}});
    EXPECT(!bad.ok() && bad.error().field == "model", "a model of another task is refused by key");
    auto ok = TrainConfig::fromJson({{"task", "classify"}, {"model", "ngram"}});
    EXPECT(ok.ok() && ok->kind == ModelKind::FromScratch && ok->toJson()["model"] == "ngram", "ngram round-trips");
    EXPECT(ok.ok() && near(ok->dropout, 0.1), "the task's own default (dropout 0.1 for classify)");
    auto ner = TrainConfig::fromJson(nlohmann::json::object());
    EXPECT(ner.ok() && near(ner->dropout, 0.5) && ner->task == "ner", "NER keeps its defaults");
    bool listed = false;
    for (const auto& [key, help] : TrainConfig::describe("classify")) listed = listed || key == "dropout = 0.1";
    EXPECT(listed, "--help-config --task classify shows the task's default");
    // The models each option applies to (the Train dialog shows a model's options only).
    std::map<std::string, TrainConfig::OptionModels> models;
    for (const TrainConfig::OptionInfo& o : TrainConfig::options()) models[o.key] = o.models;
    using M = TrainConfig::OptionModels;
    EXPECT(models["random_layers"] == M::RandomEncoder && models["max_length"] == M::Transformer &&
               models["tokenizer_folder"] == M::Transformer && models["lstm_hidden"] == M::FromScratch &&
               models["ngram_dim"] == M::FromScratch && models["dropout"] == M::FromScratch &&
               models["relation_filters"] == M::FromScratch && models["learning_rate"] == M::Any &&
               models["max_answer_length"] == M::Any && models["relation_threshold"] == M::Any,
           "options name their models");
    TrainConfig::OptionInfo randomOnly;
    randomOnly.models = M::RandomEncoder;
    EXPECT(randomOnly.appliesToModel(ModelKind::Transformer, true) &&
               !randomOnly.appliesToModel(ModelKind::Transformer, false) &&
               !randomOnly.appliesToModel(ModelKind::FromScratch, false),
           "a random encoder's options apply to it alone");
  }

  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
