#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include "ZipTestSupport.h"
#include "formats/ProjectArchive.h"
#include "test_formats_util.h"

using namespace quarry;

namespace {

using Entry = quarry::test::ZipEntry;
using quarry::test::makeZip;

// Copies the compressed bytes of `name` from `honest` into a new zip whose header claims `fakeSize`:
// a zip bomb that lies about its size.
bool makeLyingZip(const QString& honest, const QString& path, const QString& name, ulong fakeSize,
                  const QVector<Entry>& others) {
  QuaZip in(honest);
  if (!in.open(QuaZip::mdUnzip) || !in.setCurrentFile(name)) return false;
  QuaZipFileInfo64 info;
  in.getCurrentFileInfo(&info);
  QuaZipFile raw(&in);
  int method = 0, level = 0;
  if (!raw.open(QIODevice::ReadOnly, &method, &level, true)) return false;
  const QByteArray compressed = raw.readAll();
  raw.close();
  QuaZip out(path);
  if (!out.open(QuaZip::mdCreate)) return false;
  for (const Entry& e : others) {
    QuaZipFile f(&out);
    if (!f.open(QIODevice::WriteOnly, QuaZipNewInfo(e.name))) return false;
    f.write(e.data);
    f.close();
  }
  QuaZipNewInfo lie(name);
  lie.uncompressedSize = fakeSize;
  QuaZipFile f(&out);
  if (!f.open(QIODevice::WriteOnly, lie, nullptr, info.crc, method, level, true)) return false;
  f.write(compressed);
  f.close();
  out.close();
  return out.getZipError() == 0;
}

QByteArray manifestFor(const QByteArray& db, const QJsonObject& extra = {}) {
  QJsonObject m = extra;
  m.insert(QStringLiteral("format_version"), 1);
  m.insert(QStringLiteral("database_sha256"), quarry::test::sha256Hex(db));
  return QJsonDocument(m).toJson();
}

}  // namespace

