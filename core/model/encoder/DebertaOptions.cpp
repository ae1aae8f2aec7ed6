#include "model/encoder/DebertaOptions.h"

#include <cctype>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/encoder/EncoderConfig.h"

namespace quarry::model {

namespace {

// transformers' normalisation of "a|b" settings: lower case, split at '|', each part trimmed.
std::vector<std::string> splitSetting(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char ch : text) {
    if (ch == '|')
      parts.emplace_back();
    else
      parts.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  for (auto& p : parts) {
    const auto first = p.find_first_not_of(" \t\r\n");
    const auto last = p.find_last_not_of(" \t\r\n");
    p = first == std::string::npos ? std::string() : p.substr(first, last - first + 1);
  }
  return parts;
}

// pos_att_type: a list of names, or the older "c2p|p2c" string, or null (none).
Status readPositionAttentionTypes(const JsonFields& f, DebertaOptions& o) {
  const nlohmann::json* v = f.find("pos_att_type");
  if (!v) return {};
  std::vector<std::string> names;
  if (v->is_string()) {
    names = splitSetting(v->get<std::string>());
  } else if (v->is_array()) {
    for (const auto& item : *v) {
      if (!item.is_string())
        return f.error("pos_att_type", "expected a list of strings, got " + jsonSummary(item));
      names.push_back(item.get<std::string>());
    }
  } else {
    return f.error("pos_att_type", "expected a list such as [\"p2c\", \"c2p\"], got " + jsonSummary(*v));
  }
  for (const auto& name : names) {
    if (name == "c2p")
      o.contentToPosition = true;
    else if (name == "p2c")
      o.positionToContent = true;
    else if (!name.empty())
      return f.error("pos_att_type", "unsupported attention type " + jsonSummary(name) + " (c2p, p2c)");
  }
  return {};
}

}  // namespace

Result<DebertaOptions> DebertaOptions::fromJson(const nlohmann::json& json, int64_t hiddenSize,
                                                int64_t numHeads, const std::string& source) {
  const JsonFields f(json, source);
  DebertaOptions o;
  const int64_t maxSize = EncoderLimits::kPositions;
  std::optional<Error> failed;  // the first bad key
  auto take = [&failed](auto result, auto& field) {
    if (failed) return;
    if (!result)
      failed = result.error();
    else
      field = result.value();
  };
  take(f.boolean("relative_attention", o.relativeAttention), o.relativeAttention);
  take(f.integer("max_relative_positions", o.maxRelativePositions, -1, maxSize), o.maxRelativePositions);
  take(f.integer("position_buckets", o.positionBuckets, -1, maxSize), o.positionBuckets);
  take(f.boolean("share_att_key", o.shareAttentionKey), o.shareAttentionKey);
  take(f.boolean("position_biased_input", o.positionBiasedInput), o.positionBiasedInput);
  take(f.integer("pooler_hidden_size", o.poolerHiddenSize, 0, EncoderLimits::kHiddenSize),
       o.poolerHiddenSize);
  take(f.string("pooler_hidden_act", o.poolerHiddenAct), o.poolerHiddenAct);
  take(f.number("pooler_dropout", o.poolerDropout, 0.0, 1.0), o.poolerDropout);
  take(f.number("cls_dropout", o.clsDropout, 0.0, 1.0), o.clsDropout);
  if (failed) return *failed;
  if (Status s = readPositionAttentionTypes(f, o); !s) return s.error();

  auto norm = f.string("norm_rel_ebd", "none");
  if (!norm) return norm.error();
  for (const auto& part : splitSetting(norm.value())) {
    if (part == "layer_norm")
      o.normRelativeEmbeddings = true;
    else if (part != "none" && !part.empty())
      return f.error("norm_rel_ebd",
                     "unsupported normalisation " + jsonSummary(part) + " (none, layer_norm)");
  }

  // deberta-v2-xlarge/xxlarge add a convolution after the first layer; no fixture pins it down.
  auto conv = f.integer("conv_kernel_size", 0);
  if (!conv) return conv.error();
  if (conv.value() > 0)
    return f.error("conv_kernel_size", "the convolution layer of DeBERTa-v2 (conv_kernel_size " +
                                           std::to_string(conv.value()) + ") is not supported; only 0 is");
  auto headSize = f.integer("attention_head_size", 0);
  if (!headSize) return headSize.error();
  if (headSize.value() != 0 && numHeads > 0 && headSize.value() != hiddenSize / numHeads)
    return f.error("attention_head_size", "only hidden_size / num_attention_heads (" +
                                              std::to_string(hiddenSize / numHeads) + ") is supported");
  return o;
}

Status DebertaOptions::validate(int64_t maxPositionEmbeddings, const std::string& source) const {
  if (!relativeAttention) return {};
  if (positionBuckets == 0 || positionBuckets == 1)
    return Error("must be -1 (no buckets) or at least 2", source, 0, "position_buckets");
  // make_log_bucket_position divides by log((max_relative_positions - 1) / (position_buckets / 2)).
  if (positionBuckets > 0 && maxRelative(maxPositionEmbeddings) - 1 <= positionBuckets / 2)
    return Error("position_buckets " + std::to_string(positionBuckets) +
                     " needs max_relative_positions above " + std::to_string(positionBuckets / 2 + 1) +
                     " (is " + std::to_string(maxRelative(maxPositionEmbeddings)) + ")",
                 source, 0, maxRelativePositions < 1 ? "max_position_embeddings" : "max_relative_positions");
  return {};
}

}  // namespace quarry::model
