// quarry-cli train --teacher: a project's few labelled training documents and its unassigned documents,
// which the teacher labels for the student (--unlabelled-split), the run recorded with them; the same from
// files (--unlabelled); and the refusals: unlabelled documents without a teacher, the wrong flag for the
// source, an unlabelled split that is also trained on.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "TaskCorpusTestSupport.h"

namespace {

using task_corpus::writeTopicDocs;

const QStringList kFast = {QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--set"),
                           QStringLiteral("epochs=8"), QStringLiteral("--set"), QStringLiteral("patience=0"),
                           QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")};

double primary(const CliRun& run) {
  const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
  return result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble(-1);
}

}  // namespace

class TestCliDistillation : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void teacherLabelsTheUnassignedDocuments() {
    QTemporaryDir dir;
    const QString teacherTrain = dir.filePath(QStringLiteral("teacher.jsonl")), dev = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(teacherTrain, 90, 1, QStringLiteral("train"));
    writeTopicDocs(dev, 40, 2, QStringLiteral("dev"));
    if (QTest::currentTestFailed()) return;
    const QString teacher = dir.filePath(QStringLiteral("teacher"));
    CliRun t = cli(QStringList{QStringLiteral("train"), QStringLiteral("--train"), teacherTrain, QStringLiteral("--dev"), dev,
                               QStringLiteral("--output"), teacher} +
                   kFast);
    QVERIFY2(t.code == 0, qPrintable(t.err));
    QVERIFY2(primary(t) > 0.9, qPrintable(t.out));

    // A project with 3 labelled training documents, the dev split, and 100 unassigned documents.
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString few = dir.filePath(QStringLiteral("few.jsonl")), pool = dir.filePath(QStringLiteral("pool.jsonl"));
    writeTopicDocs(few, 3, 3, QStringLiteral("train"));
    writeTopicDocs(pool, 100, 4, QStringLiteral("unassigned"));
    if (QTest::currentTestFailed()) return;
    for (const QString& file : {few, dev, pool}) {
      CliRun imported = cli({QStringLiteral("import"), project, file});
      QVERIFY2(imported.code == 0, qPrintable(imported.err));
    }
    CliRun alone = cli(QStringList{QStringLiteral("train"), QStringLiteral("--project"), project, QStringLiteral("--output"),
                                   dir.filePath(QStringLiteral("alone"))} +
                       kFast);
    QVERIFY2(alone.code == 0, qPrintable(alone.err));
    CliRun taught = cli(QStringList{QStringLiteral("train"), QStringLiteral("--project"), project, QStringLiteral("--teacher"),
                                    teacher + QStringLiteral("/best"), QStringLiteral("--unlabelled-split"),
                                    QStringLiteral("unassigned"), QStringLiteral("--set"), QStringLiteral("distill_alpha=0.8"),
                                    QStringLiteral("--output"), dir.filePath(QStringLiteral("taught"))} +
                        kFast);
    QVERIFY2(taught.code == 0, qPrintable(taught.err));
    qInfo("teacher %.3f, 3 documents alone %.3f, with the teacher on 100 unassigned %.3f", primary(t), primary(alone),
          primary(taught));
    QVERIFY2(primary(taught) > primary(alone) + 0.1, qPrintable(taught.out));
    const QJsonObject data =
        QJsonDocument::fromJson(taught.out.toUtf8()).object().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("unlabelled_documents")).toInt(), 100);
    QCOMPARE(data.value(QStringLiteral("train_documents")).toInt(), 3);
    QVERIFY(data.value(QStringLiteral("teacher_folder")).toString().endsWith(QStringLiteral("teacher/best")));

    // From files: --unlabelled with --train.
    CliRun files = cli(QStringList{QStringLiteral("train"), QStringLiteral("--train"), few, QStringLiteral("--dev"), dev,
                                   QStringLiteral("--teacher"), teacher + QStringLiteral("/best"), QStringLiteral("--unlabelled"),
                                   pool, QStringLiteral("--output"), dir.filePath(QStringLiteral("files"))} +
                       kFast);
    QVERIFY2(files.code == 0, qPrintable(files.err));
    QVERIFY2(primary(files) > primary(alone) + 0.1, qPrintable(files.out));

    // Refusals.
    struct Case {
      QStringList args;
      QString says;
    };
    const QList<Case> cases = {
        {{QStringLiteral("--project"), project, QStringLiteral("--unlabelled-split"), QStringLiteral("unassigned")},
         QStringLiteral("need a teacher")},
        {{QStringLiteral("--project"), project, QStringLiteral("--teacher"), teacher, QStringLiteral("--unlabelled"), pool},
         QStringLiteral("--unlabelled goes with --train")},
        {{QStringLiteral("--train"), few, QStringLiteral("--teacher"), teacher, QStringLiteral("--unlabelled-split"),
          QStringLiteral("unassigned")},
         QStringLiteral("--unlabelled-split goes with --project")},
        {{QStringLiteral("--project"), project, QStringLiteral("--teacher"), teacher, QStringLiteral("--unlabelled-split"),
          QStringLiteral("train")},
         QStringLiteral("is also a training or dev split")},
    };
    for (const Case& c : cases) {
      CliRun r = cli(QStringList{QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify")} + c.args);
      QVERIFY2(r.code == 2 && r.err.contains(c.says), qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
    }
    CliRun help = cli({QStringLiteral("train"), QStringLiteral("--help-config"), QStringLiteral("--task"), QStringLiteral("ner")});
    QVERIFY(help.out.contains(QStringLiteral("teacher_folder")) && help.out.contains(QStringLiteral("distill_alpha")));
  }
};

QTEST_GUILESS_MAIN(TestCliDistillation)
#include "test_cli_distillation.moc"
