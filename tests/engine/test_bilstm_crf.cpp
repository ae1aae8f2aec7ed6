// The from-scratch BiLSTM-CNN-CRF tagger: vocabulary normalisation, casing classes and JSON (good
// and broken), batch featurisation, parameter groups, learning a tiny synthetic task to 100% with a
// fixed seed, identical losses across two runs with the same seed, save -> load identical emissions,
// and load errors that name the file and tensor or field.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>
#include <nlohmann/json.hpp>

#include "model/bilstm/BiLstm.h"
#include "model/bilstm/BiLstmCrfFolder.h"
#include "model/bilstm/BiLstmCrfTagger.h"
#include "model/optim/FusedAdamW.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/bilstm/TaggerBatch.h"
#include "model/bilstm/TaggerVocabulary.h"

#include "EngineCheck.h"

using namespace quarry;
using namespace quarry::model;
namespace fs = std::filesystem;

namespace {

using quarry::test::check;
using quarry::test::g_failures;

template <typename T>
void equal(const T& actual, const T& expected, const std::string& what) {
  if (!(actual == expected)) {
    ++g_failures;
    std::printf("FAIL: %s: expected '%s', got '%s'\n", what.c_str(), std::to_string(expected).c_str(),
                std::to_string(actual).c_str());
  }
}

void equalStr(const std::string& actual, const std::string& expected, const std::string& what) {
  if (actual != expected) {
    ++g_failures;
    std::printf("FAIL: %s: expected '%s', got '%s'\n", what.c_str(), expected.c_str(), actual.c_str());
  }
}

// An error whose field (or message) names `needle`, and whose file is `file`.
void expectError(const Error& e, const std::string& file, const std::string& field, const std::string& what) {
  if (e.file != file || e.field != field) {
    ++g_failures;
    std::printf("FAIL: %s: expected file '%s' field '%s', got '%s'\n", what.c_str(), file.c_str(),
                field.c_str(), e.toString().c_str());
  }
}

void testVocabulary() {
  using V = TaggerVocabulary;
  equalStr(V::normalizeWord("Hello"), "hello", "normalise ASCII");
  equalStr(V::normalizeWord("COVID-19"), "covid-00", "normalise digits");
  equalStr(V::normalizeWord("\xC3\x84rzte"), "\xC3\xA4rzte", "normalise Unicode uppercase (Ä -> ä)");
  equalStr(V::normalizeWord("\xCE\x95\xCE\xBB"), "\xCE\xB5\xCE\xBB", "normalise Greek (Ε -> ε)");
  equalStr(V::normalizeWord("x\xD9\xA3"), "x0", "normalise an Arabic-Indic digit");
  equalStr(V::normalizeWord("a\xFF"
                            "B"),
           "a\xFF"
           "b",
           "invalid UTF-8 kept");

  equal(V::casingId("123"), int64_t{V::kNumeric}, "casing 123");
  equal(V::casingId("12a3"), int64_t{V::kMostlyNumeric}, "casing 12a3");
  equal(V::casingId("hello"), int64_t{V::kAllLower}, "casing hello");
  equal(V::casingId("a1b2c"), int64_t{V::kAllLower}, "casing a1b2c (digits are not cased)");
  equal(V::casingId("HELLO"), int64_t{V::kAllUpper}, "casing HELLO");
  equal(V::casingId("Hello"), int64_t{V::kInitialUpper}, "casing Hello");
  equal(V::casingId("IL-2b"), int64_t{V::kInitialUpper}, "casing IL-2b");
  equal(V::casingId("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"), int64_t{V::kInitialUpper},
        "casing Ελλάδα");
  equal(V::casingId("mRNA1"), int64_t{V::kContainsDigit}, "casing mRNA1");
  equal(V::casingId("-2-"), int64_t{V::kContainsDigit}, "casing -2-");
  equal(V::casingId("..."), int64_t{V::kOther}, "casing ...");
  equal(V::casingId("iPhone"), int64_t{V::kOther}, "casing iPhone");

  std::vector<std::vector<std::string>> sentences = {
      {"The", "cat", "sat", "."}, {"the", "Cat", "ran", "2"}, {"THE", "dog", "9"}};
  V v = V::build(sentences);
  equal(v.wordCount(), int64_t{2 + 7}, "word count (the cat 0 sat . ran dog)");
  equal(v.wordId("the"), int64_t{2}, "most frequent word first");
  equal(v.wordId("5"), int64_t{3}, "ties alphabetical: 0 before cat");
  equal(v.wordId("CAT"), int64_t{4}, "lookup normalises");
  equal(v.wordId("7"), v.wordId("0"), "digits share an id");
  equal(v.wordId("zebra"), V::kUnk, "unknown word");
  equalStr(v.word(0), "<pad>", "word 0");
  equalStr(v.word(1), "<unk>", "word 1");
  const auto ids = v.charIds("Tc");
  check(ids.size() == 2 && ids[0] != ids[1] && ids[0] >= 2 && ids[1] >= 2, "characters keep their case");
  equal(v.charIds("z\xC3\xA9").size(), size_t{2}, "one id per code point");
  equal(v.charIds("z").at(0), V::kUnk, "unknown character");

  V small = V::build(sentences, 2, 1);
  equal(small.wordCount(), int64_t{3}, "minWordCount 2 and maxWords 1");
  equal(small.wordId("the"), int64_t{2}, "the kept");

  // JSON round trip.
  auto back = V::fromJson(v.toJson(), "vocab.json");
  check(back.ok(), "vocabulary JSON round trip");
  if (back.ok()) {
    for (const auto& s : sentences)
      for (const auto& w : s) {
        equal(back->wordId(w), v.wordId(w), "round trip word id " + w);
        check(back->charIds(w) == v.charIds(w), "round trip char ids " + w);
      }
    equal(back->charCount(), v.charCount(), "round trip char count");
  }
  nlohmann::json broken = v.toJson();
  broken["words"][1] = 5;
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "words[1]", "word not a string");
  broken = v.toJson();
  broken["words"][2] = broken["words"][0];
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "words[2]", "duplicate word");
  broken = v.toJson();
  broken["words"][0] = "The";
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "words[0]", "word not normalised");
  broken = v.toJson();
  broken.erase("chars");
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "chars", "chars missing");
  broken = v.toJson();
  broken["chars"][0] = "ab";
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "chars[0]",
              "two characters in one entry");
  broken = v.toJson();
  broken["format"] = "something";
  expectError(V::fromJson(broken, "vocab.json").error(), "vocab.json", "format", "wrong format");
}

