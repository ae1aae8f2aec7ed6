#include "jobs/DriftJob.h"

#include <algorithm>

#include <QSet>

#include "jobs/PredictionJob.h"
#include "text/Tokenizer.h"
#include "text/TokenizerFactory.h"

namespace quarry::jobs {
namespace {

// The labels a task's predictions carry, per document.
std::vector<std::string> predictedLabels(const document::DocumentPrediction& p) {
  std::vector<std::string> labels;
  for (const auto& e : p.entities) labels.push_back(e.type);
  for (const auto& l : p.labels) labels.push_back(l.label);
  for (const auto& r : p.relations) labels.push_back(r.type);
  for (const auto& r : p.conceptRelations) labels.push_back(r.type);
  for (const auto& a : p.answers)
    if (!a.noAnswer) labels.push_back("(answer)");
  return labels;
}

std::vector<std::string> goldLabels(const document::AnnotatedDocument& d) {
  std::vector<std::string> labels;
  for (const auto& e : d.entities) labels.push_back(e.type);
  for (const auto& l : d.labels) labels.push_back(l);
  for (const auto& r : d.relations) labels.push_back(r.type);
  for (const auto& r : d.conceptRelations) labels.push_back(r.type);
  for (const auto& q : d.questions)
    if (!q.answers.empty()) labels.push_back("(answer)");
  return labels;
}

// The profile of predicted documents: texts from `source` (kept alive by the caller), predicted labels,
// each decision's confidence (its most probable choice) and the embedding.
std::vector<quality::ProfiledDocument> profiled(const DocumentSet& source, const PredictionResults& results, bool gold) {
  std::vector<quality::ProfiledDocument> out(source.documents.size());
  for (size_t d = 0; d < out.size(); ++d) {
    out[d].text = source.documents[d].text;
    out[d].labels = gold ? goldLabels(source.documents[d]) : predictedLabels(results.predictions[d]);
    if (d < results.uncertainty.size()) {
      for (const auto& decision : results.uncertainty[d].decisions)
        if (!decision.probabilities.empty())
          out[d].confidences.push_back(*std::max_element(decision.probabilities.begin(), decision.probabilities.end()));
      out[d].embedding = results.uncertainty[d].embedding;
    }
  }
  return out;
}

}  // namespace

Result<DriftSpec> driftSpecForRun(ProjectStore& store, qint64 runId) {
  auto run = store.run(runId);
  if (!run) return run.error();
  if (run->checkpointPath.isEmpty())
    return Error("run " + std::to_string(runId) + " has no model to check drift for", store.path().toStdString());
  DriftSpec spec;
  spec.modelFolder = run->checkpointPath;
  auto recorded = store.runAnnotations(runId);
  if (!recorded) return recorded.error();
  QSet<qint64> trainIds, devIds;
  for (const AnnotationVersion& v : recorded.value())
    if (v.kind == QLatin1String("document")) (v.role == QLatin1String("dev") ? devIds : trainIds).insert(v.documentId);
  auto all = documentsFromStore(store, {});
  if (!all) return all.error();
  auto pool = documentsFromStore(store, {Split::Unassigned});
  if (!pool) return pool.error();
  if (trainIds.isEmpty()) {  // a run from before lineage: the splits as they are now
    auto training = documentsFromStore(store, {Split::Train});
    auto dev = documentsFromStore(store, {Split::Dev});
    if (!training) return training.error();
    if (!dev) return dev.error();
    for (qint64 id : training->storeIds) trainIds.insert(id);
    for (qint64 id : dev->storeIds) devIds.insert(id);
  }
  auto subset = [&](const DocumentSet& from, const std::function<bool(qint64)>& keep) {
    DocumentSet out = from;
    out.documents.clear();
    out.storeIds.clear();
    for (size_t i = 0; i < from.documents.size(); ++i) {
      const qint64 id = from.storeIds.value(static_cast<int>(i));
      if (!keep(id)) continue;
      out.documents.push_back(from.documents[i]);
      out.storeIds << id;
    }
    return out;
  };
  spec.training = subset(all.value(), [&](qint64 id) { return trainIds.contains(id); });
  spec.dev = subset(all.value(), [&](qint64 id) { return devIds.contains(id); });
  spec.incoming = subset(pool.value(), [&](qint64 id) { return !trainIds.contains(id) && !devIds.contains(id); });
  return spec;
}

DocumentSet evenSample(const DocumentSet& set, int limit) {
  const size_t n = set.documents.size();
  if (limit <= 0 || n <= static_cast<size_t>(limit)) return set;
  DocumentSet out = set;
  out.documents.clear();
  out.storeIds.clear();
  for (int k = 0; k < limit; ++k) {
    const size_t i = static_cast<size_t>(static_cast<double>(k) * static_cast<double>(n) / limit);
    out.documents.push_back(set.documents[i]);
    if (!set.storeIds.isEmpty()) out.storeIds << set.storeIds.value(static_cast<int>(i));
  }
  return out;
}

Result<std::shared_ptr<const PredictionResults>> DriftJob::predict(
    const DriftSpec& spec, const DocumentSet& documents, const QString& stage,
    const std::function<void(const DriftProgress&)>& progress) {
  PredictionSpec p;
  p.modelFolder = spec.modelFolder;
  p.documents = documents;
  p.store = false;
  p.uncertainty = false;
  p.decisions = true;
  p.threads = spec.threads;
  PredictionJob job(p);
  if (progress)
    QObject::connect(&job, &PredictionJob::progress, &job,
                     [&](const PredictionProgress& pr) { progress({stage, pr.documentsDone, pr.documents}); },
                     Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_cancelled) return Error("the drift check was cancelled");
    m_job = &job;
  }
  const PredictionOutcome outcome = job.runHere();
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_job = nullptr;
  }
  if (outcome.status == RunStatus::Cancelled) return Error("the drift check was cancelled");
  if (outcome.status != RunStatus::Finished || !outcome.results) return outcome.error;
  return outcome.results;
}

