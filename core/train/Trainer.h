#pragma once
// Trains any task model (train/TrainingTask.h): AdamW with decoupled weight decay (none on biases and
// LayerNorm), linear warm-up then decay, gradient clipping and accumulation, evaluation on dev every N
// steps or every epoch, early stopping on the task's primary dev metric with patience, the best model
// kept as a folder, class weights or focal loss for softmax heads, layer-wise rates and a head rate,
// embedding/lower-layer freezing and gradual unfreezing (train/OptimizerSetup.h), linear or cosine decay
// after the warm-up (train/LearningRateSchedule.h), L2-SP toward the pre-trained weights
// (train/L2spPenalty.h), seeds. The same code trains NER, relations, QA and classification.
//
// OUTPUT FOLDER: best/ (the best model so far, loadable by the task's loader), last/ (the full training
// state: model, optimizer moments, schedule position, data position, history, config) and run.json
// (what was run and what came out). A run started with resume = true continues from last/ exactly:
// the data order depends only on (seed, epoch) and dropout is reseeded at every batch, so an
// interrupted run ends with the same weights as an uninterrupted one.
//
// CANCELLATION: the callback runs after every optimizer step and during evaluation; returning false
// stops within one step, saves last/, keeps best/ and returns End::Cancelled. After each dev evaluation
// it runs once more with phase "evaluated" and the evaluation's history entry, so that an observer can
// record the figures as they come; its answer to that call is not read (a cancel then stops at the
// next step, as it would have).
//
// DATA PARALLEL: with distributed.worldSize > 1 the processes of the world each run this with the same task
// data and config; every rank trains on its share of every batch and the gradients are summed before each
// step (train/distributed/DataParallelGroup.h), rank 0's weights broadcast first. Rank 0 alone evaluates on
// dev and writes best/, last/ and run.json; a cancel, early stop or time limit on any rank stops them all
// at the same step. A resumed world reads last/ on every rank (the output folder shared, e.g. over NFS).

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "document/RelationSchema.h"
#include "train/MetricReport.h"
#include "train/TrainConfig.h"
#include "train/TrainingTask.h"
#include "train/distributed/DistributedOptions.h"

namespace quarry::train {

struct TrainProgress {
  std::string phase;          // "train", "eval" (before an evaluation), "evaluated" (after it), "done"
  int64_t step = 0;           // optimizer steps done
  int64_t totalSteps = 0;     // planned steps (may end earlier: early stopping, time limit)
  int epoch = 0;              // 0-based epoch in progress
  int epochs = 0;
  double loss = 0;            // mean training loss since the last report
  double learningRate = 0;    // of the first (lowest-layer) group
  std::string metric;         // name of the task's primary metric ("micro_f1")
  double devScore = -1;       // latest primary dev metric; -1 before the first evaluation
  double bestDevScore = -1;
  double elapsedSeconds = 0;
  double etaSeconds = -1;     // -1 = unknown
  double tokensPerSecond = 0; // training positions per second so far
  // Phase "evaluated": the history entry the evaluation added (step, epoch, dev_score, train_loss,
  // seconds, eval_seconds, dev_<summary figure>...); null otherwise.
  nlohmann::json evaluation;
};

// Returns false to cancel.
using TrainCallback = std::function<bool(const TrainProgress&)>;

// What to train on, for any task: the documents carry every kind of annotation and each task reads its
// own (entities, relations, questions, labels).
struct TrainRequest {
  TrainConfig config;
  std::vector<document::AnnotatedDocument> train;
  std::vector<document::AnnotatedDocument> dev;  // empty = no evaluation; the last model is the best
  std::vector<std::string> labels;  // the task's label set (entity types, relation types, categories);
                                    // empty = those seen in train
  // relation: the schema's relation types (direction, argument types); empty = the types seen in train,
  // directed, with the argument type pairs seen there.
  std::vector<document::RelationTypeSpec> relationTypes;
  // mlm: text corpora to pretrain on besides `train`'s texts: .txt / .txt.gz files or folders of them
  // (text::TextCorpusReader), streamed after the documents.
  std::vector<std::string> corpora;
  // ner, classify with config.teacherFolder (distillation): documents whose text the teacher labels for the
  // student besides `train` (their annotations are not read).
  std::vector<document::AnnotatedDocument> unlabelled;
  std::string outputFolder;         // created if needed
  bool resume = false;              // continue the run in outputFolder/last
  // Data-parallel training (train/distributed/DataParallelGroup.h): this process's place among the
  // processes that train together; a world of one trains alone. Every rank is given the same request.
  DistributedOptions distributed;
};

struct TrainResult {
  enum class End { Finished, EarlyStopped, TimeLimit, Cancelled };
  std::string task;                     // "ner", ...
  End end = End::Finished;
  int64_t steps = 0;
  int epochsCompleted = 0;
  double seconds = 0;                   // training wall time (this process + resumed parts)
  double bestDevScore = -1;             // the primary metric of the best model on dev; -1 = no dev
  int64_t bestStep = 0;
  MetricReport bestDevReport;           // the task's full report of the best model on dev
  std::string bestFolder;               // outputFolder/best
  nlohmann::json history = nlohmann::json::array();  // one entry per evaluation
  nlohmann::json data = nlohmann::json::object();    // the task's data record (TrainingTask::dataRecord)
  int64_t trainPositions = 0;           // labelled positions seen
  int64_t paddedPositions = 0;          // positions the model computed in this process, padding included
  double tokensPerSecond = 0;
  int64_t trainableParameters = 0;      // elements the optimizer updates (LoRA: the adapters and the head)
  int64_t totalParameters = 0;          // elements of every parameter of the model
  std::string describeModel;            // e.g. "bert 4x256 + CRF (bert-wordpiece)"
  int worldSize = 1;                    // processes that trained together (data parallel)
  // {"task", "end", ..., "metrics": {"primary_metric", "primary", ...the best dev report}}
  nlohmann::json toJson() const;
};

const char* trainEndName(TrainResult::End end);  // "finished", "early-stopped", "time-limit", "cancelled"

class Trainer {
 public:
  static Result<TrainResult> run(TrainingTask& task, const TrainConfig& config, const std::string& outputFolder,
                                 bool resume, const TrainCallback& callback = {},
                                 const DistributedOptions& distributed = {});
};

}  // namespace quarry::train
