#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include "formats/ProjectArchive.h"
#include "test_formats_util.h"

using namespace quarry;

namespace {

struct Entry {
  QString name;
  QByteArray data;
  quint32 unixMode = 0100644;  // regular file; 0120777 = symbolic link
};

// Builds a zip the way an attacker would, with QuaZip itself.
bool makeZip(const QString& path, const QVector<Entry>& entries) {
  QuaZip zip(path);
  if (!zip.open(QuaZip::mdCreate)) return false;
  for (const Entry& e : entries) {
    QuaZipFile f(&zip);
    QuaZipNewInfo info(e.name);
    info.externalAttr = e.unixMode << 16;
    if (!f.open(QIODevice::WriteOnly, info)) return false;
    f.write(e.data);
    f.close();
  }
  zip.close();
  return zip.getZipError() == 0;
}

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

QByteArray manifestFor(const QByteArray& db) {
  return QJsonDocument(QJsonObject{{QStringLiteral("format_version"), 1},
                                   {QStringLiteral("database_sha256"),
                                    QString::fromLatin1(
                                        QCryptographicHash::hash(db, QCryptographicHash::Sha256).toHex())}})
      .toJson();
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
    const QString zip = path(QStringLiteral("no-such-folder/demo.zip"));
    QVERIFY(!ProjectArchive::write(path(QStringLiteral("demo.quarry")), {}, zip).ok());
    QVERIFY(!QFileInfo::exists(zip));
    QVERIFY(!QFileInfo::exists(zip + QStringLiteral(".part")));
    QVERIFY(!ProjectArchive::write(path(QStringLiteral("missing.quarry")), {}, path(QStringLiteral("x.zip")))
                 .ok());
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.zip"))));
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
    QVERIFY(makeZip(honest, {{QStringLiteral("bomb.bin"), QByteArray(64 * 1024 * 1024, '\0')}}));
    QVERIFY(QFileInfo(honest).size() < 200 * 1024);
    const QString zip = path(QStringLiteral("bomb.zip"));
    QVERIFY(makeLyingZip(
        honest, zip, QStringLiteral("bomb.bin"), 100,
        {{ProjectArchive::manifestEntry(), manifestFor(m_db)}, {ProjectArchive::databaseEntry(), m_db}}));
    // minizip stops at the declared size and then fails the CRC; the byte counter is the second guard.
    expectRefused(zip, QStringLiteral("bomb.bin"), QStringLiteral("refused"));
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
