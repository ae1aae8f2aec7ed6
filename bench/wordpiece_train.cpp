// bench_wordpiece_train: trains a BERT WordPiece vocabulary (vocab_size 30522, HF's other defaults) on
// shared/datasets/unlabelled-biomedical, holding out its first 2,000 documents (the corpus is shuffled),
// and prints the seconds (counting, training), the peak memory, the distinct words, and on the held-out
// documents the tokenizer's fertility (word pieces per word) and [UNK] rate, beside bert-base-uncased's
// when shared/fixtures holds it. The figures to compare: training seconds, peak MiB, fertility.
//   bench_wordpiece_train [corpus file or folder] [output folder]

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/ProcessMemory.h"
#include "text/TextCorpusReader.h"
#include "text/TokenizerFactory.h"
#include "text/WordPieceTrainer.h"

namespace fs = std::filesystem;
using namespace quarry::text;

namespace {

constexpr size_t kHeldOut = 2000;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int fail(const quarry::Error& e) {
  std::fprintf(stderr, "%s\n", e.toString().c_str());
  return 1;
}

// Word pieces per word and the share of [UNK] pieces over the first kHeldOut documents of `corpus`.
quarry::Status printHeldOut(const char* name, const Tokenizer& tokenizer, const fs::path& corpus) {
  const TokenId unk = tokenizer.specialTokens().unkId.value_or(-1);
  uint64_t words = 0, pieces = 0, unknownPieces = 0;
  TextCorpusReader reader;
  const auto start = std::chrono::steady_clock::now();
  if (auto s = reader.read(corpus,
                           [&](const TextDocument& d) {
                             const auto tokenized = tokenizer.tokenize(d.text);
                             if (!tokenized.empty())
                               words += static_cast<uint64_t>(tokenized.back().word) + 1;
                             pieces += tokenized.size();
                             for (const auto& p : tokenized) unknownPieces += p.id == unk;
                             return d.index + 1 < kHeldOut;
                           });
      !s)
    return s;
  std::printf(
      "held out, %s: %zu documents, %llu words, %llu pieces: fertility %.4f pieces/word, [UNK] %.4f%% "
      "of pieces (tokenized in %.1f s)\n",
      name, reader.stats().documents, static_cast<unsigned long long>(words),
      static_cast<unsigned long long>(pieces), static_cast<double>(pieces) / static_cast<double>(words),
      100.0 * static_cast<double>(unknownPieces) / static_cast<double>(pieces), secondsSince(start));
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("QUARRY_SHARED_DIR");
  const fs::path shared = env && *env ? fs::path(env) : fs::path(QUARRY_SOURCE_DIR) / ".." / "shared";
  const fs::path corpus = argc > 1 ? fs::path(argv[1]) : shared / "datasets/unlabelled-biomedical";
  if (!fs::exists(corpus)) {
    std::printf("SKIP: %s not found\n", corpus.string().c_str());
    return 77;
  }
  const bool keepOutput = argc > 2;
  const fs::path output =
      keepOutput ? fs::path(argv[2])
                 : fs::temp_directory_path() / ("quarry-bench-wordpiece-" + std::to_string(::getpid()));

  // Counting: every document after the held-out ones.
  WordPieceTrainer trainer;  // vocab_size 30522, min_frequency 2, limit_alphabet 1000, lowercase
  TextCorpusReader reader;
  const auto countStart = std::chrono::steady_clock::now();
  if (auto s = reader.read(corpus,
                           [&](const TextDocument& d) {
                             if (d.index >= kHeldOut) trainer.add(d.text);
                             return true;
                           });
      !s)
    return fail(s.error());
  const double countSeconds = secondsSince(countStart);
  const auto& read = reader.stats();
  std::printf("corpus: %zu files, %zu documents (%zu held out), %.1f MB of text\n", read.files,
              read.documents, std::min(kHeldOut, read.documents), static_cast<double>(read.bytes) / 1e6);
  std::printf("counting: %.1f s (all documents read, %.1f MB/s), %llu words, %zu distinct, peak %.0f MiB\n",
              countSeconds, static_cast<double>(read.bytes) / 1e6 / countSeconds,
              static_cast<unsigned long long>(trainer.wordsCounted()), trainer.distinctWords(),
              quarry::peakResidentMiB());

  const auto trainStart = std::chrono::steady_clock::now();
  auto tokens = trainer.train();
  if (!tokens) return fail(tokens.error());
  const double trainSeconds = secondsSince(trainStart);
  if (auto s = trainer.writeFolder(output, *tokens); !s) return fail(s.error());
  std::printf("training: %.1f s, %zu tokens; total %.1f s, peak %.0f MiB\n", trainSeconds, tokens->size(),
              countSeconds + trainSeconds, quarry::peakResidentMiB());

  // The held-out documents through the engine's tokenizer, loaded from the written folder; for comparison,
  // through bert-base-uncased (a general-domain vocabulary of the same size) when the fixtures are there.
  auto tokenizer = loadTokenizer(output);
  if (!tokenizer) return fail(tokenizer.error());
  if (auto s = printHeldOut("trained vocabulary", **tokenizer, corpus); !s) return fail(s.error());
  const fs::path bertBase = shared / "fixtures/tokenizers/bert-base-uncased";
  if (fs::exists(bertBase / "vocab.txt")) {
    auto reference = loadTokenizer(bertBase);
    if (!reference) return fail(reference.error());
    if (auto s = printHeldOut("bert-base-uncased", **reference, corpus); !s) return fail(s.error());
  }
  if (keepOutput) {
    std::printf("vocabulary written to %s\n", output.string().c_str());
  } else {
    std::error_code ec;
    fs::remove_all(output, ec);
  }
  return 0;
}
