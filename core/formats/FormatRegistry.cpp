#include "formats/FormatRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "formats/BratFormat.h"
#include "formats/ConllFormat.h"
#include "formats/CsvFormat.h"
#include "formats/JsonlFormat.h"
#include "formats/ParallelLinesFormat.h"
#include "formats/PlainTextFormat.h"
#include "formats/PubTatorFormat.h"
#include "formats/SemEvalFormat.h"
#include "formats/SquadFormat.h"

namespace quarry {

FormatRegistry::FormatRegistry() {
  m_formats.push_back(std::make_unique<JsonlFormat>());
  m_formats.push_back(std::make_unique<ConllFormat>());
  m_formats.push_back(std::make_unique<BratFormat>());
  m_formats.push_back(std::make_unique<PubTatorFormat>());
  m_formats.push_back(std::make_unique<SquadFormat>());
  m_formats.push_back(std::make_unique<SemEvalFormat>());
  m_formats.push_back(std::make_unique<CsvFormat>());
  m_formats.push_back(std::make_unique<ParallelLinesFormat>());
  m_formats.push_back(std::make_unique<PlainTextFormat>());
}

const FormatRegistry& FormatRegistry::instance() {
  static const FormatRegistry registry;
  return registry;
}

const Format* FormatRegistry::byName(const QString& name) const {
  for (const auto& f : m_formats)
    if (f->name().compare(name, Qt::CaseInsensitive) == 0) return f.get();
  return nullptr;
}

QStringList FormatRegistry::names() const {
  QStringList out;
  for (const auto& f : m_formats) out << f->name();
  return out;
}

const Format* FormatRegistry::guess(const QString& path) const {
  const QFileInfo info(path);
  if (info.isDir()) {
    const QDir dir(path);
    // brat: .ann files; parallel lines: sentences/+tags/ or text/+labels/; else plain text files.
    if (!dir.entryList({QStringLiteral("*.ann")}, QDir::Files).isEmpty()) return byName(QStringLiteral("brat"));
    if ((dir.exists(QStringLiteral("sentences")) && dir.exists(QStringLiteral("tags"))) ||
        (dir.exists(QStringLiteral("text")) && dir.exists(QStringLiteral("labels"))))
      return byName(QStringLiteral("lines"));
    return byName(QStringLiteral("text"));
  }
  // A path that does not exist yet (export) is judged by its extension alone; a folder-like
  // target ("out/") by the trailing separator.
  QString suffix = info.suffix().toLower();
  if (path.endsWith(QLatin1String(".schema.json"))) suffix.clear();
  if (suffix.isEmpty()) return nullptr;
  // SemEval-2010 Task 8 files are .TXT like plain text: told apart by their first line.
  if (suffix == QLatin1String("txt") && info.isFile()) {
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && SemEvalFormat::sniff(QString::fromUtf8(file.readLine(4096))))
      return byName(QStringLiteral("semeval"));
  }
  for (const auto& f : m_formats)
    if (f->extensions().contains(suffix)) return f.get();
  return nullptr;
}

}  // namespace quarry
