#include "cli/ExportCommand.h"

#include <QFileInfo>

#include "project/ArchiveTransfer.h"
#include "cli/FormatOptions.h"
#include "cli/ProgressReporter.h"
#include "store/ProjectStore.h"

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
  if (!QFileInfo::exists(projectPath)) return fail(io, Error("no such project", projectPath.toStdString()));
  auto opened = ProjectStore::open(projectPath, OpenMode::ReadOnly);
  if (!opened) return fail(io, opened.error());
  ProjectStore& store = *opened.value();

  const bool archive = parser.isSet(QStringLiteral("format"))
                           ? parser.value(QStringLiteral("format")) == QLatin1String("archive")
                           : output.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
  if (archive) {
    if (Status s = exportProjectArchive(store, output); !s) return fail(io, s.error());
    io.out << "wrote project archive " << output << Qt::endl;
    return kExitOk;
  }
  Result<const Format*> format = chooseFormat(parser, output, true);
  if (!format) return fail(io, format.error());
  ExportOptions options;
  if (Status s = readExportOptions(parser, options); !s) return usage(io, QString::fromStdString(s.error().toString()));
  CorpusFilter filter;
  if (!options.split.isEmpty()) {
    Split split;
    parseSplit(options.split, &split);
    filter.splits = {split};
  }
  Result<Corpus> corpus = store.loadCorpus(filter);
  if (!corpus) return fail(io, corpus.error());
  ProgressReporter progress(io.err, QStringLiteral("writing"), io.interactive);
  options.progress = [&](qint64 done, qint64 total) {
    progress.update(done, total);
    return true;
  };
  Status written = format.value()->write(corpus.value(), output, options);
  progress.finish();
  if (!written) return fail(io, written.error());
  io.out << "exported " << corpus->documents.size() << " documents as " << format.value()->name() << " to "
         << output << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
