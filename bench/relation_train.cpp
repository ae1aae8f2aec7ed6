// bench_relation_train: relation extraction on the staged corpora, declared splits, one table.
//   bench_relation_train [--corpus semeval|ddi|bc5cdr] [--model cnn|transformer] [--epochs N]
//                        [--ner-epochs N] [--tokenizer DIR] [--threads N] [--output DIR] [--set key=value ...]
//
// SPLITS (fixed, declared here; no official test split is used anywhere):
//   semeval2010-task8: TRAIN_FILE.TXT by sentence id: id % 10 == 0 -> test (the scored 10%), id % 10 == 1
//     -> dev (early stopping), else train. Score: the official (9+1)-way macro-F1 with direction.
//   ddi-2013: the 714 Train documents (brat, DrugBank and MedLine) sorted by name: position % 5 == 0 ->
//     test (20%), position % 10 == 1 -> dev, else train. Mention pairs in one sentence; per-type F1.
//   bc5cdr-pubtator: CDR_TrainingSet sorted by PMID: position % 10 == 0 -> dev (early stopping), else
//     train; scored on CDR_DevelopmentSet (the official development set), document level: CID pairs of
//     MeSH ids, mention pairs within relation_window sentences aggregated per concept pair.
// With --ner-epochs N a BiLSTM-CRF NER model is trained on the same train/dev documents and the relation
// model is also scored end to end on its mentions (linked to concepts by the training surface forms for
// BC5CDR). The baseline labels every candidate pair with the most frequent relation class of training
// (for SemEval the most frequent class its official score counts, Other being left out of it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include <ATen/Parallel.h>
#include <QString>
#include <nlohmann/json.hpp>

#include "BenchOptions.h"
#include "ConllCorpus.h"
#include "common/Log.h"
#include "common/ProcessMemory.h"
#include "jobs/EngineDocuments.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/relation/RelationPipeline.h"
#include "train/relation/RelationPrediction.h"

using namespace quarry;
namespace fs = std::filesystem;

