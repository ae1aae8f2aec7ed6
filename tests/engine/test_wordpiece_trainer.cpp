// WordPieceTrainer: a vocabulary worked out by hand (every merge below), HF's own pinned BPE training
// result, the stopping rules, determinism whatever the chunking, the alphabet, the options that change
// the words, the distinct-word cap, and the written folder loaded by the engine's tokenizer factory.

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>
#include <nlohmann/json.hpp>

#include "NerTestSupport.h"
#include "text/BasicTokenizer.h"
#include "text/TokenizerFactory.h"
#include "text/Unicode.h"
#include "text/WordPieceTrainer.h"

using namespace quarry::text;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using Strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

const Strings kSpecials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

Strings trained(const WordPieceTrainer& trainer) {
  auto tokens = trainer.train();
  if (!tokens) {
    expectTrue(false, "training failed: " + tokens.error().toString());
    return {};
  }
  return *tokens;
}

Strings trainOn(const std::vector<std::string>& texts, WordPieceTrainerOptions options = {}) {
  WordPieceTrainer trainer(std::move(options));
  for (const auto& t : texts) trainer.add(t);
  return trained(trainer);
}

bool contains(const Strings& tokens, const std::string& t) {
  return std::find(tokens.begin(), tokens.end(), t) != tokens.end();
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A corpus of made-up sentences over a small syllable set, so that pieces repeat and merge.
std::vector<std::string> syntheticDocuments() {
  const Strings syllables = {"ka", "ri", "mo", "tu", "sel", "an", "dor", "pe", "qui", "lo", "zen", "ba"};
  std::vector<std::string> docs;
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (int d = 0; d < 40; ++d) {
    std::string doc;
    for (int w = 0; w < 60; ++w) {
      if (w) doc += (next() % 9 == 0) ? ", " : " ";
      const int parts = 1 + static_cast<int>(next() % 4);
      std::string word;
      for (int p = 0; p < parts; ++p) word += syllables[next() % syllables.size()];
      if (next() % 7 == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      doc += word;
    }
    docs.push_back(doc + ".");
  }
  return docs;
}

void handWorkedCorpus(const fs::path& tmp) {
  // hug x3, pug x1, pun x2, bun x1, hugs x1. Alphabet b g h n p s u (ids 5-11); continuing g n s u
  // (##g 12, ##n 13, ##s 14, ##u 15). Pairs: ##u ##g 5 (hug 3, hugs 1, pug 1), h ##u 4, ##u ##n 3,
  // p ##u 3, b ##u 1, ##g ##s 1.
  //  1. ##u ##g (5) -> ##ug 16. h ##u drops to 0, p ##u to 2; h ##ug 4, p ##ug 1, ##ug ##s 1.
  //  2. h ##ug (4) -> hug 17 (h ##u, also queued at 4, is stale and goes first: the smaller pair).
  //  3. p ##u (queued at 3, now 2: requeued) and ##u ##n (3): ##u ##n -> ##un 18; p ##un 2, b ##un 1.
  //  4. p ##u (2, now 0: dropped) before p ##un (2), the smaller pair: p ##un -> pun 19.
  //  5. the best pair left occurs once: below min_frequency 2, training stops.
  const std::vector<std::string> corpus = {"hug hug hug pug", "pun pun bun hugs"};
  const Strings expected = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "b",   "g",
                            "h",     "n",     "p",     "s",     "u",      "##g", "##n",
                            "##s",   "##u",   "##ug",  "hug",   "##un",   "pun"};
  expectEq(trainOn(corpus), expected, "hand-worked vocabulary");

  WordPieceTrainerOptions small;
  small.vocabSize = 18;
  expectEq(trainOn(corpus, small), Strings(expected.begin(), expected.begin() + 18),
           "vocab_size 18: stops after the merge that makes the 18th token");
  WordPieceTrainerOptions frequent;
  frequent.minFrequency = 3;
  expectEq(trainOn(corpus, frequent), Strings(expected.begin(), expected.begin() + 19),
           "min_frequency 3: pun (2 occurrences) is not merged");
  WordPieceTrainerOptions once;
  once.minFrequency = 1;
  const Strings all = trainOn(corpus, once);
  expectTrue(all.size() > expected.size() && Strings(all.begin(), all.begin() + 20) == expected,
             "min_frequency 1 merges on past pun");

  // The folder: vocab.txt exactly, a config transformers and loadTokenizer read, and tokenization.
  WordPieceTrainer trainer;
  for (const auto& t : corpus) trainer.add(t);
  const Strings tokens = trained(trainer);
  const fs::path folder = tmp / "hand";
  const auto written = trainer.writeFolder(folder, tokens, 128);
  expectTrue(written.ok(),
             "the folder is written: " + (written ? std::string() : written.error().toString()));
  std::string vocabTxt;
  for (const auto& t : expected) vocabTxt += t + "\n";
  expectEq(readAll(folder / "vocab.txt"), vocabTxt, "vocab.txt: one token a line, in id order");
  const auto config = nlohmann::json::parse(readAll(folder / "tokenizer_config.json"));
  expectEq(config.value("tokenizer_class", ""), "BertTokenizer", "tokenizer_class");
  expectEq(config.value("do_lower_case", false), true, "do_lower_case");
  expectEq(config.value("model_max_length", 0), 128, "model_max_length");
  expectTrue(!config.contains("strip_accents"), "strip_accents left out when not set");
  expectEq(config.value("unk_token", ""), "[UNK]", "unk_token");

  auto tokenizer = loadTokenizer(folder);
  expectTrue(tokenizer.ok(), "the engine's tokenizer factory loads the folder");
  if (!tokenizer) return;
  Strings pieces;
  for (const auto& p : (*tokenizer)->tokenize("Hugs PUN bun hug")) pieces.push_back(p.token);
  expectEq(pieces, Strings{"hug", "##s", "pun", "b", "##un", "hug"},
           "a training sentence tokenizes, no [UNK]");
  expectEq((*tokenizer)->modelMaxLength(), 128, "model_max_length read back");
  for (size_t i = 0; i < kSpecials.size(); ++i)
    expectEq((*tokenizer)->tokenToId(kSpecials[i]).value_or(-1), static_cast<int>(i), kSpecials[i] + "'s id");
  const auto encoding = (*tokenizer)->encode("pun");
  expectEq(encoding.ids, std::vector<int>{2, 19, 3}, "encode: [CLS] pun [SEP]");
}

// bpe/trainer.rs test_train in huggingface/tokenizers: the same word counts, no prefix, min_frequency 2;
// its pinned vocabulary is the alphabet in code point order, then re, are, is.
void huggingFacePinnedBpe() {
  WordPieceTrainerOptions o;
  o.continuingPrefix = "";
  o.specialTokens = {};
  o.limitAlphabet = 0;
  o.vocabSize = 30000;
  WordPieceTrainer trainer(o);
  for (const auto& [word, count] : std::vector<std::pair<std::string, int>>{{"roses", 1},
                                                                            {"are", 2},
                                                                            {"red", 1},
                                                                            {"voilets", 1},
                                                                            {"blue", 1},
                                                                            {"BERT", 1},
                                                                            {"is", 2},
                                                                            {"big", 1},
                                                                            {"and", 1},
                                                                            {"so", 1},
                                                                            {"GPT-2", 1}})
    expectTrue(trainer.addWord(word, static_cast<uint64_t>(count)).ok(), "addWord " + word);
  expectEq(trained(trainer), Strings{"-", "2", "B", "E", "G", "P", "R", "T", "a", "b",  "d",   "e", "g",
                                     "i", "l", "n", "o", "r", "s", "t", "u", "v", "re", "are", "is"},
           "HF's pinned BpeTrainer result (ties: the smaller pair of ids first, so are before is)");
}

void determinism() {
  const auto docs = syntheticDocuments();
  WordPieceTrainerOptions o;
  o.vocabSize = 120;
  std::string whole;
  for (const auto& d : docs) whole += d + "\n\n";
  const Strings oneText = trainOn({whole}, o);
  const Strings perDocument = trainOn(docs, o);
  std::vector<std::string> perWord;
  for (const auto& d : docs) {
    size_t start = 0;
    for (size_t i = 0; i <= d.size(); ++i)
      if (i == d.size() || d[i] == ' ') {
        perWord.push_back(d.substr(start, i - start));
        start = i + 1;
      }
  }
  expectEq(perDocument, oneText, "one text or one add() per document: the same vocabulary");
  expectEq(trainOn(perWord, o), oneText, "one add() per whitespace word: the same vocabulary");
  expectEq(trainOn(docs, o), perDocument, "a second run: the same vocabulary");
  expectEq(oneText.size(), size_t{120}, "vocab_size reached exactly");
  expectEq(Strings(oneText.begin(), oneText.begin() + 5), kSpecials, "special tokens first");

  WordPieceTrainerOptions reordered = o;
  reordered.specialTokens = {"[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]", "[CLS]", "<extra>"};
  const Strings custom = trainOn(docs, reordered);
  expectEq(Strings(custom.begin(), custom.begin() + 6),
           Strings{"[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]", "<extra>"},
           "special tokens in the order given, a repeated one once");
}

// add() counts the runs between spaces, tabs and line breaks before splitting them: the same counts as
// splitting the whole text, whatever whitespace, control characters or case mappings are in it.
void runsSplitLikeWholeText() {
  const std::string text =
      "ΟΔΟΣ οδός\u00a0İstanbul\vx\fy\r\nA\u3000B\tC\u2028D é\u0301 東京a  (x)y,z \xff\xfe bad "
      "\x01"
      "ctl \x1c ΟΔΟΣ,ΟΔΟΣ!";
  WordPieceTrainerOptions o;
  o.minFrequency = 1;
  o.vocabSize = 100000;
  WordPieceTrainer byRuns(o), byWords(o);
  byRuns.add(text);
  BasicTokenizer basic;
  const auto cps = unicode::decodeUtf8(text).cps;
  for (const auto& word : basic.tokenize(lowerEachChar(cps, 0, static_cast<int32_t>(cps.size()), true)))
    expectTrue(byWords.addWord(word.utf8()).ok(), "addWord " + word.utf8());
  expectEq(byRuns.wordsCounted(), byWords.wordsCounted(), "runs: as many words as the whole text");
  expectEq(byRuns.distinctWords(), byWords.distinctWords(), "runs: as many distinct words");
  expectEq(trained(byRuns), trained(byWords), "runs: the same vocabulary as the whole text's words");
}

// Every character of every training word is a token, and "##c" for every character after a word's first.
void alphabet() {
  const std::vector<std::string> texts = {"Café naïve ÜBER straße, 東京大学 (αβγ) x½y — ok!", "Ǆemal ﬁne"};
  const Strings tokens = trainOn(texts);
  BasicTokenizer basic;
  bool allThere = true;
  for (const auto& t : texts) {
    const auto cps = unicode::decodeUtf8(t).cps;
    for (const auto& word : basic.tokenize(lowerEachChar(cps, 0, static_cast<int32_t>(cps.size()), true)))
      for (size_t i = 0; i < word.size(); ++i) {
        const std::string c = unicode::toUtf8(&word.cps[i], 1);
        const bool there = contains(tokens, c) && (i == 0 || contains(tokens, "##" + c));
        if (!there) expectTrue(false, "alphabet: " + c + (i ? " and ##" + c : "") + " present");
        allThere = allThere && there;
      }
  }
  expectTrue(allThere, "every character of the corpus is in the alphabet");
  expectTrue(contains(tokens, "cafe") || contains(tokens, "c"), "accents stripped when lowercasing");
  expectTrue(!contains(tokens, "é") && !contains(tokens, "##é"), "no é once accents are stripped");

  WordPieceTrainerOptions cased;
  cased.lowercase = false;
  const Strings casedTokens = trainOn({"Café Café"}, cased);
  expectTrue(contains(casedTokens, "C") && contains(casedTokens, "##é"),
             "lowercase off: case and accents kept");
  WordPieceTrainerOptions accents;
  accents.stripAccents = false;
  expectTrue(contains(trainOn({"Café Café"}, accents), "##é"),
             "strip_accents false: é kept while lowercasing");

  // limit_alphabet: the most frequent characters; d and e both occur once, the smaller code point stays.
  WordPieceTrainerOptions limited;
  limited.limitAlphabet = 4;
  const Strings few = trainOn({"aaaa bbb cc e d"}, limited);
  expectTrue(contains(few, "a") && contains(few, "b") && contains(few, "c") && contains(few, "d"),
             "limit_alphabet 4 keeps a, b, c and d");
  expectTrue(!contains(few, "e"), "limit_alphabet 4 drops e (as frequent as d, later code point)");
}

void distinctWordCap() {
  WordPieceTrainerOptions o;
  o.maxDistinctWords = 4;
  WordPieceTrainer trainer(o);
  trainer.add("aa aa aa aa aa bb bb bb cc dd");
  expectEq(trainer.distinctWords(), size_t{4}, "four distinct words, at the cap");
  trainer.add("ee");
  // Keep at most 3: dropping the words counted once (cc, dd) leaves 2; then ee comes in.
  expectEq(trainer.distinctWords(), size_t{3}, "the rarest dropped when a fifth word comes");
  expectEq(trainer.wordsDropped(), uint64_t{2}, "two occurrences dropped");
  expectEq(trainer.wordsCounted(), uint64_t{11}, "every occurrence counted");
  const Strings tokens = trained(trainer);
  expectTrue(!contains(tokens, "c") && !contains(tokens, "d") && contains(tokens, "e"),
             "the dropped words' characters are gone");
}

void errors(const fs::path& tmp) {
  WordPieceTrainer empty;
  expectTrue(!empty.train().ok(), "no words: an error");
  WordPieceTrainer trainer;
  expectTrue(!trainer.addWord("two words").ok(), "addWord refuses whitespace");
  expectTrue(!trainer.addWord("").ok(), "addWord refuses an empty word");
  expectTrue(!trainer.addWord("\xff").ok(), "addWord refuses invalid UTF-8");
  trainer.add("some text to count, some text to count");
  int calls = 0;
  const auto cancelled = trainer.train([&](int64_t, int64_t) { return ++calls > 100; });
  expectTrue(!cancelled.ok() && cancelled.error().message == "cancelled", "progress returning false cancels");

  WordPieceTrainerOptions noSpecials;
  noSpecials.specialTokens = {"[PAD]", "[UNK]"};
  WordPieceTrainer bare(noSpecials);
  bare.add("hello hello");
  const Strings tokens = trained(bare);
  const auto status = bare.writeFolder(tmp / "bare", tokens);
  expectTrue(!status.ok() && status.error().message.find("[CLS]") != std::string::npos &&
                 status.error().field == "special_tokens",
             "a vocabulary without [CLS] is refused, naming it");
  expectTrue(!fs::exists(tmp / "bare"), "nothing written");
  WordPieceTrainerOptions zero;
  zero.vocabSize = 0;
  WordPieceTrainer none(zero);
  none.add("x");
  const auto refused = none.train();
  expectTrue(!refused.ok() && refused.error().field == "vocab_size",
             "vocab_size 0 refused, naming the field");
}

// A larger vocabulary written with strip_accents set: the config says so and every training text
// tokenizes without [UNK].
void roundTrip(const fs::path& tmp) {
  WordPieceTrainerOptions o;
  o.vocabSize = 150;
  o.stripAccents = true;
  WordPieceTrainer trainer(o);
  auto docs = syntheticDocuments();
  docs.push_back("Kärtner Größe: ½ ∑ 東京");
  for (const auto& d : docs) trainer.add(d);
  const Strings tokens = trained(trainer);
  const fs::path folder = tmp / "synthetic";
  expectTrue(trainer.writeFolder(folder, tokens).ok(), "written");
  expectEq(nlohmann::json::parse(readAll(folder / "tokenizer_config.json")).value("strip_accents", false),
           true, "strip_accents written when set");
  auto tokenizer = loadTokenizer(folder);
  expectTrue(tokenizer.ok(), "loads");
  if (!tokenizer) return;
  expectEq((*tokenizer)->vocabSize(), static_cast<int>(tokens.size()), "vocabulary size read back");
  size_t unknown = 0, pieces = 0;
  for (const auto& d : docs)
    for (const auto& p : (*tokenizer)->tokenize(d)) {
      ++pieces;
      unknown += p.token == "[UNK]";
    }
  expectEq(unknown, size_t{0}, "no [UNK] over the training texts");
  expectTrue(pieces > 0, "pieces produced");
}

}  // namespace

int main() {
  const fs::path tmp =
      fs::temp_directory_path() / ("quarry-test-wordpiece-trainer-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  handWorkedCorpus(tmp);
  huggingFacePinnedBpe();
  determinism();
  runsSplitLikeWholeText();
  alphabet();
  distinctWordCap();
  errors(tmp);
  roundTrip(tmp);
  fs::remove_all(tmp);
  return quarry::test::finish("test_wordpiece_trainer");
}
