#include "train/TrainState.h"

#include <cstdio>
#include <filesystem>
#include <limits>
#include <sstream>

#include "common/AtomicFile.h"
#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "train/TransformerFolder.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

Status TrainState::save(const std::string& folder, TaskModel& tagger, model::FusedAdamW& optimizer) const {
  return model::AtomicFolder::write(
      folder, [&](const fs::path& staging) -> Status { return writeInto(staging, tagger, optimizer); });
}

Status TrainState::writeInto(const fs::path& staging, TaskModel& tagger, model::FusedAdamW& optimizer) const {
  if (Status s = tagger.save((staging / "model").string()); !s) return s;
  // A LoRA model's folder holds merged weights; the unmerged base goes beside them (TransformerFolder.h).
  if (Status s = writeLoraBaseFile(staging / "model", tagger.weights()); !s) return s;

  model::StateDict moments;
  json steps = json::array();
  const auto& state = optimizer.state();
  for (size_t i = 0; i < state.size(); ++i) {
    steps.push_back(state[i].step);
    if (state[i].expAvg.defined())
      moments[std::to_string(i) + ".exp_avg"] = state[i].expAvg.detach().to(at::kCPU);
    if (state[i].expAvgSq.defined())
      moments[std::to_string(i) + ".exp_avg_sq"] = state[i].expAvgSq.detach().to(at::kCPU);
  }
  if (Status s = model::SafetensorsFile::write((staging / "optimizer.safetensors").string(), moments); !s)
    return s;

  json j = {{"format_version", 1},
            {"step", step},
            {"epoch", epoch},
            {"batch_in_epoch", batchInEpoch},
            {"best_f1", bestF1},
            {"best_step", bestStep},
            {"evals_without_improvement", evalsWithoutImprovement},
            {"elapsed_seconds", elapsedSeconds},
            {"positions", positions},
            {"history", history},
            {"config", config},
            {"data_fingerprint", dataFingerprint},
            {"end", end.value_or("")},
            {"gradient_scaler", gradientScaler},
            {"parameter_steps", steps}};
  const std::string text = j.dump(2) + "\n";
  return AtomicFile::write((staging / "state.json").string(), [&](std::ostream& o) { o << text; });
}

Result<TrainState> TrainState::load(const std::string& folder) {
  const std::string path = (fs::path(folder) / "state.json").string();
  if (!fs::is_regular_file(path)) return Error("no training state to resume from", path);
  auto parsed = readJsonFile(path);
  if (!parsed) return parsed.error();
  const JsonFields j(*parsed, path);
  if (!parsed->is_object()) return j.error("", "malformed training state: expected a JSON object");
  TrainState s;
  constexpr int64_t kMaxInt = std::numeric_limits<int>::max();
  for (const char* key :
       {"step", "epoch", "batch_in_epoch", "best_f1", "best_step", "evals_without_improvement",
        "elapsed_seconds", "positions", "history", "config", "data_fingerprint"})
    if (!j.find(key)) return j.error(key, "missing from the training state");
  auto step = j.integer("step", 0, 0);
  auto epoch = j.integer("epoch", 0, 0, kMaxInt);
  auto batch = j.integer("batch_in_epoch", 0, 0, kMaxInt);
  auto bestF1 = j.number("best_f1", -1, -1, 1);
  auto bestStep = j.integer("best_step", 0, 0);
  auto stalls = j.integer("evals_without_improvement", 0, 0, kMaxInt);
  auto elapsed = j.number("elapsed_seconds", 0, 0);
  auto positions = j.integer("positions", 0, 0);
  auto fingerprint = j.string("data_fingerprint", "");
  auto end = j.string("end", "");
  for (const Error* e : {step ? nullptr : &step.error(), epoch ? nullptr : &epoch.error(),
                         batch ? nullptr : &batch.error(), bestF1 ? nullptr : &bestF1.error(),
                         bestStep ? nullptr : &bestStep.error(), stalls ? nullptr : &stalls.error(),
                         elapsed ? nullptr : &elapsed.error(), positions ? nullptr : &positions.error(),
                         fingerprint ? nullptr : &fingerprint.error(), end ? nullptr : &end.error()})
    if (e) return *e;
  if (!j.find("history")->is_array()) return j.error("history", "expected an array");
  if (!j.find("config")->is_object()) return j.error("config", "expected an object");
  s.step = *step;
  s.epoch = static_cast<int>(*epoch);
  s.batchInEpoch = static_cast<int>(*batch);
  s.bestF1 = *bestF1;
  s.bestStep = *bestStep;
  s.evalsWithoutImprovement = static_cast<int>(*stalls);
  s.elapsedSeconds = *elapsed;
  s.positions = *positions;
  s.history = *j.find("history");
  s.config = *j.find("config");
  s.dataFingerprint = *fingerprint;
  s.end = j.find("end") ? std::optional<std::string>(*end) : std::nullopt;
  if (const json* scaler = j.find("gradient_scaler")) s.gradientScaler = *scaler;
  return s;
}

