#include "train/NerTrainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/stack.h>
#include <torch/version.h>

#include "common/Log.h"
#include "model/checkpoint/AtomicFile.h"
#include "train/LearningRateSchedule.h"
#include "train/LengthBucketBatcher.h"
#include "train/NerEvaluation.h"
#include "train/TokenLoss.h"
#include "train/TrainState.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Clips the total L2 norm of the gradients to maxNorm (torch.nn.utils.clip_grad_norm_); returns the norm.
double clipGradients(const std::vector<at::Tensor>& parameters, double maxNorm) {
  at::NoGradGuard noGrad;
  double total = 0;
  for (const at::Tensor& p : parameters)
    if (p.grad().defined()) {
      const double n = p.grad().norm().item<double>();
      total += n * n;
    }
  total = std::sqrt(total);
  if (maxNorm > 0 && total > maxNorm) {
    const double scale = maxNorm / (total + 1e-6);
    for (const at::Tensor& p : parameters)
      if (p.grad().defined()) p.mutable_grad().mul_(scale);
  }
  return total;
}

struct OptimizerSetup {
  std::vector<model::AdamWGroup> groups;
  std::vector<double> baseRates;  // per group, before the schedule
  std::vector<at::Tensor> all;    // every trained parameter
};

OptimizerSetup setUpOptimizer(NerTagger& tagger, const NerTrainConfig& config) {
  OptimizerSetup setup;
  std::vector<model::ParameterGroup> groups = tagger.parameterGroups();
  int top = 0;
  for (const auto& g : groups) top = std::max(top, g.layer);
  const double lr = config.effectiveLearningRate();
  for (model::ParameterGroup& g : groups) {
    const bool isCrf = g.name.rfind("crf", 0) == 0;
    const bool isHead = g.layer == top;
    const bool frozen =
        tagger.kind() == ModelKind::Transformer && !isHead &&
        ((g.layer == 0 && config.freezeEmbeddings) || (g.layer >= 1 && g.layer <= config.freezeLayers) ||
         (g.layer == 0 && config.freezeLayers > 0 && config.freezeEmbeddings));
    if (frozen) {
      for (at::Tensor& p : g.parameters) p.requires_grad_(false);
      continue;
    }
    double rate = lr;
    if (isHead) rate = config.effectiveHeadLearningRate();
    if (isCrf && tagger.kind() == ModelKind::Transformer && config.headLearningRate <= 0)
      rate = std::min(1e-2, lr * 100);
    if (!isHead && config.layerDecay < 1.0) rate = lr * std::pow(config.layerDecay, top - g.layer);
    model::AdamWGroup group;
    group.parameters = g.parameters;
    group.options.lr = rate;
    group.options.weightDecay = g.decay ? config.weightDecay : 0.0;
    setup.baseRates.push_back(rate);
    for (const at::Tensor& p : g.parameters) setup.all.push_back(p);
    setup.groups.push_back(std::move(group));
  }
  return setup;
}

at::Tensor classWeightsFor(const NerTrainConfig& config, const NerData& data, size_t classes) {
  if (config.classWeights != "balanced") return {};
  std::vector<int64_t> counts(classes, 0);
  for (const SentenceExample& s : data.sentences)
    for (int32_t t : s.tags)
      if (t >= 0 && static_cast<size_t>(t) < classes) ++counts[static_cast<size_t>(t)];
  std::vector<float> w = balancedClassWeights(counts);
  return at::from_blob(w.data(), {static_cast<int64_t>(w.size())}, at::TensorOptions().dtype(at::kFloat))
      .clone();
}

TagEncoding encodingOf(const std::string& name) {
  return (name == "bioes" || name == "iobes") ? TagEncoding::BIOES : TagEncoding::IOB2;
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
  json j = {{"end", trainEndName(end)},
            {"steps", steps},
            {"epochs_completed", epochsCompleted},
            {"seconds", seconds},
            {"best_dev_f1", bestDevF1},
            {"best_step", bestStep},
            {"best_folder", bestFolder},
            {"history", history},
            {"misaligned_spans", misaligned.size()},
            {"train_positions", trainPositions},
            {"tokens_per_second", tokensPerSecond},
            {"model", describeModel}};
  if (bestDevF1 >= 0) j["best_dev_report"] = bestDevReport.toJson();
  return j;
}

