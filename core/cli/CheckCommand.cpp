#include "cli/CheckCommand.h"

#include <QFileInfo>

#include "cli/CheckSupport.h"
#include "cli/TaskCommandSupport.h"
#include "jobs/QualityDocuments.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::cli {

using check::q;
using check::readCount;

void CheckCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("leakage, consistency or drift."));
  parser.addPositionalArgument(QStringLiteral("model"),
                               QStringLiteral("drift: the trained model folder, before the project (or --model)."),
                               QStringLiteral("[model]"));
  parser.addPositionalArgument(QStringLiteral("project"),
                               QStringLiteral("The project file (*.quarry); or give --data files instead."),
                               QStringLiteral("[project]"));
  parser.addOption({QStringLiteral("split"),
                    QStringLiteral("The splits to check, comma-separated (default: train, dev and test; drift: "
                                   "the incoming documents, default unassigned)."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("status"),
                    QStringLiteral("Only documents of these statuses, comma-separated (new, in_progress, done, "
                                   "reviewed; default: all). Consistency is best checked on finished documents."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("data"),
                    QStringLiteral("Instead of a project: a file or folder in any import format as SPLIT=PATH "
                                   "(repeatable; a bare PATH is named after the file). drift: train= and dev= are "
                                   "the model's training and dev documents, every other name incoming ones."),
                    QStringLiteral("split=path")});
  parser.addOption({QStringLiteral("format"), QStringLiteral("The format of the --data files (default: guessed)."),
                    QStringLiteral("format")});
  parser.addOption({QStringLiteral("examples"),
                    QStringLiteral("Findings printed in full, with their occurrences (default 10)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the whole report as one JSON object.")});
  // leakage
  parser.addOption({QStringLiteral("threshold"),
                    QStringLiteral("leakage: Jaccard similarity of word shingles at which two documents are near "
                                   "duplicates (default 0.8)."),
                    QStringLiteral("j")});
  parser.addOption({QStringLiteral("shingle"), QStringLiteral("leakage: words per shingle (default 5)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("permutations"),
                    QStringLiteral("leakage: MinHash signature length (default 128)."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("no-sentences"),
                    QStringLiteral("leakage: do not look for duplicate sentences across splits.")});
  parser.addOption({QStringLiteral("min-words"),
                    QStringLiteral("leakage: documents and sentences of fewer words are not compared (default 6)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("resplit"),
                    QStringLiteral("leakage: propose a group-aware split keeping near duplicates together, in "
                                   "these shares (\"train=0.8,dev=0.1,test=0.1\", or \"current\")."),
                    QStringLiteral("shares")});
  parser.addOption({QStringLiteral("seed"), QStringLiteral("leakage: seed of the re-split and of MinHash (default 1)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("apply"),
                    QStringLiteral("leakage: write the re-split into the project (one transaction).")});
  parser.addOption({QStringLiteral("annotator"),
                    QStringLiteral("Who the re-split is recorded as (default: $USER)."), QStringLiteral("name")});
  parser.addOption({QStringLiteral("strict"),
                    QStringLiteral("Exit with 1 when the check finds anything (for scripts and CI).")});
  // drift
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("drift: the trained model folder (best/) whose training data the incoming "
                                   "documents are compared with."),
                    QStringLiteral("dir")});
  parser.addOption({QStringLiteral("run"),
                    QStringLiteral("drift, with a project: the training run whose model and recorded training and "
                                   "dev documents to compare the unassigned documents with (instead of --model)."),
                    QStringLiteral("id")});
  parser.addOption({QStringLiteral("reference-split"),
                    QStringLiteral("drift: the project split the model trained on (default train)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("dev-split"),
                    QStringLiteral("drift: the project split the model was scored on (default dev)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("max-training"),
                    QStringLiteral("drift: training documents the model embeds, evenly spaced (default 2000)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("psi"),
                    QStringLiteral("drift: population stability index above which a feature has drifted "
                                   "(default 0.1, a moderate shift; 0.25 is a major one)."),
                    QStringLiteral("x")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("drift: CPU threads (default: all cores)."),
                    QStringLiteral("n")});
  // consistency
  parser.addOption({QStringLiteral("min-length"),
                    QStringLiteral("consistency: surfaces shorter than this many characters are not compared "
                                   "(default 2)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("no-unannotated"),
                    QStringLiteral("consistency: compare annotated types only, not unannotated repeats.")});
  parser.addOption({QStringLiteral("mark-intended"),
                    QStringLiteral("consistency: mark a finding as intended, so that later checks hide it: "
                                   "KIND:KEY, KIND entity, relation or category (repeatable; needs a project)."),
                    QStringLiteral("kind:key")});
  parser.addOption({QStringLiteral("unmark"),
                    QStringLiteral("consistency: show a finding marked as intended again (KIND:KEY)."),
                    QStringLiteral("kind:key")});
  parser.addOption({QStringLiteral("all"),
                    QStringLiteral("consistency: also list the findings marked as intended.")});
}


int CheckCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.isEmpty()) return usage(io, QStringLiteral("expects a check: leakage or consistency"));
  const QString check = args[0];
  if (check != QLatin1String("leakage") && check != QLatin1String("consistency") && check != QLatin1String("drift"))
    return usage(io, QStringLiteral("unknown check \"%1\" (leakage, consistency, drift)").arg(check));
  const QStringList data = parser.values(QStringLiteral("data"));
  auto examples = readCount(parser, QStringLiteral("examples"), 10, 0, 1000000);
  if (!examples) return usage(io, q(examples.error().message));
  const bool json = parser.isSet(QStringLiteral("json"));
  if (check == QLatin1String("drift")) {
    // check drift MODEL PROJECT, or check drift PROJECT --model MODEL | --run ID, or --data files.
    const bool modelFirst = args.size() == 3;
    const QString model = modelFirst ? args[1] : parser.value(QStringLiteral("model"));
    const QString project = modelFirst ? args[2] : args.value(1);
    if (args.size() > 3 || (modelFirst && parser.isSet(QStringLiteral("model"))) || project.isEmpty() == data.isEmpty())
      return usage(io, QStringLiteral("expects MODEL PROJECT, a project with --model or --run, or --data files"));
    if (!project.isEmpty() && !ProjectLocation::mayExist(project))
      return fail(io, Error("no such project", project.toStdString()));
    return check::runDrift(parser, io, *this, *examples, json, model, project);
  }
  if (args.size() > 2 || (args.size() == 2) == !data.isEmpty())
    return usage(io, QStringLiteral("expects a project file or --data files (one of them)"));
  if (args.size() == 2 && !ProjectLocation::mayExist(args[1])) return fail(io, Error("no such project", args[1].toStdString()));

  std::unique_ptr<ProjectStore> store;
  Result<jobs::QualityDocuments> docs = Error("no documents");
  if (args.size() == 2) {
    if (!ProjectLocation::mayExist(args[1])) return fail(io, Error("no such project", args[1].toStdString()));
    const bool writes = parser.isSet(QStringLiteral("apply")) || parser.isSet(QStringLiteral("mark-intended")) ||
                        parser.isSet(QStringLiteral("unmark"));
    auto opened = ProjectStore::open(args[1], writes ? OpenMode::ReadWrite : OpenMode::ReadOnly);
    if (!opened) return fail(io, opened.error());
    store = std::move(opened.value());
    auto splits = readSplits(parser, QStringLiteral("split"));
    if (!splits) return usage(io, q(splits.error().message));
    // By default the labelled splits: the unassigned pool waits to be annotated, so it neither leaks nor
    // disagrees.
    if (splits->isEmpty()) *splits = {Split::Train, Split::Dev, Split::Test};
    QVector<DocumentStatus> statuses;
    for (const QString& name : parser.value(QStringLiteral("status")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      DocumentStatus s;
      if (!parseStatus(name.trimmed(), &s))
        return usage(io, QStringLiteral("unknown status \"%1\" (new, in_progress, done, reviewed)").arg(name));
      statuses << s;
    }
    docs = jobs::qualityDocumentsFromStore(*store, *splits, statuses);
  } else {
    docs = jobs::qualityDocumentsFromFiles(data, parser.value(QStringLiteral("format")));
  }
  if (!docs) return fail(io, docs.error());
  if (check == QLatin1String("leakage")) return check::runLeakage(parser, io, *docs, store.get(), *this, *examples, json);
  return check::runConsistency(parser, io, *docs, store.get(), *this, *examples, json);
}


}  // namespace quarry::cli