// The hand-written LSTM against ATen's packed LSTM: outputs and every gradient, mixed lengths, 2 layers.
void testLstmKernel(int threads) {
  at::set_num_threads(threads);
  at::manual_seed(3);
  const int64_t in = 6, h = 4, layers = 2;
  const std::vector<int64_t> lens = {3, 7, 1, 7, 5};
  const int64_t n = 23;
  at::Tensor x = at::randn({n, in}).requires_grad_(true);
  at::Tensor lengths = at::tensor(lens, at::kLong);
  std::vector<at::Tensor> weights;
  for (int64_t l = 0; l < layers; ++l)
    for (int d = 0; d < 2; ++d) {
      const int64_t width = l == 0 ? in : 2 * h;
      for (auto shape : {std::vector<int64_t>{4 * h, width}, {4 * h, h}, {4 * h}, {4 * h}})
        weights.push_back((at::rand(shape) - 0.5).requires_grad_(true));
    }
  BiLstmOptions fast, aten;
  fast.numLayers = aten.numLayers = layers;
  aten.useAten = true;
  at::Tensor upstream = at::randn({n, 2 * h});
  std::vector<at::Tensor> inputs = weights;
  inputs.push_back(x);
  at::Tensor yf = biLstm(x, lengths, weights, fast);
  at::Tensor ya = biLstm(x, lengths, weights, aten);
  const std::string tag = " (" + std::to_string(threads) + " threads)";
  const double outDiff = (yf - ya).abs().max().item<double>();
  check(outDiff < 1e-5, "LSTM kernel output vs at::lstm: " + std::to_string(outDiff) + tag);
  // Sentence 2 (one word) alone gives the same as inside the batch.
  at::Tensor alone =
      biLstm(x.narrow(0, 10, 1), at::tensor(std::vector<int64_t>{1}, at::kLong), weights, fast);
  check((alone - yf.narrow(0, 10, 1)).abs().max().item<double>() < 1e-6,
        "LSTM kernel: a sentence alone" + tag);
  auto gf = torch::autograd::grad({(yf * upstream).sum()}, inputs);
  auto ga = torch::autograd::grad({(ya * upstream).sum()}, inputs);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const double d = (gf[i] - ga[i]).abs().max().item<double>();
    check(d < 1e-5, "LSTM kernel gradient " + std::to_string(i) + " vs at::lstm: " + std::to_string(d) + tag);
  }
  at::set_num_threads(1);
}

