// Mixed precision and gradient checkpointing (issue 17's device-neutral parts, checked on the CPU):
//  - precision names parse; fp16 on the CPU and unknown names are refused by field;
//  - AutocastScope turns CPU autocast on and off (nested scopes restore), and the CPU fast paths step aside
//    under it so that linear layers compute in bfloat16;
//  - the fp16 loss scaler: scaling, unscaling, overflow found, back-off and growth, state.json round trip;
//  - a checkpointed encoder (BERT, and DeBERTa-v3's layout, whose shared relative-position table gets its
//    gradient through the checkpoint) gives the loss and every gradient of the plain one, with dropout on
//    (the recomputation draws the same masks and leaves the generator where the plain run leaves it) and
//    under bf16 autocast;
//  - the Trainer: classification and NER (with a CRF) train in bf16 to the dev scores of fp32 within noise,
//    a checkpointed run follows the fp32 run's losses, run.json records the precision, the from-scratch
//    models (BiLSTM-CRF, n-gram) train in bf16 too, and checkpointing a from-scratch model is refused by
//    option.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/core/grad_mode.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/full.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "TrainInFolder.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "model/kernels/Autocast.h"
#include "model/kernels/FastLinear.h"
#include "model/optim/GradientScaler.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
namespace document = quarry::document;
using nlohmann::json;
using quarry::test::makeTopicDocs;

