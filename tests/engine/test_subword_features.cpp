// SubwordFeatures against the real bert-base-uncased (and roberta-base) tokenizers: labels on first
// sub-tokens only, windows over long sentences that break between words, each word owned exactly once by
// its most central window, words without tokens, and merging window scores back to words.
// SKIP when the tokenizer fixtures are absent.

#include <algorithm>
#include <string>
#include <vector>

#include "NerTestSupport.h"
#include "SharedData.h"
#include "text/TokenizerFactory.h"
#include "train/ner/SubwordFeatures.h"

using namespace quarry::train;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using quarry::text::Tokenizer;

namespace {

SentenceExample sentence(std::vector<std::string> words, std::vector<int32_t> tags = {}) {
  SentenceExample ex;
  int32_t pos = 0;
  for (const auto& w : words) {
    const int32_t n = static_cast<int32_t>(quarry::text::unicode::decodeUtf8(w).cps.size());
    ex.wordSpans.push_back({pos, pos + n});
    pos += n + 1;
  }
  ex.span = {0, pos > 0 ? pos - 1 : 0};
  ex.words = std::move(words);
  ex.tags = std::move(tags);
  return ex;
}

void testShortSentence(const Tokenizer& bert) {
  const auto ex = sentence({"The", "adenomatous", "polyposis", "coli", "tumour", "."}, {0, 1, 2, 2, 0, 0});
  int missing = -1;
  const auto windows = buildSubwordWindows({ex}, bert, 128, 32, &missing);
  expectEq(windows.size(), 1u, "one window");
  expectEq(missing, 0, "every word has tokens");
  if (windows.size() != 1) return;
  const SubwordWindow& w = windows[0];
  // bert-base-uncased: [CLS] the aden ##oma ##tou ##s poly ##po ##sis coli tu ##mour . [SEP]
  std::vector<std::string> tokens;
  for (auto id : w.ids) tokens.push_back(bert.idToToken(id));
  expectEq(tokens,
           std::vector<std::string>{"[CLS]", "the", "aden", "##oma", "##tou", "##s", "poly", "##po", "##sis",
                                    "coli", "tu", "##mour", ".", "[SEP]"},
           "tokens");
  expectEq(w.wordIndex, std::vector<int32_t>{-1, 0, 1, 1, 1, 1, 2, 2, 2, 3, 4, 4, 5, -1}, "word index");
  expectEq(w.firstOfWord, std::vector<int>{0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0}, "first of word");
  expectEq(w.labels, std::vector<int64_t>{-100, 0, 1, -100, -100, -100, 2, -100, -100, 2, 0, -100, 0, -100},
           "labels on first sub-tokens only");
  expectEq(w.typeIds, std::vector<int64_t>(14, 0), "type ids");
  expectEq(w.owns, std::vector<int>(6, 1), "owns every word");
  expectEq(w.sentence, 0, "sentence index");

  const auto unlabelled = buildSubwordWindows({sentence({"no", "tags"})}, bert, 16, 4);
  expectTrue(unlabelled.size() == 1 && std::all_of(unlabelled[0].labels.begin(), unlabelled[0].labels.end(),
                                                   [](int64_t l) { return l == kIgnoreLabel; }),
             "unlabelled sentences get no labels");

  // A word of control characters yields no token: counted, unowned, unlabelled.
  const auto ctl = buildSubwordWindows({sentence({"a", "\x01", "b"}, {1, 1, 0})}, bert, 16, 4, &missing);
  expectEq(missing, 1, "word without tokens counted");
  if (ctl.size() == 1) {
    expectEq(ctl[0].owns, std::vector<int>{1, 0, 1}, "word without tokens is not owned");
    expectEq(ctl[0].labels, std::vector<int64_t>{-100, 1, 0, -100}, "and has no label");
  }
  const auto empty = buildSubwordWindows({sentence({})}, bert, 16, 4);
  expectTrue(empty.size() == 1 && empty[0].ids.size() == 2 && empty[0].owns.empty(),
             "empty sentence: specials only");
}

void testLongSentence(const Tokenizer& bert) {
  // 300 words, some split into several sub-tokens.
  const std::vector<std::string> vocab = {"the", "adenomatous",    "gene",       "polyposis",
                                          "of",  "tumour",         "suppressor", "colorectal",
                                          "in",  "heterozygosity", ",",          "mutations"};
  std::vector<std::string> words;
  std::vector<int32_t> tags;
  for (int i = 0; i < 300; ++i) {
    words.push_back(vocab[static_cast<size_t>((i * 7 + i / 5) % vocab.size())]);
    tags.push_back(i % 3);
  }
  const int maxLength = 64, stride = 16;
  const auto windows = buildSubwordWindows({sentence(words, tags)}, bert, maxLength, stride);
  expectTrue(windows.size() >= 6, "several windows (" + std::to_string(windows.size()) + ")");
  std::vector<int> owners(words.size(), 0);
  bool lengthsOk = true, bracketsOk = true, breaksOk = true, labelsOk = true, centralOk = true,
       overlapOk = true;
  for (size_t r = 0; r < windows.size(); ++r) {
    const auto& w = windows[r];
    lengthsOk = lengthsOk && static_cast<int>(w.ids.size()) <= maxLength;
    bracketsOk = bracketsOk && w.ids.front() == 101 && w.ids.back() == 102;
    // Breaks between words: the window starts on a first sub-token and the next token after it starts a word.
    breaksOk = breaksOk && w.firstOfWord[1] == 1;
    for (size_t p = 0; p < w.ids.size(); ++p) {
      const int32_t word = w.wordIndex[p];
      const bool shouldLabel = word >= 0 && w.firstOfWord[p] && w.owns[static_cast<size_t>(word)];
      labelsOk = labelsOk && w.labels[p] == (shouldLabel ? tags[static_cast<size_t>(word)] : -100);
    }
    for (size_t word = 0; word < words.size(); ++word) owners[word] += w.owns[word];
    if (r + 1 < windows.size()) {
      const auto& next = windows[r + 1];
      const int32_t lastWord = w.wordIndex[w.ids.size() - 2];
      const int32_t nextFirstWord = next.wordIndex[1];
      breaksOk = breaksOk && nextFirstWord <= lastWord;  // windows overlap, whole words each
      int overlap = 0;
      for (size_t p = 1; p + 1 < w.ids.size(); ++p) overlap += w.wordIndex[p] >= nextFirstWord ? 1 : 0;
      overlapOk = overlapOk && overlap >= stride - 4 && overlap <= stride + 4;
    }
  }
  expectTrue(lengthsOk, "windows hold at most maxLength positions");
  expectTrue(bracketsOk, "every window is [CLS] ... [SEP]");
  expectTrue(breaksOk, "windows break between words and overlap");
  expectTrue(overlapOk, "consecutive windows overlap by about `stride` tokens");
  expectTrue(labelsOk, "labels exactly on owned first sub-tokens");
  expectEq(owners, std::vector<int>(words.size(), 1), "every word owned exactly once");
  // The owner is the most central window, recomputed here from the windows themselves.
  for (size_t word = 0; word < words.size(); ++word) {
    int bestScore = -1, bestWindow = -1;
    for (size_t r = 0; r < windows.size(); ++r) {
      const auto& w = windows[r];
      int firstPos = -1, lastPos = -1;
      for (size_t p = 0; p < w.ids.size(); ++p)
        if (w.wordIndex[p] == static_cast<int32_t>(word)) {
          if (firstPos < 0) firstPos = static_cast<int>(p);
          lastPos = static_cast<int>(p);
        }
      if (firstPos < 0) continue;
      const int inside = static_cast<int>(w.ids.size()) - 2;
      const int score = std::min(firstPos - 1, inside - lastPos);
      if (score > bestScore) {
        bestScore = score;
        bestWindow = static_cast<int>(r);
      }
    }
    if (bestWindow < 0 || !windows[static_cast<size_t>(bestWindow)].owns[word]) {
      centralOk = false;
      std::cout << "  word " << word << " not owned by its most central window " << bestWindow << "\n";
      break;
    }
  }
  expectTrue(centralOk, "owners are the most central windows");

  // Merge: window w, position p has scores {1000 w + p, -(1000 w + p)}.
  std::vector<std::vector<float>> blocks;
  std::vector<const float*> windowScores;
  for (size_t r = 0; r < windows.size(); ++r) {
    std::vector<float> block;
    for (size_t p = 0; p < windows[r].ids.size() + 3; ++p) {  // + padding, as in a batch tensor
      block.push_back(static_cast<float>(1000 * r + p));
      block.push_back(-static_cast<float>(1000 * r + p));
    }
    blocks.push_back(std::move(block));
  }
  for (const auto& b : blocks) windowScores.push_back(b.data());
  std::vector<float> merged(words.size() * 2, 7.0f);
  const int64_t written = mergeWindowScores(windows, windowScores, 2, {merged.data()});
  expectEq(written, static_cast<int64_t>(words.size()), "one row per word");
  bool mergeOk = true;
  for (size_t r = 0; r < windows.size(); ++r)
    for (size_t p = 0; p < windows[r].ids.size(); ++p) {
      const int32_t word = windows[r].wordIndex[p];
      if (word < 0 || !windows[r].firstOfWord[p] || !windows[r].owns[static_cast<size_t>(word)]) continue;
      mergeOk = mergeOk && merged[static_cast<size_t>(word) * 2] == static_cast<float>(1000 * r + p) &&
                merged[static_cast<size_t>(word) * 2 + 1] == -static_cast<float>(1000 * r + p);
    }
  expectTrue(mergeOk, "merged rows come from the owning window's first sub-token");

  // A word longer than a window is cut inside and still owned once.
  const auto tiny = buildSubwordWindows({sentence({"a", "heterozygosity", "b"}, {1, 2, 0})}, bert, 4, 1);
  std::vector<int> tinyOwners(3, 0);
  for (const auto& w : tiny)
    for (size_t i = 0; i < 3; ++i) tinyOwners[i] += w.owns[i];
  expectEq(tinyOwners, std::vector<int>{1, 1, 1}, "long words owned once in tiny windows");
}

void testByteLevel(const Tokenizer& roberta) {
  const auto windows = buildSubwordWindows({sentence({"Hello", "world"}, {0, 1})}, roberta, 16, 4);
  std::vector<std::string> tokens;
  if (!windows.empty())
    for (auto id : windows[0].ids) tokens.push_back(roberta.idToToken(id));
  expectEq(tokens, std::vector<std::string>{"<s>", "ĠHello", "Ġworld", "</s>"},
           "byte-level BPE words get their leading space");
}

}  // namespace

int main() {
  const auto dir = quarry::test::fixturesDir() / "tokenizers";
  if (!std::filesystem::exists(dir / "bert-base-uncased")) {
    std::cout << "SKIP: " << (dir / "bert-base-uncased") << " not found\n";
    return 77;
  }
  auto bert = quarry::text::loadTokenizer(dir / "bert-base-uncased");
  if (!bert.ok()) {
    std::cout << "FAIL loading bert-base-uncased: " << bert.error().toString() << "\n";
    return 1;
  }
  testShortSentence(**bert);
  testLongSentence(**bert);
  if (std::filesystem::exists(dir / "roberta-base")) {
    auto roberta = quarry::text::loadTokenizer(dir / "roberta-base");
    expectTrue(roberta.ok(), "load roberta-base");
    if (roberta.ok()) testByteLevel(**roberta);
  }
  return quarry::test::finish("test_subword_features");
}