Result<quality::DriftReport> DriftJob::run(const DriftSpec& spec, const std::function<void(const DriftProgress&)>& progress) {
  if (spec.training.documents.empty())
    return Error("no training documents to compare with", spec.modelFolder.toStdString());
  if (spec.dev.documents.empty()) return Error("no dev documents: the drift check measures shift against them", "");
  if (spec.incoming.documents.empty()) return Error("no incoming documents to check", "");
  // Gold is not read by the model: predictions see texts only.
  const DocumentSet trainingSample = evenSample(spec.training, spec.maxTraining);
  auto training = predict(spec, trainingSample, QStringLiteral("training"), progress);
  if (!training) return training.error();
  auto dev = predict(spec, spec.dev, QStringLiteral("dev"), progress);
  if (!dev) return dev.error();
  auto incoming = predict(spec, spec.incoming, QStringLiteral("incoming"), progress);
  if (!incoming) return incoming.error();
  // The training profile: gold labels and vocabulary of every training document; embeddings of the sample.
  std::vector<quality::ProfiledDocument> trainingProfile = profiled(trainingSample, *training.value(), true);
  if (trainingSample.documents.size() < spec.training.documents.size()) {
    std::vector<quality::ProfiledDocument> all;
    size_t s = 0;
    for (size_t i = 0; i < spec.training.documents.size(); ++i) {
      quality::ProfiledDocument d;
      d.text = spec.training.documents[i].text;
      d.labels = goldLabels(spec.training.documents[i]);
      if (s < trainingSample.documents.size() && trainingSample.documents[s].id == spec.training.documents[i].id &&
          trainingSample.documents[s].text == spec.training.documents[i].text)
        d.embedding = trainingProfile[s++].embedding;
      all.push_back(std::move(d));
    }
    trainingProfile = std::move(all);
  }
  std::vector<quality::ProfiledDocument> devProfile = profiled(spec.dev, *dev.value(), false);
  std::vector<quality::ProfiledDocument> incomingProfile = profiled(spec.incoming, *incoming.value(), false);
  // A model with a sub-word vocabulary (its folder holds the tokenizer): how often it meets its unknown token.
  if (auto tokenizer = text::loadTokenizer(spec.modelFolder.toStdString())) {
    const std::optional<text::TokenId> unk = tokenizer.value()->specialTokens().unkId;
    if (unk)
      for (auto* profile : {&trainingProfile, &devProfile, &incomingProfile})
        for (quality::ProfiledDocument& d : *profile) {
          const std::vector<text::Piece> pieces = tokenizer.value()->tokenize(d.text);
          d.subtokens = static_cast<int64_t>(pieces.size());
          for (const text::Piece& p : pieces) d.unknownSubtokens += p.id == *unk ? 1 : 0;
        }
  }
  return quality::checkDrift(trainingProfile, devProfile, incomingProfile, spec.options);
}

void DriftJob::cancel() {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_cancelled = true;
  if (m_job) m_job->cancel();
}

}  // namespace quarry::jobs
