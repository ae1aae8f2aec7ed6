// The review queue's calibration and bands for every task, on hand-made dev sets: markDevPredictions marks
// entities (exact span and type), relations (argument spans, type and direction; undirected types either
// way; concept relations), answers (a gold answer's exact span, a no-answer verdict on an unanswerable
// question; questions without gold left out) and labels (the gold labels contain it), pairing documents by
// store id; the thresholds derived from those marks; each kind's rows described in words and banded from the
// newest run of that kind in a project.

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "jobs/PredictionSpec.h"
#include "jobs/ReviewBands.h"
#include "store/ProjectStore.h"

using quarry::jobs::DocumentSet;
using quarry::jobs::markDevPredictions;
using quarry::jobs::PredictionResults;
using quarry::suggest::ScoredPrediction;
namespace document = quarry::document;

namespace {

// The marks as a string ("10" = right, wrong), in prediction order.
QString marks(const std::vector<ScoredPrediction>& scored) {
  QString out;
  for (const ScoredPrediction& s : scored) out += s.correct ? QLatin1Char('1') : QLatin1Char('0');
  return out;
}

// Gold: one document with `gold`; results: the same document (no gold) with `predicted`.
std::pair<DocumentSet, PredictionResults> oneDocument(const document::AnnotatedDocument& gold,
                                                      const document::DocumentPrediction& predicted) {
  DocumentSet set;
  set.documents.push_back(gold);
  PredictionResults results;
  results.documents.documents.push_back(document::AnnotatedDocument(gold.id, gold.text));
  results.predictions.push_back(predicted);
  return {set, results};
}

quarry::Prediction row(const QString& kind, const QJsonObject& payload, double confidence = 0.5) {
  quarry::Prediction p;
  p.kind = kind;
  p.payload = payload;
  p.confidence = confidence;
  return p;
}

}  // namespace

