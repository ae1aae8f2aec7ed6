#include "train/relation/RelationPrediction.h"

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "text/Unicode.h"

namespace quarry::train {

namespace {

const std::set<std::string>& semEvalTypes() {
  static const std::set<std::string> types = {"Cause-Effect",      "Component-Whole", "Content-Container",
                                              "Entity-Destination", "Entity-Origin",  "Instrument-Agency",
                                              "Member-Collection", "Message-Topic",   "Product-Producer",
                                              "Other"};
  return types;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

bool typeDirected(const RelationClasses& classes, const std::string& type) {
  const document::RelationTypeSpec* spec = classes.type(type);
  return spec ? spec->directed : true;
}

}  // namespace

std::string mentionKey(const document::EntityMention& m) {
  return std::to_string(m.start) + "-" + std::to_string(m.end) + ":" + m.type;
}

std::vector<RelationCandidate> modelCandidates(const RelationModel& model,
                                               const std::vector<document::AnnotatedDocument>& documents,
                                               const std::vector<std::vector<document::EntityMention>>& mentions,
                                               bool labelled) {
  RelationCandidateOptions options;
  options.windowSentences = model.settings().windowSentences;
  options.conceptLevel = model.settings().conceptLevel;
  std::vector<RelationCandidate> all = relationCandidates(documents, mentions, model.classes(), options, labelled);
  std::vector<RelationCandidate> out;
  out.reserve(all.size());
  for (const RelationCandidate& c : all) {
    const auto& ms = mentions[static_cast<size_t>(c.document)];
    if (model.knowsTypes(ms[static_cast<size_t>(c.first)].type, ms[static_cast<size_t>(c.second)].type)) out.push_back(c);
  }
  return out;
}

void decideRelations(const RelationModel& model, const std::vector<std::vector<document::EntityMention>>& mentions,
                     size_t documentCount, RelationRun& run) {
  const RelationClasses& classes = model.classes();
  const double threshold = model.settings().threshold;
  run.relations.assign(documentCount, {});
  run.conceptRelations.assign(documentCount, {});
  if (!model.settings().conceptLevel) {
    for (size_t i = 0; i < run.candidates.size(); ++i) {
      const RelationCandidate& c = run.candidates[i];
      const std::vector<float>& p = run.probabilities[i];
      size_t best = 0;
      if (threshold > 0) {
        size_t bestRelation = 1;
        for (size_t k = 1; k < p.size(); ++k)
          if (p[k] > p[bestRelation]) bestRelation = k;
        if (bestRelation < p.size() && p[bestRelation] >= threshold) best = bestRelation;
      } else {
        for (size_t k = 1; k < p.size(); ++k)
          if (p[k] > p[best]) best = k;
      }
      if (best == 0) continue;
      const auto id = static_cast<int32_t>(best);
      document::PredictedRelation r;
      r.head = classes.firstIsHead(id) ? c.first : c.second;
      r.tail = classes.firstIsHead(id) ? c.second : c.first;
      r.type = classes.typeOf(id);
      r.confidence = p[best];
      run.relations[static_cast<size_t>(c.document)].push_back(r);
    }
    return;
  }
  // Concept level: evidence per (document, head concept, tail concept, type).
  using Key = std::tuple<int32_t, std::string, std::string, std::string>;
  std::map<Key, std::vector<double>> evidence;
  for (size_t i = 0; i < run.candidates.size(); ++i) {
    const RelationCandidate& c = run.candidates[i];
    const std::vector<float>& p = run.probabilities[i];
    const auto& ms = mentions[static_cast<size_t>(c.document)];
    const std::vector<std::string> first = conceptsOf(ms[static_cast<size_t>(c.first)]);
    const std::vector<std::string> second = conceptsOf(ms[static_cast<size_t>(c.second)]);
    const double none = std::log(std::max(p[0], 1e-12f));
    for (size_t k = 1; k < p.size(); ++k) {
      const auto id = static_cast<int32_t>(k);
      const double logOdds = std::log(std::max(p[k], 1e-12f)) - none;
      for (const std::string& a : first)
        for (const std::string& b : second) {
          if (a == b) continue;
          const bool forward = classes.firstIsHead(id);
          evidence[{c.document, forward ? a : b, forward ? b : a, classes.typeOf(id)}].push_back(logOdds);
        }
    }
  }
  const double cut = threshold > 0 ? threshold : 0.5;
  const bool logSumExp = model.settings().aggregation == "logsumexp";
  for (const auto& [key, values] : evidence) {
    double score = values.front();
    if (logSumExp) {
      double top = values.front();
      for (double v : values) top = std::max(top, v);
      double sum = 0;
      for (double v : values) sum += std::exp(v - top);
      score = top + std::log(sum);
    } else {
      for (double v : values) score = std::max(score, v);
    }
    const double confidence = sigmoid(score);
    if (confidence < cut) continue;
    const auto& [document, head, tail, type] = key;
    run.conceptRelations[static_cast<size_t>(document)].push_back({head, tail, type, confidence});
  }
}

RelationRun runRelationModel(RelationModel& model, const std::vector<document::AnnotatedDocument>& documents,
                             const std::vector<std::vector<document::EntityMention>>& mentions, bool labelled,
                             int batchSize) {
  const auto started = std::chrono::steady_clock::now();
  RelationRun run;
  run.candidates = modelCandidates(model, documents, mentions, labelled);
  auto inputs = model.featurize(documents, mentions, run.candidates);
  run.probabilities = model.predict(*inputs, batchSize);
  decideRelations(model, mentions, documents.size(), run);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

std::string relationMetricFor(const std::string& option, const RelationClasses& classes, bool conceptLevel) {
  if (option != "auto") return conceptLevel && option == "semeval" ? "micro" : option;
  if (conceptLevel) return "micro";
  bool hasOther = false;
  for (const auto& t : classes.types()) {
    if (!semEvalTypes().count(t.name)) return "micro";
    hasOther = hasOther || t.name == "Other";
  }
  return hasOther ? "semeval" : "micro";
}

MetricReport relationMetricReport(const RelationModel& model, const std::vector<document::AnnotatedDocument>& documents,
                                  const std::vector<std::vector<document::EntityMention>>& mentions,
                                  const RelationRun& run, const std::string& metric, bool goldMentions) {
  const RelationClasses& classes = model.classes();
  std::vector<eval::RelationInstance> gold, predicted;
  for (size_t d = 0; d < documents.size(); ++d) {
    const document::AnnotatedDocument& doc = documents[d];
    if (model.settings().conceptLevel) {
      for (const auto& r : doc.conceptRelations)
        gold.push_back({doc.id, r.headConcept, r.tailConcept, r.type, typeDirected(classes, r.type), "", ""});
      for (const auto& r : run.conceptRelations[d])
        predicted.push_back({doc.id, r.headConcept, r.tailConcept, r.type, typeDirected(classes, r.type), "", ""});
      continue;
    }
    const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(doc.text);
    auto sliceOf = [&](int32_t start, int32_t end) { return std::string(decoded.slice(doc.text, start, end)); };
    for (const auto& r : doc.relations) {
      if (r.head < 0 || r.tail < 0 || r.head >= static_cast<int32_t>(doc.entities.size()) ||
          r.tail >= static_cast<int32_t>(doc.entities.size()))
        continue;
      const auto& h = doc.entities[static_cast<size_t>(r.head)];
      const auto& t = doc.entities[static_cast<size_t>(r.tail)];
      gold.push_back({doc.id, mentionKey(h), mentionKey(t), r.type, typeDirected(classes, r.type),
                      sliceOf(h.start, h.end), sliceOf(t.start, t.end)});
    }
    for (const auto& r : run.relations[d]) {
      const auto& h = mentions[d][static_cast<size_t>(r.head)];
      const auto& t = mentions[d][static_cast<size_t>(r.tail)];
      predicted.push_back({doc.id, mentionKey(h), mentionKey(t), r.type, typeDirected(classes, r.type),
                           sliceOf(h.start, h.end), sliceOf(t.start, t.end)});
    }
  }
  const eval::RelationReport report = scoreRelations(classes.typeNames(), gold, predicted);
  MetricReport m;
  m.details = report.toJson();
  m.details["level"] = model.settings().conceptLevel ? "concept" : "mention";
  m.details["entities"] = goldMentions ? "gold" : "predicted";
  m.details["candidates"] = run.candidates.size();
  m.table = report.formatTable();
  m.summary = {{"f1", report.micro.f1},
               {"precision", report.micro.precision},
               {"recall", report.micro.recall},
               {"macro_f1", report.macro.f1}};
  m.primaryName = "micro_f1";
  m.primary = report.micro.f1;
  if (metric == "macro") {
    m.primaryName = "macro_f1";
    m.primary = report.macro.f1;
  }
  if (metric == "semeval" && goldMentions && !model.settings().conceptLevel) {
    // Over the candidates, as the task scores its sentences: gold and proposed labels, none as Other.
    std::vector<std::string> goldLabels, proposed;
    for (size_t i = 0; i < run.candidates.size(); ++i) {
      const RelationCandidate& c = run.candidates[i];
      const std::vector<float>& p = run.probabilities[i];
      auto label = [&](int32_t id) { return id == 0 ? std::string("Other") : classes.name(id); };
      goldLabels.push_back(label(c.label));
      int32_t best = 0;
      for (size_t k = 1; k < p.size(); ++k)
        if (p[k] > p[static_cast<size_t>(best)]) best = static_cast<int32_t>(k);
      proposed.push_back(label(best));
    }
    // A gold relation no candidate holds (overlapping nominals) is still an example of the key: proposed as Other.
    std::set<std::tuple<int32_t, int32_t, int32_t>> held;
    for (const RelationCandidate& c : run.candidates) held.insert({c.document, c.first, c.second});
    for (size_t d = 0; d < documents.size(); ++d)
      for (const auto& r : documents[d].relations) {
        const auto& h = documents[d].entities[static_cast<size_t>(r.head)];
        const auto& t = documents[d].entities[static_cast<size_t>(r.tail)];
        const bool headFirst = std::tie(h.start, h.end, r.head) < std::tie(t.start, t.end, r.tail);
        const auto key = headFirst ? std::tuple{static_cast<int32_t>(d), r.head, r.tail}
                                   : std::tuple{static_cast<int32_t>(d), r.tail, r.head};
        const int32_t cls = classes.classOf(r.type, headFirst);
        if (held.count(key) || cls <= 0) continue;
        goldLabels.push_back(classes.name(cls) == "Other" ? "Other" : classes.name(cls));
        proposed.push_back("Other");
      }
    const eval::SemEvalReport semeval = eval::scoreSemEval(goldLabels, proposed);
    m.details["semeval"] = semeval.toJson();
    m.table += "\nSemEval-2010 Task 8 official score (9+1-way, with direction, macro-F1 without Other):\n" +
               semeval.formatTable();
    m.summary["semeval_macro_f1"] = semeval.macroF1;
    m.primaryName = "official_macro_f1";
    m.primary = semeval.macroF1;
  }
  return m;
}

}  // namespace quarry::train
