// jobs::CalibrationJob on a tiny NER project with a model trained in-process: on a worker thread, progress
// (dev documents predicted of all, after each chunk) arriving queued on this thread and the thresholds
// those that markDevPredictions and thresholdForPrecision give for the same predictions; cancelled between
// chunks (or before it starts) ending Cancelled with no thresholds; a missing model folder, a project
// without dev documents and a c10::Error inside the prediction ending as failed outcomes that say why.
#include <ATen/ops/empty.h>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "NerCorpusTestSupport.h"
#include "jobs/CalibrationJob.h"
#include "jobs/PredictionJob.h"
#include "jobs/ReviewBands.h"
#include "store/ProjectStore.h"

using quarry::RunStatus;
using quarry::Split;
using quarry::jobs::CalibrationJob;
using quarry::jobs::CalibrationOutcome;
using quarry::jobs::CalibrationSpec;
using quarry::jobs::PredictionProgress;

namespace {

constexpr int kDevDocuments = 130;  // three chunks of 64: reports after 0, 64, 128 and 130

CalibrationOutcome waitForEnd(CalibrationJob& job, int timeoutMs = 60000) {
  QSignalSpy finished(&job, &CalibrationJob::finished);
  if (job.isRunning() && !finished.wait(timeoutMs)) return {};
  return job.outcome();
}

}  // namespace

