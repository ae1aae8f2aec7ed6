#include "train/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/stack.h>
#include <torch/version.h>

#include "common/AtomicFile.h"
#include "common/Log.h"
#include "model/encoder/TransformerModel.h"
#include "model/kernels/Autocast.h"
#include "model/optim/GradientClipping.h"
#include "model/optim/GradientScaler.h"
#include "train/BatchPrefetcher.h"
#include "train/CudaGraphSteps.h"
#include "train/Distillation.h"
#include "train/L2spPenalty.h"
#include "train/LearningRateSchedule.h"
#include "train/LengthBucketBatcher.h"
#include "train/OptimizerSetup.h"
#include "train/TrainState.h"
#include "train/WarmStart.h"
#include "train/distributed/DataParallelGroup.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Elements of every parameter of `module` (each tensor once).
int64_t parameterCount(const torch::nn::Module& module) {
  std::set<const void*> seen;
  int64_t count = 0;
  for (const at::Tensor& p : module.parameters(true))
    if (seen.insert(p.unsafeGetTensorImpl()).second) count += p.numel();
  return count;
}

// L2-SP's anchors when l2sp_alpha is on: `start` itself before its first step, or on resume (start null) the
// model as the run first created it from model_folder, created again with the run's seed.
Result<L2spPenalty> anchorL2sp(TrainingTask& task, const TrainConfig& config, const OptimizerSetup& setup,
                               TaskModel* start) {
  if (config.l2spAlpha == 0) return L2spPenalty();
  if (std::string why = config.l2spConflict(); !why.empty()) return Error(why, "", 0, "l2sp_alpha");
  std::unique_ptr<TaskModel> again;
  if (!start) {
    at::manual_seed(config.seed);
    auto t = task.createModel(config);
    if (!t) return t.error();
    again = std::move(t.value());
    start = again.get();
  }
  return L2spPenalty::anchor(setup, *start, config.l2spAlpha);
}

// Data parallel, before the first step: every rank must train the same data with the same options from the
// same step, and starts from rank 0's weights (parameters and buffers), as DistributedDataParallel does.
Status synchronizeRanks(DataParallelGroup& group, TaskModel& model, const std::string& dataAndConfig, int64_t step) {
  const auto hash = static_cast<int64_t>(std::hash<std::string>{}(dataAndConfig) & 0x3fffffffffffffffull);
  auto highest = group.maxOverRanks(hash);
  if (!highest) return highest.error();
  auto lowest = group.minOverRanks(hash);
  if (!lowest) return lowest.error();
  if (highest.value() != lowest.value())
    return Error("the ranks were given different training data or options: every rank of a data-parallel run "
                 "needs the same documents and configuration",
                 "", 0, "distributed");
  auto latest = group.maxOverRanks(step);
  if (!latest) return latest.error();
  auto earliest = group.minOverRanks(step);
  if (!earliest) return earliest.error();
  if (latest.value() != earliest.value())
    return Error("the ranks resumed from different checkpoints (steps " + std::to_string(earliest.value()) + " to " +
                     std::to_string(latest.value()) + "): resume every rank from the same last/",
                 "", 0, "distributed");
  std::vector<at::Tensor> weights;
  for (const at::Tensor& p : model.module().parameters(true)) weights.push_back(p);
  for (const at::Tensor& b : model.module().buffers(true)) weights.push_back(b);
  return group.broadcast(weights);
}

// Whether `lastFolder`'s state.json is byte for byte rank 0's (a shared folder), by a hash rank 0 broadcasts.
bool sameCheckpointAsRankZero(DataParallelGroup& group, const std::string& lastFolder) {
  std::ifstream in(fs::path(lastFolder) / "state.json", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int64_t mine = text.empty() ? 0 : static_cast<int64_t>(std::hash<std::string>{}(text) & 0x3fffffffffffffffull);
  at::Tensor hash = at::from_blob(&mine, {1}, at::TensorOptions().dtype(at::kLong)).clone();
  if (!group.broadcast({hash})) return false;
  return mine != 0 && hash.item<int64_t>() == mine;
}

}  // namespace

