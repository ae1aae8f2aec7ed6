// Encoder units that need no fixtures: config parsing and its errors, Hugging Face names per
// architecture, parameter groups, state-dict loading rules, the LinearFactory hook, the oneDNN and BLAS
// matmul paths against ATen (values and gradients), dropout, weight initialisation, and the GEMM library
// chosen for the CPU.

#include <cstdio>
#include <cstdlib>
#include <set>

#include <c10/core/InferenceMode.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/optim/adamw.h>

#include "EncoderTestSupport.h"
#include "model/encoder/Attention.h"
#include "model/kernels/BatchedMatmul.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/FastDropout.h"
#include "model/kernels/FastLinear.h"
#include "model/kernels/FusedAttention.h"
#include "model/optim/FusedAdamW.h"

using namespace quarry;
using namespace quarry::model;
using quarry::test::Checker;

namespace {

EncoderConfig tiny(Architecture arch) {
  EncoderConfig c;
  c.architecture = arch;
  c.vocabSize = 50;
  c.hiddenSize = 8;
  c.embeddingSize = arch == Architecture::Electra ? 4 : 0;
  c.numLayers = 2;
  c.numHeads = 2;
  c.intermediateSize = 16;
  c.maxPositionEmbeddings = arch == Architecture::Roberta ? 34 : 32;
  c.typeVocabSize = arch == Architecture::DistilBert ? 0 : 2;
  c.padTokenId = arch == Architecture::Roberta ? 1 : 0;
  c.numLabels = 3;
  return c;
}

TransformerModel build(Architecture arch, Task task, uint64_t seed = 1, LinearFactory factory = defaultLinearFactory()) {
  TransformerModelOptions o;
  o.task = task;
  o.seed = seed;
  o.linearFactory = std::move(factory);
  auto r = TransformerModelImpl::create(tiny(arch), o);
  if (!r) throw std::runtime_error(r.error().toString());
  return TransformerModel(r.value());
}

std::set<std::string> names(const TransformerModel& m) {
  std::set<std::string> out;
  for (const auto& [n, t] : m->namedParameters()) out.insert(n);
  return out;
}

void testConfig(Checker& c) {
  auto parse = [](const std::string& text) { return EncoderConfig::fromJson(nlohmann::json::parse(text), "config.json"); };
  auto bert = parse(R"({"model_type":"bert","hidden_size":12,"num_hidden_layers":2,"num_attention_heads":2,
    "intermediate_size":64,"vocab_size":100,"max_position_embeddings":128,"hidden_act":"gelu",
    "classifier_dropout":null,"id2label":{"1":"I","0":"B","2":"O"}})");
  c.expect(bert.ok(), "bert config parses");
  if (bert) {
    c.expect(bert->hiddenSize == 12 && bert->numLayers == 2 && bert->intermediateSize == 64, "bert sizes");
    c.expect(bert->labels == std::vector<std::string>{"B", "I", "O"} && bert->numLabels == 3, "id2label in id order");
    c.expect(bert->classifierDropout < 0 && bert->effectiveClassifierDropout() == 0.1, "null classifier_dropout");
  }
  auto distil = parse(R"({"model_type":"distilbert","dim":12,"n_layers":3,"n_heads":4,"hidden_dim":48,
    "activation":"relu","dropout":0.2,"attention_dropout":0.3,"vocab_size":100})");
  c.expect(distil.ok() && distil->hiddenSize == 12 && distil->numLayers == 3 && distil->numHeads == 4 &&
               distil->intermediateSize == 48 && distil->hiddenAct == "relu" && distil->hiddenDropout == 0.2 &&
               distil->attentionDropout == 0.3 && distil->typeVocabSize == 0,
           "distilbert keys");
  auto roberta = parse(R"({"model_type":"roberta","vocab_size":100,"max_position_embeddings":130})");
  c.expect(roberta.ok() && roberta->padTokenId == 1, "roberta default pad 1");
  auto fieldOf = [&](const std::string& text) {
    auto r = parse(text);
    return r ? std::string("<ok>") : r.error().field;
  };
  c.expect(fieldOf(R"({"hidden_size":12})") == "model_type", "missing model_type names the field");
  c.expect(fieldOf(R"({"model_type":"gpt2"})") == "model_type", "unsupported model_type");
  c.expect(fieldOf(R"({"model_type":"bert","hidden_size":10,"num_attention_heads":3})") == "num_attention_heads",
           "hidden not divisible by heads");
  c.expect(fieldOf(R"({"model_type":"bert","hidden_size":"big"})") == "hidden_size", "wrong type");
  c.expect(fieldOf(R"({"model_type":"bert","id2label":{"0":"A","5":"B"}})") == "id2label", "gappy id2label");
  c.expect(fieldOf(R"({"model_type":"distilbert","sinusoidal_pos_embds":true})") == "sinusoidal_pos_embds",
           "sinusoidal positions refused");
  c.expect(fieldOf(R"({"model_type":"bert","position_embedding_type":"relative_key"})") == "position_embedding_type",
           "relative positions refused");
  EncoderConfig badAct = tiny(Architecture::Bert);
  badAct.hiddenAct = "mish";
  auto r = TransformerModelImpl::create(badAct, {});
  c.expect(!r.ok() && r.error().field == "hidden_act", "unknown activation names hidden_act");
  TransformerModelOptions mlm;
  mlm.task = Task::MaskedLm;
  c.expect(!TransformerModelImpl::create(tiny(Architecture::Electra), mlm).ok(), "ELECTRA masked LM refused");
}

