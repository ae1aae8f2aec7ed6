#include "model/checkpoint/WeightMapper.h"

#include <set>

namespace quarry::model {
namespace {

std::string dotted(const std::string& prefix) {
  return prefix.empty() || prefix.back() == '.' ? prefix : prefix + ".";
}

bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isPositionIds(const std::string& name) {
  return name == "position_ids" || endsWith(name, ".position_ids");
}

}  // namespace

MappedWeights WeightMapper::map(const StateDict& checkpoint, const std::vector<ExpectedTensor>& expected,
                                const std::string& basePrefix, const std::vector<TiedPair>& ties) {
  const std::string p = dotted(basePrefix);
  bool hasPrefixModule = false;
  bool expectsPrefixModule = false;
  if (!p.empty()) {
    for (const auto& [name, t] : checkpoint) hasPrefixModule = hasPrefixModule || startsWith(name, p);
    for (const auto& e : expected) expectsPrefixModule = expectsPrefixModule || startsWith(e.name, p);
  }
  // transformers: a headless checkpoint loads into model.<prefix>; a headed one into a bare model after
  // its prefix is removed. Express both as "the checkpoint name of a model name".
  const bool removePrefixFromModel = !hasPrefixModule && expectsPrefixModule;
  const bool addPrefixToModel = hasPrefixModule && !expectsPrefixModule;
  auto checkpointName = [&](const std::string& modelName) {
    if (removePrefixFromModel) return startsWith(modelName, p) ? modelName.substr(p.size()) : modelName;
    if (addPrefixToModel) return p + modelName;
    return modelName;
  };

  MappedWeights out;
  std::set<std::string> used;
  std::set<std::string> missing;
  std::map<std::string, const ExpectedTensor*> byName;
  bool modelHasPooler = false;
  for (const auto& e : expected) {
    byName[e.name] = &e;
    modelHasPooler = modelHasPooler || e.name.find("pooler.") != std::string::npos;
    const std::string source = checkpointName(e.name);
    auto it = checkpoint.find(source);
    if (it == checkpoint.end()) {
      if (!isPositionIds(e.name)) missing.insert(e.name);
      continue;
    }
    used.insert(source);
    if (it->second.sizes().vec() != e.shape) {
      out.report.mismatched.push_back(e.name + ": checkpoint " + shapeText(it->second.sizes()) +
                                      " vs model " + shapeText(e.shape));
      continue;
    }
    out.weights[e.name] = it->second;
  }

  // Ties are written with the prefix; a bare model names them without it.
  for (const auto& tie : ties) {
    std::string target = tie.target;
    std::string source = tie.source;
    if (!expectsPrefixModule && !p.empty()) {
      if (startsWith(target, p)) target = target.substr(p.size());
      if (startsWith(source, p)) source = source.substr(p.size());
    }
    if (!missing.count(target)) continue;
    auto src = out.weights.find(source);
    if (src == out.weights.end()) continue;
    missing.erase(target);
    if (src->second.sizes().vec() != byName[target]->shape) {
      out.report.mismatched.push_back(target + ": tied source " + source + " " +
                                      shapeText(src->second.sizes()) + " vs model " +
                                      shapeText(byName[target]->shape));
      continue;
    }
    out.weights[target] = src->second;
    out.report.tied.push_back(target);
  }

  out.report.missing.assign(missing.begin(), missing.end());
  for (const auto& [name, t] : checkpoint) {
    if (used.count(name) || isPositionIds(name)) continue;
    // transformers' _keys_to_ignore_on_load_unexpected = ["pooler"] for heads without one.
    if (!modelHasPooler && name.find("pooler.") != std::string::npos) continue;
    out.report.unexpected.push_back(name);
  }
  return out;
}

std::vector<TiedPair> WeightMapper::defaultTies(const std::string& modelType) {
  if (modelType == "bert")
    return {{"cls.predictions.decoder.weight", "bert.embeddings.word_embeddings.weight"},
            {"cls.predictions.decoder.bias", "cls.predictions.bias"}};
  if (modelType == "roberta")
    return {{"lm_head.decoder.weight", "roberta.embeddings.word_embeddings.weight"},
            {"lm_head.decoder.bias", "lm_head.bias"}};
  if (modelType == "distilbert")
    return {{"vocab_projector.weight", "distilbert.embeddings.word_embeddings.weight"}};
  if (modelType == "electra")
    return {{"generator_lm_head.weight", "electra.embeddings.word_embeddings.weight"}};
  if (modelType == "deberta-v2")
    return {{"cls.predictions.decoder.weight", "deberta.embeddings.word_embeddings.weight"},
            {"cls.predictions.decoder.bias", "cls.predictions.bias"}};
  return {};
}

StateDict WeightMapper::stripPrefix(const StateDict& weights, const std::string& prefix, bool keepOthers) {
  const std::string p = dotted(prefix);
  StateDict out;
  for (const auto& [name, t] : weights) {
    if (startsWith(name, p))
      out[name.substr(p.size())] = t;
    else if (keepOthers)
      out[name] = t;
  }
  return out;
}

StateDict WeightMapper::addPrefix(const StateDict& weights, const std::string& prefix) {
  const std::string p = dotted(prefix);
  StateDict out;
  for (const auto& [name, t] : weights) out[p + name] = t;
  return out;
}

}  // namespace quarry::model
