#include "cli/ImportModelCommand.h"

#include "jobs/ModelArchive.h"

namespace quarry::cli {

void ImportModelCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("archive"), QStringLiteral("The model archive (a zip)."));
  parser.addPositionalArgument(
      QStringLiteral("folder"),
      QStringLiteral(
          "Where to unpack it (created when missing); the model lands in its archive's top folder."));
}

int ImportModelCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 2) return usage(io, QStringLiteral("expects an archive and a folder"));
  Result<QString> folder = jobs::importModelArchive(args[0], args[1]);
  if (!folder) return fail(io, folder.error());
  io.out << folder.value() << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