void testNames(Checker& c) {
  auto tok = names(build(Architecture::Bert, Task::TokenClassification));
  for (const char* n : {"bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight",
                        "bert.embeddings.token_type_embeddings.weight", "bert.embeddings.LayerNorm.weight",
                        "bert.encoder.layer.0.attention.self.query.weight", "bert.encoder.layer.1.attention.self.value.bias",
                        "bert.encoder.layer.0.attention.output.dense.weight", "bert.encoder.layer.0.attention.output.LayerNorm.bias",
                        "bert.encoder.layer.1.intermediate.dense.weight", "bert.encoder.layer.1.output.dense.bias",
                        "bert.encoder.layer.1.output.LayerNorm.weight", "classifier.weight", "classifier.bias"})
    c.expect(tok.count(n) == 1, std::string("BERT token classification has ") + n);
  c.expect(tok.size() == 5 + 16 * 2 + 2, "BERT token classification: 39 parameters (has " + std::to_string(tok.size()) + ")");

  auto base = build(Architecture::Bert, Task::Encoder);
  auto baseNames = names(base);
  c.expect(baseNames.count("embeddings.word_embeddings.weight") && baseNames.count("pooler.dense.weight") &&
               baseNames.count("encoder.layer.0.attention.self.key.bias"),
           "bare BERT names have no prefix and a pooler");
  c.expect(base->stateDict().count("embeddings.position_ids") == 1, "bare BERT state dict has the position_ids buffer");

  auto distil = names(build(Architecture::DistilBert, Task::SequenceClassification));
  for (const char* n : {"distilbert.embeddings.word_embeddings.weight", "distilbert.transformer.layer.0.attention.q_lin.weight",
                        "distilbert.transformer.layer.1.attention.out_lin.bias", "distilbert.transformer.layer.0.sa_layer_norm.weight",
                        "distilbert.transformer.layer.0.ffn.lin1.weight", "distilbert.transformer.layer.0.ffn.lin2.bias",
                        "distilbert.transformer.layer.1.output_layer_norm.bias", "pre_classifier.weight", "classifier.bias"})
    c.expect(distil.count(n) == 1, std::string("DistilBERT sequence classification has ") + n);
  c.expect(!distil.count("distilbert.embeddings.token_type_embeddings.weight"), "DistilBERT has no token types");

  auto roberta = names(build(Architecture::Roberta, Task::SequenceClassification));
  c.expect(roberta.count("classifier.dense.weight") && roberta.count("classifier.out_proj.bias") &&
               !roberta.count("roberta.pooler.dense.weight"),
           "RoBERTa classifier.dense/out_proj, no pooler");
  auto electra = names(build(Architecture::Electra, Task::ElectraPreTraining));
  c.expect(electra.count("electra.embeddings_project.weight") && electra.count("discriminator_predictions.dense.weight") &&
               electra.count("discriminator_predictions.dense_prediction.bias"),
           "ELECTRA embeddings_project and discriminator_predictions");
  auto electraSeq = names(build(Architecture::Electra, Task::SequenceClassification));
  c.expect(electraSeq.count("classifier.dense.weight") && electraSeq.count("classifier.out_proj.weight"), "ELECTRA classifier");
  auto qa = names(build(Architecture::Bert, Task::QuestionAnswering));
  c.expect(qa.count("qa_outputs.weight") == 1, "QA qa_outputs");

  auto mlm = build(Architecture::Bert, Task::MaskedLm);
  auto sd = mlm->stateDict();
  c.expect(sd.count("cls.predictions.decoder.weight") && sd.count("cls.predictions.transform.LayerNorm.weight") &&
               sd.count("cls.predictions.bias"),
           "BERT masked LM names");
  c.expect(sd["cls.predictions.decoder.weight"].data_ptr() == sd["bert.embeddings.word_embeddings.weight"].data_ptr(),
           "decoder weight shares the embedding storage");
  c.expect(!names(mlm).count("cls.predictions.decoder.weight"), "tied decoder weight is registered once");
  auto rmlm = build(Architecture::Roberta, Task::MaskedLm)->stateDict();
  c.expect(rmlm.count("lm_head.dense.weight") && rmlm.count("lm_head.layer_norm.bias") && rmlm.count("lm_head.decoder.weight") &&
               rmlm.count("lm_head.decoder.bias"),
           "RoBERTa lm_head names");
}

