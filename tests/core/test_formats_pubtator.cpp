#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "formats/PubTatorFormat.h"
#include "test_formats_util.h"

using namespace quarry;
using quarry::test::writeText;

class TestFormatsPubTator : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

  // Title "Ünïcode 𝛂-toxin." (an astral 𝛂 counts as one code point), abstract "Caused 𝛂 fever."
  static QString tiny() {
    return QStringLiteral(
        "100|t|\u00dcn\u00efcode \U0001D6C2-toxin.\n"
        "100|a|Caused \U0001D6C2 fever.\n"
        "100\t8\t15\t\U0001D6C2-toxin\tChemical\tD001\n"
        "100\t24\t26\t\U0001D6C2 \tChemical\t-1\n"
        "100\t26\t31\tfever\tDisease\tD002|D003\tfe|ver\n"
        "100\tCID\tD001\tD003\n"
        "100\tCID\tD009\tD002\n"
        "\n"
        "200|t|Second.\n"
        "200|a|\n"
        "200\t0\t6\tSecond\tDisease\n"
        "\n");
  }

 private Q_SLOTS:
  void readsMentionsConceptsAndRelations() {
    writeText(path("tiny.txt"), tiny());
    ImportReport report;
    Result<Corpus> c = PubTatorFormat().read(path("tiny.txt"), {}, report);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("100"));
    QCOMPARE(d.text, QStringLiteral("\u00dcn\u00efcode \U0001D6C2-toxin.\nCaused \U0001D6C2 fever."));
    QCOMPARE(d.entities.size(), 3);
    QCOMPARE(d.entities[0].fragments.front(), (Fragment{8, 15}));
    QCOMPARE(d.entities[0].attributes.value(QStringLiteral("concept_id")).toString(), QStringLiteral("D001"));
    QCOMPARE(d.entities[1].attributes.value(QStringLiteral("concept_id")).toString(), QStringLiteral("-1"));
    QCOMPARE(d.entities[2].attributes.value(QStringLiteral("concept_id")).toString(),
             QStringLiteral("D002|D003"));
    QCOMPARE(d.entities[2].attributes.value(QStringLiteral("extra_columns")).toArray(),
             QJsonArray{QStringLiteral("fe|ver")});
    // D001 -> D003: D003 is part of the composite id of T3.
    QCOMPARE(d.relations.size(), 1);
    QCOMPARE(d.relations[0].head, QStringLiteral("T1"));
    QCOMPARE(d.relations[0].tail, QStringLiteral("T3"));
    QCOMPARE(d.relations[0].attributes.value(QStringLiteral("tail_concept")).toString(),
             QStringLiteral("D003"));
    // D009 has no mention: kept in metadata.
    const QJsonArray unlinked = d.metadata.value(QStringLiteral("unlinked_relations")).toArray();
    QCOMPARE(unlinked.size(), 1);
    QCOMPARE(unlinked[0].toArray().at(1).toString(), QStringLiteral("D009"));
    QCOMPARE(c->documents[1].text, QStringLiteral("Second.\n"));
    QVERIFY(!c->documents[1].entities[0].attributes.contains(QStringLiteral("concept_id")));
    QVERIFY(c->schema.entityType(QStringLiteral("Chemical")));
  }

  void roundTripReproducesTheFile() {
    writeText(path("rt.txt"), tiny());
    ImportReport report;
    Result<Corpus> a = PubTatorFormat().read(path("rt.txt"), {}, report);
    QVERIFY(a.ok());
    QVERIFY(PubTatorFormat().write(*a, path("rt-out.txt"), {}).ok());
    QCOMPARE(quarry::test::readText(path("rt-out.txt")), tiny());
    Result<Corpus> b = PubTatorFormat().read(path("rt-out.txt"), {}, report);
    QVERIFY(b.ok());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
  }

  void mismatchedMentionIsRejectedWithFileAndLine() {
    QString text = tiny();
    text.replace(QStringLiteral("\tfever\t"), QStringLiteral("\tfeverish\t"));
    writeText(path("bad.txt"), text);
    ImportReport report;
    Result<Corpus> c = PubTatorFormat().read(path("bad.txt"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), path("bad.txt"));
    QCOMPARE(c.error().line, 5L);
    QVERIFY(QString::fromStdString(c.error().message).contains(QStringLiteral("feverish")));
  }

  void repairMovesOrDropsMismatchedMentions() {
    QString text = tiny();
    text.replace(QStringLiteral("100\t26\t31\tfever"),
                 QStringLiteral("100\t0\t5\tfever"));  // exists later: moved
    text.replace(QStringLiteral("200\t0\t6\tSecond"),
                 QStringLiteral("200\t0\t6\tThird!"));  // nowhere: dropped
    writeText(path("repair.txt"), text);
    ImportOptions options;
    options.policy = ProblemPolicy::Repair;
    ImportReport report;
    Result<Corpus> c = PubTatorFormat().read(path("repair.txt"), options, report);
    QVERIFY(c.ok());
    QCOMPARE(report.warnings.size(), 2);
    QVERIFY(report.warnings[0].startsWith(path("repair.txt") + QStringLiteral(":5:")));
    QCOMPARE(c->documents[0].entities[2].fragments.front(), (Fragment{26, 31}));
    QVERIFY(c->documents[1].entities.isEmpty());
  }

  void invalidUtf8IsRejectedOrRepaired() {
    QFile f(path("latin1.txt"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("7|t|Caf\xE9 fever.\n7|a|None.\n7\t5\t10\tfever\tDisease\tD1\n\n");
    f.close();
    ImportReport report;
    Result<Corpus> c = PubTatorFormat().read(path("latin1.txt"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().toString()),
             path("latin1.txt") + QStringLiteral(":1: invalid UTF-8 at byte offset 7"));
    ImportOptions options;
    options.policy = ProblemPolicy::Repair;
    c = PubTatorFormat().read(path("latin1.txt"), options, report);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
    QCOMPARE(c->documents[0].text, QStringLiteral("Caf\uFFFD fever.\nNone."));
    QCOMPARE(c->documents[0].entities.size(), 1);  // offsets still count the one replacement character
    QCOMPARE(report.warnings,
             QStringList{path("latin1.txt") +
                         QStringLiteral(":1: invalid UTF-8 at byte offset 7 (replaced with U+FFFD)")});
  }

  void brokenLinesNameTheLine() {
    writeText(path("broken1.txt"), QStringLiteral("1|t|A b.\n1|a|C.\n1\tx\t3\tA b\tT\n"));
    ImportReport report;
    Result<Corpus> c = PubTatorFormat().read(path("broken1.txt"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().line, 3L);
    writeText(path("broken2.txt"), QStringLiteral("1|t|A b.\n1|a|C.\n2\t0\t1\tA\tT\n"));
    c = PubTatorFormat().read(path("broken2.txt"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().line, 3L);
    writeText(path("broken3.txt"), QStringLiteral("1|t|A b.\n1|a|C.\ngarbage\n"));
    c = PubTatorFormat().read(path("broken3.txt"), {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().line, 3L);
  }

  void bc5cdr_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("chemicals");
    QTest::addColumn<int>("diseases");
    QTest::addColumn<int>("cid");
    QTest::addColumn<int>("composite");
    QTest::newRow("train") << QStringLiteral("CDR_TrainingSet.PubTator.txt") << 5203 << 4182 << 1038 << 107;
    QTest::newRow("dev") << QStringLiteral("CDR_DevelopmentSet.PubTator.txt") << 5347 << 4244 << 1012 << 89;
  }
  void bc5cdr() {
    QFETCH(QString, file);
    const QString source = quarry::test::dataset("bc5cdr-pubtator") + QLatin1Char('/') + file;
    if (!QFileInfo::exists(source)) QSKIP(qPrintable(QStringLiteral("SKIP: %1 not found").arg(source)));
    ImportReport report;
    Result<Corpus> a = PubTatorFormat().read(source, {}, report);
    QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
    QVERIFY(report.warnings.isEmpty());
    QCOMPARE(a->documents.size(), 500);
    const QMap<QString, int> counts = a->annotationCounts();
    QTEST(counts.value(QStringLiteral("entity:Chemical")), "chemicals");
    QTEST(counts.value(QStringLiteral("entity:Disease")), "diseases");
    int cid = counts.value(QStringLiteral("relation:CID")), composite = 0;
    for (const Document& d : a->documents) {
      cid += int(d.metadata.value(QStringLiteral("unlinked_relations")).toArray().size());
      for (const EntitySpan& e : d.entities)
        composite += e.attributes.contains(QStringLiteral("extra_columns"));
    }
    QTEST(cid, "cid");
    QTEST(composite, "composite");
    const QString out = m_dir.filePath(file);
    QVERIFY(PubTatorFormat().write(*a, out, {}).ok());
    const QString diff =
        quarry::test::lineSetDifference(quarry::test::lineSet(source), quarry::test::lineSet(out));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    Result<Corpus> b = PubTatorFormat().read(out, {}, report);
    QVERIFY(b.ok());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
  }
};

QTEST_GUILESS_MAIN(TestFormatsPubTator)
#include "test_formats_pubtator.moc"
