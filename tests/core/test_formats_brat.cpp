#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "formats/BratConfig.h"
#include "formats/BratFormat.h"
#include "test_formats_util.h"

using namespace quarry;
using quarry::test::lineSet;
using quarry::test::writeText;

namespace {

// "Ünï 😀 protein ABC binds the XYZ complex.\n": 😀 is one code point, so brat offsets (Python
// indices) of "ABC" are 14-17 although its UTF-16 index is 15.
const QString kText = QStringLiteral("\u00dcn\u00ef \U0001F600 protein ABC binds the XYZ complex.\n");
const QString kAnn = QStringLiteral(
    "*\tEquiv T1 T4 T5\n"
    "T1\tProtein 14 17\tABC\n"
    "T2\tEntity 28 31;32 39\tXYZ complex\n"
    "T3\tBinding 18 23\tbinds\n"
    "T4\tProtein 28 31\tXYZ\n"
    "T5\tProtein 6 13\tprotein\n"
    "R1\tPart Arg1:T1 Arg2:T2\n"
    "E1\tBinding:T3 Theme:T1 Theme2:T4\n"
    "A1\tNegation T1\n"
    "A2\tConfidence T2 High\n"
    "M3\tSpeculation E1\n"
    "N1\tReference T1 UniProt:P12345\tABC protein\n"
    "#1\tAnnotatorNotes T2\tcheck this\n"
    "A4\tNegation R1\n");
const QString kConf = QStringLiteral(
    "[entities]\n"
    "!Thing\n"
    "\tProtein\n"
    "\tEntity\n"
    "Binding\n"
    "[relations]\n"
    "<THING>=Protein|Entity\n"
    "Part\tArg1:Protein, Arg2:Entity\n"
    "Equiv\tArg1:Protein, Arg2:Protein, <REL-TYPE>:symmetric-transitive\n"
    "Near\tArg1:Thing, Arg2:<ANY>\n"
    "ENTITY-NESTING\tArg1:Protein, Arg2:Entity\n"
    "[events]\n"
    "Binding\tTheme:Protein, Theme2?:Protein\n"
    "[attributes]\n"
    "Negation\tArg:<ENTITY>\n");

}  // namespace