const char* trainEndName(TrainResult::End end) {
  switch (end) {
    case TrainResult::End::Finished:
      return "finished";
    case TrainResult::End::EarlyStopped:
      return "early-stopped";
    case TrainResult::End::TimeLimit:
      return "time-limit";
    case TrainResult::End::Cancelled:
      return "cancelled";
  }
  return "finished";
}

json TrainResult::toJson() const {
  json j = {{"task", task},
            {"end", trainEndName(end)},
            {"steps", steps},
            {"epochs_completed", epochsCompleted},
            {"seconds", seconds},
            {"best_dev_score", bestDevScore},
            {"best_step", bestStep},
            {"best_folder", bestFolder},
            {"history", history},
            {"data", data},
            {"train_positions", trainPositions},
            {"padded_positions", paddedPositions},
            {"tokens_per_second", tokensPerSecond},
            {"trainable_parameters", trainableParameters},
            {"total_parameters", totalParameters},
            {"model", describeModel},
            {"world_size", worldSize}};
  if (bestDevReport.evaluated()) j["metrics"] = bestDevReport.toJson();
  return j;
}

Result<TrainResult> Trainer::run(TrainingTask& task, const TrainConfig& config, const std::string& outputFolder,
                                 bool resume, const TrainCallback& callback,
                                 const DistributedOptions& distributed) {
  auto logger = log::get("train");
  const auto started = Clock::now();
  std::error_code ec;
  fs::create_directories(outputFolder, ec);
  if (ec) return Error("cannot create the output folder: " + ec.message(), outputFolder);
  const std::string lastFolder = (fs::path(outputFolder) / "last").string();
  const std::string bestFolder = (fs::path(outputFolder) / "best").string();

  c10::Device device(c10::kCPU);
  try {
    device = c10::Device(config.device);
  } catch (const std::exception&) {
    return Error("not a device: " + config.device, "", 0, "device");
  }
  if (device.is_cuda() && !at::hasCUDA())
    return Error("this build of LibTorch has no CUDA or no GPU is visible", "", 0, "device");
  if (device.is_cuda() && device.has_index() && static_cast<size_t>(device.index()) >= at::getNumGPUs())
    return Error("there is no GPU " + std::to_string(device.index()) + " (" +
                     std::to_string(at::getNumGPUs()) + " visible)",
                 "", 0, "device");
  auto parsedPrecision = model::precisionNamed(config.precision);
  if (!parsedPrecision) return parsedPrecision.error();
  const model::Precision precision = parsedPrecision.value();
  if (Status s = model::precisionSupported(precision, device.type()); !s) return s.error();
  if (config.threads > 0) at::set_num_threads(config.threads);
  auto joined = DataParallelGroup::join(distributed, device);
  if (!joined) return joined.error();
  DataParallelGroup group = std::move(joined.value());
  const bool writer = group.writes();  // rank 0 (or the only process): evaluates and writes the folder

  TrainResult result;
  result.worldSize = group.worldSize();
  result.task = task.name();
  result.data = task.dataRecord();
  const std::string fingerprint = task.dataFingerprint();

  // Model and state.
  TrainState state;
  state.config = config.toJson();
  state.dataFingerprint = fingerprint;
  std::unique_ptr<TaskModel> tagger;
  if (resume && group.active()) {
    // A rank whose last/ is not rank 0's (a machine that does not share the output folder: none, or the copy
    // an earlier resume received, since grown stale) receives rank 0's first.
    const bool same = sameCheckpointAsRankZero(group, lastFolder);  // a collective: every rank calls it
    const bool lacking = !writer && !same;
    auto anyLacking = group.maxOverRanks(lacking ? 1 : 0);
    if (!anyLacking) return anyLacking.error();
    if (anyLacking.value() > 0)
      if (Status s = group.copyFolderFromRankZero(lastFolder, lacking && !writer); !s) return s.error();
  }
  if (resume) {
    auto loaded = TrainState::load(lastFolder);
    if (!loaded) return loaded.error();
    if (loaded->dataFingerprint != fingerprint)
      return Error("the training data changed since this run was interrupted; start a new run", lastFolder, 0,
                   "data");
    // A run saved before an option existed lacks its key: compared with the defaults filled in.
    json saved = loaded->config;
    if (auto filled = TrainConfig::fromJson(saved, lastFolder)) saved = filled->toJson();
    if (saved != state.config)
      return Error("the configuration differs from the interrupted run's", lastFolder, 0, "config");
    if (loaded->end && !loaded->end->empty())
      return Error("this run already ended (" + *loaded->end + " at step " + std::to_string(loaded->step) +
                       "); there is nothing to resume: start a new run instead",
                   (fs::path(lastFolder) / "state.json").string(), 0, "end");
    state = loaded.value();
    auto t = task.loadModel((fs::path(lastFolder) / "model").string());
    if (!t) return t.error();
    tagger = std::move(t.value());
  } else {
    at::manual_seed(config.seed);
    auto t = task.createModel(config);
    if (!t) return t.error();
    tagger = std::move(t.value());
    if (!config.warmStartFolder.empty()) {
      auto warm = warmStart(task, *tagger, config.warmStartFolder);
      if (!warm) return warm.error();
      logger->info("warm start from {}: {} tensors ({} weights) taken, {} initialised afresh",
                   config.warmStartFolder, warm->copiedTensors, warm->copiedElements, warm->kept.size());
      for (const WarmStartReport::KeyedTable& t : warm->byName)
        logger->info("warm start: {} taken by name, {} of its {} rows (the rest new)", t.name, t.rowsTaken,
                     t.rows);
    }
  }
  if (config.gradientCheckpointing) {
    if (config.prefixLength > 0)
      return Error("gradient checkpointing does not combine with prefix tuning (prefix_length)", "", 0,
                   "gradient_checkpointing");
    if (!tagger->setGradientCheckpointing(true))
      return Error(
          "gradient checkpointing applies to transformer encoders (BERT, RoBERTa, DistilBERT, ELECTRA, "
          "DeBERTa-v2/v3), not to " +
              tagger->describe(),
          "", 0, "gradient_checkpointing");
  }
  tagger->to(device);
  if (group.active())
    if (Status s = synchronizeRanks(group, *tagger, fingerprint + config.toJson().dump(), state.step); !s)
      return s.error();
  result.describeModel = tagger->describe();
  auto created = OptimizerSetup::create(*tagger, config);
  if (!created) return created.error();
  OptimizerSetup setup = std::move(created.value());
  result.totalParameters = parameterCount(tagger->module());
  result.trainableParameters = setup.parameterCount();
  auto penalty = anchorL2sp(task, config, setup, resume ? nullptr : tagger.get());
  if (!penalty) return penalty.error();
  const L2spPenalty& l2sp = penalty.value();
  if (l2sp.active())
    logger->info("L2-SP: {} encoder tensors pulled toward the weights of {} (alpha {})", l2sp.anchoredTensors(),
                 config.modelFolder, config.l2spAlpha);
  model::FusedAdamW optimizer(setup.adamwGroups());
  if (resume)
    if (Status s = TrainState::loadOptimizer(lastFolder, optimizer); !s) return s.error();
  // fp16: dynamic loss scaling (off otherwise), its scale carried through state.json across a resume.
  model::GradientScaler::Options scalerOptions;
  scalerOptions.enabled = precision == model::Precision::Float16;
  model::GradientScaler scaler(scalerOptions);
  if (resume)
    if (Status s = scaler.fromJson(state.gradientScaler, (fs::path(lastFolder) / "state.json").string()); !s)
      return s.error();

  auto featurizedTrain = task.featurizeTrain(*tagger);
  if (!featurizedTrain) return featurizedTrain.error();
  std::unique_ptr<TaskInputs> trainInputs = std::move(featurizedTrain.value());
  if (trainInputs->itemCount() == 0) return Error("no training examples", "", 0, "train");
  std::unique_ptr<TaskInputs> devInputs;
  if (writer) {
    auto featurizedDev = task.featurizeDev(*tagger);
    if (!featurizedDev) return featurizedDev.error();
    devInputs = std::move(featurizedDev.value());
  }
  if (devInputs && devInputs->itemCount() == 0) devInputs.reset();
  result.data = task.dataRecord();  // with what featurizing found (the documents a corpus held)
  const std::vector<int32_t> lengths = trainInputs->itemLengths();
  LossOptions lossOptions;
  lossOptions.classWeights = task.classWeights(config, *tagger);
  lossOptions.focalGamma = config.focalGamma;
  lossOptions.teacher = task.teacherTargets();
  if (lossOptions.teacher)
    logger->info("distilling from {} (temperature {}, alpha {}) on {} training units",
                 lossOptions.teacher->teacherFolder, lossOptions.teacher->temperature, lossOptions.teacher->alpha,
                 lossOptions.teacher->units.size());
  if (lossOptions.classWeights.defined()) lossOptions.classWeights = lossOptions.classWeights.to(device);

  // Staged batches: laid out ahead on the prefetch thread when the model can (train/StagedBatch.h). CUDA
  // graphs: the whole step captured per batch shape (train/CudaGraphSteps.h), for what a graph can hold.
  const bool staged = tagger->canStage(lossOptions);
  std::unique_ptr<CudaGraphSteps> graphs;
  if (config.cudaGraphs) {
    if (Status s = CudaGraphSteps::supported(device); !s) return s.error();
    const std::string conflict =
        !tagger->capturableLoss(lossOptions)
            ? "the loss of " + tagger->describe() + (lossOptions.teacher ? " while distilling" : "") +
                  " cannot be captured (CUDA graphs take NER transformers with a softmax head)"
        : precision == model::Precision::Float16
            ? std::string("fp16's loss scaling reads the device every step: use bf16")
        : config.gradientAccumulation > 1 ? std::string("not with gradient_accumulation")
        : group.active()                  ? std::string("not with data-parallel training")
        : l2sp.active()                   ? std::string("not with L2-SP (l2sp_alpha)")
        : config.unfreezeEvery > 0        ? std::string("not with gradual unfreezing (unfreeze_every)")
        : tagger->transformerModel() && tagger->transformerModel()->debertaBody
            ? std::string(
                  "not with a DeBERTa encoder (its relative positions are laid out on the host per step)")
            : std::string();
    if (!conflict.empty()) return Error("CUDA graphs: " + conflict, "", 0, "cuda_graphs");
    optimizer.useDeviceLearningRates(device);
    graphs = std::make_unique<CudaGraphSteps>(device);
  }
  // A graph replays fixed shapes: batches are padded to the batch size (or whole 8 rows under a token
  // budget) and to whole 32 columns, so a few shapes cover the run.
  auto stageShape = [&](const std::vector<int32_t>& items) {
    StageShape shape;
    if (!graphs) return shape;
    int32_t longest = 1;
    for (int32_t item : items) longest = std::max(longest, lengths[static_cast<size_t>(item)]);
    const auto rows = static_cast<int64_t>(items.size());
    shape.rows = config.maxBatchTokens > 0 ? (rows + 7) / 8 * 8 : std::max<int64_t>(rows, config.batchSize);
    shape.cols = (static_cast<int64_t>(longest) + 31) / 32 * 32;
    return shape;
  };

  const size_t batchesPerEpoch =
      makeBatches(lengths, config.batchSize, config.maxBatchTokens, config.seed, 0, true).size();
  const int64_t stepsPerEpoch =
      static_cast<int64_t>((batchesPerEpoch + static_cast<size_t>(config.gradientAccumulation) - 1) /
                           static_cast<size_t>(config.gradientAccumulation));
  int64_t totalSteps = stepsPerEpoch * config.epochs;
  if (config.maxSteps > 0) totalSteps = std::min(totalSteps, config.maxSteps);
  LearningRateSchedule schedule(LearningRateSchedule::shapeNamed(config.schedule),
                                config.effectiveWarmupSteps(totalSteps), totalSteps);
  if (resume && !state.end) {
    // state.json written before runs recorded how they ended: tell from where the run stands.
    const char* ended =
        state.step >= totalSteps || state.epoch >= config.epochs                         ? "finished"
        : config.patience > 0 && state.evalsWithoutImprovement >= config.patience        ? "early-stopped"
        : config.timeLimitSeconds > 0 && state.elapsedSeconds >= config.timeLimitSeconds ? "time-limit"
                                                                                         : nullptr;
    if (ended)
      return Error(std::string("this run already ended (") + ended + " at step " +
                       std::to_string(state.step) + "); there is nothing to resume: start a new run instead",
                   (fs::path(lastFolder) / "state.json").string(), 0, "step");
  }
  logger->info("training {} for {} on {} items ({} batches per epoch), dev {} items, {} steps",
               tagger->describe(), task.name(), trainInputs->itemCount(), batchesPerEpoch,
               devInputs ? devInputs->itemCount() : 0, totalSteps);

  TrainProgress progress;
  progress.totalSteps = totalSteps;
  progress.epochs = config.epochs;
  progress.bestDevScore = state.bestF1;
  const double resumedSeconds = state.elapsedSeconds;
  const int64_t resumedPositions = state.positions;
  auto elapsed = [&] {
    return resumedSeconds + std::chrono::duration<double>(Clock::now() - started).count();
  };
  double lossSum = 0;
  int lossCount = 0;
  // Batch losses not yet read: on a GPU reading a loss makes the host wait for the device, so they are
  // summed there and read at log points (every kLossReadSteps steps, evaluations, the end); on the CPU at
  // once.
  constexpr int64_t kLossReadSteps = 50;
  at::Tensor pendingLoss;
  int pendingCount = 0;
  auto settleLoss = [&] {
    if (pendingLoss.defined()) lossSum += pendingLoss.item<double>();
    lossCount += pendingCount;
    pendingLoss = at::Tensor();
    pendingCount = 0;
  };
  double rankLoss = 0;  // data parallel: this rank's share of the batch losses since the last step
  bool stop = false;
  TrainResult::End end = TrainResult::End::Finished;
  int64_t lastEvalStep = -1;

  auto report = [&](const std::string& phase) {
    progress.phase = phase;
    progress.step = state.step;
    progress.epoch = std::min(state.epoch, config.epochs - 1);
    if (phase != "train" || !device.is_cuda() || state.step % kLossReadSteps == 0) settleLoss();
    progress.loss = lossCount > 0 ? lossSum / lossCount : progress.loss;
    progress.learningRate = setup.groups().empty() ? 0.0 : optimizer.groups().front().options.lr;
    progress.elapsedSeconds = elapsed();
    const double thisRun = std::chrono::duration<double>(Clock::now() - started).count();
    progress.tokensPerSecond =
        thisRun > 0 ? static_cast<double>(state.positions - resumedPositions) / thisRun : 0.0;
    const int64_t doneHere = state.step;
    progress.etaSeconds = doneHere > 0 ? progress.elapsedSeconds / static_cast<double>(doneHere) *
                                             static_cast<double>(std::max<int64_t>(0, totalSteps - doneHere))
                                       : -1.0;
    return callback ? callback(progress) : true;
  };

  auto evaluate = [&]() -> Status {
    lastEvalStep = state.step;
    settleLoss();
    if (!devInputs) return {};
    const auto evalStart = Clock::now();
    auto scored = [&] {
      model::AutocastScope autocast(device.type(), precision);
      return task.evaluate(*tagger, *devInputs, std::max(32, config.batchSize));
    }();
    if (!scored) return scored.error();
    const MetricReport& r = scored.value();
    const double f1 = r.primary;
    progress.metric = r.primaryName;
    progress.devScore = f1;
    json entry = {{"step", state.step},
                  {"epoch", state.epoch},
                  {"dev_score", f1},
                  {"train_loss", lossCount > 0 ? lossSum / lossCount : progress.loss},
                  {"seconds", elapsed()},
                  {"eval_seconds", std::chrono::duration<double>(Clock::now() - evalStart).count()}};
    for (const auto& [key, value] : r.summary.items()) entry["dev_" + key] = value;
    state.history.push_back(entry);
    logger->info("step {} epoch {}: dev {} {:.4f}, loss {:.4f}", state.step, state.epoch + 1, r.primaryName, f1,
                 entry["train_loss"].get<double>());
    if (f1 > state.bestF1) {
      state.bestF1 = f1;
      state.bestStep = state.step;
      state.evalsWithoutImprovement = 0;
      result.bestDevReport = r;
      progress.bestDevScore = f1;
      if (Status s = tagger->save(bestFolder); !s) return s;
    } else {
      ++state.evalsWithoutImprovement;
    }
    if (config.patience > 0 && state.evalsWithoutImprovement >= config.patience) {
      stop = true;
      end = TrainResult::End::EarlyStopped;
    }
    progress.evaluation = std::move(entry);
    report("evaluated");  // its answer is read at the next step: a run that has ended stays ended
    progress.evaluation = nullptr;
    return {};
  };

  // Evaluates (the module in eval mode), starts a new loss average, returns to training and saves last/.
  auto evaluateAndCheckpoint = [&]() -> Status {
    if (Status s = evaluate(); !s) return s;
    lossSum = 0;
    lossCount = 0;
    tagger->module().train();
    state.elapsedSeconds = elapsed();
    state.gradientScaler = scaler.toJson();
    return writer ? state.save(lastFolder, *tagger, optimizer) : Status();
  };

  // Data parallel: whether any rank says so (a cancel, a time limit, rank 0's early stop), so that every rank
  // stops at the same step. Alone: the flag as it is.
  auto anyRank = [&](bool& flag) -> Status {
    if (!group.active()) return {};
    auto any = group.maxOverRanks(flag ? 1 : 0);
    if (!any) return any.error();
    flag = any.value() > 0;
    return {};
  };
  auto agreeOnEarlyStop = [&]() -> Status {
    bool early = stop && end == TrainResult::End::EarlyStopped;
    if (Status s = anyRank(early); !s) return s;
    if (early) {
      stop = true;
      end = TrainResult::End::EarlyStopped;
    }
    return {};
  };

  // Each group's rate for the coming step: its base rate times the schedule's factor.
  auto scheduleRates = [&] {
    const double factor = schedule.factor(state.step);
    for (size_t g = 0; g < optimizer.groups().size(); ++g)
      optimizer.groups()[g].options.lr = setup.groups()[g].baseRate * factor;
  };

  tagger->module().train();
  while (!stop && state.epoch < config.epochs && state.step < totalSteps) {
    const std::vector<std::vector<int32_t>> batches =
        makeBatches(lengths, config.batchSize, config.maxBatchTokens, config.seed, state.epoch, true);
    int accumulated = 0;
    std::unique_ptr<BatchPrefetcher> prefetch;
    if (staged)
      prefetch = std::make_unique<BatchPrefetcher>(
          static_cast<size_t>(state.batchInEpoch), batches.size(),
          static_cast<size_t>(config.prefetchBatches), [&](size_t b) {
            StagedBatch next = tagger->stage(*trainInputs, group.shard(batches[b]), stageShape(batches[b]));
            if (device.is_cuda())  // pinned here, so that the step's copy to the device does not wait
              for (at::Tensor& t : next.tensors)
                if (t.defined()) t = t.pin_memory();
            return next;
          });
    for (size_t b = static_cast<size_t>(state.batchInEpoch); b < batches.size() && !stop; ++b) {
      // Dropout masks depend only on the run's seed and the batch's position, so a resume repeats them.
      // Data parallel: each rank its own stream (rank 0's is the one a single process draws).
      at::manual_seed(config.seed * 1000003ull + static_cast<uint64_t>(state.epoch) * 100003ull + b +
                      static_cast<uint64_t>(group.rank()) * 0x9E3779B97F4A7C15ull);
      if (accumulated == 0)
        for (const std::string& group : setup.applyUnfreezing(state.step, state.epoch))
          logger->info("step {} epoch {}: {} starts to train", state.step, state.epoch + 1, group);
      lossOptions.epoch = state.epoch;
      // The batch, staged ahead (this rank's share of it) or built by loss() below.
      StagedBatch stagedBatch;
      if (prefetch) {
        stagedBatch = prefetch->next();
        stagedBatch.toDevice(device);
      }
      // The forward pass (and the loss) under autocast; backward outside it, as torch.autocast is used.
      auto batchLoss = [&](const std::vector<int32_t>& items, const StagedBatch* ready) {
        model::AutocastScope autocast(device.type(), precision);
        return (ready ? tagger->stagedLoss(*ready, lossOptions)
                      : tagger->loss(*trainInputs, items, lossOptions))
            .to(at::kFloat);
      };
      bool stepped = false;  // the optimizer step ran inside a graph step
      if (graphs) {
        // The whole step at once: the schedule's rates go to the device first (a replay reads them there).
        scheduleRates();
        optimizer.syncLearningRates();
        const CudaGraphSteps::Outcome outcome = graphs->run(
            stagedBatch,
            [&](const StagedBatch& ready) {
              at::Tensor loss = batchLoss(ready.items, &ready);
              loss.backward();
              model::clipGradientNorm(setup.parameters(), config.effectiveMaxGradNorm());
              optimizer.step();
              return loss.detach();
            },
            [&] { optimizer.zeroGrad(); });
        if (!outcome.hostRan) optimizer.countReplayedStep();
        pendingLoss = pendingLoss.defined() ? pendingLoss + outcome.loss : outcome.loss;
        stepped = true;
      } else if (!group.active()) {
        at::Tensor loss = batchLoss(batches[b], prefetch ? &stagedBatch : nullptr);
        scaler.scaled(loss / static_cast<double>(config.gradientAccumulation)).backward();
        pendingLoss = pendingLoss.defined() ? pendingLoss + loss.detach() : loss.detach();
      } else if (const std::vector<int32_t> mine = group.shard(batches[b]); !mine.empty()) {
        // This rank's items, weighted by their share of the batch: the summed gradient is the batch's.
        const double share = static_cast<double>(mine.size()) / static_cast<double>(batches[b].size());
        at::Tensor loss = batchLoss(mine, prefetch ? &stagedBatch : nullptr);
        scaler.scaled(loss * (share / static_cast<double>(config.gradientAccumulation))).backward();
        rankLoss += loss.item<double>() * share;
      }
      int32_t longest = 0;
      for (int32_t item : batches[b]) {
        state.positions += lengths[static_cast<size_t>(item)];
        longest = std::max(longest, lengths[static_cast<size_t>(item)]);
      }
      result.paddedPositions += prefetch && !group.active()
                                    ? stagedBatch.rows * stagedBatch.cols  // as laid out (graphs: padded)
                                    : static_cast<int64_t>(longest) * static_cast<int64_t>(batches[b].size());
      ++pendingCount;
      ++accumulated;
      state.batchInEpoch = static_cast<int>(b + 1);
      if (accumulated < config.gradientAccumulation && b + 1 < batches.size()) continue;
      accumulated = 0;
      if (group.active()) {
        std::vector<double> losses{rankLoss};
        if (Status s = group.sumGradients(setup.parameters(), losses); !s) return s.error();
        lossSum += losses[0];
        settleLoss();  // the batch count (the losses were read to be summed over the ranks)
        rankLoss = 0;
      }
      if (!stepped) {
        // fp16: gradients back to their true size; a step that overflowed is skipped (the scale backs off).
        const bool finite = scaler.unscale(setup.parameters());
        if (finite) {
          l2sp.addGradients();
          model::clipGradientNorm(setup.parameters(), config.effectiveMaxGradNorm());
          scheduleRates();
          optimizer.step();
        } else {
          logger->info("step {}: a gradient overflowed in fp16; step skipped, loss scale {} -> {}",
                       state.step, scaler.scale(), scaler.scale() * scalerOptions.backoffFactor);
        }
        scaler.update(finite);
      }
      optimizer.zeroGrad();
      ++state.step;
      bool cancelled = !report("train");
      if (Status s = anyRank(cancelled); !s) return s.error();
      if (cancelled) {
        stop = true;
        end = TrainResult::End::Cancelled;
        break;
      }
      if (config.evalEverySteps > 0 && state.step % config.evalEverySteps == 0) {
        tagger->module().eval();
        bool cancelledAtEval = !report("eval");
        if (Status s = anyRank(cancelledAtEval); !s) return s.error();
        if (cancelledAtEval) {
          stop = true;
          end = TrainResult::End::Cancelled;
          break;
        }
        if (Status s = evaluateAndCheckpoint(); !s) return s.error();
        if (Status s = agreeOnEarlyStop(); !s) return s.error();
      }
      if (state.step >= totalSteps) break;
      if (config.timeLimitSeconds > 0) {
        bool outOfTime = elapsed() >= config.timeLimitSeconds;
        if (Status s = anyRank(outOfTime); !s) return s.error();
        if (outOfTime) {
          stop = true;
          end = TrainResult::End::TimeLimit;
        }
      }
    }
    if (end == TrainResult::End::Cancelled) break;
    if (state.batchInEpoch >= static_cast<int>(batches.size())) {
      ++state.epoch;
      state.batchInEpoch = 0;
      ++result.epochsCompleted;
      if (config.evalEverySteps == 0 && lastEvalStep != state.step) {
        tagger->module().eval();
        if (Status s = evaluateAndCheckpoint(); !s) return s.error();
        if (Status s = agreeOnEarlyStop(); !s) return s.error();
      }
    }
  }
  tagger->module().eval();
  if (end != TrainResult::End::Cancelled) state.end = trainEndName(end);
  if (end != TrainResult::End::Cancelled && lastEvalStep != state.step && devInputs)
    if (Status s = evaluate(); !s) return s.error();
  if (!devInputs && end != TrainResult::End::Cancelled && writer)
    if (Status s = tagger->save(bestFolder); !s) return s.error();
  state.elapsedSeconds = elapsed();
  if (writer)
    if (Status s = state.save(lastFolder, *tagger, optimizer); !s) return s.error();

  result.end = end;
  result.steps = state.step;
  result.seconds = state.elapsedSeconds;
  result.bestDevScore = state.bestF1;
  result.bestStep = state.bestStep;
  result.bestFolder = writer && fs::exists(bestFolder) ? bestFolder : std::string();
  result.history = state.history;
  result.trainPositions = state.positions;
  const double thisRun = std::chrono::duration<double>(Clock::now() - started).count();
  result.tokensPerSecond =
      thisRun > 0 ? static_cast<double>(state.positions - resumedPositions) / thisRun : 0.0;
  if (result.bestDevScore >= 0 && !result.bestDevReport.evaluated() && fs::exists(bestFolder) && devInputs) {
    // Resumed after the best evaluation: score the saved best model again for the report.
    auto best = task.loadModel(bestFolder);
    if (best) {
      best.value()->to(device);
      best.value()->module().eval();
      auto again = task.featurizeDev(*best.value());
      if (again && again.value()) {
        auto scored = task.evaluate(*best.value(), *again.value(), 64);
        if (scored) result.bestDevReport = scored.value();
      }
    }
  }
  progress.devScore = state.bestF1;
  report("done");
  if (!writer) return result;  // rank 0 writes the run record

  json run = {{"config", config.toJson()},
              {"data_fingerprint", fingerprint},
              {"task", task.name()},
              {"data", task.dataRecord()},
              {"torch_version", TORCH_VERSION},
              {"threads", at::get_num_threads()},
              {"world_size", group.worldSize()},
              {"result", result.toJson()}};
  const std::string text = run.dump(2) + "\n";
  if (Status s = AtomicFile::write((fs::path(outputFolder) / "run.json").string(),
                                          [&](std::ostream& o) { o << text; });
      !s)
    return s.error();
  return result;
}

}  // namespace quarry::train
