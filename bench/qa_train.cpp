// bench_qa_train: extractive QA on the staged SQuAD-format sets, declared splits, one table.
//   bench_qa_train [--corpus squad|policyqa|squad2] [--model reader|transformer] [--tokenizer DIR] [--threads N] [--output DIR]
//                  [--max-train N] [--max-dev N] [--max-eval N] [--epochs N] [--time-limit S] [--set key=value ...]
//
// SPLITS (fixed, declared here; only official dev files are staged and no official test split is used):
//   squad (squad-v1.1-dev/dev-v1.1.json): articles in file order, position % 5 == 4 -> eval (20%), the
//     rest -> training side; policyqa (policyqa/dev.json): the same by policy (title).
//   On the training side, paragraphs at position % 10 == 0 -> dev (early stopping and the no-answer
//   threshold), the rest -> train. eval is scored once, with the best model.
//   squad2: squad's split, then a fixed third of the questions (position % 3 == 2 within each split) is
//     moved onto a paragraph of the next article of the same side (its paragraph index modulo that
//     article's count) with no answer: SQuAD 2.0-style unanswerable questions whose text is on topic
//     for another article.
//   --max-train / --max-dev / --max-eval keep the first paragraphs of a seeded shuffle until that many
//   questions are held (0 = all).
// Models: the from-scratch BiLSTM reader (train/qa/BiLstmQaReader.h; windows of 300 words, stride 100,
// every training question by default) or a randomly initialised BERT, 4 layers x 256 (4 heads, 1024
// feed-forward), over the BERT WordPiece tokenizer of the fixtures (uncased; 2000 training questions by
// default). Baselines on eval: always no answer, the first sentence
// of the paragraph, and the paragraph's sentence that ranks first by BM25 against the question.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "BenchOptions.h"
#include "ConllCorpus.h"
#include "common/Log.h"
#include "common/ProcessMemory.h"
#include "eval/SquadScore.h"
#include "model/kernels/CpuThreads.h"
#include "text/Bm25Index.h"
#include "train/TaskFactory.h"
#include "train/qa/QaTask.h"

using namespace quarry;
namespace fs = std::filesystem;