class TestFormatsBrat : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString folder(const QString& name) const { return m_dir.filePath(name); }

  QString makeTiny(const QString& name, const QString& ann = kAnn) {
    const QString f = folder(name);
    writeText(f + QStringLiteral("/annotation.conf"), kConf);
    writeText(f + QStringLiteral("/doc.txt"), kText);
    writeText(f + QStringLiteral("/doc.ann"), ann);
    writeText(f + QStringLiteral("/sub/nested.txt"), QStringLiteral("Plain ABC."));
    writeText(f + QStringLiteral("/sub/nested.ann"), QStringLiteral("T1\tProtein 6 9\tABC\n"));
    return f;
  }

  // Every .ann / .txt file under `a` has the same lines (.ann) or bytes (.txt) under `b`.
  static QString compareFolders(const QString& a, const QString& b, int* files) {
    QDirIterator it(a, {QStringLiteral("*.ann"), QStringLiteral("*.txt")}, QDir::Files,
                    QDirIterator::Subdirectories);
    *files = 0;
    while (it.hasNext()) {
      const QString p = it.next();
      const QString other = b + QLatin1Char('/') + QDir(a).relativeFilePath(p);
      ++*files;
      if (p.endsWith(QLatin1String(".txt"))) {
        if (quarry::test::readText(p) != quarry::test::readText(other))
          return QStringLiteral("text differs: ") + other;
      } else if (const QString d = quarry::test::lineSetDifference(lineSet(p), lineSet(other));
                 !d.isEmpty()) {
        return other + QStringLiteral(": ") + d;
      }
    }
    return {};
  }

 private Q_SLOTS:
  void readsEveryKindOfLine() {
    ImportReport report;
    Result<Corpus> c = BratFormat().read(makeTiny(QStringLiteral("tiny")), {}, report);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("doc"));
    QCOMPARE(c->documents[1].name, QStringLiteral("sub/nested"));
    QCOMPARE(d.entities.size(), 5);
    QCOMPARE(d.entity(QStringLiteral("T1"))->fragments.front(), (Fragment{14, 17}));
    QCOMPARE(d.entity(QStringLiteral("T2"))->fragments, (QVector<Fragment>{{28, 31}, {32, 39}}));
    // R1 + the equivalence T1 T4 T5 as two chained relations of group 1.
    QCOMPARE(d.relations.size(), 3);
    QCOMPARE(d.relations.back().key, QStringLiteral("R1"));
    QCOMPARE(d.relations[0].head, QStringLiteral("T1"));
    QCOMPARE(d.relations[1].tail, QStringLiteral("T5"));
    QCOMPARE(d.relations[1].attributes.value(QStringLiteral("equiv_group")).toInt(), 1);
    const QJsonArray attrs =
        d.entity(QStringLiteral("T1"))->attributes.value(QStringLiteral("brat_attributes")).toArray();
    QCOMPARE(attrs.size(), 1);
    QCOMPARE(attrs[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Negation"));
    QCOMPARE(d.entity(QStringLiteral("T2"))
                 ->attributes.value(QStringLiteral("brat_attributes"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("High"));
    QCOMPARE(d.entity(QStringLiteral("T1"))
                 ->attributes.value(QStringLiteral("brat_normalizations"))
                 .toArray()
                 .size(),
             1);
    QCOMPARE(d.entity(QStringLiteral("T2"))
                 ->attributes.value(QStringLiteral("brat_notes"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("check this"));
    QCOMPARE(d.relations.back().attributes.value(QStringLiteral("brat_attributes")).toArray().size(), 1);
    // The event and the attribute on it are kept as text, with a warning.
    QCOMPARE(d.metadata.value(QStringLiteral("brat_unmodelled_lines")).toArray().size(), 2);
    QVERIFY(report.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("event line")));
    // Schema from annotation.conf: the abstract type is gone, its subtypes stay and stand in for it.
    QVERIFY(!c->schema.entityType(QStringLiteral("Thing")));
    QVERIFY(c->schema.entityType(QStringLiteral("Protein")));
    const RelationType* equiv = c->schema.relationType(QStringLiteral("Equiv"));
    QVERIFY(equiv && !equiv->directed);
    QCOMPARE(c->schema.relationType(QStringLiteral("Near"))->headTypes,
             (QStringList{QStringLiteral("Protein"), QStringLiteral("Entity")}));
    QVERIFY(c->schema.relationType(QStringLiteral("Near"))->tailTypes.isEmpty());
    QVERIFY(!c->schema.relationType(QStringLiteral("ENTITY-NESTING")));
    const QString all = report.warnings.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QStringLiteral("overlap rule")));
    QVERIFY(all.contains(QStringLiteral("event types are not kept")));
    QVERIFY(all.contains(QStringLiteral("attribute types are not kept")));
  }

  void roundTripKeepsLinesAndContent() {
    const QString in = makeTiny(QStringLiteral("rt"));
    ImportReport report;
    Result<Corpus> a = BratFormat().read(in, {}, report);
    QVERIFY(a.ok());
    const QString out = folder(QStringLiteral("rt-out"));
    {
      const Status w = BratFormat().write(*a, out, {});
      QVERIFY2(w.ok(), w.ok() ? "" : w.error().toString().c_str());
    }
    int files = 0;
    const QString diff = compareFolders(in, out, &files);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(files, 4);
    Result<Corpus> b = BratFormat().read(out, {}, report);
    QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
  }

  void writesBratIdsForOtherKeys() {
    Corpus c;
    Document d;
    d.name = QStringLiteral("x");
    d.text = QStringLiteral("aa bb");
    d.entities = {EntitySpan{QStringLiteral("e-a"), QStringLiteral("A"), {{0, 2}}, {}, {}},
                  EntitySpan{QStringLiteral("T7"), QStringLiteral("A"), {{3, 5}}, {}, {}}};
    d.relations = {Relation{
        QStringLiteral("r"), QStringLiteral("L"), QStringLiteral("e-a"), QStringLiteral("T7"), {}, {}}};
    c.documents = {d};
    c.addMissingTypesToSchema();
    const QString out = folder(QStringLiteral("ids"));
    {
      const Status w = BratFormat().write(c, out, {});
      QVERIFY2(w.ok(), w.ok() ? "" : w.error().toString().c_str());
    }
    QCOMPARE(lineSet(out + QStringLiteral("/x.ann")),
             (QSet<QString>{QStringLiteral("T8\tA 0 2\taa"), QStringLiteral("T7\tA 3 5\tbb"),
                            QStringLiteral("R1\tL Arg1:T8 Arg2:T7")}));
  }

  void mismatchIsRejectedWithFileAndLine() {
    QString ann = kAnn;
    ann.replace(QStringLiteral("T4\tProtein 28 31\tXYZ"), QStringLiteral("T4\tProtein 27 30\tXYZ"));
    const QString f = makeTiny(QStringLiteral("bad"), ann);
    ImportReport report;
    Result<Corpus> c = BratFormat().read(f, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), f + QStringLiteral("/doc.ann"));
    QCOMPARE(c.error().line, 5L);
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    ImportReport repaired;
    c = BratFormat().read(f, repair, repaired);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[0].entity(QStringLiteral("T4"))->fragments.front(), (Fragment{28, 31}));
    QVERIFY(repaired.warnings.join(QLatin1Char('\n')).contains(f + QStringLiteral("/doc.ann:5:")));
  }

  void brokenLinesNameTheLine() {
    for (const QString& line : {QStringLiteral("T9\tProtein x 3\tABC"), QStringLiteral("T9 Protein 0 3"),
                                QStringLiteral("R9\tPart Arg1:T1"), QStringLiteral("X1\tWhat T1"),
                                QStringLiteral("T1\tProtein 14 17\tABC")}) {
      const QString f = makeTiny(QStringLiteral("broken"), kAnn + line + QLatin1Char('\n'));
      ImportReport report;
      Result<Corpus> c = BratFormat().read(f, {}, report);
      QVERIFY2(!c.ok(), qPrintable(line));
      QCOMPARE(c.error().line, 15L);
    }
    const QString f = folder(QStringLiteral("orphan"));
    writeText(f + QStringLiteral("/lonely.ann"), QStringLiteral("T1\tA 0 1\tx\n"));
    ImportReport report;
    Result<Corpus> c = BratFormat().read(f, {}, report);
    QVERIFY(!c.ok());
    QVERIFY(QString::fromStdString(c.error().file).endsWith(QStringLiteral("lonely.ann")));
  }

  void invalidUtf8IsRejectedOrRepaired() {
    const QString f = makeTiny(QStringLiteral("latin1"));
    QFile::remove(f + QStringLiteral("/annotation.conf"));  // its warnings are not what this test counts
    quarry::test::writeText(f + QStringLiteral("/doc.ann"), QStringLiteral("T1\tProtein 0 3\tABC\n"));
    QFile txt(f + QStringLiteral("/doc.txt"));
    QVERIFY(txt.open(QIODevice::WriteOnly));
    txt.write("ABC\ncaf\xE9 au lait\n");  // Latin-1, not UTF-8
    txt.close();
    ImportReport report;
    Result<Corpus> c = BratFormat().read(f, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().toString()),
             f + QStringLiteral("/doc.txt:2: invalid UTF-8 at byte offset 7"));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    ImportReport repaired;
    c = BratFormat().read(f, repair, repaired);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[0].text, QStringLiteral("ABC\ncaf\uFFFD au lait\n"));
    QCOMPARE(
        repaired.warnings,
        QStringList{f + QStringLiteral("/doc.txt:2: invalid UTF-8 at byte offset 7 (replaced with U+FFFD)")});
    // In the .ann file too.
    QFile ann(f + QStringLiteral("/doc.ann"));
    QVERIFY(ann.open(QIODevice::WriteOnly));
    ann.write("T1\tProtein 0 3\tABC\n#1\tAnnotatorNotes T1\tna\xEFve\n");
    ann.close();
    c = BratFormat().read(f, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().file), f + QStringLiteral("/doc.txt"));
    repaired.warnings.clear();
    c = BratFormat().read(f, repair, repaired);
    QVERIFY(c.ok());
    QCOMPARE(repaired.warnings.size(), 2);
    QVERIFY2(repaired.warnings[1].startsWith(f + QStringLiteral("/doc.ann:2: invalid UTF-8")),
             qPrintable(repaired.warnings[1]));
  }

  void relativeFolderOtherThanDot() {
    const QString f = makeTiny(QStringLiteral("rel/valid"));
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    ImportReport report;
    Result<Corpus> c = BratFormat().read(QStringLiteral("rel/valid"), {}, report);
    QDir::setCurrent(cwd);
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
    QCOMPARE(c->documents.size(), 2);
    QCOMPARE(c->documents[0].name, QStringLiteral("doc"));
    QCOMPARE(c->documents[0].sourceFile, QStringLiteral("rel/valid/doc.txt"));
    QCOMPARE(c->documents[1].name, QStringLiteral("sub/nested"));
  }

  void typeOutsideTheSchemaNamesTheAnnLine() {
    const QString f = makeTiny(QStringLiteral("outside"));
    ImportOptions strict;
    strict.allowNewTypes = false;
    strict.schema.entityTypes << EntityType{};
    strict.schema.entityTypes.back().name = QStringLiteral("Protein");
    QFile::remove(f + QStringLiteral("/annotation.conf"));  // the schema is the project's alone
    ImportReport report;
    Result<Corpus> c = BratFormat().read(f, strict, report);
    QVERIFY(!c.ok());
    // T2 (Entity) on line 3 of doc.ann is the first annotation outside {Protein}.
    QCOMPARE(QString::fromStdString(c.error().toString()),
             f + QStringLiteral(
                     "/doc.ann:3: document 'doc': entity T2 has type 'Entity', which is not in the schema"));
  }

  void configRoundTrip() {
    QStringList warnings;
    const Schema s = BratConfig::parse(kConf, QStringLiteral("annotation.conf"), &warnings);
    const Schema again =
        BratConfig::parse(BratConfig::toText(s, {}), QStringLiteral("written.conf"), &warnings);
    QVERIFY(s == again);
  }

  void realCorpora_data() {
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("entities");
    QTest::addColumn<int>("discontinuous");
    QTest::addColumn<int>("relations");
    QTest::addColumn<int>("equivalences");
    QTest::addColumn<int>("quirkyQuotes");
    QTest::newRow("bionlp-st-2011-rel-sample")
        << QStringLiteral("bionlp-st-2011-rel-sample") << 20 << 452 << 0 << 44 << 13 << 0;
    QTest::newRow("ddi-2013") << QStringLiteral("ddi-2013/brat") << 714 << 14765 << 38 << 4021 << 0 << 5;
  }
  void realCorpora() {
    QFETCH(QString, folder);
    const QString source = quarry::test::dataset(folder.toUtf8().constData());
    if (!QFileInfo::exists(source)) QSKIP(qPrintable(QStringLiteral("SKIP: %1 not found").arg(source)));
    ImportReport report;
    Result<Corpus> a = BratFormat().read(source, {}, report);
    QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
    QTEST(int(a->documents.size()), "documents");
    for (const QString& w : report.warnings)  // only annotation.conf may need a word; every .ann line is kept
      QVERIFY2(w.contains(QStringLiteral("annotation.conf")), qPrintable(w));
    int entities = 0, discontinuous = 0, relations = 0, quirkyQuotes = 0;
    QSet<QString> groups;
    for (const Document& d : a->documents) {
      entities += int(d.entities.size());
      for (const EntitySpan& e : d.entities) {
        discontinuous += e.isDiscontinuous();
        quirkyQuotes += e.attributes.contains(QStringLiteral("brat_text"));
      }
      for (const Relation& r : d.relations) {
        if (r.attributes.contains(QStringLiteral("equiv_group")))
          groups.insert(d.name + QString::number(r.attributes.value(QStringLiteral("equiv_group")).toInt()));
        else
          ++relations;
      }
    }
    QTEST(entities, "entities");
    QTEST(discontinuous, "discontinuous");
    QTEST(relations, "relations");
    QTEST(int(groups.size()), "equivalences");
    QTEST(quirkyQuotes, "quirkyQuotes");
    const QString out = m_dir.filePath(QStringLiteral("export-") + QFileInfo(source).fileName());
    {
      const Status w = BratFormat().write(*a, out, {});
      QVERIFY2(w.ok(), w.ok() ? "" : w.error().toString().c_str());
    }
    int files = 0;
    const QString diff = compareFolders(source, out, &files);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(files, 2 * a->documents.size());
    Result<Corpus> b = BratFormat().read(out, {}, report);
    QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
    QString why;
    QVERIFY2(a->sameContent(*b, &why), qPrintable(why));
  }
};

QTEST_GUILESS_MAIN(TestFormatsBrat)
#include "test_formats_brat.moc"