Status TrainState::loadOptimizer(const std::string& folder, model::FusedAdamW& optimizer) {
  const std::string statePath = (fs::path(folder) / "state.json").string();
  auto parsed = readJsonFile(statePath);
  if (!parsed) return parsed.error();
  const JsonFields j(*parsed, statePath);
  const json* steps = j.find("parameter_steps");
  auto& state = optimizer.state();
  if (!steps || !steps->is_array() || steps->size() != state.size())
    return j.error("parameter_steps", "the saved optimizer has " +
                                          (steps ? jsonSummary(*steps) : std::string("no parameters")) +
                                          ", the model " + std::to_string(state.size()) + " parameters");
  for (std::size_t i = 0; i < steps->size(); ++i)
    if (!(*steps)[i].is_number_integer() || (*steps)[i].get<int64_t>() < 0)
      return j.error(jsonIndexPath("parameter_steps", i).c_str(), "expected a non-negative integer");
  const std::string momentsPath = (fs::path(folder) / "optimizer.safetensors").string();
  auto moments = model::SafetensorsFile::read(momentsPath);
  if (!moments) return moments.error();
  size_t index = 0;
  for (auto& group : optimizer.groups())
    for (const at::Tensor& p : group.parameters) {
      model::AdamWParamState& s = state[index];
      s.step = (*steps)[index].get<int64_t>();
      const auto avg = moments->tensors.find(std::to_string(index) + ".exp_avg");
      const auto sq = moments->tensors.find(std::to_string(index) + ".exp_avg_sq");
      if (avg != moments->tensors.end() && sq != moments->tensors.end()) {
        for (const auto* moment : {&*avg, &*sq})
          if (auto why = model::storedTensorMismatch(moment->second, p))
            return Error("optimizer moment: " + *why, momentsPath, 0, moment->first);
        s.expAvg = avg->second.to(p.device()).clone();
        s.expAvgSq = sq->second.to(p.device()).clone();
      }
      ++index;
    }
  return {};
}

std::string fingerprintDocuments(const std::vector<document::AnnotatedDocument>& train, const std::vector<document::AnnotatedDocument>& dev) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const auto* docs : {&train, &dev})
    for (const document::AnnotatedDocument& d : *docs) {
      mix(d.id);
      mix(d.text);
      for (const document::EntityMention& m : d.entities)
        mix(std::to_string(m.start) + ":" + std::to_string(m.end) + ":" + m.type);
      // The other tasks' annotations count only when present, so an NER run's fingerprint is as before.
      for (const document::RelationMention& r : d.relations)
        mix("R" + std::to_string(r.head) + ":" + std::to_string(r.tail) + ":" + r.type);
      for (const document::ConceptRelation& r : d.conceptRelations)
        mix("C" + r.headConcept + ":" + r.tailConcept + ":" + r.type);
      for (const document::QuestionAnswers& q : d.questions) {
        mix("Q" + q.id + ":" + q.question);
        for (const document::AnswerSpan& a : q.answers) mix(std::to_string(a.start) + ":" + std::to_string(a.end));
      }
      for (const std::string& label : d.labels) mix("L" + label);
    }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace quarry::train
