#pragma once
// Helpers shared by the format tests: tiny files on disk, byte comparison, the shared corpora.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include "SharedData.h"
#include "formats/Format.h"

namespace quarry::test {

inline QString writeFile(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
  f.write(bytes);
  return path;
}

inline QByteArray readBytes(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return f.readAll();
}

// The shared dataset folder `name`, or empty when it is absent.
inline QString datasetDir(const QString& name) {
  const QString dir = QString::fromStdString((datasetsDir() / name.toStdString()).string());
  return QFileInfo(dir).isDir() ? dir : QString();
}

inline QString errorText(const Error& e) { return QString::fromStdString(e.toString()); }
// The error of a result, or "" when it succeeded (QVERIFY2 evaluates its message either way).
template <typename R>
QString failText(const R& r) {
  return r.ok() ? QString() : errorText(r.error());
}

}  // namespace quarry::test

// Skips the current test with a clear line when a shared dataset is absent.
#define QUARRY_REQUIRE_DATASET(var, name)                             \
  const QString var = quarry::test::datasetDir(QStringLiteral(name)); \
  if (var.isEmpty()) QSKIP("SKIP: shared dataset " name " not found (set QUARRY_SHARED_DIR)")
