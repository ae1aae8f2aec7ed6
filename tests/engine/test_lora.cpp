// LoRA fine-tuning: the adapted layer (PEFT's initialisation, merge), the targets of each encoder family by
// role, merged logits equal to unmerged ones within 1e-5 (a tiny random BERT, and the fixtures' DistilBERT,
// RoBERTa and DeBERTa-v3 when staged), gradients only on the adapters and the head, the PEFT adapter folder
// (key names and adapter_config.json exactly as PEFT writes them) loading back onto its base with the same
// logits, clear errors on adapters that do not fit, and a classification run through the Trainer with
// lora_rank 4: the loss falls, the base stays bit for bit, best/ is a plain Hugging Face folder with
// adapter/ beside it, the run records trainable and total parameters, and a cancelled run resumes
// bit-identically.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "model/adapters/LoraLinear.h"
#include "model/adapters/LoraModel.h"
#include "model/adapters/LoraOptions.h"
#include "model/adapters/PeftAdapterFolder.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/TransformerFolder.h"
#include "train/classify/DocumentClassifier.h"
#include "train/classify/TransformerClassifier.h"
#include "train/ner/NerTagger.h"
#include "train/ner/TransformerTagger.h"
#include "train/qa/QaModel.h"
#include "train/qa/TransformerQa.h"
#include "train/relation/RelationModel.h"
#include "train/relation/TransformerRelationModel.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
namespace document = quarry::document;
using nlohmann::json;
using quarry::test::makeTopicDocs;
using quarry::test::writeTopicBaseFolder;

