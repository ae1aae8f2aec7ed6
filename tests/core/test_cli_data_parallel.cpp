// quarry-cli pretrain and train as two data-parallel processes (--world-size 2 --rank R --master): both
// ranks train to the same step, rank 0 alone records the run in the project and writes the model folder,
// rank 1 logs to train-rank1.log; and the options' refusals. The equivalence with one process is pinned in
// tests/engine/test_data_parallel.cpp.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "TaskCorpusTestSupport.h"
#include "train/distributed/DataParallelGroup.h"

namespace {

using task_corpus::writeTopicDocs;

const QStringList kTinyShape = task_corpus::kTinyEncoder + QStringList{QStringLiteral("--set"), QStringLiteral("epochs=2"),
                                                                        QStringLiteral("--threads"), QStringLiteral("1")};

int freePort() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
  const int port = ntohs(address.sin_port);
  close(s);
  return port;
}

struct RankRun {
  int code = -1;
  QString out, err;
};

// The two ranks of `args` as quarry-cli processes meeting on a free loopback port.
std::vector<RankRun> runWorld(const QStringList& args) {
  const QString master = QStringLiteral("127.0.0.1:%1").arg(freePort());
  std::vector<std::unique_ptr<QProcess>> processes;
  for (int rank = 0; rank < 2; ++rank) {
    auto p = std::make_unique<QProcess>();
    p->setProgram(QStringLiteral(QUARRY_CLI_PATH));
    p->setArguments(args + QStringList{QStringLiteral("--world-size"), QStringLiteral("2"), QStringLiteral("--rank"),
                                       QString::number(rank), QStringLiteral("--master"), master});
    p->start();
    processes.push_back(std::move(p));
  }
  std::vector<RankRun> runs;
  for (auto& p : processes) {
    RankRun r;
    if (p->waitForFinished(240000)) r.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    r.out = QString::fromUtf8(p->readAllStandardOutput());
    r.err = QString::fromUtf8(p->readAllStandardError());
    runs.push_back(r);
  }
  return runs;
}

}  // namespace

class TestCliDataParallel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void pretrainOnTwoRanks() {
    if (!quarry::train::DataParallelGroup::available()) QSKIP("this LibTorch build has no c10d Gloo backend");
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString docs = dir.filePath(QStringLiteral("docs.jsonl"));
    writeTopicDocs(docs, 60, 1, QStringLiteral("train"));
    if (QTest::currentTestFailed()) return;
    QCOMPARE(cli({QStringLiteral("import"), project, docs}).code, 0);

    const QString out = dir.filePath(QStringLiteral("encoder"));
    const std::vector<RankRun> ranks =
        runWorld(QStringList{QStringLiteral("pretrain"), QStringLiteral("--project"), project, QStringLiteral("--vocab-size"),
                             QStringLiteral("120"), QStringLiteral("--output"), out, QStringLiteral("--json")} +
                 kTinyShape);
    QVERIFY2(ranks[0].code == 0, qPrintable(ranks[0].err));
    QVERIFY2(ranks[1].code == 0, qPrintable(ranks[1].err));
    const QJsonObject first = QJsonDocument::fromJson(ranks[0].out.toUtf8()).object();
    const QJsonObject second = QJsonDocument::fromJson(ranks[1].out.toUtf8()).object();
    QCOMPARE(first.value(QStringLiteral("world_size")).toInt(), 2);
    QCOMPARE(second.value(QStringLiteral("world_size")).toInt(), 2);
    QVERIFY(first.value(QStringLiteral("steps")).toInt() > 0);
    QCOMPARE(second.value(QStringLiteral("steps")).toInt(), first.value(QStringLiteral("steps")).toInt());
    QVERIFY(first.value(QStringLiteral("best_folder")).toString().endsWith(QStringLiteral("/best")));
    QVERIFY(second.value(QStringLiteral("best_folder")).toString().isEmpty());
    QVERIFY(first.contains(QStringLiteral("run_id")));
    QVERIFY(!second.contains(QStringLiteral("run_id")));
    QCOMPARE(first.value(QStringLiteral("history")).toArray().size(), 2);  // rank 0 evaluated each epoch
    QVERIFY(QFile::exists(out + QStringLiteral("/best/config.json")));
    QVERIFY(QFile::exists(out + QStringLiteral("/run.json")));
    QVERIFY(QFile::exists(out + QStringLiteral("/train.log")));
    QVERIFY(QFile::exists(out + QStringLiteral("/train-rank1.log")));

