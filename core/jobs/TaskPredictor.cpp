#include "jobs/TaskPredictor.h"

#include <algorithm>
#include <chrono>

#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/TransformerTagger.h"
#include "train/qa/QaTask.h"
#include "train/relation/RelationCandidates.h"
#include "train/relation/RelationPipeline.h"
#include "train/relation/RelationPrediction.h"

namespace quarry::jobs {
namespace {

using document::AnnotatedDocument;

// Documents [begin, end) as the engine takes them: a vector of their own.
std::vector<AnnotatedDocument> chunkOf(const PredictionResults& results, size_t begin, size_t end) {
  const auto& all = results.documents.documents;
  return {all.begin() + std::ptrdiff_t(begin), all.begin() + std::ptrdiff_t(end)};
}

// Leaves out the predictions of `row` below `minConfidence`; returns how many are kept.
template <typename T>
size_t keepConfident(std::vector<T>& row, double minConfidence) {
  row.erase(std::remove_if(row.begin(), row.end(), [&](const T& p) { return p.confidence < minConfidence; }),
            row.end());
  return row.size();
}

// Relations: per document, one decision per candidate pair the model read (its distribution over no
// relation and the types, so a pair it nearly related counts), and one binary decision per document-level
// relation; combined by Max.
std::vector<DocumentDecisions> relationDecisions(const train::RelationRun& run, size_t documents) {
  std::vector<DocumentDecisions> out(documents);
  for (size_t c = 0; c < run.candidates.size() && c < run.probabilities.size(); ++c) {
    const auto d = static_cast<size_t>(run.candidates[c].document);
    if (d < documents)
      out[d].decisions.push_back({std::vector<double>(run.probabilities[c].begin(), run.probabilities[c].end()), 1.0});
  }
  for (size_t d = 0; d < documents && d < run.conceptRelations.size(); ++d)
    for (const auto& r : run.conceptRelations[d]) out[d].decisions.push_back({{r.confidence, 1.0 - r.confidence}, 1.0});
  for (DocumentDecisions& o : out) o.aggregation = suggest::UncertaintyAggregation::Max;
  return out;
}

qint64 storeIdOf(const PredictionResults& results, size_t d) {
  return results.documents.storeIds.value(int(d));
}

class EntityPredictor : public TaskPredictor {
 public:
  EntityPredictor(const PredictionSpec& spec, std::unique_ptr<train::NerTagger> tagger)
      : TaskPredictor(spec), m_tagger(std::move(tagger)) {}

  std::string task() const override { return "ner"; }

  train::TaskModel* embeddingModel() override { return m_tagger.get(); }

  void predict(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts) override {
    const auto started = std::chrono::steady_clock::now();
    const std::vector<AnnotatedDocument> chunk = chunkOf(results, begin, end);
    const train::NerData data = train::buildNerData(chunk, m_tagger->tags().types(), train::NerDataOptions{});
    std::vector<train::DocumentTagDistributions> words;
    auto predicted = m_uncertainty ? train::predictSpans(*m_tagger, data, chunk.size(), m_batchSize, words)
                                   : train::predictSpans(*m_tagger, data, chunk.size(), m_batchSize);
    counts.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    counts.inputs += qint64(data.sentences.size());
    for (size_t d = 0; d < chunk.size(); ++d) {
      if (m_uncertainty)
        results.uncertainty[begin + d] = wordDecisions(std::move(words[d].words), words[d].logProbability);
      counts.predictions += qint64(keepConfident(predicted[d], m_minConfidence));
      results.predictions[begin + d].entities = std::move(predicted[d]);
    }
  }

  QVector<Prediction> rows(qint64 runId, const PredictionResults& results, size_t d) const override {
    return entityPredictions(runId, storeIdOf(results, d), results.documents.documents[d],
                             results.predictions[d].entities);
  }

 private:
  std::unique_ptr<train::NerTagger> m_tagger;
};

class LabelPredictor : public TaskPredictor {
 public:
  LabelPredictor(const PredictionSpec& spec, std::unique_ptr<train::DocumentClassifier> classifier)
      : TaskPredictor(spec), m_classifier(std::move(classifier)) {}

  std::string task() const override { return "classify"; }

  void prepare(PredictionResults& results) const override {
    TaskPredictor::prepare(results);
    results.labels = m_classifier->labels();
    results.probabilities.resize(results.documents.documents.size());
  }

  train::TaskModel* embeddingModel() override { return m_classifier.get(); }

