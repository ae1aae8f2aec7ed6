// Export output appears whole or not at all: OutputFile / OutputFolder on their own, and every format's
// writer past a file-size limit (RLIMIT_FSIZE with SIGXFSZ ignored, so a write fails with EFBIG the way a
// full disk fails with ENOSPC): an Error naming the file, the earlier export untouched, nothing left over.

#include <csignal>

#include <sys/resource.h>
#include <QDirIterator>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>

#include "FormatTestUtil.h"
#include "formats/FormatRegistry.h"
#include "formats/OutputFile.h"

using namespace quarry;
using namespace quarry::test;

namespace {

constexpr rlim_t kLimit = 64 * 1024;  // bytes any one file may grow to while a limit is on

// Lowers the soft file-size limit for its lifetime (the hard limit stays, so it can be raised back).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &m_old);
    m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lowered = m_old;
    lowered.rlim_cur = bytes;
    m_ok = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &m_old);
    std::signal(SIGXFSZ, m_oldHandler);
  }
  bool ok() const { return m_ok; }

 private:
  rlimit m_old{};
  void (*m_oldHandler)(int) = nullptr;
  bool m_ok = false;
};

// Every file under `root` (a file or a folder) with its bytes; the folder's hidden leftovers included.
QMap<QString, QByteArray> snapshot(const QString& root) {
  QMap<QString, QByteArray> out;
  if (QFileInfo(root).isFile()) {
    out.insert(root, readBytes(root));
    return out;
  }
  QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString f = it.next();
    out.insert(f, readBytes(f));
  }
  return out;
}

// `count` small documents every format can write (one-line text, whitespace-aligned entities with
// concept ids, a relation, a label), and with `big` one more whose text alone passes kLimit.
Corpus makeCorpus(int count, bool big) {
  Corpus c;
  for (int i = 0; i < count + (big ? 1 : 0); ++i) {
    Document d;
    const bool isBig = i == count;
    d.name = isBig ? QStringLiteral("big") : QStringLiteral("d%1").arg(i, 3, 10, QLatin1Char('0'));
    d.text = isBig ? QStringLiteral("Aspirin treats headache ").repeated(4000).trimmed()
                   : QStringLiteral("Aspirin treats headache number %1").arg(i);
    EntitySpan drug, disease;
    drug.key = QStringLiteral("T1");
    drug.type = QStringLiteral("DRUG");
    drug.fragments = {Fragment{0, 7}};
    drug.attributes[QStringLiteral("concept_id")] = QStringLiteral("D1");
    disease.key = QStringLiteral("T2");
    disease.type = QStringLiteral("DISEASE");
    disease.fragments = {Fragment{15, 23}};
    disease.attributes[QStringLiteral("concept_id")] = QStringLiteral("D2");
    d.entities << drug << disease;
    Relation r;
    r.key = QStringLiteral("R1");
    r.type = QStringLiteral("TREATS");
    r.head = QStringLiteral("T1");
    r.tail = QStringLiteral("T2");
    d.relations << r;
    d.labels << DocumentLabel{QStringLiteral("pos"), {}};
    c.documents << d;
  }
  c.addMissingTypesToSchema();
  return c;
}

}  // namespace

