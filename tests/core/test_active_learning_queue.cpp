// Active learning end to end on a tiny NER project: predicting its unassigned documents stores one
// "uncertainty" row per document whose figures are core/suggest's functions of the model's word
// distributions; the rows of hand-worked decisions (classification, binary); the queue ordering the pool by
// each strategy, dropping a document once it is done or annotated, and a diverse batch of distinct clusters
// clustered by the model's own document embedding (stored with the uncertainty; hashed words for a run
// without one).
#include <cmath>

#include <QDir>
#include <QFile>
#include <QtTest>

#include "NerCorpusTestSupport.h"
#include "jobs/ActiveLearningQueue.h"
#include "jobs/DocumentUncertainty.h"
#include "jobs/PredictionJob.h"
#include "store/ProjectStore.h"

using quarry::Prediction;
using quarry::ProjectStore;
using quarry::RunStatus;
using quarry::jobs::activeLearningQueue;
using quarry::jobs::QueuedDocument;
using quarry::jobs::QueueOptions;
using quarry::jobs::QueueStrategy;
namespace suggest = quarry::suggest;

namespace {

// The unlabelled pool: familiar sentences, unseen words (the model should doubt those), two topics.
const char* const kPool[][2] = {
    {"a", "patients with asthma were given aspirin ."},
    {"b", "patients with zorbitis were given flumazine ."},
    {"c", "the committee met on tuesday and approved the budget for next year ."},
    {"d", "patients with gout were given insulin ."},
    {"e", "quarterly revenue grew while the committee approved new budget lines ."},
    {"f", "grelt with plonkosis were given vantrex ."},
};

double payloadOf(const Prediction& row, const char* key) {
  return row.payload.value(QLatin1String(key)).toDouble();
}

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double s = 0;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) s += double(a[i]) * b[i];
  return s;
}

}  // namespace