  void predict(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts) override {
    const std::vector<AnnotatedDocument> chunk = chunkOf(results, begin, end);
    train::ClassifyRun run = train::classifyDocuments(*m_classifier, chunk, m_batchSize);
    counts.seconds += run.seconds;
    counts.inputs += qint64(chunk.size());
    for (size_t d = 0; d < chunk.size(); ++d) {
      if (m_uncertainty)
        results.uncertainty[begin + d] =
            labelDecisions(run.probabilities[d], m_classifier->multiLabel(), m_classifier->thresholds());
      counts.predictions += qint64(keepConfident(run.predicted[d], m_minConfidence));
      results.predictions[begin + d].labels = std::move(run.predicted[d]);
      results.probabilities[begin + d] = std::move(run.probabilities[d]);
    }
  }

  QVector<Prediction> rows(qint64 runId, const PredictionResults& results, size_t d) const override {
    return labelPredictions(runId, storeIdOf(results, d), results.predictions[d].labels);
  }

 private:
  std::unique_ptr<train::DocumentClassifier> m_classifier;
};

class AnswerPredictor : public TaskPredictor {
 public:
  AnswerPredictor(const PredictionSpec& spec, std::unique_ptr<train::QaModel> model)
      : TaskPredictor(spec), m_model(std::move(model)) {}

  std::string task() const override { return "qa"; }

  train::TaskModel* embeddingModel() override { return m_model.get(); }

  void predict(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts) override {
    const std::vector<AnnotatedDocument> chunk = chunkOf(results, begin, end);
    train::QaRun run = train::answerQuestions(*m_model, chunk, m_batchSize);
    counts.seconds += run.seconds;
    counts.inputs += qint64(run.examples.size());
    // Examples come in document order, each document's in its question order; answers best first.
    std::vector<std::vector<double>> best(m_uncertainty ? chunk.size() : 0);
    for (size_t e = 0; e < run.examples.size(); ++e) {
      const size_t d = size_t(run.examples[e].document);
      if (m_uncertainty && !run.answers[e].empty()) best[d].push_back(run.answers[e].front().confidence);
      auto& answers = results.predictions[begin + d].answers;
      for (document::PredictedAnswer& a : run.answers[e]) {
        if (a.confidence < m_minConfidence) continue;
        counts.predictions += a.noAnswer ? 0 : 1;
        answers.push_back(std::move(a));
      }
    }
    for (size_t d = 0; d < best.size(); ++d) results.uncertainty[begin + d] = confidenceDecisions(best[d]);
  }

  QVector<Prediction> rows(qint64 runId, const PredictionResults& results, size_t d) const override {
    return answerPredictions(runId, storeIdOf(results, d), results.documents.documents[d],
                             results.predictions[d].answers);
  }

 private:
  std::unique_ptr<train::QaModel> m_model;
};

class RelationPredictor : public TaskPredictor {
 public:
  // `tagger`: the NER model that finds the entities; null = the documents' annotated entities.
  RelationPredictor(const PredictionSpec& spec, std::unique_ptr<train::RelationModel> model,
                    std::unique_ptr<train::NerTagger> tagger)
      : TaskPredictor(spec), m_model(std::move(model)), m_tagger(std::move(tagger)) {}

  std::string task() const override { return "relation"; }

  void prepare(PredictionResults& results) const override {
    TaskPredictor::prepare(results);
    results.mentions.resize(results.documents.documents.size());
  }

  train::TaskModel* embeddingModel() override { return m_model.get(); }

  void predict(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts) override {
    const std::vector<AnnotatedDocument> chunk = chunkOf(results, begin, end);
    std::vector<std::vector<document::EntityMention>> mentions =
        m_tagger ? train::pipelineMentions(*m_model, *m_tagger, chunk, m_batchSize)
                 : train::goldMentions(chunk);
    train::RelationRun run = train::runRelationModel(*m_model, chunk, mentions, false, m_batchSize);
    counts.seconds += run.seconds;
    counts.inputs += qint64(run.candidates.size());
    std::vector<DocumentDecisions> decisions = m_uncertainty ? relationDecisions(run, chunk.size())
                                                             : std::vector<DocumentDecisions>{};
    for (size_t d = 0; d < chunk.size(); ++d) {
      document::DocumentPrediction& p = results.predictions[begin + d];
      if (m_uncertainty) results.uncertainty[begin + d] = std::move(decisions[d]);
      counts.predictions += qint64(keepConfident(run.relations[d], m_minConfidence) +
                                   keepConfident(run.conceptRelations[d], m_minConfidence));
      p.relations = std::move(run.relations[d]);
      p.conceptRelations = std::move(run.conceptRelations[d]);
      results.mentions[begin + d] = std::move(mentions[d]);
    }
  }