namespace {

struct Article {
  std::string title;
  std::vector<document::AnnotatedDocument> paragraphs;
};

struct Splits {
  std::vector<document::AnnotatedDocument> train, dev, eval;
};

int32_t codePoints(const std::string& s) {
  int32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<Article> readSquadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  const nlohmann::json root = nlohmann::json::parse(in);
  std::vector<Article> articles;
  for (const auto& a : root.at("data")) {
    Article article;
    article.title = a.value("title", "");
    int p = 0;
    for (const auto& para : a.at("paragraphs")) {
      document::AnnotatedDocument d;
      d.id = article.title + ":" + std::to_string(p++);
      d.text = para.at("context").get<std::string>();
      for (const auto& qa : para.at("qas")) {
        document::QuestionAnswers q;
        q.id = qa.at("id").get<std::string>();
        q.question = qa.at("question").get<std::string>();
        if (!qa.value("is_impossible", false))
          for (const auto& ans : qa.at("answers")) {
            const int32_t start = ans.at("answer_start").get<int32_t>();
            const document::AnswerSpan span{start, start + codePoints(ans.at("text").get<std::string>())};
            if (std::find(q.answers.begin(), q.answers.end(), span) == q.answers.end()) q.answers.push_back(span);
          }
        d.questions.push_back(std::move(q));
      }
      article.paragraphs.push_back(std::move(d));
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

// Moves every third question (per side) onto a paragraph of the side's next article, unanswerable.
void makeUnanswerable(std::vector<Article*>& side) {
  size_t position = 0;
  std::vector<std::vector<std::pair<size_t, document::QuestionAnswers>>> moved(side.size());
  for (size_t a = 0; a < side.size(); ++a)
    for (document::AnnotatedDocument& d : side[a]->paragraphs) {
      std::vector<document::QuestionAnswers> kept;
      for (document::QuestionAnswers& q : d.questions) {
        if (position++ % 3 == 2 && side.size() > 1) {
          const size_t target = (a + 1) % side.size();
          const size_t paragraph = static_cast<size_t>(&d - side[a]->paragraphs.data()) % side[target]->paragraphs.size();
          q.id += "-unanswerable";
          q.answers.clear();
          moved[target].push_back({paragraph, std::move(q)});
        } else {
          kept.push_back(std::move(q));
        }
      }
      d.questions = std::move(kept);
    }
  for (size_t a = 0; a < side.size(); ++a)
    for (auto& [paragraph, q] : moved[a]) side[a]->paragraphs[paragraph].questions.push_back(std::move(q));
}

// The first paragraphs of a seeded shuffle until `limit` questions are held (0 = all, in order).
std::vector<document::AnnotatedDocument> capQuestions(std::vector<document::AnnotatedDocument> docs, size_t limit,
                                                      uint64_t seed) {
  if (limit == 0) return docs;
  std::mt19937_64 rng(seed);
  std::shuffle(docs.begin(), docs.end(), rng);
  std::vector<document::AnnotatedDocument> out;
  size_t questions = 0;
  for (auto& d : docs) {
    if (questions >= limit) break;
    questions += d.questions.size();
    out.push_back(std::move(d));
  }
  return out;
}

size_t questionCount(const std::vector<document::AnnotatedDocument>& docs, bool unanswerable = false) {
  size_t n = 0;
  for (const auto& d : docs)
    for (const auto& q : d.questions) n += !unanswerable || q.answers.empty();
  return n;
}

// The paragraph's sentences as code point ranges: cut after ". ", "? " or "! ".
std::vector<std::pair<int32_t, int32_t>> sentences(const std::string& text) {
  std::vector<std::pair<int32_t, int32_t>> out;
  int32_t cp = 0, start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    if ((c == '.' || c == '?' || c == '!') && i + 1 < text.size() && text[i + 1] == ' ') {
      out.emplace_back(start, cp + 1);
      start = cp + 2;
    }
    ++cp;
  }
  if (start < cp) out.emplace_back(start, cp);
  return out;
}

struct BaselineScores {
  eval::SquadReport none, firstSentence, bm25Sentence;
};

BaselineScores baselines(const std::vector<document::AnnotatedDocument>& docs) {
  std::vector<eval::SquadGold> gold;
  std::vector<std::string> none, first, best;
  for (const auto& d : docs) {
    const auto ranges = sentences(d.text);
    std::vector<std::vector<std::string>> terms;
    for (const auto& [s, e] : ranges) terms.push_back(text::Bm25Index::terms(train::codePointSlice(d.text, s, e)));
    const text::Bm25Index index(terms);
    for (const auto& q : d.questions) {
      eval::SquadGold g{q.id, {}};
      for (const auto& a : q.answers) g.answers.push_back(train::codePointSlice(d.text, a.start, a.end));
      gold.push_back(std::move(g));
      none.emplace_back();
      first.push_back(ranges.empty() ? std::string() : train::codePointSlice(d.text, ranges[0].first, ranges[0].second));
      const auto top = index.top(text::Bm25Index::terms(q.question), 1);
      best.push_back(top.empty() ? std::string()
                                 : train::codePointSlice(d.text, ranges[top[0]].first, ranges[top[0]].second));
    }
  }
  return {eval::scoreSquad(gold, none), eval::scoreSquad(gold, first), eval::scoreSquad(gold, best)};
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "squad", modelName = "reader";
  std::string tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  std::string output = (fs::temp_directory_path() / "quarry-bench-qa").string();
  int threads = 0, epochs = 1;
  size_t maxTrain = SIZE_MAX, maxDev = 300, maxEval = 1000;
  double timeLimit = 240;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--model") modelName = v;
    else if (a == "--tokenizer") tokenizer = v;
    else if (a == "--threads") threads = std::stoi(v);
    else if (a == "--output") output = v;
    else if (a == "--max-train") maxTrain = std::stoul(v);
    else if (a == "--max-dev") maxDev = std::stoul(v);
    else if (a == "--max-eval") maxEval = std::stoul(v);
    else if (a == "--epochs") epochs = std::stoi(v);
    else if (a == "--time-limit") timeLimit = std::stod(v);
    else if (a == "--set") bench::addOverride(overrides, v);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (corpus != "squad" && corpus != "policyqa" && corpus != "squad2") {
    std::fprintf(stderr, "--corpus expects squad, policyqa or squad2\n");
    return 2;
  }
  if (modelName != "reader" && modelName != "transformer") {
    std::fprintf(stderr, "--model expects reader or transformer\n");
    return 2;
  }
  const bool transformer = modelName == "transformer";
  if (maxTrain == SIZE_MAX) maxTrain = transformer ? 2000 : 0;
  log::LogOptions logOptions;
  logOptions.level = "warn";
  log::init(logOptions);
  model::configureCpuThreads({threads});
  const fs::path file = fs::path(bench::sharedDir()) / "datasets" /
                        (corpus == "policyqa" ? "policyqa/dev.json" : "squad-v1.1-dev/dev-v1.1.json");
  if (!fs::is_regular_file(file) || !fs::is_directory(tokenizer)) {
    std::printf("SKIP: %s or %s not found\n", file.c_str(), tokenizer.c_str());
    return 0;
  }
  std::vector<Article> articles = readSquadFile(file);
  std::vector<Article*> trainSide, evalSide;
  for (size_t a = 0; a < articles.size(); ++a) (a % 5 == 4 ? evalSide : trainSide).push_back(&articles[a]);
  if (corpus == "squad2") {
    makeUnanswerable(trainSide);
    makeUnanswerable(evalSide);
  }
  Splits splits;
  size_t position = 0;
  for (Article* a : trainSide)
    for (auto& d : a->paragraphs) (position++ % 10 == 0 ? splits.dev : splits.train).push_back(d);
  for (Article* a : evalSide)
    for (auto& d : a->paragraphs) splits.eval.push_back(d);
  splits.train = capQuestions(std::move(splits.train), maxTrain, 1);
  splits.dev = capQuestions(std::move(splits.dev), maxDev, 2);
  splits.eval = capQuestions(std::move(splits.eval), maxEval, 3);

  nlohmann::json config = {{"task", "qa"},
                           {"max_answer_length", 30},
                           {"no_answer", corpus == "squad2" ? "tune" : "never"},
                           {"epochs", epochs},
                           {"time_limit_seconds", timeLimit},
                           {"patience", 0},
                           {"seed", 1}};
  if (transformer)
    config.update({{"model", "transformer"},
                   {"tokenizer_folder", tokenizer},
                   {"random_layers", 4},
                   {"random_hidden", 256},
                   {"random_heads", 4},
                   {"random_intermediate", 1024},
                   {"max_length", 256},
                   {"stride", 64},
                   {"learning_rate", 1e-3},
                   {"warmup_ratio", 0.1},
                   {"batch_size", 16}});
  else
    config.update({{"model", "bilstm-reader"}, {"max_length", 300}, {"stride", 100}, {"max_answer_length", 15},
                   {"batch_size", 32}});
  config.update(overrides);
  std::optional<train::TrainRequest> made = bench::trainingRequest(config, output);
  if (!made) return 2;
  train::TrainRequest& request = *made;
  request.train = splits.train;
  request.dev = splits.dev;
  auto result = train::runTraining(request);
  if (!result) {
    std::fprintf(stderr, "training failed: %s\n", result.error().toString().c_str());
    return 1;
  }
  auto model = train::loadQaModel(result->bestFolder);
  if (!model) {
    std::fprintf(stderr, "%s\n", model.error().toString().c_str());
    return 1;
  }
  const train::QaRun run = train::answerQuestions(*model.value(), splits.eval, 64);
  const train::MetricReport evalReport = train::scoreQaRun(*model.value(), splits.eval, run);
  const eval::SquadReport test = eval::scoreSquad(train::squadGold(splits.eval, run.examples), train::squadPredictions(run.answers));
  const BaselineScores base = baselines(splits.eval);

  const double windowsPerSecond = result->seconds > 0 ? double(result->steps) * request.config.batchSize *
                                                            request.config.gradientAccumulation / result->seconds
                                                      : 0.0;
  std::printf("corpus %s, %s, threads %d, ended %s after %lld steps (%d epochs) in %.1f s\n", corpus.c_str(),
              result->describeModel.c_str(), at::get_num_threads(), train::trainEndName(result->end),
              static_cast<long long>(result->steps), result->epochsCompleted, result->seconds);
  std::printf("split: train %zu paragraphs / %zu questions (%zu unanswerable), dev %zu / %zu, eval %zu / %zu (%zu unanswerable)\n",
              splits.train.size(), questionCount(splits.train), questionCount(splits.train, true), splits.dev.size(),
              questionCount(splits.dev), splits.eval.size(), questionCount(splits.eval), questionCount(splits.eval, true));
  std::printf("training: %.1f windows/s (%.0f positions/s), peak memory %.0f MiB; eval: %.1f questions/s\n",
              windowsPerSecond, result->tokensPerSecond, peakResidentMiB(),
              run.seconds > 0 ? double(run.examples.size()) / run.seconds : 0.0);
  std::printf("\n%-22s %8s %8s %10s %10s %9s %9s\n", "eval (20% split)", "EM", "F1", "HasAns EM", "HasAns F1", "NoAns F1",
              "dev F1");
  auto row = [](const char* name, const eval::SquadReport& r, double dev) {
    std::printf("%-22s %8.2f %8.2f %10.2f %10.2f %9s %9s\n", name, r.exact * 100, r.f1 * 100, r.hasAnsExact * 100,
                r.hasAnsF1 * 100, r.noAnsTotal > 0 ? std::to_string(r.noAnsF1 * 100).substr(0, 5).c_str() : "-",
                dev >= 0 ? std::to_string(dev * 100).substr(0, 5).c_str() : "");
  };
  row("model", test, result->bestDevScore);
  row("always no answer", base.none, -1);
  row("first sentence", base.firstSentence, -1);
  row("best BM25 sentence", base.bm25Sentence, -1);
  std::printf("\nretrieval recall %.2f, null threshold %.3f (%s)\n", evalReport.details.value("retrieval_recall", 0.0) * 100,
              model.value()->settings().noAnswerThreshold, model.value()->settings().noAnswer.c_str());
  return 0;
}
