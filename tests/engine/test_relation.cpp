// Relation extraction on the shared trainer: the scorer pinned by hand-worked counts, candidate pairing
// (window, argument types, direction, concept ids, negative sampling), marking and truncation, and the
// CNN and a random tiny transformer learning directed relations and document-level concept pairs from
// generated sentences, saved and reloaded to the same scores.

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "eval/RelationMetrics.h"
#include "train/TaskFactory.h"
#include "train/relation/RelationCandidates.h"
#include "train/relation/RelationModel.h"
#include "train/relation/RelationPrediction.h"

using namespace quarry;
using namespace quarry::train;
namespace fs = std::filesystem;

namespace {

bool near(double a, double b, double tol = 1e-9) { return std::fabs(a - b) <= tol; }

void checkScorer() {
  using eval::RelationInstance;
  const std::vector<RelationInstance> gold = {
      {"d1", "a", "b", "T1", true, "", ""},
      {"d1", "c", "d", "T2", true, "", ""},
      {"d1", "e", "f", "U", false, "", ""},
      {"d2", "a", "b", "T1", true, "", ""},
  };
  const std::vector<RelationInstance> predicted = {
      {"d1", "a", "b", "T1", true, "", ""},   // right
      {"d1", "d", "c", "T2", true, "", ""},   // the other way round
      {"d1", "f", "e", "U", false, "", ""},   // right: U has no direction
      {"d1", "g", "h", "T1", true, "", ""},   // spurious
      {"d2", "a", "b", "T2", true, "", ""},   // wrong type
      {"d2", "a", "b", "T2", true, "", ""},   // a duplicate counts once
  };
  const eval::RelationReport r = eval::scoreRelations({"T1", "T2", "U"}, gold, predicted);
  EXPECT(r.types == std::vector<std::string>({"T1", "T2", "U"}), "types in the given order");
  EXPECT(r.perType[0].truePositives == 1 && r.perType[0].predicted == 2 && r.perType[0].support == 2 &&
             near(r.perType[0].f1, 0.5),
         "T1: 1 of 2 predicted, 1 of 2 found");
  EXPECT(r.perType[1].truePositives == 0 && r.perType[1].predicted == 2 && r.perType[1].support == 1 &&
             near(r.perType[1].f1, 0.0),
         "T2: nothing right");
  EXPECT(r.perType[2].truePositives == 1 && near(r.perType[2].f1, 1.0), "U: right in either order");
  EXPECT(r.micro.truePositives == 2 && r.micro.predicted == 5 && r.micro.support == 4 && near(r.micro.precision, 0.4) &&
             near(r.micro.recall, 0.5) && near(r.micro.f1, 4.0 / 9.0),
         "micro P 2/5, R 2/4, F1 4/9");
  EXPECT(near(r.macro.f1, 0.5), "macro F1 (0.5 + 0 + 1) / 3");
  EXPECT(r.errorCount("spurious") == 1 && r.errorCount("wrong-direction") == 1 && r.errorCount("wrong-type") == 1 &&
             r.errorCount("missed") == 0,
         "one spurious, one wrong direction, one wrong type, nothing missed");
  for (const auto& e : r.errors)
    if (e.kind == "wrong-direction")
      EXPECT(e.head == "c" && e.tail == "d" && e.goldType == "T2" && e.predictedType == "T2",
             "a wrong direction names the gold direction");
  const eval::RelationReport missed = eval::scoreRelations({"T1"}, gold, {});
  EXPECT(missed.errorCount("missed") == 4 && missed.micro.f1 == 0, "with nothing predicted every relation is missed");
}

void checkClasses() {
  RelationClasses classes({{"CAUSES", true, {"Chemical"}, {"Disease"}}, {"WITH", false, {}, {}}});
  EXPECT(classes.names() == std::vector<std::string>({"none", "CAUSES(e1,e2)", "CAUSES(e2,e1)", "WITH"}),
         "a directed type is two classes, an undirected one one");
  EXPECT(classes.classOf("CAUSES", true) == 1 && classes.classOf("CAUSES", false) == 2 && classes.classOf("WITH", false) == 3 &&
             classes.classOf("NOPE", true) == -1,
         "classOf by type and direction");
  EXPECT(classes.mayRelate("Disease", "Chemical") && classes.mayRelate("Gene", "Gene"), "argument types in either order");
  RelationClasses strict({{"CAUSES", true, {"Chemical"}, {"Disease"}}});
  EXPECT(!strict.mayRelate("Chemical", "Chemical"), "types the schema does not allow are not paired");
  auto back = RelationClasses::fromJson(classes.toJson(), "mem");
  EXPECT(back.ok() && back->names() == classes.names() && back->types()[0].headTypes == std::vector<std::string>{"Chemical"},
         "classes round-trip through JSON");
  auto bad = RelationClasses::fromJson(nlohmann::json::parse(R"([{"name": ""}])"), "q.json");
  EXPECT(!bad.ok() && bad.error().field == "relation_types[0].name", "an unnamed type names its field");
}

// Sentences "<chem> causes <dis> .", "<dis> is caused by <chem> .", "<chem> and <dis> appear together ." (WITH,
// undirected), "<chem> was given ; <dis> was seen ." (none).
const std::vector<std::string> kChemicals = {"aspirin", "ibuprofen", "naloxone", "heparin", "lithium", "cocaine", "morphine", "insulin"};
const std::vector<std::string> kDiseases = {"fever", "asthma", "anemia", "nausea", "migraine", "ulcer", "colitis", "sepsis"};
const std::vector<std::string> kWords = {"causes", "is", "caused", "by", "and", "appear", "together", "was", "given", ";",
                                         "seen", ".", "induced", "in", "the", "patient", "later"};

struct Builder {
  document::AnnotatedDocument doc;
  void add(const std::string& word) {
    if (!doc.text.empty()) doc.text += ' ';
    doc.text += word;
  }
  int32_t mention(const std::string& word, const std::string& type, const std::string& concept = {}) {
    if (!doc.text.empty()) doc.text += ' ';
    const auto start = static_cast<int32_t>(doc.text.size());
    doc.text += word;
    doc.entities.push_back({start, static_cast<int32_t>(doc.text.size()), type, concept});
    return static_cast<int32_t>(doc.entities.size()) - 1;
  }
};

std::vector<document::AnnotatedDocument> mentionCorpus(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < count; ++i) {
    Builder b;
    b.doc.id = "doc" + std::to_string(seed) + "-" + std::to_string(i);
    for (int s = 0; s < 2; ++s) {
      const std::string chem = kChemicals[rng() % kChemicals.size()];
      const std::string dis = kDiseases[rng() % kDiseases.size()];
      const int kind = static_cast<int>(rng() % 4);
      if (kind == 0) {
        const int32_t h = b.mention(chem, "Chemical");
        b.add("causes");
        const int32_t t = b.mention(dis, "Disease");
        b.doc.relations.push_back({h, t, "CAUSES"});
      } else if (kind == 1) {
        const int32_t t = b.mention(dis, "Disease");
        for (const char* w : {"is", "caused", "by"}) b.add(w);
        const int32_t h = b.mention(chem, "Chemical");
        b.doc.relations.push_back({h, t, "CAUSES"});
      } else if (kind == 2) {
        const int32_t x = b.mention(chem, "Chemical");
        b.add("and");
        const int32_t y = b.mention(dis, "Disease");
        for (const char* w : {"appear", "together"}) b.add(w);
        b.doc.relations.push_back({y, x, "WITH"});
      } else {
        b.mention(chem, "Chemical");
        for (const char* w : {"was", "given", ";"}) b.add(w);
        b.mention(dis, "Disease");
        for (const char* w : {"was", "seen"}) b.add(w);
      }
      b.add(".");
      // Capitalised starts are not needed: the splitter also ends a sentence at a line break.
      b.doc.text += "\n";
    }
    while (!b.doc.text.empty() && b.doc.text.back() == '\n') b.doc.text.pop_back();
    docs.push_back(std::move(b.doc));
  }
  return docs;
}