  QVector<Prediction> rows(qint64 runId, const PredictionResults& results, size_t d) const override {
    const document::DocumentPrediction& p = results.predictions[d];
    return relationPredictions(runId, storeIdOf(results, d), results.documents.documents[d],
                               results.mentions[d], p.relations, p.conceptRelations);
  }

 private:
  std::unique_ptr<train::RelationModel> m_model;
  std::unique_ptr<train::NerTagger> m_tagger;
};

Result<std::unique_ptr<TaskPredictor>> loadEntityPredictor(
    const PredictionSpec& spec, const std::function<void(const QString&)>& notice) {
  auto tagger = train::loadNerTagger(spec.modelFolder.toStdString());
  if (!tagger) return tagger.error();
  if (spec.int8)
    if (auto* transformer = dynamic_cast<train::TransformerTagger*>(tagger.value().get()))
      if (transformer->encoder().enableDynamicInt8() == 0)
        notice(QStringLiteral("int8 kernels are not available in this LibTorch"));
  return std::unique_ptr<TaskPredictor>(std::make_unique<EntityPredictor>(spec, std::move(tagger.value())));
}

Result<std::unique_ptr<TaskPredictor>> loadRelationPredictor(const PredictionSpec& spec) {
  auto model = train::loadRelationModel(spec.modelFolder.toStdString());
  if (!model) return model.error();
  std::unique_ptr<train::NerTagger> tagger;
  if (!spec.nerModelFolder.isEmpty()) {
    auto loaded = train::loadMentionTagger(spec.nerModelFolder.toStdString());
    if (!loaded) return loaded.error();
    tagger = std::move(loaded.value());
  }
  return std::unique_ptr<TaskPredictor>(
      std::make_unique<RelationPredictor>(spec, std::move(model.value()), std::move(tagger)));
}

// A loaded model as its task's predictor.
template <typename Predictor, typename Model>
Result<std::unique_ptr<TaskPredictor>> predictorOf(const PredictionSpec& spec,
                                                   Result<std::unique_ptr<Model>> model) {
  if (!model) return model.error();
  return std::unique_ptr<TaskPredictor>(std::make_unique<Predictor>(spec, std::move(model.value())));
}

}  // namespace

void TaskPredictor::predictChunk(PredictionResults& results, size_t begin, size_t end,
                                 PredictionCounts& counts) {
  predict(results, begin, end, counts);
  train::TaskModel* model = m_uncertainty ? embeddingModel() : nullptr;
  if (!model) return;
  std::vector<std::string> texts;
  for (size_t d = begin; d < end; ++d) texts.push_back(results.documents.documents[d].text);
  std::vector<std::vector<float>> embeddings = model->documentEmbeddings(texts, m_batchSize);
  if (embeddings.size() != texts.size()) return;  // the model gives none
  for (size_t d = begin; d < end; ++d) results.uncertainty[d].embedding = std::move(embeddings[d - begin]);
}

void TaskPredictor::prepare(PredictionResults& results) const {
  results.task = task();
  results.predictions.resize(results.documents.documents.size());
  for (size_t d = 0; d < results.predictions.size(); ++d)
    results.predictions[d].documentId = results.documents.documents[d].id;
  if (m_uncertainty) results.uncertainty.resize(results.predictions.size());
}

Result<std::unique_ptr<TaskPredictor>> TaskPredictor::load(
    const PredictionSpec& spec, const std::function<void(const QString&)>& notice) {
  const std::string folder = spec.modelFolder.toStdString();
  auto task = train::modelFolderTask(folder);
  if (!task) return task.error();
  if (!spec.nerModelFolder.isEmpty() && *task != "relation")
    return Error("a NER model folder applies to relation models only", spec.nerModelFolder.toStdString());
  if (*task == "relation") return loadRelationPredictor(spec);
  if (*task == "qa") return predictorOf<AnswerPredictor>(spec, train::loadQaModel(folder));
  if (*task == "classify") return predictorOf<LabelPredictor>(spec, train::loadDocumentClassifier(folder));
  if (*task == train::kMultiTaskName)
    return Error("a multi-task folder holds one model per task: predict with one of its folders (" + folder +
                     "/ner, " + folder + "/classify, ...)",
                 folder, 0, "task");
  return loadEntityPredictor(spec, notice);
}

}  // namespace quarry::jobs
