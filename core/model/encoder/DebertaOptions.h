#pragma once
// The config.json keys that only DeBERTa-v2/v3 (model_type "deberta-v2") has: disentangled relative
// attention, its position buckets and the ContextPooler of the sequence-classification head. Defaults
// are those of transformers' DebertaV2Config, so a key left out means what it means in Python.

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"

namespace quarry::model {

struct DebertaOptions {
  bool relativeAttention = false;        // relative_attention: add the c2p / p2c position terms
  int64_t maxRelativePositions = -1;     // max_relative_positions; < 1 = max_position_embeddings
  int64_t positionBuckets = -1;          // position_buckets; > 0 = log-bucketed distances, 2x this many rows
  bool contentToPosition = false;        // "c2p" in pos_att_type
  bool positionToContent = false;        // "p2c" in pos_att_type
  bool normRelativeEmbeddings = false;   // norm_rel_ebd has "layer_norm": encoder.LayerNorm on rel_embeddings
  bool shareAttentionKey = false;        // share_att_key: positions go through query_proj / key_proj
  bool positionBiasedInput = true;       // position_biased_input: absolute position embeddings are added
  int64_t poolerHiddenSize = 0;          // pooler_hidden_size; 0 = hidden_size (the only size supported)
  std::string poolerHiddenAct = "gelu";  // pooler_hidden_act: ContextPooler activation
  double poolerDropout = 0.0;            // pooler_dropout: on the first token before pooler.dense
  double clsDropout = -1.0;              // cls_dropout; < 0 = hidden_dropout_prob (before classifier)

  // The distances the attention distinguishes (transformers' max_relative_positions after defaulting).
  int64_t maxRelative(int64_t maxPositionEmbeddings) const {
    return maxRelativePositions < 1 ? maxPositionEmbeddings : maxRelativePositions;
  }
  // att_span / pos_ebd_size: rel_embeddings has twice this many rows.
  int64_t attentionSpan(int64_t maxPositionEmbeddings) const {
    return positionBuckets > 0 ? positionBuckets : maxRelative(maxPositionEmbeddings);
  }
  // Scores are divided by sqrt(head_dim * scaleFactor()): one term per kind of attention.
  int scaleFactor() const { return 1 + (contentToPosition ? 1 : 0) + (positionToContent ? 1 : 0); }

  // Reads the keys named above. Settings the engine does not implement are an Error naming the key:
  // conv_kernel_size > 0 (the ConvLayer of deberta-v2-xlarge), an attention_head_size other than
  // hidden_size / num_attention_heads, pos_att_type entries other than c2p / p2c, norm_rel_ebd other than
  // none / layer_norm.
  static Result<DebertaOptions> fromJson(const nlohmann::json& json, int64_t hiddenSize, int64_t numHeads,
                                         const std::string& source);

  // Sizes that the relative-position arithmetic cannot use (buckets past the distance range...). The
  // ContextPooler's settings are checked where that head is built.
  Status validate(int64_t maxPositionEmbeddings, const std::string& source) const;
};

}  // namespace quarry::model
