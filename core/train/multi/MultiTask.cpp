#include "train/multi/MultiTask.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "common/Log.h"
#include "train/TaskFactory.h"
#include "train/TaskModelFile.h"
#include "train/multi/MultiTaskModel.h"

namespace quarry::train {
namespace fs = std::filesystem;

namespace {

MultiTaskModel& asMulti(TaskModel& model) { return static_cast<MultiTaskModel&>(model); }

}  // namespace

std::vector<double> MultiTask::repeatFactors(const std::vector<size_t>& counts, double temperature) {
  // Shares n^(1/T) scaled so that no task trains fewer items than it has: the scale is the largest
  // n^(1 - 1/T), which the largest task attains (factor 1).
  const double exponent = 1.0 / temperature;
  double scale = 0;
  for (size_t n : counts)
    if (n > 0) scale = std::max(scale, std::pow(static_cast<double>(n), 1.0 - exponent));
  std::vector<double> out;
  for (size_t n : counts)
    out.push_back(n > 0 ? std::max(1.0, scale * std::pow(static_cast<double>(n), exponent - 1.0)) : 0.0);
  return out;
}

Result<std::unique_ptr<MultiTask>> MultiTask::create(const TrainRequest& request) {
  auto names = multiTaskNames(request.config.tasks);
  if (!names) return names.error();
  std::unique_ptr<MultiTask> m(new MultiTask());
  m->m_config = request.config;
  m->m_names = names.value();
  for (size_t t = 0; t < m->m_names.size(); ++t) {
    TrainRequest own = request;
    own.config = m->taskConfig(request.config, t);
    own.labels.clear();  // the request's labels are one task's; each task takes those its data shows
    auto task = createTrainingTask(own);
    if (!task) {
      Error e = task.error();
      e.message = m->m_names[t] + ": " + e.message;
      return e;
    }
    m->m_tasks.push_back(std::move(task.value()));
  }
  return m;
}

TrainConfig MultiTask::taskConfig(const TrainConfig& config, size_t task) const {
  TrainConfig own = config;
  own.task = m_names.at(task);
  return own;
}

Result<std::unique_ptr<TaskModel>> MultiTask::createModel(const TrainConfig& config) {
  std::vector<std::unique_ptr<TaskModel>> models;
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    auto model = m_tasks[t]->createModel(taskConfig(config, t));
    if (!model) {
      Error e = model.error();
      e.message = m_names[t] + ": " + e.message;
      return e;
    }
    models.push_back(std::move(model.value()));
  }
  auto multi = MultiTaskModel::create(m_names, std::move(models));
  if (!multi) return multi.error();
  return std::unique_ptr<TaskModel>(std::move(multi.value()));
}

Result<std::unique_ptr<TaskModel>> MultiTask::loadModel(const std::string& folder) {
  auto file = readTaskModelFile(folder, kMultiTaskName);
  if (!file) return file.error();
  if (file->labels != m_names)
    return Error("the folder's tasks are not this run's (" + m_config.tasks + ")", file->path, 0, "tasks");
  std::vector<std::unique_ptr<TaskModel>> models;
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    auto model = m_tasks[t]->loadModel((fs::path(folder) / m_names[t]).string());
    if (!model) return model.error();
    models.push_back(std::move(model.value()));
  }
  auto multi = MultiTaskModel::create(m_names, std::move(models));
  if (!multi) return multi.error();
  return std::unique_ptr<TaskModel>(std::move(multi.value()));
}

