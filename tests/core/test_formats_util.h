#pragma once
// Small helpers shared by the format tests: files from strings, line sets, the shared datasets.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QString>
#include <QStringList>

#include "SharedData.h"

namespace quarry::test {

inline void writeText(const QString& path, const QString& text) {
  QDir().mkpath(QFileInfo(path).path());
  QFile f(path);
  if (f.open(QIODevice::WriteOnly)) f.write(text.toUtf8());
}

inline QString readText(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The non-empty lines of a file, as a multiset-free set (order and blank lines ignored).
inline QSet<QString> lineSet(const QString& path) {
  QSet<QString> out;
  for (QString l : readText(path).split(QLatin1Char('\n'))) {
    if (l.endsWith(QLatin1Char('\r'))) l.chop(1);
    if (!l.isEmpty()) out.insert(l);
  }
  return out;
}

// The first difference between two line sets, for a readable failure.
inline QString lineSetDifference(const QSet<QString>& a, const QSet<QString>& b) {
  for (const QString& l : a)
    if (!b.contains(l)) return QStringLiteral("only in first: ") + l;
  for (const QString& l : b)
    if (!a.contains(l)) return QStringLiteral("only in second: ") + l;
  return {};
}

inline QString dataset(const char* rel) { return QString::fromStdString((datasetsDir() / rel).string()); }

}  // namespace quarry::test
