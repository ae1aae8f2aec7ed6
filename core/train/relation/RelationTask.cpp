#include "train/relation/RelationTask.h"

#include <algorithm>
#include <map>
#include <set>

#include <ATen/ops/from_blob.h>

#include "common/Log.h"
#include "train/TokenLoss.h"
#include "train/TrainState.h"
#include "train/relation/RelationPrediction.h"

namespace quarry::train {

namespace {

RelationModel& relationModelOf(TaskModel& model) { return static_cast<RelationModel&>(model); }

void addUnique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The argument entity types each training relation joins: (type name, head type, tail type).
std::vector<std::tuple<std::string, std::string, std::string>> argumentTypes(
    const std::vector<document::AnnotatedDocument>& train, bool conceptLevel) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& d : train) {
    if (!conceptLevel) {
      for (const auto& r : d.relations) {
        if (r.head < 0 || r.tail < 0 || r.head >= static_cast<int32_t>(d.entities.size()) ||
            r.tail >= static_cast<int32_t>(d.entities.size()))
          continue;
        out.emplace_back(r.type, d.entities[static_cast<size_t>(r.head)].type, d.entities[static_cast<size_t>(r.tail)].type);
      }
      continue;
    }
    // Concept level: the types of the mentions that carry each concept.
    std::map<std::string, std::set<std::string>> typesOfConcept;
    for (const auto& m : d.entities)
      for (const std::string& c : conceptsOf(m)) typesOfConcept[c].insert(m.type);
    for (const auto& r : d.conceptRelations)
      for (const std::string& h : typesOfConcept[r.headConcept])
        for (const std::string& t : typesOfConcept[r.tailConcept]) out.emplace_back(r.type, h, t);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<RelationTask>> RelationTask::create(const TrainRequest& request) {
  if (request.train.empty()) return Error("no training documents", "", 0, "train");
  const TrainConfig& config = request.config;
  auto task = std::unique_ptr<RelationTask>(new RelationTask());
  bool anyMentionRelation = false, anyConceptRelation = false;
  for (const auto& d : request.train) {
    anyMentionRelation = anyMentionRelation || !d.relations.empty();
    anyConceptRelation = anyConceptRelation || !d.conceptRelations.empty();
  }
  const bool conceptLevel =
      config.relationLevel == "concept" || (config.relationLevel == "auto" && anyConceptRelation && !anyMentionRelation);
  if (!(conceptLevel ? anyConceptRelation : anyMentionRelation))
    return Error(conceptLevel ? "no training document has a document-level (concept) relation"
                              : "no training document has a relation between its entities",
                 "", 0, "train");

  // Relation types: the schema's (those named in labels, when given), else those seen in training.
  std::vector<document::RelationTypeSpec> specs;
  for (const auto& t : request.relationTypes)
    if (request.labels.empty() || std::find(request.labels.begin(), request.labels.end(), t.name) != request.labels.end())
      specs.push_back(t);
  const auto seen = argumentTypes(request.train, conceptLevel);
  if (request.relationTypes.empty()) {
    std::vector<std::string> names = request.labels;
    for (const auto& [type, head, tail] : seen)
      if (request.labels.empty()) addUnique(names, type);
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      document::RelationTypeSpec t;
      t.name = n;
      for (const auto& [type, head, tail] : seen)
        if (type == n) {
          addUnique(t.headTypes, head);
          addUnique(t.tailTypes, tail);
        }
      specs.push_back(t);
    }
  } else {
    for (const auto& [type, head, tail] : seen) {
      for (auto& t : specs) {
        if (t.name != type || t.allows(head, tail) || (!t.directed && t.allows(tail, head))) continue;
        ++task->m_widenedRelations;
        if (!t.headTypes.empty()) addUnique(t.headTypes, head);
        if (!t.tailTypes.empty()) addUnique(t.tailTypes, tail);
      }
    }
    if (task->m_widenedRelations > 0)
      log::get("train")->warn("{} training relations join entity types their relation type does not allow; the types "
                              "are widened to learn them",
                              task->m_widenedRelations);
  }
  if (specs.empty()) return Error("no relation type to learn", "", 0, "labels");
  task->m_classes = RelationClasses(specs);

  std::set<std::string> entityTypes;
  for (const auto& d : request.train)
    for (const auto& m : d.entities) entityTypes.insert(m.type);
  for (const auto& t : specs) {
    entityTypes.insert(t.headTypes.begin(), t.headTypes.end());
    entityTypes.insert(t.tailTypes.begin(), t.tailTypes.end());
  }
  task->m_entityTypes.assign(entityTypes.begin(), entityTypes.end());
  task->m_settings = RelationSettings::fromConfig(config, conceptLevel);
  task->m_metric = relationMetricFor(config.relationMetric, task->m_classes, conceptLevel);
  task->m_tuneThreshold = config.relationTuneThreshold;
  task->m_train = request.train;
  task->m_dev = request.dev;

  RelationCandidateOptions options;
  options.windowSentences = config.relationWindow;
  options.conceptLevel = conceptLevel;
  std::vector<RelationCandidate> all =
      relationCandidates(task->m_train, goldMentions(task->m_train), task->m_classes, options, true);
  task->m_trainCandidatesAll = all.size();
  task->m_trainPositives = static_cast<size_t>(
      std::count_if(all.begin(), all.end(), [](const RelationCandidate& c) { return c.label != 0; }));
  for (const auto& d : task->m_train) task->m_trainRelations += conceptLevel ? d.conceptRelations.size() : d.relations.size();
  task->m_trainCandidates = sampleNegatives(std::move(all), config.negativeRatio, config.seed);
  if (task->m_trainPositives == 0)
    return Error("no training relation lies within relation_window (" + std::to_string(config.relationWindow) +
                     " sentences) between entities of the types it allows",
                 "", 0, "relation_window");
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  return task;
}

Result<std::unique_ptr<TaskModel>> RelationTask::createModel(const TrainConfig& config) {
  auto m = createRelationModel(config, m_classes, m_entityTypes, m_settings, m_train, m_trainCandidates);
  if (!m) return m.error();
  if (m_settings.conceptLevel) m.value()->setConceptDictionary(ConceptDictionary::build(m_train));
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskModel>> RelationTask::loadModel(const std::string& folder) {
  auto m = loadRelationModel(folder);
  if (!m) return m.error();
  if (m.value()->classes().names() != m_classes.names())
    return Error("the model's relation classes differ from the task's", folder, 0, "labels");
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskInputs>> RelationTask::featurizeTrain(TaskModel& model) {
  RelationModel& m = relationModelOf(model);
  std::vector<RelationCandidate> known;
  const auto mentions = goldMentions(m_train);
  for (const RelationCandidate& c : m_trainCandidates) {
    const auto& ms = mentions[static_cast<size_t>(c.document)];
    if (m.knowsTypes(ms[static_cast<size_t>(c.first)].type, ms[static_cast<size_t>(c.second)].type)) known.push_back(c);
  }
  return std::unique_ptr<TaskInputs>(m.featurize(m_train, mentions, known));
}

Result<std::unique_ptr<TaskInputs>> RelationTask::featurizeDev(TaskModel& model) {
  if (m_dev.empty()) return std::unique_ptr<TaskInputs>();
  RelationModel& m = relationModelOf(model);
  const auto mentions = goldMentions(m_dev);
  m_devCandidates = modelCandidates(m, m_dev, mentions, true);
  return std::unique_ptr<TaskInputs>(m.featurize(m_dev, mentions, m_devCandidates));
}

at::Tensor RelationTask::classWeights(const TrainConfig& config, TaskModel&) {
  if (config.classWeights != "balanced") return {};
  std::vector<int64_t> counts(m_classes.size(), 0);
  for (const RelationCandidate& c : m_trainCandidates) ++counts[static_cast<size_t>(c.label)];
  std::vector<float> w = balancedClassWeights(counts);
  return at::from_blob(w.data(), {static_cast<int64_t>(w.size())}, at::TensorOptions().dtype(at::kFloat)).clone();
}

Result<MetricReport> RelationTask::evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) {
  RelationModel& m = relationModelOf(model);
  const auto mentions = goldMentions(m_dev);
  RelationRun run;
  run.candidates = m_devCandidates;
  run.probabilities = m.predict(static_cast<const RelationInputs&>(dev), batchSize);
  if (m_tuneThreshold) {
    // The decision threshold that scores best on dev (ties: the lower one); 0 = the most probable class
    // (at concept level the same as 0.5, so it is skipped there).
    std::vector<double> grid;
    if (!m_settings.conceptLevel) grid.push_back(0);
    for (int k = 1; k <= 19; ++k) grid.push_back(0.05 * k);
    double best = grid.front(), bestScore = -1;
    for (double t : grid) {
      m.setThreshold(t);
      RelationRun tried = run;
      decideRelations(m, mentions, m_dev.size(), tried);
      const double score = relationMetricReport(m, m_dev, mentions, tried, m_metric, true).primary;
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    m.setThreshold(best);
  }
  decideRelations(m, mentions, m_dev.size(), run);
  MetricReport report = relationMetricReport(m, m_dev, mentions, run, m_metric, true);
  report.details["threshold"] = m.settings().threshold;
  return report;
}

nlohmann::json RelationTask::dataRecord() const {
  return {{"train_documents", m_train.size()},
          {"dev_documents", m_dev.size()},
          {"relation_types", m_classes.typeNames()},
          {"classes", m_classes.names()},
          {"entity_types", m_entityTypes},
          {"level", m_settings.conceptLevel ? "concept" : "mention"},
          {"metric", m_metric},
          {"train_relations", m_trainRelations},
          {"train_candidates", m_trainCandidatesAll},
          {"train_positive_candidates", m_trainPositives},
          {"train_candidates_kept", m_trainCandidates.size()},
          {"train_relations_widened", m_widenedRelations}};
}

}  // namespace quarry::train
