#include "cli/PretrainCommand.h"

#include <QDir>
#include <QFileInfo>

#include "cli/TaskCommandSupport.h"

namespace quarry::cli {

QString PretrainCommand::subject(const QCommandLineParser& parser) const {
  if (parser.isSet(QStringLiteral("corpus")) && !parser.isSet(QStringLiteral("model")) &&
      !parser.isSet(QStringLiteral("project")))
    return parser.value(QStringLiteral("corpus"));
  return trainingSubject(parser);
}

void PretrainCommand::configure(QCommandLineParser& parser) const {
  addDataOptions(parser, QString());
  parser.addOption(
      {QStringLiteral("split"),
       QStringLiteral("With --project: the split(s) whose text is pretrained on, comma-separated (default: "
                      "every document, labelled or not)."),
       QStringLiteral("names")});
  parser.addOption(
      {QStringLiteral("dev-split"),
       QStringLiteral("With --project: evaluate on these split(s) instead of holding back dev_fraction of "
                      "the text (keep them out of --split)."),
       QStringLiteral("names")});
  parser.addOption({QStringLiteral("train"),
                    QStringLiteral("Documents in any import format whose text is pretrained on, comma-separated."),
                    QStringLiteral("files")});
  parser.addOption(
      {QStringLiteral("corpus"),
       QStringLiteral("Plain text to pretrain on: .txt or .txt.gz files, or folders searched for them, "
                      "comma-separated; documents are blocks of lines separated by an empty line."),
       QStringLiteral("paths")});
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("Continue pretraining this Hugging Face folder (domain-adaptive "
                                   "pretraining; BERT, RoBERTa, DistilBERT, DeBERTa-v2/v3; ELECTRA with "
                                   "--objective electra)."),
                    QStringLiteral("folder")});
  parser.addOption(
      {QStringLiteral("random-encoder"),
       QStringLiteral("Pretrain a random encoder (random_* options) with this folder's tokenizer."),
       QStringLiteral("tokenizer-folder")});
  parser.addOption(
      {QStringLiteral("vocab-size"),
       QStringLiteral("Pretrain a random encoder with a WordPiece vocabulary of this many tokens trained on "
                      "the text first (written to <output>/vocabulary)."),
       QStringLiteral("n")});
  parser.addOption(
      {QStringLiteral("objective"),
       QStringLiteral("mlm (masked LM, the default) or electra (replaced-token detection: a small generator "
                      "fills the masked tokens, an ELECTRA discriminator learns which were replaced; with "
                      "--model, an ELECTRA folder). Sets pretrain_objective."),
       QStringLiteral("name")});
  addRunOptions(parser, QStringLiteral("List every pretraining option with its default and exit."));
  addDistributedOptions(parser);
}

int PretrainCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const std::string task = train::kPretrainingTaskName;
  if (parser.isSet(QStringLiteral("help-config"))) return printConfigHelp(task, io);
  auto configRead = readTrainConfig(parser, task);
  if (!configRead) return fail(io, configRead.error());
  train::TrainConfig config = configRead.value();
  const int modelChoices = int(parser.isSet(QStringLiteral("model"))) +
                           int(parser.isSet(QStringLiteral("random-encoder"))) +
                           int(parser.isSet(QStringLiteral("vocab-size")));
  if (modelChoices > 1)
    return usage(io, QStringLiteral("choose one of --model, --random-encoder and --vocab-size"));
  if (parser.isSet(QStringLiteral("objective"))) {
    const QString objective = parser.value(QStringLiteral("objective"));
    if (objective != QLatin1String("mlm") && objective != QLatin1String("electra"))
      return usage(io, QStringLiteral("--objective takes mlm or electra, not \"%1\"").arg(objective));
    config.pretrainObjective = objective.toStdString();
  }
  if (parser.isSet(QStringLiteral("model"))) {
    config.modelFolder = QDir(parser.value(QStringLiteral("model"))).absolutePath().toStdString();
    config.vocabSize = 0;
  }
  if (parser.isSet(QStringLiteral("random-encoder"))) {
    config.modelFolder.clear();
    config.vocabSize = 0;
    config.tokenizerFolder =
        QDir(parser.value(QStringLiteral("random-encoder"))).absolutePath().toStdString();
  }
  if (parser.isSet(QStringLiteral("vocab-size"))) {
    bool ok = false;
    config.vocabSize = parser.value(QStringLiteral("vocab-size")).toInt(&ok);
    if (!ok || config.vocabSize < 100 || config.vocabSize > 1000000)
      return usage(io, QStringLiteral("--vocab-size takes a number of tokens between 100 and 1000000"));
    config.modelFolder.clear();
    config.tokenizerFolder.clear();
  }
  if (config.modelFolder.empty() && config.tokenizerFolder.empty() && config.vocabSize == 0)
    return usage(io, QStringLiteral("name what to pretrain: --model FOLDER, --random-encoder "
                                    "TOKENIZER-FOLDER or --vocab-size N"));

  jobs::TrainingSpec spec;
  spec.config = config;
  for (const QString& path : parser.value(QStringLiteral("corpus")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    if (!QFileInfo::exists(path)) return fail(io, Error("no such file or folder", path.toStdString(), 0, "corpus"));
    spec.corpora << QFileInfo(path).absoluteFilePath();
  }
  if (parser.isSet(QStringLiteral("project")) && parser.isSet(QStringLiteral("train")))
    return usage(io, QStringLiteral("choose one of --project and --train"));
  if (parser.isSet(QStringLiteral("project"))) {
    spec.projectPath = parser.value(QStringLiteral("project"));
    auto splits = readSplits(parser, QStringLiteral("split"));
    if (!splits) return fail(io, splits.error());
    spec.trainSplits = splits.value();  // none = every split
    spec.readDev = parser.isSet(QStringLiteral("dev-split"));
    if (spec.readDev) {
      auto devSplits = readSplits(parser, QStringLiteral("dev-split"));
      if (!devSplits) return fail(io, devSplits.error());
      if (devSplits->isEmpty()) return usage(io, QStringLiteral("--dev-split names no split"));
      if (spec.trainSplits.isEmpty())
        return usage(io, QStringLiteral("with --dev-split, name the pretraining splits with --split"));
      for (Split s : devSplits.value())
        if (spec.trainSplits.contains(s))
          return usage(io, QStringLiteral("split \"%1\" is both pretrained on and evaluated on").arg(splitName(s)));
      spec.devSplits = devSplits.value();
    }
  } else {
    if (parser.isSet(QStringLiteral("dev-split")))
      return usage(io, QStringLiteral("--dev-split needs --project"));
    if (parser.isSet(QStringLiteral("train"))) {
      auto documents = readDocuments(parser, QString(), QStringLiteral("train"));
      if (!documents) return fail(io, documents.error());
      spec.train = std::move(documents.value());
    }
    if (spec.train.documents.empty() && spec.corpora.isEmpty())
      return fail(io, Error("name the text: --project FILE, --train FILES or --corpus PATHS", "", 0, "corpus"));
  }
  spec.outputFolder = parser.value(QStringLiteral("output"));
  spec.resume = parser.isSet(QStringLiteral("resume"));
  if (const int code = readDistributedOptions(parser, io, spec); code != kExitOk) return code;
  spec.runName = QStringLiteral("Pretraining ") +
                 (config.modelFolder.empty() ? QStringLiteral("random encoder")
                                             : QFileInfo(QString::fromStdString(config.modelFolder)).fileName());
  return runJob(std::move(spec), parser.isSet(QStringLiteral("json")), io);
}

}  // namespace quarry::cli