class TestActiveLearningQueue : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;
  QString m_model;
  qint64 m_runId = 0;
  std::unique_ptr<ProjectStore> m_store;

  QVector<QueuedDocument> queue(QueueStrategy strategy, int batch = 0) {
    QueueOptions options;
    options.strategy = strategy;
    options.batchSize = batch;
    auto q = activeLearningQueue(*m_store, options);
    if (!q) qWarning("%s", q.error().toString().c_str());
    return q ? q.value() : QVector<QueuedDocument>{};
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(40, 4);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString out = m_folder.path(QStringLiteral("ner"));
    const CliRun t =
        cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("ner"),
             QStringLiteral("--project"), m_folder.project, QStringLiteral("--output"), out,
             QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--set"),
             QStringLiteral("epochs=8"), QStringLiteral("--set"), QStringLiteral("lstm_hidden=16"),
             QStringLiteral("--set"), QStringLiteral("word_dim=16")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    m_model = out + QStringLiteral("/best");
    const QString pool = m_folder.path(QStringLiteral("pool"));
    QVERIFY(QDir().mkpath(pool));
    for (const auto& [name, text] : kPool) {
      QFile f(pool + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".txt"));
      QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) > 0);
    }
    const CliRun i = cli({QStringLiteral("import"), m_folder.project, pool, QStringLiteral("--split"),
                          QStringLiteral("unassigned")});
    QVERIFY2(i.code == 0, qPrintable(i.err));
  }

  // Hand-worked: single-label [0.7, 0.2, 0.1]; binary decisions 0.9 and 0.6 by Max; multi-label.
  void handWorkedRows() {
    using quarry::jobs::uncertaintyPrediction;
    const Prediction label =
        uncertaintyPrediction(1, 2, quarry::jobs::labelDecisions({0.7f, 0.2f, 0.1f}, false));
    QCOMPARE(label.kind, QStringLiteral("uncertainty"));
    const double h = -(0.7 * std::log(0.7) + 0.2 * std::log(0.2) + 0.1 * std::log(0.1)) / std::log(3.0);
    QVERIFY(std::fabs(payloadOf(label, "least_confidence") - 0.3) < 1e-6);
    QVERIFY(std::fabs(payloadOf(label, "margin") - 0.5) < 1e-6);
    QVERIFY(std::fabs(payloadOf(label, "entropy") - h) < 1e-6);  // 0.7298
    QVERIFY(std::fabs(label.confidence - (1 - h)) < 1e-6);
    QCOMPARE(label.payload.value(QStringLiteral("decisions")).toInt(), 1);
    QCOMPARE(label.payload.value(QStringLiteral("aggregation")).toString(), QStringLiteral("max"));

    const Prediction binary = uncertaintyPrediction(1, 2, quarry::jobs::confidenceDecisions({0.9, 0.6}));
    QVERIFY(std::fabs(payloadOf(binary, "least_confidence") - 0.4) < 1e-12);
    QVERIFY(std::fabs(payloadOf(binary, "margin") - 0.8) < 1e-12);
    const double h2 = -(0.6 * std::log(0.6) + 0.4 * std::log(0.4)) / std::log(2.0);  // 0.97095
    QVERIFY(std::fabs(payloadOf(binary, "entropy") - h2) < 1e-12);
    QVERIFY(binary.payload.value(QStringLiteral("reason_entropy"))
                .toString()
                .startsWith(QStringLiteral("decision 1")));

    const Prediction multi = uncertaintyPrediction(1, 2, quarry::jobs::labelDecisions({0.5f, 0.9f}, true));
    QCOMPARE(multi.payload.value(QStringLiteral("decisions")).toInt(), 2);
    QVERIFY(std::fabs(payloadOf(multi, "entropy") - 1.0) < 1e-9);
    // Measured from each label's tuned threshold: at 0.2 a probability of 0.2 is the undecided one (entropy
    // 1), 0.5 is a confident yes (q = 0.5 + 0.5 * 0.3 / 0.8 = 0.6875), 0.1 halfway to a sure no (q = 0.25).
    auto binaryEntropy = [](double q) {
      return -(q * std::log(q) + (1 - q) * std::log(1 - q)) / std::log(2.0);
    };
    const auto tuned = quarry::jobs::labelDecisions({0.2f, 0.5f, 0.1f}, true, {0.2f, 0.2f, 0.2f});
    QCOMPARE(int(tuned.decisions.size()), 3);
    QVERIFY(std::fabs(tuned.decisions[0].probabilities[0] - 0.5) < 1e-6);
    QVERIFY(std::fabs(tuned.decisions[1].probabilities[0] - 0.6875) < 1e-6);
    QVERIFY(std::fabs(tuned.decisions[2].probabilities[0] - 0.25) < 1e-6);
    QVERIFY(std::fabs(payloadOf(uncertaintyPrediction(1, 2, tuned), "entropy") - 1.0) < 1e-6);
    const Prediction yes = uncertaintyPrediction(1, 2, quarry::jobs::labelDecisions({0.5f}, true, {0.2f}));
    QVERIFY(std::fabs(payloadOf(yes, "entropy") - binaryEntropy(0.6875)) < 1e-6);
    // A threshold of 0.5 (or none) leaves the probability as it is.
    const auto plain = quarry::jobs::labelDecisions({0.3f, 0.8f}, true, {0.5f});
    QVERIFY(std::fabs(plain.decisions[0].probabilities[0] - 0.3) < 1e-6);
    QVERIFY(std::fabs(plain.decisions[1].probabilities[0] - 0.8) < 1e-6);

    const Prediction none = uncertaintyPrediction(1, 2, quarry::jobs::confidenceDecisions({}));
    QCOMPARE(payloadOf(none, "entropy"), 0.0);
    QCOMPARE(none.confidence, 1.0);
    QCOMPARE(none.payload.value(QStringLiteral("reason_entropy")).toString(), QStringLiteral("no decisions"));
    QCOMPARE(payloadOf(none, "mnlp"), 0.0);

    // MNLP: 1 - the geometric mean of the top probabilities; NER words [0.9, 0.1] and [0.4, 0.6]: 1 - sqrt(0.54).
    const Prediction words = uncertaintyPrediction(1, 2, quarry::jobs::wordDecisions({{0.9f, 0.1f}, {0.4f, 0.6f}}));
    QVERIFY(std::fabs(payloadOf(words, "mnlp") - (1 - std::sqrt(0.9 * 0.6))) < 1e-6);
    QVERIFY(words.payload.value(QStringLiteral("reason_mnlp")).toString().contains(QStringLiteral("over 2 decisions")));
    // A CRF tagger's ln P of the tag sequence, where given, is MNLP's numerator: ln 0.25 over 2 words, 1 -
    // 0.5.
    const Prediction path = uncertaintyPrediction(
        1, 2, quarry::jobs::wordDecisions({{0.9f, 0.1f}, {0.4f, 0.6f}}, std::log(0.25)));
    QVERIFY(std::fabs(payloadOf(path, "mnlp") - 0.5) < 1e-9);
    QCOMPARE(path.payload.value(QStringLiteral("reason_mnlp")).toString(),
             QStringLiteral("MNLP 0.50: the tag sequence's probability per word, 0.50, over 2 words"));
    QCOMPARE(payloadOf(path, "entropy"), payloadOf(words, "entropy"));
  }

  // One uncertainty row per predicted document, equal to core/suggest over the stored word distributions.
  void predictionStoresUncertainty() {
    quarry::jobs::PredictionSpec spec;
    spec.modelFolder = m_model;
    spec.projectPath = m_folder.project;
    spec.threads = 1;
    quarry::jobs::PredictionJob job(spec);
    const quarry::jobs::PredictionOutcome outcome = job.runHere();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    m_runId = outcome.runId;
    QVERIFY(outcome.results);
    const auto& results = *outcome.results;
    QCOMPARE(results.documents.documents.size(), size_t(6));
    QCOMPARE(results.uncertainty.size(), size_t(6));

    auto store = ProjectStore::open(m_folder.project, quarry::OpenMode::ReadWrite);
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    for (size_t d = 0; d < results.uncertainty.size(); ++d) {
      const quarry::jobs::DocumentDecisions& decisions = results.uncertainty[d];
      QCOMPARE(decisions.aggregation, suggest::UncertaintyAggregation::Mean);
      QCOMPARE(
          decisions.decisions.size(),
          size_t(QString::fromStdString(results.documents.documents[d].text).split(QLatin1Char(' ')).size()));
      // The BiLSTM-CRF's tag sequence: ln P below 0, and no likelier than its least sure word's marginal.
      double lowestTop = 1;
      for (const suggest::UncertainDecision& word : decisions.decisions) {
        double total = 0, top = 0;
        for (double p : word.probabilities) {
          total += p;
          top = std::max(top, p);
        }
        QVERIFY(std::fabs(total - 1) < 1e-4);
        lowestTop = std::min(lowestTop, top);
      }
      QVERIFY2(decisions.sequenceLogProbability < 0 &&
                   decisions.sequenceLogProbability <= std::log(lowestTop) + 1e-4,
               qPrintable(QString::number(decisions.sequenceLogProbability)));
      auto rows = m_store->predictionsForDocument(results.documents.storeIds[int(d)], m_runId);
      QVERIFY(rows.ok());
      int uncertain = 0;
      for (const Prediction& r : rows.value()) {
        if (r.kind != QLatin1String("uncertainty")) continue;
        ++uncertain;
        for (auto [s, key] : {std::pair{suggest::UncertaintyStrategy::LeastConfidence, "least_confidence"},
                              std::pair{suggest::UncertaintyStrategy::Margin, "margin"},
                              std::pair{suggest::UncertaintyStrategy::Entropy, "entropy"}}) {
          const suggest::DocumentUncertainty u =
              suggest::documentUncertainty(decisions.decisions, {s, suggest::UncertaintyAggregation::Mean});
          QVERIFY(payloadOf(r, key) >= 0 && payloadOf(r, key) <= 1);
          QVERIFY(std::fabs(payloadOf(r, key) - u.score) < 1e-12);
          QCOMPARE(r.payload.value(QStringLiteral("reason_") + QLatin1String(key)).toString(),
                   QString::fromStdString(u.reason));
        }
        QVERIFY(std::fabs(r.confidence - (1 - payloadOf(r, "entropy"))) < 1e-12);
        QVERIFY(std::fabs(payloadOf(r, "mnlp") - (1 - std::exp(decisions.sequenceLogProbability /
                                                               double(decisions.decisions.size())))) < 1e-9);
        // The BiLSTM's mean word state: 2 x lstm_hidden numbers at unit length, stored to 4 decimals.
        const std::vector<float> stored = quarry::jobs::storedEmbedding(r.payload);
        QCOMPARE(stored.size(), size_t(32));
        QCOMPARE(decisions.embedding.size(), size_t(32));
        QVERIFY(std::fabs(dot(stored, stored) - 1) < 1e-3);
        for (size_t i = 0; i < stored.size(); ++i)
          QVERIFY(std::fabs(stored[i] - decisions.embedding[i]) <= 0.5e-4 + 1e-7);
      }
      QCOMPARE(uncertain, 1);
    }
    // Two clinical sentences that differ in two words lie closer than a clinical and a committee one.
    const auto& u = results.uncertainty;  // pool order: a b c d e f
    QVERIFY2(dot(u[0].embedding, u[3].embedding) > dot(u[0].embedding, u[2].embedding),
             qPrintable(QStringLiteral("cos(a,d) %1, cos(a,c) %2")
                            .arg(dot(u[0].embedding, u[3].embedding))
                            .arg(dot(u[0].embedding, u[2].embedding))));
  }

  // Each strategy orders the whole pool by its score, descending; a batch is the queue's head.
  void queueOrdersByStrategy() {
    QVERIFY(m_store);
    for (QueueStrategy s : {QueueStrategy::LeastConfidence, QueueStrategy::Margin, QueueStrategy::Entropy,
                            QueueStrategy::Mnlp}) {
      const QVector<QueuedDocument> q = queue(s);
      QCOMPARE(q.size(), 6);
      for (int i = 0; i < q.size(); ++i) {
        QVERIFY(q[i].score >= 0 && q[i].score <= 1);
        QVERIFY(!q[i].reason.isEmpty());
        QCOMPARE(q[i].cluster, -1);
        if (i > 0) QVERIFY(q[i - 1].score >= q[i].score);
        auto rows = m_store->predictionsForDocument(q[i].documentId, m_runId);
        for (const Prediction& r : rows.value())
          if (r.kind == QLatin1String("uncertainty"))
            QCOMPARE(q[i].score, r.payload.value(quarry::jobs::queueStrategyName(s)).toDouble());
      }
      const QVector<QueuedDocument> head = queue(s, 2);
      QCOMPARE(head.size(), 2);
      QCOMPARE(head[0].documentId, q[0].documentId);
      QCOMPARE(head[1].documentId, q[1].documentId);
    }
    QCOMPARE(quarry::jobs::queueStrategyFromName(QStringLiteral("margin")).value(), QueueStrategy::Margin);
    QCOMPARE(quarry::jobs::queueStrategyFromName(QStringLiteral("mnlp")).value(), QueueStrategy::Mnlp);
    QVERIFY(!quarry::jobs::queueStrategyFromName(QStringLiteral("random")).ok());
  }

  // A diverse batch: at most `batch` documents, one per cluster, with the cluster in the reason.
  void diversityPicksDistinctClusters() {
    QVERIFY(m_store);
    const QVector<QueuedDocument> q = queue(QueueStrategy::Diversity, 2);
    QVERIFY(!q.isEmpty() && q.size() <= 2);
    QSet<int> clusters;
    for (const QueuedDocument& d : q) {
      QVERIFY(d.cluster >= 0);
      clusters.insert(d.cluster);
      QVERIFY2(d.reason.contains(QStringLiteral("cluster")), qPrintable(d.reason));
      QVERIFY2(d.reason.contains(QStringLiteral("the model's document embedding")), qPrintable(d.reason));
    }
    QCOMPARE(clusters.size(), q.size());
    if (q.size() == 2) QVERIFY(q[0].score >= q[1].score);
  }

  // Done, or annotated for the task: no longer in the pool.
  void labelledDocumentsLeaveTheQueue() {
    QVERIFY(m_store);
    const QVector<QueuedDocument> before = queue(QueueStrategy::Entropy);
    QCOMPARE(before.size(), 6);
    QVERIFY(
        m_store->setDocumentStatus(before[0].documentId, quarry::DocumentStatus::Done, QStringLiteral("ann"))
            .ok());
    quarry::EntitySpan span;
    span.type = QStringLiteral("DRUG");
    span.fragments = {{0, 1}};
    QVERIFY(m_store->addEntity(before[1].documentId, span, QStringLiteral("ann")).ok());
    const QVector<QueuedDocument> after = queue(QueueStrategy::Entropy);
    QCOMPARE(after.size(), 4);
    for (const QueuedDocument& d : after)
      QVERIFY(d.documentId != before[0].documentId && d.documentId != before[1].documentId);
    QCOMPARE(after[0].documentId, before[2].documentId);
  }

  // A run whose rows hold no embedding (a model that gives none): clustered by hashed words, and said so.
  void diversityWithoutEmbeddingsHashesWords() {
    QVERIFY(m_store);
    auto documents = m_store->listDocuments();
    QVERIFY(documents.ok());
    quarry::ModelRun run;
    run.name = QStringLiteral("ngram predictions");
    run.task = QStringLiteral("classify");
    auto runId = m_store->createRun(run);
    QVERIFY(runId.ok());
    QVector<Prediction> rows;
    for (const quarry::DocumentSummary& d : documents.value())
      if (d.split == quarry::Split::Unassigned)
        rows << quarry::jobs::uncertaintyPrediction(runId.value(), d.id,
                                                    quarry::jobs::labelDecisions({0.6f, 0.4f}, false));
    QCOMPARE(rows.size(), 6);
    QVERIFY(m_store->addPredictions(runId.value(), rows).ok());
    QueueOptions options;
    options.strategy = QueueStrategy::Diversity;
    options.batchSize = 2;
    options.runId = runId.value();
    auto q = activeLearningQueue(*m_store, options);
    QVERIFY2(q.ok(), q.ok() ? "" : q.error().toString().c_str());
    QCOMPARE(q->size(), 2);
    for (const QueuedDocument& d : q.value())
      QVERIFY2(d.reason.contains(QStringLiteral("hashed words")), qPrintable(d.reason));
  }
};

QTEST_GUILESS_MAIN(TestActiveLearningQueue)
#include "test_active_learning_queue.moc"