class TestCalibrationJob : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;
  QString m_model;

  CalibrationSpec spec(const QString& model) const {
    CalibrationSpec s;
    s.projectPath = m_folder.project;
    s.modelFolder = model;
    s.threads = 1;
    return s;
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(80, kDevDocuments);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString out = m_folder.path(QStringLiteral("ner"));
    const CliRun trained =
        cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("ner"),
             QStringLiteral("--project"), m_folder.project, QStringLiteral("--output"), out,
             QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--set"),
             QStringLiteral("epochs=20"), QStringLiteral("--set"), QStringLiteral("batch_size=8"),
             QStringLiteral("--set"), QStringLiteral("lstm_hidden=16"), QStringLiteral("--set"),
             QStringLiteral("word_dim=16"), QStringLiteral("--set"), QStringLiteral("dropout=0.1")});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    m_model = out + QStringLiteral("/best");
  }

  // On a worker thread: every report delivered here, the dev documents predicted of all; the thresholds
  // those of the same predictions marked and thresholded directly.
  void derivesOnWorkerThreadWithProgress() {
    CalibrationJob job(spec(m_model));
    QThread* const main = QThread::currentThread();
    QVector<PredictionProgress> received;
    bool deliveredElsewhere = false;
    connect(&job, &CalibrationJob::progress, this, [&](const PredictionProgress& p) {
      if (QThread::currentThread() != main) deliveredElsewhere = true;
      received << p;
    });
    QVERIFY(job.start());
    QVERIFY(job.isRunning());
    QVERIFY(!job.start());  // a job runs once
    const CalibrationOutcome outcome = waitForEnd(job);
    QVERIFY(!job.isRunning());
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.task, QStringLiteral("ner"));
    QCOMPARE(outcome.documents, kDevDocuments);
    QVERIFY(!deliveredElsewhere);
    QCOMPARE(received.size(), 4);
    const int done[] = {0, 64, 128, kDevDocuments};
    for (int i = 0; i < received.size(); ++i) {
      QCOMPARE(received[i].documentsDone, done[i]);
      QCOMPARE(received[i].documents, kDevDocuments);
    }

    quarry::jobs::PredictionSpec direct;
    direct.modelFolder = m_model;
    direct.projectPath = m_folder.project;
    direct.splits = {Split::Dev};
    direct.store = false;
    direct.threads = 1;
    const quarry::jobs::PredictionOutcome predicted = quarry::jobs::PredictionJob(direct).runHere();
    QVERIFY2(predicted.results, qPrintable(predicted.errorText()));
    auto store = quarry::ProjectStore::open(m_folder.project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto gold = quarry::jobs::documentsFromStore(*store.value(), {Split::Dev});
    QVERIFY(gold.ok());
    const auto scored = quarry::jobs::markDevPredictions(gold.value(), *predicted.results);
    QVERIFY(!scored.empty());
    const std::pair<const quarry::suggest::PrecisionThreshold*, double> targets[] = {{&outcome.high, 0.95},
                                                                                     {&outcome.low, 0.5}};
    for (const auto& [derived, target] : targets) {
      const quarry::suggest::PrecisionThreshold expected =
          quarry::suggest::thresholdForPrecision(scored, target);
      QCOMPARE(derived->found, expected.found);
      QCOMPARE(derived->threshold, expected.threshold);
      QCOMPARE(derived->kept, expected.kept);
      QCOMPARE(qint64(derived->total), qint64(scored.size()));
    }
    QVERIFY(outcome.high.found);  // the synthetic corpus is easy: most spans are right
    QVERIFY(outcome.low.threshold <= outcome.high.threshold);

    CalibrationJob here(spec(m_model));  // the same on this thread
    const CalibrationOutcome same = here.runHere();
    QCOMPARE(same.status, RunStatus::Finished);
    QCOMPARE(same.high.threshold, outcome.high.threshold);
    QCOMPARE(same.low.threshold, outcome.low.threshold);
  }

  // Cancelled after the first chunk: Cancelled, no thresholds; cancelled before it starts: nothing predicted.
  void cancelled() {
    CalibrationJob job(spec(m_model));
    connect(
        &job, &CalibrationJob::progress, &job,
        [&](const PredictionProgress& p) {
          if (p.documentsDone == 64) job.cancel();
        },
        Qt::DirectConnection);
    QVERIFY(job.start());
    const CalibrationOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Cancelled, qPrintable(outcome.errorText()));
    QVERIFY(job.isCancelled());
    QCOMPARE(outcome.documents, 64);
    QVERIFY(!outcome.high.found && !outcome.low.found);
    QCOMPARE(qint64(outcome.high.total), qint64(0));

    CalibrationJob early(spec(m_model));
    int reports = 0;
    connect(&early, &CalibrationJob::progress, this, [&] { ++reports; });
    early.cancel();
    const CalibrationOutcome before = early.runHere();
    QCOMPARE(before.status, RunStatus::Cancelled);
    QCOMPARE(before.documents, 0);
    QCOMPARE(reports, 0);
  }

  // A model folder that is not there, a project without dev documents, a c10::Error while predicting:
  // failed outcomes saying why, never a crash.
  void failures() {
    const QString gone = m_folder.path(QStringLiteral("no-such-model"));
    CalibrationJob missing(spec(gone));
    QVERIFY(missing.start());
    const CalibrationOutcome noModel = waitForEnd(missing);
    QCOMPARE(noModel.status, RunStatus::Failed);
    QVERIFY(noModel.task.isEmpty());
    QVERIFY2(noModel.errorText().contains(gone), qPrintable(noModel.errorText()));

    const QString empty = m_folder.path(QStringLiteral("empty.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), empty}).code, 0);
    CalibrationSpec noDev = spec(m_model);
    noDev.projectPath = empty;
    const CalibrationOutcome nothing = CalibrationJob(noDev).runHere();
    QCOMPARE(nothing.status, RunStatus::Failed);
    QVERIFY2(nothing.errorText().contains(QStringLiteral("no dev documents")) &&
                 nothing.errorText().contains(empty),
             qPrintable(nothing.errorText()));

    CalibrationJob failing(spec(m_model));
    connect(
        &failing, &CalibrationJob::progress, &failing,
        [](const PredictionProgress& p) {
          if (p.documentsDone == 64) at::empty({-1});
        },
        Qt::DirectConnection);
    QVERIFY(failing.start());
    const CalibrationOutcome engine = waitForEnd(failing);
    QCOMPARE(engine.status, RunStatus::Failed);
    QVERIFY2(engine.errorText().contains(QStringLiteral("failed")) &&
                 engine.errorText().contains(QStringLiteral("negative")),
             qPrintable(engine.errorText()));
  }
};

QTEST_MAIN(TestCalibrationJob)
#include "test_calibration_job.moc"