Result<TrainResult> NerTrainer::run(const TrainRequest& request, const TrainCallback& callback) {
  const NerTrainConfig& config = request.config;
  auto logger = log::get("train");
  const auto started = Clock::now();
  if (request.train.empty()) return Error("no training documents", "", 0, "train");
  std::error_code ec;
  fs::create_directories(request.outputFolder, ec);
  if (ec) return Error("cannot create the output folder: " + ec.message(), request.outputFolder);
  const std::string lastFolder = (fs::path(request.outputFolder) / "last").string();
  const std::string bestFolder = (fs::path(request.outputFolder) / "best").string();

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
  if (config.threads > 0) at::set_num_threads(config.threads);

  // Data.
  NerDataOptions dataOptions;
  dataOptions.encoding = encodingOf(config.tagEncoding);
  NerData train = buildNerData(request.train, request.entityTypes, dataOptions);
  if (train.tags.types().empty())
    return Error("the training documents have no entity annotation", "", 0, "train");
  NerData dev = buildNerData(request.dev, train.tags.types(), dataOptions);
  TrainResult result;
  result.misaligned = train.misaligned;
  result.misaligned.insert(result.misaligned.end(), dev.misaligned.begin(), dev.misaligned.end());
  if (!train.misaligned.empty())
    logger->warn("{} training spans do not fall on word boundaries ({}); see the report",
                 train.misaligned.size(),
                 dataOptions.widenMisaligned ? "trained widened to the nearest words" : "left out");
  const std::string fingerprint = fingerprintDocuments(request.train, request.dev);

  // Model and state.
  TrainState state;
  state.config = config.toJson();
  state.dataFingerprint = fingerprint;
  std::unique_ptr<NerTagger> tagger;
  if (request.resume) {
    auto loaded = TrainState::load(lastFolder);
    if (!loaded) return loaded.error();
    if (loaded->dataFingerprint != fingerprint)
      return Error("the training data changed since this run was interrupted; start a new run", lastFolder, 0,
                   "data");
    if (loaded->config != state.config)
      return Error("the configuration differs from the interrupted run's", lastFolder, 0, "config");
    if (loaded->end && !loaded->end->empty())
      return Error("this run already ended (" + *loaded->end + " at step " + std::to_string(loaded->step) +
                       "); there is nothing to resume: start a new run instead",
                   (fs::path(lastFolder) / "state.json").string(), 0, "end");
    state = loaded.value();
    auto t = loadNerTagger((fs::path(lastFolder) / "model").string());
    if (!t) return t.error();
    tagger = std::move(t.value());
  } else {
    at::manual_seed(config.seed);
    auto t = createNerTagger(config, train.tags, train.sentences);
    if (!t) return t.error();
    tagger = std::move(t.value());
  }
  tagger->to(device);
  result.describeModel = tagger->describe();
  OptimizerSetup setup = setUpOptimizer(*tagger, config);
  model::FusedAdamW optimizer(setup.groups);
  if (request.resume)
    if (Status s = TrainState::loadOptimizer(lastFolder, optimizer); !s) return s.error();

  std::unique_ptr<TaggerInputs> trainInputs = tagger->featurize(train.sentences);
  std::unique_ptr<TaggerInputs> devInputs =
      dev.sentences.empty() ? nullptr : tagger->featurize(dev.sentences);
  const std::vector<int32_t> lengths = trainInputs->itemLengths();
  LossOptions lossOptions;
  lossOptions.classWeights = classWeightsFor(config, train, tagger->tags().size());
  lossOptions.focalGamma = config.focalGamma;
  if (lossOptions.classWeights.defined()) lossOptions.classWeights = lossOptions.classWeights.to(device);

  const size_t batchesPerEpoch =
      makeBatches(lengths, config.batchSize, config.maxBatchTokens, config.seed, 0, true).size();
  const int64_t stepsPerEpoch =
      static_cast<int64_t>((batchesPerEpoch + static_cast<size_t>(config.gradientAccumulation) - 1) /
                           static_cast<size_t>(config.gradientAccumulation));
  int64_t totalSteps = stepsPerEpoch * config.epochs;
  if (config.maxSteps > 0) totalSteps = std::min(totalSteps, config.maxSteps);
  LearningRateSchedule schedule(
      config.schedule == "constant" ? LearningRateSchedule::Shape::Constant
                                    : LearningRateSchedule::Shape::Linear,
      static_cast<int64_t>(std::llround(config.warmupRatio * static_cast<double>(totalSteps))), totalSteps);
  if (request.resume && !state.end) {
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
  logger->info("training {} on {} sentences ({} items, {} batches per epoch), dev {} sentences, {} steps",
               tagger->describe(), train.sentences.size(), trainInputs->itemCount(), batchesPerEpoch,
               dev.sentences.size(), totalSteps);

  TrainProgress progress;
  progress.totalSteps = totalSteps;
  progress.epochs = config.epochs;
  progress.bestDevF1 = state.bestF1;
  const double resumedSeconds = state.elapsedSeconds;
  const int64_t resumedPositions = state.positions;
  auto elapsed = [&] {
    return resumedSeconds + std::chrono::duration<double>(Clock::now() - started).count();
  };
  double lossSum = 0;
  int lossCount = 0;
  bool stop = false;
  TrainResult::End end = TrainResult::End::Finished;
  int64_t lastEvalStep = -1;

  auto report = [&](const std::string& phase) {
    progress.phase = phase;
    progress.step = state.step;
    progress.epoch = std::min(state.epoch, config.epochs - 1);
    progress.loss = lossCount > 0 ? lossSum / lossCount : progress.loss;
    progress.learningRate = setup.groups.empty() ? 0.0 : optimizer.groups().front().options.lr;
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
    if (!devInputs) return {};
    const auto evalStart = Clock::now();
    const std::vector<SentenceTags> predicted = tagger->predict(*devInputs, std::max(32, config.batchSize));
    eval::EntityReport r = scoreSentenceTags(tagger->tags(), dev.sentences, predicted);
    const double f1 = r.micro.f1;
    progress.devF1 = f1;
    json entry = {{"step", state.step},
                  {"epoch", state.epoch},
                  {"dev_f1", f1},
                  {"dev_precision", r.micro.precision},
                  {"dev_recall", r.micro.recall},
                  {"train_loss", lossCount > 0 ? lossSum / lossCount : progress.loss},
                  {"seconds", elapsed()},
                  {"eval_seconds", std::chrono::duration<double>(Clock::now() - evalStart).count()}};
    state.history.push_back(entry);
    logger->info("step {} epoch {}: dev F1 {:.4f} (P {:.4f} R {:.4f}), loss {:.4f}", state.step,
                 state.epoch + 1, f1, r.micro.precision, r.micro.recall, entry["train_loss"].get<double>());
    if (f1 > state.bestF1) {
      state.bestF1 = f1;
      state.bestStep = state.step;
      state.evalsWithoutImprovement = 0;
      result.bestDevReport = r;
      progress.bestDevF1 = f1;
      if (Status s = tagger->save(bestFolder); !s) return s;
    } else {
      ++state.evalsWithoutImprovement;
    }
    if (config.patience > 0 && state.evalsWithoutImprovement >= config.patience) {
      stop = true;
      end = TrainResult::End::EarlyStopped;
    }
    return {};
  };

  tagger->module().train();
  while (!stop && state.epoch < config.epochs && state.step < totalSteps) {
    const std::vector<std::vector<int32_t>> batches =
        makeBatches(lengths, config.batchSize, config.maxBatchTokens, config.seed, state.epoch, true);
    int accumulated = 0;
    for (size_t b = static_cast<size_t>(state.batchInEpoch); b < batches.size() && !stop; ++b) {
      // Dropout masks depend only on the run's seed and the batch's position, so a resume repeats them.
      at::manual_seed(config.seed * 1000003ull + static_cast<uint64_t>(state.epoch) * 100003ull + b);
      at::Tensor loss = tagger->loss(*trainInputs, batches[b], lossOptions);
      (loss / static_cast<double>(config.gradientAccumulation)).backward();
      for (int32_t item : batches[b]) state.positions += lengths[static_cast<size_t>(item)];
      lossSum += loss.item<double>();
      ++lossCount;
      ++accumulated;
      state.batchInEpoch = static_cast<int>(b + 1);
      if (accumulated < config.gradientAccumulation && b + 1 < batches.size()) continue;
      accumulated = 0;
      clipGradients(setup.all, config.effectiveMaxGradNorm());
      const double factor = schedule.factor(state.step);
      for (size_t g = 0; g < optimizer.groups().size(); ++g)
        optimizer.groups()[g].options.lr = setup.baseRates[g] * factor;
      optimizer.step();
      optimizer.zeroGrad();
      ++state.step;
      if (!report("train")) {
        stop = true;
        end = TrainResult::End::Cancelled;
        break;
      }
      if (config.evalEverySteps > 0 && state.step % config.evalEverySteps == 0) {
        tagger->module().eval();
        if (!report("eval")) {
          stop = true;
          end = TrainResult::End::Cancelled;
          break;
        }
        if (Status s = evaluate(); !s) return s.error();
        lossSum = 0;
        lossCount = 0;
        tagger->module().train();
        state.elapsedSeconds = elapsed();
        if (Status s = state.save(lastFolder, *tagger, optimizer); !s) return s.error();
      }
      if (state.step >= totalSteps) break;
      if (config.timeLimitSeconds > 0 && elapsed() >= config.timeLimitSeconds) {
        stop = true;
        end = TrainResult::End::TimeLimit;
      }
    }
    if (end == TrainResult::End::Cancelled) break;
    if (state.batchInEpoch >= static_cast<int>(batches.size())) {
      ++state.epoch;
      state.batchInEpoch = 0;
      ++result.epochsCompleted;
      if (config.evalEverySteps == 0 && lastEvalStep != state.step) {
        tagger->module().eval();
        if (Status s = evaluate(); !s) return s.error();
        lossSum = 0;
        lossCount = 0;
        tagger->module().train();
        state.elapsedSeconds = elapsed();
        if (Status s = state.save(lastFolder, *tagger, optimizer); !s) return s.error();
      }
    }
  }
  tagger->module().eval();
  if (end != TrainResult::End::Cancelled) state.end = trainEndName(end);
  if (end != TrainResult::End::Cancelled && lastEvalStep != state.step && devInputs)
    if (Status s = evaluate(); !s) return s.error();
  if (!devInputs && end != TrainResult::End::Cancelled)
    if (Status s = tagger->save(bestFolder); !s) return s.error();
  state.elapsedSeconds = elapsed();
  if (Status s = state.save(lastFolder, *tagger, optimizer); !s) return s.error();

  result.end = end;
  result.steps = state.step;
  result.seconds = state.elapsedSeconds;
  result.bestDevF1 = state.bestF1;
  result.bestStep = state.bestStep;
  result.bestFolder = fs::exists(bestFolder) ? bestFolder : std::string();
  result.history = state.history;
  result.trainPositions = state.positions;
  const double thisRun = std::chrono::duration<double>(Clock::now() - started).count();
  result.tokensPerSecond =
      thisRun > 0 ? static_cast<double>(state.positions - resumedPositions) / thisRun : 0.0;
  if (result.bestDevF1 >= 0 && result.bestDevReport.perType.empty() && fs::exists(bestFolder)) {
    // Resumed after the best evaluation: score the saved best model again for the report.
    auto best = loadNerTagger(bestFolder);
    if (best) {
      best.value()->to(device);
      result.bestDevReport = evaluateTagger(*best.value(), request.dev, dev, 64, false).tagReport;
    }
  }
  progress.devF1 = state.bestF1;
  report("done");

  json run = {{"config", config.toJson()},
              {"data_fingerprint", fingerprint},
              {"train_documents", request.train.size()},
              {"dev_documents", request.dev.size()},
              {"entity_types", train.tags.types()},
              {"torch_version", TORCH_VERSION},
              {"threads", at::get_num_threads()},
              {"result", result.toJson()}};
  const std::string text = run.dump(2) + "\n";
  if (Status s = model::AtomicFile::write((fs::path(request.outputFolder) / "run.json").string(),
                                          [&](std::ostream& o) { o << text; });
      !s)
    return s.error();
  return result;
}

}  // namespace quarry::train