namespace {

model::EncoderConfig encoderConfig(const model::ModelConfig& config) {
  return model::EncoderConfig::fromJson(json::parse(config.toJsonText())).value();
}

model::TransformerModel makeModel(const model::ModelConfig& config, model::Task task,
                                  const model::LinearFactory& factory = model::defaultLinearFactory()) {
  model::TransformerModelOptions options;
  options.task = task;
  options.seed = 3;
  options.linearFactory = factory;
  auto created = model::TransformerModelImpl::create(encoderConfig(config), options);
  EXPECT(created.ok(), "the model is made");
  return model::TransformerModel(created.value());
}

// Nonzero adapters, so that merging changes the weights.
void randomizeAdapters(torch::nn::Module& m, uint64_t seed) {
  at::NoGradGuard noGrad;
  at::manual_seed(seed);
  for (const auto& item : m.named_modules())
    if (auto* layer = dynamic_cast<model::LoraLinearImpl*>(item.value().get()))
      layer->loraB.copy_(at::randn(layer->loraB.sizes()) * 0.2);
}

at::Tensor logitsOf(model::TransformerModelImpl& m, int64_t vocab) {
  at::NoGradGuard noGrad;
  m.eval();
  at::manual_seed(17);
  const at::Tensor ids = at::randint(6, vocab, {2, 9}, at::kLong);
  at::Tensor mask = at::ones({2, 9}, at::kLong);
  mask[1].narrow(0, 6, 3).zero_();
  model::ModelOutput out = m.forward(ids, mask);
  return out.logits.defined() ? out.logits : out.lastHiddenState;
}

double maxDifference(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

model::LoraOptions allTargets(int64_t rank) {
  model::LoraOptions o;
  o.rank = rank;
  o.alpha = 8;
  o.dropout = 0.1;
  o.targets = model::kLoraTargetRoles;
  return o;
}

// Merged (a plain model loading mergedStateDict) against unmerged logits, eval mode.
void checkMerge(const model::ModelConfig& config, const model::StateDict* weights, model::Task task,
                const std::string& what) {
  model::TransformerModel lora = makeModel(config, task, model::loraLinearFactory(allTargets(4)));
  model::LoadReport report;
  if (weights)
    EXPECT(lora->loadStateDict(*weights, report).ok(), what + ": the checkpoint loads into the LoRA model");
  EXPECT(model::loraLayers(*lora).size() == static_cast<size_t>(6 * config.numHiddenLayers),
         what + ": six adapted projections per layer");
  randomizeAdapters(*lora, 1);
  const model::StateDict merged = model::mergedStateDict(*lora);
  bool plainNames = true;
  for (const auto& [name, t] : merged) plainNames = plainNames && name.find("lora_") == std::string::npos;
  EXPECT(plainNames, what + ": the merged state dict has no adapter tensors");
  model::TransformerModel plain = makeModel(config, task);
  EXPECT(plain->loadStateDict(merged, report).ok() && report.missing.empty() && report.unexpected.empty(),
         what + ": the merged tensors fill a plain model exactly");
  const double diff = maxDifference(logitsOf(*lora, config.vocabSize), logitsOf(*plain, config.vocabSize));
  std::printf("%s: merged vs unmerged max |diff| %.3g\n", what.c_str(), diff);
  EXPECT(diff < 1e-5, what + ": merged logits equal the unmerged ones within 1e-5");
}

void checkLayer() {
  model::LinearSpec spec{"bert.encoder.layer.0.attention.self.query", 6, 5, true};
  model::LoraLinearImpl layer(spec, 3, 2.0, 0.0);
  auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
  layer.resetParameters(0.02, gen);
  const double bound = 1.0 / std::sqrt(6.0);
  EXPECT(layer.loraB.abs().max().item<double>() == 0 && layer.loraA.abs().max().item<double>() <= bound &&
             layer.loraA.abs().max().item<double>() > 0.5 * bound,
         "PEFT's initialisation: lora_B zeros, lora_A kaiming-uniform(a=sqrt(5)) within 1/sqrt(in)");
  at::manual_seed(2);
  const at::Tensor x = at::randn({4, 6});
  {
    at::NoGradGuard noGrad;
    EXPECT(at::equal(layer.forward(x), layer.DenseLayerImpl::forward(x)), "a new adapter changes nothing");
    layer.loraB.copy_(at::randn({5, 3}));
  }
  const at::Tensor merged = layer.mergedWeight();
  EXPECT(at::allclose(merged, layer.weight + 2.0 * at::matmul(layer.loraB, layer.loraA), 0, 1e-6),
         "merged weight = W + scaling * B @ A");
  at::NoGradGuard noGrad;
  EXPECT(maxDifference(layer.forward(x), at::linear(x, merged, layer.bias)) < 1e-5,
         "merged forward = adapted forward");
  std::set<std::string> names;
  for (const auto& p : layer.named_parameters()) names.insert(p.key());
  EXPECT(names == std::set<std::string>({"weight", "bias", "lora_A.weight", "lora_B.weight"}),
         "parameters named weight, bias, lora_A.weight, lora_B.weight");
}

void checkTargets() {
  model::LoraOptions o;
  o.targets = {"output"};
  EXPECT(o.isTarget("bert.encoder.layer.1.output.dense") &&
             !o.isTarget("bert.encoder.layer.1.attention.output.dense") &&
             o.isTarget("encoder.layer.0.output.dense") &&
             o.isTarget("distilbert.transformer.layer.0.ffn.lin2") && !o.isTarget("classifier") &&
             !o.isTarget("bert.pooler.dense"),
         "output: the layer's own output projection, not attention's, in every family; never the head");
  o.targets = {"query", "attention_output", "intermediate"};
  EXPECT(o.isTarget("deberta.encoder.layer.0.attention.self.query_proj") &&
             !o.isTarget("deberta.encoder.layer.0.attention.self.pos_query_proj") &&
             o.isTarget("distilbert.transformer.layer.1.attention.q_lin") &&
             o.isTarget("roberta.encoder.layer.0.attention.output.dense") &&
             o.isTarget("distilbert.transformer.layer.0.attention.out_lin") &&
             o.isTarget("electra.encoder.layer.0.intermediate.dense") &&
             o.isTarget("distilbert.transformer.layer.0.ffn.lin1") &&
             !o.isTarget("bert.encoder.layer.0.attention.self.key"),
         "roles map onto each family's module names");
  EXPECT(model::peftTargetModules({"query", "value"}, model::Architecture::Bert, 2) ==
                 std::vector<std::string>({"query", "value"}) &&
             model::peftTargetModules({"query", "key", "value", "attention_output", "intermediate", "output"},
                                      model::Architecture::DistilBert, 2) ==
                 std::vector<std::string>({"q_lin", "k_lin", "v_lin", "out_lin", "lin1", "lin2"}) &&
             model::peftTargetModules({"value", "output"}, model::Architecture::DebertaV2, 2) ==
                 std::vector<std::string>({"value_proj", "layer.0.output.dense", "layer.1.output.dense"}) &&
             model::peftTargetModules({"attention_output", "output"}, model::Architecture::Bert, 2) ==
                 std::vector<std::string>({"attention.output.dense", "output.dense"}),
         "PEFT target_modules per family");
  auto bad = model::parseLoraTargets("query, values");
  EXPECT(!bad.ok() && bad.error().field == "lora_targets" &&
             bad.error().message.find("values") != std::string::npos,
         "an unknown target is named");
  auto twice = model::parseLoraTargets("query,query");
  EXPECT(!twice.ok(), "a target named twice is refused");
  auto ok = model::parseLoraTargets("query, value");
  EXPECT(ok.ok() && ok->size() == 2, "comma-separated targets, spaces allowed");
}

// Only the adapters and the head (and a BERT pooler) get gradients; the base does not.
void checkGradients(const model::ModelConfig& config) {
  model::TransformerModel m =
      makeModel(config, model::Task::SequenceClassification, model::loraLinearFactory(allTargets(2)));
  model::freezeForAdapters(*m);
  randomizeAdapters(*m, 3);
  m->train();
  at::manual_seed(5);
  const at::Tensor ids = at::randint(6, config.vocabSize, {2, 7}, at::kLong);
  m->forward(ids).logits.pow(2).sum().backward();
  bool adaptersAndHead = true, baseNone = true;
  for (const auto& [name, p] : m->namedParameters()) {
    const bool trained = model::isLoraTensorName(name) || name.rfind("classifier.", 0) == 0 ||
                         name.rfind("bert.pooler.", 0) == 0;
    if (trained)
      adaptersAndHead = adaptersAndHead && p.grad().defined() && p.grad().abs().sum().item<double>() > 0;
    else
      baseNone = baseNone && !p.grad().defined() && !p.requires_grad();
  }
  EXPECT(adaptersAndHead, "every adapter and head parameter gets a gradient");
  EXPECT(baseNone, "no base parameter gets a gradient (all frozen)");
  EXPECT(model::loraHeadModules(*m) == std::vector<std::string>({"pooler", "classifier"}),
         "modules_to_save: the pooler and the classifier");
}

// The PEFT folder: names, config, and loading back onto the base.
void checkAdapterFolder(const model::ModelConfig& config, const fs::path& root) {
  model::TransformerModel lora =
      makeModel(config, model::Task::TokenClassification, model::loraLinearFactory([] {
                  model::LoraOptions o;
                  o.rank = 4;
                  o.alpha = 16;
                  o.dropout = 0.05;
                  return o;
                }()));
  randomizeAdapters(*lora, 4);
  const fs::path dir = root / "adapter";
  EXPECT(model::writePeftAdapter(dir, *lora, "/models/base").ok(), "the adapter folder is written");
  auto file = model::SafetensorsFile::read((dir / model::kPeftWeightsFile).string());
  EXPECT(file.ok(), "adapter_model.safetensors reads");
  if (file) {
    std::set<std::string> keys;
    for (const auto& [k, t] : file->tensors) keys.insert(k);
    std::set<std::string> expected = {"base_model.model.classifier.weight",
                                      "base_model.model.classifier.bias"};
    for (int l = 0; l < config.numHiddenLayers; ++l)
      for (const char* p : {"query", "value"})
        for (const char* ab : {"lora_A", "lora_B"})
          expected.insert("base_model.model.bert.encoder.layer." + std::to_string(l) + ".attention.self." +
                          p + "." + ab + ".weight");
    EXPECT(keys == expected, "PEFT's key names: base_model.model.<path>.lora_A/B.weight and the head whole");
    const auto& a =
        file->tensors.at("base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight");
    const auto& b =
        file->tensors.at("base_model.model.bert.encoder.layer.0.attention.self.query.lora_B.weight");
    EXPECT(a.sizes() == at::IntArrayRef({4, config.hiddenSize}) &&
               b.sizes() == at::IntArrayRef({config.hiddenSize, 4}),
           "lora_A [r, in], lora_B [out, r]");
  }
  json c = json::parse(std::ifstream(dir / model::kPeftConfigFile));
  EXPECT(c["peft_type"] == "LORA" && c["r"] == 4 && c["lora_alpha"] == 16.0 && c["lora_dropout"] == 0.05 &&
             c["target_modules"] == json({"query", "value"}) && c["bias"] == "none" &&
             c["task_type"] == "TOKEN_CLS" && c["base_model_name_or_path"] == "/models/base" &&
             c["modules_to_save"] == json({"classifier"}) && c["inference_mode"] == true,
         "adapter_config.json as PEFT writes it");

  // Back onto the base: the options from adapter_config.json, the base's tensors, then the adapter.
  auto read = model::readPeftAdapterConfig(dir.string());
  EXPECT(read.ok() && read->options.rank == 4 && read->taskType == "TOKEN_CLS",
         "adapter_config.json reads back");
  if (!read) return;
  model::TransformerModel again =
      makeModel(config, model::Task::TokenClassification, model::loraLinearFactory(read->options));
  model::StateDict base;
  for (const auto& [name, t] : lora->stateDict())
    if (!model::isLoraTensorName(name) && name.rfind("classifier.", 0) != 0) base[name] = t;
  model::LoadReport report;
  EXPECT(again->loadStateDict(base, report).ok(), "the base loads");
  EXPECT(model::loadLoraAdapter(*again, dir.string()).ok(), "the adapter loads onto its base");
  EXPECT(at::equal(logitsOf(*lora, config.vocabSize), logitsOf(*again, config.vocabSize)),
         "base + adapter gives the same logits");

  // Adapters that do not fit: rank, a key of another model, a missing layer, unsupported settings.
  model::LoraOptions rank8 = read->options;
  rank8.rank = 8;
  model::TransformerModel wrongRank =
      makeModel(config, model::Task::TokenClassification, model::loraLinearFactory(rank8));
  auto shape = model::loadLoraAdapter(*wrongRank, dir.string());
  EXPECT(!shape.ok() && shape.error().file.find("adapter_model.safetensors") != std::string::npos &&
             shape.error().field.find("lora_") != std::string::npos &&
             shape.error().message.find("[4,32]") != std::string::npos,
         "a rank that differs: an error naming the file, the key and the shapes");
  model::LoraOptions moreTargets = read->options;
  moreTargets.targetModules.push_back("key");
  model::TransformerModel lacking =
      makeModel(config, model::Task::TokenClassification, model::loraLinearFactory(moreTargets));
  auto missing = model::loadLoraAdapter(*lacking, dir.string());
  EXPECT(!missing.ok() && missing.error().field.find("attention.self.key.lora_") != std::string::npos,
         "a LoRA layer the adapter lacks is named");
  model::StateDict tensors = file.value().tensors;
  tensors["base_model.model.bert.encoder.layer.0.attention.self.nothing.lora_A.weight"] = at::ones({4, 32});
  const fs::path odd = root / "odd";
  fs::create_directories(odd);
  fs::copy_file(dir / model::kPeftConfigFile, odd / model::kPeftConfigFile);
  EXPECT(model::SafetensorsFile::write((odd / model::kPeftWeightsFile).string(), tensors).ok(),
         "odd adapter written");
  auto unexpected = model::loadLoraAdapter(*again, odd.string());
  EXPECT(!unexpected.ok() && unexpected.error().field.find("self.nothing.lora_A") != std::string::npos,
         "a key the model lacks is named");
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{{"peft_type", "PREFIX_TUNING"},
                                                                            {"use_dora", true},
                                                                            {"bias", "all"},
                                                                            {"layers_to_transform", {0}}}) {
    json changed = c;
    changed[key] = value;
    std::ofstream(odd / model::kPeftConfigFile) << changed.dump();
    auto refused = model::readPeftAdapterConfig(odd.string());
    EXPECT(!refused.ok() && refused.error().field == key &&
               refused.error().file.find("adapter_config.json") != std::string::npos,
           "an unsupported " + key + " is refused by field");
  }
}

using quarry::test::train;

bool sameTensors(const model::StateDict& a, const model::StateDict& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [name, t] : a) {
    auto it = b.find(name);
    if (it == b.end() || !at::equal(t, it->second)) return false;
  }
  return true;
}

