#include "cli/PredictCommand.h"

#include <chrono>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include "cli/TaskCommandSupport.h"
#include "corpus/TextOffsets.h"
#include "formats/TextFile.h"
#include "model/kernels/CpuThreads.h"
#include "store/ProjectStore.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/TransformerTagger.h"
#include "train/qa/QaTask.h"
#include "train/relation/RelationPipeline.h"
#include "train/relation/RelationPrediction.h"

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
  parser.addOption({QStringLiteral("min-confidence"), QStringLiteral("Leave out spans or labels below this confidence (0..1, default 0)."),
                    QStringLiteral("p"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("question"),
                    QStringLiteral("QA models: ask this question of every document (repeatable). Default: the "
                                   "documents' own questions; with --project, a document that annotates no answer "
                                   "is asked every phrasing of each of the project's QA fields, the question ids "
                                   "naming the field (FIELD, or FIELD#k of a field with several phrasings)."),
                    QStringLiteral("text")});
  parser.addOption({QStringLiteral("ner-model"),
                    QStringLiteral("Relation models: find the entities with this NER model folder (needed for "
                                   "text files; with --project the annotated entities are used otherwise)."),
                    QStringLiteral("folder")});
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
  auto task = train::modelFolderTask(args[0].toStdString());
  if (!task) return fail(io, task.error());
  const bool classify = *task == "classify", qa = *task == "qa", relation = *task == "relation";
  std::unique_ptr<train::NerTagger> tagger;
  std::unique_ptr<train::DocumentClassifier> classifier;
  std::unique_ptr<train::QaModel> answerer;
  std::unique_ptr<train::RelationModel> relationModel;
  if (relation) {
    auto loaded = train::loadRelationModel(args[0].toStdString());
    if (!loaded) return fail(io, loaded.error());
    relationModel = std::move(loaded.value());
    if (!fromProject && !parser.isSet(QStringLiteral("ner-model")))
      return usage(io, QStringLiteral("text files have no entities: name a NER model with --ner-model"));
  } else if (parser.isSet(QStringLiteral("ner-model"))) {
    return usage(io, QStringLiteral("--ner-model applies to relation models"));
  } else if (qa) {
    auto loaded = train::loadQaModel(args[0].toStdString());
    if (!loaded) return fail(io, loaded.error());
    answerer = std::move(loaded.value());
  } else if (classify) {
    auto loaded = train::loadDocumentClassifier(args[0].toStdString());
    if (!loaded) return fail(io, loaded.error());
    classifier = std::move(loaded.value());
  } else {
    auto loaded = train::loadNerTagger(args[0].toStdString());
    if (!loaded) return fail(io, loaded.error());
    tagger = std::move(loaded.value());
    if (parser.isSet(QStringLiteral("int8")))
      if (auto* transformer = dynamic_cast<train::TransformerTagger*>(tagger.get()))
        if (transformer->encoder().enableDynamicInt8() == 0) io.err << "note: int8 kernels are not available in this LibTorch\n";
  }
  bool ok = false;
  const double minConfidence = parser.value(QStringLiteral("min-confidence")).toDouble(&ok);
  if (!ok || minConfidence < 0 || minConfidence > 1) return usage(io, QStringLiteral("--min-confidence expects a number in 0..1"));

  jobs::DocumentSet set;
  if (fromProject) {
    auto read = readDocuments(parser, QStringLiteral("split"), QString());
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
  const QStringList asked = parser.values(QStringLiteral("question"));
  if (qa && asked.isEmpty()) jobs::askQaFields(set);  // (files have no schema: their sets have no QA fields)
  for (document::AnnotatedDocument& d : set.documents) {  // predictions do not see the gold annotations
    if (!relation || parser.isSet(QStringLiteral("ner-model"))) d.entities.clear();  // (a relation model reads the entities)
    d.relations.clear();
    d.conceptRelations.clear();
    d.labels.clear();
    if (!qa || !asked.isEmpty()) d.questions.clear();
    for (document::QuestionAnswers& q : d.questions) q.answers.clear();  // QA: the questions are the input
    for (int k = 0; qa && k < asked.size(); ++k)
      d.questions.push_back({"question-" + std::to_string(k + 1), "", asked[k].toStdString(), {}});
  }
  if (qa) return predictAnswers(parser, io, *answerer, set, minConfidence);
  if (classify) return predictLabels(parser, io, *classifier, set, minConfidence);
  if (relation) return predictRelations(parser, io, *relationModel, set, minConfidence);

  const auto started = std::chrono::steady_clock::now();
  const train::NerData data = train::buildNerData(set.documents, tagger->tags().types(), train::NerDataOptions{});
  std::vector<std::vector<document::PredictedEntity>> predicted =
      train::predictSpans(*tagger, data, set.documents.size(), 64);
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
    auto id = storePredictions(parser, QStringLiteral("NER predictions"),
                               QJsonObject{{QStringLiteral("documents"), int(set.documents.size())},
                                           {QStringLiteral("spans"), qint64(spans)}},
                               set.documents.size(), [&](qint64 runId, size_t d) {
                                 return jobs::entityPredictions(runId, set.storeIds.value(int(d)), set.documents[d], predicted[d]);
                               });
    if (!id) return fail(io, id.error());
    io.out << "run " << id.value() << ": ";
  }
  io.out << spans << " spans in " << set.documents.size() << " documents (" << data.sentences.size() << " sentences, "
         << qint64(seconds > 0 ? double(data.sentences.size()) / seconds : 0.0) << " sentences/s)\n";
  io.out.flush();
  return kExitOk;
}

