// quarry-cli check drift: a model's view of incoming documents against its training and dev documents.
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <map>

#include "cli/CheckSupport.h"
#include "cli/TaskCommandSupport.h"
#include "eval/SpanContext.h"
#include "jobs/DriftJob.h"
#include "jobs/EngineDocuments.h"
#include "jobs/QualityDocuments.h"
#include "quality/GroupSplit.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"
#include "store/ProjectStore.h"

namespace quarry::cli::check {
namespace {

Result<Split> oneSplit(const QCommandLineParser& parser, const QString& option, const QString& fallback) {
  const QString name = parser.isSet(option) ? parser.value(option) : fallback;
  Split s;
  if (!parseSplit(name.trimmed(), &s))
    return Error("unknown split \"" + name.toStdString() + "\" (train, dev, test, unassigned)", "", 0, option.toStdString());
  return s;
}

// Appends `more`'s documents to `set` (the first set read gives the schema's lists).
void append(jobs::DocumentSet& set, jobs::DocumentSet more) {
  if (set.documents.empty() && set.entityTypes.isEmpty()) {
    set = std::move(more);
    return;
  }
  for (auto& d : more.documents) set.documents.push_back(std::move(d));
  set.storeIds += more.storeIds;
}

}  // namespace

int runDrift(const QCommandLineParser& parser, CliIo& io, const CheckCommand& self, int examples, bool json,
             const QString& model, const QString& project) {
  const bool byRun = parser.isSet(QStringLiteral("run"));
  if (byRun == !model.isEmpty())
    return self.usageError(io, QStringLiteral("drift needs a model (MODEL PROJECT, or --model DIR), or --run ID with a project"));
  if (byRun && project.isEmpty()) return self.usageError(io, QStringLiteral("--run names a run of a project; give the project"));
  jobs::DriftSpec spec;
  spec.modelFolder = model;
  auto maxTraining = readCount(parser, QStringLiteral("max-training"), 2000, 1, 10000000);
  auto threads = readCount(parser, QStringLiteral("threads"), 0, 0, 1024);
  auto psi = readNumber(parser, QStringLiteral("psi"), 0.1, 0.0, 100.0);
  for (const Error* e : {maxTraining ? nullptr : &maxTraining.error(), threads ? nullptr : &threads.error(),
                         psi ? nullptr : &psi.error()})
    if (e) return self.usageError(io, q(e->message));
  spec.maxTraining = *maxTraining;
  spec.threads = *threads;
  spec.options.psiThreshold = *psi;
  spec.options.annotateNext = examples;

  const QStringList data = parser.values(QStringLiteral("data"));
  if (byRun) {
    bool ok = false;
    const qint64 runId = parser.value(QStringLiteral("run")).toLongLong(&ok);
    if (!ok || runId <= 0) return self.usageError(io, QStringLiteral("--run takes a run id (quarry-cli runs lists them)"));
    auto opened = ProjectStore::open(project, OpenMode::ReadOnly);
    if (!opened) return self.failWith(io, opened.error());
    auto made = jobs::driftSpecForRun(*opened.value(), runId);
    if (!made) return self.failWith(io, made.error());
    const quality::DriftOptions keep = spec.options;
    const int maxTraining = spec.maxTraining, threadCount = spec.threads;
    spec = std::move(made.value());
    spec.options = keep;
    spec.maxTraining = maxTraining;
    spec.threads = threadCount;
  } else if (!project.isEmpty()) {
    auto opened = ProjectStore::open(project, OpenMode::ReadOnly);
    if (!opened) return self.failWith(io, opened.error());
    auto reference = oneSplit(parser, QStringLiteral("reference-split"), QStringLiteral("train"));
    auto dev = oneSplit(parser, QStringLiteral("dev-split"), QStringLiteral("dev"));
    if (!reference) return self.usageError(io, q(reference.error().message));
    if (!dev) return self.usageError(io, q(dev.error().message));
    auto incoming = readSplits(parser, QStringLiteral("split"));
    if (!incoming) return self.usageError(io, q(incoming.error().message));
    const QVector<Split> incomingSplits = incoming->isEmpty() ? QVector<Split>{Split::Unassigned} : *incoming;
    auto training = jobs::documentsFromStore(*opened.value(), {*reference});
    auto devSet = jobs::documentsFromStore(*opened.value(), {*dev});
    auto incomingSet = jobs::documentsFromStore(*opened.value(), incomingSplits);
    for (const Error* e : {training ? nullptr : &training.error(), devSet ? nullptr : &devSet.error(),
                           incomingSet ? nullptr : &incomingSet.error()})
      if (e) return self.failWith(io, *e);
    spec.training = std::move(training.value());
    spec.dev = std::move(devSet.value());
    spec.incoming = std::move(incomingSet.value());
  } else {
    for (const QString& item : data) {
      const int eq = item.indexOf(QLatin1Char('='));
      const bool named = eq > 0 && !item.left(eq).contains(QLatin1Char('/')) && !QFileInfo::exists(item);
      const QString name = named ? item.left(eq) : QStringLiteral("incoming");
      auto set = jobs::documentsFromFile(named ? item.mid(eq + 1) : item, parser.value(QStringLiteral("format")));
      if (!set) return self.failWith(io, set.error());
      append(name == QLatin1String("train") ? spec.training : name == QLatin1String("dev") ? spec.dev : spec.incoming,
             std::move(set.value()));
    }
  }

  jobs::DriftJob job;
  QElapsedTimer timer;
  timer.start();
  auto report = job.run(spec, [&](const jobs::DriftProgress& p) {
    if (!json && p.documentsDone == p.documents && p.documents > 0)
      io.err << QStringLiteral("drift: %1 documents predicted (%2)\n").arg(p.documents).arg(p.stage), io.err.flush();
  });
  if (!report) return self.failWith(io, report.error());
  const quality::DriftReport& r = report.value();
  auto name = [&](int32_t d) { return q(spec.incoming.documents[static_cast<size_t>(d)].id); };
  auto number = [](double x) { return std::isnan(x) ? QJsonValue() : QJsonValue(x); };
  if (json) {
    QJsonArray features, next;
    for (const auto& f : r.features)
      features.append(QJsonObject{{QStringLiteral("feature"), q(f.feature)},
                                  {QStringLiteral("measure"), q(f.measure)},
                                  {QStringLiteral("training"), number(f.training)},
                                  {QStringLiteral("dev"), number(f.dev)},
                                  {QStringLiteral("incoming"), number(f.incoming)},
                                  {QStringLiteral("dev_psi"), f.devPsi},
                                  {QStringLiteral("incoming_psi"), f.incomingPsi},
                                  {QStringLiteral("noise"), f.noise},
                                  {QStringLiteral("available"), f.available},
                                  {QStringLiteral("flagged"), f.flagged},
                                  {QStringLiteral("major"), f.major}});
    for (const auto& d : r.annotateNext)
      next.append(QJsonObject{{QStringLiteral("document"), name(d.document)},
                              {QStringLiteral("score"), d.score},
                              {QStringLiteral("mean_confidence"), d.meanConfidence},
                              {QStringLiteral("embedding_distance"), d.embeddingDistance},
                              {QStringLiteral("unknown_word_rate"), d.unknownWordRate},
                              {QStringLiteral("low_confidence"), d.lowConfidence}});
    const QJsonObject out{{QStringLiteral("check"), QStringLiteral("drift")},
                          {QStringLiteral("model"), spec.modelFolder},
                          {QStringLiteral("drift"), r.drift},
                          {QStringLiteral("psi_threshold"), spec.options.psiThreshold},
                          {QStringLiteral("training_documents"), static_cast<qint64>(r.trainingDocuments)},
                          {QStringLiteral("dev_documents"), static_cast<qint64>(r.devDocuments)},
                          {QStringLiteral("incoming_documents"), static_cast<qint64>(r.incomingDocuments)},
                          {QStringLiteral("low_confidence_threshold"), r.lowConfidenceThreshold},
                          {QStringLiteral("low_confidence_dev"), r.lowConfidenceDev},
                          {QStringLiteral("low_confidence_incoming"), r.lowConfidenceIncoming},
                          {QStringLiteral("seconds"), static_cast<double>(timer.nsecsElapsed()) / 1e9},
                          {QStringLiteral("features"), features},
                          {QStringLiteral("annotate_next"), next}};
    io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
  } else {
    io.out << QStringLiteral("drift of %1: %2 training, %3 dev, %4 incoming documents (%5 s)\n")
                  .arg(spec.modelFolder)
                  .arg(r.trainingDocuments)
                  .arg(r.devDocuments)
                  .arg(r.incomingDocuments)
                  .arg(static_cast<double>(timer.nsecsElapsed()) / 1e9, 0, 'f', 1);
    io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8\n")
                  .arg(QStringLiteral("feature"), -11)
                  .arg(QStringLiteral("training"), 9)
                  .arg(QStringLiteral("dev"), 9)
                  .arg(QStringLiteral("incoming"), 9)
                  .arg(QStringLiteral("dev PSI"), 8)
                  .arg(QStringLiteral("PSI"), 8)
                  .arg(QStringLiteral("noise"), 7)
                  .arg(QStringLiteral("measure"));
    auto cell = [](double x) { return std::isnan(x) ? QStringLiteral("-") : QString::number(x, 'f', 3); };
    for (const auto& f : r.features) {
      if (!f.available) {
        io.out << QStringLiteral("%1 (the model gives none)\n").arg(q(f.feature), -11);
        continue;
      }
      io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8%9\n")
                    .arg(q(f.feature), -11)
                    .arg(cell(f.training), 9)
                    .arg(cell(f.dev), 9)
                    .arg(cell(f.incoming), 9)
                    .arg(f.devPsi, 8, 'f', 3)
                    .arg(f.incomingPsi, 8, 'f', 3)
                    .arg(f.noise, 7, 'f', 3)
                    .arg(q(f.measure))
                    .arg(f.major ? QStringLiteral("  << DRIFT (major)") : f.flagged ? QStringLiteral("  << DRIFT") : QString());
    }
    io.out << QStringLiteral("low confidence (mean below dev's 10th percentile, %1): dev %2%, incoming %3%\n")
                  .arg(r.lowConfidenceThreshold, 0, 'f', 3)
                  .arg(100.0 * r.lowConfidenceDev, 0, 'f', 1)
                  .arg(100.0 * r.lowConfidenceIncoming, 0, 'f', 1);
    io.out << (r.drift ? QStringLiteral("DRIFT: the incoming documents differ from the training data (PSI above %1 "
                                        "beyond sampling noise): annotate some of them and retrain\n")
                             .arg(spec.options.psiThreshold)
                       : QStringLiteral("no drift: the incoming documents look like the training data\n"));
    if (!r.annotateNext.empty()) io.out << QStringLiteral("\nannotate next (least like the training data):\n");
    for (const auto& d : r.annotateNext)
      io.out << QStringLiteral("  %1  score %2  confidence %3  distance %4  unknown words %5%\n")
                    .arg(name(d.document), -24)
                    .arg(d.score, 6, 'f', 2)
                    .arg(d.meanConfidence, 0, 'f', 3)
                    .arg(d.embeddingDistance, 0, 'f', 3)
                    .arg(100.0 * d.unknownWordRate, 0, 'f', 1);
  }
  io.out.flush();
  return parser.isSet(QStringLiteral("strict")) && r.drift ? kExitFailure : kExitOk;
}

}  // namespace quarry::cli::check