// Documents with concept ids: "<chem> induced <dis> ." relates the two concepts (CID) anywhere in the
// document; other sentences mention concepts without relating them.
std::vector<document::AnnotatedDocument> conceptCorpus(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<document::AnnotatedDocument> docs;
  for (int i = 0; i < count; ++i) {
    Builder b;
    b.doc.id = "cdoc" + std::to_string(seed) + "-" + std::to_string(i);
    const std::string chem = kChemicals[rng() % kChemicals.size()];
    const std::string dis = kDiseases[rng() % kDiseases.size()];
    const std::string other = kDiseases[(rng() % (kDiseases.size() - 1) + 1 + (&dis - &kDiseases[0])) % kDiseases.size()];
    const bool related = rng() % 2 == 0;
    b.mention(chem, "Chemical", "C:" + chem);
    for (const char* w : {"was", "given"}) b.add(w);
    b.add(".");
    b.doc.text += "\n";
    if (related) {
      b.mention(chem, "Chemical", "C:" + chem);
      b.add("induced");
      b.mention(dis, "Disease", "D:" + dis);
      b.add(".");
      b.doc.conceptRelations.push_back({"C:" + chem, "D:" + dis, "CID"});
    } else {
      b.mention(dis, "Disease", "D:" + dis);
      for (const char* w : {"was", "seen"}) b.add(w);
      b.add(".");
    }
    b.doc.text += "\n";
    b.mention(other, "Disease", "D:" + other);
    for (const char* w : {"was", "seen", "later"}) b.add(w);
    b.add(".");
    if (!related) b.doc.conceptRelations.push_back({"C:none", "D:none", "CID"});  // a concept pair no mention carries
    docs.push_back(std::move(b.doc));
  }
  return docs;
}

