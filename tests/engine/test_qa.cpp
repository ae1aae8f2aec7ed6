// Extractive QA on the shared Trainer: question/context windows laid out by the tokenizer's pair template
// with offsets and SQuAD 2.0 targets worked by hand, BM25 scores computed by hand, span decoding of
// hand-made logits (the best span over windows, the lowest null score, the no-answer threshold,
// multi-span answers), a random tiny BERT learning a toy QA set (with unanswerable questions) well above
// the trivial baselines, its Hugging Face ...ForQuestionAnswering folder scoring the same after loading,
// and clear errors on damaged folders and wrong options.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "eval/SquadScore.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/kernels/CpuThreads.h"
#include "text/Bm25Index.h"
#include "text/TokenizerFactory.h"
#include "train/TaskFactory.h"
#include "train/qa/QaSpanDecoder.h"
#include "train/qa/QaTask.h"
#include "train/qa/BiLstmQaReader.h"
#include "train/qa/QaWindows.h"
#include "train/qa/TransformerQa.h"
#include "EngineCheck.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace document = quarry::document;
namespace text = quarry::text;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::fabs(a - b) < tolerance; }

// Four kinds of words; a context names three of them, a question asks for one kind.
const std::vector<std::string> kKinds = {"colour", "animal", "city", "name"};
const std::vector<std::vector<std::string>> kKindWords = {{"red", "green", "blue", "yellow", "purple"},
                                                          {"cat", "dog", "horse", "bird", "goat"},
                                                          {"oslo", "lima", "cairo", "quito", "perth"},
                                                          {"alice", "carol", "dave", "erin", "judy"}};
const std::vector<std::string> kWords = {"which", "is", "the", "and", "we", "saw", "met",  "bob",   "in",
                                         "paris", "later", "went", "to", "rome", "where", "did", "go"};

std::string writeTokenizer(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "?", "alice"}) v << t << '\n';
  for (const std::string& w : kKinds) v << w << '\n';
  for (const auto& list : kKindWords)
    for (const std::string& w : list)
      if (w != "alice") v << w << '\n';
  for (const std::string& w : kWords) v << w << '\n';
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

// "dog red lima ." (three kinds of word in random order) with a question about a kind that is there
// ("animal ?": dog) and, for every other document, one about the kind that is not (unanswerable).
std::vector<document::AnnotatedDocument> makeToyQa(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < count; ++i) {
    document::AnnotatedDocument d;
    d.id = "toy-" + std::to_string(i);
    std::vector<size_t> kinds = {0, 1, 2, 3};
    std::shuffle(kinds.begin(), kinds.end(), rng);
    std::vector<document::AnswerSpan> spans;
    for (int k = 0; k < 3; ++k) {
      const auto& words = kKindWords[kinds[static_cast<size_t>(k)]];
      if (k > 0) d.text += ' ';
      const auto start = static_cast<int32_t>(d.text.size());
      d.text += words[rng() % words.size()];
      spans.push_back({start, static_cast<int32_t>(d.text.size())});
    }
    d.text += " .";
    const size_t asked = rng() % 3;
    d.questions.push_back({d.id + "-q", "", kKinds[kinds[asked]] + " ?", {spans[asked]}});
    if (i % 2 == 1) d.questions.push_back({d.id + "-none", "", kKinds[kinds[3]] + " ?", {}});
    docs.push_back(std::move(d));
  }
  return docs;
}