void testGroups(Checker& c) {
  auto m = build(Architecture::Bert, Task::TokenClassification);
  auto groups = m->parameterGroups();
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const auto& g : groups) {
    for (std::size_t i = 0; i < g.names.size(); ++i) {
      const std::string& n = g.names[i];
      seen.insert(n);
      ++total;
      const bool noDecay = n.size() > 5 && (n.compare(n.size() - 5, 5, ".bias") == 0 || n.find("LayerNorm.weight") != std::string::npos);
      c.expect(g.decay != noDecay, g.name + " decay rule for " + n);
      if (n.rfind("bert.embeddings.", 0) == 0) c.expect(g.layer == 0 && g.name.rfind("embeddings", 0) == 0, n + " in embeddings");
      if (n.rfind("bert.encoder.layer.1.", 0) == 0) c.expect(g.layer == 2 && g.name.rfind("layer.1", 0) == 0, n + " in layer.1");
      if (n.rfind("classifier.", 0) == 0) c.expect(g.layer == 3 && g.name.rfind("head", 0) == 0, n + " in head");
    }
  }
  c.expect(total == seen.size() && seen == names(m), "groups partition the parameters");
  c.expect(groups.size() == 8, "8 groups: (embeddings, layer.0, layer.1, head) x (decay, no_decay)");
  auto distilGroups = build(Architecture::DistilBert, Task::Encoder)->parameterGroups();
  for (const auto& g : distilGroups)
    for (const auto& n : g.names)
      if (n.find("layer_norm.weight") != std::string::npos) c.expect(!g.decay, "DistilBERT " + n + " has no decay");
}

