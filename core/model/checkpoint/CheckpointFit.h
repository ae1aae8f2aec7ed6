#pragma once
// Whether the sizes a config.json gives match the tensors a checkpoint holds, checked before a model of
// that config is allocated: a config whose hidden_size or num_hidden_layers is absurd is refused by
// the tensor that contradicts it, not by an allocation failure.

#include <string>

#include "common/Error.h"
#include "model/encoder/EncoderConfig.h"
#include "model/checkpoint/StateDict.h"

namespace quarry::model {

struct CheckpointFitOptions {
  std::string configFile;   // config.json, named in errors about a size field
  std::string weightsFile;  // the weights file, named in errors about a tensor
  bool requireAll = false;  // every size-giving tensor must be present (a folder Quarry wrote);
                            // false: absent ones are skipped, as transformers initialises them anew
};

// Checks, against the checkpoint tensors (names with or without the family prefix "bert." ...): the word
// embedding [vocab_size, width], the position table [max_position_embeddings, width], the segment table
// [type_vocab_size, width] (DeBERTa: each only when the config has it), ELECTRA's embeddings_project /
// DeBERTa's embed_proj [hidden_size, embedding_size], DeBERTa's rel_embeddings, the first layer's
// query [hidden, hidden] and feed-forward input [intermediate_size, hidden], and that the checkpoint
// holds layers 0..num_hidden_layers-1 when it holds any. A shape that disagrees is an Error naming the
// weights file and the tensor (the message names the config field); a layer count that disagrees names
// config.json and num_hidden_layers.
Status checkCheckpointFitsConfig(const EncoderConfig& config, const StateDict& weights,
                                 const CheckpointFitOptions& options);

}  // namespace quarry::model
