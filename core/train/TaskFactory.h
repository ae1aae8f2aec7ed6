#pragma once
// The one place that knows every task: the TrainingTask of a request (by config.task) and the task of a
// saved model folder, so that the CLI and the jobs layer never switch on task names themselves.

#include <memory>
#include <string>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "train/MetricReport.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"

namespace quarry::train {

// The task named by request.config.task, with its data built from the request's documents.
Result<std::unique_ptr<TrainingTask>> createTrainingTask(const TrainRequest& request);

// createTrainingTask + Trainer::run.
Result<TrainResult> runTraining(const TrainRequest& request, const TrainCallback& callback = {});

// Scores a saved model folder (any task) on labelled documents: the task's full report.
Result<MetricReport> evaluateModelFolder(const std::string& folder, const std::vector<document::AnnotatedDocument>& documents,
                                         int batchSize = 64);

// The task of a model folder Quarry wrote: "ner" (quarry_ner.json) or quarry_task.json's "task". Errors
// name the folder when it is neither.
Result<std::string> modelFolderTask(const std::string& folder);

}  // namespace quarry::train
