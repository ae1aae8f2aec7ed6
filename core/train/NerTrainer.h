#pragma once
// Trains an NER tagger: AdamW with decoupled weight decay (none on biases and LayerNorm), linear
// warm-up then decay, gradient clipping and accumulation, evaluation on dev every N steps or every
// epoch, early stopping on dev entity F1 (seqeval micro) with patience, the best model kept as a folder,
// class weights or focal loss for softmax heads, embedding/lower-layer freezing, seeds.
//
// OUTPUT FOLDER: best/ (the best model so far, loadable by loadNerTagger), last/ (the full training
// state: model, optimizer moments, schedule position, data position, history, config) and run.json
// (what was run and what came out). A run started with resume = true continues from last/ exactly:
// the data order depends only on (seed, epoch) and dropout is reseeded at every batch, so an
// interrupted run ends with the same weights as an uninterrupted one.
//
// CANCELLATION: the callback runs after every optimizer step and during evaluation; returning false
// stops within one step, saves last/, keeps best/ and returns End::Cancelled.

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "eval/EntityMetrics.h"
#include "train/NerDataBuilder.h"
#include "train/NerExample.h"
#include "train/NerTrainConfig.h"

namespace quarry::train {

struct TrainProgress {
  std::string phase;          // "train", "eval", "done"
  int64_t step = 0;           // optimizer steps done
  int64_t totalSteps = 0;     // planned steps (may end earlier: early stopping, time limit)
  int epoch = 0;              // 0-based epoch in progress
  int epochs = 0;
  double loss = 0;            // mean training loss since the last report
  double learningRate = 0;    // of the first (lowest-layer) group
  double devF1 = -1;          // latest dev micro F1; -1 before the first evaluation
  double bestDevF1 = -1;
  double elapsedSeconds = 0;
  double etaSeconds = -1;     // -1 = unknown
  double tokensPerSecond = 0; // training positions per second so far
};

// Returns false to cancel.
using TrainCallback = std::function<bool(const TrainProgress&)>;

struct TrainRequest {
  NerTrainConfig config;
  std::vector<document::AnnotatedDocument> train;
  std::vector<document::AnnotatedDocument> dev;         // empty = no evaluation; the last model is the best
  std::vector<std::string> entityTypes; // tag set; empty = the types seen in train
  std::string outputFolder;             // created if needed
  bool resume = false;                  // continue the run in outputFolder/last
};

struct TrainResult {
  enum class End { Finished, EarlyStopped, TimeLimit, Cancelled };
  End end = End::Finished;
  int64_t steps = 0;
  int epochsCompleted = 0;
  double seconds = 0;                   // training wall time (this process + resumed parts)
  double bestDevF1 = -1;
  int64_t bestStep = 0;
  eval::EntityReport bestDevReport;     // seqeval report of the best model on dev
  std::string bestFolder;               // outputFolder/best
  nlohmann::json history = nlohmann::json::array();  // one entry per evaluation
  std::vector<MisalignedSpan> misaligned;  // training + dev spans not on word boundaries
  int64_t trainPositions = 0;           // labelled positions seen
  double tokensPerSecond = 0;
  std::string describeModel;            // e.g. "bert 4x256 + CRF (bert-wordpiece)"
  nlohmann::json toJson() const;
};

const char* trainEndName(TrainResult::End end);  // "finished", "early-stopped", "time-limit", "cancelled"

class NerTrainer {
 public:
  static Result<TrainResult> run(const TrainRequest& request, const TrainCallback& callback = {});
};

}  // namespace quarry::train