Result<qint64> PredictCommand::storePredictions(const QCommandLineParser& parser, const QString& name,
                                               const QJsonObject& metrics,
                                               size_t documents,
                                               const std::function<QVector<Prediction>(qint64, size_t)>& rowsOf) const {
  auto store = ProjectStore::open(parser.value(QStringLiteral("project")));
  if (!store) return store.error();
  ModelRun run;
  run.name = name;
  run.baseModel = QFileInfo(parser.positionalArguments().front()).absoluteFilePath();
  run.status = RunStatus::Finished;
  run.started = run.finished = QDateTime::currentDateTimeUtc();
  run.checkpointPath = run.baseModel;
  run.metrics = metrics;
  auto id = store.value()->createRun(run);
  if (!id) return id.error();
  QVector<Prediction> rows;
  for (size_t d = 0; d < documents; ++d) rows += rowsOf(id.value(), d);
  auto written = store.value()->addPredictions(id.value(), rows);
  if (!written) return written.error();
  return id.value();
}

int PredictCommand::predictAnswers(const QCommandLineParser& parser, CliIo& io, train::QaModel& model,
                                   const jobs::DocumentSet& set, double minConfidence) const {
  train::QaRun run = train::answerQuestions(model, set.documents, 64);
  if (run.examples.empty())
    return fail(io, parser.isSet(QStringLiteral("project"))
                        ? QStringLiteral("the documents have no questions and the project no QA fields: ask some "
                                         "with --question TEXT")
                        : QStringLiteral("the documents have no questions: ask some with --question TEXT"));
  // Per document, its examples' answers (examples come in document order).
  std::vector<std::vector<document::PredictedAnswer>> perDocument(set.documents.size());
  std::vector<QJsonArray> lines(set.documents.size());
  size_t answered = 0;
  for (size_t e = 0; e < run.examples.size(); ++e) {
    const auto d = static_cast<size_t>(run.examples[e].document);
    for (const document::PredictedAnswer& a : run.answers[e]) {
      if (a.confidence < minConfidence) continue;
      answered += a.noAnswer ? 0 : 1;
      perDocument[d].push_back(a);
      QJsonObject o{{QStringLiteral("question_id"), QString::fromStdString(a.questionId)},
                    {QStringLiteral("question"), QString::fromStdString(run.examples[e].question)},
                    {QStringLiteral("confidence"), a.confidence}};
      if (a.noAnswer) {
        o.insert(QStringLiteral("no_answer"), true);
      } else {
        o.insert(QStringLiteral("start"), a.start);
        o.insert(QStringLiteral("end"), a.end);
        o.insert(QStringLiteral("text"), QString::fromStdString(a.text));
      }
      lines[d].append(o);
    }
  }
  if (parser.isSet(QStringLiteral("output"))) {
    QSaveFile out(parser.value(QStringLiteral("output")));
    if (!out.open(QIODevice::WriteOnly)) return fail(io, Error("cannot write", parser.value(QStringLiteral("output")).toStdString()));
    for (size_t d = 0; d < set.documents.size(); ++d) {
      const QJsonObject line{{QStringLiteral("text"), QString::fromStdString(set.documents[d].text)},
                             {QStringLiteral("answers"), lines[d]},
                             {QStringLiteral("meta"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(set.documents[d].id)}}}};
      out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!out.commit()) return fail(io, Error("cannot write (disk full?)", parser.value(QStringLiteral("output")).toStdString()));
  }
  if (parser.isSet(QStringLiteral("project")) && !parser.isSet(QStringLiteral("no-store"))) {
    auto id = storePredictions(parser, QStringLiteral("QA predictions"),
                               QJsonObject{{QStringLiteral("documents"), int(set.documents.size())},
                                           {QStringLiteral("questions"), qint64(run.examples.size())},
                                           {QStringLiteral("answers"), qint64(answered)}},
                               set.documents.size(), [&](qint64 runId, size_t d) {
                                 return jobs::answerPredictions(runId, set.storeIds.value(int(d)), set.documents[d], perDocument[d]);
                               });
    if (!id) return fail(io, id.error());
    io.out << "run " << id.value() << ": ";
  }
  io.out << answered << " answers to " << run.examples.size() << " questions in " << set.documents.size()
         << " documents (" << qint64(run.seconds > 0 ? double(run.examples.size()) / run.seconds : 0.0)
         << " questions/s)\n";
  io.out.flush();
  return kExitOk;
}