class TestFormatsOutput : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;

 private Q_SLOTS:
  void fileReplacesWholeAndLeavesNothingElse() {
    const QString folder = m_dir.filePath(QStringLiteral("file"));
    const QString path = folder + QStringLiteral("/out.txt");
    QVERIFY(OutputFile::write(path, "old").ok());
    QVERIFY(OutputFile::write(path, "new and longer").ok());
    QCOMPARE(readBytes(path), QByteArray("new and longer"));
    QCOMPARE(snapshot(folder).keys(), QStringList{path});
    // A folder in the way is an error naming it.
    const Status s = OutputFile::write(folder, "x");
    QVERIFY(!s.ok());
    QCOMPARE(QString::fromStdString(s.error().file), folder);
  }

  // commitNew (a restored project): never over a file that appeared meanwhile, and nothing left behind.
  void commitNewNeverReplaces() {
    const QString folder = m_dir.filePath(QStringLiteral("new"));
    const QString path = folder + QStringLiteral("/project.quarry");
    {
      OutputFile first(path), second(path);
      QVERIFY(first.prepare("first").ok());
      QVERIFY(second.prepare("second").ok());
      QVERIFY(first.commitNew().ok());
      const Status s = second.commitNew();
      QVERIFY(!s.ok());
      QCOMPARE(QString::fromStdString(s.error().message), QStringLiteral("a file already exists there"));
      QCOMPARE(QString::fromStdString(s.error().file), path);
    }
    QCOMPARE(readBytes(path), QByteArray("first"));
    QCOMPARE(snapshot(folder).keys(), QStringList{path});
  }

  void fileSizeLimitKeepsTheOldFile() {
    const QString folder = m_dir.filePath(QStringLiteral("limit"));
    const QString path = folder + QStringLiteral("/out.bin");
    QVERIFY(OutputFile::write(path, "the earlier export").ok());
    Status s;
    {
      FileSizeLimit limit(kLimit);
      QVERIFY(limit.ok());
      s = OutputFile::write(path, QByteArray(4 * kLimit, 'x'));
    }
    QVERIFY(!s.ok());
    QCOMPARE(QString::fromStdString(s.error().file), path);
    QVERIFY2(QString::fromStdString(s.error().message).contains(QLatin1String("too large")),
             qPrintable(errorText(s.error())));
    QCOMPARE(snapshot(folder), (QMap<QString, QByteArray>{{path, "the earlier export"}}));
  }

  void folderSwapsWholeAndRefusesForeignFiles() {
    const QString out = m_dir.filePath(QStringLiteral("folder/out"));
    auto produce = [](const QByteArray& content) {
      return [content](const QString& staging) -> Status {
        return OutputFile::write(staging + QStringLiteral("/sub/a.txt"), content,
                                 OutputFile::Mode::InStaging);
      };
    };
    QVERIFY(OutputFolder::write(out, {QStringLiteral("*.txt")}, produce("one")).ok());
    QVERIFY(OutputFolder::write(out, {QStringLiteral("*.txt")}, produce("two")).ok());
    QCOMPARE(snapshot(m_dir.filePath(QStringLiteral("folder"))),
             (QMap<QString, QByteArray>{{out + QStringLiteral("/sub/a.txt"), "two"}}));
    // A file the export does not write: refused, and the folder is left alone.
    writeFile(out + QStringLiteral("/notes.md"), "mine");
    const Status s = OutputFolder::write(out, {QStringLiteral("*.txt")}, produce("three"));
    QVERIFY(!s.ok());
    QVERIFY2(errorText(s.error()).contains(QLatin1String("notes.md")), qPrintable(errorText(s.error())));
    QCOMPARE(readBytes(out + QStringLiteral("/notes.md")), QByteArray("mine"));
    QCOMPARE(readBytes(out + QStringLiteral("/sub/a.txt")), QByteArray("two"));
    // A failing producer leaves the old folder and no staging folder.
    QFile::remove(out + QStringLiteral("/notes.md"));
    const Status failed =
        OutputFolder::write(out, {QStringLiteral("*.txt")}, [](const QString& staging) -> Status {
          if (Status s =
                  OutputFile::write(staging + QStringLiteral("/b.txt"), "half", OutputFile::Mode::InStaging);
              !s)
            return s;
          return Error("cancelled", QString(staging + QStringLiteral("/b.txt")).toStdString());
        });
    QVERIFY(!failed.ok());
    QCOMPARE(QString::fromStdString(failed.error().file),
             QFileInfo(out).absoluteFilePath() + QStringLiteral("/b.txt"));
    QCOMPARE(snapshot(m_dir.filePath(QStringLiteral("folder"))),
             (QMap<QString, QByteArray>{{out + QStringLiteral("/sub/a.txt"), "two"}}));
  }

  void everyFormatKeepsTheEarlierExport_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    for (const char* f : {"jsonl", "conll", "pubtator", "squad", "csv"})
      QTest::newRow(f) << QString::fromLatin1(f) << QStringLiteral("out.%1").arg(QLatin1String(f));
    for (const char* f : {"brat", "lines", "text"})
      QTest::newRow(f) << QString::fromLatin1(f) << QStringLiteral("out-%1").arg(QLatin1String(f));
  }
  void everyFormatKeepsTheEarlierExport() {
    QFETCH(QString, format);
    QFETCH(QString, target);
    const Format* writer = FormatRegistry::instance().byName(format);
    QVERIFY(writer);
    const QString folder = m_dir.filePath(QStringLiteral("formats/") + format);
    const QString path = folder + QLatin1Char('/') + target;
    const Status first = writer->write(makeCorpus(3, false), path, {});
    QVERIFY2(first.ok(), qPrintable(failText(first)));
    const QMap<QString, QByteArray> before = snapshot(folder);
    QVERIFY(!before.isEmpty());

    const Corpus full = makeCorpus(600, true);
    Status s;
    {
      FileSizeLimit limit(kLimit);
      QVERIFY(limit.ok());
      s = writer->write(full, path, {});
    }
    QVERIFY2(!s.ok(), "an export past the file-size limit reported success");
    QVERIFY2(QString::fromStdString(s.error().file).startsWith(QFileInfo(path).absoluteFilePath()) ||
                 QString::fromStdString(s.error().file).startsWith(path),
             qPrintable(errorText(s.error())));
    QVERIFY2(QString::fromStdString(s.error().message).contains(QLatin1String("too large")),
             qPrintable(errorText(s.error())));
    QCOMPARE(snapshot(folder), before);  // the earlier export, byte for byte, and nothing else

    const Status again = writer->write(full, path, {});  // without the limit it fits
    QVERIFY2(again.ok(), qPrintable(failText(again)));
    QVERIFY(snapshot(folder) != before);
  }
};

QTEST_GUILESS_MAIN(TestFormatsOutput)
#include "test_formats_output.moc"