void testLoading(Checker& c) {
  auto source = build(Architecture::Bert, Task::Encoder, 7);
  StateDict bare = source->stateDict();

  auto tok = build(Architecture::Bert, Task::TokenClassification, 8);
  LoadReport report;
  c.expect(tok->loadStateDict(bare, report).ok(), "bare encoder loads into a task model");
  c.expect(report.missing == std::vector<std::string>{"classifier.weight", "classifier.bias"}, "classifier reported missing");
  c.expect(report.unexpected == std::vector<std::string>{"pooler.dense.bias", "pooler.dense.weight"}, "pooler reported unexpected");
  c.expect(at::equal(tok->stateDict()["bert.encoder.layer.1.output.dense.weight"], bare["encoder.layer.1.output.dense.weight"]),
           "weights copied under the prefix");

  auto back = build(Architecture::Bert, Task::Encoder, 9);
  StateDict taskSd = tok->stateDict();
  c.expect(back->loadStateDict(taskSd, report).ok(), "task checkpoint loads into a bare encoder");
  c.expect(report.unexpected == std::vector<std::string>{"classifier.bias", "classifier.weight"} &&
               report.missing == std::vector<std::string>{"pooler.dense.weight", "pooler.dense.bias"},
           "bare from task: classifier unexpected, pooler missing");

  // Legacy gamma/beta, no position_ids.
  StateDict legacy;
  for (const auto& [n, t] : taskSd) {
    if (n.find("position_ids") != std::string::npos) continue;
    std::string name = n;
    if (name.size() > 17 && name.compare(name.size() - 17, 17, "LayerNorm.weight") == 0) {}
    auto pos = name.find("LayerNorm.weight");
    if (pos != std::string::npos) name.replace(pos, 16, "LayerNorm.gamma");
    pos = name.find("LayerNorm.bias");
    if (pos != std::string::npos) name.replace(pos, 14, "LayerNorm.beta");
    legacy[name] = t.clone() + 1.0;
  }
  auto fresh = build(Architecture::Bert, Task::TokenClassification, 10);
  c.expect(fresh->loadStateDict(legacy, report).ok() && report.clean(), "legacy gamma/beta names load cleanly");
  c.expect(at::equal(fresh->stateDict()["bert.embeddings.LayerNorm.weight"], legacy["bert.embeddings.LayerNorm.gamma"]),
           "gamma loaded as weight");

  // Masked LM without the tied decoder tensors (transformers 5 layout).
  auto mlm = build(Architecture::Bert, Task::MaskedLm, 11);
  StateDict mlmSd = build(Architecture::Bert, Task::MaskedLm, 12)->stateDict();
  mlmSd.erase("cls.predictions.decoder.weight");
  mlmSd.erase("cls.predictions.decoder.bias");
  c.expect(mlm->loadStateDict(mlmSd, report).ok() && report.clean() && report.tied.size() == 2, "tied tensors absent: reported as tied");
  c.expect(at::equal(mlm->stateDict()["cls.predictions.decoder.weight"], mlmSd["bert.embeddings.word_embeddings.weight"]),
           "decoder follows the loaded embedding");

  // A shape mismatch is an error and nothing is copied.
  auto target = build(Architecture::Bert, Task::TokenClassification, 13);
  at::Tensor before = target->stateDict()["bert.embeddings.word_embeddings.weight"].clone();
  StateDict wrong = taskSd;
  wrong["classifier.weight"] = at::zeros({7, 8});
  Status st = target->loadStateDict(wrong, report);
  c.expect(!st.ok() && st.error().field == "classifier.weight" && report.mismatched.size() == 1, "mismatch is an error naming the tensor");
  c.expect(at::equal(target->stateDict()["bert.embeddings.word_embeddings.weight"], before), "nothing copied on mismatch");
}

struct CountingDense : DenseLayerImpl {
  using DenseLayerImpl::DenseLayerImpl;
  int* calls = nullptr;
  at::Tensor forward(const at::Tensor& x) override {
    ++*calls;
    return DenseLayerImpl::forward(x);
  }
};

void testFactory(Checker& c) {
  std::vector<std::string> paths;
  int calls = 0;
  LinearFactory factory = [&](const LinearSpec& spec) -> std::shared_ptr<DenseLayerImpl> {
    paths.push_back(spec.path);
    if (spec.path.find("self.query") == std::string::npos && spec.path.find("self.value") == std::string::npos)
      return std::make_shared<DenseLayerImpl>(spec.inFeatures, spec.outFeatures, spec.bias);
    auto d = std::make_shared<CountingDense>(spec.inFeatures, spec.outFeatures, spec.bias);
    d->calls = &calls;
    return d;
  };
  auto m = build(Architecture::Bert, Task::TokenClassification, 1, factory);
  c.expect(std::find(paths.begin(), paths.end(), "bert.encoder.layer.1.attention.self.query") != paths.end() &&
               std::find(paths.begin(), paths.end(), "classifier") != paths.end(),
           "factory sees Hugging Face paths");
  at::Tensor ids = at::randint(2, 50, {2, 5}, at::kLong);
  m->eval();
  {
    c10::InferenceMode guard;
    m->forward(ids);
  }
  c.expect(calls == 4, "substituted layers run in inference too (fused q/k/v bypassed): " + std::to_string(calls) + " calls");
  c.expect(names(m) == names(build(Architecture::Bert, Task::TokenClassification)), "substitution keeps the names");
}