    // One run in the project, rank 0's.
    CliRun runs = cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    QVERIFY2(runs.code == 0, qPrintable(runs.err));
    const QJsonArray rows = QJsonDocument::fromJson(runs.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("finished"));

    // Fine-tuning on two ranks, text output: rank 1 says where the model is.
    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")), devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(trainFile, 30, 4, QStringLiteral("train"));
    writeTopicDocs(devFile, 10, 5, QStringLiteral("dev"));
    const QString classifier = dir.filePath(QStringLiteral("classifier"));
    const std::vector<RankRun> tuned = runWorld(
        {QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--model"),
         out + QStringLiteral("/best"), QStringLiteral("--train"), trainFile, QStringLiteral("--dev"), devFile,
         QStringLiteral("--output"), classifier, QStringLiteral("--set"), QStringLiteral("epochs=1"), QStringLiteral("--set"),
         QStringLiteral("max_length=32"), QStringLiteral("--set"), QStringLiteral("stride=8")});
    QVERIFY2(tuned[0].code == 0, qPrintable(tuned[0].err));
    QVERIFY2(tuned[1].code == 0, qPrintable(tuned[1].err));
    QVERIFY2(tuned[0].out.contains(QStringLiteral("model folder ") + classifier), qPrintable(tuned[0].out));
    QVERIFY2(tuned[1].out.contains(QStringLiteral("rank 1 of 2: rank 0 evaluated and wrote the model folder")),
             qPrintable(tuned[1].out));
    QVERIFY(QFile::exists(classifier + QStringLiteral("/best/config.json")));
  }

  void refusals() {
    QTemporaryDir dir;
    const QString docs = dir.filePath(QStringLiteral("docs.jsonl"));
    writeTopicDocs(docs, 10, 1, QStringLiteral("train"));
    if (QTest::currentTestFailed()) return;
    const QStringList base = {QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"),
                              QStringLiteral("--train"), docs};
    const QString output = dir.filePath(QStringLiteral("out"));
    struct Case {
      QStringList args;
      QString says;
    };
    const QList<Case> cases = {
        {{QStringLiteral("--world-size"), QStringLiteral("2")}, QStringLiteral("needs --output on every rank")},
        {{QStringLiteral("--world-size"), QStringLiteral("2"), QStringLiteral("--rank"), QStringLiteral("2"),
          QStringLiteral("--output"), output},
         QStringLiteral("rank 2 is outside a world of 2")},
        {{QStringLiteral("--world-size"), QStringLiteral("two"), QStringLiteral("--output"), output},
         QStringLiteral("--world-size takes a number")},
        {{QStringLiteral("--world-size"), QStringLiteral("2"), QStringLiteral("--master"), QStringLiteral("nowhere"),
          QStringLiteral("--output"), output},
         QStringLiteral("--master: not HOST:PORT")},
        {{QStringLiteral("--rank"), QStringLiteral("1"), QStringLiteral("--output"), output},
         QStringLiteral("need --world-size 2 or more")},
    };
    for (const Case& c : cases) {
      CliRun r = cli(base + c.args);
      QVERIFY2(r.code == 2 && r.err.contains(c.says), qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
    }
    QVERIFY(!QDir(output).exists());
    CliRun help = cli({QStringLiteral("pretrain"), QStringLiteral("--help")});
    QVERIFY2(help.out.contains(QStringLiteral("--world-size")) && help.out.contains(QStringLiteral("--master")),
             qPrintable(help.out));
  }
};

QTEST_GUILESS_MAIN(TestCliDataParallel)
#include "test_cli_data_parallel.moc"