// Each task's transformer model with LoRA: saved as a merged folder with adapter/ of the task's PEFT type,
// loading back merged, and (with the unmerged base beside it, as last/model has) as the same LoRA model.
template <typename Loaded>
void checkTaskFolder(TaskModel& created, const fs::path& folder, const std::string& taskType,
                     const json& modulesToSave, size_t adapterTensors,
                     const std::function<quarry::Result<std::unique_ptr<Loaded>>(const std::string&)>& load,
                     const std::string& what) {
  EXPECT(created.save(folder.string()).ok(), what + ": saves");
  json c = json::parse(std::ifstream(folder / "adapter" / model::kPeftConfigFile));
  EXPECT(c["task_type"] == taskType && c["modules_to_save"] == modulesToSave,
         what + ": adapter/ has task_type " + taskType);
  auto merged = load(folder.string());
  bool plain = merged.ok();
  if (merged)
    for (const auto& [name, t] : merged.value()->weights()) plain = plain && !model::isLoraTensorName(name);
  EXPECT(plain, what + ": the folder loads as a plain merged model");
  EXPECT(writeLoraBaseFile(folder, created.weights()).ok(), what + ": the unmerged base is written");
  auto unmerged = load(folder.string());
  EXPECT(unmerged.ok(), what + ": the training state loads");
  if (unmerged) {
    size_t adapters = 0;
    for (const auto& [name, t] : unmerged.value()->weights())
      adapters += model::isLoraTensorName(name) ? 1 : 0;
    EXPECT(adapters == adapterTensors && sameTensors(unmerged.value()->weights(), created.weights()),
           what + ": reloaded as the same LoRA model, bit for bit");
  }
}

