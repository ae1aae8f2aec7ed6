// quarry-cli as a separate process, for what only a real process shows: an export past a file-size
// limit (quarry-cli must ignore SIGXFSZ itself and report the failed write), an export onto a full tmpfs
// (when the test runs as root and may mount one), and several processes importing into and exporting
// from one project at once.

#include <csignal>

#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "ZipTestSupport.h"

namespace {

constexpr rlim_t kLimit = 64 * 1024;  // bytes any one file may grow to in the limited child

struct Child {
  int code = -1;
  bool crashed = false;
  QString out, err;
};

// Runs quarry-cli with `args`; with `fileSizeLimit`, under that RLIMIT_FSIZE and the default SIGXFSZ
// action (which kills the process unless quarry-cli ignores the signal itself).
Child runCli(const QStringList& args, rlim_t fileSizeLimit = RLIM_INFINITY) {
  QProcess p;
  p.setProgram(QStringLiteral(QUARRY_CLI_PATH));
  p.setArguments(args);
  if (fileSizeLimit != RLIM_INFINITY)
    p.setChildProcessModifier([fileSizeLimit] {
      std::signal(SIGXFSZ, SIG_DFL);
      rlimit r{};
      getrlimit(RLIMIT_FSIZE, &r);
      r.rlim_cur = fileSizeLimit;
      setrlimit(RLIMIT_FSIZE, &r);
    });
  p.start();
  Child c;
  if (!p.waitForFinished(300000)) {
    p.kill();
    p.waitForFinished();
  }
  c.crashed = p.exitStatus() != QProcess::NormalExit;
  c.code = p.exitCode();
  c.out = QString::fromUtf8(p.readAllStandardOutput());
  c.err = QString::fromUtf8(p.readAllStandardError());
  return c;
}

QString describe(const Child& c) {
  return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
      .arg(c.code)
      .arg(c.crashed ? QStringLiteral(" (killed by a signal)") : QString(), c.out, c.err);
}

// Every file under `root` (a file or a folder), hidden ones included, with its bytes.
QMap<QString, QByteArray> snapshot(const QString& root) {
  QMap<QString, QByteArray> out;
  auto add = [&](const QString& f) {
    QFile file(f);
    out.insert(f, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>"));
  };
  if (QFileInfo(root).isFile()) {
    add(root);
    return out;
  }
  QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  while (it.hasNext()) add(it.next());
  return out;
}

// `count` documents of varied text (so that they deflate poorly), 1 in 50 in the dev split, and one
// document whose text alone passes kLimit.
QByteArray makeJsonl(int count, const QString& prefix) {
  QByteArray out;
  QRandomGenerator rng(42);
  for (int i = 0; i <= count; ++i) {
    const bool big = i == count;
    QString text = QStringLiteral("Aspirin treats headache");
    const int words = big ? 12000 : 200;
    for (int w = 0; w < words; ++w) text += QStringLiteral(" w%1").arg(rng.generate() % 100000, 0, 36);
    const QJsonObject doc{
        {QStringLiteral("text"), text},
        {QStringLiteral("spans"),
         QJsonArray{QJsonObject{{QStringLiteral("start"), 0},
                                {QStringLiteral("end"), 7},
                                {QStringLiteral("label"), QStringLiteral("DRUG")},
                                {QStringLiteral("id"), QStringLiteral("T1")},
                                {QStringLiteral("concept_id"), QStringLiteral("D1")}},
                    QJsonObject{{QStringLiteral("start"), 15},
                                {QStringLiteral("end"), 23},
                                {QStringLiteral("label"), QStringLiteral("DISEASE")},
                                {QStringLiteral("id"), QStringLiteral("T2")},
                                {QStringLiteral("concept_id"), QStringLiteral("D2")}}}},
        {QStringLiteral("relations"),
         QJsonArray{QJsonObject{{QStringLiteral("head"), QStringLiteral("T1")},
                                {QStringLiteral("child"), QStringLiteral("T2")},
                                {QStringLiteral("label"), QStringLiteral("TREATS")}}}},
        {QStringLiteral("cats"), QJsonObject{{QStringLiteral("pos"), 1.0}}},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("%1%2").arg(prefix).arg(i)},
                     {QStringLiteral("split"),
                      i % 50 == 0 && !big ? QStringLiteral("dev") : QStringLiteral("train")}}}};
    out += QJsonDocument(doc).toJson(QJsonDocument::Compact) + '\n';
  }
  return out;
}

// A 1 MiB tmpfs mounted for its lifetime; isMounted() is false where the test may not mount (not root).
class SmallTmpfs {
 public:
  explicit SmallTmpfs(const QString& where) : m_where(where) {
    QDir().mkpath(where);
    m_mounted = ::mount("tmpfs", QFile::encodeName(where).constData(), "tmpfs", 0, "size=1m") == 0;
  }
  ~SmallTmpfs() {
    if (m_mounted) ::umount2(QFile::encodeName(m_where).constData(), MNT_DETACH);
  }
  bool isMounted() const { return m_mounted; }

 private:
  QString m_where;
  bool m_mounted = false;
};