void checkCandidates() {
  // "aspirin causes fever .\nfever is caused by lithium ." with a cross-sentence pair.
  std::vector<document::AnnotatedDocument> docs(1);
  Builder b;
  const int32_t a = b.mention("aspirin", "Chemical");
  b.add("causes");
  const int32_t f = b.mention("fever", "Disease");
  b.add(".");
  b.doc.text += "\n";
  const int32_t f2 = b.mention("fever", "Disease");
  for (const char* w : {"is", "caused", "by"}) b.add(w);
  const int32_t l = b.mention("lithium", "Chemical");
  b.add(".");
  b.doc.relations = {{a, f, "CAUSES"}, {l, f2, "CAUSES"}};
  docs[0] = b.doc;
  RelationClasses classes({{"CAUSES", true, {"Chemical"}, {"Disease"}}});
  RelationCandidateOptions same;
  auto c = relationCandidates(docs, goldMentions(docs), classes, same, true);
  EXPECT(c.size() == 2, "same sentence: two pairs (cross-sentence and Disease-Disease/Chemical-Chemical pairs are not)");
  if (c.size() == 2) {
    EXPECT(c[0].first == a && c[0].second == f && c[0].label == classes.classOf("CAUSES", true), "aspirin -> fever forward");
    EXPECT(c[1].first == f2 && c[1].second == l && c[1].label == classes.classOf("CAUSES", false),
           "fever <- lithium: the head comes second");
    EXPECT(c[0].contextStart == 0 && c[0].contextEnd == static_cast<int32_t>(std::string("aspirin causes fever .").size()),
           "the context is the sentence");
  }
  RelationCandidateOptions wide;
  wide.windowSentences = 1;
  auto w = relationCandidates(docs, goldMentions(docs), classes, wide, true);
  EXPECT(w.size() == 4, "one sentence apart: aspirin-fever(2), fever-lithium, aspirin-lithium is not allowed -> 4 pairs");
  size_t negatives = 0;
  for (const auto& x : w) negatives += x.label == 0;
  EXPECT(negatives == 2, "the two cross-sentence pairs are negatives");
  auto sampled = sampleNegatives(w, 0.5, 7);
  EXPECT(sampled.size() == 3, "ratio 0.5 keeps 2 positives and 1 negative");

  // markPair: budget and marker positions.
  std::vector<TextUnit> units;
  for (int32_t i = 0; i < 20; ++i) units.push_back({100 + i, i * 2, i * 2 + 1});
  std::vector<document::EntityMention> ms = {{10, 11, "A"}, {30, 31, "B"}};
  RelationCandidate rc{0, 0, 1, 0, 0, 40};
  const MarkedPair full = markPair(units, rc, ms, {1, 2, 3, 4}, 100);
  EXPECT(full.ids.size() == 24 && full.ids[static_cast<size_t>(full.firstMarker)] == 1 &&
             full.ids[static_cast<size_t>(full.secondMarker)] == 3 && full.ids[static_cast<size_t>(full.firstMarker) + 1] == 105 &&
             full.ids[static_cast<size_t>(full.firstMarker) + 2] == 2,
         "markers around the mentions' units");
  const MarkedPair cut = markPair(units, rc, ms, {1, 2, 3, 4}, 10);
  EXPECT(cut.ids.size() == 10 && cut.ids[static_cast<size_t>(cut.firstMarker)] == 1 &&
             cut.ids[static_cast<size_t>(cut.secondMarker)] == 3 && cut.ids[static_cast<size_t>(cut.secondMarker) + 1] == 115,
         "cut to the budget, markers and mentions kept");
}

