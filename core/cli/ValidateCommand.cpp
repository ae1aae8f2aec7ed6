#include "cli/ValidateCommand.h"

#include <QFileInfo>

#include "cli/FormatOptions.h"
#include "formats/CorpusValidator.h"
#include "store/ProjectStore.h"

namespace quarry::cli {

void ValidateCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("path"),
                               QStringLiteral("An input file or folder (checked as it would be imported), or a project file."));
  addImportOptions(parser);
  parser.addOption({QStringLiteral("project"),
                    QStringLiteral("Check the input against this project's schema (labels outside it are problems)."),
                    QStringLiteral("project")});
}

int ValidateCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one path"));
  const QString path = args.front();
  if (!QFileInfo::exists(path)) return fail(io, Error("no such file or folder", path.toStdString()));

  ImportOptions options;
  if (Status s = readImportOptions(parser, options); !s) return usage(io, QString::fromStdString(s.error().toString()));
  // Validation lists every problem: collect them all as repairs, change nothing.
  options.policy = ProblemPolicy::Repair;
  ImportReport report;
  int documents = 0;
  if (path.endsWith(QLatin1String(".quarry"))) {
    auto opened = ProjectStore::open(path, OpenMode::ReadOnly);
    if (!opened) return fail(io, opened.error());
    Result<Corpus> corpus = opened.value()->loadCorpus(CorpusFilter{});
    if (!corpus) return fail(io, corpus.error());
    options.schema = corpus->schema;
    options.allowNewTypes = false;
    if (Status s = validateCorpus(corpus.value(), options, report, path); !s) return fail(io, s.error());
    documents = int(corpus->documents.size());
  } else {
    if (parser.isSet(QStringLiteral("project"))) {
      auto project = ProjectStore::open(parser.value(QStringLiteral("project")), OpenMode::ReadOnly);
      if (!project) return fail(io, project.error());
      Result<Schema> schema = project.value()->schema();
      if (!schema) return fail(io, schema.error());
      options.schema = schema.value();
    }
    Result<const Format*> format = chooseFormat(parser, path, false);
    if (!format) return fail(io, format.error());
    Result<Corpus> corpus = format.value()->read(path, options, report);
    if (!corpus) return fail(io, corpus.error());
    documents = int(corpus->documents.size());
  }
  for (const QString& w : report.warnings) io.out << w << '\n';
  if (!report.warnings.isEmpty()) {
    io.out << report.warnings.size() << " problems in " << documents << " documents" << Qt::endl;
    return kExitFailure;
  }
  io.out << "ok: " << documents << " documents, no problems" << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