class TestReviewBands : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void kindsOfTasks() {
    QCOMPARE(quarry::jobs::predictionKindOf(QStringLiteral("ner")), QStringLiteral("entity"));
    QCOMPARE(quarry::jobs::predictionKindOf(QStringLiteral("relation")), QStringLiteral("relation"));
    QCOMPARE(quarry::jobs::predictionKindOf(QStringLiteral("qa")), QStringLiteral("answer"));
    QCOMPARE(quarry::jobs::predictionKindOf(QStringLiteral("classify")), QStringLiteral("label"));
    QCOMPARE(quarry::jobs::predictionKindOf(QStringLiteral("pos")), QString());
    QCOMPARE(quarry::jobs::taskOfKind(QStringLiteral("label")), QStringLiteral("classify"));
    QCOMPARE(quarry::jobs::taskOfKind(QStringLiteral("answer")), QStringLiteral("qa"));
    QCOMPARE(quarry::jobs::taskOfKind(QStringLiteral("uncertainty")), QString());
  }

  // Exact span and type; the thresholds for 95% and 50% from the marks (0.9 right, 0.8 wrong, 0.7 right,
  // 0.6 wrong, 0.5 wrong): 0.9 alone reaches 95%; down to 0.7, 2 of 3 reach 50%; 0.6: 2 of 4 still do.
  void entities() {
    document::AnnotatedDocument gold("d", "aspirin eased gout and fever",
                                     {{0, 7, "DRUG"}, {14, 18, "DISEASE"}, {23, 28, "DISEASE"}});
    document::DocumentPrediction p;
    p.entities = {{0, 7, "DRUG", 0.9},
                  {14, 18, "DRUG", 0.8},
                  {23, 28, "DISEASE", 0.7},
                  {14, 17, "DISEASE", 0.6},
                  {8, 13, "DRUG", 0.5}};
    const auto [set, results] = oneDocument(gold, p);
    const auto scored = markDevPredictions(set, results);
    QCOMPARE(marks(scored), QStringLiteral("10100"));
    const auto high = quarry::suggest::thresholdForPrecision(scored, 0.95);
    QVERIFY(high.found);
    QCOMPARE(high.threshold, 0.9);
    QCOMPARE(high.kept, qint64(1));
    const auto low = quarry::suggest::thresholdForPrecision(scored, 0.5);
    QVERIFY(low.found);
    QCOMPARE(low.threshold, 0.6);
    QCOMPARE(low.precision, 0.5);
    QCOMPARE(low.total, qint64(5));
  }

  // Argument spans, type and direction; the relation model's mentions in another order than the gold
  // entities (matched by span, not index); ASSOC is undirected, TREATS directed; concept relations.
  void relations() {
    document::AnnotatedDocument gold("d", "aspirin eased gout and fever",
                                     {{0, 7, "DRUG"}, {14, 18, "DISEASE"}, {23, 28, "DISEASE"}});
    gold.relations = {{0, 1, "TREATS"}, {2, 1, "ASSOC"}};
    gold.conceptRelations = {{"C1", "D1", "CID"}};
    document::DocumentPrediction p;
    // Mentions: fever, aspirin, gout.
    p.relations = {{1, 2, "TREATS", 0.95},   // aspirin -> gout: right
                   {2, 1, "TREATS", 0.90},   // gout -> aspirin: wrong way round
                   {2, 0, "ASSOC", 0.85},    // gout - fever, gold fever - gout: undirected, right
                   {1, 0, "TREATS", 0.80},   // aspirin -> fever: no such relation
                   {1, 2, "ASSOC", 0.75},    // aspirin - gout: the wrong type
                   {7, 0, "TREATS", 0.70}};  // no such mention: left out
    p.conceptRelations = {{"C1", "D1", "CID", 0.65}, {"D1", "C1", "CID", 0.60}};
    auto [set, results] = oneDocument(gold, p);
    set.relationSpecs = {{"TREATS", true, {}, {}}, {"ASSOC", false, {}, {}}};
    results.mentions = {
        std::vector<document::EntityMention>{{23, 28, "DISEASE"}, {0, 7, "DRUG"}, {14, 18, "DISEASE"}}};
    const auto scored = markDevPredictions(set, results);
    QCOMPARE(marks(scored), QStringLiteral("1010010"));  // CID declared nowhere: directed
    const auto high = quarry::suggest::thresholdForPrecision(scored, 0.95);
    QCOMPARE(high.threshold, 0.95);
    const auto low = quarry::suggest::thresholdForPrecision(scored, 0.5);
    QCOMPARE(low.threshold, 0.65);  // 3 right of 6 kept
    QCOMPARE(low.kept, qint64(6));

    // Without mentions of their own, the relations index the gold entities.
    results.mentions.clear();
    QCOMPARE(marks(markDevPredictions(set, results)).left(2), QStringLiteral("00"));  // 1 -> 2: gout -> fever
  }

  // A gold answer's exact span; a no-answer verdict right on an unanswerable question only; a question the
  // gold document does not ask has nothing to say (left out).
  void answers() {
    document::AnnotatedDocument gold("d", "signed on 1 May 2020 in Paris");
    gold.questions = {{"effective_date", "effective_date", "When?", {{10, 20}, {0, 6}}},
                      {"governing_law", "governing_law", "Which law?", {}}};
    document::DocumentPrediction p;
    auto answer = [](const char* question, int start, int end, double confidence) {
      document::PredictedAnswer a;
      a.questionId = question;
      a.start = start;
      a.end = end;
      a.confidence = confidence;
      return a;
    };
    auto none = [](const char* question, double confidence) {
      document::PredictedAnswer a;
      a.questionId = question;
      a.noAnswer = true;
      a.confidence = confidence;
      return a;
    };
    p.answers = {answer("effective_date", 10, 20, 0.9),
                 answer("effective_date", 0, 6, 0.85),
                 answer("effective_date", 10, 19, 0.8),
                 none("effective_date", 0.7),
                 none("governing_law", 0.6),
                 answer("governing_law", 24, 29, 0.5),
                 answer("parties", 0, 6, 0.4)};
    const auto [set, results] = oneDocument(gold, p);
    const auto scored = markDevPredictions(set, results);
    QCOMPARE(marks(scored), QStringLiteral("110010"));
    QCOMPARE(scored.back().confidence, 0.5);
    const auto high = quarry::suggest::thresholdForPrecision(scored, 0.95);
    QCOMPARE(high.threshold, 0.85);
    QCOMPARE(high.coverage, 2.0 / 6.0);
    const auto low = quarry::suggest::thresholdForPrecision(scored, 0.5);
    QCOMPARE(low.threshold, 0.5);  // 3 of 6
  }

  // Documents paired by store id, whatever their order; a predicted document without gold is left out.
  void labelsByStoreId() {
    DocumentSet set;
    set.documents = {document::AnnotatedDocument("a", "goal match"),
                     document::AnnotatedDocument("b", "bank loan")};
    set.documents[0].labels = {"sports"};
    set.documents[1].labels = {"finance", "health"};
    set.storeIds = {7, 9};
    PredictionResults results;
    results.documents.documents = {document::AnnotatedDocument("b", "bank loan"),
                                   document::AnnotatedDocument("a", "goal match"),
                                   document::AnnotatedDocument("c", "new")};
    results.documents.storeIds = {9, 7, 11};
    results.predictions.resize(3);
    results.predictions[0].labels = {{"finance", 0.9}, {"sports", 0.3}};
    results.predictions[1].labels = {{"sports", 0.8}, {"health", 0.2}};
    results.predictions[2].labels = {{"sports", 0.99}};
    const auto scored = markDevPredictions(set, results);
    QCOMPARE(marks(scored), QStringLiteral("1010"));
    const auto high = quarry::suggest::thresholdForPrecision(scored, 0.95);
    QCOMPARE(high.threshold, 0.8);
    QCOMPARE(high.kept, qint64(2));
    const auto low = quarry::suggest::thresholdForPrecision(scored, 0.5);
    QCOMPARE(low.threshold, 0.2);
  }

  void descriptions() {
    using quarry::jobs::describePrediction;
    const QJsonObject aspirin{{QStringLiteral("start"), 0},
                              {QStringLiteral("text"), QStringLiteral("aspirin")}};
    const QJsonObject gout{{QStringLiteral("start"), 14}, {QStringLiteral("text"), QStringLiteral("gout")}};
    QCOMPARE(describePrediction(
                 row(QStringLiteral("entity"), {{QStringLiteral("type"), QStringLiteral("DRUG")},
                                                {QStringLiteral("text"), QStringLiteral("aspirin")}})),
             QStringLiteral("DRUG: aspirin"));
    QCOMPARE(describePrediction(
                 row(QStringLiteral("relation"), {{QStringLiteral("type"), QStringLiteral("TREATS")},
                                                  {QStringLiteral("head"), aspirin},
                                                  {QStringLiteral("tail"), gout}})),
             QStringLiteral("TREATS: aspirin \u2192 gout"));
    QCOMPARE(describePrediction(
                 row(QStringLiteral("relation"), {{QStringLiteral("type"), QStringLiteral("CID")},
                                                  {QStringLiteral("head_concept"), QStringLiteral("C1")},
                                                  {QStringLiteral("tail_concept"), QStringLiteral("D1")}})),
             QStringLiteral("CID: C1 \u2192 D1"));
    QCOMPARE(describePrediction(
                 row(QStringLiteral("answer"), {{QStringLiteral("question_id"), QStringLiteral("q")},
                                                {QStringLiteral("field"), QStringLiteral("date")},
                                                {QStringLiteral("text"), QStringLiteral("1 May")}})),
             QStringLiteral("date: 1 May"));
    QCOMPARE(describePrediction(
                 row(QStringLiteral("answer"), {{QStringLiteral("question_id"), QStringLiteral("q")},
                                                {QStringLiteral("no_answer"), true}})),
             QStringLiteral("q: (no answer)"));
    QCOMPARE(describePrediction(
                 row(QStringLiteral("label"), {{QStringLiteral("label"), QStringLiteral("sports")}})),
             QStringLiteral("sports"));
  }

  // A project's queue of one kind: the newest run with rows of that kind, undecided rows only, most
  // confident first, with their documents' names and bands; the counts per band.
  void queueOfEachKind() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto created =
        quarry::ProjectStore::create(dir.filePath(QStringLiteral("p.quarry")), QStringLiteral("p"));
    QVERIFY(created);
    quarry::ProjectStore& store = *created.value();
    quarry::Corpus corpus;
    corpus.schema.categories = {quarry::CategoryType{QStringLiteral("sports"), {}, {}, {}},
                                quarry::CategoryType{QStringLiteral("finance"), {}, {}, {}}};
    for (const char* name : {"one", "two"}) {
      quarry::Document d;
      d.name = QLatin1String(name);
      d.text = QStringLiteral("goal match");
      corpus.documents << d;
    }
    QVERIFY(store.importCorpus(corpus, QStringLiteral("importer")));
    auto documents = store.listDocuments();
    QVERIFY(documents && documents->size() == 2);
    auto run = [&](const QVector<double>& confidences, const QString& kind) {
      quarry::ModelRun r;
      r.name = QStringLiteral("Suggestions");
      r.task = quarry::jobs::taskOfKind(kind);
      r.status = quarry::RunStatus::Finished;
      const qint64 id = store.createRun(r).value();
      QVector<quarry::Prediction> rows;
      for (int i = 0; i < confidences.size(); ++i) {
        quarry::Prediction p = row(
            kind, {{QStringLiteral("label"), i % 2 ? QStringLiteral("finance") : QStringLiteral("sports")}},
            confidences[i]);
        p.runId = id;
        p.documentId = documents->at(i % 2).id;
        rows << p;
      }
      return store.addPredictions(id, rows) ? id : qint64(0);
    };
    QVERIFY(run({0.1, 0.2}, QStringLiteral("label")) > 0);  // older: not shown
    const qint64 newest = run({0.3, 0.95, 0.6, 0.7}, QStringLiteral("label"));
    QVERIFY(newest > 0);
    auto rows = store.predictionsOfRun(newest, QStringLiteral("label"));
    QVERIFY(rows && rows->size() == 4);
    QVERIFY(store.decidePrediction(rows->at(3).id, QStringLiteral("rejected"), QStringLiteral("rev")));
    const auto bands = quarry::suggest::ConfidenceBands::create(0.5, 0.9).value();
    auto queue = quarry::jobs::reviewQueue(store, QStringLiteral("label"), bands);
    QVERIFY(queue);
    QCOMPARE(queue->size(), 3);
    QCOMPARE(queue->at(0).prediction.confidence, 0.95);
    QCOMPARE(queue->at(0).description, QStringLiteral("finance"));
    QCOMPARE(queue->at(0).documentName, QStringLiteral("two"));
    QCOMPARE(queue->at(0).band, quarry::suggest::ConfidenceBand::AutoAccept);
    QCOMPARE(queue->at(1).band, quarry::suggest::ConfidenceBand::Review);
    QCOMPARE(queue->at(2).band, quarry::suggest::ConfidenceBand::Escalate);
    const quarry::suggest::BandCounts counts = quarry::jobs::countBands(queue.value(), bands);
    QCOMPARE(counts.autoAccept, qint64(1));
    QCOMPARE(counts.review, qint64(1));
    QCOMPARE(counts.escalate, qint64(1));
    // No run of the kind: an empty queue.
    auto none = quarry::jobs::reviewQueue(store, QStringLiteral("relation"), bands);
    QVERIFY(none && none->isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestReviewBands)
#include "test_review_bands.moc"
