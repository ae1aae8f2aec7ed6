// CSV / TSV document classification: RFC 4180 quoting, labels, errors with file, line and column.

#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "formats/CsvFormat.h"

using namespace quarry;
using namespace quarry::test;

class TestFormatsCsv : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  CsvFormat m_format;

  QString file(const QString& name, const QByteArray& content) {
    return writeFile(m_dir.filePath(name), content);
  }

  void roundTrip(const Corpus& c, const QString& name) {
    const QString out = m_dir.filePath(QStringLiteral("out/") + name);
    const Status s = m_format.write(c, out, {});
    QVERIFY2(s.ok(), qPrintable(failText(s)));
    ImportReport report;
    Result<Corpus> back = m_format.read(out, {}, report);
    QVERIFY2(back.ok(), qPrintable(failText(back)));
    QString why;
    QVERIFY2(back->sameContent(c, &why), qPrintable(why));
  }

 private Q_SLOTS:
  void quotingLabelsAndColumns() {
    const QString path = file(QStringLiteral("reviews.csv"),
                              "id,text,label,split,source\r\n"
                              "r1,\"Great, really \"\"great\"\" \xF0\x9F\x98\x80\",pos,train,web\r\n"
                              "r2,\"two\nlines\",neg|sarcasm,dev,\r\n"
                              "r3,plain,,,\"mail\"\r\n"
                              "\r\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 3);
    const Document& d = c->documents[0];
    QCOMPARE(d.name, QStringLiteral("r1"));
    QCOMPARE(d.text, QString::fromUtf8("Great, really \"great\" \xF0\x9F\x98\x80"));
    QCOMPARE(d.split, Split::Train);
    QCOMPARE(d.labels.size(), 1);
    QCOMPARE(d.metadata.value(QStringLiteral("source")).toString(), QStringLiteral("web"));
    QCOMPARE(c->documents[1].text, QStringLiteral("two\nlines"));
    QCOMPARE(c->documents[1].labels.size(), 2);
    QCOMPARE(c->documents[1].labels[1].category, QStringLiteral("sarcasm"));
    QVERIFY(c->documents[2].labels.isEmpty());
    QCOMPARE(c->documents[2].metadata.value(QStringLiteral("source")).toString(), QStringLiteral("mail"));
    QVERIFY(c->schema.multiLabelCategories);
    roundTrip(c.value(), QStringLiteral("reviews.csv"));
    roundTrip(c.value(), QStringLiteral("reviews.tsv"));
  }

  void tsvAndOptions() {
    const QString path =
        file(QStringLiteral("data.tsv"), "sentence\tcats\nA \"quoted\" word\tx;y\nsecond\tz\n");
    ImportOptions options;
    options.textColumn = QStringLiteral("sentence");
    options.labelColumn = QStringLiteral("cats");
    options.labelSeparator = QStringLiteral(";");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, options, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 2);
    QCOMPARE(c->documents[0].name, QStringLiteral("data-1"));
    QCOMPARE(c->documents[0].text, QStringLiteral("A \"quoted\" word"));
    QCOMPARE(c->documents[0].labels.size(), 2);
    // Sniffed delimiter for another extension.
    const QString sniffed = file(QStringLiteral("semi.txt"), "text;label\nhello;greeting\n");
    c = m_format.read(sniffed, {}, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents[0].labels[0].category, QStringLiteral("greeting"));
  }

  void errorsNameFileLineAndColumn() {
    ImportReport report;
    const QString noText = file(QStringLiteral("notext.csv"), "body,label\nx,y\n");
    Result<Corpus> c = m_format.read(noText, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()),
             noText + QStringLiteral(":1: text: no text column 'text' (columns: body, label)"));
    // The second record starts on physical line 4 because the first holds a newline.
    const QString count = file(QStringLiteral("count.csv"), "text,label\n\"a\nb\",x\nc,y,extra\n");
    c = m_format.read(count, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), count + QStringLiteral(":4: 3 fields where the header has 2"));
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    c = m_format.read(count, repair, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents.size(), 2);
    const QString open = file(QStringLiteral("open.csv"), "text,label\nok,x\n\"never closed,y\nmore\n");
    c = m_format.read(open, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), open + QStringLiteral(":3: a quoted field opened here is never closed"));
    const QString after = file(QStringLiteral("after.csv"), "text,label\n\"a\"b,x\n");
    c = m_format.read(after, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), after + QStringLiteral(":2: column 1: text after the closing quote"));
    const QString split = file(QStringLiteral("split.csv"), "text,split\na,train\nb,later\n");
    c = m_format.read(split, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), split + QStringLiteral(":3: split: unknown split 'later'"));
    ImportOptions named;
    named.labelColumn = QStringLiteral("category");
    c = m_format.read(split, named, report);
    QVERIFY(!c.ok());
  }
};

QTEST_GUILESS_MAIN(TestFormatsCsv)
#include "test_formats_csv.moc"
