#include "cli/ExportModelCommand.h"

#include "jobs/ModelArchive.h"
#include "store/ProjectStore.h"

namespace quarry::cli {

void ExportModelCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("output"),
                               QStringLiteral("The zip to write (replaced whole)."));
  parser.addOption({QStringLiteral("project"), QStringLiteral("The project that trained the model."),
                    QStringLiteral("project")});
  parser.addOption({QStringLiteral("run"),
                    QStringLiteral("The training run's id (quarry-cli stats lists runs)."),
                    QStringLiteral("id")});
}

QString ExportModelCommand::subject(const QCommandLineParser& parser) const {
  return parser.value(QStringLiteral("project"));
}

int ExportModelCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one output zip"));
  if (!parser.isSet(QStringLiteral("project"))) return usage(io, QStringLiteral("--project is required"));
  bool isNumber = false;
  const qint64 runId = parser.value(QStringLiteral("run")).toLongLong(&isNumber);
  if (!isNumber || runId <= 0) return usage(io, QStringLiteral("--run expects a run id (a positive number)"));

  auto store = ProjectStore::open(parser.value(QStringLiteral("project")), OpenMode::ReadOnly);
  if (!store) return fail(io, store.error());
  if (Status s = jobs::exportModelArchive(*store.value(), runId, args.front()); !s)
    return fail(io, s.error());
  io.out << "exported run " << runId << " to " << args.front() << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
