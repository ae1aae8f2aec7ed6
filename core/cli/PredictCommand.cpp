#include "cli/PredictCommand.h"

#include <chrono>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include "cli/NerCommandSupport.h"
#include "corpus/TextOffsets.h"
#include "formats/TextFile.h"
#include "model/kernels/CpuThreads.h"
#include "store/ProjectStore.h"
#include "train/NerEvaluation.h"
#include "train/TransformerTagger.h"

namespace quarry::cli {

void PredictCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("A model folder written by quarry-cli train (best/)."));
  parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("UTF-8 text files, one document each (or use --project)."),
                               QStringLiteral("[files...]"));
  parser.addOption({QStringLiteral("project"), QStringLiteral("Predict for this project's documents (*.quarry)."), QStringLiteral("file")});
  parser.addOption({QStringLiteral("split"), QStringLiteral("With --project: the split(s), comma-separated (default: unassigned)."),
                    QStringLiteral("names"), QStringLiteral("unassigned")});
  parser.addOption({QStringLiteral("output"), QStringLiteral("Write the predictions as JSONL to this file."), QStringLiteral("file")});
  parser.addOption({QStringLiteral("no-store"), QStringLiteral("With --project: do not write the predictions table.")});
  parser.addOption({QStringLiteral("min-confidence"), QStringLiteral("Leave out spans below this confidence (0..1, default 0)."),
                    QStringLiteral("p"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("int8"), QStringLiteral("Transformers: int8 weights for the linear layers (about 1.4x faster on CPU, scores within ~1e-2).")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
}

int PredictCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.isEmpty()) return usage(io, QStringLiteral("expects a model folder"));
  const bool fromProject = parser.isSet(QStringLiteral("project"));
  if (fromProject == (args.size() > 1)) return usage(io, QStringLiteral("give text files or --project, not both"));
  if (!fromProject && !parser.isSet(QStringLiteral("output"))) return usage(io, QStringLiteral("text files need --output FILE.jsonl"));
  model::CpuThreadOptions threads;
  threads.intraOpThreads = parser.value(QStringLiteral("threads")).toInt();
  model::configureCpuThreads(threads);
  auto tagger = train::loadNerTagger(args[0].toStdString());
  if (!tagger) return fail(io, tagger.error());
  if (parser.isSet(QStringLiteral("int8")))
    if (auto* transformer = dynamic_cast<train::TransformerTagger*>(tagger.value().get()))
      if (transformer->encoder().enableDynamicInt8() == 0) io.err << "note: int8 kernels are not available in this LibTorch\n";
  bool ok = false;
  const double minConfidence = parser.value(QStringLiteral("min-confidence")).toDouble(&ok);
  if (!ok || minConfidence < 0 || minConfidence > 1) return usage(io, QStringLiteral("--min-confidence expects a number in 0..1"));

  jobs::NerDocumentSet set;
  if (fromProject) {
    auto read = readNerDocuments(parser, QStringLiteral("split"), QString());
    if (!read) return fail(io, read.error());
    set = std::move(read.value());
  } else {
    for (const QString& path : args.mid(1)) {
      auto text = readUtf8File(path);
      if (!text) return fail(io, text.error());
      document::AnnotatedDocument d;
      d.id = QFileInfo(path).fileName().toStdString();
      d.text = text.value().toStdString();
      set.documents.push_back(std::move(d));
    }
  }
  for (document::AnnotatedDocument& d : set.documents) d.entities.clear();  // predictions do not see the gold spans

  const auto started = std::chrono::steady_clock::now();
  const train::NerData data = train::buildNerData(set.documents, tagger.value()->tags().types(), train::NerDataOptions{});
  std::vector<std::vector<document::PredictedEntity>> predicted =
      train::predictSpans(*tagger.value(), data, set.documents.size(), 64);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  size_t spans = 0;
  for (auto& row : predicted) {
    row.erase(std::remove_if(row.begin(), row.end(), [&](const document::PredictedEntity& e) { return e.confidence < minConfidence; }),
              row.end());
    spans += row.size();
  }

  if (parser.isSet(QStringLiteral("output"))) {
    QSaveFile out(parser.value(QStringLiteral("output")));
    if (!out.open(QIODevice::WriteOnly)) return fail(io, Error("cannot write", parser.value(QStringLiteral("output")).toStdString()));
    for (size_t d = 0; d < set.documents.size(); ++d) {
      const QString text = QString::fromStdString(set.documents[d].text);
      const TextOffsets offsets(text);
      QJsonArray array;
      for (const document::PredictedEntity& e : predicted[d])
        array.append(QJsonObject{{QStringLiteral("start"), e.start}, {QStringLiteral("end"), e.end},
                                 {QStringLiteral("label"), QString::fromStdString(e.type)},
                                 {QStringLiteral("text"), offsets.slice(text, e.start, e.end)},
                                 {QStringLiteral("confidence"), e.confidence}});
      const QJsonObject line{{QStringLiteral("text"), text}, {QStringLiteral("spans"), array},
                             {QStringLiteral("meta"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(set.documents[d].id)}}}};
      out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!out.commit()) return fail(io, Error("cannot write (disk full?)", parser.value(QStringLiteral("output")).toStdString()));
  }

  if (fromProject && !parser.isSet(QStringLiteral("no-store"))) {
    auto store = ProjectStore::open(parser.value(QStringLiteral("project")));
    if (!store) return fail(io, store.error());
    ModelRun run;
    run.name = QStringLiteral("NER predictions");
    run.baseModel = QFileInfo(args[0]).absoluteFilePath();
    run.status = RunStatus::Finished;
    run.started = run.finished = QDateTime::currentDateTimeUtc();
    run.checkpointPath = run.baseModel;
    run.metrics = QJsonObject{{QStringLiteral("documents"), int(set.documents.size())}, {QStringLiteral("spans"), qint64(spans)}};
    auto id = store.value()->createRun(run);
    if (!id) return fail(io, id.error());
    QVector<Prediction> rows;
    for (size_t d = 0; d < set.documents.size(); ++d)
      rows += jobs::entityPredictions(id.value(), set.storeIds.value(int(d)), set.documents[d], predicted[d]);
    auto written = store.value()->addPredictions(id.value(), rows);
    if (!written) return fail(io, written.error());
    io.out << "run " << id.value() << ": ";
  }
  io.out << spans << " spans in " << set.documents.size() << " documents (" << data.sentences.size() << " sentences, "
         << qint64(seconds > 0 ? double(data.sentences.size()) / seconds : 0.0) << " sentences/s)\n";
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
