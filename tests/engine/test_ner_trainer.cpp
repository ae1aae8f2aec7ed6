// NER trainer end to end on a tiny synthetic corpus: both taggers learn it, the saved folder predicts the
// same spans after loading, an interrupted run resumes to exactly the weights of an uninterrupted one,
// cancellation keeps the best model, configurations are validated by key; the per-word tag distributions
// (SentenceTags::distributions) of both taggers and of the CRF and softmax decoders.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ops/allclose.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "model/kernels/CpuThreads.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/NerTagger.h"
#include "train/ner/NerTask.h"
#include "train/ner/TaggerMath.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace document = quarry::document;


namespace {

const std::vector<std::string> kDrugs = {"aspirin",  "ibuprofen", "metformin",
                                         "warfarin", "insulin",   "heparin"};
const std::vector<std::string> kDiseases = {"diabetes", "asthma", "migraine", "psoriasis", "anaemia", "gout"};
const std::vector<std::string> kFiller = {"patients", "with", "were", "given", "daily",
                                          "for",      "the",  "and",  "after", "weeks"};

// Sentences like "patients with diabetes were given metformin daily ." with DRUG and DISEASE spans.
std::vector<document::AnnotatedDocument> makeCorpus(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < count; ++i) {
    document::AnnotatedDocument d;
    d.id = "doc-" + std::to_string(i);
    auto add = [&](const std::string& w, const char* type) {
      if (!d.text.empty()) d.text += ' ';
      const int32_t start = static_cast<int32_t>(d.text.size());  // ASCII: bytes = code points
      d.text += w;
      if (type) d.entities.push_back({start, static_cast<int32_t>(d.text.size()), type});
    };
    add(kFiller[rng() % kFiller.size()], nullptr);
    add("with", nullptr);
    add(kDiseases[rng() % kDiseases.size()], "DISEASE");
    if (rng() % 2) {
      add("and", nullptr);
      add(kDiseases[rng() % kDiseases.size()], "DISEASE");
    }
    add("were", nullptr);
    add("given", nullptr);
    add(kDrugs[rng() % kDrugs.size()], "DRUG");
    add(kFiller[rng() % kFiller.size()], nullptr);
    add(".", nullptr);
    docs.push_back(std::move(d));
  }
  return docs;
}

TrainConfig smallBiLstm() {
  TrainConfig c;
  c.kind = ModelKind::FromScratch;
  c.wordDim = 16;
  c.charDim = 8;
  c.charFilters = 8;
  c.lstmHidden = 16;
  c.dropout = 0.1;
  c.epochs = 8;
  c.batchSize = 8;
  c.patience = 0;
  c.seed = 7;
  return c;
}

// A word-level vocab.txt for a tiny random BERT (no shared files needed).
std::string writeTinyTokenizer(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "##s"}) v << t << '\n';
  for (const auto* list : {&kDrugs, &kDiseases, &kFiller})
    for (const std::string& w : *list) v << w << '\n';
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

// A request to train `config` on `trainDocuments` synthetic documents into `out`.
TrainRequest requestFor(const TrainConfig& config, const fs::path& out,
                        const std::vector<document::AnnotatedDocument>& dev, int trainDocuments = 160) {
  TrainRequest request;
  request.config = config;
  request.train = makeCorpus(trainDocuments, 1);
  request.dev = dev;
  request.outputFolder = out.string();
  return request;
}

double trainAndScore(const TrainConfig& config, const fs::path& out,
                     std::vector<document::AnnotatedDocument>& dev, TrainResult* resultOut = nullptr) {
  auto result = NerTrainer::run(requestFor(config, out, dev));
  if (!result) {
    std::fprintf(stderr, "training failed: %s\n", result.error().toString().c_str());
    ++quarry::test::g_failures;
    return -1;
  }
  if (resultOut) *resultOut = result.value();
  return result->bestDevScore;
}

