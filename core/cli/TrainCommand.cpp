#include "cli/TrainCommand.h"

#include <QDir>

#include "cli/TaskCommandSupport.h"

namespace quarry::cli {
QString TrainCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void TrainCommand::configure(QCommandLineParser& parser) const {
  addDataOptions(parser, QString());
  parser.addOption(
      {QStringLiteral("train"),
       QStringLiteral(
           "Training documents: file(s) in any import format, comma-separated (instead of --project)."),
       QStringLiteral("files")});
  parser.addOption({QStringLiteral("dev"),
                    QStringLiteral("Dev documents for evaluation and early stopping (with --train)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("train-split"),
                    QStringLiteral("With --project: the training split(s) (default: train)."),
                    QStringLiteral("names"), QStringLiteral("train")});
  parser.addOption({QStringLiteral("dev-split"),
                    QStringLiteral("With --project: the dev split(s) (default: dev)."),
                    QStringLiteral("names"), QStringLiteral("dev")});
  addTaskOption(parser);
  parser.addOption({QStringLiteral("from-scratch"),
                    QStringLiteral("Train the task's model that needs no checkpoint (the default): the "
                                   "BiLSTM-CRF tagger (ner), the n-gram classifier (classify), the CNN (relation).")});
  parser.addOption(
      {QStringLiteral("model"),
       QStringLiteral("Fine-tune this Hugging Face model folder (BERT, RoBERTa, DistilBERT, ELECTRA, DeBERTa-v2/v3)."),
       QStringLiteral("folder")});
  parser.addOption(
      {QStringLiteral("random-encoder"),
       QStringLiteral(
           "Train a randomly initialised transformer (random_* options) with this folder's tokenizer."),
       QStringLiteral("tokenizer-folder")});
  parser.addOption({QStringLiteral("crf"), QStringLiteral("Transformers: add a CRF layer over the head.")});
  addRunOptions(parser, QStringLiteral("List every training option of --task with its default and exit."));
}

int TrainCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) {
    const std::string task = parser.isSet(QStringLiteral("task")) ? parser.value(QStringLiteral("task")).toStdString()
                                                                   : std::string();
    if (!task.empty() && !train::isKnownTask(task))
      return usage(io, QStringLiteral("unknown task \"%1\" (ner, classify, relation, qa)").arg(QString::fromStdString(task)));
    return printConfigHelp(task, io);
  }
  auto configRead = readTrainConfig(parser);
  if (!configRead) return fail(io, configRead.error());
  const bool ner = configRead->task == "ner";
  train::TrainConfig config = configRead.value();
  const int modelChoices = int(parser.isSet(QStringLiteral("from-scratch"))) +
                           int(parser.isSet(QStringLiteral("model"))) +
                           int(parser.isSet(QStringLiteral("random-encoder")));
  if (modelChoices > 1)
    return usage(io, QStringLiteral("choose one of --from-scratch, --model and --random-encoder"));
  if (parser.isSet(QStringLiteral("from-scratch"))) config.kind = train::ModelKind::FromScratch;
  if (parser.isSet(QStringLiteral("model"))) {
    config.kind = train::ModelKind::Transformer;
    config.modelFolder = QDir(parser.value(QStringLiteral("model"))).absolutePath().toStdString();
  }
  if (parser.isSet(QStringLiteral("random-encoder"))) {
    config.kind = train::ModelKind::Transformer;
    config.modelFolder.clear();
    config.tokenizerFolder =
        QDir(parser.value(QStringLiteral("random-encoder"))).absolutePath().toStdString();
  }
  if (parser.isSet(QStringLiteral("crf"))) config.crf = true;
  if (config.crf && !ner) return usage(io, QStringLiteral("--crf applies to the ner task"));
  if (config.crf && config.kind != train::ModelKind::Transformer)
    io.err << "note: --crf applies to transformers; the BiLSTM tagger always has a CRF\n";

  jobs::TrainingSpec spec;
  if (!parser.isSet(QStringLiteral("train"))) {
    if (!parser.isSet(QStringLiteral("project")))
      return fail(io, Error("name the documents: --project FILE or --train FILE", "", 0, "project"));
    spec.projectPath = parser.value(QStringLiteral("project"));
    auto trainSplits = readSplits(parser, QStringLiteral("train-split"));
    if (!trainSplits) return fail(io, trainSplits.error());
    auto devSplits = readSplits(parser, QStringLiteral("dev-split"));
    if (!devSplits) return fail(io, devSplits.error());
    spec.trainSplits = trainSplits.value();
    spec.devSplits = devSplits.value();
  } else {
    auto trainSet = readDocuments(parser, QStringLiteral("train-split"), QStringLiteral("train"));
    if (!trainSet) return fail(io, trainSet.error());
    spec.train = std::move(trainSet.value());
    if (parser.isSet(QStringLiteral("dev"))) {
      auto devSet = readDocuments(parser, QStringLiteral("dev-split"), QStringLiteral("dev"));
      if (!devSet) return fail(io, devSet.error());
      spec.dev = std::move(devSet.value());
    }
  }
  spec.config = config;
  spec.outputFolder = parser.value(QStringLiteral("output"));
  spec.resume = parser.isSet(QStringLiteral("resume"));

  return runJob(std::move(spec), parser.isSet(QStringLiteral("json")), io);
}

}  // namespace quarry::cli
