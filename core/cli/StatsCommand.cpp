#include "cli/StatsCommand.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::cli {
namespace {

// The per-type counts of one kind ("entity:DISEASE" -> {"DISEASE": n}).
QJsonObject countsOfKind(const QMap<QString, int>& counts, const QString& kind) {
  QJsonObject o;
  const QString prefix = kind + QLatin1Char(':');
  for (auto it = counts.cbegin(); it != counts.cend(); ++it)
    if (it.key().startsWith(prefix)) o[it.key().mid(prefix.size())] = it.value();
  return o;
}

void printSection(QTextStream& out, const QString& title, const QJsonObject& counts) {
  if (counts.isEmpty()) return;
  out << title << ":\n";
  int width = 0;
  for (auto it = counts.begin(); it != counts.end(); ++it) width = std::max(width, int(it.key().size()));
  for (auto it = counts.begin(); it != counts.end(); ++it)
    out << "  " << it.key().leftJustified(width) << "  " << qint64(it.value().toDouble()) << '\n';
}

}  // namespace

void StatsCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project file (*.quarry)."));
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as one JSON object.")});
}

int StatsCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one project file"));
  if (!ProjectLocation::mayExist(args[0])) return fail(io, Error("no such project", args[0].toStdString()));
  auto opened = ProjectStore::open(args[0], OpenMode::ReadOnly);
  if (!opened) return fail(io, opened.error());
  Result<ProjectStats> stats = opened.value()->stats();
  if (!stats) return fail(io, stats.error());
  const ProjectStats& s = stats.value();
  Result<ProjectInfo> info = opened.value()->info();
  if (!info) return fail(io, info.error());
  QJsonObject splits, statuses;
  for (auto it = s.perSplit.cbegin(); it != s.perSplit.cend(); ++it) splits[splitName(it.key())] = it.value();
  for (auto it = s.perStatus.cbegin(); it != s.perStatus.cend(); ++it) statuses[statusName(it.key())] = it.value();
  QJsonObject json{{QStringLiteral("project"), info->name},
                   {QStringLiteral("documents"), s.documents},
                   {QStringLiteral("splits"), splits},
                   {QStringLiteral("statuses"), statuses},
                   {QStringLiteral("entities"), countsOfKind(s.annotationCounts, QStringLiteral("entity"))},
                   {QStringLiteral("relations"), countsOfKind(s.annotationCounts, QStringLiteral("relation"))},
                   {QStringLiteral("answers"), countsOfKind(s.annotationCounts, QStringLiteral("answer"))},
                   {QStringLiteral("labels"), countsOfKind(s.annotationCounts, QStringLiteral("label"))}};
  if (parser.isSet(QStringLiteral("json"))) {
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    io.out.flush();
    return kExitOk;
  }
  io.out << "project    " << json.value(QStringLiteral("project")).toString() << '\n'
         << "documents  " << s.documents << '\n';
  printSection(io.out, QStringLiteral("splits"), json.value(QStringLiteral("splits")).toObject());
  printSection(io.out, QStringLiteral("statuses"), json.value(QStringLiteral("statuses")).toObject());
  printSection(io.out, QStringLiteral("entities"), json.value(QStringLiteral("entities")).toObject());
  printSection(io.out, QStringLiteral("relations"), json.value(QStringLiteral("relations")).toObject());
  printSection(io.out, QStringLiteral("answers"), json.value(QStringLiteral("answers")).toObject());
  printSection(io.out, QStringLiteral("labels"), json.value(QStringLiteral("labels")).toObject());
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