void testBatch() {
  std::vector<std::vector<std::string>> sentences = {{"Dr", "Who"}, {"a", "verylongword", "x", ""}};
  TaggerVocabulary v = TaggerVocabulary::build(sentences);
  TaggerBatch b = makeTaggerBatch(v, {&sentences[0], &sentences[1]}, 5);
  check(b.wordIds.sizes() == at::IntArrayRef({2, 4}), "wordIds [B,W]");
  check(b.charIds.sizes() == at::IntArrayRef({2, 4, 5}), "charIds [B,W,L] truncated to maxWordChars");
  check(b.mask.scalar_type() == at::kBool, "mask is bool");
  equal(b.mask.sum().item<int64_t>(), int64_t{6}, "mask counts real words");
  equal(b.lengths[0].item<int64_t>(), int64_t{2}, "length 0");
  equal(b.lengths[1].item<int64_t>(), int64_t{4}, "length 1");
  equal(b.wordIds[0][2].item<int64_t>(), TaggerVocabulary::kPad, "padding word");
  equal(b.casing[0][3].item<int64_t>(), int64_t{TaggerVocabulary::kCasingPad}, "padding casing");
  equal(b.casing[0][0].item<int64_t>(), int64_t{TaggerVocabulary::kInitialUpper}, "casing of Dr");
  equal(b.charIds[0][0][2].item<int64_t>(), TaggerVocabulary::kPad, "padding character");
  equal(b.charIds[1][3][0].item<int64_t>(), TaggerVocabulary::kUnk, "an empty word gets one <unk> character");
  bool threw = false;
  std::vector<std::string> empty;
  try {
    makeTaggerBatch(v, {&empty}, 5);
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  check(threw, "an empty sentence throws");
}

// "Dr" followed by one or two capitalised names: B-PER, I-PER. Other capitalised words (sentence
// starts, places after "in") are O, so the tagger needs the context, not only the casing.
struct Synthetic {
  std::vector<std::vector<std::string>> sentences;
  std::vector<std::vector<int64_t>> tags;
};

Synthetic makeSynthetic(int count, uint32_t seed, bool unseenNames) {
  std::mt19937 rng(seed);
  const std::vector<std::string> filler = {"the",   "patient", "was",    "seen", "by",  "and",
                                           "today", "a",       "report", "of",   "with"};
  const std::vector<std::string> names =
      unseenNames ? std::vector<std::string>{"Brandt", "Larsen", "Stone", "Jensen", "Cole"}
                  : std::vector<std::string>{"Smith", "Jones", "Brown", "Taylor", "Lee", "Adams", "Clark"};
  const std::vector<std::string> places = {"Paris", "London", "Berlin", "Oslo"};
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  Synthetic s;
  for (int i = 0; i < count; ++i) {
    std::vector<std::string> words = {rng() % 2 ? "Today" : "Yesterday"};
    std::vector<int64_t> tags = {0};
    const int parts = 3 + static_cast<int>(rng() % 4);
    for (int p = 0; p < parts; ++p) {
      const uint32_t r = rng() % 4;
      if (r == 0) {
        words.push_back("Dr");
        tags.push_back(0);
        words.push_back(pick(names));
        tags.push_back(1);
        if (rng() % 2) words.push_back(pick(names)), tags.push_back(2);
      } else if (r == 1) {
        words.push_back("in");
        tags.push_back(0);
        words.push_back(pick(places));
        tags.push_back(0);
      } else {
        words.push_back(pick(filler));
        tags.push_back(0);
      }
    }
    words.push_back(".");
    tags.push_back(0);
    s.sentences.push_back(words);
    s.tags.push_back(tags);
  }
  return s;
}

at::Tensor tagTensor(const std::vector<std::vector<int64_t>>& tags, const std::vector<size_t>& rows,
                     int64_t w) {
  at::Tensor t = at::full({static_cast<int64_t>(rows.size()), w}, -100, at::kLong);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t i = 0; i < tags[rows[r]].size(); ++i)
      t[static_cast<int64_t>(r)][static_cast<int64_t>(i)] = tags[rows[r]][i];
  return t;
}

BiLstmCrfConfig smallConfig(const TaggerVocabulary& v) {
  BiLstmCrfConfig c;
  c.wordVocab = v.wordCount();
  c.charVocab = v.charCount();
  c.numTags = 3;
  c.wordDim = 16;
  c.charDim = 8;
  c.charFilters = 12;
  c.casingDim = 4;
  c.lstmHidden = 24;
  c.dropout = 0.1;
  c.wordDropout = 0.25;  // only seven names in training: unseen ones need <unk> practice
  c.labels = {"O", "B-PER", "I-PER"};
  return c;
}

