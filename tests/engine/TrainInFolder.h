#pragma once
// The one call the engine's training tests make: the shared Trainer on documents, into a folder.

#include <filesystem>
#include <vector>

#include "train/TaskFactory.h"

namespace quarry::test {

inline Result<quarry::train::TrainResult> train(const quarry::train::TrainConfig& config,
                                                const std::filesystem::path& out,
                                                const std::vector<document::AnnotatedDocument>& trainDocs,
                                                const std::vector<document::AnnotatedDocument>& dev,
                                                const quarry::train::TrainCallback& callback = {},
                                                bool resume = false) {
  quarry::train::TrainRequest request;
  request.config = config;
  request.train = trainDocs;
  request.dev = dev;
  request.outputFolder = out.string();
  request.resume = resume;
  return quarry::train::runTraining(request, callback);
}

}  // namespace quarry::test
