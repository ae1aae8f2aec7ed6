// bench_fine_tuning: issue 16's proof table on an NER corpus (CoNLL train.tsv, scored on devel.tsv) or on
// hallmarks-of-cancer (multi-label document classification; bench_classify_train's declared split: dev
// early-stops and tunes the per-label thresholds, test is scored once with the best model): each row trains
// one model under the same time budget, in a process of its own (so that its peak memory is its own), and
// the table gives dev F1 (and, for classification, test F1) per type and micro, training time, training
// positions/s, prediction sentences (documents)/s, peak memory and trainable parameters.
//   scratch     the task's from-scratch model: the BiLSTM-CRF (NER; `bilstm` names it too) or the n-gram
//               classifier
//   random      a randomly initialised transformer (random_* shape) over --tokenizer
//   pretrained  the same architecture from --pretrained (a `quarry-cli pretrain` folder)
//   electra     the same architecture from --electra (a `quarry-cli pretrain --objective electra` folder)
//   lora        --pretrained with LoRA adapters (lora_rank 8)
//   prefix      --pretrained with prefix tuning (prefix_length 16)
//   distilled   a random 2-layer student of the same width taught by the pretrained row's model, on the
//               training documents and --unlabelled-paragraphs N of --unlabelled's text (.txt / .txt.gz)
//   bench_fine_tuning [--corpus DIR] [--pretrained DIR] [--electra DIR] [--tokenizer DIR] [--unlabelled DIR]
//                     [--unlabelled-paragraphs N] [--minutes N] [--threads N] [--rows a,b,...] [--output DIR]
//                     [--set key=value ...] [--lr-pretrained X] [--lr-random X] [--lr-lora X] [--lr-prefix X]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "BenchOptions.h"
#include "ClassificationCorpora.h"
#include "ConllCorpus.h"
#include "common/Log.h"
#include "common/ProcessMemory.h"
#include "model/kernels/CpuThreads.h"
#include "text/TextCorpusReader.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/NerTagger.h"

using namespace quarry;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Options {
  std::string corpus = bench::sharedDir() + "/datasets/ncbi-disease";
  std::string pretrained, electra, tokenizer,
      unlabelled = bench::sharedDir() + "/datasets/unlabelled-biomedical";
  std::string output = (fs::temp_directory_path() / "quarry-bench-fine-tuning").string();
  std::string rows = "scratch,random,pretrained,lora,distilled";
  double minutes = 8;
  int threads = 1;
  int unlabelledParagraphs = 1000;
  double lrLora = 3e-3, lrPrefix = 5e-3;
  double lrPretrained = 3e-4, lrRandom = 1e-3;
  json overrides = json::object();
};

// Up to `limit` paragraphs (lines) of the documents of the .txt / .txt.gz files under `folder`, each a
// document (the staged unlabelled documents are whole articles).
std::vector<document::AnnotatedDocument> readParagraphs(const std::string& folder, int limit) {
  std::vector<document::AnnotatedDocument> docs;
  text::TextCorpusReader reader;
  Status read = reader.read(folder, [&](const text::TextDocument& t) {
    size_t begin = 0;
    while (begin < t.text.size() && static_cast<int>(docs.size()) < limit) {
      size_t end = t.text.find('\n', begin);
      if (end == std::string_view::npos) end = t.text.size();
      if (end - begin >= 200) {  // paragraphs, not headings
        document::AnnotatedDocument d;
        d.id = "u" + std::to_string(docs.size());
        d.text = std::string(t.text.substr(begin, end - begin));
        docs.push_back(std::move(d));
      }
      begin = end + 1;
    }
    return static_cast<int>(docs.size()) < limit;
  });
  if (!read) std::fprintf(stderr, "%s\n", read.error().toString().c_str());
  return docs;
}

// A corpus folder with text/ and labels/ is hallmarks-of-cancer (classification); one with train.tsv is NER.
bool isClassification(const Options& o) { return fs::is_directory(o.corpus + "/labels"); }

