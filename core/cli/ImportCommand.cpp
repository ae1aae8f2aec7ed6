#include "cli/ImportCommand.h"

#include <atomic>

#include <QFileInfo>

#include "project/ArchiveTransfer.h"
#include "cli/FormatOptions.h"
#include "cli/ProgressReporter.h"
#include "common/SignalRouting.h"
#include "formats/CorpusValidator.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::cli {
namespace {

bool isArchive(const QCommandLineParser& parser, const QString& path) {
  if (parser.isSet(QStringLiteral("format"))) return parser.value(QStringLiteral("format")) == QLatin1String("archive");
  return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

}  // namespace

void ImportCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project file (*.quarry)."));
  parser.addPositionalArgument(QStringLiteral("input"),
                               QStringLiteral("A file or folder to import, or a project archive (.zip) to merge."));
  addImportOptions(parser);
  parser.addOption({QStringLiteral("annotator"), QStringLiteral("Record the imported annotations under this annotator (default: import)."),
                    QStringLiteral("name"), QStringLiteral("import")});
}

int ImportCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 2) return usage(io, QStringLiteral("expects a project file and an input path"));
  const QString projectPath = args[0], input = args[1];
  if (!ProjectLocation::mayExist(projectPath))
    return fail(io, Error("no such project; create it with quarry-cli init", projectPath.toStdString()));
  if (!QFileInfo::exists(input)) return fail(io, Error("no such file or folder", input.toStdString()));
  auto opened = ProjectStore::open(projectPath);
  if (!opened) return fail(io, opened.error());
  ProjectStore& store = *opened.value();

  ImportOptions options;
  if (Status s = readImportOptions(parser, options); !s) return usage(io, QString::fromStdString(s.error().toString()));
  Result<Schema> schema = store.schema();
  if (!schema) return fail(io, schema.error());
  options.schema = schema.value();

  // Ctrl+C or SIGTERM cancels: the import is one transaction, so the project stays as it was (a signal
  // that comes once the transaction has committed lets the command finish). A second one ends at once.
  std::atomic<bool> interrupted{false};
  SignalRouting::Scope interrupts([&interrupted](int) { interrupted.store(true); });
  const auto cancelled = [&] {
    fail(io, Error("import cancelled; the project is unchanged", projectPath.toStdString()));
    return int(kExitCancelled);
  };

  ProgressReporter readProgress(io.err, QStringLiteral("reading"), io.interactive);
  options.progress = [&](qint64 done, qint64 total) {
    readProgress.update(done, total);
    return !interrupted.load();
  };
  ImportReport report;
  Result<Corpus> corpus = Error("unread");
  if (isArchive(parser, input)) {
    corpus = readProjectArchive(input);
    if (corpus) {
      if (Status s = validateCorpus(corpus.value(), options, report, input); !s) return fail(io, s.error());
    }
  } else {
    Result<const Format*> format = chooseFormat(parser, input, false);
    if (!format) return fail(io, format.error());
    corpus = format.value()->read(input, options, report);
  }
  readProgress.finish();
  if (interrupted.load()) return cancelled();
  if (!corpus) return fail(io, corpus.error());
  for (const QString& w : report.warnings) io.err << "warning: " << w << '\n';

  ProgressReporter writeProgress(io.err, QStringLiteral("importing"), io.interactive);
  Result<ImportSummary> summary =
      store.importCorpus(corpus.value(), parser.value(QStringLiteral("annotator")), [&](qint64 done, qint64 total) {
        writeProgress.update(done, total);
        return !interrupted.load();
      });
  writeProgress.finish();
  if (!summary && interrupted.load()) return cancelled();
  if (!summary) return fail(io, summary.error());
  const ImportSummary& s = summary.value();
  io.out << "imported " << s.documents << " documents, " << s.entities << " entities, " << s.relations
         << " relations, " << s.answers << " answers, " << s.labels << " labels";
  if (!report.warnings.isEmpty()) io.out << " (" << report.warnings.size() << " repairs)";
  io.out << Qt::endl;
  return kExitOk;
}

}  // namespace quarry::cli
