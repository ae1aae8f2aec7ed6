#include "cli/MigrateCommand.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

namespace quarry::cli {

void MigrateCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("from"),
                               QStringLiteral("The project to copy: a file (*.quarry) or a postgresql:// URL."));
  parser.addPositionalArgument(
      QStringLiteral("to"),
      QStringLiteral("Where the copy goes: a new file, or an empty PostgreSQL database "
                     "(postgresql://user@host:port/database; ?host=/socket/folder for a local server)."));
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the outcome as one JSON object.")});
}

int MigrateCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 2) return usage(io, QStringLiteral("expects the project to copy and where the copy goes"));
  const QString from = args[0], to = args[1];
  for (const QString& location : args)
    if (Result<ProjectLocation> l = ProjectLocation::parse(location); !l) return fail(io, l.error());
  if (!ProjectLocation::mayExist(from)) return fail(io, Error("no such project", from.toStdString()));
  // Read-write, so that an older project is brought up to this Quarry's schema first, as any command does.
  auto source = ProjectStore::open(from);
  if (!source) return fail(io, source.error());
  Result<qint64> rows = source.value()->copyTo(to);
  if (!rows) return fail(io, rows.error());
  auto copy = ProjectStore::open(to, OpenMode::ReadOnly);
  if (!copy) return fail(io, copy.error());
  Result<QString> difference = source.value()->firstDifferenceFrom(*copy.value());
  if (!difference) return fail(io, difference.error());
  if (!difference->isEmpty())
    return fail(io, Error("the copy differs from the project: " + difference->toStdString(),
                          copy.value()->displayPath().toStdString()));
  Result<ProjectStats> stats = copy.value()->stats();
  if (!stats) return fail(io, stats.error());
  if (parser.isSet(QStringLiteral("json"))) {
    const QJsonObject json{{QStringLiteral("from"), source.value()->displayPath()},
                           {QStringLiteral("to"), copy.value()->displayPath()},
                           {QStringLiteral("rows"), *rows},
                           {QStringLiteral("documents"), stats->documents},
                           {QStringLiteral("verified"), true}};
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
  } else {
    io.out << "copied " << source.value()->displayPath() << " to " << copy.value()->displayPath() << ": " << *rows
           << " rows, " << stats->documents << " documents\n"
           << "checked: the two hold the same rows, keys included\n";
  }
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
