#pragma once
// Zips made and read the way an attacker (or a careful forger) would, with QuaZip itself: for the
// archive tests.

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <QVector>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace quarry::test {

struct ZipEntry {
  QString name;
  QByteArray data;
  quint32 unixMode = 0100644;  // regular file; 0120777 = symbolic link
};

// Writes `entries` in order (names as given, duplicates included) into a new zip at `path`.
inline bool makeZip(const QString& path, const QVector<ZipEntry>& entries) {
  QuaZip zip(path);
  if (!zip.open(QuaZip::mdCreate)) return false;
  for (const ZipEntry& e : entries) {
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

// The inflated bytes of entry `name`, empty when there is none.
inline QByteArray readZipEntry(const QString& path, const QString& name) {
  QuaZip zip(path);
  if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name)) return {};
  QuaZipFile f(&zip);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString sha256Hex(const QByteArray& bytes) {
  return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

}  // namespace quarry::test
