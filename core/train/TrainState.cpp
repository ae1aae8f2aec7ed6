#include "train/TrainState.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/AtomicFile.h"
#include "model/AtomicFolder.h"
#include "model/SafetensorsFile.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

Status TrainState::save(const std::string& folder, NerTagger& tagger, model::FusedAdamW& optimizer) const {
  return model::AtomicFolder::write(folder, [&](const fs::path& staging) -> Status { return writeInto(staging, tagger, optimizer); });
}

Status TrainState::writeInto(const fs::path& staging, NerTagger& tagger, model::FusedAdamW& optimizer) const {
  if (Status s = tagger.save((staging / "model").string()); !s) return s;

  model::StateDict moments;
  json steps = json::array();
  const auto& state = optimizer.state();
  for (size_t i = 0; i < state.size(); ++i) {
    steps.push_back(state[i].step);
    if (state[i].expAvg.defined()) moments[std::to_string(i) + ".exp_avg"] = state[i].expAvg.detach().to(at::kCPU);
    if (state[i].expAvgSq.defined()) moments[std::to_string(i) + ".exp_avg_sq"] = state[i].expAvgSq.detach().to(at::kCPU);
  }
  if (Status s = model::SafetensorsFile::write((staging / "optimizer.safetensors").string(), moments); !s) return s;

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
            {"parameter_steps", steps}};
  const std::string text = j.dump(2) + "\n";
  return model::AtomicFile::write((staging / "state.json").string(), [&](std::ostream& o) { o << text; });
}

Result<TrainState> TrainState::load(const std::string& folder) {
  const std::string path = (fs::path(folder) / "state.json").string();
  std::ifstream in(path);
  if (!in) return Error("no training state to resume from", path);
  json j;
  try {
    j = json::parse(in);
    TrainState s;
    s.step = j.at("step").get<int64_t>();
    s.epoch = j.at("epoch").get<int>();
    s.batchInEpoch = j.at("batch_in_epoch").get<int>();
    s.bestF1 = j.at("best_f1").get<double>();
    s.bestStep = j.at("best_step").get<int64_t>();
    s.evalsWithoutImprovement = j.at("evals_without_improvement").get<int>();
    s.elapsedSeconds = j.at("elapsed_seconds").get<double>();
    s.positions = j.at("positions").get<int64_t>();
    s.history = j.at("history");
    s.config = j.at("config");
    s.dataFingerprint = j.at("data_fingerprint").get<std::string>();
    return s;
  } catch (const json::exception& e) {
    return Error(std::string("malformed training state: ") + e.what(), path);
  }
}

Status TrainState::loadOptimizer(const std::string& folder, model::FusedAdamW& optimizer) {
  const std::string statePath = (fs::path(folder) / "state.json").string();
  std::ifstream in(statePath);
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    return Error(std::string("malformed training state: ") + e.what(), statePath);
  }
  const json steps = j.value("parameter_steps", json::array());
  auto& state = optimizer.state();
  if (steps.size() != state.size())
    return Error("the saved optimizer has " + std::to_string(steps.size()) + " parameters, the model " +
                     std::to_string(state.size()), statePath, 0, "parameter_steps");
  const std::string momentsPath = (fs::path(folder) / "optimizer.safetensors").string();
  auto moments = model::SafetensorsFile::read(momentsPath);
  if (!moments) return moments.error();
  size_t index = 0;
  for (auto& group : optimizer.groups())
    for (const at::Tensor& p : group.parameters) {
      model::AdamWParamState& s = state[index];
      s.step = steps[index].get<int64_t>();
      const auto avg = moments->tensors.find(std::to_string(index) + ".exp_avg");
      const auto sq = moments->tensors.find(std::to_string(index) + ".exp_avg_sq");
      if (avg != moments->tensors.end() && sq != moments->tensors.end()) {
        if (avg->second.sizes() != p.sizes())
          return Error("optimizer moment has the wrong shape", momentsPath, 0, avg->first);
        s.expAvg = avg->second.to(p.device()).clone();
        s.expAvgSq = sq->second.to(p.device()).clone();
      }
      ++index;
    }
  return {};
}

std::string fingerprintDocuments(const std::vector<NerDocument>& train, const std::vector<NerDocument>& dev) {
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
    for (const NerDocument& d : *docs) {
      mix(d.id);
      mix(d.text);
      for (const EntityMention& m : d.entities) mix(std::to_string(m.start) + ":" + std::to_string(m.end) + ":" + m.type);
    }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace quarry::train