void setBioConstraint(BiLstmCrfTaggerImpl& m) {
  // O -> I-PER and start -> I-PER are forbidden.
  m.crf->setAllowed({{true, true, false}, {true, true, true}, {true, true, true}}, {true, true, false},
                    {true, true, true});
}

// Trains for `epochs` and returns the loss of every step.
std::vector<float> train(BiLstmCrfTaggerImpl& m, const TaggerVocabulary& v, const Synthetic& data,
                         int epochs) {
  std::vector<AdamWGroup> groups;
  for (auto& g : m.parameterGroups())
    groups.push_back({g.parameters, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.0}});
  FusedAdamW opt(groups);
  std::vector<float> losses;
  m.train();
  const size_t batchSize = 16;
  for (int epoch = 0; epoch < epochs; ++epoch)
    for (size_t start = 0; start < data.sentences.size(); start += batchSize) {
      std::vector<const std::vector<std::string>*> ptrs;
      std::vector<size_t> rows;
      for (size_t i = start; i < std::min(start + batchSize, data.sentences.size()); ++i) {
        ptrs.push_back(&data.sentences[i]);
        rows.push_back(i);
      }
      TaggerBatch b = makeTaggerBatch(v, ptrs);
      at::Tensor loss = m.loss(b, tagTensor(data.tags, rows, b.wordIds.size(1)));
      opt.zeroGrad();
      loss.backward();
      opt.step();
      losses.push_back(loss.item<float>());
    }
  return losses;
}

double accuracy(BiLstmCrfTaggerImpl& m, const TaggerVocabulary& v, const Synthetic& data) {
  m.eval();
  std::vector<const std::vector<std::string>*> ptrs;
  for (const auto& s : data.sentences) ptrs.push_back(&s);
  auto paths = m.decode(makeTaggerBatch(v, ptrs));
  size_t right = 0, total = 0;
  for (size_t i = 0; i < paths.size(); ++i)
    for (size_t k = 0; k < paths[i].size(); ++k) right += paths[i][k] == data.tags[i][k], ++total;
  return static_cast<double>(right) / static_cast<double>(total);
}