std::string writeTokenizer(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "@", "#", "/", "chemical", "disease"}) v << t << '\n';
  for (const auto* list : {&kChemicals, &kDiseases, &kWords})
    for (const std::string& w : *list) v << w << '\n';
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

Result<TrainResult> train(const TrainConfig& config, const fs::path& out, const std::vector<document::AnnotatedDocument>& trainDocs,
                          const std::vector<document::AnnotatedDocument>& dev,
                          std::vector<document::RelationTypeSpec> schema = {}) {
  TrainRequest request;
  request.relationTypes = std::move(schema);
  request.config = config;
  request.train = trainDocs;
  request.dev = dev;
  request.outputFolder = out.string();
  return runTraining(request);
}

void checkTraining(const fs::path& root) {
  const auto trainDocs = mentionCorpus(120, 1);
  const auto dev = mentionCorpus(40, 2);
  // The CNN.
  TrainConfig cnn = TrainConfig::defaultsFor("relation");
  cnn.kind = ModelKind::FromScratch;
  cnn.wordDim = 24;
  cnn.positionDim = 4;
  cnn.relationFilters = 32;
  cnn.dropout = 0.1;
  cnn.epochs = 12;
  cnn.batchSize = 16;
  cnn.learningRate = 5e-3;
  cnn.patience = 0;
  cnn.seed = 5;
  // The schema: CAUSES from chemicals to diseases, WITH without a direction.
  const std::vector<document::RelationTypeSpec> schema = {{"CAUSES", true, {"Chemical"}, {"Disease"}},
                                                          {"WITH", false, {}, {}}};
  auto r = train(cnn, root / "cnn", trainDocs, dev, schema);
  EXPECT(r.ok(), "the CNN trains: " + (r ? std::string() : r.error().message));
  if (r) {
    std::printf("cnn dev micro F1 %.4f (%s)\n", r->bestDevScore, r->describeModel.c_str());
    EXPECT(r->task == "relation" && r->bestDevReport.primaryName == "micro_f1", "primary metric: micro F1");
    EXPECT(r->bestDevScore > 0.95, "the CNN learns direction and type (dev micro F1 > 0.95)");
    EXPECT(r->data["classes"].size() == 4 && r->data["level"] == "mention", "classes none, CAUSES x2, WITH -> " +
                                                                                r->data["classes"].dump());
    auto again = evaluateModelFolder(r->bestFolder, dev);
    EXPECT(again.ok() && near(again->primary, r->bestDevScore, 1e-12), "the reloaded CNN scores the same");
    auto model = loadRelationModel(r->bestFolder);
    EXPECT(model.ok(), "the CNN folder loads");
    if (model) {
      const auto mentions = goldMentions(dev);
      const RelationRun run = runRelationModel(*model.value(), dev, mentions, false, 32);
      size_t reversed = 0, total = 0;
      for (size_t d = 0; d < dev.size(); ++d)
        for (const auto& p : run.relations[d]) {
          ++total;
          EXPECT(p.confidence > 0 && p.confidence <= 1, "confidence in (0, 1]");
          if (p.type == "CAUSES" && dev[d].entities[static_cast<size_t>(p.head)].start > dev[d].entities[static_cast<size_t>(p.tail)].start)
            ++reversed;
        }
      EXPECT(total > 20 && reversed > 5, "predictions include heads that come second (\"is caused by\")");
    }
  }
  // A random tiny BERT with typed markers.
  TrainConfig bert = TrainConfig::defaultsFor("relation");
  bert.kind = ModelKind::Transformer;
  bert.tokenizerFolder = writeTokenizer(root / "tok");
  bert.randomLayers = 1;
  bert.randomHidden = 32;
  bert.randomHeads = 2;
  bert.randomIntermediate = 64;
  bert.maxLength = 32;
  bert.epochs = 12;
  bert.batchSize = 16;
  bert.learningRate = 3e-3;
  bert.patience = 0;
  bert.seed = 3;
  auto t = train(bert, root / "bert", trainDocs, dev);  // no schema: WITH is directed as well
  EXPECT(t.ok(), "the transformer trains: " + (t ? std::string() : t.error().message));
  if (t) {
    std::printf("random bert relation dev micro F1 %.4f (%s)\n", t->bestDevScore, t->describeModel.c_str());
    EXPECT(t->bestDevScore > 0.8, "random BERT with markers: dev micro F1 > 0.8");
    nlohmann::json config = nlohmann::json::parse(std::ifstream(fs::path(t->bestFolder) / "config.json"));
    const auto vocab = 10 + kChemicals.size() + kDiseases.size() + kWords.size();
    EXPECT(config["vocab_size"] == vocab + 8, "vocab_size holds the 8 markers of 2 entity types");
    EXPECT(config["architectures"][0] == "BertModel", "saved as a Hugging Face BertModel");
    EXPECT(t->data["classes"].size() == 5, "without a schema every type seen is directed: 5 classes");
    auto again = evaluateModelFolder(t->bestFolder, dev);
    EXPECT(again.ok() && near(again->primary, t->bestDevScore, 1e-9), "the reloaded transformer scores the same");
  }
  // [CLS] pair input.
  bert.relationInput = "pair";
  bert.maxLength = 40;
  auto p = train(bert, root / "pair", trainDocs, dev);
  EXPECT(p.ok(), "the pair input trains");
  if (p) {
    std::printf("random bert pair-input dev micro F1 %.4f\n", p->bestDevScore);
    EXPECT(p->bestDevScore > 0.5, "pair input learns (dev micro F1 > 0.5)");
  }
}