int PredictCommand::predictRelations(const QCommandLineParser& parser, CliIo& io, train::RelationModel& model,
                                     const jobs::DocumentSet& set, double minConfidence) const {
  std::vector<std::vector<document::EntityMention>> mentions;
  if (parser.isSet(QStringLiteral("ner-model"))) {
    auto found = train::pipelineMentions(model, parser.value(QStringLiteral("ner-model")).toStdString(), set.documents, 64);
    if (!found) return fail(io, found.error());
    mentions = std::move(found.value());
  } else {
    mentions = train::goldMentions(set.documents);
  }
  train::RelationRun run = train::runRelationModel(model, set.documents, mentions, false, 64);
  size_t relations = 0;
  for (size_t d = 0; d < set.documents.size(); ++d) {
    auto& row = run.relations[d];
    row.erase(std::remove_if(row.begin(), row.end(), [&](const document::PredictedRelation& r) { return r.confidence < minConfidence; }),
              row.end());
    auto& concepts = run.conceptRelations[d];
    concepts.erase(std::remove_if(concepts.begin(), concepts.end(),
                                  [&](const document::PredictedConceptRelation& r) { return r.confidence < minConfidence; }),
                   concepts.end());
    relations += row.size() + concepts.size();
  }
  if (parser.isSet(QStringLiteral("output"))) {
    // One line per document: its entities (annotated or predicted) and the relations between them by index.
    QSaveFile out(parser.value(QStringLiteral("output")));
    if (!out.open(QIODevice::WriteOnly)) return fail(io, Error("cannot write", parser.value(QStringLiteral("output")).toStdString()));
    for (size_t d = 0; d < set.documents.size(); ++d) {
      const QString text = QString::fromStdString(set.documents[d].text);
      const TextOffsets offsets(text);
      QJsonArray entities, relationArray;
      for (const document::EntityMention& m : mentions[d])
        entities.append(QJsonObject{{QStringLiteral("start"), m.start}, {QStringLiteral("end"), m.end},
                                    {QStringLiteral("label"), QString::fromStdString(m.type)},
                                    {QStringLiteral("text"), offsets.slice(text, m.start, m.end)}});
      for (const document::PredictedRelation& r : run.relations[d])
        relationArray.append(QJsonObject{{QStringLiteral("head"), r.head}, {QStringLiteral("tail"), r.tail},
                                         {QStringLiteral("label"), QString::fromStdString(r.type)},
                                         {QStringLiteral("confidence"), r.confidence}});
      for (const document::PredictedConceptRelation& r : run.conceptRelations[d])
        relationArray.append(QJsonObject{{QStringLiteral("head_concept"), QString::fromStdString(r.headConcept)},
                                         {QStringLiteral("tail_concept"), QString::fromStdString(r.tailConcept)},
                                         {QStringLiteral("label"), QString::fromStdString(r.type)},
                                         {QStringLiteral("confidence"), r.confidence}});
      const QJsonObject line{{QStringLiteral("text"), text}, {QStringLiteral("entities"), entities},
                             {QStringLiteral("relations"), relationArray},
                             {QStringLiteral("meta"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(set.documents[d].id)}}}};
      out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!out.commit()) return fail(io, Error("cannot write (disk full?)", parser.value(QStringLiteral("output")).toStdString()));
  }
  if (parser.isSet(QStringLiteral("project")) && !parser.isSet(QStringLiteral("no-store"))) {
    auto id = storePredictions(parser, QStringLiteral("Relation predictions"),
                               QJsonObject{{QStringLiteral("documents"), int(set.documents.size())},
                                           {QStringLiteral("relations"), qint64(relations)}},
                               set.documents.size(), [&](qint64 runId, size_t d) {
                                 return jobs::relationPredictions(runId, set.storeIds.value(int(d)), set.documents[d], mentions[d],
                                                                  run.relations[d], run.conceptRelations[d]);
                               });
    if (!id) return fail(io, id.error());
    io.out << "run " << id.value() << ": ";
  }
  io.out << relations << " relations in " << set.documents.size() << " documents (" << run.candidates.size()
         << " candidate pairs, " << qint64(run.seconds > 0 ? double(run.candidates.size()) / run.seconds : 0.0)
         << " pairs/s)\n";
  io.out.flush();
  return kExitOk;
}

