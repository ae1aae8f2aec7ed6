// Active learning measured (jobs/ActiveLearningSimulation, quarry-cli active-learning simulate) on a tiny NER
// project: the rounds' sizes, the same seed set for every strategy, every round a recorded run, the state,
// chart and table written; a cancelled simulation resumed to the same curves as one never interrupted; a
// resume with other options refused; a stop between a round's training and its batch resumed; warm start;
// sentence units; simulations run side by side merged; a full-data model per seed, their mean the reference
// (merged and read from older states too); the CLI's table and JSON.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "NerCorpusTestSupport.h"
#include "SharedData.h"
#include "jobs/ActiveLearningSimulation.h"
#include "store/ProjectStore.h"

using quarry::ProjectStore;
using quarry::RunStatus;
using quarry::jobs::ActiveLearningSimulation;
using quarry::jobs::SimulationOutcome;
using quarry::jobs::SimulationSpec;
using quarry::jobs::SimulationUnit;
namespace suggest = quarry::suggest;

namespace {

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

QString readText(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The labelled unit indexes of a curve in a state file.
QList<int> labelledOf(const QJsonObject& state, const QString& strategy) {
  QList<int> out;
  for (const QJsonValue& c : state.value(QStringLiteral("curves")).toArray())
    if (c.toObject().value(QStringLiteral("strategy")).toString() == strategy)
      for (const QJsonValue& u : c.toObject().value(QStringLiteral("labelled")).toArray()) out << u.toInt();
  return out;
}

}  // namespace

class TestActiveLearningSimulation : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;

  SimulationSpec spec(const QString& output) const {
    SimulationSpec s;
    s.projectPath = m_folder.project;
    s.config.task = "ner";
    s.config.epochs = 10;
    s.config.batchSize = 8;
    s.config.threads = 1;
    s.strategies = {suggest::SelectionStrategy::Random, suggest::SelectionStrategy::Mnlp};
    s.seeds = 1;
    s.firstSeed = 5;
    s.unit = SimulationUnit::Document;
    s.seedUnits = 8;
    s.batchUnits = 6;
    s.budgetUnits = 20;  // rounds of 8, 14, 20 units
    s.threads = 1;
    s.outputFolder = output;
    return s;
  }

  // One warm-started MNLP curve in `output`, without a full-data model, recording nothing.
  SimulationSpec warmMnlp(const QString& output) const {
    SimulationSpec s = spec(output);
    s.strategies = {suggest::SelectionStrategy::Mnlp};
    s.warmStart = true;
    s.trainFull = false;
    s.record = false;
    return s;
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(40, 8);
    QVERIFY2(made.isEmpty(), qPrintable(made));
  }

  void sentenceUnits() {
    quarry::document::AnnotatedDocument doc("d", "Fever in Ülm. Cough and asthma followed.");
    doc.entities = {{0, 5, "SYMPTOM"}, {9, 12, "PLACE"}, {14, 19, "SYMPTOM"}, {24, 30, "DISEASE"}};
    doc.relations = {{0, 1, "AT"}, {2, 3, "OF"}, {1, 2, "CROSS"}};
    const auto units = quarry::jobs::simulationUnits({doc}, SimulationUnit::Sentence);
    QCOMPARE(units.size(), size_t(2));
    QCOMPARE(QString::fromStdString(units[0].text), QStringLiteral("Fever in Ülm."));
    QCOMPARE(QString::fromStdString(units[1].text), QStringLiteral("Cough and asthma followed."));
    QCOMPARE(QString::fromStdString(units[1].id), QStringLiteral("d#1"));
    QCOMPARE(units[1].entities.size(), size_t(2));
    QCOMPARE(units[1].entities[1].start, 10);  // "asthma", code points from the sentence's start
    QCOMPARE(units[1].entities[1].end, 16);
    QCOMPARE(units[0].relations.size(), size_t(1));  // the relation across sentences goes with neither
    QCOMPARE(units[1].relations.size(), size_t(1));
    QCOMPARE(units[1].relations[0].type, std::string("OF"));
    QCOMPARE(quarry::jobs::wordCount("  Cough and\tasthma  "), qint64(3));
    QCOMPARE(quarry::jobs::simulationUnits({doc}, SimulationUnit::Document).size(), size_t(1));
  }

