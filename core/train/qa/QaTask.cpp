#include "train/qa/QaTask.h"

#include <chrono>
#include <cstdio>

#include "common/Log.h"
#include "train/TrainState.h"

namespace quarry::train {

namespace {

QaModel& qaOf(TaskModel& model) { return static_cast<QaModel&>(model); }

size_t questionCount(const std::vector<document::AnnotatedDocument>& documents, bool unanswerableOnly = false) {
  size_t n = 0;
  for (const auto& d : documents)
    for (const auto& q : d.questions) n += !unanswerableOnly || q.answers.empty();
  return n;
}

// Decides every example's answers under the model's rule.
std::vector<std::vector<document::PredictedAnswer>> decideAll(const QaModel& model,
                                                              const std::vector<document::AnnotatedDocument>& documents,
                                                              const std::vector<QaExample>& examples,
                                                              const std::vector<QaQuestionScores>& scores) {
  std::vector<std::vector<document::PredictedAnswer>> out;
  out.reserve(examples.size());
  const QaAnswerRule rule = model.answerRule();
  for (size_t e = 0; e < examples.size(); ++e)
    out.push_back(decideAnswers(scores[e], examples[e].questionId,
                                documents[static_cast<size_t>(examples[e].document)].text, rule));
  return out;
}

}  // namespace

Result<std::unique_ptr<QaTask>> QaTask::create(const TrainRequest& request) {
  if (request.train.empty()) return Error("no training documents", "", 0, "train");
  if (questionCount(request.train) == 0)
    return Error("the training documents have no question (QA fields with answers, or SQuAD files)", "", 0, "train");
  auto task = std::unique_ptr<QaTask>(new QaTask());
  task->m_train = request.train;
  task->m_dev = request.dev;
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  return task;
}

Result<std::unique_ptr<TaskModel>> QaTask::createModel(const TrainConfig& config) {
  auto q = createQaModel(config, m_train);
  if (!q) return q.error();
  return std::unique_ptr<TaskModel>(std::move(q.value()));
}

Result<std::unique_ptr<TaskModel>> QaTask::loadModel(const std::string& folder) {
  auto q = loadQaModel(folder);
  if (!q) return q.error();
  return std::unique_ptr<TaskModel>(std::move(q.value()));
}

Result<std::unique_ptr<TaskInputs>> QaTask::featurizeTrain(TaskModel& model) {
  return std::unique_ptr<TaskInputs>(qaOf(model).featurize(m_train, qaExamples(m_train), true));
}

Result<std::unique_ptr<TaskInputs>> QaTask::featurizeDev(TaskModel& model) {
  if (questionCount(m_dev) == 0) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(qaOf(model).featurize(m_dev, qaExamples(m_dev), false));
}

std::vector<eval::SquadGold> squadGold(const std::vector<document::AnnotatedDocument>& documents,
                                       const std::vector<QaExample>& examples) {
  std::vector<eval::SquadGold> out;
  out.reserve(examples.size());
  for (const QaExample& e : examples) {
    eval::SquadGold g;
    g.id = e.questionId;
    for (const document::AnswerSpan& a : e.answers)
      g.answers.push_back(codePointSlice(documents[static_cast<size_t>(e.document)].text, a.start, a.end));
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<std::string> squadPredictions(const std::vector<std::vector<document::PredictedAnswer>>& answers) {
  std::vector<std::string> out;
  out.reserve(answers.size());
  for (const auto& a : answers) out.push_back(a.empty() || a.front().noAnswer ? std::string() : a.front().text);
  return out;
}

eval::NoAnswerThreshold tuneNoAnswerThreshold(const std::vector<QaQuestionScores>& scores,
                                              const std::vector<eval::SquadGold>& gold,
                                              const std::vector<document::AnnotatedDocument>& documents,
                                              const std::vector<QaExample>& examples) {
  std::vector<double> margins, answerScores, nullScores;
  for (size_t e = 0; e < scores.size(); ++e) {
    const double nullScore = eval::scoreSquadQuestion(gold[e], "").f1;
    double answerScore = nullScore;
    double margin = 1e30;  // no candidate: always no answer, whatever the threshold
    if (!scores[e].candidates.empty()) {
      const QaCandidate& best = scores[e].candidates.front();
      answerScore = eval::scoreSquadQuestion(
                        gold[e], codePointSlice(documents[static_cast<size_t>(examples[e].document)].text, best.start, best.end))
                        .f1;
      margin = scores[e].noAnswerMargin();
    }
    margins.push_back(margin);
    answerScores.push_back(answerScore);
    nullScores.push_back(nullScore);
  }
  return eval::bestNoAnswerThreshold(margins, answerScores, nullScores);
}

MetricReport qaMetricReport(const eval::SquadReport& report, double retrievalRecall, double noAnswerThreshold) {
  MetricReport m;
  m.primaryName = "f1";
  m.primary = report.f1;
  m.summary = {{"exact", report.exact}, {"f1", report.f1}};
  if (report.hasAnsTotal > 0) m.summary["HasAns_f1"] = report.hasAnsF1;
  if (report.noAnsTotal > 0) m.summary["NoAns_f1"] = report.noAnsF1;
  m.details = report.toJson();
  m.details["retrieval_recall"] = retrievalRecall;
  m.details["null_threshold"] = noAnswerThreshold;
  char line[160];
  std::snprintf(line, sizeof line, "\nretrieval recall %.2f (answerable questions with a gold answer in a window read)\n",
                retrievalRecall * 100);
  m.table = report.formatTable() + line;
  return m;
}

Result<MetricReport> QaTask::evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) {
  QaModel& qa = qaOf(model);
  const auto& inputs = static_cast<const QaInputs&>(dev);
  const std::vector<QaQuestionScores> scores = scoreQaSpans(inputs, qa.windowLogits(inputs, batchSize), qa.decodeOptions());
  const std::vector<eval::SquadGold> gold = squadGold(m_dev, inputs.examples);
  if (qa.settings().noAnswer == "tune")
    qa.setNoAnswerThreshold(tuneNoAnswerThreshold(scores, gold, m_dev, inputs.examples).threshold);
  const auto answers = decideAll(qa, m_dev, inputs.examples, scores);
  return qaMetricReport(eval::scoreSquad(gold, squadPredictions(answers)), inputs.retrievalRecall(),
                        qa.settings().noAnswerThreshold);
}

nlohmann::json QaTask::dataRecord() const {
  return {{"train_documents", m_train.size()},
          {"train_questions", questionCount(m_train)},
          {"unanswerable_train_questions", questionCount(m_train, true)},
          {"dev_documents", m_dev.size()},
          {"dev_questions", questionCount(m_dev)},
          {"unanswerable_dev_questions", questionCount(m_dev, true)}};
}

QaRun answerQuestions(QaModel& model, const std::vector<document::AnnotatedDocument>& documents, int batchSize) {
  const auto started = std::chrono::steady_clock::now();
  QaRun run;
  const std::unique_ptr<QaInputs> inputs = model.featurize(documents, qaExamples(documents), false);
  run.scores = scoreQaSpans(*inputs, model.windowLogits(*inputs, batchSize), model.decodeOptions());
  run.answers = decideAll(model, documents, inputs->examples, run.scores);
  run.retrievalRecall = inputs->retrievalRecall();
  run.windows = static_cast<int64_t>(inputs->windows.size());
  for (const QaWindow& w : inputs->windows) run.windowsRead += w.read ? 1 : 0;
  run.examples = std::move(inputs->examples);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

MetricReport scoreQaRun(const QaModel& model, const std::vector<document::AnnotatedDocument>& documents,
                        const QaRun& run) {
  return qaMetricReport(eval::scoreSquad(squadGold(documents, run.examples), squadPredictions(run.answers)),
                        run.retrievalRecall, model.settings().noAnswerThreshold);
}

}  // namespace quarry::train
