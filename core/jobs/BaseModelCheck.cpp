#include "jobs/BaseModelCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include "model/checkpoint/ModelConfig.h"
#include "model/adapters/PeftAdapterFolder.h"
#include "text/TokenizerFactory.h"
#include "train/TransformerFolder.h"
#include "train/TaskFactory.h"

namespace quarry::jobs {
namespace {

// Embeddings (word, position, segment) and per layer: Q, K, V and output projections, two feed-forward
// matrices, their biases and two LayerNorms.
double estimateParameters(const model::ModelConfig& c) {
  const double h = double(c.hiddenSize), e = double(c.embeddingWidth()), i = double(c.intermediateSize);
  const double embeddings =
      (double(c.vocabSize) + double(c.maxPositionEmbeddings) + double(c.typeVocabSize)) * e + 2 * e +
      (e != h ? e * h + h : 0);
  const double layer = 4 * (h * h + h) + 2 * h * i + i + h + 4 * h;
  return embeddings + double(c.numHiddenLayers) * layer;
}

QString displayName(const QString& modelType) {
  if (modelType == QLatin1String("bert")) return QStringLiteral("BERT");
  if (modelType == QLatin1String("roberta")) return QStringLiteral("RoBERTa");
  if (modelType == QLatin1String("distilbert")) return QStringLiteral("DistilBERT");
  if (modelType == QLatin1String("electra")) return QStringLiteral("ELECTRA");
  if (modelType == QLatin1String("deberta-v2")) return QStringLiteral("DeBERTa-v2/v3");
  return modelType;
}

}  // namespace

QString BaseModelInfo::summary() const {
  const QLocale c = QLocale::c();
  QString line = QStringLiteral("%1 · %2 layers × %3 · vocabulary %4 · %5 M parameters")
                     .arg(displayName(modelType))
                     .arg(layers)
                     .arg(hidden)
                     .arg(c.toString(vocabSize))
                     .arg(parameters / 1e6, 0, 'f', 1);
  if (!quarryTask.isEmpty()) line += QStringLiteral(" · a Quarry %1 model").arg(quarryTask);
  if (!adapterFolder.isEmpty())
    line += prefixLength > 0 ? QStringLiteral(" · prefix-tuning adapter of %1 positions").arg(prefixLength)
                             : QStringLiteral(" · LoRA adapter of rank %1").arg(loraRank);
  if (!labels.isEmpty()) {
    const int shown = 6;
    line += QStringLiteral(" · labels: ") + QStringList(labels.mid(0, shown)).join(QStringLiteral(", "));
    if (labels.size() > shown) line += QStringLiteral(" … (%1)").arg(labels.size());
  }
  return line;
}

Result<BaseModelInfo> checkBaseModel(const QString& folder) {
  const QDir dir(folder);
  if (folder.isEmpty() || !QFileInfo(folder).isDir()) return Error("not a folder", folder.toStdString());
  const QString configPath = dir.filePath(QStringLiteral("config.json"));
  if (!QFileInfo::exists(configPath) && QFileInfo::exists(dir.filePath(QString::fromLatin1(model::kPeftConfigFile)))) {
    train::TrainConfig probe = train::TrainConfig::defaultsFor("ner");
    probe.kind = train::ModelKind::Transformer;
    probe.modelFolder = QFileInfo(folder).absoluteFilePath().toStdString();
    auto prefix = train::prefixSourceFor(probe);
    if (!prefix) return prefix.error();
    if (prefix->adapterOnly) {
      if (prefix->base == probe.modelFolder)
        return Error("an adapter whose base is itself", probe.modelFolder, 0, "base_model_name_or_path");
      auto base = checkBaseModel(QString::fromStdString(prefix->base));
      if (!base) return base.error();
      base->adapterFolder = QFileInfo(folder).absoluteFilePath();
      base->prefixLength = prefix->length;
      return base;
    }
    auto lora = train::loraSourceFor(probe);
    if (!lora) return lora.error();
    if (lora->base == probe.modelFolder)
      return Error("an adapter whose base is itself", probe.modelFolder, 0, "base_model_name_or_path");
    auto base = checkBaseModel(QString::fromStdString(lora->base));
    if (!base) return base.error();
    base->adapterFolder = QFileInfo(folder).absoluteFilePath();
    base->loraRank = lora->options ? lora->options->rank : 0;
    return base;
  }
  if (!QFileInfo::exists(configPath))
    return Error("not a Hugging Face model folder: it has no config.json", folder.toStdString());
  auto config = model::ModelConfig::load(configPath.toStdString());
  if (!config) return config.error();
  BaseModelInfo info;
  info.folder = QFileInfo(folder).absoluteFilePath();
  info.modelType = QString::fromStdString(config->modelType);
  for (const std::string& a : config->architectures) info.architectures << QString::fromStdString(a);
  info.vocabSize = config->vocabSize;
  info.layers = config->numHiddenLayers;
  info.hidden = config->hiddenSize;
  info.heads = config->numAttentionHeads;
  info.intermediate = config->intermediateSize;
  info.maxPositions = config->maxPositionEmbeddings;
  info.parameters = estimateParameters(*config);
  if (!config->id2label.empty())
    for (const std::string& label : config->labels()) info.labels << QString::fromStdString(label);
  for (const char* name : {"model.safetensors", "pytorch_model.bin"})
    if (QFileInfo::exists(dir.filePath(QLatin1String(name)))) {
      info.weightsFile = QLatin1String(name);
      break;
    }
  if (info.weightsFile.isEmpty())
    return Error("no weights: neither model.safetensors nor pytorch_model.bin", folder.toStdString());
  auto tokenizer = text::loadTokenizer(folder.toStdString());
  if (!tokenizer) return tokenizer.error();
  info.tokenizerVocab = tokenizer.value()->vocabSize();
  info.tokenizerKind = QString::fromStdString(tokenizer.value()->kind());
  if (info.tokenizerVocab > info.vocabSize)
    return Error("the tokenizer has " + std::to_string(info.tokenizerVocab) +
                     " tokens but the embedding table " + std::to_string(info.vocabSize) +
                     " rows: they do not belong together",
                 configPath.toStdString(), 0, "vocab_size");
  if (auto task = train::modelFolderTask(folder.toStdString()))
    info.quarryTask = QString::fromStdString(task.value());
  return info;
}

}  // namespace quarry::jobs
