#include "jobs/ActiveLearningQueue.h"

#include <algorithm>

#include "jobs/DocumentUncertainty.h"
#include "jobs/HashedTextEmbedding.h"
#include "suggest/DiversitySampling.h"

namespace quarry::jobs {
namespace {

using suggest::UncertaintyStrategy;

// A document of the pool: still unlabelled, with its stored uncertainty.
struct PoolDocument {
  qint64 id = 0;
  QString name;
  QJsonObject uncertainty;  // the row's payload
};

// Whether a document still needs annotating for the run's task.
bool unlabelled(const DocumentSummary& d, const QString& task) {
  if (d.status == DocumentStatus::Done || d.status == DocumentStatus::Reviewed) return false;
  if (task == QLatin1String("ner")) return d.entities == 0;
  if (task == QLatin1String("classify")) return d.labels == 0;
  if (task == QLatin1String("relation")) return d.relations == 0;
  if (task == QLatin1String("qa")) return d.answers == 0;
  return d.entities + d.labels + d.relations + d.answers == 0;
}

double scoreOf(const PoolDocument& d, const QString& key) { return d.uncertainty.value(key).toDouble(); }
double scoreOf(const PoolDocument& d, UncertaintyStrategy s) { return scoreOf(d, strategyKey(s)); }

QString reasonOf(const PoolDocument& d, const QString& key) {
  return d.uncertainty.value(QStringLiteral("reason_") + key).toString();
}
QString reasonOf(const PoolDocument& d, UncertaintyStrategy s) { return reasonOf(d, strategyKey(s)); }

// The pool of run `runId` (its task `task`), in one read.
Status readPool(ProjectStore& store, qint64 runId, const QString& task, std::vector<PoolDocument>& pool) {
  return store.readConsistently([&]() -> Status {
    auto documents = store.listDocuments();
    if (!documents) return documents.error();
    for (const DocumentSummary& d : documents.value()) {
      if (!unlabelled(d, task)) continue;
      auto rows = store.predictionsForDocument(d.id, runId);
      if (!rows) return rows.error();
      const QString kind = QString::fromLatin1(kUncertaintyKind);
      auto row =
          std::find_if(rows->crbegin(), rows->crend(), [&](const Prediction& p) { return p.kind == kind; });
      if (row == rows->crend()) continue;  // not predicted in this run
      pool.push_back({d.id, d.name, row->payload});
    }
    return {};
  });
}

// The texts of the pool's documents, in pool order.
Result<QStringList> readTexts(ProjectStore& store, const std::vector<PoolDocument>& pool) {
  QStringList texts;
  for (const PoolDocument& d : pool) {
    auto stored = store.loadDocument(d.id);
    if (!stored) return stored.error();
    texts << stored->document.text;
  }
  return texts;
}

UncertaintyStrategy uncertaintyOf(QueueStrategy s) {
  switch (s) {
    case QueueStrategy::LeastConfidence:
      return UncertaintyStrategy::LeastConfidence;
    case QueueStrategy::Margin:
      return UncertaintyStrategy::Margin;
    default:
      return UncertaintyStrategy::Entropy;
  }
}

// The pool's embeddings: the model's own (stored with the uncertainty) when every document has one of
// one size, the hashed bag of words of the texts otherwise; `source` says which.
Result<std::vector<std::vector<float>>> poolEmbeddings(ProjectStore& store,
                                                       const std::vector<PoolDocument>& pool, int dimensions,
                                                       QString& source) {
  std::vector<std::vector<float>> stored;
  for (const PoolDocument& d : pool) {
    stored.push_back(storedEmbedding(d.uncertainty));
    if (stored.back().empty() || stored.back().size() != stored.front().size()) {
      stored.clear();
      break;
    }
  }
  if (!stored.empty()) {
    source = QStringLiteral("the model's document embedding");
    return stored;
  }
  source = QStringLiteral("hashed words (the model gives no document embedding)");
  auto texts = readTexts(store, pool);
  if (!texts) return texts.error();
  return hashedTextEmbeddings(texts.value(), dimensions);
}

Result<QVector<QueuedDocument>> diverseQueue(ProjectStore& store, const std::vector<PoolDocument>& pool,
                                             const QueueOptions& options) {
  std::vector<double> scores;
  for (const PoolDocument& d : pool) scores.push_back(scoreOf(d, options.diversityScore));
  suggest::DiversityOptions diversity;
  diversity.batchSize = options.batchSize > 0 ? options.batchSize : std::max(1, int(pool.size()));
  diversity.seed = options.seed;
  QString source;
  auto embeddings = poolEmbeddings(store, pool, options.embeddingDimensions, source);
  if (!embeddings) return embeddings.error();
  auto batch = suggest::diverseBatch(embeddings.value(), scores, diversity);
  if (!batch) return batch.error();
  QVector<QueuedDocument> out;
  for (const suggest::BatchPick& pick : batch.value()) {
    const PoolDocument& d = pool[size_t(pick.document)];
    out.push_back({d.id, d.name, pick.score,
                   QString::fromStdString(pick.reason) + QStringLiteral(" by ") + source +
                       QStringLiteral("; ") + reasonOf(d, options.diversityScore),
                   pick.cluster});
  }
  return out;
}

}  // namespace

QString queueStrategyName(QueueStrategy strategy) {
  if (strategy == QueueStrategy::Mnlp) return QStringLiteral("mnlp");
  return strategy == QueueStrategy::Diversity ? QStringLiteral("diversity")
                                              : strategyKey(uncertaintyOf(strategy));
}

Result<QueueStrategy> queueStrategyFromName(const QString& name) {
  for (QueueStrategy s : {QueueStrategy::LeastConfidence, QueueStrategy::Margin, QueueStrategy::Entropy,
                          QueueStrategy::Mnlp, QueueStrategy::Diversity})
    if (name == queueStrategyName(s)) return s;
  return Error(
      "unknown strategy \"" + name.toStdString() + "\" (least_confidence, margin, entropy, mnlp, diversity)", "", 0,
      "strategy");
}

Result<QVector<QueuedDocument>> activeLearningQueue(ProjectStore& store, const QueueOptions& options) {
  qint64 runId = options.runId;
  if (runId == 0) {
    auto latest = store.latestRunWithPredictions(QString::fromLatin1(kUncertaintyKind));
    if (!latest) return latest.error();
    runId = latest.value();
    if (runId == 0)
      return Error("no prediction run has stored uncertainty scores: predict the unlabelled documents first");
  }
  auto run = store.run(runId);
  if (!run) return run.error();
  std::vector<PoolDocument> pool;
  if (Status s = readPool(store, runId, run->task, pool); !s) return s.error();
  if (options.strategy == QueueStrategy::Diversity) return diverseQueue(store, pool, options);

  const QString strategy = queueStrategyName(options.strategy);  // the payload key of its score
  std::vector<double> scores;
  for (const PoolDocument& d : pool) scores.push_back(scoreOf(d, strategy));
  QVector<QueuedDocument> out;
  for (int32_t i : suggest::rankByUncertainty(scores)) {
    if (options.batchSize > 0 && out.size() >= options.batchSize) break;
    const PoolDocument& d = pool[size_t(i)];
    out.push_back({d.id, d.name, scores[size_t(i)], reasonOf(d, strategy), -1});
  }
  return out;
}

}  // namespace quarry::jobs
