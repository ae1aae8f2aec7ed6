#include "cli/ExportCommand.h"

#include <QFileInfo>

#include "cli/FormatOptions.h"
#include "cli/ProgressReporter.h"
#include "project/ProjectExport.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::cli {

void ExportCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project file (*.quarry)."));
  parser.addPositionalArgument(QStringLiteral("output"),
                               QStringLiteral("The file or folder to write (a .zip path writes a project archive)."));
  addExportOptions(parser);
}

int ExportCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 2) return usage(io, QStringLiteral("expects a project file and an output path"));
  const QString projectPath = args[0], output = args[1];
  if (!ProjectLocation::mayExist(projectPath)) return fail(io, Error("no such project", projectPath.toStdString()));
  auto opened = ProjectStore::open(projectPath, OpenMode::ReadOnly);
  if (!opened) return fail(io, opened.error());
  ProjectStore& store = *opened.value();

  const bool archive = parser.isSet(QStringLiteral("format"))
                           ? parser.value(QStringLiteral("format")) == QLatin1String(kProjectArchiveFormat)
                           : output.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
  QString formatName = QString::fromLatin1(kProjectArchiveFormat);
  if (!archive) {
    Result<const Format*> format = chooseFormat(parser, output, true);
    if (!format) return fail(io, format.error());
    formatName = format.value()->name();
  }
  ExportOptions options;
  if (Status s = readExportOptions(parser, options); !s)
    return usage(io, QString::fromStdString(s.error().toString()));
  ProgressReporter progress(io.err, QStringLiteral("writing"), io.interactive);
  options.progress = [&](qint64 done, qint64 total) {
    progress.update(done, total);
    return true;
  };
  Result<ExportSummary> written = exportProject(store, formatName, output, options);
  progress.finish();
  if (!written) return fail(io, written.error());
  if (archive)
    io.out << "wrote project archive " << output << Qt::endl;
  else
    io.out << "exported " << written->documents << " documents as " << formatName << " to " << output
           << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