void checkEveryTask(const std::string& baseFolder, const fs::path& root) {
  TrainConfig c;
  c.kind = ModelKind::Transformer;
  c.modelFolder = baseFolder;
  c.maxLength = 32;
  c.stride = 8;
  c.loraRank = 2;
  c.loraTargets = "value,output";
  c.crf = true;
  auto tagger = TransformerTagger::create(c, TagSet({"DRUG", "DISEASE"}, TagEncoding::IOB2));
  EXPECT(tagger.ok(), "an NER tagger with LoRA and a CRF is made");
  if (tagger) {
    randomizeAdapters(tagger.value()->module(), 6);
    checkTaskFolder<NerTagger>(*tagger.value(), root / "ner", "TOKEN_CLS", json({"classifier"}), 8,
                               loadNerTagger, "NER");
    json a = json::parse(std::ifstream(root / "ner" / "adapter" / model::kPeftConfigFile));
    EXPECT(a["target_modules"] == json({"value", "layer.0.output.dense", "layer.1.output.dense"}),
           "the layer's output alone is named per layer");
    EXPECT(fs::exists(root / "ner" / "crf.safetensors"), "the CRF is saved beside");
  }
  auto qa = TransformerQa::create(c);
  EXPECT(qa.ok(), "a QA model with LoRA is made");
  if (qa) randomizeAdapters(qa.value()->module(), 7);
  if (qa)
    checkTaskFolder<QaModel>(*qa.value(), root / "qa", "QUESTION_ANS", json({"qa_outputs"}), 8, loadQaModel,
                             "QA");
  c.task = "relation";
  document::RelationTypeSpec treats;
  treats.name = "TREATS";
  auto relation = TransformerRelationModel::create(c, RelationClasses({treats}), {"DRUG", "DISEASE"},
                                                   RelationSettings::fromConfig(c, false));
  EXPECT(relation.ok(), "a relation model with LoRA is made");
  if (relation) randomizeAdapters(relation.value()->module(), 8);
  if (relation)
    checkTaskFolder<RelationModel>(*relation.value(), root / "relation", "FEATURE_EXTRACTION", json(nullptr),
                                   8, loadRelationModel, "relation");
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
  c.loraRank = 4;
  c.loraTargets = "query,key,value,attention_output,intermediate,output";
  c.learningRate = 5e-3;

  TrainConfig noBase = c;
  noBase.modelFolder.clear();
  noBase.tokenizerFolder = baseFolder;
  auto refused = train(noBase, root / "nobase", trainDocs, dev);
  EXPECT(!refused.ok() && refused.error().field == "lora_rank",
         "LoRA on a random encoder is refused by option");

  auto r = train(c, root / "run", trainDocs, dev);
  EXPECT(r.ok(), "a LoRA classification run trains");
  if (!r) {
    std::printf("error: %s\n", r.error().toString().c_str());
    return;
  }
  const double firstLoss = r->history.front()["train_loss"].get<double>();
  const double lastLoss = r->history.back()["train_loss"].get<double>();
  std::printf("lora rank 4: loss %.4f -> %.4f, dev micro F1 %.4f, trainable %lld of %lld parameters\n",
              firstLoss, lastLoss, r->bestDevScore, static_cast<long long>(r->trainableParameters),
              static_cast<long long>(r->totalParameters));
  EXPECT(lastLoss < 0.7 * firstLoss, "the loss falls");
  EXPECT(r->bestDevScore > 0.6, "the adapters learn the topics (dev micro F1 > 0.6)");
  const int64_t h = 32, layers = 2, inter = 64, rank = 4;
  const int64_t adapters = layers * rank * (4 * (h + h) + (h + inter) + (inter + h));
  const int64_t head = (h * h + h) + (3 * h + 3);  // pooler + classifier
  EXPECT(r->trainableParameters == adapters + head,
         "trainable = the adapters, the pooler and the classifier");
  EXPECT(r->totalParameters > 5 * r->trainableParameters, "total counts the frozen base too");
  json runJson = json::parse(std::ifstream(root / "run" / "run.json"));
  EXPECT(runJson["result"]["trainable_parameters"] == r->trainableParameters &&
             runJson["result"]["total_parameters"] == r->totalParameters,
         "run.json records trainable and total parameters");

  // best/: a plain Hugging Face folder with the merged weights, adapter/ beside it.
  const fs::path best = r->bestFolder;
  auto weights = model::SafetensorsFile::read((best / "model.safetensors").string());
  bool plain = weights.ok();
  if (weights)
    for (const auto& [name, t] : weights->tensors) plain = plain && name.find("lora_") == std::string::npos;
  EXPECT(plain, "best/model.safetensors holds plain names only");
  EXPECT(!fs::exists(best / kLoraBaseFile), "best/ has no unmerged base");
  json adapterConfig = json::parse(std::ifstream(best / "adapter" / model::kPeftConfigFile));
  EXPECT(
      adapterConfig["task_type"] == "SEQ_CLS" && adapterConfig["r"] == 4 &&
          adapterConfig["base_model_name_or_path"] == fs::absolute(baseFolder).lexically_normal().string() &&
          adapterConfig["modules_to_save"] == json({"pooler", "classifier"}) &&
          adapterConfig["target_modules"] ==
              json({"query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"}),
      "best/adapter/adapter_config.json names the task, base and targets");
  auto loaded = loadDocumentClassifier(best.string());
  EXPECT(loaded.ok(), "best/ loads as a classifier");
  if (loaded) {
    bool noAdapters = true;
    for (const auto& [name, t] : loaded.value()->weights())
      noAdapters = noAdapters && !model::isLoraTensorName(name);
    EXPECT(noAdapters, "best/ loads as a plain (merged) model");
  }
  auto again = evaluateModelFolder(best.string(), dev);
  EXPECT(again.ok() && std::fabs(again->primary - r->bestDevScore) < 1e-9,
         "best/ scores the best dev figure again");

  // The adapter re-imported onto the base folder gives the merged folder's logits.
  auto baseCheckpoint = model::readCheckpoint(baseFolder);
  auto bestCheckpoint = model::readCheckpoint(best.string());
  auto adapter = model::readPeftAdapterConfig((best / "adapter").string());
  EXPECT(baseCheckpoint.ok() && bestCheckpoint.ok() && adapter.ok(), "base, best and adapter read");
  if (baseCheckpoint && bestCheckpoint && adapter) {
    model::TransformerModel onBase = makeModel(bestCheckpoint->config, model::Task::SequenceClassification,
                                               model::loraLinearFactory(adapter->options));
    model::LoadReport report;
    EXPECT(onBase->loadStateDict(baseCheckpoint->weights, report).ok(), "the base folder loads");
    EXPECT(model::loadLoraAdapter(*onBase, (best / "adapter").string()).ok(),
           "best/adapter loads onto the base");
    model::TransformerModel merged = makeModel(bestCheckpoint->config, model::Task::SequenceClassification);
    EXPECT(merged->loadStateDict(bestCheckpoint->weights, report).ok(), "best/ loads as a plain model");
    const double diff = maxDifference(logitsOf(*onBase, bestCheckpoint->config.vocabSize),
                                      logitsOf(*merged, bestCheckpoint->config.vocabSize));
    std::printf("base + adapter vs merged best/: max |diff| %.3g\n", diff);
    EXPECT(diff < 1e-5, "base + adapter/ = merged best/ within 1e-5");
    // The frozen base did not move: last/ holds the base folder's tensors bit for bit.
    auto lastBase = model::SafetensorsFile::read((root / "run" / "last" / "model" / kLoraBaseFile).string());
    auto lastModel = model::readCheckpoint((root / "run" / "last" / "model").string());
    bool unchanged = lastBase.ok() && lastModel.ok() && !lastBase->tensors.empty();
    size_t compared = 0;
    if (unchanged)
      for (const auto& [name, t] : baseCheckpoint->weights) {
        const std::string own = "bert." + name;
        const bool adapted = lastBase->tensors.count(own) > 0;
        const at::Tensor& after = adapted ? lastBase->tensors.at(own) : lastModel->weights.at(own);
        if (name.rfind("pooler.", 0) == 0) continue;  // trained with the head
        unchanged = unchanged && at::equal(t, after);
        ++compared;
      }
    EXPECT(unchanged && compared > 20, "every base tensor is bit-unchanged after training");
  }

  // An adapter folder as model_folder: its base with the adapter on, the same merged weights as best/.
  {
    TrainConfig fromAdapter = c;
    fromAdapter.modelFolder = (best / "adapter").string();
    fromAdapter.loraRank = 0;
    auto rebuilt = loadDocumentClassifier(best.string());
    auto classifier = rebuilt.ok()
                          ? TransformerClassifier::create(fromAdapter, rebuilt.value()->labels(), false)
                          : quarry::Result<std::unique_ptr<TransformerClassifier>>(rebuilt.error());
    EXPECT(classifier.ok(), "best/adapter as model_folder builds the classifier on its base");
    if (classifier) {
      EXPECT(classifier.value()->save((root / "reimported").string()).ok(), "the re-imported model saves");
      auto a = model::SafetensorsFile::read((root / "reimported" / "model.safetensors").string());
      auto b = model::SafetensorsFile::read((best / "model.safetensors").string());
      EXPECT(a.ok() && b.ok() && sameTensors(a->tensors, b->tensors),
             "base + adapter/ merges to best/'s weights bit for bit");
      json again = json::parse(std::ifstream(root / "reimported" / "adapter" / model::kPeftConfigFile));
      EXPECT(again["base_model_name_or_path"] == adapterConfig["base_model_name_or_path"],
             "the re-imported adapter names the same base");
    }
    // PEFT's own folder names its base as it was loaded: relative to the adapter, or a hub name.
    const fs::path peft = root / "peft-adapter";
    fs::create_directories(peft);
    fs::copy_file(best / "adapter" / model::kPeftWeightsFile, peft / model::kPeftWeightsFile);
    json relative = adapterConfig;
    relative["base_model_name_or_path"] = "../base";
    std::ofstream(peft / model::kPeftConfigFile) << relative.dump(2);
    fromAdapter.modelFolder = peft.string();
    auto viaRelative = rebuilt.ok()
                           ? TransformerClassifier::create(fromAdapter, rebuilt.value()->labels(), false)
                           : quarry::Result<std::unique_ptr<TransformerClassifier>>(rebuilt.error());
    EXPECT(viaRelative.ok(), "a base relative to the adapter folder is found");
    relative["base_model_name_or_path"] = "bert-base-uncased";
    std::ofstream(peft / model::kPeftConfigFile) << relative.dump(2);
    auto hub = TransformerClassifier::create(fromAdapter, {"finance", "health", "sports"}, false);
    EXPECT(!hub.ok() && hub.error().field == "base_model_name_or_path" &&
               hub.error().file.find("adapter_config.json") != std::string::npos,
           "a base that is not a folder here is named");
  }

  // Resume: cancelled after 7 steps and resumed == one uninterrupted run, bit for bit.
  TrainConfig shortRun = c;
  shortRun.epochs = 2;
  auto full = train(shortRun, root / "full", trainDocs, dev);
  auto cancelled =
      train(shortRun, root / "part", trainDocs, dev, [](const TrainProgress& p) { return p.step < 7; });
  EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled && cancelled->steps == 7,
         "cancelled at step 7");
  auto resumed = train(shortRun, root / "part", trainDocs, dev, {}, true);
  EXPECT(full.ok() && resumed.ok() && resumed->steps == full->steps, "the resumed run ends at the same step");
  if (full && resumed) {
    auto a = loadDocumentClassifier((root / "full" / "last" / "model").string());
    auto b = loadDocumentClassifier((root / "part" / "last" / "model").string());
    EXPECT(a.ok() && b.ok(), "both last states load");
    if (a && b) {
      size_t adapterTensors = 0;
      for (const auto& [name, t] : a.value()->weights())
        adapterTensors += model::isLoraTensorName(name) ? 1 : 0;
      EXPECT(adapterTensors == 24, "last/ reloads as the LoRA model (unmerged, with its adapters)");
      EXPECT(sameTensors(a.value()->weights(), b.value()->weights()),
             "resumed weights (base, adapters, head) are bit-identical to the uninterrupted run's");
    }
    bool sameScores = full->history.size() == resumed->history.size();
    for (size_t i = 0; sameScores && i < full->history.size(); ++i)
      sameScores = full->history[i]["dev_score"] == resumed->history[i]["dev_score"] &&
                   full->history[i]["step"] == resumed->history[i]["step"];
    // (train_loss is not compared: it averages the batches since the last report, which a resume restarts.)
    EXPECT(sameScores, "the same dev scores at the same steps");
  }

  // A full fine-tuning run records its parameters too: all of them train.
  TrainConfig fullTuning = c;
  fullTuning.loraRank = 0;
  fullTuning.epochs = 1;
  auto plainRun = train(fullTuning, root / "plain", trainDocs, dev);
  EXPECT(plainRun.ok() && plainRun->trainableParameters == plainRun->totalParameters &&
             plainRun->totalParameters == r->totalParameters - adapters,
         "without LoRA every parameter trains");
  EXPECT(plainRun.ok() && !fs::exists(fs::path(plainRun->bestFolder) / "adapter"),
         "no adapter/ without LoRA");
}