  void simulatesAndRecords() {
    const QString out = m_folder.path(QStringLiteral("sim"));
    ActiveLearningSimulation simulation(spec(out));
    QStringList phases;
    const SimulationOutcome outcome = simulation.run([&](const quarry::jobs::SimulationProgress& p) {
      if (phases.isEmpty() || phases.last() != p.phase) phases << p.phase;
    });
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QVERIFY(phases.contains(QStringLiteral("predict")));  // mnlp predicted the pool
    QCOMPARE(phases.last(), QStringLiteral("done"));
    QCOMPARE(outcome.curves.size(), size_t(2));
    for (const suggest::StrategyCurve& c : outcome.curves) {
      QCOMPARE(c.points.size(), size_t(3));
      QCOMPARE(c.points[0].labelledUnits, int64_t(8));
      QCOMPARE(c.points[1].labelledUnits, int64_t(14));
      QCOMPARE(c.points[2].labelledUnits, int64_t(20));
      QVERIFY(std::fabs(c.points[2].labelledShare - 0.5) < 1e-12);  // 20 of 40
      QCOMPARE(c.points[0].labelledTokens, int64_t(8 * 7));      // seven words a sentence
      for (const auto& p : c.points) QVERIFY(p.score >= 0 && p.score <= 1);
    }
    QVERIFY2(outcome.summary.fullScore > 0.5, qPrintable(QString::number(outcome.summary.fullScore)));  // one pattern, learnt
    QCOMPARE(outcome.summary.metric, std::string("micro_f1"));
    QCOMPARE(outcome.summary.strategies.size(), size_t(2));

    // The same seed set for both strategies; then each labels distinct units.
    const QJsonObject state = readJson(outcome.statePath);
    const QList<int> random = labelledOf(state, QStringLiteral("random")), mnlp = labelledOf(state, QStringLiteral("mnlp"));
    QCOMPARE(random.size(), 20);
    QCOMPARE(mnlp.size(), 20);
    QCOMPARE(random.mid(0, 8), mnlp.mid(0, 8));
    QCOMPARE(QSet<int>(random.begin(), random.end()).size(), 20);
    QCOMPARE(QSet<int>(mnlp.begin(), mnlp.end()).size(), 20);

    // Files: the chart and the table.
    QVERIFY(readText(outcome.chartPath).startsWith(QStringLiteral("<svg")));
    QVERIFY(readText(outcome.chartPath).contains(QStringLiteral("Active learning on 40 documents (ner)")));
    QVERIFY(readText(outcome.tablePath).contains(QStringLiteral("mnlp")));
    // Only each curve's latest model is kept.
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/mnlp-seed5/round-2/best")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/mnlp-seed5/round-1")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/mnlp-seed5/round-2/last")));

    // Every round a run of the project: the full model and 2 x 3 rounds.
    QCOMPARE(outcome.runIds.size(), 7);
    auto store = ProjectStore::open(m_folder.project);
    QVERIFY(store.ok());
    auto runs = store.value()->listRuns();
    QVERIFY(runs.ok());
    int rounds = 0;
    QStringList fullRuns;
    for (const quarry::ModelRun& run : runs.value()) {
      const QJsonObject al = run.data.value(QStringLiteral("active_learning")).toObject();
      if (al.isEmpty()) continue;
      ++rounds;
      QVERIFY(run.name.startsWith(QStringLiteral("Active learning:")));
      QCOMPARE(run.status, RunStatus::Finished);
      QCOMPARE(run.task, QStringLiteral("ner"));
      QVERIFY(run.metrics.contains(QStringLiteral("best_dev_score")));
      if (al.value(QStringLiteral("strategy")).toString() == QLatin1String("mnlp") &&
          al.value(QStringLiteral("round")).toInt() == 2)
        QCOMPARE(al.value(QStringLiteral("labelled_units")).toInt(), 20);
      if (al.value(QStringLiteral("strategy")).toString() == QLatin1String("full")) fullRuns << run.name;
    }
    QCOMPARE(rounds, 7);
    QCOMPARE(fullRuns, QStringList({QStringLiteral("Active learning: full data, seed 5 (40 documents)")}));

