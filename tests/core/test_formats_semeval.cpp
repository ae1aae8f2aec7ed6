// SemEval-2010 Task 8 records: the official training file is read (8,000 records, 19 directed labels)
// and written back byte for byte; directions, "Other", comments, inner quotes and CRLF survive; malformed
// records fail naming the line; the registry tells the format from plain text by its first line.

#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "formats/FormatRegistry.h"
#include "formats/SemEvalFormat.h"

using namespace quarry;
using namespace quarry::test;

class TestFormatsSemEval : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  SemEvalFormat m_format;

  Result<Corpus> read(const QByteArray& bytes, const QString& name = QStringLiteral("in.txt")) {
    ImportReport report;
    return m_format.read(writeFile(m_dir.filePath(name), bytes), {}, report);
  }

 private Q_SLOTS:
  void records() {
    const QByteArray in =
        "7\t\"He said \"hi\" to the <e1>\xC3\xA9quipe</e1> of <e2>engineers</e2>.\"\r\n"
        "Member-Collection(e2,e1)\r\n"
        "Comment: quoted\r\n"
        "\r\n"
        "8\t\"<e1>Smoke</e1> from the <e2>fire</e2>.\"\r\n"
        "Other\r\n"
        "Comment:\r\n"
        "\r\n";
    Result<Corpus> c = read(in);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("7"));
    QCOMPARE(d.text, QString::fromUtf8("He said \"hi\" to the \xC3\xA9quipe of engineers."));
    QCOMPARE(d.entities[0].start(), 20);  // code points: é is one
    QCOMPARE(d.entities[0].end(), 26);
    QCOMPARE(d.entities[1].type, QStringLiteral("Nominal"));
    QCOMPARE(d.relations[0].type, QStringLiteral("Member-Collection"));
    QCOMPARE(d.relations[0].head, QStringLiteral("e2"));
    QCOMPARE(d.relations[0].tail, QStringLiteral("e1"));
    QCOMPARE(c->documents[1].relations[0].type, QStringLiteral("Other"));
    const RelationType* other = c->schema.relationType(QStringLiteral("Other"));
    QVERIFY(other && !other->directed);
    const QString out = m_dir.filePath(QStringLiteral("out.txt"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out), in);
  }

  void lfAndMissingComment() {
    Result<Corpus> c = read("1\t\"a <e1>b</e1> <e2>c</e2>\"\nCause-Effect(e1,e2)\n\n2\t\"<e2>x</e2> <e1>y</e1>\"\nOther\n",
                            QStringLiteral("lf.txt"));
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    QCOMPARE(c->documents[0].relations[0].head, QStringLiteral("e1"));
    QCOMPARE(c->documents[1].entities[0].start(), 2);  // e1 after e2 in the text
  }

  void malformed() {
    struct Case {
      QByteArray bytes;
      long line;
      const char* says;
    };
    const QVector<Case> cases = {
        {"1\tno quotes\r\nOther\r\n", 1, "double quotes"},
        {"1\t\"a <e1>b</e1> c\"\r\nOther\r\n", 1, "<e2>"},
        {"1\t\"<e1>a <e2>b</e2></e1>\"\r\nOther\r\n", 1, "inside"},
        {"1\t\"<e1></e1> <e2>b</e2>\"\r\nOther\r\n", 1, "marks no text"},
        {"1\t\"<e1>a</e1> <e2>b</e2>\"\r\nCause-Effect\r\n", 2, "direction"},
        {"1\t\"<e1>a</e1> <e2>b</e2>\"\r\nCause-Effect(e1,e1)\r\n", 2, "direction"},
        {"1\t\"<e1>a</e1> <e2>b</e2>\"\r\nOther\r\nComment:\r\n\r\n1\t\"<e1>a</e1> <e2>b</e2>\"\r\nOther\r\n", 5, "twice"},
        {"1\t\"<e1>a</e1> <e2>b</e2>\"\r\nOther\r\nComment:\r\nstray\r\n", 4, "empty line"},
        {"1\t\"<e1>a</e1> <e2>b</e2>\"\r\n", 2, "label"},
    };
    for (const Case& k : cases) {
      Result<Corpus> c = read(k.bytes, QStringLiteral("bad.txt"));
      QVERIFY2(!c.ok(), k.bytes.constData());
      QVERIFY2(c.error().line == k.line && QString::fromStdString(c.error().message).contains(QLatin1String(k.says)),
               qPrintable(errorText(c.error())));
    }
    Result<Corpus> empty = read("\r\n\r\n", QStringLiteral("empty.txt"));
    QVERIFY(!empty.ok());
  }

  void exportChecks() {
    Corpus c;
    Document d;
    d.name = QStringLiteral("not-a-number");
    d.text = QStringLiteral("a b");
    c.documents << d;
    const Status s = m_format.write(c, m_dir.filePath(QStringLiteral("x.txt")), {});
    QVERIFY(!s.ok() && errorText(s.error()).contains(QStringLiteral("two nominals")));
  }

  void guessedByContent() {
    const QString semeval = writeFile(m_dir.filePath(QStringLiteral("TRAIN.TXT")), "5\t\"<e1>a</e1> <e2>b</e2>\"\r\nOther\r\n");
    const QString plain = writeFile(m_dir.filePath(QStringLiteral("note.txt")), "Just text.\n");
    QCOMPARE(FormatRegistry::instance().guess(semeval)->name(), QStringLiteral("semeval"));
    QCOMPARE(FormatRegistry::instance().guess(plain)->name(), QStringLiteral("text"));
  }

  void officialTrainingFile() {
    QUARRY_REQUIRE_DATASET(dir, "semeval2010-task8");
    const QString file = dir + QStringLiteral("/TRAIN_FILE.TXT");
    ImportReport report;
    Result<Corpus> c = m_format.read(file, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 8000);
    QCOMPARE(c->schema.relationTypes.size(), 10);  // 9 directed types + Other
    int other = 0, reversed = 0;
    for (const Document& d : c->documents) {
      other += d.relations[0].type == QStringLiteral("Other");
      reversed += d.relations[0].head == QStringLiteral("e2");
    }
    QCOMPARE(other, 1410);  // TRAIN_DISTRIB.TXT
    QVERIFY(reversed > 2000);
    const QString out = m_dir.filePath(QStringLiteral("train-out.txt"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QVERIFY2(readBytes(out) == readBytes(file), "the official file is written back byte for byte");
  }
};

QTEST_GUILESS_MAIN(TestFormatsSemEval)
#include "test_formats_semeval.moc"
