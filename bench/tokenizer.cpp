// bench_tokenizer: tokenizes the NCBI-disease training sentences (CoNLL tokens joined by spaces) with
// each fixture tokenizer and prints sentences/s and tokens/s (the figure to compare: tokens/s).
//   bench_tokenizer [shared dir] [repeats]

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "text/TokenizerFactory.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  fs::path shared = argc > 1 ? fs::path(argv[1]) : fs::path();
  if (shared.empty()) {
    const char* env = std::getenv("QUARRY_SHARED_DIR");
    shared = env && *env ? fs::path(env) : fs::path(QUARRY_SOURCE_DIR) / ".." / "shared";
  }
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const fs::path tsv = shared / "datasets/ncbi-disease/train.tsv";
  std::ifstream in(tsv);
  if (!in) {
    std::cout << "SKIP: " << tsv << " not found\n";
    return 77;
  }
  std::vector<std::string> sentences;
  std::string line, current;
  size_t chars = 0;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!current.empty()) sentences.push_back(current);
      current.clear();
      continue;
    }
    const std::string word = line.substr(0, line.find('\t'));
    if (!current.empty()) current += ' ';
    current += word;
  }
  if (!current.empty()) sentences.push_back(current);
  for (const auto& s : sentences) chars += s.size();
  std::cout << sentences.size() << " sentences, " << chars << " bytes, best of " << repeats << " runs\n";

  for (const char* name : {"bert-base-uncased", "bert-base-cased", "roberta-base"}) {
    auto tok = quarry::text::loadTokenizer(shared / "fixtures/tokenizers" / name);
    if (!tok) {
      std::cout << name << ": " << tok.error().toString() << "\n";
      return 1;
    }
    double best = 1e30;
    size_t tokens = 0;
    for (int r = 0; r < repeats; ++r) {
      tokens = 0;
      const auto t0 = std::chrono::steady_clock::now();
      for (const auto& s : sentences) tokens += (*tok)->encode(s).size();
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      best = std::min(best, secs);
    }
    std::cout << name << ": " << static_cast<long>(sentences.size() / best) << " sentences/s, "
              << static_cast<long>(tokens / best) << " tokens/s (" << tokens << " tokens with specials, "
              << best * 1e3 << " ms)\n";
  }
  return 0;
}