json rowConfig(const Options& o, const std::string& row) {
  const bool classify = isClassification(o);
  json cfg = {{"task", classify ? "classify" : "ner"},
              {"time_limit_seconds", o.minutes * 60},
              {"threads", o.threads},
              {"patience", 0}};
  if (classify) cfg["multi_label"] = "yes";
  if (row == "scratch" || row == "bilstm") {
    cfg["model"] = classify ? "ngram" : "bilstm-crf";
    if (classify) cfg["epochs"] = 30;
  } else {
    cfg["model"] = "transformer";
    cfg["max_length"] = classify ? 256 : 128;
    cfg["stride"] = 32;
    cfg["epochs"] = 50;
    if (classify) cfg["batch_size"] = 16;
    if (row == "random" || row == "distilled") {
      cfg["tokenizer_folder"] = o.tokenizer;
      cfg["learning_rate"] = o.lrRandom;
    } else {
      cfg["model_folder"] = row == "electra" ? o.electra : o.pretrained;
      cfg["learning_rate"] = o.lrPretrained;
    }
    if (row == "lora") {
      cfg["lora_rank"] = 8;
      cfg["learning_rate"] = o.lrLora;
    }
    if (row == "prefix") {
      cfg["prefix_length"] = 16;
      cfg["learning_rate"] = o.lrPrefix;
    }
    if (row == "distilled") {
      cfg["random_layers"] = 2;
      cfg["teacher_folder"] = o.output + "/pretrained/best";
      cfg["distill_alpha"] = 0.5;
    }
  }
  for (auto it = o.overrides.begin(); it != o.overrides.end(); ++it) cfg[it.key()] = it.value();
  return cfg;
}

// One row, in this process: trains, predicts dev, prints one JSON line.
int runRow(const Options& o, const std::string& row) {
  model::configureCpuThreads({o.threads});
  auto request = bench::trainingRequest(rowConfig(o, row), o.output + "/" + row);
  if (!request) return 2;
  const bool classify = isClassification(o);
  bench::Splits hallmarks;
  if (classify) {
    hallmarks = bench::readHallmarks(o.corpus);
    request->train = hallmarks.train;
    request->dev = hallmarks.dev;
  } else {
    request->train = bench::readConll(o.corpus + "/train.tsv");
    request->dev = bench::readConll(o.corpus + "/devel.tsv");
  }
  if (row == "distilled") request->unlabelled = readParagraphs(o.unlabelled, o.unlabelledParagraphs);
  auto result = train::runTraining(*request, [&](const train::TrainProgress& p) {
    if (p.phase == "evaluated")
      std::fprintf(stderr, "%s: step %lld, %.0f s, dev F1 %.4f\n", row.c_str(), static_cast<long long>(p.step),
                   p.elapsedSeconds, p.devScore);
    return true;
  });
  if (!result) {
    std::fprintf(stderr, "%s: %s\n", row.c_str(), result.error().toString().c_str());
    return 1;
  }
  const train::TrainResult& r = result.value();
  // Prediction speed: the best model over the dev sentences (documents), batch 32; classification also
  // scores the test split once.
  double sentencesPerSecond = 0;
  json test = nullptr;
  if (classify) {
    if (auto classifier = train::loadDocumentClassifier(r.bestFolder)) {
      const auto started = std::chrono::steady_clock::now();
      (void)train::classifyDocuments(*classifier.value(), request->dev, 32);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      sentencesPerSecond = seconds > 0 ? static_cast<double>(request->dev.size()) / seconds : 0;
      const train::ClassifyRun run = train::classifyDocuments(*classifier.value(), hallmarks.test, 32);
      test = train::scoreClassifier(*classifier.value(), hallmarks.test, run).toJson();
    } else {
      std::fprintf(stderr, "%s: %s\n", row.c_str(), classifier.error().toString().c_str());
    }
  } else if (auto tagger = train::loadNerTagger(r.bestFolder)) {
    const train::NerData dev = train::buildNerData(request->dev, tagger.value()->tags().types(), {});
    tagger.value()->module().eval();
    const auto inputs = tagger.value()->featurize(dev.sentences);
    const auto started = std::chrono::steady_clock::now();
    (void)tagger.value()->predict(*inputs, 32);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sentencesPerSecond = seconds > 0 ? static_cast<double>(dev.sentences.size()) / seconds : 0;
  }
  json line = {
      {"row", row},
      {"model", r.describeModel},
      {"f1", r.bestDevScore},
      {"per_type", r.bestDevReport.details.value(classify ? "per_label" : "per_type", json::object())},
      {"test", test},
      {"train_seconds", r.seconds},
      {"steps", r.steps},
      {"tokens_per_second", r.tokensPerSecond},
      {"sentences_per_second", sentencesPerSecond},
      {"peak_mib", peakResidentMiB()},
      {"trainable", r.trainableParameters},
      {"total", r.totalParameters},
      {"history", r.history}};
  std::printf("ROW %s\n", line.dump().c_str());
  return 0;
}

