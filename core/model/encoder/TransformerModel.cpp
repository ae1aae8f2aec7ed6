#include "model/encoder/TransformerModel.h"

#include <map>
#include <set>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <torch/nn/modules/normalization.h>

#include "model/heads/ContextPoolerHead.h"
#include "model/heads/ElectraDiscriminatorHead.h"
#include "model/heads/MaskedLmHead.h"
#include "model/heads/QuestionAnsweringHead.h"
#include "model/heads/SequenceClassificationHead.h"
#include "model/heads/TokenClassificationHead.h"

namespace quarry::model {

namespace {

bool startsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
bool endsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

}  // namespace

Result<std::shared_ptr<TransformerModelImpl>> TransformerModelImpl::create(
    const EncoderConfig& config, const TransformerModelOptions& options) {
  if (Status s = config.validate(); !s) return s.error();
  const bool distil = config.architecture == Architecture::DistilBert;
  auto activation = activationFromName(config.hiddenAct, distil ? "activation" : "hidden_act");
  if (!activation) return activation.error();
  if (options.task == Task::MaskedLm && config.architecture == Architecture::Electra)
    return Error("ELECTRA masked-LM (generator) models are not supported", {}, 0, "model_type");
  if (options.task == Task::ElectraPreTraining && config.architecture != Architecture::Electra)
    return Error("the replaced-token (pre-training) head exists only for ELECTRA", {}, 0, "model_type");
  if (options.prefixLength < 0 || options.prefixLength > 4096)
    return Error("the prefix length must be between 0 and 4096", {}, 0, "prefix_length");
  if (options.prefixLength > 0 &&
      (config.architecture == Architecture::DistilBert || config.architecture == Architecture::DebertaV2))
    return Error(std::string("prefix tuning needs an encoder that takes past keys and values in transformers "
                             "(BERT, RoBERTa, ELECTRA); ") +
                     (config.architecture == Architecture::DistilBert ? "DistilBERT" : "DeBERTa-v2") +
                     " takes none: use LoRA (lora_rank) instead",
                 {}, 0, "prefix_length");
  if (config.architecture == Architecture::DebertaV2) {
    // The decoder is tied to the word embeddings, which are embedding_size wide.
    if (options.task == Task::MaskedLm && config.embeddingWidth() != config.hiddenSize)
      return Error("a DeBERTa masked-LM head needs embedding_size equal to hidden_size", {}, 0, "embedding_size");
    if (options.task == Task::SequenceClassification) {
      const DebertaOptions& d = config.deberta;
      if (d.poolerHiddenSize != 0 && d.poolerHiddenSize != config.hiddenSize)
        return Error("pooler_hidden_size " + std::to_string(d.poolerHiddenSize) + " differs from hidden_size " +
                         std::to_string(config.hiddenSize) + " (the classifier reads hidden_size values)",
                     {}, 0, "pooler_hidden_size");
      if (auto a = activationFromName(d.poolerHiddenAct, "pooler_hidden_act"); !a) return a.error();
    }
  }
  return std::make_shared<TransformerModelImpl>(config, activation.value(), options);
}

TransformerModelImpl::TransformerModelImpl(const EncoderConfig& config, Activation activation,
                                           const TransformerModelOptions& options)
    : m_config(config), m_task(options.task), m_modulePath(basePrefixName(config.architecture)) {
  const Architecture arch = config.architecture;
  m_prefix = m_task == Task::Encoder ? std::string() : m_modulePath + ".";
  const bool hasPoolerArch = arch == Architecture::Bert || arch == Architecture::Roberta;
  const bool pooler = m_task == Task::Encoder
                          ? options.encoderPooler && hasPoolerArch
                          : m_task == Task::SequenceClassification && arch == Architecture::Bert;
  const std::string hfBodyPath = m_prefix.empty() ? std::string() : m_modulePath;
  if (arch == Architecture::DebertaV2)
    debertaBody = register_module(m_modulePath, DebertaBody(std::make_shared<DebertaBodyImpl>(
                                                    config, activation, hfBodyPath, options.linearFactory)));
  else
    body = register_module(m_modulePath, EncoderBody(std::make_shared<EncoderBodyImpl>(
                                             config, activation, pooler, hfBodyPath, options.linearFactory)));
  const auto& factory = options.linearFactory;
  switch (m_task) {
    case Task::Encoder:
      break;
    case Task::TokenClassification:
      m_head = std::make_unique<TokenClassificationHead>(*this, config, factory);
      break;
    case Task::QuestionAnswering:
      m_head = std::make_unique<QuestionAnsweringHead>(*this, config, factory);
      break;
    case Task::SequenceClassification:
      if (arch == Architecture::DebertaV2)
        m_head = std::make_unique<ContextPoolerHead>(
            *this, config, activationFromName(config.deberta.poolerHiddenAct).value(), factory);
      else
        m_head = std::make_unique<SequenceClassificationHead>(*this, config, factory);
      break;
    case Task::MaskedLm:
      m_head = std::make_unique<MaskedLmHead>(*this, config, activation, factory, wordEmbeddings(), m_prefix);
      break;
    case Task::ElectraPreTraining:
      m_head = std::make_unique<ElectraDiscriminatorHead>(*this, config, activation, factory);
      break;
  }
  if (options.prefixLength > 0)
    prefixEncoder = register_module("prefix_encoder",
                                    PrefixEncoder(options.prefixLength, config.numLayers, config.hiddenSize));
  initializeWeights(options.seed);
}

ModelOutput TransformerModelImpl::forward(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                                          const at::Tensor& tokenTypeIds, const ForwardOptions& options) {
  BodyOutput b = debertaBody
                     ? debertaBody->forward(inputIds, attentionMask, tokenTypeIds, options.hiddenStates)
                     : body->forward(inputIds, attentionMask, tokenTypeIds, options.hiddenStates,
                                     prefixEncoder ? prefixEncoder.get() : nullptr);
  ModelOutput out;
  out.lastHiddenState = b.lastHiddenState;
  out.hiddenStates = std::move(b.hiddenStates);
  out.poolerOutput = b.pooled;
  if (!m_head) return out;
  if (options.headPositions.defined()) {
    const at::Tensor rows = b.lastHiddenState.reshape({-1, b.lastHiddenState.size(-1)});
    m_head->forward(rows.index_select(0, options.headPositions), b.pooled, is_training(), out);
  } else {
    m_head->forward(b.lastHiddenState, b.pooled, is_training(), out);
  }
  return out;
}

bool TransformerModelImpl::setGradientCheckpointing(bool on) {
  if (body) body->setGradientCheckpointing(on);
  if (debertaBody) debertaBody->setGradientCheckpointing(on);
  return body || debertaBody;
}

Status TransformerModelImpl::shareBodyOf(const TransformerModelImpl& other) {
  const EncoderConfig& a = m_config;
  const EncoderConfig& b = other.m_config;
  if (a.architecture != b.architecture || a.hiddenSize != b.hiddenSize || a.numLayers != b.numLayers ||
      a.numHeads != b.numHeads || a.intermediateSize != b.intermediateSize || a.vocabSize != b.vocabSize ||
      a.embeddingWidth() != b.embeddingWidth() || a.maxPositionEmbeddings != b.maxPositionEmbeddings)
    return Error("the encoders to share differ in architecture or shape", {}, 0, "model_folder");
  if (prefixEncoder || other.prefixEncoder)
    return Error("prefix tuning keeps one prefix per model: it cannot share an encoder", {}, 0,
                 "prefix_length");
  if (debertaBody) {
    // DeBERTa's body has no pooler of its own; the context pooler belongs to the head.
    debertaBody = replace_module(m_modulePath, other.debertaBody);
    return {};
  }
  body->shareEncoderOf(*other.body);
  return {};
}

at::Tensor TransformerModelImpl::wordEmbeddings() const {
  return debertaBody ? debertaBody->embeddings->wordEmbeddings : body->embeddings->wordEmbeddings;
}

std::vector<std::pair<std::string, at::Tensor>> TransformerModelImpl::namedParameters() const {
  std::vector<std::pair<std::string, at::Tensor>> out;
  const std::string strip = m_prefix.empty() ? m_modulePath + "." : std::string();
  for (const auto& item : named_parameters(true)) {
    std::string name = item.key();
    if (!strip.empty() && startsWith(name, strip)) name = name.substr(strip.size());
    out.emplace_back(std::move(name), item.value());
  }
  return out;
}

StateDict TransformerModelImpl::stateDict() const {
  StateDict sd;
  for (auto& [name, t] : namedParameters()) sd[name] = t.detach();
  const std::string strip = m_prefix.empty() ? m_modulePath + "." : std::string();
  for (const auto& item : named_buffers(true)) {
    std::string name = item.key();
    if (!strip.empty() && startsWith(name, strip)) name = name.substr(strip.size());
    sd[name] = item.value().detach();
  }
  if (m_head) {
    for (const auto& [alias, source] : m_head->tiedAliases()) sd[alias] = sd.at(source);
  }
  return sd;
}

Status TransformerModelImpl::loadStateDict(const StateDict& stateDict, LoadReport& report) {
  report = LoadReport{};
  std::set<std::string> consumed;
  // The checkpoint names a model name may appear under, best first.
  auto find = [&](const std::string& name) -> const std::pair<const std::string, at::Tensor>* {
    std::vector<std::string> candidates{name};
    if (!m_prefix.empty() && startsWith(name, m_prefix)) candidates.push_back(name.substr(m_prefix.size()));
    if (m_prefix.empty()) candidates.push_back(m_modulePath + "." + name);
    const std::size_t n = candidates.size();
    for (std::size_t i = 0; i < n; ++i) {
      const std::string c = candidates[i];  // a copy: push_back below reallocates
      if (endsWith(c, ".weight")) candidates.push_back(c.substr(0, c.size() - 7) + ".gamma");
      if (endsWith(c, ".bias")) candidates.push_back(c.substr(0, c.size() - 5) + ".beta");
    }
    for (const auto& c : candidates) {
      auto it = stateDict.find(c);
      if (it != stateDict.end()) return &*it;
    }
    return nullptr;
  };

  std::vector<std::pair<at::Tensor, at::Tensor>> copies;  // (destination, source)
  std::vector<std::string> wrongKind;                     // "name: why"
  auto visit = [&](const std::string& name, const at::Tensor& target, bool required) {
    const auto* hit = find(name);
    if (!hit) {
      if (required) report.missing.push_back(name);
      return;
    }
    consumed.insert(hit->first);
    if (!hit->second.defined() || hit->second.sizes() != target.sizes()) {
      report.mismatched.push_back(name + ": checkpoint " +
                                  (hit->second.defined() ? shapeText(hit->second.sizes()) : "[]") +
                                  " vs model " + shapeText(target.sizes()));
      return;
    }
    // Integers or booleans where the model holds floats (a damaged or hand-made file) would be converted
    // silently by copy_.
    if (auto why = storedTensorMismatch(hit->second, target)) {
      wrongKind.push_back(name + ": " + *why);
      return;
    }
    copies.emplace_back(target, hit->second);
  };
  for (const auto& [name, t] : namedParameters()) visit(name, t, true);
  const std::string strip = m_prefix.empty() ? m_modulePath + "." : std::string();
  for (const auto& item : named_buffers(true)) {
    std::string name = item.key();
    if (!strip.empty() && startsWith(name, strip)) name = name.substr(strip.size());
    visit(name, item.value(), false);  // position_ids: older and newer checkpoints lack it
  }
  if (m_head) {
    for (const auto& [alias, source] : m_head->tiedAliases()) {
      if (const auto* hit = find(alias)) {
        consumed.insert(hit->first);  // same values as `source`; loaded through it
      } else {
        report.tied.push_back(alias);
      }
    }
  }
  for (const auto& [name, t] : stateDict) {
    if (!consumed.count(name)) report.unexpected.push_back(name);
  }
  if (!report.mismatched.empty()) {
    std::string text;
    for (const auto& m : report.mismatched) text += (text.empty() ? "" : "; ") + m;
    return Error("checkpoint tensors do not fit the model (" + text + ")", {}, 0,
                 report.mismatched.front().substr(0, report.mismatched.front().find(':')));
  }
  if (!wrongKind.empty())
    return Error("checkpoint tensors hold the wrong kind of values (" + wrongKind.front() + ")", {}, 0,
                 wrongKind.front().substr(0, wrongKind.front().find(':')));
  at::NoGradGuard noGrad;
  for (auto& [dst, src] : copies) dst.copy_(src);
  return {};
}

std::vector<ParameterGroup> TransformerModelImpl::parameterGroups() const {
  std::set<const void*> layerNormWeights;
  for (const auto& item : named_modules(std::string(), /*include_self=*/false)) {
    if (auto* ln = dynamic_cast<const torch::nn::LayerNormImpl*>(item.value().get())) {
      layerNormWeights.insert(ln->weight.unsafeGetTensorImpl());
    }
  }
  const int layers = static_cast<int>(m_config.numLayers);
  std::map<std::pair<int, bool>, ParameterGroup> groups;  // (block, !decay)
  const std::string bodyPrefix = m_prefix.empty() ? std::string() : m_prefix;
  for (const auto& [name, t] : namedParameters()) {
    const bool inBody = m_prefix.empty() ? true : startsWith(name, bodyPrefix);
    const int block = inBody ? parameterBlock(name.substr(bodyPrefix.size()), layers) : layers + 1;
    const bool decay = !endsWith(name, ".bias") && !layerNormWeights.count(t.unsafeGetTensorImpl());
    ParameterGroup& g = groups[{block, !decay}];
    if (g.names.empty()) {
      g.layer = block;
      g.decay = decay;
      g.name = block == 0 ? "embeddings" : block > layers ? "head" : "layer." + std::to_string(block - 1);
      if (!decay) g.name += ".no_decay";
    }
    g.names.push_back(name);
    g.parameters.push_back(t);
  }
  std::vector<ParameterGroup> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  return out;
}

int TransformerModelImpl::enableDynamicInt8() {
  int packed = 0;
  for (const auto& item : named_modules(std::string(), /*include_self=*/false)) {
    if (auto* dense = dynamic_cast<DenseLayerImpl*>(item.value().get()))
      packed += dense->enableDynamicInt8() ? 1 : 0;
  }
  return packed;
}

void TransformerModelImpl::disableDynamicInt8() {
  for (const auto& item : named_modules(std::string(), /*include_self=*/false)) {
    if (auto* dense = dynamic_cast<DenseLayerImpl*>(item.value().get())) dense->disableDynamicInt8();
  }
}

void TransformerModelImpl::initializeWeights(uint64_t seed) {
  at::NoGradGuard noGrad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const double stddev = m_config.initializerRange;
  auto normal = [&](at::Tensor& t) {
    at::Tensor values = at::empty(t.sizes(), at::TensorOptions().dtype(at::kFloat)).normal_(0.0, stddev, gen);
    t.copy_(values);
  };
  for (const auto& item : named_modules(std::string(), /*include_self=*/false)) {
    torch::nn::Module* m = item.value().get();
    if (auto* dense = dynamic_cast<DenseLayerImpl*>(m)) {
      dense->resetParameters(stddev, gen);
    } else if (auto* ln = dynamic_cast<torch::nn::LayerNormImpl*>(m)) {
      ln->weight.fill_(1.0);
      ln->bias.zero_();
    } else if (auto* emb = dynamic_cast<EmbeddingsImpl*>(m)) {
      normal(emb->wordEmbeddings);
      emb->wordEmbeddings[emb->options().padTokenId].zero_();
      normal(emb->positionEmbeddings);
      if (emb->options().robertaPositions) emb->positionEmbeddings[emb->options().padTokenId].zero_();
      if (emb->tokenTypeEmbeddings.defined()) normal(emb->tokenTypeEmbeddings);
    } else if (auto* deberta = dynamic_cast<DebertaBodyImpl*>(m)) {
      deberta->resetTables(stddev, gen);
    } else if (auto* prefix = dynamic_cast<PrefixEncoderImpl*>(m)) {
      // PEFT's PrefixEncoder is a torch.nn.Embedding: N(0, 1).
      prefix->weight.copy_(
          at::empty(prefix->weight.sizes(), at::TensorOptions().dtype(at::kFloat)).normal_(0.0, 1.0, gen));
    }
  }
  if (m_head) m_head->resetParameters();
}

}  // namespace quarry::model
