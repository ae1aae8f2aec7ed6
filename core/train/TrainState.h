#pragma once
// Where a training run stands, saved as outputFolder/last so that an interrupted run resumes exactly:
// model/ (the task model's folder; for LoRA with the unmerged base, see TransformerFolder.h), optimizer.safetensors (AdamW moments per parameter, by index in the
// optimizer's order) and state.json (position in the data and schedule, best score, history, config).
// The folder is replaced as a whole: written beside it, then renamed into place.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "model/optim/FusedAdamW.h"
#include "document/AnnotatedDocument.h"
#include "train/TaskModel.h"

namespace quarry::train {

struct TrainState {
  int64_t step = 0;      // optimizer steps done
  int epoch = 0;         // epoch in progress
  int batchInEpoch = 0;  // next batch of that epoch
  double bestF1 = -1;
  int64_t bestStep = 0;
  int evalsWithoutImprovement = 0;
  double elapsedSeconds = 0;
  int64_t positions = 0;  // labelled positions trained on
  nlohmann::json history = nlohmann::json::array();
  nlohmann::json config;        // TrainConfig::toJson of the run
  std::string dataFingerprint;  // of the training and dev documents; a resume on other data is refused
  // How the run ended ("finished", "early-stopped", "time-limit"); "" while it can go on (interrupted or
  // cancelled); unset when read from a state.json written before Quarry recorded it.
  std::optional<std::string> end = std::string();
  nlohmann::json
      gradientScaler;  // fp16 runs: the loss scale and its growth tracker (GradientScaler); null otherwise

  // Saves into `folder` (replaced). Tensors are copied to the CPU.
  Status save(const std::string& folder, TaskModel& tagger, model::FusedAdamW& optimizer) const;
  // Reads state.json of `folder`. Errors name the file and the field.
  static Result<TrainState> load(const std::string& folder);
  // Restores the optimizer moments saved in `folder` into `optimizer` (same parameter order).
  static Status loadOptimizer(const std::string& folder, model::FusedAdamW& optimizer);

 private:
  Status writeInto(const std::filesystem::path& staging, TaskModel& tagger,
                   model::FusedAdamW& optimizer) const;
};

// A short hash of documents (ids, text, every annotation) to tell whether a resume sees the same data.
std::string fingerprintDocuments(const std::vector<document::AnnotatedDocument>& train, const std::vector<document::AnnotatedDocument>& dev);

}  // namespace quarry::train