void checkWindows(const text::Tokenizer& tokenizer) {
  document::AnnotatedDocument d;
  d.id = "trip";
  d.text = "alice met bob in paris . later bob went to rome .";
  // rome: [43, 47); "bob went to rome": [31, 47); "ob went to rome" starts inside "bob".
  d.questions = {{"q1", "", "where did bob go ?", {{43, 47}}},
                 {"q2", "", "where did bob go ?", {{32, 47}}},
                 {"q3", "", "where did bob go ?", {}}};
  QaWindowOptions options;
  options.maxLength = 16;  // 16 - 3 specials - 5 question tokens: 8 context tokens per window
  options.stride = 3;
  const std::unique_ptr<QaInputs> in = QaWindowBuilder(TokenizerQaLayout(tokenizer), options).build({d}, qaExamples({d}));
  EXPECT(in->examples.size() == 3 && in->windows.size() == 6, "two windows per question (12 context tokens)");
  const QaWindow& first = in->windows[0];
  const QaWindow& second = in->windows[1];
  const int64_t cls = *tokenizer.specialTokens().clsId, sep = *tokenizer.specialTokens().sepId;
  EXPECT(first.ids.size() == 16 && first.ids[0] == cls && first.ids[6] == sep && first.ids.back() == sep,
         "[CLS] question [SEP] context [SEP]");
  EXPECT(first.contextBegin == 7 && first.typeIds[6] == 0 && first.typeIds[7] == 1, "the context is segment 1");
  EXPECT(first.contextOffsets.size() == 8 && first.contextOffsets[4].start == 17 && first.contextOffsets[4].end == 22,
         "context offsets are code points of the document (paris)");
  EXPECT(second.contextOffsets.size() == 7 && second.contextOffsets.front().start == 23,
         "the second window starts 3 tokens before the first ended");
  EXPECT(first.startTarget == 0 && first.endTarget == 0 && !first.holdsAnswer, "no answer inside: CLS");
  EXPECT(second.startTarget == 12 && second.endTarget == 12 && second.holdsAnswer, "rome: token 7 + 5");
  EXPECT(in->windows[3].startTarget == 9 && in->windows[3].endTarget == 12, "an answer starting inside a token");
  EXPECT(in->windows[4].startTarget == 0 && in->windows[5].endTarget == 0 && !in->windows[5].holdsAnswer,
         "unanswerable: CLS in every window");
  EXPECT(in->answerable == 2 && near(in->retrievalRecall(), 1.0), "every window read: recall 1");

  // top_k = 1: the window BM25 ranks first against the question is the only one read.
  document::AnnotatedDocument r = d;
  r.questions = {{"rome", "", "where is rome ?", {{43, 47}}}, {"paris", "", "where is paris ?", {{43, 47}}}};
  options.topK = 1;
  const std::unique_ptr<QaInputs> top = QaWindowBuilder(TokenizerQaLayout(tokenizer), options).build({r}, qaExamples({r}));
  EXPECT(top->windows.size() == 4 && !top->windows[0].read && top->windows[1].read, "rome is in the second window");
  EXPECT(top->windows[2].read && !top->windows[3].read, "paris is in the first window");
  EXPECT(top->answerable == 2 && top->answerableRead == 1 && near(top->retrievalRecall(), 0.5),
         "recall: one of two answers lies in a window read");
}

void checkBm25() {
  const std::vector<std::vector<std::string>> docs = {{"the", "cat", "sat"}, {"the", "dog", "sat", "down"},
                                                      {"cat", "cat", "cat"}};
  const text::Bm25Index index(docs);  // k1 1.2, b 0.75, avgdl 10/3
  // cat: n = 2, idf ln(1 + 1.5 / 2.5); d0: f 1, |d|/avgdl 0.9 -> 2.2 / (1 + 1.2 * 0.925); d2: 3 * 2.2 / (3 + 1.11).
  EXPECT(near(index.idf("cat"), std::log(1.6)) && near(index.idf("dog"), std::log(1 + 2.5 / 1.5)), "idf");
  EXPECT(near(index.score({"cat"}, 0), std::log(1.6) * 2.2 / 2.11), "a term once in a short document");
  EXPECT(near(index.score({"cat"}, 2), std::log(1.6) * 3 * 2.2 / 4.11), "term frequency saturates");
  EXPECT(index.score({"cat"}, 1) == 0, "absent terms score nothing");
  // dog + sat in d1: |d|/avgdl 1.2 -> each 2.2 / (1 + 1.2 * 1.15).
  EXPECT(near(index.score({"dog", "sat"}, 1), (std::log(8.0 / 3) + std::log(1.6)) * 2.2 / 2.38), "two terms");
  EXPECT(near(index.score({"cat", "cat"}, 0), 2 * index.score({"cat"}, 0)), "a repeated query term counts again");
  EXPECT((index.top({"cat"}, 0) == std::vector<size_t>{2, 0, 1}) && (index.top({"dog", "sat"}, 1) == std::vector<size_t>{1}),
         "ranking, best first");
  EXPECT((text::Bm25Index::terms("The Cat's 2 cats\u2014\u03a3\u039f\u03a6\u0399\u0391") ==
          std::vector<std::string>{"the", "cat", "s", "2", "cats", "\u03c3\u03bf\u03c6\u03b9\u03b1"}),
         "terms: lower-cased runs of letters and numbers");
}