const char* const kTargets[][2] = {{"jsonl", "out.jsonl"}, {"conll", "out.conll"},
                                   {"csv", "out.csv"},     {"pubtator", "out.pubtator"},
                                   {"brat", "out-brat"},   {"archive", "out.zip"}};

}  // namespace

class TestCliProcesses : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString m_project;  // thousands of documents
  QString m_empty;    // none

  // The arguments of an export of `project` to `target` as `format` (an archive by its .zip name).
  static QStringList exportArgs(const QString& project, const QString& format, const QString& target,
                                bool devOnly) {
    QStringList args{QStringLiteral("export"), project, target};
    if (format == QLatin1String("archive")) return args;
    args << QStringLiteral("--format") << format;
    if (devOnly) args << QStringLiteral("--split") << QStringLiteral("dev");
    return args;
  }

  // A small export to `folder`/`target` first (the dev split; an archive of an empty project), then the
  // whole project under `limit` (or onto a full tmpfs): the second must exit 1 with `why` and the
  // target's name, and leave the first byte for byte with nothing beside it.
  void expectFailedExportKeepsOld(const QString& format, const QString& folder, const QString& target,
                                  rlim_t limit, const QStringList& why) {
    ensureImported();
    const QString out = folder + QLatin1Char('/') + target;
    const bool archive = format == QLatin1String("archive");
    const Child first = archive ? runCli(exportArgs(m_empty, format, out, false))
                                : runCli(exportArgs(m_project, format, out, true));
    QVERIFY2(first.code == 0, qPrintable(describe(first)));
    const QMap<QString, QByteArray> before = snapshot(folder);
    QVERIFY(!before.isEmpty());
    const Child second = runCli(exportArgs(m_project, format, out, false), limit);
    QVERIFY2(!second.crashed && second.code == 1, qPrintable(describe(second)));
    QVERIFY2(!second.out.contains(QLatin1String("exported")), qPrintable(describe(second)));
    for (const QString& w : why) QVERIFY2(second.err.contains(w), qPrintable(describe(second)));
    const QMap<QString, QByteArray> after = snapshot(folder);
    QCOMPARE(after.keys(), before.keys());
    QVERIFY2(after == before, "the earlier export changed");
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(QFileInfo(QStringLiteral(QUARRY_CLI_PATH)).isExecutable());
    m_project = m_dir.filePath(QStringLiteral("p.quarry"));
    m_empty = m_dir.filePath(QStringLiteral("empty.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), m_project}).code, 0);
    QCOMPARE(cli({QStringLiteral("init"), m_empty}).code, 0);
  }

  void exportPastFileSizeLimit_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target");
    for (const auto& t : kTargets)
      QTest::newRow(t[0]) << QString::fromLatin1(t[0]) << QString::fromLatin1(t[1]);
  }
  void exportPastFileSizeLimit() {
    QFETCH(QString, format);
    QFETCH(QString, target);
    // The archive fails already at its snapshot in $TMPDIR, in SQLite's words for EFBIG.
    const QStringList why = format == QLatin1String("archive")
                                ? QStringList()
                                : QStringList{target, QStringLiteral("File too large")};
    expectFailedExportKeepsOld(format, m_dir.filePath(QStringLiteral("limit-") + format), target, kLimit,
                               why);
  }

  void exportOntoFullTmpfs_data() { exportPastFileSizeLimit_data(); }
  void exportOntoFullTmpfs() {
    QFETCH(QString, format);
    QFETCH(QString, target);
    const QString folder = m_dir.filePath(QStringLiteral("tmpfs-") + format);
    const SmallTmpfs tmpfs(folder);
    if (!tmpfs.isMounted()) QSKIP("SKIP: mounting a tmpfs needs root");
    expectFailedExportKeepsOld(format, folder, target, RLIM_INFINITY,
                               {target, QStringLiteral("No space left on device")});
  }

  void archiveEntriesAreNotInflatedToDisk() {
    // The archive, scaled to a test: a sound project archive with 256 MiB of zeros (a few
    // hundred KiB zipped) beside the database. Under a 32 MiB file-size limit it restores and merges,
    // which it could not if the junk were inflated anywhere on disk.
    const QString source = m_dir.filePath(QStringLiteral("junk-source.quarry"));
    const QString input = m_dir.filePath(QStringLiteral("junk-source.jsonl"));
    QFile f(input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(makeJsonl(10, QStringLiteral("j")));
    f.close();
    QCOMPARE(cli({QStringLiteral("init"), source}).code, 0);
    QCOMPARE(cli({QStringLiteral("import"), source, input}).code, 0);
    const QString honest = m_dir.filePath(QStringLiteral("junk-honest.zip"));
    QCOMPARE(cli({QStringLiteral("export"), source, honest}).code, 0);
    const QByteArray db = quarry::test::readZipEntry(honest, QStringLiteral("project.quarry"));
    const QByteArray manifest = quarry::test::readZipEntry(honest, QStringLiteral("manifest.json"));
    const QByteArray zeros(256 * 1024 * 1024, '\0');
    const QString junk = m_dir.filePath(QStringLiteral("junk.zip"));
    QVERIFY(quarry::test::makeZip(junk, {{QStringLiteral("project.quarry"), db},
                                         {QStringLiteral("manifest.json"), manifest},
                                         {QStringLiteral("junk.bin"), zeros}}));
    QVERIFY(QFileInfo(junk).size() < 2 * 1024 * 1024);
    constexpr rlim_t kArchiveLimit = 32 * 1024 * 1024;
    const QString restored = m_dir.filePath(QStringLiteral("junk-restored.quarry"));
    Child c =
        runCli({QStringLiteral("init"), restored, QStringLiteral("--from-archive"), junk}, kArchiveLimit);
    QVERIFY2(c.code == 0 && !c.crashed, qPrintable(describe(c)));
    const QString merged = m_dir.filePath(QStringLiteral("junk-merged.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), merged}).code, 0);
    c = runCli({QStringLiteral("import"), merged, junk}, kArchiveLimit);
    QVERIFY2(c.code == 0 && !c.crashed, qPrintable(describe(c)));
    QVERIFY2(c.out.contains(QLatin1String("imported 11 documents")), qPrintable(describe(c)));

    // A database that is itself the bomb (its sha256 in the manifest, as a forger would write it):
    // refused from its header, before a byte is inflated.
    QJsonObject forged = QJsonDocument::fromJson(manifest).object();
    forged[QStringLiteral("database_sha256")] = quarry::test::sha256Hex(zeros);
    const QString bomb = m_dir.filePath(QStringLiteral("bomb.zip"));
    QVERIFY(quarry::test::makeZip(bomb, {{QStringLiteral("project.quarry"), zeros},
                                         {QStringLiteral("manifest.json"), QJsonDocument(forged).toJson()}}));
    c = runCli({QStringLiteral("import"), merged, bomb}, kArchiveLimit);
    QVERIFY2(c.code == 1 && !c.crashed, qPrintable(describe(c)));
    QVERIFY2(c.err.contains(QLatin1String("times its size")), qPrintable(describe(c)));
  }

  void concurrentImportsAndExports() {
    const QString project = m_dir.filePath(QStringLiteral("busy.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    constexpr int kWriters = 4, kReaders = 4;
    QVector<QProcess*> processes;
    for (int i = 0; i < kWriters + kReaders; ++i) {
      auto* p = new QProcess(this);
      p->setProgram(QStringLiteral(QUARRY_CLI_PATH));
      if (i < kWriters) {
        const QString input = m_dir.filePath(QStringLiteral("busy-%1.jsonl").arg(i));
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(makeJsonl(300, QStringLiteral("w%1-").arg(i)));
        f.close();
        p->setArguments({QStringLiteral("import"), project, input});
      } else {
        p->setArguments(
            {QStringLiteral("export"), project, m_dir.filePath(QStringLiteral("busy-out-%1.jsonl").arg(i))});
      }
      processes << p;
    }
    for (QProcess* p : processes) p->start();
    for (QProcess* p : processes) {
      QVERIFY(p->waitForFinished(300000));
      const QString err = QString::fromUtf8(p->readAllStandardError());
      QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
               qPrintable(p->arguments().join(QLatin1Char(' ')) + QStringLiteral(": ") + err));
      QVERIFY2(!err.contains(QLatin1String("locked")), qPrintable(err));
    }
    const CliRun stats = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("documents")).toInt(),
             kWriters * 301);
  }

  // Ctrl+C or SIGTERM during an import cancels it: exit 3, "import cancelled", the project as it was.
  void interruptedImportLeavesTheProjectUnchanged_data() {
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
  }
  void interruptedImportLeavesTheProjectUnchanged() {
    QFETCH(int, signal);
    const QString project = m_dir.filePath(QStringLiteral("interrupted-%1.quarry").arg(signal));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    const QString input = m_dir.filePath(QStringLiteral("interrupted.jsonl"));
    if (!QFileInfo::exists(input)) {
      QFile f(input);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(makeJsonl(20000, QStringLiteral("big")));
    }
    QProcess p;
    p.setProgram(QStringLiteral(QUARRY_CLI_PATH));
    p.setArguments({QStringLiteral("import"), project, input});
    p.setReadChannel(QProcess::StandardError);
    p.start();
    QVERIFY(p.waitForStarted());
    QByteArray err;
    while (!err.contains("reading") && p.state() == QProcess::Running) {
      p.waitForReadyRead(100);
      err += p.readAllStandardError();
    }
    QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
    QVERIFY(p.waitForFinished(120000));
    err += p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit, err.constData());
    QVERIFY2(p.exitCode() == 3 && err.contains("import cancelled; the project is unchanged"), err.constData());
    const CliRun stats = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("documents")).toInt(), 0);
  }

 private:
  void ensureImported() {
    if (QFileInfo::exists(m_dir.filePath(QStringLiteral("docs.jsonl")))) return;
    const QString input = m_dir.filePath(QStringLiteral("docs.jsonl"));
    QFile f(input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(makeJsonl(3000, QStringLiteral("doc")));
    f.close();
    const CliRun r = cli({QStringLiteral("import"), m_project, input});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCliProcesses)
#include "test_cli_processes.moc"