class TestFormatsArchive : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QByteArray m_db;
  QString path(const QString& name) const { return m_dir.filePath(name); }

  static bool isEmptyOrMissing(const QString& folder) {
    return !QFileInfo::exists(folder) ||
           QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty();
  }

  void expectRefused(const QString& zip, const QString& entry, const QString& why,
                     const ArchiveLimits& limits = {}) {
    const QString target = path(QStringLiteral("out-") + QFileInfo(zip).completeBaseName());
    Result<QString> r = ProjectArchive::extract(zip, target, limits);
    QVERIFY2(!r.ok(), qPrintable(zip));
    QCOMPARE(QString::fromStdString(r.error().field), entry);
    QVERIFY2(QString::fromStdString(r.error().message).contains(why), r.error().toString().c_str());
    QVERIFY2(isEmptyOrMissing(target), qPrintable(target));
  }

 private Q_SLOTS:
  void initTestCase() {
    m_db.resize(300 * 1024);
    for (char& c : m_db) c = char(QRandomGenerator::global()->bounded(8));  // compressible but not trivial
    quarry::test::writeText(path(QStringLiteral("demo.quarry")), QString());
    QFile f(path(QStringLiteral("demo.quarry")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_db);
  }

  void writeThenExtract() {
    const QString zip = path(QStringLiteral("demo.zip"));
    QVERIFY(
        ProjectArchive::write(path(QStringLiteral("demo.quarry")), {{QStringLiteral("documents"), 3}}, zip)
            .ok());
    QVERIFY(!QFileInfo::exists(zip + QStringLiteral(".part")));
    Result<QJsonObject> manifest = ProjectArchive::readManifest(zip);
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->value(QStringLiteral("project_name")).toString(), QStringLiteral("demo"));
    QCOMPARE(manifest->value(QStringLiteral("documents")).toInt(), 3);
    QCOMPARE(manifest->value(QStringLiteral("format_version")).toInt(), ProjectArchive::kFormatVersion);
    QCOMPARE(manifest->value(QStringLiteral("quarry_version")).toString(), QStringLiteral(QUARRY_VERSION));
    QCOMPARE(manifest->value(QStringLiteral("database_sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(m_db, QCryptographicHash::Sha256).toHex()));
    Result<QString> db = ProjectArchive::extract(zip, path(QStringLiteral("restored")));
    QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
    QFile f(*db);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_db);
    QCOMPARE(QDir(path(QStringLiteral("restored")))
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)
                 .size(),
             2);
    // Extracting again over the same files is refused, and leaves them alone.
    QVERIFY(!ProjectArchive::extract(zip, path(QStringLiteral("restored"))).ok());
    QVERIFY(QFileInfo(*db).size() == m_db.size());
    // Writing over an existing archive replaces it.
    QVERIFY(ProjectArchive::write(path(QStringLiteral("demo.quarry")),
                                  {{QStringLiteral("project_name"), QStringLiteral("Other")}}, zip)
                .ok());
    QCOMPARE(ProjectArchive::readManifest(zip)->value(QStringLiteral("project_name")).toString(),
             QStringLiteral("Other"));
  }

  void writeFailureLeavesNothing() {
    const QString zip = path(QStringLiteral("file-in-the-way/demo.zip"));
    quarry::test::writeText(path(QStringLiteral("file-in-the-way")), QStringLiteral("a file, not a folder"));
    QVERIFY(!ProjectArchive::write(path(QStringLiteral("demo.quarry")), {}, zip).ok());
    QVERIFY(!QFileInfo::exists(zip));
    QVERIFY(!ProjectArchive::write(path(QStringLiteral("missing.quarry")), {}, path(QStringLiteral("x.zip")))
                 .ok());
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.zip"))));
    QCOMPARE(
        QDir(m_dir.path())
            .entryList({QStringLiteral("*.zip*"), QStringLiteral(".*.zip*")}, QDir::Files | QDir::Hidden),
        QDir(m_dir.path()).entryList({QStringLiteral("*.zip")}, QDir::Files));  // no temporary files
  }

  void refusesEscapingNames_data() {
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("why");
    QTest::newRow("parent") << QStringLiteral("../evil.txt") << QStringLiteral("escapes");
    QTest::newRow("nested parent") << QStringLiteral("a/../../evil.txt") << QStringLiteral("escapes");
    QTest::newRow("backslash parent") << QStringLiteral("..\\evil.txt") << QStringLiteral("escapes");
    QTest::newRow("absolute") << QStringLiteral("/tmp/evil.txt") << QStringLiteral("absolute");
    QTest::newRow("drive") << QStringLiteral("C:/evil.txt") << QStringLiteral("drive");
  }
  void refusesEscapingNames() {
    QFETCH(QString, entry);
    QFETCH(QString, why);
    const QString zip = path(
        QStringLiteral("evil-%1.zip")
            .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    QVERIFY(makeZip(zip, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                          {ProjectArchive::databaseEntry(), m_db},
                          {entry, "owned"}}));
    expectRefused(zip, entry, why);
  }

  void refusesSymlinks() {
    const QString zip = path(QStringLiteral("symlink.zip"));
    QVERIFY(makeZip(zip, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                          {QStringLiteral("link"), "/etc/passwd", 0120777},
                          {ProjectArchive::databaseEntry(), m_db}}));
    expectRefused(zip, QStringLiteral("link"), QStringLiteral("symbolic link"));
  }

  void refusesDeclaredOversize() {
    const QString zip = path(QStringLiteral("big.zip"));
    QVERIFY(makeZip(zip, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                          {ProjectArchive::databaseEntry(), m_db},
                          {QStringLiteral("zeros.bin"), QByteArray(4 * 1024 * 1024, '\0')}}));
    ArchiveLimits limits;
    limits.maxEntryBytes = 1024 * 1024;
    expectRefused(zip, QStringLiteral("zeros.bin"), QStringLiteral("declares"), limits);
  }

  void stopsAZipBombThatLies() {
    const QString honest = path(QStringLiteral("honest.zip"));
    const QByteArray zeros(64 * 1024 * 1024, '\0');
    QVERIFY(makeZip(honest, {{ProjectArchive::databaseEntry(), zeros}}));
    QVERIFY(QFileInfo(honest).size() < 200 * 1024);
    const QString zip = path(QStringLiteral("bomb.zip"));
    QVERIFY(makeLyingZip(honest, zip, ProjectArchive::databaseEntry(), 100,
                         {{ProjectArchive::manifestEntry(), manifestFor(zeros)}}));
    // minizip stops at the declared size and then fails the CRC; the byte counter is the second guard.
    expectRefused(zip, ProjectArchive::databaseEntry(), QStringLiteral("refused"));
  }

  void refusesADisproportionateDatabase() {
    // The bomb, scaled down: an honest header, 64 MiB of zeros in a zip of about 64 KiB. Refused
    // from the header, before a byte is inflated: more than 100 times the archive's size.
    const QByteArray zeros(64 * 1024 * 1024, '\0');
    const QString zip = path(QStringLiteral("ratio.zip"));
    QVERIFY(makeZip(zip, {{ProjectArchive::manifestEntry(), manifestFor(zeros)},
                          {ProjectArchive::databaseEntry(), zeros}}));
    QVERIFY(QFileInfo(zip).size() < 1024 * 1024);
    expectRefused(zip, ProjectArchive::databaseEntry(), QStringLiteral("100 times its size"));
    // The allowance lets a small project through whatever it deflates to.
    ArchiveLimits generous;
    generous.ratioAllowance = qint64(128) << 20;
    QVERIFY(ProjectArchive::extract(zip, path(QStringLiteral("ratio-ok")), generous).ok());
  }

  void refusesWhatTheDiskCannotHold() {
    const QString zip = path(QStringLiteral("disk.zip"));
    QVERIFY(makeZip(zip, {{ProjectArchive::databaseEntry(), m_db},
                          {ProjectArchive::manifestEntry(), manifestFor(m_db)}}));
    ArchiveLimits limits;
    limits.keepFree = qint64(1) << 60;  // more than any disk has free
    expectRefused(zip, ProjectArchive::databaseEntry(), QStringLiteral("free"), limits);
  }

  void extractsOnlyWhatTheManifestNames() {
    const QString honest = path(QStringLiteral("honest-extra.zip"));
    QVERIFY(makeZip(honest, {{QStringLiteral("bomb.bin"), QByteArray(64 * 1024 * 1024, '\0')}}));
    const QString zip = path(QStringLiteral("extra.zip"));
    QVERIFY(makeLyingZip(honest, zip, QStringLiteral("bomb.bin"), 100,
                         {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                          {ProjectArchive::databaseEntry(), m_db},
                          {QStringLiteral("notes/readme.txt"), "not part of a project"}}));
    const QString target = path(QStringLiteral("extra-out"));
    QJsonObject manifest;
    Result<QString> db = ProjectArchive::extract(zip, target, {}, &manifest);
    QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
    QCOMPARE(manifest.value(QStringLiteral("format_version")).toInt(), 1);
    QStringList found;
    QDirIterator it(target, QDir::Files | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) found << QDir(target).relativeFilePath(it.next());
    found.sort();
    QCOMPARE(found, (QStringList{ProjectArchive::manifestEntry(), ProjectArchive::databaseEntry()}));
  }

  void refusesManifestTricks() {
    const QString twice = path(QStringLiteral("twice.zip"));
    QVERIFY(makeZip(twice, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                            {ProjectArchive::databaseEntry(), m_db},
                            {ProjectArchive::databaseEntry(), "a second database"}}));
    expectRefused(twice, ProjectArchive::databaseEntry(), QStringLiteral("two entries"));
    const QString other = path(QStringLiteral("other.zip"));
    QVERIFY(makeZip(
        other, {{ProjectArchive::manifestEntry(),
                 manifestFor(m_db, {{QStringLiteral("database_file"), QStringLiteral("../other.quarry")}})},
                {ProjectArchive::databaseEntry(), m_db}}));
    expectRefused(other, QStringLiteral("manifest.json: database_file"),
                  QStringLiteral("names the database"));
    const QString surrogate = path(QStringLiteral("surrogate.zip"));
    QByteArray manifest = manifestFor(m_db);
    manifest.replace("{", "{\"project_name\": \"ab\\ud83dcd\",");
    QVERIFY(makeZip(surrogate,
                    {{ProjectArchive::manifestEntry(), manifest}, {ProjectArchive::databaseEntry(), m_db}}));
    expectRefused(surrogate, ProjectArchive::manifestEntry(), QStringLiteral("lone surrogate"));
  }

  void refusesCorruptData() {
    const QString good = path(QStringLiteral("crc-good.zip"));
    QVERIFY(makeZip(good, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                           {ProjectArchive::databaseEntry(), m_db}}));
    QFile f(good);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    const qsizetype at = bytes.size() / 2;  // inside the database's compressed data
    bytes[at] = char(bytes[at] ^ 0x55);
    const QString zip = path(QStringLiteral("crc.zip"));
    QFile out(zip);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    expectRefused(zip, ProjectArchive::databaseEntry(), QStringLiteral("corrupt"));
  }

  void refusesShaMismatch() {
    const QString zip = path(QStringLiteral("tampered.zip"));
    QByteArray tampered = m_db;
    tampered[10] = char(tampered[10] ^ 1);
    QVERIFY(makeZip(zip, {{ProjectArchive::manifestEntry(), manifestFor(m_db)},
                          {ProjectArchive::databaseEntry(), tampered}}));
    expectRefused(zip, ProjectArchive::databaseEntry(), QStringLiteral("sha256"));
  }

  void refusesNonArchives() {
    const QString zip = path(QStringLiteral("nomanifest.zip"));
    QVERIFY(makeZip(zip, {{ProjectArchive::databaseEntry(), m_db}}));
    expectRefused(zip, ProjectArchive::manifestEntry(), QStringLiteral("no manifest"));
    quarry::test::writeText(path(QStringLiteral("notzip.zip")), QStringLiteral("hello"));
    QVERIFY(!ProjectArchive::extract(path(QStringLiteral("notzip.zip")), path(QStringLiteral("out-notzip")))
                 .ok());
    QVERIFY(isEmptyOrMissing(path(QStringLiteral("out-notzip"))));
  }
};

QTEST_GUILESS_MAIN(TestFormatsArchive)
#include "test_formats_archive.moc"