void testKernels(Checker& c) {
  at::manual_seed(3);
  // Linear: values and gradients against at::linear, 3-D input.
  at::Tensor x = at::randn({3, 5, 7}).requires_grad_(true);
  at::Tensor w = at::randn({4, 7}).requires_grad_(true);
  at::Tensor b = at::randn({4}).requires_grad_(true);
  setGemmLibrary(GemmLibrary::OneDnn);  // the oneDNN path, whatever this CPU prefers
  at::Tensor y = fastLinear(x, w, b);
  at::Tensor gy = at::randn_like(y);
  auto grads = torch::autograd::grad({y}, {x, w, b}, {gy});
  setKernelBackend(KernelBackend::Aten);
  at::Tensor yRef = fastLinear(x, w, b);
  auto gradsRef = torch::autograd::grad({yRef}, {x, w, b}, {gy});
  setKernelBackend(KernelBackend::Auto);
  c.close("fastLinear value", y, yRef, 1e-5);
  for (int i = 0; i < 3; ++i) c.close("fastLinear grad " + std::to_string(i), grads[i], gradsRef[i], 1e-5);

  // The BLAS split over the intra-op threads (GemmLibrary.h): blocks of rows (M >= N) and of columns
  // (N > M), with the bias written into each block, against at::linear; gradients too.
  configureCpuThreads({2});
  for (const auto& [rows, outs] : {std::pair<int64_t, int64_t>{300, 96}, {40, 700}}) {
    at::Tensor xs = at::randn({rows, 64}).requires_grad_(true);
    at::Tensor ws = at::randn({outs, 64}).requires_grad_(true);
    at::Tensor bs = at::randn({outs}).requires_grad_(true);
    setGemmLibrary(GemmLibrary::Blas);
    at::Tensor ys = fastLinear(xs, ws, bs);
    at::Tensor gys = at::randn_like(ys);
    auto gs = torch::autograd::grad({ys}, {xs, ws, bs}, {gys});
    setGemmLibrary(GemmLibrary::OneDnn);
    at::Tensor ysRef = at::linear(xs, ws, bs);
    auto gsRef = torch::autograd::grad({ysRef}, {xs, ws, bs}, {gys});
    const std::string shape = " (BLAS blocks, " + std::to_string(rows) + " x " + std::to_string(outs) + ")";
    c.close("fastLinear value" + shape, ys, ysRef, 1e-4);
    for (int i = 0; i < 3; ++i)
      c.close("fastLinear grad " + std::to_string(i) + shape, gs[i], gsRef[i], 1e-3);
  }

  // Batched matmul with head-split and transposed views, as attention uses it.
  at::Tensor q = at::randn({2, 6, 12}).requires_grad_(true);
  at::Tensor k = at::randn({2, 6, 12}).requires_grad_(true);
  auto heads = [](const at::Tensor& t) { return t.view({2, 6, 3, 4}).permute({0, 2, 1, 3}); };
  at::Tensor s = batchedMatmul(heads(q), heads(k).transpose(-1, -2));
  at::Tensor sRef = at::matmul(heads(q), heads(k).transpose(-1, -2));
  c.close("batchedMatmul value", s, sRef, 1e-5);
  at::Tensor gs = at::randn_like(sRef);
  auto g1 = torch::autograd::grad({s}, {q, k}, {gs});
  auto g2 = torch::autograd::grad({sRef}, {q, k}, {gs});
  c.close("batchedMatmul grad a", g1[0], g2[0], 1e-5);
  c.close("batchedMatmul grad b", g1[1], g2[1], 1e-5);
  // The same through the BLAS's cblas_sgemm, one product after another (GemmLibrary::Blas).
  setGemmLibrary(GemmLibrary::Blas);
  at::Tensor sBlas = batchedMatmul(heads(q), heads(k).transpose(-1, -2));
  auto g3 = torch::autograd::grad({sBlas}, {q, k}, {gs});
  setGemmLibrary(GemmLibrary::OneDnn);
  c.close("batchedMatmul value (BLAS)", sBlas, sRef, 1e-5);
  c.close("batchedMatmul grad a (BLAS)", g3[0], g2[0], 1e-5);
  c.close("batchedMatmul grad b (BLAS)", g3[1], g2[1], 1e-5);
  // Heads last: [B, H, M, N] products written as [B, M, H, N], in both libraries; gradients through it.
  for (const GemmLibrary library : {GemmLibrary::OneDnn, GemmLibrary::Blas}) {
    setGemmLibrary(library);
    const std::string which = library == GemmLibrary::Blas ? " (BLAS)" : " (oneDNN)";
    auto probs = [&] { return at::softmax(at::matmul(heads(q), heads(k).transpose(-1, -2)), -1); };
    at::Tensor ctx = batchedMatmulHeadsLast(probs(), heads(k));
    at::Tensor ctxRef = at::matmul(probs(), heads(k)).transpose(1, 2).contiguous();
    c.expect(ctx.is_contiguous() && ctx.sizes() == ctxRef.sizes(), "batchedMatmulHeadsLast shape" + which);
    c.close("batchedMatmulHeadsLast value" + which, ctx, ctxRef, 1e-5);
    at::Tensor gc = at::randn_like(ctxRef);
    auto gh = torch::autograd::grad({ctx}, {q, k}, {gc});
    auto ghRef = torch::autograd::grad({ctxRef}, {q, k}, {gc});
    c.close("batchedMatmulHeadsLast grad a" + which, gh[0], ghRef[0], 1e-5);
    c.close("batchedMatmulHeadsLast grad b" + which, gh[1], ghRef[1], 1e-5);
  }
  setGemmLibrary(GemmLibrary::OneDnn);

  // Hand-fused attention at inference: slices of one fused QKV tensor, a padded second sequence, both
  // libraries, against softmax(q k^T / sqrt(d) + mask) v op by op; not used where a gradient is recorded.
  {
    at::Tensor qkv = at::randn({2, 9, 3 * 12});
    at::Tensor qs = qkv.narrow(-1, 0, 12), ks = qkv.narrow(-1, 12, 12), vs = qkv.narrow(-1, 24, 12);
    at::Tensor attend = at::ones({2, 9}, at::kLong);
    attend[1].narrow(0, 6, 3).zero_();
    const at::Tensor mask = additiveAttentionMask(attend, qkv);
    auto split = [](const at::Tensor& t) { return t.reshape({2, 9, 3, 4}).permute({0, 2, 1, 3}); };
    const at::Tensor ref =
        at::matmul(at::softmax(at::matmul(split(qs), split(ks).transpose(-1, -2)) / 2.0 + mask, -1),
                   split(vs))
            .permute({0, 2, 1, 3})
            .reshape({2, 9, 12});
    for (const GemmLibrary library : {GemmLibrary::OneDnn, GemmLibrary::Blas}) {
      setGemmLibrary(library);
      const std::string which = library == GemmLibrary::Blas ? " (BLAS)" : " (oneDNN)";
      at::Tensor fused;
      {
        c10::InferenceMode inference;
        fused = fusedAttentionInference(qs, ks, vs, mask, 3);
      }
      c.expect(fused.defined() && fused.is_contiguous(), "fused attention applies at inference" + which);
      if (fused.defined()) c.close("fused attention value" + which, fused, ref, 1e-5);
      AttentionParams ap;
      ap.numHeads = 3;
      at::Tensor viaLayer;
      {
        c10::InferenceMode inference;
        viaLayer = multiHeadAttention(qs, ks, vs, mask, ap);
      }
      c.close("multiHeadAttention at inference" + which, viaLayer, ref, 1e-5);
    }
    setGemmLibrary(GemmLibrary::OneDnn);
    at::Tensor qg = qs.detach().clone().requires_grad_(true);
    c.expect(!fusedAttentionInference(qg, ks, vs, mask, 3).defined(),
             "fused attention leaves training to autograd");
    c.expect(!fusedAttentionInference(qs, ks, vs, mask.view({2, 9}), 3).defined(),
             "other mask shapes fall back");
  }

  // Dropout: rate, scale, same mask in backward, repeatable under manual_seed, identity in eval.
  at::Tensor ones = at::ones({200000}).requires_grad_(true);
  at::manual_seed(5);
  at::Tensor d = fastDropout(ones, 0.1, true);
  const double dropped = d.eq(0).to(at::kDouble).mean().item<double>();
  c.closeScalar("dropout rate", dropped, 0.1, 0.005);
  c.close("kept values scaled by 1/(1-p)", d.masked_select(d.ne(0)), at::full({d.ne(0).sum().item<int64_t>()}, 1.0 / 0.9), 1e-6);
  at::Tensor g = torch::autograd::grad({d}, {ones}, {at::ones_like(d)})[0];
  c.expect(at::equal(g, d.detach()), "backward uses the forward mask");
  at::manual_seed(5);
  c.expect(at::equal(fastDropout(ones, 0.1, true), d), "dropout repeats under at::manual_seed");
  c.expect(at::equal(fastDropout(ones, 0.1, false), ones), "no dropout outside training");

  // FusedAdamW against torch's AdamW with two groups (different lr, one without decay).
  at::Tensor p1 = at::randn({1000}), p2 = at::randn({37, 3});
  at::Tensor q1 = p1.clone().requires_grad_(true), q2 = p2.clone().requires_grad_(true);
  p1.requires_grad_(true);
  p2.requires_grad_(true);
  FusedAdamW fused({AdamWGroup{{p1}, AdamWOptions{2e-3, 0.9, 0.999, 1e-8, 0.1}}, AdamWGroup{{p2}, AdamWOptions{1e-3, 0.8, 0.99, 1e-6, 0.0}}});
  std::vector<torch::optim::OptimizerParamGroup> tg;
  tg.emplace_back(std::vector<at::Tensor>{q1}, std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(2e-3).weight_decay(0.1)));
  tg.emplace_back(std::vector<at::Tensor>{q2}, std::make_unique<torch::optim::AdamWOptions>(
                                                   torch::optim::AdamWOptions(1e-3).betas({0.8, 0.99}).eps(1e-6).weight_decay(0.0)));
  torch::optim::AdamW ref(std::move(tg), torch::optim::AdamWOptions());
  for (int step = 0; step < 4; ++step) {
    at::Tensor g1s = at::randn({1000}), g2s = at::randn({37, 3});
    p1.mutable_grad() = g1s.clone();
    p2.mutable_grad() = g2s.clone();
    q1.mutable_grad() = g1s.clone();
    q2.mutable_grad() = g2s.clone();
    fused.step();
    ref.step();
  }
  c.close("FusedAdamW group 1", p1, q1, 1e-6);
  c.close("FusedAdamW group 2", p2, q2, 1e-6);

  // A non-contiguous parameter takes the tensor-op path.
  at::Tensor base = at::randn({5, 3});
  at::Tensor nc = base.t().requires_grad_(true);
  at::Tensor ncRef = base.t().clone().requires_grad_(true);
  FusedAdamW fusedNc({AdamWGroup{{nc}, AdamWOptions{}}});
  torch::optim::AdamW refNc(std::vector<at::Tensor>{ncRef}, torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
  for (int step = 0; step < 3; ++step) {
    at::Tensor gnc = at::randn({3, 5});
    nc.mutable_grad() = gnc.clone();
    ncRef.mutable_grad() = gnc.clone();
    fusedNc.step();
    refNc.step();
  }
  c.expect(!nc.is_contiguous(), "parameter stays non-contiguous");
  c.close("FusedAdamW tensor-op path", nc, ncRef, 1e-7);
}

