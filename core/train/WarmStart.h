#pragma once
// Warm start (TrainConfig::warmStartFolder): a new run's model begins from an earlier model of the same task
// (active learning's previous round) wherever the two agree. Every parameter and buffer whose name and shape
// are the same in both is copied; the rest keep their fresh initialisation: a classifier whose label set grew
// takes the encoder and a fresh head. A table whose rows both models name (train/KeyedRows.h: a BiLSTM
// tagger's word and character embeddings) is copied row by row by name, whatever its length and order: a
// vocabulary that grew keeps every known word's row, and only the new words start afresh.

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
  struct KeyedTable {
    std::string name;
    int64_t rowsTaken = 0, rows = 0;  // rows taken by name, of the table's rows
  };
  std::vector<KeyedTable> byName;  // the tables copied row by row (counted in copiedTensors too)
};

// Copies into `model` what the model in `folder` (read by `task`'s loader) has of the same name and shape.
// Errors: the folder cannot be loaded as this task's model (the loader's error, field "warm_start_folder"),
// or nothing at all agrees.
Result<WarmStartReport> warmStart(TrainingTask& task, TaskModel& model, const std::string& folder);

}  // namespace quarry::train
