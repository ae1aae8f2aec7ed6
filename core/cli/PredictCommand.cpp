#include "cli/PredictCommand.h"

#include <algorithm>
#include <functional>
#include <memory>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/TaskCommandSupport.h"
#include "common/SignalRouting.h"
#include "corpus/TextOffsets.h"
#include "formats/TextFile.h"
#include "jobs/PredictionJob.h"
#include "train/TaskFactory.h"

namespace quarry::cli {
namespace {

using jobs::PredictionResults;

// The JSONL line of document `d` without its predictions: its text and its name.
QJsonObject lineOf(const PredictionResults& r, size_t d) {
  const document::AnnotatedDocument& document = r.documents.documents[d];
  return {
      {QStringLiteral("text"), QString::fromStdString(document.text)},
      {QStringLiteral("meta"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(document.id)}}}};
}

QJsonObject spansLine(const PredictionResults& r, size_t d) {
  QJsonObject line = lineOf(r, d);
  const QString text = line.value(QStringLiteral("text")).toString();
  const TextOffsets offsets(text);
  QJsonArray spans;
  for (const document::PredictedEntity& e : r.predictions[d].entities)
    spans.append(QJsonObject{{QStringLiteral("start"), e.start},
                             {QStringLiteral("end"), e.end},
                             {QStringLiteral("label"), QString::fromStdString(e.type)},
                             {QStringLiteral("text"), offsets.slice(text, e.start, e.end)},
                             {QStringLiteral("confidence"), e.confidence}});
  line.insert(QStringLiteral("spans"), spans);
  return line;
}

QJsonObject answersLine(const PredictionResults& r, size_t d) {
  QJsonObject line = lineOf(r, d);
  const std::vector<document::QuestionAnswers>& questions = r.documents.documents[d].questions;
  QJsonArray answers;
  for (const document::PredictedAnswer& a : r.predictions[d].answers) {
    const auto asked = std::find_if(questions.begin(), questions.end(),
                                    [&](const document::QuestionAnswers& q) { return q.id == a.questionId; });
    QJsonObject o{{QStringLiteral("question_id"), QString::fromStdString(a.questionId)},
                  {QStringLiteral("question"),
                   asked == questions.end() ? QString() : QString::fromStdString(asked->question)},
                  {QStringLiteral("confidence"), a.confidence}};
    if (a.noAnswer) {
      o.insert(QStringLiteral("no_answer"), true);
    } else {
      o.insert(QStringLiteral("start"), a.start);
      o.insert(QStringLiteral("end"), a.end);
      o.insert(QStringLiteral("text"), QString::fromStdString(a.text));
    }
    answers.append(o);
  }
  line.insert(QStringLiteral("answers"), answers);
  return line;
}

// The document's entities (annotated or predicted) and the relations between them by index.
QJsonObject relationsLine(const PredictionResults& r, size_t d) {
  QJsonObject line = lineOf(r, d);
  const QString text = line.value(QStringLiteral("text")).toString();
  const TextOffsets offsets(text);
  QJsonArray entities, relations;
  for (const document::EntityMention& m : r.mentions[d])
    entities.append(QJsonObject{{QStringLiteral("start"), m.start},
                                {QStringLiteral("end"), m.end},
                                {QStringLiteral("label"), QString::fromStdString(m.type)},
                                {QStringLiteral("text"), offsets.slice(text, m.start, m.end)}});
  for (const document::PredictedRelation& rel : r.predictions[d].relations)
    relations.append(QJsonObject{{QStringLiteral("head"), rel.head},
                                 {QStringLiteral("tail"), rel.tail},
                                 {QStringLiteral("label"), QString::fromStdString(rel.type)},
                                 {QStringLiteral("confidence"), rel.confidence}});
  for (const document::PredictedConceptRelation& rel : r.predictions[d].conceptRelations)
    relations.append(QJsonObject{{QStringLiteral("head_concept"), QString::fromStdString(rel.headConcept)},
                                 {QStringLiteral("tail_concept"), QString::fromStdString(rel.tailConcept)},
                                 {QStringLiteral("label"), QString::fromStdString(rel.type)},
                                 {QStringLiteral("confidence"), rel.confidence}});
  line.insert(QStringLiteral("entities"), entities);
  line.insert(QStringLiteral("relations"), relations);
  return line;
}

// spaCy's JSONL: "cats" holds every label's probability; "labels" the ones decided (per-label thresholds
// of a multi-label model, the most probable of a single-label one).
QJsonObject labelsLine(const PredictionResults& r, size_t d) {
  QJsonObject line = lineOf(r, d);
  QJsonObject cats;
  for (size_t l = 0; l < r.labels.size(); ++l)
    cats.insert(QString::fromStdString(r.labels[l]), double(r.probabilities[d][l]));
  QJsonArray decided;
  for (const document::PredictedLabel& l : r.predictions[d].labels)
    decided.append(QString::fromStdString(l.label));
  line.insert(QStringLiteral("cats"), cats);
  line.insert(QStringLiteral("labels"), decided);
  return line;
}

std::function<QJsonObject(const PredictionResults&, size_t)> lineWriterFor(const std::string& task) {
  if (task == "qa") return answersLine;
  if (task == "relation") return relationsLine;
  if (task == "classify") return labelsLine;
  return spansLine;
}

// The summary line: what was predicted, in how many documents, and how fast the model read.
void printSummary(QTextStream& out, const QString& task, const jobs::PredictionCounts& c) {
  const qint64 rate = qint64(c.inputsPerSecond());
  if (task == QLatin1String("qa"))
    out << c.predictions << " answers to " << c.inputs << " questions in " << c.documents << " documents ("
        << rate << " questions/s)\n";
  else if (task == QLatin1String("relation"))
    out << c.predictions << " relations in " << c.documents << " documents (" << c.inputs
        << " candidate pairs, " << rate << " pairs/s)\n";
  else if (task == QLatin1String("classify"))
    out << c.predictions << " labels in " << c.documents << " documents (" << rate << " documents/s)\n";
  else
    out << c.predictions << " spans in " << c.documents << " documents (" << c.inputs << " sentences, "
        << rate << " sentences/s)\n";
}

}  // namespace

void PredictCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("model"),
                               QStringLiteral("A model folder written by quarry-cli train (best/)."));
  parser.addPositionalArgument(QStringLiteral("files"),
                               QStringLiteral("UTF-8 text files, one document each (or use --project)."),
                               QStringLiteral("[files...]"));
  parser.addOption({QStringLiteral("project"),
                    QStringLiteral("Predict for this project's documents (*.quarry)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("split"),
                    QStringLiteral("With --project: the split(s), comma-separated (default: unassigned)."),
                    QStringLiteral("names"), QStringLiteral("unassigned")});
  parser.addOption({QStringLiteral("output"), QStringLiteral("Write the predictions as JSONL to this file."),
                    QStringLiteral("file")});
  parser.addOption(
      {QStringLiteral("no-store"), QStringLiteral("With --project: do not write the predictions table.")});
  parser.addOption({QStringLiteral("min-confidence"),
                    QStringLiteral("Leave out spans or labels below this confidence (0..1, default 0)."),
                    QStringLiteral("p"), QStringLiteral("0")});
  parser.addOption(
      {QStringLiteral("question"),
       QStringLiteral("QA models: ask this question of every document (repeatable). Default: the "
                      "documents' own questions; with --project, a document that annotates no answer "
                      "is asked every phrasing of each of the project's QA fields, the question ids "
                      "naming the field (FIELD, or FIELD#k of a field with several phrasings)."),
       QStringLiteral("text")});
  parser.addOption(
      {QStringLiteral("ner-model"),
       QStringLiteral("Relation models: find the entities with this NER model folder (needed for "
                      "text files; with --project the annotated entities are used otherwise)."),
       QStringLiteral("folder")});
  parser.addOption(
      {QStringLiteral("int8"), QStringLiteral("Transformers: int8 weights for the linear layers (about 1.4x "
                                              "faster on CPU, scores within ~1e-2).")});
  parser.addOption(
      {QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
}

int PredictCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.isEmpty()) return usage(io, QStringLiteral("expects a model folder"));
  const bool fromProject = parser.isSet(QStringLiteral("project"));
  if (fromProject == (args.size() > 1))
    return usage(io, QStringLiteral("give text files or --project, not both"));
  if (!fromProject && !parser.isSet(QStringLiteral("output")))
    return usage(io, QStringLiteral("text files need --output FILE.jsonl"));
  auto task = train::modelFolderTask(args[0].toStdString());
  if (!task) return fail(io, task.error());
  if (*task == "relation") {
    if (!fromProject && !parser.isSet(QStringLiteral("ner-model")))
      return usage(io, QStringLiteral("text files have no entities: name a NER model with --ner-model"));
  } else if (parser.isSet(QStringLiteral("ner-model"))) {
    return usage(io, QStringLiteral("--ner-model applies to relation models"));
  }

  jobs::PredictionSpec spec;
  spec.modelFolder = args[0];
  bool ok = false;
  spec.minConfidence = parser.value(QStringLiteral("min-confidence")).toDouble(&ok);
  if (!ok || spec.minConfidence < 0 || spec.minConfidence > 1)
    return usage(io, QStringLiteral("--min-confidence expects a number in 0..1"));
  spec.questions = parser.values(QStringLiteral("question"));
  spec.nerModelFolder = parser.value(QStringLiteral("ner-model"));
  spec.int8 = parser.isSet(QStringLiteral("int8"));
  spec.threads = parser.value(QStringLiteral("threads")).toInt();
  if (fromProject) {
    spec.projectPath = parser.value(QStringLiteral("project"));
    auto splits = readSplits(parser, QStringLiteral("split"));
    if (!splits) return fail(io, splits.error());
    spec.splits = splits.value();
    spec.store = !parser.isSet(QStringLiteral("no-store"));
  } else {
    for (const QString& path : args.mid(1)) {
      auto text = readUtf8File(path);
      if (!text) return fail(io, text.error());
      spec.documents.documents.emplace_back(QFileInfo(path).fileName().toStdString(),
                                            text.value().toStdString());
    }
  }
  // Opened first, so that an output that cannot be written fails before the model runs; written only
  // when prediction succeeds.
  std::unique_ptr<QSaveFile> output;
  if (parser.isSet(QStringLiteral("output"))) {
    output = std::make_unique<QSaveFile>(parser.value(QStringLiteral("output")));
    if (!output->open(QIODevice::WriteOnly))
      return fail(io, Error("cannot write", output->fileName().toStdString()));
  }

  jobs::PredictionJob job(std::move(spec));
  QObject::connect(&job, &jobs::PredictionJob::notice,
                   [&io](const QString& text) { io.err << "note: " << text << '\n'; });
  // An interrupt cancels between chunks of documents: the run ends cancelled, nothing is written.
  auto interrupts = std::make_unique<SignalRouting::Scope>([&job](int) { job.cancel(); });
  const jobs::PredictionOutcome outcome = job.runHere();
  interrupts.reset();
  if (!outcome.recordWarning.isEmpty())
    io.err << "warning: the run could not be recorded: " << outcome.recordWarning << '\n';
  if (outcome.status == RunStatus::Failed) {
    if (outcome.nothingToAsk)
      return fail(io,
                  QString::fromStdString(outcome.error.message) + QStringLiteral(" with --question TEXT"));
    return fail(io, outcome.error);
  }
  if (outcome.status == RunStatus::Cancelled) {
    io.err << "quarry-cli " << name() << ": cancelled after " << outcome.counts.documents
           << " documents; nothing written" << Qt::endl;
    return kExitCancelled;
  }

  const PredictionResults& results = *outcome.results;
  if (output) {
    const auto lineOfDocument = lineWriterFor(results.task);
    for (size_t d = 0; d < results.documents.documents.size(); ++d)
      output->write(QJsonDocument(lineOfDocument(results, d)).toJson(QJsonDocument::Compact) + '\n');
    if (!output->commit())
      return fail(io, Error("cannot write (disk full?)", output->fileName().toStdString()));
  }
  if (outcome.runId) io.out << "run " << outcome.runId << ": ";
  printSummary(io.out, outcome.task, outcome.counts);
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