Result<std::unique_ptr<TaskInputs>> MultiTask::featurizeTrain(TaskModel& model) {
  auto inputs = std::make_unique<MultiTaskInputs>();
  std::vector<size_t> counts;
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    auto own = m_tasks[t]->featurizeTrain(asMulti(model).model(t));
    if (!own) return own.error();
    counts.push_back(own.value() ? own.value()->itemCount() : 0);
    inputs->tasks.push_back(std::move(own.value()));
  }
  const std::vector<double> factors = repeatFactors(counts, m_config.taskTemperature);
  m_trainItems = counts;
  m_sampledItems.assign(counts.size(), 0);
  for (size_t t = 0; t < counts.size(); ++t) {
    const auto whole = static_cast<size_t>(std::floor(factors[t]));
    for (size_t r = 0; r < whole; ++r)
      for (size_t i = 0; i < counts[t]; ++i)
        inputs->items.emplace_back(static_cast<int32_t>(t), static_cast<int32_t>(i));
    // The fractional part: that share of the task's items once more, chosen by a seeded shuffle.
    const auto extra =
        static_cast<size_t>(std::llround((factors[t] - static_cast<double>(whole)) * counts[t]));
    std::vector<int32_t> order(counts[t]);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937_64(m_config.seed * 1000003 + t));
    for (size_t i = 0; i < extra && i < order.size(); ++i)
      inputs->items.emplace_back(static_cast<int32_t>(t), order[i]);
    m_sampledItems[t] = whole * counts[t] + std::min(extra, order.size());
    log::get("train")->info("multi-task: {} {} items, {} trained per epoch", m_names[t], counts[t],
                            m_sampledItems[t]);
  }
  return std::unique_ptr<TaskInputs>(std::move(inputs));
}

Result<std::unique_ptr<TaskInputs>> MultiTask::featurizeDev(TaskModel& model) {
  auto inputs = std::make_unique<MultiTaskInputs>();
  bool any = false;
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    auto own = m_tasks[t]->featurizeDev(asMulti(model).model(t));
    if (!own) return own.error();
    if (own.value())
      for (size_t i = 0; i < own.value()->itemCount(); ++i)
        inputs->items.emplace_back(static_cast<int32_t>(t), static_cast<int32_t>(i));
    any = any || own.value() != nullptr;
    inputs->tasks.push_back(std::move(own.value()));
  }
  if (!any) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(std::move(inputs));
}

at::Tensor MultiTask::classWeights(const TrainConfig& config, TaskModel& model) {
  for (size_t t = 0; t < m_tasks.size(); ++t)
    asMulti(model).setClassWeights(t,
                                   m_tasks[t]->classWeights(taskConfig(config, t), asMulti(model).model(t)));
  return {};
}

Result<MetricReport> MultiTask::evaluate(TaskModel& model, const TaskInputs& base, int batchSize) {
  const auto& dev = static_cast<const MultiTaskInputs&>(base);
  std::vector<std::string> names;
  std::vector<MetricReport> reports;
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    if (!dev.tasks[t]) continue;
    auto report = m_tasks[t]->evaluate(asMulti(model).model(t), *dev.tasks[t], batchSize);
    if (!report) return report.error();
    names.push_back(m_names[t]);
    reports.push_back(std::move(report.value()));
  }
  return multiTaskMetricReport(names, reports);
}

std::string MultiTask::dataFingerprint() const {
  std::string all;
  for (const auto& t : m_tasks) all += t->dataFingerprint() + ";";
  return all;
}

nlohmann::json MultiTask::dataRecord() const {
  nlohmann::json j = {{"tasks", m_names}, {"task_temperature", m_config.taskTemperature}};
  for (size_t t = 0; t < m_tasks.size(); ++t) {
    nlohmann::json own = m_tasks[t]->dataRecord();
    if (t < m_trainItems.size()) {
      own["train_items"] = m_trainItems[t];
      own["items_per_epoch"] = m_sampledItems[t];
    }
    j[m_names[t]] = std::move(own);
  }
  return j;
}

MetricReport multiTaskMetricReport(const std::vector<std::string>& names,
                                   const std::vector<MetricReport>& reports) {
  MetricReport r;
  r.primaryName = "mean_primary";
  double sum = 0;
  int scored = 0;
  for (size_t t = 0; t < reports.size(); ++t) {
    const MetricReport& own = reports[t];
    if (own.evaluated()) {
      sum += own.primary;
      ++scored;
    }
    r.summary[names[t] + "_" + own.primaryName] = own.primary;
    r.details[names[t]] = own.toJson();
    r.table +=
        "== " + names[t] + " (" + own.primaryName + " " + std::to_string(own.primary) + ") ==\n" + own.table;
  }
  r.primary = scored > 0 ? sum / scored : -1;
  r.details["mean_primary"] = r.primary;
  return r;
}

}  // namespace quarry::train