namespace {

void checkNames() {
  EXPECT(model::precisionNamed("bf16").ok() &&
             model::precisionNamed("bf16").value() == model::Precision::BFloat16,
         "bf16 names bfloat16");
  EXPECT(model::precisionNamed("float16").ok() && model::precisionNamed("fp32").ok(), "long and short names");
  auto bad = model::precisionNamed("fp8");
  EXPECT(!bad.ok() && bad.error().field == "precision", "an unknown precision is refused by field");
  EXPECT(!model::precisionSupported(model::Precision::Float16, c10::DeviceType::CPU).ok(), "fp16 needs CUDA");
  EXPECT(model::precisionSupported(model::Precision::BFloat16, c10::DeviceType::CPU).ok(),
         "bf16 runs on the CPU");
}

void checkScope() {
  const at::Tensor x = at::randn({4, 8}), w = at::randn({3, 8}), b = at::randn({3});
  EXPECT(!model::autocastEnabled(c10::DeviceType::CPU), "autocast starts off");
  const at::Tensor reference = model::fastLinear(x, w, b);
  EXPECT(reference.scalar_type() == at::kFloat, "float32 outside a scope");
  {
    model::AutocastScope scope(c10::DeviceType::CPU, model::Precision::BFloat16);
    EXPECT(model::autocastEnabled(c10::DeviceType::CPU) &&
               model::autocastType(c10::DeviceType::CPU) == at::kBFloat16,
           "the scope turns CPU autocast on in bfloat16");
    const at::Tensor y = model::fastLinear(x, w, b);
    EXPECT(y.scalar_type() == at::kBFloat16, "a linear layer computes in bfloat16 under the scope");
    EXPECT(at::allclose(y.to(at::kFloat), reference, 0.05, 0.05), "and close to the float32 result");
    {
      model::AutocastScope inner(c10::DeviceType::CPU, model::Precision::Float32);
      EXPECT(model::autocastEnabled(c10::DeviceType::CPU), "an fp32 scope inside changes nothing");
    }
    EXPECT(model::autocastEnabled(c10::DeviceType::CPU), "still on after the inner scope");
  }
  EXPECT(!model::autocastEnabled(c10::DeviceType::CPU), "off again after the scope");
  EXPECT(model::fastLinear(x, w, b).scalar_type() == at::kFloat, "float32 again");
}

// The fp16 loss scaler's rules (it runs only on CUDA in training; its arithmetic is the same anywhere).
void checkScaler() {
  model::GradientScaler off;
  at::Tensor loss = at::full({}, 2.0);
  EXPECT(at::equal(off.scaled(loss), loss) && off.scale() == 1.0, "off: the loss unscaled");
  model::GradientScaler::Options o;
  o.enabled = true;
  o.initialScale = 8;
  o.growthInterval = 2;
  model::GradientScaler scaler(o);
  EXPECT(scaler.scaled(loss).item<double>() == 16.0, "the loss times the scale");
  at::Tensor p = at::zeros({3}).requires_grad_(true);
  p.mutable_grad() = at::full({3}, 8.0 * 0.25);
  EXPECT(scaler.unscale({p}) && at::allclose(p.grad(), at::full({3}, 0.25)),
         "gradients divided by the scale");
  scaler.update(true);
  EXPECT(scaler.scale() == 8 && scaler.growthTracker() == 1, "one clean step: the scale holds");
  scaler.update(true);
  EXPECT(scaler.scale() == 16 && scaler.growthTracker() == 0,
         "growthInterval clean steps: the scale doubles");
  p.mutable_grad() = at::full({3}, 1.0);
  p.mutable_grad()[1] = std::numeric_limits<float>::infinity();
  EXPECT(!scaler.unscale({p}), "an infinite gradient is found");
  scaler.update(false);
  EXPECT(scaler.scale() == 8 && scaler.growthTracker() == 0 && scaler.skippedSteps() == 1,
         "an overflow halves the scale and counts a skipped step");
  model::GradientScaler restored(o);
  EXPECT(restored.fromJson(scaler.toJson(), "state.json").ok() && restored.scale() == 8 &&
             restored.skippedSteps() == 1,
         "the scale round-trips through state.json");
  auto bad = restored.fromJson(json{{"scale", -1}, {"growth_tracker", 0}}, "state.json");
  EXPECT(!bad.ok() && bad.error().field == "gradient_scaler", "a damaged scale is refused by field");
}

// A tiny random encoder: BERT, or DeBERTa-v3's layout (relative attention with c2p and p2c, log buckets,
// the normalised relative-position table shared by every layer).
std::shared_ptr<model::TransformerModelImpl> tinyEncoder(double dropout, const std::string& type = "bert") {
  model::ModelConfig mc = model::ModelConfig::defaultsFor(type);
  mc.vocabSize = 50;
  mc.hiddenSize = 32;
  mc.numHiddenLayers = 3;
  mc.numAttentionHeads = 2;
  mc.intermediateSize = 64;
  mc.maxPositionEmbeddings = 32;
  mc.hiddenDropoutProb = dropout;
  mc.attentionProbsDropoutProb = dropout;
  if (type == "deberta-v2") mc.typeVocabSize = 0;
  json j = json::parse(mc.toJsonText());
  if (type == "deberta-v2") {
    j["relative_attention"] = true;
    j["pos_att_type"] = {"p2c", "c2p"};
    j["position_buckets"] = 8;
    j["max_relative_positions"] = -1;
    j["norm_rel_ebd"] = "layer_norm";
    j["share_att_key"] = true;
    j["position_biased_input"] = false;
  }
  model::TransformerModelOptions options;
  options.seed = 11;
  return model::TransformerModelImpl::create(model::EncoderConfig::fromJson(j).value(), options).value();
}

struct Pass {
  at::Tensor loss;
  std::vector<at::Tensor> grads;
  at::Tensor nextDraw;  // what the CPU generator gives after the pass
};

Pass runPass(model::TransformerModelImpl& m, const at::Tensor& ids, const at::Tensor& mask,
             model::Precision precision) {
  for (auto& p : m.parameters()) p.mutable_grad() = at::Tensor();
  at::manual_seed(3);
  Pass out;
  {
    model::AutocastScope scope(c10::DeviceType::CPU, precision);
    at::Tensor h = m.body ? m.body->forward(ids, mask, {}, false).lastHiddenState
                          : m.debertaBody->forward(ids, mask, {}, false).lastHiddenState;
    out.loss = h.to(at::kFloat).pow(2).mean();
  }
  out.loss.backward();
  for (auto& p : m.parameters()) out.grads.push_back(p.grad().defined() ? p.grad().clone() : at::Tensor());
  out.nextDraw = at::rand({4});
  return out;
}

void checkCheckpointing(const std::string& type) {
  auto m = tinyEncoder(0.1, type);
  m->train();
  at::manual_seed(1);
  const at::Tensor ids = at::randint(5, 50, {4, 12});
  at::Tensor mask = at::ones({4, 12}, at::kLong);
  mask.narrow(1, 9, 3).narrow(0, 0, 2).zero_();  // two padded rows
  for (model::Precision precision : {model::Precision::Float32, model::Precision::BFloat16}) {
    const std::string name = type + " " + model::precisionName(precision);
    m->setGradientCheckpointing(false);
    const Pass plain = runPass(*m, ids, mask, precision);
    EXPECT(m->setGradientCheckpointing(true), type + ": the body takes checkpointing");
    const Pass again = runPass(*m, ids, mask, precision);
    // The checkpointed forward runs without a graph (in-place and fused-projection paths), the same
    // arithmetic up to rounding.
    EXPECT(at::allclose(plain.loss, again.loss, 1e-5, 1e-7),
           name + ": the checkpointed forward gives the plain run's loss");
    bool same = plain.grads.size() == again.grads.size();
    size_t withGrad = 0;
    double worst = 0;
    for (size_t i = 0; same && i < plain.grads.size(); ++i) {
      if (plain.grads[i].defined() != again.grads[i].defined()) {
        std::printf("%s: parameter %zu has a gradient in %s only\n", name.c_str(), i,
                    plain.grads[i].defined() ? "the plain run" : "the checkpointed run");
        same = false;
      }
      if (!plain.grads[i].defined() || !again.grads[i].defined()) continue;
      ++withGrad;
      worst = std::max(worst, (plain.grads[i] - again.grads[i]).abs().max().item<double>());
      same = same && at::allclose(plain.grads[i], again.grads[i], 1e-4, 1e-6);
    }
    std::printf("%s: %zu gradients, largest difference with checkpointing %.3g\n", name.c_str(), withGrad,
                worst);
    EXPECT(same && withGrad > 10, name + ": every gradient equals the plain run's (dropout masks repeat)");
    EXPECT(at::equal(plain.nextDraw, again.nextDraw),
           name + ": the generator ends where the plain run leaves it");
  }
  // Without a gradient to compute the block runs plainly.
  {
    at::NoGradGuard noGrad;
    m->eval();
    auto body = [&] {
      return m->body ? m->body->forward(ids, mask, {}, false).lastHiddenState
                     : m->debertaBody->forward(ids, mask, {}, false).lastHiddenState;
    };
    at::Tensor a = body();
    m->setGradientCheckpointing(false);
    at::Tensor b = body();
    EXPECT(at::equal(a, b), type + ": inference is the same with and without checkpointing");
  }
}

TrainConfig randomTransformer(const std::string& task, const std::string& tokenizer) {
  return quarry::test::tinyRandomTransformer(task, tokenizer, 24, 6, 6);
}

void checkTraining(const fs::path& root) {
  const std::string tokenizer = quarry::test::writeTopicTokenizer(root / "tok");
  const auto trainDocs = makeTopicDocs(120, 1), dev = makeTopicDocs(40, 2);

  TrainConfig fp32 = randomTransformer("classify", tokenizer);
  auto a = quarry::test::train(fp32, root / "cls-fp32", trainDocs, dev);
  TrainConfig bf16 = fp32;
  bf16.precision = "bf16";
  auto b = quarry::test::train(bf16, root / "cls-bf16", trainDocs, dev);
  TrainConfig ckpt = fp32;
  ckpt.gradientCheckpointing = true;
  auto c = quarry::test::train(ckpt, root / "cls-ckpt", trainDocs, dev);
  EXPECT(a.ok() && b.ok() && c.ok(), "classification trains in fp32, bf16 and with checkpointing");
  if (!a || !b || !c) {
    for (auto* r : {&a, &b, &c})
      if (!r->ok()) std::printf("error: %s\n", r->error().toString().c_str());
    return;
  }
  std::printf("classify dev micro F1: fp32 %.4f, bf16 %.4f, fp32 + checkpointing %.4f\n", a->bestDevScore,
              b->bestDevScore, c->bestDevScore);
  EXPECT(a->bestDevScore > 0.8, "fp32 learns the topics");
  EXPECT(b->bestDevScore > 0.8 && std::abs(b->bestDevScore - a->bestDevScore) <= 0.1,
         "bf16 reaches fp32's dev score within noise");
  bool follows = a->history.size() == c->history.size();
  for (size_t i = 0; follows && i < a->history.size(); ++i) {
    const double la = a->history[i]["train_loss"].get<double>(),
                 lc = c->history[i]["train_loss"].get<double>();
    follows = std::abs(la - lc) <= 1e-3 * std::max(1.0, std::abs(la));
  }
  EXPECT(follows, "a checkpointed run follows the plain run's losses");
  json run = json::parse(std::ifstream(root / "cls-bf16" / "run.json"));
  EXPECT(run["config"]["precision"] == "bf16", "run.json records the precision");

  // NER with a CRF on top of bf16 emissions.
  const auto nerTrain = quarry::test::makeTopicEntityDocs(120, 3),
             nerDev = quarry::test::makeTopicEntityDocs(40, 4);
  TrainConfig ner = randomTransformer("ner", tokenizer);
  ner.crf = true;
  ner.epochs = 8;
  auto n32 = quarry::test::train(ner, root / "ner-fp32", nerTrain, nerDev);
  ner.precision = "bf16";
  ner.gradientCheckpointing = true;
  auto n16 = quarry::test::train(ner, root / "ner-bf16", nerTrain, nerDev);
  EXPECT(n32.ok() && n16.ok(), "NER trains in fp32 and in bf16 with checkpointing");
  if (n32 && n16) {
    std::printf("ner dev micro F1: fp32 %.4f, bf16 + checkpointing %.4f\n", n32->bestDevScore,
                n16->bestDevScore);
    EXPECT(n32->bestDevScore > 0.8 && n16->bestDevScore > 0.8 &&
               std::abs(n16->bestDevScore - n32->bestDevScore) <= 0.1,
           "NER in bf16 reaches fp32's dev score within noise");
  } else {
    for (auto* r : {&n32, &n16})
      if (!r->ok()) std::printf("error: %s\n", r->error().toString().c_str());
  }

  // The from-scratch models train under bf16 too (autocast reaches only their ATen matrix products).
  TrainConfig bilstm;
  bilstm.task = "ner";
  bilstm.kind = ModelKind::FromScratch;
  bilstm.wordDim = 16;
  bilstm.charDim = 8;
  bilstm.charFilters = 8;
  bilstm.lstmHidden = 16;
  bilstm.dropout = 0.1;
  bilstm.epochs = 15;
  bilstm.batchSize = 8;
  bilstm.patience = 0;
  bilstm.threads = 1;
  bilstm.precision = "bf16";
  auto lstm16 = quarry::test::train(bilstm, root / "bilstm-bf16", nerTrain, nerDev);
  TrainConfig ngram;
  ngram.task = "classify";
  ngram.kind = ModelKind::FromScratch;
  ngram.epochs = 10;
  ngram.patience = 0;
  ngram.threads = 1;
  ngram.precision = "bf16";
  auto ngram16 = quarry::test::train(ngram, root / "ngram-bf16", trainDocs, dev);
  EXPECT(lstm16.ok() && ngram16.ok(), "the BiLSTM-CRF and the n-gram classifier train in bf16");
  if (lstm16 && ngram16) {
    std::printf("bf16 from scratch: BiLSTM-CRF dev F1 %.4f, n-gram classifier dev micro F1 %.4f\n",
                lstm16->bestDevScore, ngram16->bestDevScore);
    EXPECT(lstm16->bestDevScore > 0.8 && ngram16->bestDevScore > 0.8, "and learn their tasks");
  } else {
    for (auto* r : {&lstm16, &ngram16})
      if (!r->ok()) std::printf("error: %s\n", r->error().toString().c_str());
  }

  // Refusals, by option.
  TrainConfig half = fp32;
  half.precision = "fp16";
  auto refused = quarry::test::train(half, root / "fp16", trainDocs, dev);
  EXPECT(!refused.ok() && refused.error().field == "precision", "fp16 on the CPU is refused by option");
  TrainConfig scratch = fp32;
  scratch.kind = ModelKind::FromScratch;
  scratch.gradientCheckpointing = true;
  auto noEncoder = quarry::test::train(scratch, root / "scratch", trainDocs, dev);
  EXPECT(!noEncoder.ok() && noEncoder.error().field == "gradient_checkpointing",
         "checkpointing a model without a transformer encoder is refused by option");
}

}  // namespace

int main() {
  at::set_num_threads(1);
  const fs::path root = fs::temp_directory_path() / ("quarry-mixed-precision-" + std::to_string(::getpid()));
  fs::remove_all(root);
  checkNames();
  checkScope();
  checkScaler();
  checkCheckpointing("bert");
  checkCheckpointing("deberta-v2");
  checkTraining(root);
  fs::remove_all(root);
  if (quarry::test::g_failures) {
    std::printf("%d check(s) failed\n", quarry::test::g_failures);
    return 1;
  }
  std::printf("all mixed-precision checks passed\n");
  return 0;
}