void checkConfig() {
  bool listed = false;
  for (const auto& [key, help] : TrainConfig::describe("ner"))
    listed = listed || (key == "lora_rank = 0" && help.find("LoRA") != std::string::npos);
  EXPECT(listed, "--help-config lists lora_rank with its default and help");
  bool mlmHas = false;
  for (const auto& [key, help] : TrainConfig::describe("mlm")) mlmHas = mlmHas || key.rfind("lora_", 0) == 0;
  EXPECT(!mlmHas, "masked-LM pretraining has no LoRA options");
  auto parsed = TrainConfig::fromJson({{"task", "classify"},
                                       {"lora_rank", 8},
                                       {"lora_alpha", 32},
                                       {"lora_dropout", 0.05},
                                       {"lora_targets", "query,key,value"}});
  EXPECT(parsed.ok() && parsed->loraRank == 8 && parsed->loraAlpha == 32 &&
             parsed->toJson()["lora_targets"] == "query,key,value",
         "LoRA options read and written back");
  auto defaults = TrainConfig::fromJson(json::object());
  EXPECT(defaults.ok() && defaults->loraRank == 0 && defaults->loraAlpha == 16 &&
             defaults->loraDropout == 0.1 && defaults->loraTargets == "query,value",
         "defaults: off, alpha 16, dropout 0.1, query,value");
  auto badTarget = TrainConfig::fromJson({{"lora_targets", "query,ffn"}});
  EXPECT(!badTarget.ok() && badTarget.error().field == "lora_targets", "an unknown target is refused by key");
  auto badRank = TrainConfig::fromJson({{"lora_rank", -1}});
  EXPECT(!badRank.ok() && badRank.error().field == "lora_rank", "a negative rank is refused");
  auto mlm = TrainConfig::fromJson({{"task", "mlm"}, {"lora_rank", 4}});
  EXPECT(!mlm.ok() && mlm.error().field == "lora_rank", "LoRA with masked-LM pretraining is refused");
  TrainConfig lr;
  lr.kind = ModelKind::Transformer;
  lr.modelFolder = "x";
  lr.loraRank = 4;
  EXPECT(lr.effectiveLearningRate() == 5e-4, "LoRA's default learning rate is 5e-4");
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({});
  const fs::path root = fs::temp_directory_path() / ("quarry-test-lora-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);

  checkLayer();
  checkTargets();
  checkConfig();
  const std::string baseFolder = writeTopicBaseFolder(root / "base");
  auto base = model::readCheckpoint(baseFolder);
  EXPECT(base.ok(), "the base folder reads");
  if (base) {
    checkMerge(base->config, &base->weights, model::Task::TokenClassification, "random tiny BERT");
    checkGradients(base->config);
    checkAdapterFolder(base->config, root);
    checkEveryTask(baseFolder, root);
    checkTraining(baseFolder, root);
  }

  const char* shared = std::getenv("QUARRY_SHARED_DIR");
  const fs::path fixtures = fs::path(shared ? shared : "../shared") / "fixtures" / "models";
  if (!fs::is_directory(fixtures)) {
    std::printf("SKIP: the fixture models (%s) are absent; the other encoder families were not checked\n",
                fixtures.string().c_str());
  } else {
    for (const auto& [folder, task] : std::vector<std::pair<std::string, model::Task>>{
             {"distilbert", model::Task::TokenClassification},
             {"roberta", model::Task::SequenceClassification},
             {"deberta-v3-token-classification", model::Task::TokenClassification},
             {"deberta-v3-sequence-classification", model::Task::SequenceClassification}}) {
      auto checkpoint = model::readCheckpoint((fixtures / folder).string());
      EXPECT(checkpoint.ok(), folder + " reads");
      if (checkpoint) checkMerge(checkpoint->config, &checkpoint->weights, task, folder);
    }
  }

  fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