void checkDecoder() {
  // One example, two windows: [CLS] q q [SEP] c.. [SEP] over "abc def ghi jkl".
  const std::string textA = "abc def ghi jkl";
  QaInputs in;
  in.examples.push_back({0, "q", "q", {}});
  QaWindow a;
  a.contextBegin = 4;
  a.contextOffsets = {{0, 3}, {4, 7}, {8, 11}};
  a.ids.assign(8, 1);
  QaWindow b;
  b.contextBegin = 4;
  b.contextOffsets = {{8, 11}, {12, 15}};
  b.ids.assign(7, 1);
  in.windows = {a, b};
  std::vector<QaWindowLogits> logits(2);
  logits[0] = {{1, 0, 0, 0, 2, 5, 0, 0}, {1, 0, 0, 0, 0, 3, 4, 0}};  // null 2; best c1..c2 = 5 + 4
  logits[1] = {{0.25f, 0, 0, 0, 1, 1, 0}, {0.25f, 0, 0, 0, 1, 1, 0}};  // null 0.5; c2 alone 2 (window a: 4)
  QaDecodeOptions options;
  options.maxAnswerLength = 30;
  const std::vector<QaQuestionScores> s = scoreQaSpans(in, logits, options);
  EXPECT(s.size() == 1 && near(s[0].nullScore, 0.5), "the null score is the lowest over the windows");
  EXPECT(!s[0].candidates.empty() && s[0].candidates[0].start == 4 && s[0].candidates[0].end == 11 &&
             near(s[0].candidates[0].score, 9),
         "the best span: start + end logits, mapped to code points");
  bool once = true;
  for (const QaCandidate& c : s[0].candidates)
    if (c.start == 8 && c.end == 11) once = once && near(c.score, 4);
  EXPECT(once && s[0].candidates.size() == 8, "a span two windows share counts once, at its better score");
  double total = std::exp(0.5 - 9);
  for (const QaCandidate& c : s[0].candidates) total += std::exp(c.score - 9);
  EXPECT(near(s[0].candidates[0].probability, 1 / total), "probabilities: softmax over the candidates and null");
  EXPECT(near(s[0].noAnswerMargin(), 0.5 - 9), "margin = null - best");
  QaAnswerRule rule;
  auto answers = decideAnswers(s[0], "q", textA, rule);
  EXPECT(answers.size() == 1 && !answers[0].noAnswer && answers[0].text == "def ghi" && answers[0].start == 4,
         "answered when the margin is below the threshold");
  rule.noAnswerThreshold = -9;
  answers = decideAnswers(s[0], "q", textA, rule);
  EXPECT(answers.size() == 1 && answers[0].noAnswer && answers[0].text.empty(), "no answer above the threshold");
  rule.allowNoAnswer = false;
  EXPECT(!decideAnswers(s[0], "q", textA, rule)[0].noAnswer, "never: always the best span");
  options.maxAnswerLength = 1;
  const auto single = scoreQaSpans(in, logits, options);
  EXPECT(single[0].candidates[0].start == 4 && single[0].candidates[0].end == 7, "max_answer_length 1: def alone");

  // Multi-span: two single-token spans of equal score in one window.
  QaInputs m;
  m.examples.push_back({0, "m", "m", {}});
  m.windows = {a};
  const std::vector<QaWindowLogits> twin = {{{0, 0, 0, 0, 5, -5, 5, 0}, {0, 0, 0, 0, 5, -5, 5, 0}}};
  const auto ms = scoreQaSpans(m, twin, options);
  QaAnswerRule multi;
  multi.multiSpanThreshold = 0.3;  // each of the two has probability e^10 / (2 e^10 + e^-10 + e^0) ~ 0.49998
  const auto two = decideAnswers(ms[0], "m", textA, multi);
  EXPECT(two.size() == 2 && two[0].text == "abc" && two[1].text == "ghi" && near(two[1].confidence, 0.49998, 1e-4),
         "every non-overlapping span of at least the multi-span threshold");
  multi.multiSpanThreshold = 0.6;
  EXPECT(decideAnswers(ms[0], "m", textA, multi).size() == 1, "below the multi-span threshold: one answer");
  EXPECT(codePointSlice("a\u00e9b\u4e2dc", 1, 4) == "\u00e9b\u4e2d", "slices count code points");
}