void checkConceptLevel(const fs::path& root) {
  const auto trainDocs = conceptCorpus(160, 3);
  const auto dev = conceptCorpus(60, 4);
  TrainConfig cnn = TrainConfig::defaultsFor("relation");
  cnn.kind = ModelKind::FromScratch;
  cnn.relationWindow = -1;
  cnn.wordDim = 24;
  cnn.positionDim = 4;
  cnn.relationFilters = 32;
  cnn.dropout = 0.1;
  cnn.epochs = 12;
  cnn.batchSize = 16;
  cnn.learningRate = 5e-3;
  cnn.patience = 0;
  auto r = train(cnn, root / "cid", trainDocs, dev);
  EXPECT(r.ok(), "document-level relations train: " + (r ? std::string() : r.error().message));
  if (!r) return;
  std::printf("cnn concept-level dev F1 %.4f\n", r->bestDevScore);
  EXPECT(r->data["level"] == "concept", "concept level chosen when only concept relations exist");
  // Every unrelated document carries a gold pair no mention has: recall is at most the related half.
  size_t gold = 0, reachable = 0;
  for (const auto& d : dev) {
    gold += d.conceptRelations.size();
    reachable += d.conceptRelations.front().headConcept != "C:none";
  }
  const double ceiling = static_cast<double>(reachable) / static_cast<double>(gold);
  const auto& micro = r->bestDevReport.details["micro"];
  EXPECT(micro["support"] == gold, "every gold concept pair counts, even one no candidate reaches");
  EXPECT(micro["recall"].get<double>() <= ceiling + 1e-12 && micro["precision"].get<double>() > 0.95 &&
             micro["recall"].get<double>() > ceiling - 0.05,
         "precision > 0.95, recall near its ceiling " + std::to_string(ceiling));
  // The threshold tuned on dev: the same training (the threshold does not touch it), so every
  // evaluation scores at least what 0.5 scored, and the model keeps the threshold chosen.
  cnn.relationTuneThreshold = true;
  auto tuned = train(cnn, root / "cid-tuned", trainDocs, dev);
  EXPECT(tuned.ok(), "threshold tuning trains");
  if (tuned) {
    const double threshold = tuned->bestDevReport.details.value("threshold", -1.0);
    std::printf("cnn concept-level dev F1 %.4f with the threshold tuned to %.2f\n", tuned->bestDevScore, threshold);
    EXPECT(threshold > 0 && threshold < 1 && tuned->bestDevScore >= r->bestDevScore - 1e-12,
           "a tuned threshold in (0, 1) scoring at least the default's best");
    const nlohmann::json meta = nlohmann::json::parse(std::ifstream(fs::path(tuned->bestFolder) / "quarry_task.json"));
    EXPECT(near(meta.value("relation_threshold", -1.0), threshold, 1e-12), "best/ keeps the tuned threshold");
    auto again = evaluateModelFolder(tuned->bestFolder, dev);
    EXPECT(again.ok() && near(again->primary, tuned->bestDevScore, 1e-12), "best/ scores the tuned figure again");
  }
  // Aggregation with log-sum-exp gives the same decisions here (one mention pair per concept pair).
  auto model = loadRelationModel(r->bestFolder);
  EXPECT(model.ok() && model.value()->settings().conceptLevel, "the concept-level folder loads as such");
  if (model) {
    // The saved dictionary links a NER model's mentions (no concept ids) by their text and type.
    const auto& first = dev[0].entities[0];
    std::vector<document::EntityMention> found = {{first.start, first.end, first.type}, {0, 3, "Disease"}};
    model.value()->conceptDictionary().link(dev[0], found);
    EXPECT(!model.value()->conceptDictionary().empty() && found[0].conceptId == first.conceptId && found[1].conceptId.empty(),
           "mentions linked by the training surface forms, unknown text left unlinked");
  }
}

}  // namespace

int main() {
  const fs::path root = fs::temp_directory_path() / ("quarry_test_relation_" + std::to_string(::getpid()));
  fs::remove_all(root);
  checkScorer();
  checkClasses();
  checkCandidates();
  checkTraining(root);
  checkConceptLevel(root);
  fs::remove_all(root);
  if (quarry::test::g_failures == 0) std::printf("test_relation: all checks passed\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