    // A second simulation in the same folder is refused; a resume with other options too.
    ActiveLearningSimulation again(spec(out));
    const SimulationOutcome refused = again.run();
    QCOMPARE(refused.status, RunStatus::Failed);
    QVERIFY(refused.errorText().contains(QStringLiteral("resume")));
    SimulationSpec other = spec(out);
    other.resume = true;
    other.batchUnits = 4;
    const SimulationOutcome differs = ActiveLearningSimulation(other).run();
    QCOMPARE(differs.status, RunStatus::Failed);
    QCOMPARE(differs.error.field, std::string("fingerprint"));
  }

  // Cancelled in mnlp's first round, resumed: the same labelled units as the simulation never interrupted.
  void cancelAndResume() {
    const QString out = m_folder.path(QStringLiteral("resumed"));
    SimulationSpec s = spec(out);
    s.record = false;
    ActiveLearningSimulation first(s);
    const SimulationOutcome cancelled = first.run([&](const quarry::jobs::SimulationProgress& p) {
      if (p.strategy == QLatin1String("mnlp") && p.round == 1 && p.phase == QLatin1String("train")) first.cancel();
    });
    QCOMPARE(cancelled.status, RunStatus::Cancelled);
    QVERIFY(cancelled.runIds.isEmpty());  // record off
    const QJsonObject partial = readJson(out + QStringLiteral("/simulation.json"));
    QCOMPARE(labelledOf(partial, QStringLiteral("random")).size(), 20);
    QCOMPARE(labelledOf(partial, QStringLiteral("mnlp")).size(), 14);  // round 1's batch picked, not trained

    QVERIFY(quarry::jobs::simulationUnfinished(out));
    // The spec read back from the state: the options it started with.
    auto again = quarry::jobs::resumeSpec(out);
    QVERIFY2(again.ok(), again ? "" : again.error().toString().c_str());
    QVERIFY(again->resume);
    QCOMPARE(again->projectPath, m_folder.project);
    QCOMPARE(int(again->strategies.size()), 2);
    QCOMPARE(again->strategies[1], suggest::SelectionStrategy::Mnlp);
    QCOMPARE(again->seeds, 1);
    QCOMPARE(again->firstSeed, uint64_t(5));
    QCOMPARE(again->batchUnits, 6);
    QCOMPARE(again->config.epochs, 10);
    QCOMPARE(again->record, false);
    const SimulationOutcome resumed = ActiveLearningSimulation(again.value()).run();
    QVERIFY2(resumed.status == RunStatus::Finished, qPrintable(resumed.errorText()));
    QCOMPARE(resumed.curves.size(), size_t(2));
    for (const auto& c : resumed.curves) QCOMPARE(c.points.size(), size_t(3));
    QVERIFY(!quarry::jobs::simulationUnfinished(out));
    const QJsonObject whole = readJson(m_folder.path(QStringLiteral("sim/simulation.json")));
    const QJsonObject done = readJson(out + QStringLiteral("/simulation.json"));
    QCOMPARE(labelledOf(done, QStringLiteral("random")), labelledOf(whole, QStringLiteral("random")));
    QCOMPARE(labelledOf(done, QStringLiteral("mnlp")), labelledOf(whole, QStringLiteral("mnlp")));
  }

  void warmStart() {
    const QString out = m_folder.path(QStringLiteral("warm"));
    SimulationSpec s = spec(out);
    s.strategies = {suggest::SelectionStrategy::Entropy};
    s.warmStart = true;
    s.trainFull = false;
    s.record = false;
    s.maxRounds = 2;
    const SimulationOutcome outcome = ActiveLearningSimulation(s).run();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.curves.at(0).points.size(), size_t(2));
    QCOMPARE(outcome.summary.fullScore, -1.0);
    const QString log = readText(out + QStringLiteral("/entropy-seed5/round-1/train.log"));
    QVERIFY2(log.contains(QStringLiteral("warm start from")), qPrintable(log.left(2000)));
    QVERIFY(!readText(out + QStringLiteral("/entropy-seed5/round-0/train.log")).contains(QStringLiteral("warm start")) ||
            !QFileInfo::exists(out + QStringLiteral("/entropy-seed5/round-0")));
  }

  // Stopped after a round is trained and before its batch is picked (cancelled while it predicts the pool; a
  // kill there leaves the same state on disk): the state names a model that exists and that the round is
  // done, and the resumed simulation picks that batch, trains each round once, warm-starts from the model
  // named and ends as the one never interrupted.
  void stoppedBetweenTrainingAndSelection() {
    const SimulationSpec whole = warmMnlp(m_folder.path(QStringLiteral("between-whole")));
    const SimulationOutcome uninterrupted = ActiveLearningSimulation(whole).run();
    QVERIFY2(uninterrupted.status == RunStatus::Finished, qPrintable(uninterrupted.errorText()));

    const SimulationSpec cut = warmMnlp(m_folder.path(QStringLiteral("between-cut")));
    ActiveLearningSimulation first(cut);
    QJsonObject onDisk;
    const SimulationOutcome cancelled = first.run([&](const quarry::jobs::SimulationProgress& p) {
      if (p.round == 1 && p.phase == QLatin1String("predict") && onDisk.isEmpty()) {
        onDisk = readJson(cut.outputFolder + QStringLiteral("/simulation.json"));
        first.cancel();
      }
    });
    QCOMPARE(cancelled.status, RunStatus::Cancelled);
    for (const QJsonObject& state :
         {onDisk, readJson(cut.outputFolder + QStringLiteral("/simulation.json"))}) {
      const QJsonObject curve = state.value(QStringLiteral("curves")).toArray().at(0).toObject();
      QCOMPARE(curve.value(QStringLiteral("points")).toArray().size(), 2);  // rounds 0 and 1 scored
      QCOMPARE(curve.value(QStringLiteral("next_round")).toInt(), 2);
      QCOMPARE(curve.value(QStringLiteral("needs_batch")).toBool(), true);
      QCOMPARE(curve.value(QStringLiteral("labelled")).toArray().size(), 14);
      const QString model = curve.value(QStringLiteral("model")).toString();
      QVERIFY2(model.endsWith(QStringLiteral("mnlp-seed5/round-1/best")), qPrintable(model));
      QVERIFY2(QFileInfo(model).isDir(), qPrintable(model));
    }
    QVERIFY(
        !QFileInfo::exists(cut.outputFolder + QStringLiteral("/mnlp-seed5/round-0")));  // the model before

    auto again = quarry::jobs::resumeSpec(cut.outputFolder);
    QVERIFY2(again.ok(), again ? "" : again.error().toString().c_str());
    const SimulationOutcome resumed = ActiveLearningSimulation(again.value()).run();
    QVERIFY2(resumed.status == RunStatus::Finished, qPrintable(resumed.errorText()));
    QCOMPARE(resumed.curves.size(), size_t(1));
    const auto& points = resumed.curves.at(0).points;
    const auto& expected = uninterrupted.curves.at(0).points;
    QCOMPARE(points.size(), size_t(3));
    for (size_t i = 0; i < points.size(); ++i) {
      QCOMPARE(points[i].round, int(i));
      QCOMPARE(points[i].labelledUnits, expected[i].labelledUnits);
      QCOMPARE(points[i].score, expected[i].score);
    }
    QCOMPARE(
        labelledOf(readJson(cut.outputFolder + QStringLiteral("/simulation.json")), QStringLiteral("mnlp")),
        labelledOf(readJson(whole.outputFolder + QStringLiteral("/simulation.json")),
                   QStringLiteral("mnlp")));
    const QString log = readText(cut.outputFolder + QStringLiteral("/mnlp-seed5/round-2/train.log"));
    QVERIFY2(log.contains(QStringLiteral("warm start from")) && log.contains(QStringLiteral("round-1")),
             qPrintable(log.left(2000)));
  }

  // A simulation started with fewer rounds than its budget allows resumes as it was started (the state's
  // rounds, not the budget's); resumed from the command line with more --rounds it is extended, and ends as
  // the one started with them: the same units labelled and the same scores. A smaller budget is refused.
  void extendedRounds() {
    const SimulationSpec whole = warmMnlp(m_folder.path(QStringLiteral("extend-whole")));
    const SimulationOutcome uninterrupted = ActiveLearningSimulation(whole).run();
    QVERIFY2(uninterrupted.status == RunStatus::Finished, qPrintable(uninterrupted.errorText()));
    QCOMPARE(uninterrupted.curves.at(0).points.size(), size_t(3));

    SimulationSpec shorter = warmMnlp(m_folder.path(QStringLiteral("extend")));
    shorter.maxRounds = 2;
    const SimulationOutcome first = ActiveLearningSimulation(shorter).run();
    QVERIFY2(first.status == RunStatus::Finished, qPrintable(first.errorText()));
    QCOMPARE(first.curves.at(0).points.size(), size_t(2));
    auto again = quarry::jobs::resumeSpec(shorter.outputFolder);
    QVERIFY2(again.ok(), again ? "" : again.error().toString().c_str());
    QCOMPARE(again->maxRounds, 2);
    const SimulationOutcome same = ActiveLearningSimulation(again.value()).run();
    QVERIFY2(same.status == RunStatus::Finished, qPrintable(same.errorText()));
    QCOMPARE(same.curves.at(0).points.size(), size_t(2));

    const QStringList resume{QStringLiteral("active-learning"), QStringLiteral("simulate"),
                             QStringLiteral("--output"), shorter.outputFolder, QStringLiteral("--resume")};
    const CliRun cut = cli(resume + QStringList{QStringLiteral("--budget"), QStringLiteral("10")});
    QCOMPARE(cut.code, 1);
    QVERIFY2(cut.err.contains(QStringLiteral("extended, never cut")), qPrintable(cut.err));
    const CliRun extended =
        cli(resume + QStringList{QStringLiteral("--rounds"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(extended.code == 0, qPrintable(extended.err));
    const QJsonObject state = readJson(shorter.outputFolder + QStringLiteral("/simulation.json"));
    QCOMPARE(state.value(QStringLiteral("fingerprint")).toObject().value(QStringLiteral("rounds")).toInt(),
             3);
    QCOMPARE(labelledOf(state, QStringLiteral("mnlp")),
             labelledOf(readJson(whole.outputFolder + QStringLiteral("/simulation.json")),
                        QStringLiteral("mnlp")));
    const QJsonArray points = state.value(QStringLiteral("curves"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("points"))
                                  .toArray();
    QCOMPARE(points.size(), 3);
    for (int i = 0; i < 3; ++i)
      QCOMPARE(points[i].toObject().value(QStringLiteral("score")).toDouble(),
               uninterrupted.curves.at(0).points[size_t(i)].score);
    const QString log = readText(shorter.outputFolder + QStringLiteral("/mnlp-seed5/round-2/train.log"));
    QVERIFY2(log.contains(QStringLiteral("warm start from")) && log.contains(QStringLiteral("round-1")),
             qPrintable(log.left(2000)));
  }

  // The curve of a pre-trained transformer (the shared tiny BERT, with a CRF head): each round fine-tunes the
  // base folder or, warm-started, the previous round's model, and MNLP ranks the pool by the CRF's
  // tag-sequence probabilities. Options set in code that a JSON configuration could not hold (a window stride
  // of half the window) are refused before anything trains: the model saved would not load again.
  void transformerCurve() {
    const std::filesystem::path bert = quarry::test::fixturesDir() / "models" / "bert";
    if (!std::filesystem::exists(bert / "config.json"))
      QSKIP("SKIP: the shared BERT fixture is not found (set QUARRY_SHARED_DIR)");
    SimulationSpec s = warmMnlp(m_folder.path(QStringLiteral("transformer")));
    s.config.kind = quarry::train::ModelKind::Transformer;
    s.config.modelFolder = bert.string();
    s.config.crf = true;
    s.config.learningRate = 3e-3;
    s.config.maxLength = 64;  // stride stays at its default, 32
    const SimulationOutcome refused = ActiveLearningSimulation(s).run();
    QCOMPARE(refused.status, RunStatus::Failed);
    QCOMPARE(refused.error.field, std::string("stride"));
    QVERIFY(!QFileInfo::exists(s.outputFolder + QStringLiteral("/mnlp-seed5/round-0/best")));
    s.config.stride = 16;
    s.outputFolder = m_folder.path(QStringLiteral("transformer-16"));
    const SimulationOutcome outcome = ActiveLearningSimulation(s).run();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    const auto& points = outcome.curves.at(0).points;
    QCOMPARE(points.size(), size_t(3));
    QCOMPARE(points.back().labelledUnits, int64_t(20));
    for (const auto& p : points) QVERIFY2(p.score >= 0 && p.score <= 1, qPrintable(QString::number(p.score)));
    const QString first = readText(s.outputFolder + QStringLiteral("/mnlp-seed5/round-2/train.log"));
    QVERIFY2(first.contains(QStringLiteral("warm start from")) && first.contains(QStringLiteral("round-1")),
             qPrintable(first.left(2000)));
    const QString model = readJson(s.outputFolder + QStringLiteral("/simulation.json"))
                              .value(QStringLiteral("curves"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("model"))
                              .toString();
    QVERIFY2(QFileInfo::exists(model + QStringLiteral("/crf.safetensors")), qPrintable(model));
  }

  // The simulation of simulatesAndRecords run as two side by side (each strategy its own folder, one with the
  // full-data model) and merged: the same curves, full score, table and chart; mismatches refused.
  void mergeSideBySide() {
    const QString randomPart = m_folder.path(QStringLiteral("part-random")),
                  mnlpPart = m_folder.path(QStringLiteral("part-mnlp")),
                  merged = m_folder.path(QStringLiteral("merged"));
    SimulationSpec a = spec(randomPart);
    a.strategies = {suggest::SelectionStrategy::Random};
    a.record = false;
    SimulationSpec b = spec(mnlpPart);
    b.strategies = {suggest::SelectionStrategy::Mnlp};
    b.trainFull = false;
    b.record = false;
    for (const SimulationSpec& part : {a, b}) {
      const SimulationOutcome o = ActiveLearningSimulation(part).run();
      QVERIFY2(o.status == RunStatus::Finished, qPrintable(o.errorText()));
    }
    const SimulationOutcome outcome = quarry::jobs::mergeSimulations({randomPart, mnlpPart}, merged);
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    const QJsonObject whole = readJson(m_folder.path(QStringLiteral("sim/simulation.json")));
    QCOMPARE(labelledOf(readJson(randomPart + QStringLiteral("/simulation.json")), QStringLiteral("random")),
             labelledOf(whole, QStringLiteral("random")));
    QCOMPARE(labelledOf(readJson(mnlpPart + QStringLiteral("/simulation.json")), QStringLiteral("mnlp")),
             labelledOf(whole, QStringLiteral("mnlp")));
    QCOMPARE(outcome.curves.size(), size_t(2));
    QCOMPARE(outcome.curves[0].strategy, std::string("random"));
    QCOMPARE(outcome.curves[1].strategy, std::string("mnlp"));
    const QJsonArray wholeCurves = whole.value(QStringLiteral("curves")).toArray();
    for (size_t c = 0; c < 2; ++c) {
      const QJsonArray points = wholeCurves[int(c)].toObject().value(QStringLiteral("points")).toArray();
      QCOMPARE(outcome.curves[c].points.size(), size_t(points.size()));
      for (size_t i = 0; i < outcome.curves[c].points.size(); ++i)
        QCOMPARE(outcome.curves[c].points[i].score,
                 points[int(i)].toObject().value(QStringLiteral("score")).toDouble());
    }
    const double wholeFull =
        whole.value(QStringLiteral("full")).toObject().value(QStringLiteral("score")).toDouble();
    QCOMPARE(outcome.summary.fullScore, wholeFull);
    QCOMPARE(outcome.summary.poolUnits, int64_t(40));
    QCOMPARE(outcome.summary.strategies.size(), size_t(2));
    QCOMPARE(readText(outcome.tablePath), readText(m_folder.path(QStringLiteral("sim/learning-curve.txt"))));
    QVERIFY(readText(outcome.chartPath).startsWith(QStringLiteral("<svg")));
    QVERIFY(!QFileInfo::exists(merged + QStringLiteral("/simulation.json")));  // a report, not a simulation

    // A curve twice, other options, rounds left, no simulation: refused by field.
    const SimulationOutcome twice =
        quarry::jobs::mergeSimulations({randomPart, mnlpPart, randomPart}, merged);
    QCOMPARE(twice.status, RunStatus::Failed);
    QCOMPARE(twice.error.field, std::string("curves"));
    QVERIFY2(twice.errorText().contains(QStringLiteral("random curve of seed 5")),
             qPrintable(twice.errorText()));
    const SimulationOutcome other =
        quarry::jobs::mergeSimulations({randomPart, m_folder.path(QStringLiteral("warm"))}, merged);
    QCOMPARE(other.status, RunStatus::Failed);
    QCOMPARE(other.error.field, std::string("fingerprint"));
    QVERIFY2(other.errorText().contains(QStringLiteral("differs")), qPrintable(other.errorText()));
    const QString open = m_folder.path(QStringLiteral("part-open"));
    QVERIFY(QDir().mkpath(open));
    QJsonObject state = readJson(mnlpPart + QStringLiteral("/simulation.json"));
    QJsonArray curves = state.value(QStringLiteral("curves")).toArray();
    QJsonObject curve = curves[0].toObject();
    curve[QStringLiteral("done")] = false;
    curves[0] = curve;
    state[QStringLiteral("curves")] = curves;
    QFile file(open + QStringLiteral("/simulation.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(state).toJson());
    file.close();
    const SimulationOutcome unfinished = quarry::jobs::mergeSimulations({randomPart, open}, merged);
    QCOMPARE(unfinished.status, RunStatus::Failed);
    QCOMPARE(unfinished.error.field, std::string("curves"));
    QVERIFY2(unfinished.errorText().contains(QStringLiteral("resume")), qPrintable(unfinished.errorText()));
    const SimulationOutcome none =
        quarry::jobs::mergeSimulations({m_folder.path(QStringLiteral("nothing"))}, merged);
    QCOMPARE(none.status, RunStatus::Failed);
    QVERIFY2(none.errorText().contains(QStringLiteral("no simulation")), qPrintable(none.errorText()));

    // From the command line.
    const CliRun run = cli({QStringLiteral("active-learning"), QStringLiteral("merge"), randomPart, mnlpPart,
                            QStringLiteral("--output"), m_folder.path(QStringLiteral("merged-cli")),
                            QStringLiteral("--json")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject j = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(j.value(QStringLiteral("strategies")).toArray().size(), 2);
    QCOMPARE(j.value(QStringLiteral("full_score")).toDouble(), wholeFull);
    QVERIFY(QFileInfo::exists(j.value(QStringLiteral("chart")).toString()));
    const CliRun lonely = cli({QStringLiteral("active-learning"), QStringLiteral("merge"),
                               QStringLiteral("--output"), m_folder.path(QStringLiteral("merged-cli"))});
    QCOMPARE(lonely.code, 2);
    QVERIFY2(lonely.err.contains(QStringLiteral("merge FOLDER")), qPrintable(lonely.err));
  }

  // A full-data model per seed, the reference the curves (means over the seeds) are measured by being their
  // mean; the same two seeds from two folders merge to the same mean; a state from before (one full-data
  // model, no "seeds") reads as the first seed's and a resume trains only the seeds missing.
  void fullDataModelPerSeed() {
    const QString out = m_folder.path(QStringLiteral("full-seeds"));
    SimulationSpec s = spec(out);
    s.strategies = {suggest::SelectionStrategy::Random};
    s.seeds = 2;
    s.record = false;
    s.budgetUnits = 8;  // the seed set only: one round a curve
    QStringList fullSeeds;
    const SimulationOutcome outcome =
        ActiveLearningSimulation(s).run([&](const quarry::jobs::SimulationProgress& p) {
          if (p.strategy == QLatin1String("full") && !fullSeeds.contains(QString::number(p.seed)))
            fullSeeds << QString::number(p.seed);
        });
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(fullSeeds, QStringList({QStringLiteral("5"), QStringLiteral("6")}));
    const QJsonObject full = readJson(outcome.statePath).value(QStringLiteral("full")).toObject();
    const QJsonArray seeds = full.value(QStringLiteral("seeds")).toArray();
    QCOMPARE(seeds.size(), 2);
    const double five = seeds[0].toObject().value(QStringLiteral("score")).toDouble(),
                 six = seeds[1].toObject().value(QStringLiteral("score")).toDouble();
    QCOMPARE(seeds[0].toObject().value(QStringLiteral("seed")).toInt(), 5);
    QCOMPARE(seeds[1].toObject().value(QStringLiteral("seed")).toInt(), 6);
    for (const QJsonValue& v : seeds)
      QVERIFY(QFileInfo::exists(v.toObject().value(QStringLiteral("model")).toString() +
                                QStringLiteral("/config.json")) ||
              QFileInfo::exists(v.toObject().value(QStringLiteral("model")).toString()));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/full-seed5/best")));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/full-seed6/best")));
    QVERIFY2(five > 0.5 && six > 0.5, qPrintable(QStringLiteral("%1 %2").arg(five).arg(six)));
    QCOMPARE(outcome.summary.fullScore, (five + six) / 2);
    QCOMPARE(full.value(QStringLiteral("score")).toDouble(), (five + six) / 2);
    QCOMPARE(outcome.summary.fullScores, std::vector<double>({five, six}));
    QVERIFY2(readText(outcome.tablePath).contains(QStringLiteral("(mean of 2 seeds, ")),
             qPrintable(readText(outcome.tablePath).left(300)));

    // The same seeds, one a folder, merged (the later folder first: seed order is kept).
    const QString part5 = m_folder.path(QStringLiteral("full-seed-5")),
                  part6 = m_folder.path(QStringLiteral("full-seed-6"));
    SimulationSpec a = s, b = s;
    a.seeds = b.seeds = 1;
    a.outputFolder = part5;
    b.firstSeed = 6;
    b.outputFolder = part6;
    for (const SimulationSpec& part : {a, b})
      QVERIFY(ActiveLearningSimulation(part).run().status == RunStatus::Finished);
    const SimulationOutcome merged =
        quarry::jobs::mergeSimulations({part6, part5}, m_folder.path(QStringLiteral("full-merged")));
    QVERIFY2(merged.status == RunStatus::Finished, qPrintable(merged.errorText()));
    QCOMPARE(merged.summary.fullScore, (five + six) / 2);
    QCOMPARE(merged.summary.fullScores, std::vector<double>({five, six}));

    // A simulation of two seeds with one seed's full-data model missing has work left: no merge.
    QJsonObject missing = readJson(outcome.statePath);
    QJsonObject missingFull = missing.value(QStringLiteral("full")).toObject();
    QJsonArray one = missingFull.value(QStringLiteral("seeds")).toArray();
    one.removeLast();
    missingFull[QStringLiteral("seeds")] = one;
    missing[QStringLiteral("full")] = missingFull;
    const QString missingFolder = m_folder.path(QStringLiteral("full-missing"));
    QVERIFY(QDir().mkpath(missingFolder));
    QFile missingFile(missingFolder + QStringLiteral("/simulation.json"));
    QVERIFY(missingFile.open(QIODevice::WriteOnly));
    missingFile.write(QJsonDocument(missing).toJson());
    missingFile.close();
    const SimulationOutcome refused =
        quarry::jobs::mergeSimulations({missingFolder}, m_folder.path(QStringLiteral("full-merged-missing")));
    QCOMPARE(refused.status, RunStatus::Failed);
    QVERIFY2(refused.errorText().contains(QStringLiteral("full-data models left")),
             qPrintable(refused.errorText()));

    // A state as written before: one full-data model, no "seeds"; read as seed 5's. Resumed with two seeds,
    // the simulation trains seed 6's alone and ends with the same mean.
    QJsonObject old = readJson(part5 + QStringLiteral("/simulation.json"));
    QJsonObject oldFull = old.value(QStringLiteral("full")).toObject();
    oldFull.remove(QStringLiteral("seeds"));
    old[QStringLiteral("full")] = oldFull;
    QFile file(part5 + QStringLiteral("/simulation.json"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(old).toJson());
    file.close();
    const SimulationOutcome oldMerged =
        quarry::jobs::mergeSimulations({part5, part6}, m_folder.path(QStringLiteral("full-merged-old")));
    QVERIFY2(oldMerged.status == RunStatus::Finished, qPrintable(oldMerged.errorText()));
    QCOMPARE(oldMerged.summary.fullScores, std::vector<double>({five, six}));
    SimulationSpec more = a;
    more.seeds = 2;
    more.resume = true;
    QStringList trained;
    const SimulationOutcome resumed =
        ActiveLearningSimulation(more).run([&](const quarry::jobs::SimulationProgress& p) {
          if (p.phase == QLatin1String("train") && !trained.contains(p.strategy + QString::number(p.seed)))
            trained << p.strategy + QString::number(p.seed);
        });
    QVERIFY2(resumed.status == RunStatus::Finished, qPrintable(resumed.errorText()));
    QCOMPARE(trained, QStringList({QStringLiteral("full6"), QStringLiteral("random6")}));
    QCOMPARE(resumed.summary.fullScore, (five + six) / 2);
  }

  // A round on few units trains at least min-steps steps: more epochs (accumulation counted), evaluated every
  // tenth; enough epochs already, no minimum, or an interval set: left as configured.
  void minStepsStretchEpochs() {
    auto config = [](int accumulation, int evalEvery) {
      quarry::train::TrainConfig c;
      c.batchSize = 8;
      c.epochs = 10;
      c.gradientAccumulation = accumulation;
      c.evalEverySteps = evalEvery;
      return c;
    };
    quarry::train::TrainConfig c = config(1, 0);
    quarry::jobs::applyMinSteps(c, 8, 30);  // 1 step an epoch
    QCOMPARE(c.epochs, 30);
    QCOMPARE(c.evalEverySteps, 3);
    quarry::train::TrainConfig accumulated = config(2, 0);
    quarry::jobs::applyMinSteps(accumulated, 32, 30);  // 4 batches, 2 steps an epoch
    QCOMPARE(accumulated.epochs, 15);
    QCOMPARE(accumulated.evalEverySteps, 3);
    quarry::train::TrainConfig enough = config(1, 0);
    quarry::jobs::applyMinSteps(enough, 400, 30);  // 50 steps an epoch
    QCOMPARE(enough.epochs, 10);
    QCOMPARE(enough.evalEverySteps, 0);
    quarry::jobs::applyMinSteps(enough, 8, 0);
    QCOMPARE(enough.epochs, 10);
    quarry::train::TrainConfig interval = config(1, 7);
    quarry::jobs::applyMinSteps(interval, 8, 30);
    QCOMPARE(interval.epochs, 30);
    QCOMPARE(interval.evalEverySteps, 7);
  }

  void refusals() {
    SimulationSpec s = spec(m_folder.path(QStringLiteral("refused")));
    s.config.task = "classify";
    s.unit = SimulationUnit::Sentence;
    const SimulationOutcome sentences = ActiveLearningSimulation(s).run();
    QCOMPARE(sentences.status, RunStatus::Failed);
    QCOMPARE(sentences.error.field, std::string("unit"));
    SimulationSpec noDev = spec(m_folder.path(QStringLiteral("refused2")));
    noDev.devSplits = {quarry::Split::Test};
    const SimulationOutcome dev = ActiveLearningSimulation(noDev).run();
    QCOMPARE(dev.status, RunStatus::Failed);
    QCOMPARE(dev.error.field, std::string("dev"));
  }

  void commandLine() {
    const QString out = m_folder.path(QStringLiteral("cli"));
    const QStringList common{QStringLiteral("active-learning"), QStringLiteral("simulate"), QStringLiteral("--project"),
                             m_folder.project, QStringLiteral("--task"), QStringLiteral("ner"),
                             QStringLiteral("--seeds"), QStringLiteral("1"), QStringLiteral("--seed-size"),
                             QStringLiteral("25%"), QStringLiteral("--round-size"), QStringLiteral("10"),
                             QStringLiteral("--budget"), QStringLiteral("20"), QStringLiteral("--unit"),
                             QStringLiteral("documents"), QStringLiteral("--no-record"), QStringLiteral("--threads"),
                             QStringLiteral("1"), QStringLiteral("--set"), QStringLiteral("epochs=10"),
                             QStringLiteral("--set"), QStringLiteral("batch_size=8")};
    const CliRun bad = cli(common + QStringList{QStringLiteral("--strategies"), QStringLiteral("bald"),
                                               QStringLiteral("--output"), out});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("unknown strategy \"bald\"")), qPrintable(bad.err));
    const CliRun badSize = cli(common + QStringList{QStringLiteral("--budget"), QStringLiteral("150%"),
                                                   QStringLiteral("--output"), out});
    QCOMPARE(badSize.code, 2);
    QVERIFY2(badSize.err.contains(QStringLiteral("--budget")), qPrintable(badSize.err));

    const CliRun run = cli(common + QStringList{QStringLiteral("--strategies"), QStringLiteral("random,entropy"),
                                               QStringLiteral("--output"), out, QStringLiteral("--json")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject j = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(j.value(QStringLiteral("pool_units")).toInt(), 40);
    QVERIFY(j.value(QStringLiteral("full_score")).toDouble() > 0);
    const QJsonArray strategies = j.value(QStringLiteral("strategies")).toArray();
    QCOMPARE(strategies.size(), 2);
    QCOMPARE(strategies[1].toObject().value(QStringLiteral("strategy")).toString(), QStringLiteral("entropy"));
    // Seed set 10 (25% of 40), then one round of 10: two points per curve.
    const QJsonArray rounds = strategies[0].toObject().value(QStringLiteral("rounds")).toArray();
    QCOMPARE(rounds.size(), 2);
    QCOMPARE(rounds[1].toObject().value(QStringLiteral("labelled_units")).toDouble(), 20.0);
    QVERIFY(QFileInfo::exists(j.value(QStringLiteral("chart")).toString()));

    // The text form of a finished simulation, resumed: nothing left to train, the table again.
    const CliRun table = cli(common + QStringList{QStringLiteral("--strategies"), QStringLiteral("random,entropy"),
                                                 QStringLiteral("--output"), out, QStringLiteral("--resume")});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains(QStringLiteral("entropy")) && table.out.contains(QStringLiteral("learning-curve.svg")),
             qPrintable(table.out));
    // The state alone resumes a project's simulation: nothing but the folder named.
    const CliRun alone = cli({QStringLiteral("active-learning"), QStringLiteral("simulate"), QStringLiteral("--output"),
                              out, QStringLiteral("--resume"), QStringLiteral("--json")});
    QVERIFY2(alone.code == 0, qPrintable(alone.err));
    QCOMPARE(QJsonDocument::fromJson(alone.out.toUtf8()).object().value(QStringLiteral("strategies")).toArray().size(), 2);
    const CliRun nothing = cli({QStringLiteral("active-learning"), QStringLiteral("simulate"), QStringLiteral("--output"),
                                m_folder.path(QStringLiteral("none")), QStringLiteral("--resume")});
    QCOMPARE(nothing.code, 1);
    QVERIFY2(nothing.err.contains(QStringLiteral("no simulation to resume")), qPrintable(nothing.err));
  }
};

QTEST_GUILESS_MAIN(TestActiveLearningSimulation)
#include "test_active_learning_simulation.moc"