int PredictCommand::predictLabels(const QCommandLineParser& parser, CliIo& io, train::DocumentClassifier& classifier,
                                  const jobs::DocumentSet& set, double minConfidence) const {
  train::ClassifyRun run = train::classifyDocuments(classifier, set.documents, 64);
  size_t labels = 0;
  for (auto& row : run.predicted) {
    row.erase(std::remove_if(row.begin(), row.end(),
                             [&](const document::PredictedLabel& l) { return l.confidence < minConfidence; }),
              row.end());
    labels += row.size();
  }
  if (parser.isSet(QStringLiteral("output"))) {
    // spaCy's JSONL: "cats" holds every label's probability; "labels" the ones decided (per-label
    // thresholds of a multi-label model, the most probable of a single-label one).
    QSaveFile out(parser.value(QStringLiteral("output")));
    if (!out.open(QIODevice::WriteOnly)) return fail(io, Error("cannot write", parser.value(QStringLiteral("output")).toStdString()));
    for (size_t d = 0; d < set.documents.size(); ++d) {
      QJsonObject cats;
      for (size_t l = 0; l < classifier.labels().size(); ++l)
        cats.insert(QString::fromStdString(classifier.labels()[l]), double(run.probabilities[d][l]));
      QJsonArray decided;
      for (const document::PredictedLabel& l : run.predicted[d]) decided.append(QString::fromStdString(l.label));
      const QJsonObject line{{QStringLiteral("text"), QString::fromStdString(set.documents[d].text)},
                             {QStringLiteral("cats"), cats},
                             {QStringLiteral("labels"), decided},
                             {QStringLiteral("meta"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(set.documents[d].id)}}}};
      out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!out.commit()) return fail(io, Error("cannot write (disk full?)", parser.value(QStringLiteral("output")).toStdString()));
  }
  if (parser.isSet(QStringLiteral("project")) && !parser.isSet(QStringLiteral("no-store"))) {
    auto id = storePredictions(parser, QStringLiteral("Classification predictions"),
                               QJsonObject{{QStringLiteral("documents"), int(set.documents.size())},
                                           {QStringLiteral("labels"), qint64(labels)}},
                               set.documents.size(), [&](qint64 runId, size_t d) {
                                 return jobs::labelPredictions(runId, set.storeIds.value(int(d)), run.predicted[d]);
                               });
    if (!id) return fail(io, id.error());
    io.out << "run " << id.value() << ": ";
  }
  io.out << labels << " labels in " << set.documents.size() << " documents ("
         << qint64(run.seconds > 0 ? double(set.documents.size()) / run.seconds : 0.0) << " documents/s)\n";
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