// Asked for distributions, a tagger (or decoder) gives the same tags and confidences as without, per word a
// distribution over every tag that sums to 1 and holds the confidence at the chosen tag, and the tag
// sequence's log-probability: with a softmax (argmax) the sum of the words' ln confidence, with a CRF at most
// the lowest word's ln marginal (a path is no likelier than any one of its tags).
void checkDistributions(const std::vector<SentenceTags>& plain, const std::vector<SentenceTags>& full,
                        size_t classes, bool argmax, const std::string& what) {
  bool same = plain.size() == full.size(), sums = true, atTag = true, isMax = true, path = true;
  for (size_t s = 0; same && s < plain.size(); ++s) {
    same = plain[s].tags == full[s].tags && plain[s].confidence == full[s].confidence &&
           plain[s].distributions.empty() && full[s].distributions.size() == full[s].tags.size() &&
           plain[s].logProbability == 0;
    double logSum = 0, lowest = 0;
    for (float c : full[s].confidence) {
      logSum += std::log(double(c));
      lowest = std::min(lowest, std::log(double(c)));
    }
    const double lp = full[s].logProbability;
    path = path && lp <= 0 && std::isfinite(lp) &&
           (argmax ? std::fabs(lp - logSum) < 1e-4 * std::max(1.0, std::fabs(logSum)) : lp <= lowest + 1e-4);
    for (size_t w = 0; same && w < full[s].distributions.size(); ++w) {
      const std::vector<float>& p = full[s].distributions[w];
      same = p.size() == classes;
      double total = 0, top = 0;
      for (float x : p) {
        total += x;
        top = std::max(top, double(x));
      }
      sums = sums && std::fabs(total - 1.0) < 1e-4;
      atTag = atTag && same && p[size_t(full[s].tags[w])] == full[s].confidence[w];
      isMax = isMax && (!argmax || top == full[s].confidence[w]);
    }
  }
  EXPECT(same, what + ": the same tags and confidences, one distribution per word over every tag");
  EXPECT(sums, what + ": each word's distribution sums to 1 (1e-4)");
  EXPECT(atTag, what + ": the distribution at the chosen tag is its confidence");
  EXPECT(isMax, what + ": the chosen tag is the most probable");
  EXPECT(path,
         what +
             ": the tag sequence's log-probability (softmax: the sum of ln confidence; CRF: at most the "
             "lowest word's ln marginal)");
}

// The CRF decoder's path log-probability is ln P(Viterbi path | x) exactly: against every one of the 5^4 tag
// sequences of a 4-word sentence scored by hand, and it is not the sum of the path's ln marginals (MNLP's old
// approximation).
void checkCrfPathLogProbability(quarry::model::CrfImpl& crf, const std::vector<float>& scores,
                                int64_t classes) {
  const std::vector<SentenceTags> decoded = decodeWithCrf(crf, {scores}, classes, true);
  const size_t words = scores.size() / size_t(classes);
  const at::Tensor tr = crf.effectiveTransitions().to(at::kDouble).contiguous();
  const at::Tensor st = crf.effectiveStart().to(at::kDouble).contiguous();
  const at::Tensor en = crf.effectiveEnd().to(at::kDouble).contiguous();
  const double* t = tr.data_ptr<double>();
  auto pathScore = [&](const std::vector<int64_t>& y) {
    double total = st.data_ptr<double>()[y[0]] + en.data_ptr<double>()[y.back()];
    for (size_t w = 0; w < words; ++w) total += scores[w * size_t(classes) + size_t(y[w])];
    for (size_t w = 1; w < words; ++w) total += t[y[w - 1] * classes + y[w]];
    return total;
  };
  std::vector<double> all;
  double best = -1e300;
  std::vector<int64_t> y(words, 0), argBest;
  for (;;) {
    all.push_back(pathScore(y));
    if (all.back() > best) {
      best = all.back();
      argBest = y;
    }
    size_t w = 0;
    while (w < words && ++y[w] == classes) y[w++] = 0;
    if (w == words) break;
  }
  double logZ = 0;
  for (double a : all) logZ += std::exp(a - best);
  logZ = best + std::log(logZ);
  EXPECT(std::vector<int64_t>(decoded[0].tags.begin(), decoded[0].tags.end()) == argBest,
         "CRF: Viterbi's path is the best of every sequence");
  const double expected = best - logZ;
  std::printf("CRF path ln P %.6f (by hand %.6f)\n", decoded[0].logProbability, expected);
  EXPECT(std::fabs(decoded[0].logProbability - expected) < 1e-4,
         "CRF: the path's ln P equals the enumeration's");
  double marginalSum = 0;
  for (float c : decoded[0].confidence) marginalSum += std::log(double(c));
  EXPECT(std::fabs(decoded[0].logProbability - marginalSum) > 1e-3,
         "CRF: the path's ln P is not the sum of its words' ln marginals");
}

