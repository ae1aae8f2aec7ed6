#include "jobs/ModelCard.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

namespace quarry::jobs {
namespace {

QString folderFile(const QString& folder, const char* name) {
  return QDir(folder).filePath(QString::fromLatin1(name));
}

QJsonObject readObject(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

// The per-type (NER, relations) or per-label (classification) figures of a task's dev report.
QJsonObject perTypeOf(const QJsonObject& report) {
  for (const char* key : {"per_type", "per_label"})
    if (const QJsonValue v = report.value(QLatin1String(key)); v.isObject()) return v.toObject();
  return {};
}

// What the model tells apart, as its folder names it: quarry_task.json's labels, quarry_ner.json's tags
// without their BIO prefixes, or a transformer's id2label; else the types its dev report scored.
QJsonArray labelsOf(const QString& folder, const QJsonObject& devReport) {
  QJsonValue named = readObject(folderFile(folder, "quarry_task.json")).value(QStringLiteral("labels"));
  if (!named.isArray())
    named = readObject(folderFile(folder, "quarry_ner.json")).value(QStringLiteral("labels"));
  QStringList labels;
  if (named.isArray()) {
    for (const QJsonValue& v : named.toArray()) labels << v.toString();
  } else {
    const QJsonObject id2label =
        readObject(folderFile(folder, "config.json")).value(QStringLiteral("id2label")).toObject();
    for (auto it = id2label.begin(); it != id2label.end(); ++it) labels << it.value().toString();
  }
  if (labels.isEmpty()) labels = perTypeOf(devReport).keys();
  static const QRegularExpression bio(QStringLiteral("^[BIESL]-"));
  QStringList out;
  for (QString label : labels) {
    if (label == QLatin1String("O") || label.isEmpty()) continue;
    if (bio.match(label).hasMatch()) label = label.mid(2);
    if (!out.contains(label)) out << label;
  }
  return QJsonArray::fromStringList(out);
}

// The pipeline of Python transformers that reads a transformer folder of `task`; empty when none does.
QString pipelineTagOf(const QString& task) {
  if (task == QLatin1String("ner")) return QStringLiteral("token-classification");
  if (task == QLatin1String("classify")) return QStringLiteral("text-classification");
  if (task == QLatin1String("qa")) return QStringLiteral("question-answering");
  return {};
}

QString dateOf(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }

// A JSON string is a YAML scalar that needs no further quoting.
QString yamlString(const QString& s) {
  const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
  return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString figure(const QJsonValue& v) {
  return v.isDouble() ? QString::number(v.toDouble(), 'f', 4) : QStringLiteral("-");
}

QString countsLine(const QString& split, const QJsonObject& counts) {
  QStringList parts;
  for (auto it = counts.begin(); it != counts.end(); ++it)
    if (it.key() != QLatin1String("documents") && it.value().toInteger() > 0)
      parts << QStringLiteral("%1 %2").arg(it.value().toInteger()).arg(it.key());
  return QStringLiteral("- %1: %2 documents%3\n")
      .arg(split)
      .arg(counts.value(QStringLiteral("documents")).toInteger())
      .arg(parts.isEmpty() ? QString() : QStringLiteral(", ") + parts.join(QStringLiteral(", ")));
}

QString loadingSection(const QJsonObject& f) {
  const QString folder = f.value(QStringLiteral("folder")).toString();
  if (!f.value(QStringLiteral("transformer")).toBool())
    return QStringLiteral(
               "A Quarry model trained from scratch: its folder is Quarry's own format, read by Quarry.\n\n"
               "```sh\nquarry-cli predict %1 documents.txt\nquarry-cli predict %1 --project my.quarry\n```\n")
        .arg(folder);
  const QString pipeline = f.value(QStringLiteral("pipeline_tag")).toString();
  QString text = QStringLiteral(
                     "A Hugging Face folder (config.json, model.safetensors, the tokenizer): Python "
                     "transformers loads it; Quarry predicts with it too (`quarry-cli predict %1 "
                     "documents.txt`).\n\n```python\n")
                     .arg(folder);
  if (pipeline.isEmpty())
    text +=
        QStringLiteral(
            "from transformers import AutoModel, AutoTokenizer\n\n"
            "tokenizer = AutoTokenizer.from_pretrained(\"%1\")\nmodel = AutoModel.from_pretrained(\"%1\")\n")
            .arg(folder);
  else
    text +=
        QStringLiteral("from transformers import pipeline\n\npredict = pipeline(\"%1\", model=\"%2\"%3)\n")
            .arg(pipeline, folder,
                 pipeline == QLatin1String("token-classification")
                     ? QStringLiteral(", aggregation_strategy=\"simple\"")
                     : QString());
  return text + QStringLiteral("```\n");
}

}  // namespace

ModelCard::ModelCard(const ModelCardInput& in) {
  const ModelRun& run = in.run;
  const QJsonObject devReport = run.metrics.value(QStringLiteral("metrics")).toObject();
  // From-scratch folders may hold a config.json of their own: the run's configuration tells.
  const bool transformer =
      run.config.value(QStringLiteral("model")).toString() == QLatin1String("transformer");
  QJsonObject data;
  for (const char* split : {"train", "dev"})
    data[QLatin1String(split)] = run.data.value(QLatin1String(split)).toObject();
  m_facts = {
      {QStringLiteral("format_version"), kFormatVersion},
      {QStringLiteral("name"), run.name},
      {QStringLiteral("run_id"), run.id},
      {QStringLiteral("project"), in.projectName},
      {QStringLiteral("task"), run.task},
      {QStringLiteral("model_kind"), run.config.value(QStringLiteral("model")).toString()},
      {QStringLiteral("transformer"), transformer},
      {QStringLiteral("base_model"), run.baseModel},
      {QStringLiteral("pipeline_tag"), transformer ? pipelineTagOf(run.task) : QString()},
      {QStringLiteral("labels"), labelsOf(in.modelFolder, devReport)},
      {QStringLiteral("data"), data},
      {QStringLiteral("lineage"),
       QJsonObject{{QStringLiteral("fingerprint"), run.data.value(QStringLiteral("fingerprint")).toString()},
                   {QStringLiteral("documents"), in.lineageDocuments},
                   {QStringLiteral("annotations"), in.lineageAnnotations}}},
      {QStringLiteral("dev_metrics"), devReport},
      {QStringLiteral("best_dev_score"), run.metrics.value(QStringLiteral("best_dev_score"))},
      {QStringLiteral("config"), run.config},
      {QStringLiteral("started"), dateOf(run.started)},
      {QStringLiteral("finished"), dateOf(run.finished)},
      {QStringLiteral("quarry_version"), QStringLiteral(QUARRY_VERSION)},
      {QStringLiteral("folder"), in.archiveFolder},
  };
}

QString ModelCard::markdown() const {
  const QJsonObject& f = m_facts;
  const auto str = [&](const char* key) { return f.value(QLatin1String(key)).toString(); };
  const bool transformer = f.value(QStringLiteral("transformer")).toBool();
  QString md = QStringLiteral("---\nlibrary_name: %1\ntags:\n- quarry\n- %2\n")
                   .arg(transformer ? QStringLiteral("transformers") : QStringLiteral("quarry"),
                        yamlString(str("task")));
  if (!str("model_kind").isEmpty()) md += QStringLiteral("- %1\n").arg(yamlString(str("model_kind")));
  if (!str("pipeline_tag").isEmpty()) md += QStringLiteral("pipeline_tag: %1\n").arg(str("pipeline_tag"));
  md += QStringLiteral("---\n\n# %1\n\n").arg(str("folder"));
  md += QStringLiteral("%1, trained with Quarry %2 in the project \"%3\" (run %4).\n\n")
            .arg(str("name"), str("quarry_version"), str("project"))
            .arg(f.value(QStringLiteral("run_id")).toInteger());

  md += QStringLiteral("## Model\n\n- Task: %1\n- Model kind: %2\n- Base model: %3\n- Trained: %4 to %5\n\n")
            .arg(str("task"), str("model_kind"), str("base_model"), str("started"), str("finished"));
  QStringList labels;
  for (const QJsonValue& v : f.value(QStringLiteral("labels")).toArray()) labels << v.toString();
  md += QStringLiteral("## Labels\n\n%1\n\n")
            .arg(labels.isEmpty() ? QStringLiteral("(none recorded)") : labels.join(QStringLiteral(", ")));

  const QJsonObject data = f.value(QStringLiteral("data")).toObject();
  md += QStringLiteral("## Training data\n\n");
  md += countsLine(QStringLiteral("Train"), data.value(QStringLiteral("train")).toObject());
  md += countsLine(QStringLiteral("Dev"), data.value(QStringLiteral("dev")).toObject());
  const QJsonObject lineage = f.value(QStringLiteral("lineage")).toObject();
  md += QStringLiteral(
            "\nLineage: data fingerprint `%1`; the run recorded %2 documents and %3 annotations "
            "as it read them.\n\n")
            .arg(lineage.value(QStringLiteral("fingerprint")).toString())
            .arg(lineage.value(QStringLiteral("documents")).toInt())
            .arg(lineage.value(QStringLiteral("annotations")).toInt());

  const QJsonObject dev = f.value(QStringLiteral("dev_metrics")).toObject();
  md += QStringLiteral("## Dev metrics\n\n");
  if (dev.isEmpty()) {
    md += QStringLiteral("Not evaluated.\n\n");
  } else {
    md += QStringLiteral("Primary metric: %1 = %2\n\n")
              .arg(dev.value(QStringLiteral("primary_metric")).toString(),
                   figure(dev.value(QStringLiteral("primary"))));
    const QJsonObject perType = perTypeOf(dev);
    if (!perType.isEmpty()) {
      md += QStringLiteral("| Type | Precision | Recall | F1 | Support |\n|---|---|---|---|---|\n");
      for (auto it = perType.begin(); it != perType.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(it.key(), figure(s.value(QStringLiteral("precision"))),
                       figure(s.value(QStringLiteral("recall"))), figure(s.value(QStringLiteral("f1"))),
                       QString::number(s.value(QStringLiteral("support")).toInteger()));
      }
      md += u'\n';
    }
  }

  md += QStringLiteral("## Training configuration\n\n```json\n%1```\n\n")
            .arg(QString::fromUtf8(QJsonDocument(f.value(QStringLiteral("config")).toObject()).toJson()));
  md += QStringLiteral("## How to load it\n\n") + loadingSection(f);
  return md;
}

}  // namespace quarry::jobs
