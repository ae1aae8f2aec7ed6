// quarry-cli end to end, in-process: init, import, stats, export, archives, validate, and the errors.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"

namespace {

void writeFile(const QString& path, const QByteArray& content) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(content);
}

QJsonObject statsJson(const QString& project) {
  const CliRun r = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
  if (r.code != 0) qWarning() << r.err;
  return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

const QByteArray kJsonl =
    "{\"text\":\"Aspirin treats "
    "headache.\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":7,\"label\":\"DRUG\"},"
    "{\"id\":\"T2\",\"start\":15,\"end\":23,\"label\":\"DISEASE\"}],\"relations\":[{\"head\":\"T1\","
    "\"child\":\"T2\","
    "\"label\":\"TREATS\"}],\"meta\":{\"name\":\"d1\",\"split\":\"train\"}}\n"
    "{\"text\":\"Zürich 😀 ibuprofen\",\"spans\":[{\"id\":\"T1\",\"start\":9,\"end\":18,\"label\":\"DRUG\"}],"
    "\"meta\":{\"name\":\"d2\",\"split\":\"dev\"}}\n";

}  // namespace

class TestCli : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void helpAndUsage() {
    CliRun r = cli({});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.contains(QLatin1String("import")));
    r = cli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char* c : {"init", "import", "export", "stats", "validate"})
      QVERIFY2(r.out.contains(QLatin1String(c)), c);
    r = cli({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("--policy")));
    QVERIFY(r.out.contains(QLatin1String("--format")));
    r = cli({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("unknown command")));
    r = cli({QStringLiteral("stats"), QStringLiteral("--bogus")});
    QCOMPARE(r.code, 2);
  }

  void initImportStatsExport() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun again = cli({QStringLiteral("init"), project});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(project), qPrintable(again.err));

    const QString input = dir.filePath(QStringLiteral("in.jsonl"));
    writeFile(input, kJsonl);
    CliRun imported = cli({QStringLiteral("import"), project, input});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QJsonObject stats = statsJson(project);
    QCOMPARE(stats.value(QStringLiteral("documents")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("entities")).toObject().value(QStringLiteral("DRUG")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("relations")).toObject().value(QStringLiteral("TREATS")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("splits")).toObject().value(QStringLiteral("dev")).toInt(), 1);
    CliRun table = cli({QStringLiteral("stats"), project});
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains(QLatin1String("DISEASE")));

    // Export, re-import into a fresh project: the same figures.
    const QString exported = dir.filePath(QStringLiteral("out.jsonl"));
    QCOMPARE(cli({QStringLiteral("export"), project, exported}).code, 0);
    const QString copy = dir.filePath(QStringLiteral("copy.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), copy}).code, 0);
    QCOMPARE(cli({QStringLiteral("import"), copy, exported}).code, 0);
    QCOMPARE(statsJson(copy).value(QStringLiteral("entities")), stats.value(QStringLiteral("entities")));

    // Only one split.
    const QString devOnly = dir.filePath(QStringLiteral("dev.jsonl"));
    QCOMPARE(
        cli({QStringLiteral("export"), project, devOnly, QStringLiteral("--split"), QStringLiteral("dev")})
            .code,
        0);
    QFile f(devOnly);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 1);
  }

  void importIsAllOrNothing() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    writeFile(bad, kJsonl + "{\"text\": \"broken\", \"spans\": [\n");
    CliRun r = cli({QStringLiteral("import"), project, bad});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("bad.jsonl:3")), qPrintable(r.err));
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);

    // An offset past the end: rejected by default, dropped with a warning under --policy repair.
    const QString offsets = dir.filePath(QStringLiteral("offsets.jsonl"));
    writeFile(offsets,
              "{\"text\":\"short\",\"spans\":[{\"start\":2,\"end\":50,\"label\":\"X\"}],\"meta\":{\"name\":"
              "\"o\"}}\n");
    QCOMPARE(cli({QStringLiteral("import"), project, offsets}).code, 1);
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);
    CliRun repaired = cli(
        {QStringLiteral("import"), project, offsets, QStringLiteral("--policy"), QStringLiteral("repair")});
    QVERIFY2(repaired.code == 0, qPrintable(repaired.err));
    QVERIFY(repaired.err.contains(QLatin1String("warning")));
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 1);

    // The same document names again: refused, nothing added.
    CliRun twice = cli(
        {QStringLiteral("import"), project, offsets, QStringLiteral("--policy"), QStringLiteral("repair")});
    QCOMPARE(twice.code, 1);
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 1);

    QCOMPARE(cli({QStringLiteral("import"), project, dir.filePath(QStringLiteral("missing.jsonl"))}).code, 1);
    QCOMPARE(
        cli({QStringLiteral("import"), project, offsets, QStringLiteral("--policy"), QStringLiteral("maybe")})
            .code,
        2);
    CliRun unknown =
        cli({QStringLiteral("import"), project, offsets, QStringLiteral("--format"), QStringLiteral("docx")});
    QCOMPARE(unknown.code, 1);
    QVERIFY(unknown.err.contains(QLatin1String("unknown format")));
  }

  void importGroupsConllSentences() {
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("abstracts.tsv"));
    writeFile(
        input,
        "APC2\tpm1\tB-Gene\n,\tpm1\tO\n\nWnt\tpm1\tB-Gene\n\n\nType\tpm2\tB-Disease\n2\tpm2\tI-Disease\n\n");
    const QStringList expected[] = {{QStringLiteral("sentence"), QStringLiteral("3")},
                                    {QStringLiteral("blank"), QStringLiteral("2")},
                                    {QStringLiteral("column:2"), QStringLiteral("2")},
                                    {QStringLiteral("docstart"), QStringLiteral("1")}};
    for (const QStringList& e : expected) {
      const QString project = dir.filePath(e[0].section(QLatin1Char(':'), 0, 0) + QStringLiteral(".quarry"));
      QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
      CliRun r = cli({QStringLiteral("import"), project, input, QStringLiteral("--group-by"), e[0]});
      QVERIFY2(r.code == 0, qPrintable(e[0] + QLatin1Char(' ') + r.err));
      QVERIFY2(r.out.contains(QStringLiteral("imported %1 documents, 3 entities").arg(e[1])),
               qPrintable(e[0] + r.out));
    }
    const QString project = dir.filePath(QStringLiteral("bad.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun bad = cli({QStringLiteral("import"), project, input, QStringLiteral("--group-by"),
                      QStringLiteral("paragraph")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--group-by")), qPrintable(bad.err));
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);
    QVERIFY(
        cli({QStringLiteral("import"), QStringLiteral("--help")}).out.contains(QLatin1String("--group-by")));
  }

  void archiveRoundTrip() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString input = dir.filePath(QStringLiteral("in.jsonl"));
    writeFile(input, kJsonl);
    QCOMPARE(cli({QStringLiteral("import"), project, input}).code, 0);
    const QString zip = dir.filePath(QStringLiteral("p.zip"));
    CliRun exported = cli({QStringLiteral("export"), project, zip});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    const QString restored = dir.filePath(QStringLiteral("restored.quarry"));
    CliRun r = cli({QStringLiteral("init"), restored, QStringLiteral("--from-archive"), zip});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject a = statsJson(project), b = statsJson(restored);
    a.remove(QStringLiteral("project"));
    b.remove(QStringLiteral("project"));
    QCOMPARE(a, b);
    // Merging the archive into a project that already holds the documents is refused.
    QCOMPARE(cli({QStringLiteral("import"), project, zip}).code, 1);
  }

  void validateListsProblems() {
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.jsonl"));
    writeFile(good, kJsonl);
    CliRun ok = cli({QStringLiteral("validate"), good});
    QVERIFY2(ok.code == 0, qPrintable(ok.err + ok.out));
    QVERIFY(ok.out.contains(QLatin1String("2 documents")));
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    writeFile(bad,
              "{\"text\":\"short\",\"spans\":[{\"start\":2,\"end\":50,\"label\":\"X\"},{\"start\":-1,\"end\":"
              "2,\"label\":\"X\"}],\"meta\":{\"name\":\"o\"}}\n");
    CliRun r = cli({QStringLiteral("validate"), bad});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QLatin1String("2 problems")), qPrintable(r.out));

    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    QCOMPARE(cli({QStringLiteral("import"), project, good}).code, 0);
    CliRun checked = cli({QStringLiteral("validate"), project});
    QVERIFY2(checked.code == 0, qPrintable(checked.err + checked.out));
  }

  void invalidUtf8InBratAndPubTatorIsAProblem() {
    QTemporaryDir dir;
    const QString brat = dir.filePath(QStringLiteral("brat"));
    QDir().mkpath(brat);
    writeFile(brat + QStringLiteral("/doc.txt"), "caf\xE9 ABC\n");
    writeFile(brat + QStringLiteral("/doc.ann"), "T1\tProtein 5 8\tABC\n");
    const QString pubtator = dir.filePath(QStringLiteral("docs.pubtator"));
    writeFile(pubtator, "1|t|caf\xE9 fever\n1|a|x\n1\t5\t10\tfever\tDisease\n\n");
    for (const QString& input : {brat, pubtator}) {
      const QStringList format{QStringLiteral("--format"),
                               input == brat ? QStringLiteral("brat") : QStringLiteral("pubtator")};
      CliRun checked = cli(QStringList{QStringLiteral("validate"), input} + format);
      QCOMPARE(checked.code, 1);
      QVERIFY2(checked.out.contains(QLatin1String(":1: invalid UTF-8 at byte offset ")) &&
                   checked.out.contains(QLatin1String("(replaced with U+FFFD)")),
               qPrintable(checked.out));
      const QString project = dir.filePath(QFileInfo(input).baseName() + QStringLiteral(".quarry"));
      QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
      CliRun rejected = cli(QStringList{QStringLiteral("import"), project, input} + format);
      QCOMPARE(rejected.code, 1);
      QVERIFY2(rejected.err.contains(QLatin1String(":1: invalid UTF-8 at byte offset ")),
               qPrintable(rejected.err));
      QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);
      CliRun repaired = cli(QStringList{QStringLiteral("import"), project, input, QStringLiteral("--policy"),
                                        QStringLiteral("repair")} +
                            format);
      QVERIFY2(repaired.code == 0, qPrintable(repaired.err));
      QVERIFY2(repaired.err.contains(QLatin1String("replaced with U+FFFD")), qPrintable(repaired.err));
      QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 1);
    }
  }

  void bratFromARelativeFolder() {
    QTemporaryDir dir;
    const QString brat = dir.filePath(QStringLiteral("brat/valid"));
    QDir().mkpath(brat);
    writeFile(brat + QStringLiteral("/doc.txt"), "Protein ABC.\n");
    writeFile(brat + QStringLiteral("/doc.ann"), "T1\tProtein 8 11\tABC\n");
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("p.quarry")}).code, 0);
    const CliRun checked = cli({QStringLiteral("validate"), QStringLiteral("brat/valid")});
    const CliRun imported =
        cli({QStringLiteral("import"), QStringLiteral("p.quarry"), QStringLiteral("brat/valid")});
    QDir::setCurrent(cwd);
    QVERIFY2(checked.code == 0, qPrintable(checked.out + checked.err));
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY(imported.out.contains(QLatin1String("imported 1 documents, 1 entities")));
  }

  void repairImportIsAllOrNothingToo() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    // A repairable problem on line 1 and one that cannot be repaired on line 3: nothing is imported.
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    writeFile(bad,
              "{\"text\":\"short\",\"spans\":[{\"start\":2,\"end\":50,\"label\":\"X\"}],\"meta\":{\"name\":"
              "\"a\"}}\n"
              "{\"text\":\"fine\",\"meta\":{\"name\":\"b\"}}\n"
              "{\"text\": 7}\n");
    CliRun r =
        cli({QStringLiteral("import"), project, bad, QStringLiteral("--policy"), QStringLiteral("repair")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("bad.jsonl:3: text:")), qPrintable(r.err));
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);
    // Duplicate names inside one file: refused under repair as well, naming both lines.
    const QString twice = dir.filePath(QStringLiteral("twice.jsonl"));
    writeFile(twice,
              "{\"text\":\"a\",\"meta\":{\"name\":\"x\"}}\n{\"text\":\"b\",\"meta\":{\"name\":\"x\"}}\n");
    r = cli({QStringLiteral("import"), project, twice, QStringLiteral("--policy"), QStringLiteral("repair")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(twice + QStringLiteral(":2: duplicate document name 'x' (first at ") + twice +
                            QStringLiteral(":1)")),
             qPrintable(r.err));
    QCOMPARE(statsJson(project).value(QStringLiteral("documents")).toInt(), 0);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
