// Plain text files and folders.

#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "formats/PlainTextFormat.h"
#include "formats/TextFile.h"

using namespace quarry;
using namespace quarry::test;

class TestFormatsText : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  PlainTextFormat m_format;

 private Q_SLOTS:
  void utf8Validation() {
    QCOMPARE(firstInvalidUtf8("plain"), qsizetype(-1));
    QCOMPARE(firstInvalidUtf8("\xF0\x9F\x98\x80 ok"), qsizetype(-1));
    QCOMPARE(firstInvalidUtf8("ab\xC0\xAF"), qsizetype(2));         // overlong "/"
    QCOMPARE(firstInvalidUtf8("abc\xED\xA0\x80"), qsizetype(3));    // a UTF-16 surrogate
    QCOMPARE(firstInvalidUtf8("\xE2\x82"), qsizetype(0));           // cut short
    QCOMPARE(firstInvalidUtf8("x\xF4\x90\x80\x80"), qsizetype(1));  // above U+10FFFF
  }

  void folderRecursiveSortedBomStripped() {
    const QString root = m_dir.filePath(QStringLiteral("in"));
    writeFile(root + QStringLiteral("/b.txt"),
              "\xEF\xBB\xBF"
              "caf\xC3\xA9 \xF0\x9F\x98\x80\n");
    writeFile(root + QStringLiteral("/a.txt"), "first");
    writeFile(root + QStringLiteral("/sub/c.txt"), "nested");
    writeFile(root + QStringLiteral("/notes.md"), "ignored");
    ImportReport report;
    Result<Corpus> c = m_format.read(root, {}, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents.size(), 3);
    QCOMPARE(c->documents[0].name, QStringLiteral("a"));
    QCOMPARE(c->documents[1].name, QStringLiteral("b"));
    QCOMPARE(c->documents[1].text, QString::fromUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80\n"));
    QCOMPARE(c->documents[1].codePointLength(), 7);
    QCOMPARE(c->documents[2].name, QStringLiteral("sub/c"));
    QCOMPARE(report.documents, 3);

    const QString out = m_dir.filePath(QStringLiteral("out"));
    QVERIFY(m_format.write(c.value(), out, {}).ok());
    QCOMPARE(readBytes(out + QStringLiteral("/sub/c.txt")), QByteArray("nested"));
    QCOMPARE(readBytes(out + QStringLiteral("/b.txt")), QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80\n"));
    Result<Corpus> back = m_format.read(out, {}, report);
    QVERIFY(back.ok());
    QString why;
    QVERIFY2(back->sameContent(c.value(), &why), qPrintable(why));
  }

  void singleFile() {
    const QString path = writeFile(m_dir.filePath(QStringLiteral("one/report.txt")), "Hello");
    ImportReport report;
    Result<Corpus> c = m_format.read(path, {}, report);
    QVERIFY(c.ok());
    QCOMPARE(c->documents.size(), 1);
    QCOMPARE(c->documents[0].name, QStringLiteral("report"));
  }

  void invalidUtf8NamesFileAndOffset() {
    const QString root = m_dir.filePath(QStringLiteral("bad"));
    writeFile(root + QStringLiteral("/a.txt"), "good");
    const QString bad = writeFile(root + QStringLiteral("/b.txt"), "line one\nli\xFFne two");
    ImportReport report;
    Result<Corpus> c = m_format.read(root, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), bad + QStringLiteral(":2: invalid UTF-8 at byte offset 11"));
    c = m_format.read(m_dir.filePath(QStringLiteral("missing")), {}, report);
    QVERIFY(!c.ok());
  }

  void invalidUtf8IsRepairedAndListedUnderRepair() {
    // Each maximal ill-formed subpart becomes one U+FFFD: a cut-short euro sign is one, the three
    // bytes of an encoded surrogate are three, a lone continuation byte is one.
    const QString path =
        writeFile(m_dir.filePath(QStringLiteral("repair/a.txt")), "euro \xE2\x82!\nsur\xED\xA0\x80\nend\x80");
    ImportOptions repair;
    repair.policy = ProblemPolicy::Repair;
    ImportReport report;
    Result<Corpus> c = m_format.read(path, repair, report);
    QVERIFY2(c.ok(), qPrintable(failText(c)));
    QCOMPARE(c->documents[0].text, QStringLiteral("euro \uFFFD!\nsur\uFFFD\uFFFD\uFFFD\nend\uFFFD"));
    QCOMPARE(report.warnings.size(), 5);
    QCOMPARE(report.warnings[0],
             path + QStringLiteral(":1: invalid UTF-8 at byte offset 5 (replaced with U+FFFD)"));
    QVERIFY2(report.warnings[1].startsWith(path + QStringLiteral(":2: invalid UTF-8 at byte offset 12 ")),
             qPrintable(report.warnings[1]));
    QVERIFY2(report.warnings[4].startsWith(path + QStringLiteral(":3: invalid UTF-8 at byte offset 19 ")),
             qPrintable(report.warnings[4]));
    // Rejected by default, naming the first.
    c = m_format.read(path, {}, report);
    QVERIFY(!c.ok());
    QCOMPARE(errorText(c.error()), path + QStringLiteral(":1: invalid UTF-8 at byte offset 5"));
  }

  void refusesUnsafeNames() {
    Corpus c;
    Document d;
    d.name = QStringLiteral("../escape");
    d.text = QStringLiteral("x");
    c.documents << d;
    const Status s = m_format.write(c, m_dir.filePath(QStringLiteral("safe")), {});
    QVERIFY(!s.ok());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("escape.txt"))));
  }
};

QTEST_GUILESS_MAIN(TestFormatsText)
#include "test_formats_text.moc"
