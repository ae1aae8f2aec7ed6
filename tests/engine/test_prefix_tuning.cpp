// Prefix tuning: the encoder with P key/value positions before every layer's own against a reference
// written out here from transformers' BERT arithmetic (the prefix's keys and values before the sequence's,
// prefix positions always attended to, position ids from P), padding that changes nothing at the real
// positions, RoBERTa's positions, the families refused (DistilBERT, DeBERTa-v2), gradients on the prefix
// and the head only, and a classification run through the Trainer with prefix_length 4: the loss falls,
// the base stays bit for bit, best/ holds the encoder and head and adapter/ the prefix in PEFT's
// PREFIX_TUNING layout, reloading gives the same dev figures, the adapter folder alone (on its base) gives
// them too, a cancelled run resumes bit-identically, and the refusals (LoRA together, no model_folder, an
// MLP-reparametrised prefix).
//
// With QUARRY_TEST_ARTIFACTS_DIR set, best/ and the logits of one text are kept there (prefix-tuned/,
// prefix-expect.json) for scripts/check-peft-prefix.py, which applies the adapter by PEFT's rules in real
// transformers.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/core/grad_mode.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/tensor.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "model/adapters/LoraModel.h"
#include "model/adapters/PeftAdapterFolder.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/CpuThreads.h"
#include "text/TokenizerFactory.h"
#include "train/TaskFactory.h"
#include "train/TaskModelFile.h"
#include "train/TransformerFolder.h"
#include "train/TransformerSetup.h"
#include "train/classify/DocumentClassifier.h"
#include "train/classify/TransformerClassifier.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
using nlohmann::json;
using quarry::test::makeTopicDocs;
using quarry::test::train;
using quarry::test::writeTopicBaseFolder;