void checkTaggerDistributions(NerTagger& tagger, const std::vector<document::AnnotatedDocument>& docs,
                              const std::string& what) {
  NerData data = buildNerData(docs, tagger.tags().types(), NerDataOptions{});
  std::unique_ptr<TaggerInputs> inputs = tagger.featurize(data.sentences);
  checkDistributions(tagger.predict(*inputs, 16), tagger.predict(*inputs, 16, true),
                     size_t(tagger.tags().size()), false, what);
}

// The decoders on random scores: CRF marginals (Viterbi's tag need not be the marginal argmax) and softmax.
void checkDecoderDistributions() {
  std::mt19937_64 rng(7);
  std::normal_distribution<float> normal(0.0f, 2.0f);
  const int64_t classes = 5;
  std::vector<std::vector<float>> scores;
  for (size_t words : {size_t(1), size_t(4), size_t(0), size_t(9)}) {
    std::vector<float> s(words * size_t(classes));
    for (float& x : s) x = normal(rng);
    scores.push_back(std::move(s));
  }
  quarry::model::CrfImpl crf(classes);
  crf.reset(3);
  checkDistributions(decodeWithCrf(crf, scores, classes), decodeWithCrf(crf, scores, classes, true),
                     size_t(classes), false, "CRF marginals");
  checkDistributions(decodeWithSoftmax(scores, classes), decodeWithSoftmax(scores, classes, true),
                     size_t(classes), true, "softmax");
  checkCrfPathLogProbability(crf, scores[1], classes);
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  checkDecoderDistributions();
  const fs::path root = fs::temp_directory_path() / ("quarry-test-ner-trainer-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::vector<document::AnnotatedDocument> dev = makeCorpus(40, 2);

  // 0. Options set in code pass the checks a JSON configuration does, before anything is written: a window
  // stride of half the window is refused by field (its model would not load again); relations, which read
  // no windows, take any stride.
  {
    TrainConfig c = smallBiLstm();
    c.maxLength = 32;
    c.stride = 16;
    auto refused = NerTrainer::run(requestFor(c, root / "refused", dev, 20));
    EXPECT(!refused.ok() && refused.error().field == "stride",
           "a stride of half max_length is refused by field");
    EXPECT(!fs::exists(root / "refused" / "best"), "nothing trained for a refused configuration");
    EXPECT(TrainConfig::fromJson({{"task", "relation"}, {"max_length", 32}}, "").ok(),
           "relations take max_length 32 with the default stride (no windows)");
  }

  // 1. The BiLSTM-CRF learns the task; the folder loads back and predicts identically.
  TrainResult bilstm;
  const double f1 = trainAndScore(smallBiLstm(), root / "bilstm", dev, &bilstm);
  std::printf("bilstm-crf dev F1 %.4f after %lld steps\n", f1, static_cast<long long>(bilstm.steps));
  EXPECT(f1 > 0.95, "BiLSTM-CRF dev F1 > 0.95 on the synthetic task");
  EXPECT(bilstm.history.size() == 8, "one evaluation per epoch");
  EXPECT(fs::exists(root / "bilstm" / "run.json"), "run.json written");
  {
    auto loaded = loadNerTagger((root / "bilstm" / "best").string());
    EXPECT(loaded.ok(), "best/ loads");
    if (loaded) {
      NerData data = buildNerData(dev, loaded.value()->tags().types(), NerDataOptions{});
      NerEvaluation e = evaluateTagger(*loaded.value(), dev, data, 16, true);
      EXPECT(std::fabs(e.tagReport.micro.f1 - f1) < 1e-9,
             "the saved best model scores the best dev F1 again");
      EXPECT(std::fabs(e.spanReport.micro.f1 - f1) < 1e-9,
             "character-span F1 equals word-level F1 on aligned data");
      bool confident = true;
      for (const auto& row : e.predicted)
        for (const document::PredictedEntity& p : row)
          confident = confident && p.confidence > 0 && p.confidence <= 1.0 + 1e-6;
      EXPECT(confident, "confidences lie in (0, 1]");
      checkTaggerDistributions(*loaded.value(), dev, "BiLSTM-CRF");
    }
  }

  // 2. A random tiny BERT with a CRF learns it too and round-trips through its Hugging Face folder.
  {
    TrainConfig c;
    c.kind = ModelKind::Transformer;
    c.tokenizerFolder = writeTinyTokenizer(root / "tok");
    c.randomLayers = 1;
    c.randomHidden = 32;
    c.randomHeads = 2;
    c.randomIntermediate = 64;
    c.maxLength = 32;
    c.stride = 8;
    c.crf = true;
    c.epochs = 12;
    c.batchSize = 8;
    c.learningRate = 3e-3;
    c.patience = 0;
    TrainResult r;
    const double tf1 = trainAndScore(c, root / "bert", dev, &r);
    std::printf("random bert + crf dev F1 %.4f\n", tf1);
    EXPECT(tf1 > 0.9, "random BERT + CRF dev F1 > 0.9");
    EXPECT(fs::exists(root / "bert" / "best" / "config.json") &&
               fs::exists(root / "bert" / "best" / "model.safetensors") &&
               fs::exists(root / "bert" / "best" / "vocab.txt") &&
               fs::exists(root / "bert" / "best" / "crf.safetensors"),
           "a Hugging Face folder with the CRF beside it");
    auto loaded = loadNerTagger((root / "bert" / "best").string());
    EXPECT(loaded.ok(), "the transformer folder loads");
    if (loaded) {
      NerData data = buildNerData(dev, loaded.value()->tags().types(), NerDataOptions{});
      NerEvaluation e = evaluateTagger(*loaded.value(), dev, data, 16, false);
      EXPECT(std::fabs(e.tagReport.micro.f1 - tf1) < 1e-9, "reloaded transformer scores the same");
      checkTaggerDistributions(*loaded.value(), dev, "transformer + CRF");
    }
  }

  // 3. Resume: 2 epochs in one go == cancelled after 7 steps + resumed.
  {
    TrainConfig c = smallBiLstm();
    c.epochs = 2;
    TrainRequest full = requestFor(c, root / "full", dev);
    auto a = NerTrainer::run(full);
    EXPECT(a.ok(), "uninterrupted run");

    TrainRequest part = full;
    part.outputFolder = (root / "part").string();
    auto cancelled = NerTrainer::run(part, [](const TrainProgress& p) { return p.step < 7; });
    EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled,
           "cancel ends the run as cancelled");
    EXPECT(cancelled.ok() && cancelled->steps == 7, "cancelled within one step");
    part.resume = true;
    auto resumed = NerTrainer::run(part);
    EXPECT(resumed.ok() && resumed->steps == a->steps, "the resumed run ends at the same step");
    auto wa = loadNerTagger((root / "full" / "last" / "model").string());
    auto wb = loadNerTagger((root / "part" / "last" / "model").string());
    EXPECT(wa.ok() && wb.ok(), "both last states load");
    if (wa && wb) {
      bool same = true;
      const auto da = wa.value()->weights(), db = wb.value()->weights();
      for (const auto& [name, t] : da) {
        auto it = db.find(name);
        same = same && it != db.end() && at::allclose(t, it->second, 0, 0);
        if (it != db.end() && !at::allclose(t, it->second, 0, 0))
          std::fprintf(stderr, "differs: %s\n", name.c_str());
      }
      EXPECT(same, "resumed weights are bit-identical to the uninterrupted run's");
    }
    TrainRequest otherData = part;
    otherData.train.pop_back();
    auto refused = NerTrainer::run(otherData);
    EXPECT(!refused.ok(), "resume on changed data is refused");

    // A run that ended is not resumed: nothing in last/, best/ or run.json changes, and the error says how
    // it ended. Also for a state.json written before Quarry recorded the end.
    const fs::path state = root / "full" / "last" / "state.json";
    auto snapshot = [&] {
      std::string all;
      for (const fs::path& f :
           {state, root / "full" / "run.json", root / "full" / "last" / "model" / "model.safetensors",
            root / "full" / "best" / "model.safetensors"}) {
        std::ifstream in(f, std::ios::binary);
        all += std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()) + "\n--\n";
      }
      return all;
    };
    const std::string before = snapshot();
    TrainRequest again = full;
    again.resume = true;
    auto ended = NerTrainer::run(again);
    EXPECT(!ended.ok() &&
               ended.error().message.find("already ended (finished at step") != std::string::npos &&
               ended.error().field == "end",
           "resuming a finished run is refused and says how it ended");
    EXPECT(snapshot() == before, "resuming a finished run changes nothing");
    nlohmann::json j = nlohmann::json::parse(std::ifstream(state));
    j.erase("end");
    std::ofstream(state) << j.dump(2);
    const std::string legacy = snapshot();
    auto endedLegacy = NerTrainer::run(again);
    EXPECT(
        !endedLegacy.ok() && endedLegacy.error().message.find("already ended (finished") != std::string::npos,
        "an older state.json of a finished run is refused too");
    EXPECT(snapshot() == legacy, "and nothing changes");

    // Early stopping ends a run as well: patience 1 with an evaluation every step stops at the first stall.
    TrainRequest early = full;
    early.outputFolder = (root / "early").string();
    early.config.evalEverySteps = 1;
    early.config.patience = 1;
    auto stopped = NerTrainer::run(early);
    EXPECT(stopped.ok(), "early-stopping run");
    if (stopped && stopped->end == TrainResult::End::EarlyStopped) {
      early.resume = true;
      auto again2 = NerTrainer::run(early);
      EXPECT(!again2.ok() && again2.error().message.find("early-stopped") != std::string::npos,
             "resuming an early-stopped run is refused");
    }
  }

  // 4. Configuration errors name the key.
  {
    auto bad = TrainConfig::fromJson(nlohmann::json{{"epochs", "ten"}}, "cfg.json");
    EXPECT(!bad.ok() && bad.error().field == "epochs" && bad.error().file == "cfg.json",
           "wrong type names the key");
    auto unknown = TrainConfig::fromJson(nlohmann::json{{"epoch", 3}}, "cfg.json");
    EXPECT(!unknown.ok() && unknown.error().field == "epoch", "unknown key named");
    auto round = TrainConfig::fromJson(smallBiLstm().toJson());
    EXPECT(round.ok() && round->toJson() == smallBiLstm().toJson(), "config JSON round trip");
    auto notFolder = loadNerTagger((root / "nothing").string());
    EXPECT(!notFolder.ok(), "a missing model folder is an error");
  }

  fs::remove_all(root);
  if (quarry::test::g_failures)
    std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  else
    std::printf("all NER trainer checks passed\n");
  return quarry::test::g_failures ? 1 : 0;
}