namespace {

struct Splits {
  std::vector<document::AnnotatedDocument> train, dev, test;
  std::vector<document::RelationTypeSpec> schema;
  std::string level = "mention";
  int window = 0;
};

Result<jobs::DocumentSet> read(const fs::path& path, const char* format) {
  return jobs::documentsFromFile(QString::fromStdString(path.string()), QString::fromLatin1(format));
}

void sortById(std::vector<document::AnnotatedDocument>& docs) {
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

Result<Splits> readCorpus(const std::string& corpus, const fs::path& datasets) {
  Splits s;
  if (corpus == "semeval") {
    auto set = read(datasets / "semeval2010-task8" / "TRAIN_FILE.TXT", "semeval");
    if (!set) return set.error();
    for (auto& d : set->documents) {
      const long id = std::stol(d.id);
      (id % 10 == 0 ? s.test : id % 10 == 1 ? s.dev : s.train).push_back(std::move(d));
    }
    s.schema = set->relationSpecs;
    return s;
  }
  if (corpus == "ddi") {
    std::vector<document::AnnotatedDocument> all;
    for (const char* source : {"DrugBank", "MedLine"}) {
      auto set = read(datasets / "ddi-2013" / "brat" / "Train" / source, "brat");
      if (!set) return set.error();
      for (auto& d : set->documents) all.push_back(std::move(d));
      s.schema = set->relationSpecs;
    }
    sortById(all);
    for (size_t i = 0; i < all.size(); ++i) (i % 5 == 0 ? s.test : i % 10 == 1 ? s.dev : s.train).push_back(std::move(all[i]));
    return s;
  }
  if (corpus == "bc5cdr") {
    auto train = read(datasets / "bc5cdr-pubtator" / "CDR_TrainingSet.PubTator.txt", "pubtator");
    if (!train) return train.error();
    auto dev = read(datasets / "bc5cdr-pubtator" / "CDR_DevelopmentSet.PubTator.txt", "pubtator");
    if (!dev) return dev.error();
    sortById(train->documents);
    for (size_t i = 0; i < train->documents.size(); ++i) (i % 10 == 0 ? s.dev : s.train).push_back(std::move(train->documents[i]));
    s.test = std::move(dev->documents);
    s.level = "concept";
    s.window = 2;
    return s;
  }
  return Error("unknown corpus \"" + corpus + "\" (semeval, ddi, bc5cdr)", "", 0, "corpus");
}

// Every candidate labelled with the most frequent relation class of the training candidates.
train::MetricReport baseline(const train::RelationModel& model, const Splits& s, const std::string& metric) {
  const auto trainMentions = train::goldMentions(s.train);
  std::vector<int64_t> counts(model.classes().size(), 0);
  for (const auto& c : train::modelCandidates(model, s.train, trainMentions, true)) ++counts[static_cast<size_t>(c.label)];
  // The official SemEval score leaves Other out: its baseline is the most frequent class it scores.
  if (metric == "semeval" || metric == "official_macro_f1")
    for (size_t k = 1; k < counts.size(); ++k)
      if (model.classes().typeOf(static_cast<int32_t>(k)) == "Other") counts[k] = -1;
  const auto majority = static_cast<size_t>(std::max_element(counts.begin() + 1, counts.end()) - counts.begin());
  const auto mentions = train::goldMentions(s.test);
  train::RelationRun run;
  run.candidates = train::modelCandidates(model, s.test, mentions, true);
  for (size_t i = 0; i < run.candidates.size(); ++i) {
    std::vector<float> p(model.classes().size(), 0.0f);
    p[majority] = 1.0f;
    run.probabilities.push_back(std::move(p));
  }
  // Concept level: certainty 1 against none is infinite log-odds; 0.99 keeps the arithmetic finite.
  for (auto& p : run.probabilities) {
    p[majority] = 0.99f;
    p[0] = 0.01f;
  }
  train::decideRelations(model, mentions, s.test.size(), run);
  return train::relationMetricReport(model, s.test, mentions, run, metric, true);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "semeval", kind = "cnn";
  std::string tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  std::string output = (fs::temp_directory_path() / "quarry-bench-relation").string();
  int epochs = 0, threads = 0, nerEpochs = 0;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--model") kind = v;
    else if (a == "--epochs") epochs = std::stoi(v);
    else if (a == "--ner-epochs") nerEpochs = std::stoi(v);
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
  logOptions.level = "warn";
  log::init(logOptions);
  model::configureCpuThreads({threads});
  const fs::path datasets = fs::path(bench::sharedDir()) / "datasets";
  if (!fs::is_directory(datasets)) {
    std::printf("SKIP: %s not found\n", datasets.c_str());
    return 0;
  }
  auto splits = readCorpus(corpus, datasets);
  if (!splits) {
    std::fprintf(stderr, "%s\n", splits.error().toString().c_str());
    return 1;
  }
  const Splits& s = splits.value();

  nlohmann::json config = {{"task", "relation"}, {"patience", 3}, {"seed", 1}, {"relation_level", s.level},
                           {"relation_window", s.window}};
  if (kind == "transformer") {
    config.update({{"model", "transformer"},
                   {"tokenizer_folder", tokenizer},
                   {"random_layers", 4},
                   {"random_hidden", 256},
                   {"random_heads", 4},
                   {"random_intermediate", 1024},
                   {"max_length", 96},
                   {"epochs", 5},
                   {"learning_rate", 2e-4},
                   {"batch_size", 32}});
  } else {
    config.update({{"model", "cnn"}, {"epochs", 15}, {"learning_rate", 1e-3}});
  }
  if (s.level == "concept") config["negative_ratio"] = 4;
  if (epochs > 0) config["epochs"] = epochs;
  config.update(overrides);
  std::optional<train::TrainRequest> made = bench::trainingRequest(config, output);
  if (!made) return 2;
  train::TrainRequest& request = *made;
  request.train = s.train;
  request.dev = s.dev;
  request.relationTypes = s.schema;
  const auto started = std::chrono::steady_clock::now();
  auto result = train::runTraining(request);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    std::fprintf(stderr, "training failed: %s\n", result.error().toString().c_str());
    return 1;
  }
  auto model = train::loadRelationModel(result->bestFolder);
  if (!model) {
    std::fprintf(stderr, "%s\n", model.error().toString().c_str());
    return 1;
  }
  const std::string metric = result->data.value("metric", std::string("micro"));
  const auto mentions = train::goldMentions(s.test);
  const train::RelationRun run = train::runRelationModel(*model.value(), s.test, mentions, true, 64);
  const train::MetricReport test = train::relationMetricReport(*model.value(), s.test, mentions, run, metric, true);
  const train::MetricReport base = baseline(*model.value(), s, metric);

  const double pairsPerSecond =
      result->seconds > 0 ? result->data.value("train_candidates_kept", 0.0) * double(result->epochsCompleted) / result->seconds : 0.0;
  std::printf("corpus %s, model %s (%s), threads %d, level %s, metric %s\n", corpus.c_str(), kind.c_str(),
              result->describeModel.c_str(), at::get_num_threads(), s.level.c_str(), test.primaryName.c_str());
  std::printf("split train %zu / dev %zu / test %zu documents; %s training pairs kept of %s (%s positive)\n", s.train.size(),
              s.dev.size(), s.test.size(), result->data["train_candidates_kept"].dump().c_str(),
              result->data["train_candidates"].dump().c_str(), result->data["train_positive_candidates"].dump().c_str());
  std::printf("%-12s %8s %6s %9s %9s %9s %9s %9s %9s %9s %9s\n", "model", "seconds", "epochs", "pairs/s", "peak MiB",
              "dev", "test", "test µF1", "macro F1", "baseline", "test p/s");
  std::printf("%-12s %8.1f %6d %9.1f %9.0f %9.2f %9.2f %9.2f %9.2f %9.2f %9.0f\n", kind.c_str(), seconds,
              result->epochsCompleted, pairsPerSecond, peakResidentMiB(), result->bestDevScore * 100, test.primary * 100,
              test.summary.value("f1", 0.0) * 100, test.summary.value("macro_f1", 0.0) * 100, base.primary * 100,
              run.seconds > 0 ? double(run.candidates.size()) / run.seconds : 0.0);
  std::printf("\ntest report (gold entities):\n%s", test.table.c_str());

  if (nerEpochs > 0) {
    nlohmann::json nerConfig = {{"task", "ner"}, {"epochs", nerEpochs}, {"patience", 2}, {"seed", 1}};
    std::optional<train::TrainRequest> nerRequest = bench::trainingRequest(nerConfig, output + "-ner");
    if (!nerRequest) return 2;
    train::TrainRequest& ner = *nerRequest;
    ner.train = s.train;
    ner.dev = s.dev;
    const auto nerStarted = std::chrono::steady_clock::now();
    auto nerResult = train::runTraining(ner);
    if (!nerResult) {
      std::fprintf(stderr, "NER training failed: %s\n", nerResult.error().toString().c_str());
      return 1;
    }
    const double nerSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - nerStarted).count();
    auto predicted = train::pipelineMentions(*model.value(), nerResult->bestFolder, s.test, 64);
    if (!predicted) {
      std::fprintf(stderr, "%s\n", predicted.error().toString().c_str());
      return 1;
    }
    const train::RelationRun e2eRun = train::runRelationModel(*model.value(), s.test, predicted.value(), false, 64);
    const train::MetricReport e2e =
        train::relationMetricReport(*model.value(), s.test, predicted.value(), e2eRun, metric, false);
    std::printf("\nend to end: BiLSTM-CRF NER (%d epochs, %.0f s, dev entity F1 %.2f), then the relation model\n",
                nerResult->epochsCompleted, nerSeconds, nerResult->bestDevScore * 100);
    std::printf("end-to-end test micro F1 %.2f (P %.2f R %.2f); gold entities %.2f\n%s", e2e.summary.value("f1", 0.0) * 100,
                e2e.summary.value("precision", 0.0) * 100, e2e.summary.value("recall", 0.0) * 100,
                test.summary.value("f1", 0.0) * 100, e2e.table.c_str());
  }
  return 0;
}