namespace {

model::TransformerModel makeModel(const model::ModelConfig& config, model::Task task, int64_t prefixLength) {
  model::TransformerModelOptions options;
  options.task = task;
  options.seed = 3;
  options.prefixLength = prefixLength;
  auto created = model::TransformerModelImpl::create(
      model::EncoderConfig::fromJson(json::parse(config.toJsonText())).value(), options);
  EXPECT(created.ok(), created ? "the model is made" : created.error().message);
  return model::TransformerModel(created.value());
}

double maxDifference(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

// transformers' BertModel with past_key_values (what PEFT passes for prefix tuning), written out: the
// embeddings at positions P.., then per layer softmax(q [pk; k]^T / sqrt(d) + mask) [pv; v], the attention
// output with its residual and LayerNorm, the GELU feed-forward with its residual and LayerNorm.
at::Tensor referenceLastHidden(model::TransformerModelImpl& m, const at::Tensor& ids,
                               const at::Tensor& mask) {
  auto& body = *m.body;
  const auto& prefix = *m.prefixEncoder;
  const int64_t p = prefix.length(), b = ids.size(0), t = ids.size(1);
  const int64_t heads = m.config().numHeads, width = m.config().hiddenSize, d = width / heads;
  at::Tensor x = body.embeddings->forward(ids, {}, p);
  const at::Tensor full = at::cat({at::ones({b, p}, at::kFloat), mask.to(at::kFloat)}, 1);
  const at::Tensor additive = ((1.0 - full) * std::numeric_limits<float>::lowest()).view({b, 1, 1, p + t});
  for (size_t l = 0; l < body.layers.size(); ++l) {
    auto& layer = *body.layers[l];
    const auto split = [&](const at::Tensor& y) {
      return y.view({b, y.size(1), heads, d}).permute({0, 2, 1, 3});
    };
    const at::Tensor q = split(layer.query->forward(x));
    const at::Tensor k = split(at::cat(
        {prefix.key(static_cast<int64_t>(l)).unsqueeze(0).expand({b, p, width}), layer.key->forward(x)}, 1));
    const at::Tensor v = split(at::cat(
        {prefix.value(static_cast<int64_t>(l)).unsqueeze(0).expand({b, p, width}), layer.value->forward(x)},
        1));
    const at::Tensor scores =
        at::matmul(q, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(d)) + additive;
    const at::Tensor context =
        at::matmul(at::softmax(scores, -1), v).permute({0, 2, 1, 3}).reshape({b, t, width});
    const at::Tensor attended = layer.attentionNorm->forward(layer.attentionOut->forward(context) + x);
    x = layer.outputNorm->forward(layer.output->forward(at::gelu(layer.intermediate->forward(attended))) +
                                  attended);
  }
  return x;
}

void checkArithmetic(const model::ModelConfig& config) {
  model::TransformerModel m = makeModel(config, model::Task::Encoder, 3);
  m->eval();
  at::NoGradGuard noGrad;
  at::manual_seed(7);
  const at::Tensor ids = at::randint(6, config.vocabSize, {2, 9}, at::kLong);
  at::Tensor mask = at::ones({2, 9}, at::kLong);
  mask[1].narrow(0, 5, 4).zero_();
  const at::Tensor ours = m->forward(ids, mask).lastHiddenState;
  const at::Tensor reference = referenceLastHidden(*m, ids, mask);
  const double diff = maxDifference(ours, reference);
  std::printf("prefix of 3 against the written-out reference: max |diff| %.3g\n", diff);
  EXPECT(diff < 1e-5, "the encoder with a prefix computes transformers' past_key_values arithmetic");

  // The second row alone (no padding) gives the same states at its five real positions.
  const at::Tensor alone = m->forward(ids[1].narrow(0, 0, 5).unsqueeze(0)).lastHiddenState;
  EXPECT(maxDifference(alone[0], ours[1].narrow(0, 0, 5)) < 1e-5,
         "padding changes nothing at the real positions");

  // A model without the prefix gives other states: the prefix is used.
  model::TransformerModel plain = makeModel(config, model::Task::Encoder, 0);
  plain->eval();
  EXPECT(maxDifference(plain->forward(ids, mask).lastHiddenState, ours) > 1e-3,
         "the prefix changes the states");
  EXPECT(at::equal(plain->stateDict().at("encoder.layer.0.attention.self.query.weight"),
                   m->stateDict().at("encoder.layer.0.attention.self.query.weight")),
         "the prefix is initialised after the encoder: the same seed gives the same encoder");

  // Positions start at P (past_key_values_length), for BERT and RoBERTa alike.
  const at::Tensor positions = m->body->embeddings->positionIds(ids, 3);
  EXPECT(positions[0][0].item<int64_t>() == 3 && positions[1][8].item<int64_t>() == 11,
         "BERT positions from P");
  model::ModelConfig roberta = config;
  roberta.modelType = "roberta";
  roberta.padTokenId = 1;
  model::TransformerModel r = makeModel(roberta, model::Task::Encoder, 2);
  at::Tensor padded = ids.clone();
  padded[1].narrow(0, 5, 4).fill_(1);
  const at::Tensor rp = r->body->embeddings->positionIds(padded, 2);
  EXPECT(rp[0][0].item<int64_t>() == 1 + 1 + 2 && rp[1][4].item<int64_t>() == 5 + 1 + 2 &&
             rp[1][5].item<int64_t>() == 1,
         "RoBERTa positions from padding_idx + 1 + P, pads at padding_idx");

  // Families whose transformers models take no past key values are refused.
  for (const char* type : {"distilbert", "deberta-v2"}) {
    model::ModelConfig other = config;
    other.modelType = type;
    model::TransformerModelOptions options;
    options.prefixLength = 2;
    auto refused = model::TransformerModelImpl::create(
        model::EncoderConfig::fromJson(json::parse(other.toJsonText())).value(), options);
    EXPECT(!refused.ok() && refused.error().field == "prefix_length",
           std::string(type) + " with a prefix is refused");
  }
}

// Only the prefix and the head (and a BERT pooler) get gradients.
void checkGradients(const model::ModelConfig& config) {
  model::TransformerModel m = makeModel(config, model::Task::SequenceClassification, 4);
  model::freezeForAdapters(*m);
  m->train();
  at::manual_seed(5);
  m->forward(at::randint(6, config.vocabSize, {2, 7}, at::kLong)).logits.pow(2).sum().backward();
  bool trainedOnes = true, baseNone = true;
  for (const auto& [name, p] : m->namedParameters()) {
    const bool trained = name == model::kPrefixTensorName || name.rfind("classifier.", 0) == 0 ||
                         name.rfind("bert.pooler.", 0) == 0;
    if (trained)
      trainedOnes = trainedOnes && p.grad().defined() && p.grad().abs().sum().item<double>() > 0;
    else
      baseNone = baseNone && !p.grad().defined() && !p.requires_grad();
  }
  EXPECT(trainedOnes, "the prefix and the head get gradients");
  EXPECT(baseNone, "no base parameter gets a gradient (all frozen)");
  EXPECT(model::loraHeadModules(*m) == std::vector<std::string>({"pooler", "classifier"}),
         "modules_to_save: the pooler and the classifier (not the prefix)");
  EXPECT(m->stateDict().count(model::kPrefixTensorName) &&
             !model::mergedStateDict(*m).count(model::kPrefixTensorName),
         "the plain folder's tensors leave the prefix out");
}

void writeExpectation(const fs::path& folder, const fs::path& file) {
  auto classifier = loadDocumentClassifier(folder.string());
  auto tokenizer = quarry::text::loadTokenizer(folder.string());
  auto checkpoint = model::readCheckpoint(folder.string());
  if (!classifier || !tokenizer || !checkpoint) return;
  const std::string text = "the match ended with a goal and the market fell today .";
  const auto encoding = tokenizer.value()->encode(text);
  std::vector<int64_t> ids(encoding.ids.begin(), encoding.ids.end());
  // The classifier's own model, in eval mode, on one window.
  TrainConfig c;
  c.task = "classify";
  c.kind = ModelKind::Transformer;
  c.modelFolder = folder.string();
  c.maxLength = 16;
  auto parts = buildTransformer(c, [] {
    TransformerSetup s;
    s.task = model::Task::SequenceClassification;
    s.taskFile = kTaskModelFileName;
    s.taskName = "classify";
    s.sameLabels = true;
    return s;
  }());
  if (!parts) {
    std::printf("expectation not written: %s\n", parts.error().message.c_str());
    return;
  }
  parts->model->eval();
  at::NoGradGuard noGrad;
  const at::Tensor logits =
      parts->model->forward(at::tensor(ids, at::kLong).unsqueeze(0)).logits.contiguous();
  json j;
  j["text"] = json::array({text});
  j["input_ids"] = json::array({ids});
  j["logits"] =
      json::array({std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel())});
  std::ofstream(file) << j.dump() << '\n';
}

void checkTraining(const std::string& baseFolder, const fs::path& root) {
  const auto trainDocs = makeTopicDocs(120, 1), dev = makeTopicDocs(30, 2);
  TrainConfig c;
  c.task = "classify";
  c.kind = ModelKind::Transformer;
  c.modelFolder = baseFolder;
  c.maxLength = 16;
  c.stride = 4;
  c.epochs = 6;
  c.batchSize = 8;
  c.patience = 0;
  c.prefixLength = 4;
  c.learningRate = 1e-2;

  TrainConfig noBase = c;
  noBase.modelFolder.clear();
  noBase.tokenizerFolder = baseFolder;
  auto refused = train(noBase, root / "nobase", trainDocs, dev);
  EXPECT(!refused.ok() && refused.error().field == "prefix_length",
         "a prefix on a random encoder is refused by option");
  TrainConfig both = c;
  both.loraRank = 4;
  auto bothRefused = TrainConfig::fromJson(both.toJson());
  EXPECT(!bothRefused.ok() && bothRefused.error().field == "prefix_length",
         "LoRA and a prefix together are refused");

  auto r = train(c, root / "run", trainDocs, dev);
  EXPECT(r.ok(), r ? "a prefix-tuning classification run trains" : r.error().toString());
  if (!r) return;
  const double firstLoss = r->history.front()["train_loss"].get<double>();
  const double lastLoss = r->history.back()["train_loss"].get<double>();
  std::printf("prefix of 4: loss %.4f -> %.4f, dev micro F1 %.4f, trainable %lld of %lld parameters\n",
              firstLoss, lastLoss, r->bestDevScore, static_cast<long long>(r->trainableParameters),
              static_cast<long long>(r->totalParameters));
  EXPECT(lastLoss < 0.7 * firstLoss, "the loss falls");
  EXPECT(r->bestDevScore > 0.6, "the prefix and head learn the topics (dev micro F1 > 0.6)");
  const int64_t h = 32, layers = 2;
  const int64_t head = (h * h + h) + (3 * h + 3);  // pooler + classifier
  EXPECT(r->trainableParameters == 4 * layers * 2 * h + head,
         "trainable = the prefix, the pooler and the classifier");

  // best/: the encoder as loaded and the trained head, adapter/ with the prefix.
  const fs::path best = r->bestFolder;
  auto weights = model::SafetensorsFile::read((best / "model.safetensors").string());
  auto base = model::readCheckpoint(baseFolder);
  bool plain = weights.ok() && base.ok(), unchanged = plain;
  size_t compared = 0;
  if (plain) {
    for (const auto& [name, t] : weights->tensors) plain = plain && name.find("prefix") == std::string::npos;
    for (const auto& [name, t] : base->weights) {
      if (name.rfind("bert.", 0) != 0 || name.rfind("bert.pooler.", 0) == 0) continue;  // the head trains
      auto it = weights->tensors.find(name);
      unchanged = unchanged && it != weights->tensors.end() && at::equal(t, it->second);
      ++compared;
    }
  }
  EXPECT(plain, "best/model.safetensors has no prefix tensor");
  EXPECT(unchanged && compared > 20, "every base tensor is bit-unchanged after training");
  json adapterConfig = json::parse(std::ifstream(best / "adapter" / model::kPeftConfigFile));
  EXPECT(
      adapterConfig["peft_type"] == "PREFIX_TUNING" && adapterConfig["task_type"] == "SEQ_CLS" &&
          adapterConfig["num_virtual_tokens"] == 4 && adapterConfig["token_dim"] == 32 &&
          adapterConfig["num_layers"] == 2 && adapterConfig["num_attention_heads"] == 2 &&
          adapterConfig["num_transformer_submodules"] == 1 && adapterConfig["prefix_projection"] == false &&
          adapterConfig["base_model_name_or_path"] == fs::absolute(baseFolder).lexically_normal().string() &&
          adapterConfig["modules_to_save"] == json({"pooler", "classifier"}),
      "best/adapter/adapter_config.json is PEFT's PREFIX_TUNING config");
  auto adapterWeights = model::SafetensorsFile::read((best / "adapter" / model::kPeftWeightsFile).string());
  EXPECT(adapterWeights.ok() && adapterWeights->tensors.count("prompt_embeddings") &&
             adapterWeights->tensors.at("prompt_embeddings").sizes() == at::IntArrayRef({4, 2 * 2 * 32}) &&
             adapterWeights->tensors.count("base_model.classifier.weight") &&
             adapterWeights->tensors.count("base_model.bert.pooler.dense.weight"),
         "adapter_model.safetensors: prompt_embeddings [P, L*2*H] and the head under base_model.");
  auto again = evaluateModelFolder(best.string(), dev);
  EXPECT(again.ok() && std::fabs(again->primary - r->bestDevScore) < 1e-9,
         "best/ scores the best dev figure again");

  // The adapter folder alone (its base named in it) gives the same figures.
  const fs::path adapterOnly = root / "adapter-only";
  fs::copy(best / "adapter", adapterOnly, fs::copy_options::recursive);
  {
    TrainConfig fromAdapter = c;
    fromAdapter.modelFolder = adapterOnly.string();
    fromAdapter.prefixLength = 0;
    auto loaded = loadDocumentClassifier(best.string());
    auto classifier = loaded.ok()
                          ? TransformerClassifier::create(fromAdapter, loaded.value()->labels(), false)
                          : quarry::Result<std::unique_ptr<TransformerClassifier>>(loaded.error());
    EXPECT(classifier.ok(),
           classifier ? "the adapter folder builds the classifier on its base" : classifier.error().message);
    if (classifier) {
      EXPECT(classifier.value()->save((root / "reimported").string()).ok(), "the re-imported model saves");
      auto reimported = evaluateModelFolder((root / "reimported").string(), dev);
      EXPECT(reimported.ok() && std::fabs(reimported->primary - r->bestDevScore) < 1e-9,
             "base + adapter folder scores best/'s dev figure");
    }
  }
  {
    json broken = adapterConfig;
    broken["prefix_projection"] = true;
    fs::create_directories(root / "projected");
    std::ofstream(root / "projected" / model::kPeftConfigFile) << broken.dump();
    auto projected = model::readPeftPrefixConfig((root / "projected").string());
    EXPECT(!projected.ok() && projected.error().field == "prefix_projection",
           "an MLP-reparametrised prefix is refused");
  }

  // Cancel after two epochs and resume: the same weights, bit for bit.
  const int64_t stepsPerEpoch = r->steps / c.epochs;
  auto cancelled = train(c, root / "part", trainDocs, dev, [&](const TrainProgress& p) {
    return p.phase != "train" || p.step < 2 * stepsPerEpoch;
  });
  EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled, "cancelled after two epochs");
  auto resumed = train(c, root / "part", trainDocs, dev, {}, true);
  EXPECT(resumed.ok() && resumed->steps == r->steps, "the resumed run ends at the same step");
  auto a = loadDocumentClassifier((root / "run" / "last" / "model").string());
  auto b = loadDocumentClassifier((root / "part" / "last" / "model").string());
  EXPECT(a.ok() && b.ok(), "both last states load");
  if (a && b) {
    const auto wa = a.value()->weights(), wb = b.value()->weights();
    bool same = wa.size() == wb.size() && wa.count(model::kPrefixTensorName);
    for (const auto& [name, t] : wa) same = same && wb.count(name) && at::equal(t, wb.at(name));
    EXPECT(same, "resumed weights (the prefix included) are bit-identical");
  }

