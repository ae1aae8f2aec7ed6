#pragma once
// Warm start (TrainConfig::warmStartFolder): a new run's model begins from an earlier model of the same task
// (active learning's previous round) wherever the two agree. Every parameter and buffer whose name and shape
// are the same in both is copied; the rest keep their fresh initialisation: a BiLSTM tagger whose vocabulary
// grew keeps its new word embedding table but takes the LSTM, the projection and the CRF; a classifier
// whose label set grew takes the encoder and a fresh head.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "train/TaskModel.h"
#include "train/TrainingTask.h"

namespace quarry::train {

struct WarmStartReport {
  int64_t copiedTensors = 0;  // parameters and buffers taken from the earlier model
  int64_t copiedElements = 0;
  std::vector<std::string> kept;  // names left as initialised (absent there or shaped differently)
};

// Copies into `model` what the model in `folder` (read by `task`'s loader) has of the same name and shape.
// Errors: the folder cannot be loaded as this task's model (the loader's error, field "warm_start_folder"),
// or nothing at all agrees.
Result<WarmStartReport> warmStart(TrainingTask& task, TaskModel& model, const std::string& folder);

}  // namespace quarry::train
