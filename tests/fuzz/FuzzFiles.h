#pragma once
// What the import-format harnesses share: the formats read paths, so each input is written to files in
// one temporary folder per process (overwritten by the next input), and a Qt application object exists
// for the parts of Qt that want one (plugins: the SQLite driver).

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include "formats/Format.h"

namespace quarry::fuzz {

inline void ensureApplication() {
  static int argc = 1;
  static char name[] = "fuzz";
  static char* argv[] = {name, nullptr};
  static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
  (void)app;
}

// The folder this process writes its inputs to (emptied at exit).
inline const QTemporaryDir& scratch() {
  static const QTemporaryDir dir;
  return dir;
}

// Writes `bytes` to `name` under the scratch folder (folders made as needed) and returns its path.
inline QString writeInput(const QString& name, const QByteArray& bytes) {
  const QString path = scratch().filePath(name);
  QDir().mkpath(QFileInfo(path).path());
  QFile f(path);
  if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) f.write(bytes);
  return path;
}

// The input as bytes.
inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size) {
  return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// The input cut at the ASCII record separator (0x1E) into exactly `parts` pieces (missing ones empty),
// so one input can stand for several files (brat .txt and .ann, text and label files).
inline QList<QByteArray> splitInput(const QByteArray& input, int parts) {
  QList<QByteArray> out;
  qsizetype from = 0;
  for (int i = 0; i < parts - 1; ++i) {
    const qsizetype at = input.indexOf('\x1e', from);
    if (at < 0) {
      out << input.mid(from);
      from = input.size();
      continue;
    }
    out << input.mid(from, at - from);
    from = at + 1;
  }
  out << input.mid(from);
  while (out.size() < parts) out << QByteArray();
  return out;
}

// Whether `s` holds half of a UTF-16 pair alone: text that no UTF-8 file or JSON string may become.
inline bool hasLoneSurrogate(const QString& s) {
  for (qsizetype i = 0; i < s.size(); ++i) {
    if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
      ++i;
      continue;
    }
    if (s[i].isSurrogate()) return true;
  }
  return false;
}

// What every corpus an import returns must satisfy, whatever the input: text without lone surrogates,
// entity and answer offsets inside the text, relations between entities that exist.
inline void checkCorpus(const Corpus& c) {
  for (const Document& d : c.documents) {
    if (hasLoneSurrogate(d.text) || hasLoneSurrogate(d.name)) abort();
    const int length = d.codePointLength();
    for (const EntitySpan& e : d.entities) {
      if (e.fragments.isEmpty()) abort();
      for (const Fragment& f : e.fragments)
        if (f.start < 0 || f.end <= f.start || f.end > length) abort();
    }
    for (const Relation& r : d.relations)
      if (!d.entity(r.head) || !d.entity(r.tail)) abort();
    for (const QaAnswer& a : d.answers)
      if (!a.noAnswer && (a.start < 0 || a.end < a.start || a.end > length)) abort();
  }
}

// Reads `path` with `format` under both policies; a Corpus read under Reject must read the same under
// Repair without a repair (the policies differ only where there are problems). Anything else is a bug
// the harness reports by aborting.
inline void readBothWays(const Format& format, const QString& path, const ImportOptions& base = {}) {
  ImportOptions reject = base;
  reject.policy = ProblemPolicy::Reject;
  ImportReport rejectReport;
  Result<Corpus> strict = format.read(path, reject, rejectReport);
  ImportOptions repair = base;
  repair.policy = ProblemPolicy::Repair;
  ImportReport repairReport;
  Result<Corpus> lenient = format.read(path, repair, repairReport);
  if (strict.ok() && !lenient.ok()) abort();                    // repairing can only accept more
  if (!strict.ok() && strict.error().message.empty()) abort();  // every refusal says why
  if (strict.ok()) checkCorpus(*strict);
  if (lenient.ok()) checkCorpus(*lenient);
}

}  // namespace quarry::fuzz
