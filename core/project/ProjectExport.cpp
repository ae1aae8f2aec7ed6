#include "project/ProjectExport.h"

#include "formats/FormatRegistry.h"
#include "project/ArchiveTransfer.h"

namespace quarry {
namespace {

Error naming(Error e, const QString& output) {
  if (e.file.empty()) e.file = output.toStdString();
  return e;
}

}  // namespace

Result<ExportSummary> exportProject(ProjectStore& store, const QString& formatName, const QString& output,
                                    const ExportOptions& options) {
  ExportSummary summary;
  summary.format = formatName;
  if (formatName == QLatin1String(kProjectArchiveFormat)) {
    Result<ProjectStats> stats = store.stats();
    if (!stats) return stats.error();
    if (Status s = exportProjectArchive(store, output); !s) return naming(s.error(), output);
    summary.documents = stats->documents;
    return summary;
  }
  const Format* format = FormatRegistry::instance().byName(formatName);
  if (!format || !format->canWrite())
    return Error("format '" + formatName.toStdString() + "' cannot be written", output.toStdString(), 0,
                 "format");
  CorpusFilter filter;
  if (!options.split.isEmpty()) {
    Split split;
    if (!parseSplit(options.split, &split))
      return Error("unknown split '" + options.split.toStdString() + "'", {}, 0, "split");
    filter.splits = {split};
  }
  Result<Corpus> corpus = store.loadCorpus(filter);
  if (!corpus) return corpus.error();
  if (Status s = format->write(corpus.value(), output, options); !s) return naming(s.error(), output);
  summary.documents = int(corpus->documents.size());
  return summary;
}

}  // namespace quarry
