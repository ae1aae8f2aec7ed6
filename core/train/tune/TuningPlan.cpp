#include "train/tune/TuningPlan.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

#include "common/AtomicFile.h"
#include "common/JsonReader.h"

namespace quarry::train {
namespace {

using Json = nlohmann::json;

constexpr int kPlanVersion = 1;

Result<TuningTrial::Status> statusNamed(const std::string& name, const std::string& source) {
  for (auto s : {TuningTrial::Status::Pending, TuningTrial::Status::Running, TuningTrial::Status::Finished,
                 TuningTrial::Status::Failed, TuningTrial::Status::Cancelled})
    if (name == trialStatusName(s)) return s;
  return Error("unknown trial status \"" + name + "\"", source, 0, "status");
}

}  // namespace

const char* trialStatusName(TuningTrial::Status status) {
  switch (status) {
    case TuningTrial::Status::Pending:
      return "pending";
    case TuningTrial::Status::Running:
      return "running";
    case TuningTrial::Status::Finished:
      return "finished";
    case TuningTrial::Status::Failed:
      return "failed";
    case TuningTrial::Status::Cancelled:
      return "cancelled";
  }
  return "pending";
}

Json TuningOptions::toJson() const {
  return {{"strategy", strategy}, {"trials", trials},        {"budget_minutes", budgetMinutes},
          {"eta", eta},           {"min_epochs", minEpochs}, {"seed", seed}};
}

Result<TuningOptions> TuningOptions::fromJson(const Json& j, const std::string& source) {
  TuningOptions o;
  const JsonFields f(j, source);
  auto strategy = f.string("strategy", o.strategy);
  auto trials = f.integer("trials", o.trials, 1, 100000);
  auto budget = f.number("budget_minutes", o.budgetMinutes);
  auto eta = f.integer("eta", o.eta, 2, 100);
  auto minEpochs = f.integer("min_epochs", o.minEpochs, 1, 100000);
  auto seed = f.integer("seed", static_cast<int64_t>(o.seed), 0, std::numeric_limits<int64_t>::max());
  if (!strategy) return strategy.error();
  if (!trials) return trials.error();
  if (!budget) return budget.error();
  if (!eta) return eta.error();
  if (!minEpochs) return minEpochs.error();
  if (!seed) return seed.error();
  o.strategy = *strategy;
  o.trials = static_cast<int>(*trials);
  o.budgetMinutes = *budget;
  o.eta = static_cast<int>(*eta);
  o.minEpochs = static_cast<int>(*minEpochs);
  o.seed = static_cast<uint64_t>(*seed);
  if (Status s = o.check(); !s) return Error(s.error().message, source, 0, s.error().field);
  return o;
}

Status TuningOptions::check() const {
  if (strategy != "random" && strategy != "halving")
    return Error("expected \"random\" or \"halving\", got \"" + strategy + "\"", "", 0, "strategy");
  if (trials < 1) return Error("at least one trial", "", 0, "trials");
  if (!(budgetMinutes >= 0) || !std::isfinite(budgetMinutes)) return Error("must be 0 or more", "", 0, "budget_minutes");
  if (eta < 2) return Error("must be 2 or more", "", 0, "eta");
  if (minEpochs < 1) return Error("must be 1 or more", "", 0, "min_epochs");
  return {};
}

Result<TuningPlan> TuningPlan::create(const TuningOptions& options, const SearchSpace& space,
                                      const TrainConfig& base) {
  if (Status s = options.check(); !s) return s.error();
  if (space.empty()) return Error("the search space is empty", "", 0, "space");
  if (Status s = space.check(base); !s) return s.error();
  if (options.strategy == "halving" && options.minEpochs > base.epochs)
    return Error("min_epochs (" + std::to_string(options.minEpochs) + ") is more than epochs (" +
                     std::to_string(base.epochs) + ")",
                 "", 0, "min_epochs");
  TuningPlan plan;
  plan.m_options = options;
  plan.m_space = space;
  plan.m_base = base;
  return plan;
}

int TuningPlan::rungEpochs(int rung) const {
  double epochs = m_options.minEpochs;
  for (int r = 0; r < rung; ++r) epochs *= m_options.eta;
  return static_cast<int>(std::min<double>(epochs, m_base.epochs));
}

TuningTrial& TuningPlan::add(int rung, int64_t draw, int epochs) {
  TuningTrial t;
  t.id = static_cast<int>(m_trials.size()) + 1;
  t.rung = rung;
  t.draw = draw;
  t.values = m_space.sample(m_options.seed, static_cast<uint64_t>(draw));
  t.epochs = epochs;
  m_trials.push_back(std::move(t));
  return m_trials.back();
}

TuningTrial* TuningPlan::next() {
  for (TuningTrial& t : m_trials)
    if (!t.ended()) return &t;
  if (m_complete) return nullptr;
  const int n = static_cast<int>(m_trials.size());
  if (m_options.strategy == "random") {
    if (n < m_options.trials) return &add(0, n, m_base.epochs);
    m_complete = true;
    return nullptr;
  }
  // Successive halving.
  if (n < m_options.trials) return &add(0, n, rungEpochs(0));
  const int rung = m_trials.back().rung;
  std::vector<const TuningTrial*> finished;
  int rungSize = 0;
  for (const TuningTrial& t : m_trials) {
    if (t.rung != rung) continue;
    ++rungSize;
    if (t.status == TuningTrial::Status::Finished && t.score >= 0) finished.push_back(&t);
  }
  const int keep = std::max(1, rungSize / m_options.eta);
  if (finished.empty() || rungSize <= 1 || rungEpochs(rung) >= m_base.epochs) {
    m_complete = true;
    return nullptr;
  }
  std::stable_sort(finished.begin(), finished.end(),
                   [](const TuningTrial* a, const TuningTrial* b) { return a->score > b->score; });
  finished.resize(std::min<size_t>(finished.size(), static_cast<size_t>(keep)));
  std::vector<int64_t> draws;
  for (const TuningTrial* t : finished) draws.push_back(t->draw);
  for (int64_t draw : draws) add(rung + 1, draw, rungEpochs(rung + 1));
  return &m_trials[m_trials.size() - draws.size()];
}

TuningTrial* TuningPlan::trial(int id) {
  if (id < 1 || id > static_cast<int>(m_trials.size())) return nullptr;
  return &m_trials[static_cast<size_t>(id - 1)];
}

Result<TrainConfig> TuningPlan::configOf(const TuningTrial& t) const {
  Json values = t.values;
  values["epochs"] = t.epochs;
  return SearchSpace::apply(m_base, values);
}

std::vector<const TuningTrial*> TuningPlan::ranked() const {
  std::vector<const TuningTrial*> out;
  for (const TuningTrial& t : m_trials)
    if (t.status == TuningTrial::Status::Finished && t.score >= 0) out.push_back(&t);
  // Later rungs trained longer: of equal figures the later rung first, then the earlier trial.
  std::stable_sort(out.begin(), out.end(), [](const TuningTrial* a, const TuningTrial* b) {
    if (a->score != b->score) return a->score > b->score;
    return a->rung > b->rung;
  });
  return out;
}

Json TuningPlan::toJson() const {
  Json trials = Json::array();
  for (const TuningTrial& t : m_trials) {
    Json j = {{"id", t.id},         {"rung", t.rung},         {"draw", t.draw},
              {"values", t.values}, {"epochs", t.epochs},     {"status", trialStatusName(t.status)},
              {"score", t.score},   {"metric", t.metric},     {"run_id", t.runId},
              {"folder", t.folder}, {"seconds", t.seconds}};
    if (!t.error.empty()) j["error"] = t.error;
    trials.push_back(std::move(j));
  }
  return {{"version", kPlanVersion},
          {"options", m_options.toJson()},
          {"space", m_space.toJson()},
          {"base_config", m_base.toJson()},
          {"elapsed_seconds", m_elapsedSeconds},
          {"complete", m_complete},
          {"trials", trials}};
}

Status TuningPlan::save(const std::string& file) const {
  const std::string text = toJson().dump(2) + "\n";
  return AtomicFile::write(file, [&](std::ostream& out) { out << text; });
}

Result<TuningPlan> TuningPlan::load(const std::string& file) {
  auto parsed = readJsonFile(file);
  if (!parsed) return parsed.error();
  const Json& j = parsed.value();
  const JsonFields f(j, file);
  auto version = f.integer("version", 0, 0, 1000);
  if (!version) return version.error();
  if (*version != kPlanVersion)
    return Error("written by another version of Quarry (version " + std::to_string(*version) + ")", file, 0,
                 "version");
  TuningPlan plan;
  auto options = TuningOptions::fromJson(j.value("options", Json::object()), file);
  if (!options) return options.error();
  plan.m_options = options.value();
  auto space = SearchSpace::fromJson(j.value("space", Json::object()), file);
  if (!space) return space.error();
  plan.m_space = std::move(space.value());
  auto base = TrainConfig::fromJson(j.value("base_config", Json::object()), file);
  if (!base) return base.error();
  plan.m_base = base.value();
  plan.m_elapsedSeconds = j.value("elapsed_seconds", 0.0);
  plan.m_complete = j.value("complete", false);
  const Json trials = j.value("trials", Json::array());
  if (!trials.is_array()) return Error("expected an array", file, 0, "trials");
  for (const Json& t : trials) {
    if (!t.is_object()) return Error("expected an object", file, 0, "trials");
    TuningTrial trial;
    try {
      trial.id = t.at("id").get<int>();
      trial.rung = t.at("rung").get<int>();
      trial.draw = t.at("draw").get<int64_t>();
      trial.values = t.at("values");
      trial.epochs = t.at("epochs").get<int>();
      auto status = statusNamed(t.at("status").get<std::string>(), file);
      if (!status) return status.error();
      trial.status = status.value();
      trial.score = t.value("score", -1.0);
      trial.metric = t.value("metric", "");
      trial.runId = t.value("run_id", int64_t{0});
      trial.folder = t.value("folder", "");
      trial.seconds = t.value("seconds", 0.0);
      trial.error = t.value("error", "");
    } catch (const Json::exception& e) {
      return Error(std::string("a trial is malformed: ") + e.what(), file, 0, "trials");
    }
    if (trial.id != static_cast<int>(plan.m_trials.size()) + 1)
      return Error("trial ids must count up from 1", file, 0, "trials");
    plan.m_trials.push_back(std::move(trial));
  }
  return plan;
}

}  // namespace quarry::train
