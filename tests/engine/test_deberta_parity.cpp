// DeBERTa-v2/v3 parity with Python transformers 4.28.1 (shared/fixtures/outputs-deberta.jsonl): the five
// deberta-v3* models x 6 input cases, every position (padding included), loaded through the checkpoint
// readers (model.safetensors; pytorch_model.bin must give the same tensors), in the training path
// (gradient recording on) and InferenceMode (fused q/k/v), with oneDNN and ATen matmuls, on CPU and,
// when present, CUDA. Then: a saved folder (HfFolderWriter) reads back to the same outputs and config;
// the log-bucket positions the README pins; config errors that name their field; and the AdamW training
// line (line 31) with FusedAdamW. Tolerances from the fixtures README: 1e-5 absolute (MLM logits 2e-5),
// losses 1e-5, gradient norms 1e-4 relative, parameter norms 1e-5 relative against the _f64 field.
//
// QUARRY_DEBERTA_EXPORT_DIR=<folder> keeps the saved folders there (for peer-hf/check_export.py).

#include <cstdlib>
#include <map>
#include <sstream>

#include <ATen/ops/equal.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include "EncoderTestSupport.h"
#include "common/JsonReader.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/encoder/RelativePositions.h"
#include "model/kernels/FastLinear.h"
#include "model/optim/FusedAdamW.h"
#include "model/optim/Losses.h"

namespace fs = std::filesystem;
using namespace quarry;
using quarry::test::Checker;