void testModes(Checker& c) {
  auto m = build(Architecture::Roberta, Task::TokenClassification, 4);
  at::Tensor ids = at::tensor({0, 5, 6, 7, 2, 1, 1}, at::kLong).view({1, 7});
  at::Tensor mask = ids.ne(1).to(at::kLong);
  auto* emb = m->body->embeddings.get();
  c.expect(at::equal(emb->positionIds(ids), at::tensor({2, 3, 4, 5, 6, 1, 1}, at::kLong).view({1, 7})),
           "RoBERTa position ids from padding_idx + 1, pads at padding_idx");
  m->train();
  at::Tensor a = m->forward(ids, mask).logits;
  at::Tensor b = m->forward(ids, mask).logits;
  c.expect(!at::allclose(a, b), "dropout active in training mode");
  m->eval();
  c.expect(at::equal(m->forward(ids, mask).logits, m->forward(ids, mask).logits), "deterministic in eval mode");

  // Opt-in int8 inference stays close to float and never affects gradient-recording forwards.
  {
    auto q = build(Architecture::Bert, Task::SequenceClassification, 6);
    q->eval();
    at::Tensor input = at::randint(2, 50, {2, 9}, at::kLong);
    at::Tensor ref;
    {
      c10::InferenceMode guard;
      ref = q->forward(input).lastHiddenState.clone();
    }
    const int packed = q->enableDynamicInt8();
    if (packed > 0) {
      c.expect(packed == 2 * 6 + 2, "int8: every DenseLayer packed (" + std::to_string(packed) + ")");
      c10::InferenceMode guard;
      c.close("int8 hidden states near float", q->forward(input).lastHiddenState, ref, 0.1);
    } else {
      std::printf("note: int8 dynamic quantisation unavailable in this LibTorch\n");
    }
    c.expect(at::equal(q->forward(input).lastHiddenState, ref) || packed == 0 ||
                 at::allclose(q->forward(input).lastHiddenState, ref, 1e-5, 1e-5),
             "gradient-recording forward uses float weights");
    q->disableDynamicInt8();
  }

  auto m1 = build(Architecture::Bert, Task::TokenClassification, 21);
  auto m2 = build(Architecture::Bert, Task::TokenClassification, 21);
  auto s1 = m1->stateDict(), s2 = m2->stateDict();
  bool same = true;
  for (const auto& [n, t] : s1) same = same && at::equal(t, s2[n]);
  c.expect(same, "initializeWeights is deterministic in the seed");
  c.expect(at::equal(s1["bert.embeddings.word_embeddings.weight"][0], at::zeros({8})), "padding row initialised to 0");
  c.expect(at::equal(s1["bert.encoder.layer.0.output.LayerNorm.weight"], at::ones({8})) &&
               at::equal(s1["classifier.bias"], at::zeros({3})),
           "LayerNorm 1, biases 0");
  const double sd = s1["bert.encoder.layer.0.intermediate.dense.weight"].std().item<double>();
  c.closeScalar("Linear weights N(0, 0.02)", sd, 0.02, 0.004);
}

