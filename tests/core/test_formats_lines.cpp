// Parallel line files in both layouts (CLAUDETTE sentences/+tags/, Hallmarks text/+labels/).

#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "formats/ParallelLinesFormat.h"

using namespace quarry;
using namespace quarry::test;

class TestFormatsLines : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  ParallelLinesFormat m_format;

  // Reads `in`, writes it to a fresh folder, checks every listed file is byte-identical, re-reads.
  Corpus roundTrip(const QString& in, const QStringList& files) {
    ImportReport report;
    Result<Corpus> c = m_format.read(in, {}, report);
    if (!c.ok()) qFatal("%s", qPrintable(failText(c)));
    const QString out = in + QStringLiteral("-out");
    const Status s = m_format.write(c.value(), out, {});
    if (!s.ok()) qFatal("%s", qPrintable(failText(s)));
    for (const QString& f : files)
      if (readBytes(in + QLatin1Char('/') + f) != readBytes(out + QLatin1Char('/') + f))
        qFatal("%s differs after the round trip", qPrintable(f));
    Result<Corpus> back = m_format.read(out, {}, report);
    QString why;
    if (!back.ok() || !back->sameContent(c.value(), &why)) qFatal("round trip: %s", qPrintable(why));
    return c.value();
  }

 private Q_SLOTS:
  void claudetteLayout() {
    const QString in = m_dir.filePath(QStringLiteral("tos"));
    writeFile(in + QStringLiteral("/sentences/Acme.txt"),
              "Welcome \xF0\x9F\x98\x80.\n  We may end this.\nLaw applies.\n");
    writeFile(in + QStringLiteral("/tags/Acme.txt"), "\nter2 ch2 \nlaw1 \n");
    writeFile(in + QStringLiteral("/sentences/Beta.txt"), "Only line");
    writeFile(in + QStringLiteral("/tags/Beta.txt"), "use2");
    writeFile(in + QStringLiteral("/lists/LIST.txt"), "Acme\n");
    const Corpus c = roundTrip(in, {QStringLiteral("sentences/Acme.txt"), QStringLiteral("tags/Acme.txt"),
                                    QStringLiteral("sentences/Beta.txt"), QStringLiteral("tags/Beta.txt")});
    QCOMPARE(c.documents.size(), 4);
    QCOMPARE(c.documents[1].name, QStringLiteral("Acme:2"));
    QCOMPARE(c.documents[1].text, QStringLiteral("  We may end this."));
    QCOMPARE(c.documents[1].labels.size(), 2);
    QCOMPARE(c.documents[1].labels[0].category, QStringLiteral("ter2"));
    QCOMPARE(c.documents[0].codePointLength(), 10);
    QVERIFY(c.documents[0].labels.isEmpty());
    QCOMPARE(c.documents[3].name, QStringLiteral("Beta:1"));
    QCOMPARE(c.documents[3].labels[0].category, QStringLiteral("use2"));
    QVERIFY(c.schema.multiLabelCategories);
  }

  void hallmarksLayout() {
    const QString in = m_dir.filePath(QStringLiteral("hoc"));
    writeFile(in + QStringLiteral("/text/111.txt"), "One .\nTwo .\nThree .\nFour .\n");
    writeFile(in + QStringLiteral("/labels/111.txt"), "< <A--B ANDC--<  D-- AND A--B AND A--B< NULL");
    const Corpus c = roundTrip(in, {QStringLiteral("text/111.txt"), QStringLiteral("labels/111.txt")});
    QCOMPARE(c.documents.size(), 4);
    QVERIFY(c.documents[0].labels.isEmpty());
    QCOMPARE(c.documents[1].labels.size(), 2);
    QCOMPARE(c.documents[1].labels[1].category, QStringLiteral("C--"));
    QCOMPARE(c.documents[2].labels.size(), 2);  // the repeated A--B is kept once
    QCOMPARE(c.documents[3].labels[0].category, QStringLiteral("NULL"));
    // Labels changed in Quarry are written the canonical way.
    Corpus edited = c;
    edited.documents[1].labels.removeLast();
    const QString out = m_dir.filePath(QStringLiteral("hoc-edited"));
    QVERIFY(m_format.write(edited, out, {}).ok());
    QCOMPARE(readBytes(out + QStringLiteral("/labels/111.txt")),
             QByteArray("< <A--B<  D-- AND A--B AND A--B< NULL"));
  }

  void mismatchedCountsNameBothFiles() {
    const QString in = m_dir.filePath(QStringLiteral("bad"));
    const QString text = writeFile(in + QStringLiteral("/sentences/X.txt"), "a\nb\nc\n");
    const QString tags = writeFile(in + QStringLiteral("/tags/X.txt"), "\n\n");
    ImportReport report;
    Result<Corpus> c = m_format.read(in, {}, report);
    QVERIFY(!c.ok());
    QVERIFY2(errorText(c.error()).contains(text + QStringLiteral(" has 3 lines but ") + tags +
                                           QStringLiteral(" has 2")),
             qPrintable(errorText(c.error())));
    // Named at the first line without a partner: line 3 of the longer file.
    QCOMPARE(QString::fromStdString(c.error().file), text);
    QCOMPARE(c.error().line, 3L);
    c = m_format.read(m_dir.filePath(QStringLiteral("nothing")), {}, report);
    QVERIFY(!c.ok());
  }

  void exportFromElsewhere() {
    Corpus c;
    Document d;
    d.name = QStringLiteral("x");
    d.text = QStringLiteral("A sentence");
    d.labels << DocumentLabel{QStringLiteral("good"), {}} << DocumentLabel{QStringLiteral("short"), {}};
    c.documents << d;
    const QString out = m_dir.filePath(QStringLiteral("fresh"));
    QVERIFY(m_format.write(c, out, {}).ok());
    QCOMPARE(readBytes(out + QStringLiteral("/sentences/documents.txt")), QByteArray("A sentence\n"));
    QCOMPARE(readBytes(out + QStringLiteral("/tags/documents.txt")), QByteArray("good short \n"));
    c.documents[0].labels[0].category = QStringLiteral("two words");
    Status s = m_format.write(c, m_dir.filePath(QStringLiteral("refused")), {});
    QVERIFY(!s.ok());
    QVERIFY(errorText(s.error()).contains(QStringLiteral("document 'x': label 'two words'")));
    c.documents[0].labels.clear();
    c.documents[0].text = QStringLiteral("two\nlines");
    s = m_format.write(c, m_dir.filePath(QStringLiteral("refused")), {});
    QVERIFY(!s.ok());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("refused"))));
  }
};

QTEST_GUILESS_MAIN(TestFormatsLines)
#include "test_formats_lines.moc"