namespace {

constexpr double kTol = 1e-5;
constexpr double kMlmTol = 2e-5;

model::Task taskOf(const std::string& folder) {
  if (folder == "deberta-v3-token-classification") return model::Task::TokenClassification;
  if (folder == "deberta-v3-question-answering") return model::Task::QuestionAnswering;
  if (folder == "deberta-v3-sequence-classification") return model::Task::SequenceClassification;
  if (folder == "deberta-v3-masked-lm") return model::Task::MaskedLm;
  return model::Task::Encoder;
}

model::TransformerModel build(const model::EncoderConfig& config, model::Task task,
                              const model::StateDict& weights, const std::string& label, Checker& c) {
  model::TransformerModelOptions options;
  options.task = task;
  auto created = model::TransformerModelImpl::create(config, options);
  c.expect(created.ok(), label + ": create" + (created ? std::string() : ": " + created.error().toString()));
  if (!created) return model::TransformerModel(nullptr);
  model::TransformerModel m(created.value());
  model::LoadReport report;
  Status st = m->loadStateDict(weights, report);
  c.expect(st.ok(), label + ": load" + (st ? std::string() : ": " + st.error().toString()));
  c.expect(report.clean() && report.tied.empty(),
           label + ": load report clean (missing " + std::to_string(report.missing.size()) + ", unexpected " +
               std::to_string(report.unexpected.size()) + ")");
  for (const auto& n : report.missing) std::cerr << "  missing " << n << "\n";
  for (const auto& n : report.unexpected) std::cerr << "  unexpected " << n << "\n";
  m->eval();
  return m;
}

model::ModelOutput run(model::TransformerModel& m, const nlohmann::json& rec, const at::Device& device) {
  at::Tensor ids = test::jsonTensor(rec["input_ids"], at::kLong).to(device);
  at::Tensor mask = test::jsonTensor(rec["attention_mask"], at::kLong).to(device);
  at::Tensor types;
  if (rec.value("token_type_ids_passed_to_model", true))
    types = test::jsonTensor(rec["token_type_ids"], at::kLong).to(device);
  return m->forward(ids, mask, types);
}

// Returns the largest |difference| of the hidden states and head outputs (MLM fields excluded).
double checkCase(Checker& c, model::TransformerModel& m, const nlohmann::json& rec, const std::string& label,
                 const at::Device& device) {
  const model::ModelOutput out = run(m, rec, device);
  double worst = c.close(label + " last_hidden_state", out.lastHiddenState,
                         test::jsonTensor(rec["last_hidden_state"]), kTol);
  const auto& hs = rec["hidden_states"];
  c.expect(out.hiddenStates.size() == hs.size(), label + " number of hidden_states");
  for (std::size_t i = 0; i < hs.size() && i < out.hiddenStates.size(); ++i)
    worst = std::max(worst, c.close(label + " hidden_states[" + std::to_string(i) + "]", out.hiddenStates[i],
                                    test::jsonTensor(hs[i]), kTol));
  if (rec.contains("start_logits")) {
    worst = std::max(worst, c.close(label + " start_logits", out.startLogits,
                                    test::jsonTensor(rec["start_logits"]), kTol));
    worst = std::max(
        worst, c.close(label + " end_logits", out.endLogits, test::jsonTensor(rec["end_logits"]), kTol));
  }
  if (rec.contains("logits"))
    worst = std::max(worst, c.close(label + " logits", out.logits, test::jsonTensor(rec["logits"]), kTol));

  if (rec.contains("mlm_positions")) {
    const at::Tensor positions = test::jsonTensor(rec["mlm_positions"], at::kLong);  // [B,3]
    const at::Tensor logits = out.logits.detach().to(at::kCPU);                      // [B,T,V]
    std::vector<at::Tensor> rows;
    for (int64_t b = 0; b < positions.size(0); ++b) rows.push_back(logits[b].index_select(0, positions[b]));
    const at::Tensor picked = at::stack(rows);  // [B,3,V]
    const at::Tensor fixed = test::jsonTensor(rec["mlm_fixed_ids"], at::kLong);
    c.close(label + " mlm_logits_at_fixed_ids", picked.index_select(2, fixed),
            test::jsonTensor(rec["mlm_logits_at_fixed_ids"]), kMlmTol);
    c.close(label + " mlm_logsumexp", picked.logsumexp(-1), test::jsonTensor(rec["mlm_logsumexp"]), kMlmTol);
    const at::Tensor topLogits = test::jsonTensor(rec["mlm_top5_logits"]);
    c.close(label + " mlm logits at the reference top5 ids",
            picked.gather(2, test::jsonTensor(rec["mlm_top5_ids"], at::kLong)), topLogits, kMlmTol);
    c.close(label + " mlm top5 logits", std::get<0>(picked.topk(5, -1)), topLogits, kMlmTol);
    if (rec.contains("mlm_logits"))
      c.close(label + " mlm_logits (full rows)", picked, test::jsonTensor(rec["mlm_logits"]), kMlmTol);
  }
  return worst;
}

// Saved with HfFolderWriter, read back: the same config (DeBERTa keys included), tensors and outputs.
void checkSaveRoundTrip(Checker& c, const fs::path& source, const model::Checkpoint& original,
                        model::TransformerModel& m, const nlohmann::json& rec) {
  const std::string name = source.filename().string();
  const char* keep = std::getenv("QUARRY_DEBERTA_EXPORT_DIR");
  const fs::path out =
      keep && *keep ? fs::path(keep) / name : fs::temp_directory_path() / ("quarry_deberta_" + name);
  std::vector<std::string> tokenizerFiles;
  for (const char* f : {"spm.model", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json"})
    if (fs::exists(source / f)) tokenizerFiles.push_back((source / f).string());
  Status saved = model::saveHfFolder(out.string(), original.config, m->stateDict(), tokenizerFiles);
  c.expect(saved.ok(), name + ": save" + (saved ? std::string() : ": " + saved.error().toString()));
  if (!saved) return;
  auto back = model::readCheckpoint(out.string());
  c.expect(back.ok(),
           name + ": read the saved folder" + (back ? std::string() : ": " + back.error().toString()));
  if (!back) return;
  c.expect(back->config.modelType == "deberta-v2" && back->config.basePrefix() == "deberta",
           name + ": saved model_type");
  c.expect(back->config.architectures == original.config.architectures, name + ": saved architectures");
  c.expect(back->weights.size() == original.weights.size(), name + ": saved tensor count");
  for (const auto& [n, t] : original.weights) {
    auto it = back->weights.find(n);
    c.expect(it != back->weights.end() && at::equal(it->second, t), name + ": saved tensor " + n);
  }
  const auto writtenJson = readJsonFile(out / "config.json");
  const auto sourceJson = readJsonFile(source / "config.json");
  c.expect(writtenJson.ok() && sourceJson.ok(), name + ": config.json readable");
  if (!writtenJson.ok() || !sourceJson.ok()) return;
  for (const char* key :
       {"relative_attention", "max_relative_positions", "position_buckets", "pos_att_type", "norm_rel_ebd",
        "share_att_key", "position_biased_input", "pooler_hidden_size", "pooler_hidden_act", "pooler_dropout",
        "type_vocab_size", "layer_norm_eps", "vocab_size"})
    c.expect(writtenJson->value(key, nlohmann::json()) == sourceJson->value(key, nlohmann::json()),
             name + ": saved config.json keeps " + key);
  c.expect(!writtenJson->contains("position_embedding_type") && !writtenJson->contains("classifier_dropout"),
           name + ": saved config.json adds no BERT-only keys");
  auto config = model::EncoderConfig::fromJson(*writtenJson, (out / "config.json").string());
  c.expect(config.ok(), name + ": saved config reads as an EncoderConfig");
  if (!config) return;
  model::TransformerModel reloaded = build(*config, taskOf(name), back->weights, name + " (saved)", c);
  if (!reloaded) return;
  c10::InferenceMode guard;
  const model::ModelOutput a = run(m, rec, at::kCPU), b = run(reloaded, rec, at::kCPU);
  c.expect(at::equal(a.lastHiddenState, b.lastHiddenState), name + ": same hidden states after saving");
  if (a.logits.defined()) c.expect(at::equal(a.logits, b.logits), name + ": same logits after saving");
  if (a.startLogits.defined())
    c.expect(at::equal(a.startLogits, b.startLogits) && at::equal(a.endLogits, b.endLogits),
             name + ": same QA logits after saving");
  if (!(keep && *keep)) fs::remove_all(out);
}

void checkBuckets(Checker& c) {
  // README: with position_buckets 256 and 512 positions, 128 -> 128, 129 -> 129, 200 -> 169, 239 -> 186,
  // distances below 128 unchanged, and the mapping is odd.
  const at::Tensor d = at::tensor({0, 1, 127, 128, 129, 200, 239, 511, -1, -128, -200, -239}, at::kLong);
  const at::Tensor expected =
      at::tensor({0, 1, 127, 128, 129, 169, 186, 255, -1, -128, -169, -186}, at::kLong);
  const at::Tensor got = model::logBucketPositions(d, 256, 512);
  std::ostringstream shown;
  shown << got;
  c.expect(at::equal(got, expected), "log buckets as make_log_bucket_position (got " + shown.str() + ")");
  const at::Tensor rel = model::relativePositions(3, 3, -1, -1);
  c.expect(at::equal(rel, at::tensor({0, -1, -2, 1, 0, -1, 2, 1, 0}, at::kLong).view({3, 3})),
           "relative positions i - j");
  const auto index = model::relativePositionIndex(240, 256, 256, 512, at::kCPU);
  c.expect(index.first == 256 - 186 && index.count == 2 * 186 + 1,
           "240 tokens read rel_embeddings rows 70..442");
}

void checkConfigErrors(Checker& c, const fs::path& folder) {
  const auto base = readJsonFile(folder / "config.json");
  c.expect(base.ok(), "deberta-v3/config.json readable");
  if (!base) return;
  auto expectField = [&](const char* what, nlohmann::json config, const std::string& field) {
    auto r = model::EncoderConfig::fromJson(config, "config.json");
    c.expect(!r.ok() && r.error().field == field,
             std::string(what) + " refused naming " + field +
                 (r ? std::string(" (accepted)") : ": " + r.error().toString()));
  };
  nlohmann::json j = *base;
  j["conv_kernel_size"] = 3;
  expectField("a convolution layer", j, "conv_kernel_size");
  j = *base;
  j["pos_att_type"] = {"p2c", "p2p"};
  expectField("an unknown attention type", j, "pos_att_type");
  j = *base;
  j["norm_rel_ebd"] = "batch_norm";
  expectField("an unknown norm_rel_ebd", j, "norm_rel_ebd");
  j = *base;
  j["attention_head_size"] = 4;
  expectField("another attention_head_size", j, "attention_head_size");
  j = *base;
  j["max_relative_positions"] = 100;
  expectField("buckets beyond the distances", j, "max_relative_positions");

  j = *base;
  j["pos_att_type"] = "P2C|c2p";  // the older string form
  auto legacy = model::EncoderConfig::fromJson(j, "config.json");
  c.expect(legacy.ok() && legacy->deberta.contentToPosition && legacy->deberta.positionToContent &&
               legacy->deberta.scaleFactor() == 3,
           "pos_att_type \"P2C|c2p\" read as both terms");
  j = *base;
  j["pooler_hidden_size"] = 24;
  auto pooler = model::EncoderConfig::fromJson(j, "config.json");
  c.expect(pooler.ok(), "pooler_hidden_size read");
  if (pooler) {
    model::TransformerModelOptions seq;
    seq.task = model::Task::SequenceClassification;
    auto refused = model::TransformerModelImpl::create(*pooler, seq);
    c.expect(!refused.ok() && refused.error().field == "pooler_hidden_size",
             "a pooler wider than the model refused");
  }
  // The trainer's route: ModelConfig (keys it does not model kept verbatim) -> config.json text ->
  // EncoderConfig.
  auto mc = model::ModelConfig::load((folder / "config.json").string());
  c.expect(mc.ok(),
           "ModelConfig reads deberta-v3/config.json" + (mc ? std::string() : ": " + mc.error().toString()));
  if (mc) {
    auto viaModelConfig =
        model::EncoderConfig::fromJson(nlohmann::json::parse(mc->toJsonText()), "config.json");
    auto direct = model::EncoderConfig::fromJson(*base, "config.json");
    c.expect(viaModelConfig.ok() && direct.ok() && viaModelConfig->typeVocabSize == 0 &&
                 viaModelConfig->layerNormEps == direct->layerNormEps &&
                 viaModelConfig->deberta.positionBuckets == 256 &&
                 viaModelConfig->deberta.relativeAttention && viaModelConfig->deberta.shareAttentionKey &&
                 !viaModelConfig->deberta.positionBiasedInput &&
                 viaModelConfig->deberta.normRelativeEmbeddings,
             "ModelConfig -> EncoderConfig keeps the DeBERTa settings");
  }
}

// Settings the fixtures do not use. share_att_key false with pos_key_proj / pos_query_proj copied from the
// layer's own key_proj / query_proj is the same function as the fixture; the other settings must build,
// name their tensors as transformers does, and run forward and backward.
void checkVariants(Checker& c, const fs::path& folder, const nlohmann::json& rec) {
  auto checkpoint = model::readCheckpoint(folder.string());
  auto config = test::loadConfig(folder);
  if (!checkpoint || !config) return c.expect(false, "variants: read deberta-v3");
  model::TransformerModel shared =
      build(*config, model::Task::Encoder, checkpoint->weights, "variants: shared", c);
  model::EncoderConfig unshared = *config;
  unshared.deberta.shareAttentionKey = false;
  model::StateDict weights = checkpoint->weights;
  for (int64_t i = 0; i < config->numLayers; ++i) {
    const std::string p = "encoder.layer." + std::to_string(i) + ".attention.self.";
    for (const char* part : {"weight", "bias"}) {
      weights[p + "pos_key_proj." + part] = weights.at(p + "key_proj." + part);
      weights[p + "pos_query_proj." + part] = weights.at(p + "query_proj." + part);
    }
  }
  model::TransformerModel separate = build(unshared, model::Task::Encoder, weights, "variants: unshared", c);
  if (shared && separate)
    c.close("variants: pos_*_proj copies of key_proj/query_proj give the shared outputs",
            run(separate, rec, at::kCPU).lastHiddenState, run(shared, rec, at::kCPU).lastHiddenState, 1e-6);

  model::EncoderConfig other = *config;
  other.embeddingSize = 8;
  other.typeVocabSize = 2;
  other.deberta.positionBiasedInput = true;
  other.deberta.positionBuckets = -1;
  other.deberta.maxRelativePositions = 16;  // shorter than the 26-token row: distances are clamped
  model::TransformerModelOptions options;
  options.task = model::Task::SequenceClassification;
  options.seed = 5;
  auto created = model::TransformerModelImpl::create(other, options);
  c.expect(created.ok(), "variants: embed_proj, absolute positions, segments, no buckets build");
  options.task = model::Task::MaskedLm;
  c.expect(!model::TransformerModelImpl::create(other, options).ok(),
           "variants: MLM with embed_proj refused");
  if (!created) return;
  model::TransformerModel m(created.value());
  const model::StateDict sd = m->stateDict();
  for (const char* name :
       {"deberta.embeddings.embed_proj.weight", "deberta.embeddings.position_embeddings.weight",
        "deberta.embeddings.token_type_embeddings.weight", "pooler.dense.weight", "classifier.weight"})
    c.expect(sd.count(name) == 1, std::string("variants: has ") + name);
  c.expect(sd.at("deberta.encoder.rel_embeddings.weight").size(0) == 32,
           "variants: rel_embeddings has 2 x 16 rows");
  c.expect(sd.count("deberta.embeddings.embed_proj.bias") == 0, "variants: embed_proj has no bias");
  m->train();
  const model::ModelOutput out = run(m, rec, at::kCPU);
  out.logits.sum().backward();
  c.expect(out.logits.isfinite().all().item<bool>() && m->namedParameters().front().second.grad().defined(),
           "variants: forward and backward run");
  const at::Tensor padRows = test::jsonTensor(rec["attention_mask"], at::kLong).eq(0);
  c.expect(out.hiddenStates[0].index({padRows}).eq(0).all().item<bool>(),
           "variants: padded embeddings are 0");
}

// Line 31: DebertaV2ForTokenClassification, dropout 0, AdamW lr 1e-3, 5 steps on one batch, FusedAdamW.
void checkTraining(Checker& c, const fs::path& dir, const nlohmann::json& ref) {
  const fs::path folder = dir / "models" / "deberta-v3-token-classification";
  auto checkpoint = model::readCheckpoint(folder.string());
  auto config = test::loadConfig(folder);
  c.expect(checkpoint.ok() && config.has_value(), "training: read deberta-v3-token-classification");
  if (!checkpoint || !config) return;
  config->hiddenDropout = 0.0;
  config->attentionDropout = 0.0;
  model::TransformerModel m =
      build(*config, model::Task::TokenClassification, checkpoint->weights, "training", c);
  if (!m) return;
  m->train();
  const at::Tensor ids = test::jsonTensor(ref["input_ids"], at::kLong),
                   mask = test::jsonTensor(ref["attention_mask"], at::kLong);
  const at::Tensor types = test::jsonTensor(ref["token_type_ids"], at::kLong),
                   labels = test::jsonTensor(ref["labels"], at::kLong);
  auto named = m->namedParameters();
  std::vector<at::Tensor> params;
  for (auto& [n, t] : named) params.push_back(t);
  model::FusedAdamW optimizer(
      {model::AdamWGroup{params, model::AdamWOptions{}}});  // the reference's settings
  const auto& losses = ref["losses_by_step"];
  for (int step = 0; step <= 5; ++step) {
    at::Tensor loss = model::tokenClassificationLoss(m->forward(ids, mask, types).logits, labels);
    c.closeScalar("training: loss after " + std::to_string(step) + " steps", loss.item<double>(),
                  losses[step].get<double>(), 1e-5);
    if (step == 5) break;
    optimizer.zeroGrad();
    loss.backward();
    if (step == 0)
      for (auto& [n, t] : named)
        c.closeScalar("training: grad norm " + n, t.grad().norm().item<double>(),
                      ref["grad_l2_norms_step1"].at(n).get<double>(), 0.0, 1e-4);
    optimizer.step();
  }
  const auto& norms = ref["param_l2_norms_after_5_steps_f64"];
  c.expect(named.size() == norms.size(), "training: every parameter has a reference norm (" +
                                             std::to_string(named.size()) + " vs " +
                                             std::to_string(norms.size()) + ")");
  for (auto& [n, t] : named)
    c.closeScalar("training: param norm " + n, t.detach().to(at::kDouble).norm().item<double>(),
                  norms.at(n).get<double>(), 0.0, 1e-5);
}

}  // namespace

int main() {
  const fs::path dir = test::fixturesDir();
  if (!fs::exists(dir / "outputs-deberta.jsonl") || !fs::exists(dir / "models" / "deberta-v3")) {
    std::printf("SKIP: DeBERTa fixtures not found at %s (set QUARRY_SHARED_DIR)\n", dir.string().c_str());
    return 77;
  }
  Checker c;
  checkBuckets(c);
  checkConfigErrors(c, dir / "models" / "deberta-v3");

  const auto records = test::readJsonLines(dir / "outputs-deberta.jsonl");
  c.expect(records.size() == 31,
           "outputs-deberta.jsonl has 31 lines (has " + std::to_string(records.size()) + ")");
  std::map<std::string, std::vector<const nlohmann::json*>> byModel;
  const nlohmann::json* training = nullptr;
  for (const auto& r : records) {
    if (r.value("case", "") == "adamw_train_steps")
      training = &r;
    else
      byModel[r["model"].get<std::string>()].push_back(&r);
  }
  c.expect(byModel.size() == 5, "5 models in outputs-deberta.jsonl");

  std::vector<at::Device> devices{at::kCPU};
  if (torch::cuda::is_available()) devices.emplace_back(at::kCUDA);
  std::map<std::string, double> worstByModel;
  for (const auto& [folderName, cases] : byModel) {
    const fs::path folder = dir / "models" / folderName;
    auto checkpoint = model::readCheckpoint(folder.string());  // model.safetensors
    auto config = test::loadConfig(folder);
    c.expect(checkpoint.ok() && config.has_value(),
             folderName + ": readCheckpoint and config" +
                 (checkpoint ? std::string() : ": " + checkpoint.error().toString()));
    if (!checkpoint || !config) continue;
    c.expect(fs::path(checkpoint->weightsFile).filename() == "model.safetensors",
             folderName + ": read model.safetensors");
    model::TransformerModel m = build(*config, taskOf(folderName), checkpoint->weights, folderName, c);
    if (!m) continue;

    // Every stored name (position_ids included) is a model name and the reverse; the .bin gives the same
    // tensors.
    auto raw = model::CheckpointReader::readWeightsFile((folder / "model.safetensors").string());
    auto bin = model::CheckpointReader::readWeightsFile((folder / "pytorch_model.bin").string());
    c.expect(raw.ok() && bin.ok(), folderName + ": both weight files readable");
    if (raw && bin) {
      const model::StateDict sd = m->stateDict();
      c.expect(sd.size() == raw->size(), folderName + ": stateDict() has " + std::to_string(sd.size()) +
                                             " tensors, model.safetensors " + std::to_string(raw->size()));
      for (const auto& [name, t] : *raw)
        c.expect(sd.count(name) == 1, folderName + ": stateDict() lacks " + name);
      model::TransformerModel fromBin = build(*config, taskOf(folderName), *bin, folderName + " (bin)", c);
      if (fromBin)
        for (const auto& [name, t] : fromBin->stateDict())
          c.expect(at::equal(t, sd.at(name)),
                   folderName + ": pytorch_model.bin and model.safetensors differ at " + name);
    }

    double& worst = worstByModel[folderName];
    for (const auto& device : devices) {
      m->to(device);
      for (const auto backend : {model::KernelBackend::Auto, model::KernelBackend::Aten}) {
        model::setKernelBackend(backend);
        model::setGemmLibrary(model::GemmLibrary::OneDnn);  // the oneDNN path, whatever this CPU prefers
        const char* backendName = backend == model::KernelBackend::Auto ? "oneDNN/auto" : "ATen";
        for (const auto* rec : cases) {
          const std::string base = folderName + "/" + (*rec)["case"].get<std::string>() + " [" +
                                   device.str() + ", " + backendName + "]";
          worst = std::max(worst, checkCase(c, m, *rec, base + " grad", device));
          c10::InferenceMode guard;
          worst = std::max(worst, checkCase(c, m, *rec, base + " inference", device));
        }
      }
      model::setKernelBackend(model::KernelBackend::Auto);
    }
    m->to(at::kCPU);
    checkSaveRoundTrip(c, folder, *checkpoint, m, *cases.front());
  }
  for (const auto* rec : byModel["deberta-v3"])
    if ((*rec)["case"] == "padded_batch") checkVariants(c, dir / "models" / "deberta-v3", *rec);
  for (const auto& [name, worst] : worstByModel)
    std::printf("  %-36s max |diff| %.3g\n", name.c_str(), worst);

  c.expect(training != nullptr, "outputs-deberta.jsonl has the adamw_train_steps line");
  if (training) checkTraining(c, dir, *training);
  return c.finish("test_deberta_parity");
}