// The GEMM library chosen for this CPU (CpuThreads.h): oneDNN with AVX-512, else the BLAS, the same in every
// call (a resumed run computes as the run it resumes); OpenBLAS's pool sized to match; a caller's fixed pool
// is kept; ATen kernels always take the BLAS. Both libraries measure a positive rate.
void testKernelChoice(Checker& c) {
  configureCpuThreads({2});
  const CpuKernelChoice choice = cpuKernelChoice();
  std::printf("%s\n", choice.describe().c_str());
  if (oneDnnGemmAvailable() && std::getenv("QUARRY_GEMM") == nullptr) {
    c.expect(choice.chosen, "chosen by the instruction set");
    c.expect((choice.library == GemmLibrary::OneDnn) == choice.avx512,
             "oneDNN exactly where there is AVX-512");
    c.expect(gemmLibrary() == choice.library, "the choice applied");
    configureCpuThreads({2});
    c.expect(cpuKernelChoice().library == choice.library, "the same choice every time");
    const GemmRates rates = measureGemmLibraries();
    std::printf("measured: BLAS %.1f GFLOP/s, oneDNN %.1f\n", rates.blas, rates.oneDnn);
    c.expect(rates.blas > 0 && rates.oneDnn > 0, "both libraries measured");
  }
  if (blasThreads() > 0)
    c.expect(blasThreads() == 1 && (choice.library == GemmLibrary::OneDnn || choice.splitBlas),
             "OpenBLAS's own pool at one thread: Quarry's GEMMs spread over the intra-op threads themselves");
  configureCpuThreads({2, 1});
  c.expect(!cpuKernelChoice().chosen && blasThreads() != 2, "a fixed OpenBLAS pool is kept");
  setKernelBackend(KernelBackend::Aten);
  configureCpuThreads({2});
  c.expect(cpuKernelChoice().library == GemmLibrary::Blas && !cpuKernelChoice().chosen,
           "ATen kernels use the BLAS");
  setKernelBackend(KernelBackend::Auto);
  setGemmLibrary(GemmLibrary::OneDnn);
}

}  // namespace

int main() {
  Checker c;
  testConfig(c);
  testNames(c);
  testGroups(c);
  testLoading(c);
  testFactory(c);
  testKernels(c);
  testModes(c);
  testKernelChoice(c);
  return c.finish("test_encoder_units");
}