// The from-scratch reader: its word layout, its vocabulary's hashed rows, learning the toy set, its folder.
void checkReader(const std::vector<document::AnnotatedDocument>& train, const std::vector<document::AnnotatedDocument>& dev,
                 const fs::path& root) {
  TrainConfig c = TrainConfig::defaultsFor("qa");
  c.maxLength = 24;
  c.stride = 4;
  c.maxAnswerLength = 4;
  c.wordDim = 32;
  c.lstmHidden = 32;
  c.epochs = 12;
  c.batchSize = 16;
  c.seed = 5;
  c.schedule = "constant";
  c.patience = 0;
  auto created = BiLstmQaReader::create(c, train);
  EXPECT(created.ok(), "the reader builds its vocabulary from the training documents");
  if (!created) return;
  const BiLstmQaReader& reader = *created.value();
  EXPECT(reader.wordRow("Dog") == reader.wordRow("dog") && reader.wordRow("dog") >= 2 &&
             reader.wordRow("dog") < 2 + reader.vocabularySize(),
         "words are looked up lower-cased");
  const int64_t unseen = reader.wordRow("zanzibar");
  EXPECT(unseen >= 2 + reader.vocabularySize() && unseen == reader.wordRow("Zanzibar") && unseen != reader.wordRow("qwerty0"),
         "an unseen word gets a hashed row after the vocabulary, the same for its other casing");

  document::AnnotatedDocument d;
  d.id = "words";
  d.text = "Ωmega dog, red lima.";
  d.questions = {{"q", "", "animal ?", {{6, 9}}}};
  const std::unique_ptr<QaInputs> in = reader.featurize({d}, qaExamples({d}), true);
  EXPECT(in->windows.size() == 1, "one window");
  if (in->windows.size() == 1) {
    const QaWindow& w = in->windows[0];
    EXPECT(w.ids.size() == 1 + 2 + 6 && w.ids[0] == 1 && w.contextBegin == 3 && w.typeIds[2] == 0 && w.typeIds[3] == 1,
           "[null] question words, context words");
    EXPECT(w.contextOffsets.size() == 6 && w.contextOffsets[0].start == 0 && w.contextOffsets[0].end == 5 &&
               w.contextOffsets[2].start == 9 && w.contextOffsets[2].end == 10,
           "context words with code point offsets, punctuation on its own");
    EXPECT(w.startTarget == 4 && w.endTarget == 4 && w.holdsAnswer, "the answer word's window position");
  }

  TrainRequest request;
  request.config = c;
  request.train = train;
  request.dev = dev;
  request.outputFolder = (root / "reader").string();
  auto r = runTraining(request);
  EXPECT(r.ok(), "the reader trains");
  if (!r) {
    std::printf("%s\n", r.error().toString().c_str());
    return;
  }
  std::printf("toy QA dev F1 %.4f after %lld steps (%s)\n", r->bestDevScore, static_cast<long long>(r->steps),
              r->describeModel.c_str());
  EXPECT(r->bestDevScore > 0.9, "the reader learns the toy set (no answer: 0.33, first word: 0.21)");
  const nlohmann::json meta = nlohmann::json::parse(std::ifstream(fs::path(r->bestFolder) / "quarry_task.json"));
  EXPECT(meta["kind"] == "bilstm-reader" && meta["null_threshold"].is_number() && meta["hidden"] == 32,
         "quarry_task.json names the reader and keeps its sizes and threshold");
  auto again = evaluateModelFolder(r->bestFolder, dev);
  EXPECT(again.ok() && near(again->primary, r->bestDevScore, 1e-9), "the reader's best/ scores the same after loading");
  auto loaded = loadQaModel(r->bestFolder);
  EXPECT(loaded.ok() && !loaded.value()->isTransformer(), "loadQaModel reads the reader's folder");

  const fs::path copy = root / "reader-damaged";
  fs::copy(r->bestFolder, copy, fs::copy_options::recursive);
  std::ofstream(copy / "vocabulary.json") << R"({"format": "quarry-qa-vocabulary", "version": 1, "words": ["a", 3]})";
  auto wrong = loadQaModel(copy.string());
  EXPECT(!wrong.ok() && wrong.error().field == "words[1]" && wrong.error().file.find("vocabulary.json") != std::string::npos,
         "a damaged vocabulary names the file and the entry");
  std::ofstream(copy / "vocabulary.json") << R"({"format": "quarry-qa-vocabulary", "version": 1, "words": ["a"]})";
  wrong = loadQaModel(copy.string());
  EXPECT(!wrong.ok() && wrong.error().file.find("weights.safetensors") != std::string::npos,
         "a vocabulary that does not fit the weights is refused, naming the weights file");
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-qa-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string tokenizerFolder = writeTokenizer(root / "tok");
  auto tokenizer = text::loadTokenizer(tokenizerFolder);
  EXPECT(tokenizer.ok(), "the toy tokenizer loads");
  if (!tokenizer) return 1;
  checkWindows(*tokenizer.value());
  checkBm25();
  checkDecoder();

  const auto trainDocs = makeToyQa(240, 1), dev = makeToyQa(60, 2);
  checkReader(trainDocs, dev, root);

  // A random tiny BERT learns the toy set.
  TrainConfig c = TrainConfig::defaultsFor("qa");
  c.kind = ModelKind::Transformer;
  c.tokenizerFolder = tokenizerFolder;
  c.randomLayers = 1;
  c.randomHidden = 64;
  c.randomHeads = 4;
  c.randomIntermediate = 128;
  c.maxLength = 32;
  c.stride = 8;
  c.maxAnswerLength = 4;
  c.epochs = 25;  // the answer's dependence on the question is learned between epochs 10 and 20 (seeds 3-7)
  c.batchSize = 16;
  c.learningRate = 2e-3;
  c.patience = 0;
  c.seed = 3;
  c.schedule = "constant";
  TrainRequest request;
  request.config = c;
  request.train = trainDocs;
  request.dev = dev;
  request.outputFolder = (root / "run").string();
  auto r = runTraining(request);
  EXPECT(r.ok(), "QA training runs");
  if (!r) std::printf("%s\n", r.error().toString().c_str());
  if (r) {
    // Baselines on dev: always no answer; the first name of the context.
    std::vector<quarry::eval::SquadGold> gold;
    std::vector<std::string> none, firstWord;
    for (const auto& d : dev)
      for (const auto& q : d.questions) {
        gold.push_back({q.id, {}});
        for (const auto& a : q.answers) gold.back().answers.push_back(d.text.substr(size_t(a.start), size_t(a.end - a.start)));
        none.emplace_back();
        firstWord.push_back(d.text.substr(0, d.text.find(' ')));
      }
    const double noneF1 = quarry::eval::scoreSquad(gold, none).f1, firstF1 = quarry::eval::scoreSquad(gold, firstWord).f1;
    std::printf("toy QA dev F1 %.4f (EM %.4f) after %lld steps; baselines: no answer %.4f, first word %.4f (%s)\n",
                r->bestDevScore, r->bestDevReport.details.value("exact", -1.0), static_cast<long long>(r->steps), noneF1,
                firstF1, r->describeModel.c_str());
    EXPECT(r->task == "qa" && r->bestDevReport.primaryName == "f1", "task and primary metric (SQuAD F1)");
    EXPECT(r->bestDevScore > 0.75 && r->bestDevScore > noneF1 + 0.3 && r->bestDevScore > firstF1 + 0.3,
           "the model learns the toy set well above the trivial baselines");
    const nlohmann::json& details = r->bestDevReport.details;
    EXPECT(details.value("HasAns_total", 0) == 60 && details.value("NoAns_total", 0) == 30 &&
               details.contains("NoAns_f1") && near(details.value("retrieval_recall", 0.0), 1.0),
           "HasAns/NoAns breakdown and retrieval recall in the report");
    const fs::path best = r->bestFolder;
    const nlohmann::json config = nlohmann::json::parse(std::ifstream(best / "config.json"));
    EXPECT(config["architectures"][0] == "BertForQuestionAnswering" && config["id2label"].size() == 2,
           "a Hugging Face ...ForQuestionAnswering folder (num_labels 2)");
    const nlohmann::json meta = nlohmann::json::parse(std::ifstream(best / "quarry_task.json"));
    EXPECT(meta["task"] == "qa" && meta["no_answer"] == "tune" && meta["null_threshold"].is_number() &&
               near(meta["null_threshold"].get<double>(), details.value("null_threshold", 1e9), 1e-9),
           "the tuned no-answer threshold is kept with the model");
    auto task = modelFolderTask(best.string());
    EXPECT(task.ok() && *task == "qa", "the folder says it is a QA model");
    auto again = evaluateModelFolder(best.string(), dev);
    EXPECT(again.ok() && near(again->primary, r->bestDevScore, 1e-9), "best/ scores the best dev figure again");
    auto loaded = TransformerQa::load(best.string());
    EXPECT(loaded.ok(), "best/ loads");
    if (loaded) {
      const QaRun run = answerQuestions(*loaded.value(), dev, 16);
      bool textsMatch = run.answers.size() == 90;
      for (size_t e = 0; e < run.answers.size() && textsMatch; ++e)
        for (const auto& a : run.answers[e])
          textsMatch = textsMatch && a.questionId == run.examples[e].questionId && a.confidence >= 0 && a.confidence <= 1 &&
                       (a.noAnswer ? a.text.empty()
                                   : a.text == dev[size_t(run.examples[e].document)].text.substr(size_t(a.start), size_t(a.end - a.start)));
      EXPECT(textsMatch, "answers carry their question, text cut at their offsets and a confidence");
    }
    // Damaged folders.
    const fs::path copy = root / "damaged";
    fs::copy(best, copy, fs::copy_options::recursive);
    nlohmann::json bad = meta;
    bad["no_answer"] = "sometimes";
    std::ofstream(copy / "quarry_task.json") << bad.dump();
    auto wrong = TransformerQa::load(copy.string());
    EXPECT(!wrong.ok() && wrong.error().field == "no_answer" && wrong.error().file.find("quarry_task.json") != std::string::npos,
           "a bad no_answer names the file and field");
    bad = meta;
    bad["labels"] = {"start"};
    std::ofstream(copy / "quarry_task.json") << bad.dump();
    wrong = TransformerQa::load(copy.string());
    EXPECT(!wrong.ok() && wrong.error().field == "labels", "labels other than start/end are refused");
    bad = meta;
    bad["task"] = "classify";
    std::ofstream(copy / "quarry_task.json") << bad.dump();
    wrong = TransformerQa::load(copy.string());
    EXPECT(!wrong.ok() && wrong.error().field == "task", "a folder of another task is refused");
  }

  // Fine-tuning the fixtures' BertForQuestionAnswering (transformers 4.28.1): its head is kept, and the
  // saved folder holds exactly the tensors transformers saved, so that it loads them back by name.
  const char* shared = std::getenv("QUARRY_SHARED_DIR");
  const fs::path fixture = fs::path(shared ? shared : "../shared") / "fixtures/models/bert-question-answering";
  if (fs::is_directory(fixture)) {
    TrainConfig f = TrainConfig::defaultsFor("qa");
    f.kind = ModelKind::Transformer;
    f.modelFolder = fixture.string();
    f.maxLength = 32;
    f.stride = 8;
    f.epochs = 1;
    f.batchSize = 16;
    TrainRequest tune;
    tune.config = f;
    tune.train.assign(trainDocs.begin(), trainDocs.begin() + 40);
    tune.dev.assign(dev.begin(), dev.begin() + 10);
    tune.outputFolder = (root / "fixture").string();
    auto tuned = runTraining(tune);
    EXPECT(tuned.ok(), "a Hugging Face QA checkpoint fine-tunes");
    if (tuned) {
      auto original = quarry::model::readCheckpoint(fixture.string());
      auto saved = quarry::model::readCheckpoint(tuned->bestFolder);
      bool sameNames = original.ok() && saved.ok() && original->weights.size() == saved->weights.size();
      for (const auto& [name, tensor] : original.ok() ? original->weights : quarry::model::StateDict{}) {
        auto it = saved.ok() ? saved->weights.find(name) : quarry::model::StateDict::const_iterator{};
        sameNames = sameNames && it != saved->weights.end() && it->second.sizes() == tensor.sizes();
      }
      EXPECT(sameNames, "the saved folder has transformers' tensor names and shapes (qa_outputs included)");
      EXPECT(saved.ok() && saved->config.architectures == std::vector<std::string>{"BertForQuestionAnswering"} &&
                 saved->config.id2label.size() == 2,
             "config.json names ...ForQuestionAnswering with num_labels 2");
    }
  } else {
    std::printf("note: %s not found; the Hugging Face fixture check is skipped\n", fixture.c_str());
  }

  // Options: QA's own keys and defaults, from-scratch refused, no questions refused.
  {
    bool marked = false, nerHasQa = false, qaHasQa = false, qaDefaults = false;
    for (const auto& [key, help] : TrainConfig::describe())
      marked = marked || (key.rfind("max_answer_length", 0) == 0 && help.find("[qa only]") != std::string::npos);
    for (const auto& [key, help] : TrainConfig::describe("ner")) nerHasQa = nerHasQa || key.rfind("top_k_windows", 0) == 0;
    for (const auto& [key, help] : TrainConfig::describe("qa")) {
      qaHasQa = qaHasQa || key.rfind("multi_span_threshold", 0) == 0;
      qaDefaults = qaDefaults || key == "max_length = 384";
    }
    EXPECT(marked && !nerHasQa && qaHasQa && qaDefaults, "QA options are listed for qa only, with its defaults");
    auto parsed = TrainConfig::fromJson({{"task", "qa"}});
    EXPECT(parsed.ok() && parsed->kind == ModelKind::FromScratch && parsed->maxLength == 384 && parsed->stride == 128 &&
               parsed->lstmHidden == 128 && near(parsed->dropout, 0.3),
           "qa defaults: the from-scratch reader, 384-unit windows with stride 128");
    auto scratch = TrainConfig::fromJson({{"task", "qa"}, {"model", "bilstm-crf"}});
    EXPECT(!scratch.ok() && scratch.error().field == "model", "the NER tagger is no QA model");
    auto reader = TrainConfig::fromJson({{"task", "qa"}, {"model", "bilstm-reader"}});
    EXPECT(reader.ok() && reader->kind == ModelKind::FromScratch, "bilstm-reader names QA's from-scratch model");
    auto notNer = TrainConfig::fromJson({{"task", "ner"}, {"model", "bilstm-reader"}});
    EXPECT(!notNer.ok() && notNer.error().field == "model", "the reader is no NER model");
    auto mode = TrainConfig::fromJson({{"task", "qa"}, {"no_answer", "maybe"}});
    EXPECT(!mode.ok() && mode.error().field == "no_answer", "no_answer is checked by key");
    TrainRequest empty;
    empty.config = TrainConfig::defaultsFor("qa");
    empty.config.tokenizerFolder = tokenizerFolder;
    empty.train = trainDocs;
    for (auto& d : empty.train) d.questions.clear();
    empty.outputFolder = (root / "empty").string();
    auto refused = runTraining(empty);
    EXPECT(!refused.ok() && refused.error().message.find("no question") != std::string::npos, "no questions: a clear error");
  }

  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
