#include "cli/InitCommand.h"

#include <QFileInfo>

#include "project/ArchiveTransfer.h"
#include "corpus/SchemaJson.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

namespace quarry::cli {

void InitCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project to create: a file (*.quarry), or an empty PostgreSQL database "
                                                                  "(postgresql://user@host:port/database)."));
  parser.addOption({QStringLiteral("name"), QStringLiteral("Project name (default: the file name)."), QStringLiteral("name")});
  parser.addOption({QStringLiteral("schema"), QStringLiteral("A schema JSON file (entity, relation, QA and category types with guidelines)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("from-archive"), QStringLiteral("Restore the project from a project archive (.zip)."),
                    QStringLiteral("zip")});
}

int InitCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one project file"));
  const QString path = args.front();
  if (parser.isSet(QStringLiteral("from-archive"))) {
    if (Status s = restoreProjectArchive(parser.value(QStringLiteral("from-archive")), path); !s) return fail(io, s.error());
    io.out << "restored " << path << Qt::endl;
    return kExitOk;
  }
  Schema schema;
  if (parser.isSet(QStringLiteral("schema"))) {
    Result<Schema> read = readSchemaFile(parser.value(QStringLiteral("schema")));
    if (!read) return fail(io, read.error());
    schema = read.value();
  }
  Result<ProjectLocation> location = ProjectLocation::parse(path);
  if (!location) return fail(io, location.error());
  const QString projectName =
      parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : location->shortName();
  auto store = ProjectStore::create(path, projectName);
  if (!store) return fail(io, store.error());
  if (!schema.isEmpty())
    if (Status s = store.value()->setSchema(schema); !s) return fail(io, s.error());
  io.out << "created " << location->display() << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