void testLearnsAndRepeats(const fs::path& tmp) {
  const Synthetic trainSet = makeSynthetic(240, 1, false);
  const Synthetic heldOut = makeSynthetic(60, 2, true);
  const TaggerVocabulary v = TaggerVocabulary::build(trainSet.sentences);
  const BiLstmCrfConfig config = smallConfig(v);

  const auto t0 = std::chrono::steady_clock::now();
  at::manual_seed(42);
  BiLstmCrfTagger a(config);
  a->reset(42);
  setBioConstraint(*a);
  const std::vector<float> lossesA = train(*a, v, trainSet, 10);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double trainAcc = accuracy(*a, v, trainSet), heldAcc = accuracy(*a, v, heldOut);
  std::printf("synthetic: %zu steps in %.2f s, loss %.4f -> %.4f, accuracy train %.4f, unseen names %.4f\n",
              lossesA.size(), seconds, lossesA.front(), lossesA.back(), trainAcc, heldAcc);
  check(trainAcc == 1.0, "100% on the training sentences");
  check(heldAcc == 1.0, "100% on sentences with unseen names");
  check(lossesA.back() < 0.05f * lossesA.front(), "the loss falls");

  at::manual_seed(42);
  BiLstmCrfTagger b(config);
  b->reset(42);
  setBioConstraint(*b);
  const std::vector<float> lossesB = train(*b, v, trainSet, 10);
  check(lossesA == lossesB, "two runs with the same seed give identical losses");

  // Groups cover every parameter once; biases and CRF scores are not decayed.
  std::set<std::string> seen;
  size_t count = 0;
  for (const auto& g : a->parameterGroups()) {
    for (const auto& n : g.names) {
      seen.insert(n);
      ++count;
      if (!g.decay)
        check(n.find("bias") != std::string::npos || n.rfind("crf.", 0) == 0, "no_decay holds " + n);
      else
        check(n.find("bias") == std::string::npos, "decay holds no bias: " + n);
    }
  }
  equal(count, a->parameters().size(), "parameter groups cover every parameter");
  equal(seen.size(), count, "no parameter twice");

  // Save -> load: identical emissions.
  const fs::path folder = tmp / "tagger";
  Status saved = saveBiLstmCrf(folder.string(), config, v, *a);
  check(saved.ok(), "save: " + (saved.ok() ? std::string() : saved.error().toString()));
  auto loaded = loadBiLstmCrf(folder.string());
  check(loaded.ok(), "load: " + (loaded.ok() ? std::string() : loaded.error().toString()));
  if (loaded.ok()) {
    std::vector<const std::vector<std::string>*> ptrs;
    for (const auto& s : heldOut.sentences) ptrs.push_back(&s);
    a->eval();
    at::NoGradGuard g;
    check(at::equal(a->emissions(makeTaggerBatch(v, ptrs)),
                    loaded->model->emissions(makeTaggerBatch(loaded->vocab, ptrs))),
          "save -> load gives identical emissions");
    check(loaded->model->decode(makeTaggerBatch(loaded->vocab, ptrs)) == a->decode(makeTaggerBatch(v, ptrs)),
          "save -> load gives identical paths");
    check(at::equal(loaded->model->crf->allowedTransitions, a->crf->allowedTransitions),
          "the constraint is saved");
    check(loaded->config.labels == config.labels, "labels saved");
  }

  // Load errors.
  const std::string weights = (folder / "model.safetensors").string();
  StateDict sd = a->stateDict();
  sd["emission.weight"] = at::zeros({4, 2 * config.lstmHidden});
  check(SafetensorsFile::write(weights, sd).ok(), "rewrite weights");
  auto wrongShape = loadBiLstmCrf(folder.string());
  check(!wrongShape.ok(), "a wrong shape is refused");
  if (!wrongShape.ok()) {
    expectError(wrongShape.error(), weights, "emission.weight", "wrong shape");
    check(wrongShape.error().message.find("[4,48]") != std::string::npos, "the message gives both shapes");
  }
  sd = a->stateDict();
  sd.erase("lstm.weight_hh_l0_reverse");
  check(SafetensorsFile::write(weights, sd).ok(), "rewrite weights");
  auto missing = loadBiLstmCrf(folder.string());
  check(!missing.ok(), "a missing tensor is refused");
  if (!missing.ok()) expectError(missing.error(), weights, "lstm.weight_hh_l0_reverse", "missing tensor");

  const std::string configPath = (folder / "config.json").string();
  nlohmann::json cj = config.toJson();
  cj["lstm_hidden"] = "big";
  std::ofstream(configPath) << cj.dump();
  auto badConfig = loadBiLstmCrf(folder.string());
  check(!badConfig.ok(), "a bad config is refused");
  if (!badConfig.ok()) expectError(badConfig.error(), configPath, "lstm_hidden", "bad config field");
  cj = config.toJson();
  cj["word_vocab_size"] = config.wordVocab + 1;
  std::ofstream(configPath) << cj.dump();
  auto mismatch = loadBiLstmCrf(folder.string());
  check(!mismatch.ok(), "a vocabulary size mismatch is refused");
  if (!mismatch.ok()) expectError(mismatch.error(), configPath, "word_vocab_size", "vocabulary mismatch");
  std::ofstream(configPath) << config.toJson().dump();
  check(SafetensorsFile::write(weights, a->stateDict()).ok(), "rewrite weights");
  check(loadBiLstmCrf(folder.string()).ok(), "the folder loads again");

  // A folder where a file should be: an error naming that file (reading one threw out of the loader).
  for (const char* name : {"config.json", "vocab.json", "model.safetensors"}) {
    const fs::path file = folder / name, aside = folder / (std::string(name) + ".aside");
    fs::rename(file, aside);
    fs::create_directory(file);
    auto loaded = loadBiLstmCrf(folder.string());
    check(!loaded.ok(), std::string(name) + " as a folder is refused");
    if (!loaded.ok()) {
      expectError(loaded.error(), file.string(), "", std::string(name) + " as a folder");
      check(loaded.error().message == "is a folder, not a file", "the message says what is there: " +
                                                                      loaded.error().message);
    }
    fs::remove(file);
    fs::rename(aside, file);
  }
}

}  // namespace

int main() {
  at::set_num_threads(1);  // a shared machine: spinning OpenMP threads make timings erratic
  const fs::path tmp = fs::temp_directory_path() / ("quarry_test_bilstm_crf_" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  testVocabulary();
  testLstmKernel(1);
  testLstmKernel(2);
  testBatch();
  testLearnsAndRepeats(tmp);
  std::error_code ec;
  fs::remove_all(tmp, ec);
  if (g_failures) {
    std::printf("%d check(s) failed\n", g_failures);
    return 1;
  }
  std::printf("test_bilstm_crf: all checks passed\n");
  return 0;
}
