#include "ImportPreview.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include "formats/CorpusValidator.h"
#include "formats/FormatRegistry.h"
#include "project/ArchiveTransfer.h"

namespace quarry::ui {
namespace {

ImportProblem fromError(const Error& e) {
  ImportProblem p;
  p.file = QString::fromStdString(e.file);
  p.line = e.line;
  p.message = e.field.empty() ? QString::fromStdString(e.message)
                              : QString::fromStdString(e.field) + QStringLiteral(": ") +
                                    QString::fromStdString(e.message);
  p.blocking = true;
  return p;
}

template <typename T>
void collectNew(QVector<NewType>& out, const QString& kind, const QVector<T>& types,
                const T* (Schema::*lookup)(const QString&) const, const Schema& project) {
  for (const T& t : types)
    if (!(project.*lookup)(t.name)) out.push_back({kind, t.name});
}

}  // namespace

Result<QString> ImportPreview::resolveFormat(const QString& path, const QString& formatName) {
  if (formatName == QLatin1String(kArchiveFormat)) return formatName;
  if (!formatName.isEmpty()) {
    if (!FormatRegistry::instance().byName(formatName))
      return Error("unknown format '" + formatName.toStdString() + "'");
    return formatName;
  }
  if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) return QString::fromLatin1(kArchiveFormat);
  const Format* guessed = FormatRegistry::instance().guess(path);
  if (!guessed || !guessed->canRead())
    return Error("cannot tell the format of this file; choose one", path.toStdString());
  return guessed->name();
}

ImportProblem ImportPreview::parseWarning(const QString& warning) {
  static const QRegularExpression withLine(QStringLiteral("^(.+?):(\\d+): (.*)$"),
                                           QRegularExpression::DotMatchesEverythingOption);
  static const QRegularExpression withFile(QStringLiteral("^(.+?): (.*)$"),
                                           QRegularExpression::DotMatchesEverythingOption);
  ImportProblem p;
  if (const QRegularExpressionMatch m = withLine.match(warning); m.hasMatch()) {
    p.file = m.captured(1);
    p.line = m.captured(2).toLong();
    p.message = m.captured(3);
  } else if (const QRegularExpressionMatch f = withFile.match(warning);
             f.hasMatch() && QFileInfo::exists(f.captured(1))) {
    p.file = f.captured(1);
    p.message = f.captured(2);
  } else {
    p.message = warning;
  }
  return p;
}

Result<Corpus> ImportPreview::readAll(const QStringList& paths, const QString& formatName,
                                      const ImportOptions& options, ImportReport& report) {
  Corpus all;
  m_formats.clear();
  QSet<QString> names;
  for (const QString& path : paths) {
    if (!QFileInfo::exists(path)) return Error("no such file or folder", path.toStdString());
    Result<QString> format = resolveFormat(path, formatName);
    if (!format) return format.error();
    if (!m_formats.contains(format.value())) m_formats << format.value();
    Result<Corpus> corpus = Error("unread");
    if (format.value() == QLatin1String(kArchiveFormat)) {
      corpus = readProjectArchive(path);
      if (corpus) {
        if (Status s = validateCorpus(corpus.value(), options, report, path); !s) return s.error();
      }
    } else {
      corpus = FormatRegistry::instance().byName(format.value())->read(path, options, report);
    }
    if (!corpus) return corpus.error();
    all.schema.mergeFrom(corpus->schema);
    for (Document& d : corpus->documents) {
      // Two files may both give "train-1": the store wants names unique within the project.
      if (names.contains(d.name))
        return Error("document name '" + d.name.toStdString() + "' occurs in two of the chosen files",
                     path.toStdString());
      names.insert(d.name);
      all.documents.push_back(std::move(d));
    }
  }
  return all;
}

bool ImportPreview::read(const QStringList& paths, const QString& formatName, const ImportOptions& options) {
  m_ok = false;
  m_corpus = Corpus{};
  m_problems.clear();
  m_newTypes.clear();
  if (paths.isEmpty()) {
    m_problems.push_back({QString(), 0, QStringLiteral("choose a file or folder to import"), true});
    return true;
  }
  // The formats word a cancelled read differently; the callback itself knows.
  bool cancelled = false;
  ImportOptions watched = options;
  watched.progress = [&](std::int64_t done, std::int64_t total) {
    if (options.progress && !options.progress(done, total)) cancelled = true;
    return !cancelled;
  };
  ImportReport report;
  Result<Corpus> corpus = readAll(paths, formatName, watched, report);
  if (cancelled) return false;
  if (corpus) {
    for (const QString& w : report.warnings) m_problems.push_back(parseWarning(w));
    m_corpus = std::move(corpus.value());
    m_ok = true;
  } else if (options.policy == ProblemPolicy::Reject) {
    // The first problem stops a Reject import; a Repair read lists all of them for the preview.
    ImportOptions repair = watched;
    repair.policy = ProblemPolicy::Repair;
    ImportReport all;
    Result<Corpus> repaired = readAll(paths, formatName, repair, all);
    if (cancelled) return false;
    const ImportProblem first = fromError(corpus.error());
    bool firstListed = false;
    for (const QString& w : all.warnings) {
      ImportProblem p = parseWarning(w);
      if (!firstListed && p.file == first.file && p.line == first.line) {
        p.blocking = true;
        firstListed = true;
      }
      m_problems.push_back(p);
    }
    if (!repaired)
      m_problems.push_back(fromError(repaired.error()));
    else if (!firstListed)
      m_problems.prepend(first);
  } else {
    m_problems.push_back(fromError(corpus.error()));
  }
  if (m_ok) {
    const Schema& s = m_corpus.schema;
    collectNew(m_newTypes, QStringLiteral("entity"), s.entityTypes, &Schema::entityType, options.schema);
    collectNew(m_newTypes, QStringLiteral("relation"), s.relationTypes, &Schema::relationType,
               options.schema);
    collectNew(m_newTypes, QStringLiteral("answer"), s.qaFields, &Schema::qaField, options.schema);
    collectNew(m_newTypes, QStringLiteral("label"), s.categories, &Schema::category, options.schema);
  }
  return true;
}

}  // namespace quarry::ui
