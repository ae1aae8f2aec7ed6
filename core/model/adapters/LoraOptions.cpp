#include "model/adapters/LoraOptions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include "model/adapters/LoraLinear.h"

namespace quarry::model {

const std::vector<std::string> kLoraTargetRoles = {"query",        "key",   "value", "attention_output",
                                                   "intermediate", "output"};

namespace {

struct RoleNames {
  const char* role;
  std::vector<const char*> tails;  // the path after "layer.<n>.", one per naming scheme
};

const std::vector<RoleNames>& roleNames() {
  static const std::vector<RoleNames> names = {
      {"query", {"attention.self.query", "attention.q_lin", "attention.self.query_proj"}},
      {"key", {"attention.self.key", "attention.k_lin", "attention.self.key_proj"}},
      {"value", {"attention.self.value", "attention.v_lin", "attention.self.value_proj"}},
      {"attention_output", {"attention.output.dense", "attention.out_lin"}},
      {"intermediate", {"intermediate.dense", "ffn.lin1"}},
      {"output", {"output.dense", "ffn.lin2"}},
  };
  return names;
}

// The part of `path` after its encoder layer ("attention.self.query" of "bert.encoder.layer.3.attention.
// self.query"), or "" when the path is not inside an encoder layer.
std::string tailInLayer(const std::string& path) {
  size_t at = path.rfind("layer.");
  while (at != std::string::npos) {
    if (at == 0 || path[at - 1] == '.') {
      size_t i = at + 6;
      const size_t digits = i;
      while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
      if (i > digits && i < path.size() && path[i] == '.') return path.substr(i + 1);
    }
    if (at == 0) break;
    at = path.rfind("layer.", at - 1);
  }
  return {};
}

bool matchesModuleName(const std::string& path, const std::string& name) {
  return path == name ||
         (path.size() > name.size() && path.compare(path.size() - name.size(), name.size(), name) == 0 &&
          path[path.size() - name.size() - 1] == '.');
}

}  // namespace

double LoraOptions::scaling() const {
  return rsLora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
}

bool LoraOptions::isTarget(const std::string& path) const {
  for (const std::string& excluded : excludedModules)
    if (matchesModuleName(path, excluded) || path.rfind(excluded + ".", 0) == 0 ||
        path.find("." + excluded + ".") != std::string::npos)
      return false;
  if (!targetPattern.empty()) return std::regex_match(path, std::regex(targetPattern));
  if (!targetModules.empty())
    return std::any_of(targetModules.begin(), targetModules.end(),
                       [&](const std::string& name) { return matchesModuleName(path, name); });
  const std::string tail = tailInLayer(path);
  if (tail.empty()) return false;
  for (const RoleNames& r : roleNames())
    if (std::find(targets.begin(), targets.end(), r.role) != targets.end())
      for (const char* t : r.tails)
        if (tail == t) return true;
  return false;
}

Status LoraOptions::validate() const {
  if (rank < 1 || rank > 4096) return Error("must be between 1 and 4096", "", 0, "lora_rank");
  if (!std::isfinite(alpha) || alpha <= 0) return Error("must be a positive number", "", 0, "lora_alpha");
  if (!(dropout >= 0 && dropout < 1)) return Error("must be in [0, 1)", "", 0, "lora_dropout");
  if (targets.empty() && targetModules.empty() && targetPattern.empty())
    return Error("names no layer to adapt", "", 0, "lora_targets");
  for (const std::string& t : targets)
    if (std::find(kLoraTargetRoles.begin(), kLoraTargetRoles.end(), t) == kLoraTargetRoles.end())
      return Error(
          "unknown target \"" + t + "\" (expected query, key, value, attention_output, intermediate, output)",
          "", 0, "lora_targets");
  if (!targetPattern.empty()) {
    try {
      std::regex check(targetPattern);
    } catch (const std::regex_error&) {
      return Error("not a regular expression: " + targetPattern, "", 0, "target_modules");
    }
  }
  return {};
}

Result<std::vector<std::string>> parseLoraTargets(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string name = text.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (name.empty()) return Error("an empty target in \"" + text + "\"", "", 0, "lora_targets");
    if (std::find(kLoraTargetRoles.begin(), kLoraTargetRoles.end(), name) == kLoraTargetRoles.end())
      return Error("unknown target \"" + name +
                       "\" (expected a comma-separated list of query, key, value, attention_output, "
                       "intermediate, output)",
                   "", 0, "lora_targets");
    if (std::find(out.begin(), out.end(), name) != out.end())
      return Error("target \"" + name + "\" named twice", "", 0, "lora_targets");
    out.push_back(name);
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> peftTargetModules(const std::vector<std::string>& targets, Architecture architecture,
                                           int64_t numLayers) {
  const bool distil = architecture == Architecture::DistilBert;
  const bool deberta = architecture == Architecture::DebertaV2;
  // With the attention output also adapted, the tail "output.dense" names exactly the two.
  const bool attentionOutput = std::find(targets.begin(), targets.end(), "attention_output") != targets.end();
  std::vector<std::string> out;
  for (const std::string& role : kLoraTargetRoles) {
    if (std::find(targets.begin(), targets.end(), role) == targets.end()) continue;
    if (role == "query" || role == "key" || role == "value") {
      out.push_back(distil ? role.substr(0, 1) + "_lin" : deberta ? role + "_proj" : role);
    } else if (role == "attention_output") {
      out.push_back(distil ? "out_lin" : "attention.output.dense");
    } else if (role == "intermediate") {
      out.push_back(distil ? "lin1" : "intermediate.dense");
    } else if (distil) {
      out.push_back("lin2");
    } else if (attentionOutput) {
      out.push_back("output.dense");
    } else {
      for (int64_t i = 0; i < numLayers; ++i) out.push_back("layer." + std::to_string(i) + ".output.dense");
    }
  }
  return out;
}

LinearFactory loraLinearFactory(const LoraOptions& options, LinearFactory base) {
  return [options, base = std::move(base)](const LinearSpec& spec) -> std::shared_ptr<DenseLayerImpl> {
    if (!options.isTarget(spec.path)) return base(spec);
    return std::make_shared<LoraLinearImpl>(spec, options.rank, options.scaling(), options.dropout);
  };
}

}  // namespace quarry::model