  if (const char* artifacts = std::getenv("QUARRY_TEST_ARTIFACTS_DIR"); artifacts && *artifacts) {
    const fs::path kept = fs::path(artifacts) / "prefix-tuned";
    std::error_code ec;
    fs::remove_all(kept, ec);
    fs::create_directories(kept.parent_path(), ec);
    fs::copy(best, kept, fs::copy_options::recursive, ec);
    // The adapter names its base: keep the base beside it.
    fs::remove_all(fs::path(artifacts) / "prefix-base", ec);
    fs::copy(baseFolder, fs::path(artifacts) / "prefix-base", fs::copy_options::recursive, ec);
    if (!ec) writeExpectation(kept, fs::path(artifacts) / "prefix-expect.json");
  }
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-prefix-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  // A random encoder's attention carries next to nothing to the first token, and no prefix can steer it
  // (the arithmetic checks use it); the training check starts from an encoder fine-tuned on another
  // labelling (sports or not), as prefix tuning starts from a pre-trained one.
  const std::string baseFolder = writeTopicBaseFolder(root / "base");
  auto base = model::readCheckpoint(baseFolder);
  EXPECT(base.ok(), "the base folder reads");
  if (base) {
    checkArithmetic(base->config);
    checkGradients(base->config);
    TrainConfig pre;
    pre.task = "classify";
    pre.kind = ModelKind::Transformer;
    pre.modelFolder = baseFolder;
    pre.maxLength = 16;
    pre.stride = 4;
    pre.epochs = 4;
    pre.batchSize = 8;
    pre.patience = 0;
    pre.learningRate = 3e-3;
    auto sportsOrNot = makeTopicDocs(120, 7);
    for (auto& d : sportsOrNot) d.labels = {d.labels.front() == "sports" ? "sports" : "other"};
    auto pretrained = train(pre, root / "pretrained", sportsOrNot, {});
    EXPECT(pretrained.ok(),
           pretrained ? "the base encoder is fine-tuned on sports or not" : pretrained.error().message);
    if (pretrained) checkTraining((root / "pretrained" / "best").string(), root);
  }
  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