// Runs a row as a child process of this program; its JSON line, or null.
json runChild(const std::vector<std::string>& args, const std::string& row) {
  std::vector<std::string> childArgs = args;
  childArgs.push_back("--row");
  childArgs.push_back(row);
  int pipeFd[2];
  if (pipe(pipeFd) != 0) return nullptr;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipeFd[1], STDOUT_FILENO);
    close(pipeFd[0]);
    std::vector<char*> argv;
    for (std::string& a : childArgs) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  close(pipeFd[1]);
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(pipeFd[0], buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  close(pipeFd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind("ROW ", 0) == 0) return json::parse(line.substr(4));
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string onlyRow;
  std::vector<std::string> args{argv[0]};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a != "--row") {
      args.push_back(a);
      args.push_back(v);
    }
    if (a == "--corpus") o.corpus = v;
    else if (a == "--pretrained") o.pretrained = v;
    else if (a == "--electra")
      o.electra = v;
    else if (a == "--lr-prefix")
      o.lrPrefix = std::stod(v);
    else if (a == "--tokenizer") o.tokenizer = v;
    else if (a == "--unlabelled") o.unlabelled = v;
    else if (a == "--unlabelled-paragraphs") o.unlabelledParagraphs = std::stoi(v);
    else if (a == "--lr-lora") o.lrLora = std::stod(v);
    else if (a == "--minutes") o.minutes = std::stod(v);
    else if (a == "--threads") o.threads = std::stoi(v);
    else if (a == "--rows") o.rows = v;
    else if (a == "--output") o.output = v;
    else if (a == "--lr-pretrained") o.lrPretrained = std::stod(v);
    else if (a == "--lr-random") o.lrRandom = std::stod(v);
    else if (a == "--set") bench::addOverride(o.overrides, v);
    else if (a == "--row") onlyRow = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  log::LogOptions logOptions;
  logOptions.level = "warn";
  log::init(logOptions);
  if (!fs::exists(o.corpus + "/train.tsv") && !isClassification(o)) {
    std::printf("SKIP: %s/train.tsv (or hallmarks' labels/) not found\n", o.corpus.c_str());
    return 0;
  }
  if (o.tokenizer.empty() && !o.pretrained.empty()) o.tokenizer = o.pretrained;
  if (!onlyRow.empty()) return runRow(o, onlyRow);
  if (o.pretrained.empty()) {
    std::fprintf(stderr, "name the pretrained encoder: --pretrained DIR (quarry-cli pretrain's best/)\n");
    return 2;
  }

  std::printf("corpus %s, %g min a row, %d thread(s)\n", o.corpus.c_str(), o.minutes, o.threads);
  std::printf("%-11s %-34s %7s %7s  %-28s %8s %9s %8s %8s %11s\n", "row", "model", "dev F1", "test F1",
              "per type F1 (dev)", "train s", "tokens/s", "sent/s", "peak MiB", "trainable");
  std::stringstream rows(o.rows);
  std::string row;
  while (std::getline(rows, row, ',')) {
    const json r = runChild(args, row);
    if (r.is_null()) {
      std::printf("%-11s failed (see stderr)\n", row.c_str());
      continue;
    }
    std::string types;
    for (const auto& [type, s] : r["per_type"].items())
      types += type.substr(0, 10) + " " + std::to_string(s.value("f1", 0.0) * 100).substr(0, 5) + " ";
    char testF1[16] = "-";  // NER corpora have no test column
    if (r["test"].is_object())
      std::snprintf(testF1, sizeof testF1, "%.2f", r["test"]["micro"].value("f1", 0.0) * 100);
    std::printf("%-11s %-34s %7.2f %7s  %-28s %8.0f %9.0f %8.0f %8.0f %11lld\n", row.c_str(),
                r["model"].get<std::string>().substr(0, 34).c_str(), r["f1"].get<double>() * 100, testF1,
                types.c_str(), r["train_seconds"].get<double>(), r["tokens_per_second"].get<double>(),
                r["sentences_per_second"].get<double>(), r["peak_mib"].get<double>(),
                static_cast<long long>(r["trainable"].get<int64_t>()));
    std::fflush(stdout);
  }
  return 0;
}
