// bench_mlm_pretrain: masked-LM pretraining of a random 4 x 256 BERT on shared/datasets/unlabelled-biomedical
// for a given number of minutes: a WordPiece vocabulary is trained first on the documents read
// (text/WordPieceTrainer), then the Trainer runs task "mlm" (2% of the documents held back for dev,
// max_length 128, a constant rate after a short warm-up) until the time limit. Prints the vocabulary and
// packing figures, the dev loss / perplexity / accuracy curve, and the figures to compare: training tokens
// per second and peak memory.
// The corpus's documents are whole articles (about 22 KB each): the first 500 give about 2.5 million
// tokens, more than a few CPU minutes read, and 2% of them (about 10 documents, some 400 sequences) a dev
// set that is evaluated in seconds.
//   bench_mlm_pretrain [minutes = 3] [--documents N = 500] [--vocab N = 30522] [--set key=value ...]

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "BenchOptions.h"
#include "common/ProcessMemory.h"
#include "text/TextCorpusReader.h"
#include "text/WordPieceTrainer.h"
#include "train/TaskFactory.h"

namespace fs = std::filesystem;
using namespace quarry;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int fail(const Error& e) {
  std::fprintf(stderr, "%s\n", e.toString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  double minutes = 3;
  size_t documents = 500, vocabSize = 30522;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--documents" && i + 1 < argc)
      documents = std::stoul(argv[++i]);
    else if (a == "--vocab" && i + 1 < argc)
      vocabSize = std::stoul(argv[++i]);
    else if (a == "--set" && i + 1 < argc)
      bench::addOverride(overrides, argv[++i]);
    else
      minutes = std::stod(a);
  }
  const char* env = std::getenv("QUARRY_SHARED_DIR");
  const fs::path shared = env && *env ? fs::path(env) : fs::path(QUARRY_SOURCE_DIR) / ".." / "shared";
  const fs::path corpus = shared / "datasets/unlabelled-biomedical";
  if (!fs::exists(corpus)) {
    std::printf("SKIP: %s not found\n", corpus.string().c_str());
    return 77;
  }
  const fs::path work = fs::temp_directory_path() / ("quarry-bench-mlm-" + std::to_string(::getpid()));

  // The documents, counted for the vocabulary as they are read.
  const auto readStart = std::chrono::steady_clock::now();
  text::WordPieceTrainerOptions vocabOptions;
  vocabOptions.vocabSize = vocabSize;
  text::WordPieceTrainer vocabTrainer(vocabOptions);
  std::vector<document::AnnotatedDocument> texts;
  text::TextCorpusReader reader;
  if (auto s = reader.read(corpus,
                           [&](const text::TextDocument& d) {
                             vocabTrainer.add(d.text);
                             document::AnnotatedDocument doc;
                             doc.id = std::to_string(d.index);
                             doc.text = std::string(d.text);
                             texts.push_back(std::move(doc));
                             return texts.size() < documents;
                           });
      !s)
    return fail(s.error());
  auto tokens = vocabTrainer.train();
  if (!tokens) return fail(tokens.error());
  if (auto s = vocabTrainer.writeFolder(work / "vocab", *tokens); !s) return fail(s.error());
  std::printf("corpus: %zu documents, %.1f MB of text; WordPiece vocabulary of %zu tokens in %.1f s\n",
              texts.size(), static_cast<double>(reader.stats().bytes) / 1e6, tokens->size(),
              secondsSince(readStart));

  nlohmann::json config = {{"task", "mlm"},
                           {"model", "transformer"},
                           {"tokenizer_folder", (work / "vocab").string()},
                           {"random_layers", 4},
                           {"random_hidden", 256},
                           {"random_heads", 4},
                           {"random_intermediate", 1024},
                           {"max_length", 128},
                           {"batch_size", 32},
                           {"epochs", 1},
                           {"schedule", "constant"},
                           {"warmup_ratio", 0.02},
                           {"learning_rate", 5e-4},
                           {"eval_every_steps", 25},
                           {"patience", 0},
                           {"time_limit_seconds", minutes * 60}};
  for (const auto& [key, value] : overrides.items()) config[key] = value;
  auto request = bench::trainingRequest(config, (work / "run").string());
  if (!request) return 1;
  request->train = std::move(texts);
  std::printf("config: %s\n", request->config.toJson().dump().c_str());

  const auto trainStart = std::chrono::steady_clock::now();
  auto result = train::runTraining(*request, [&](const train::TrainProgress& p) {
    if (p.phase == "evaluated")
      std::printf(
          "  step %lld, %.0f s: dev loss %.4f, perplexity %.2f, accuracy %.4f; train loss %.4f, %.0f "
          "tokens/s\n",
          static_cast<long long>(p.step), p.elapsedSeconds, p.evaluation.value("dev_loss", 0.0),
          p.evaluation.value("dev_perplexity", 0.0), p.evaluation.value("dev_accuracy", 0.0),
          p.evaluation.value("train_loss", 0.0), p.tokensPerSecond);
    std::fflush(stdout);
    return true;
  });
  if (!result) return fail(result.error());
  std::printf("model: %s\n", result->describeModel.c_str());
  std::printf("trained %lld steps in %.1f s (%s), %lld training tokens: %.0f tokens/s\n",
              static_cast<long long>(result->steps), secondsSince(trainStart),
              train::trainEndName(result->end), static_cast<long long>(result->trainPositions),
              result->tokensPerSecond);
  if (result->bestDevReport.evaluated())
    std::printf("best dev: %s", result->bestDevReport.formatTable().c_str());
  std::printf("peak memory: %.0f MiB\n", peakResidentMiB());
  std::error_code ec;
  fs::remove_all(work, ec);
  return 0;
}
