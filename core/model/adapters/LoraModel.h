#pragma once
// A transformer model with LoRA layers (or a tuned prefix) (made through loraLinearFactory) as a whole: its
// adapted layers, which of its parameters train, and the plain tensors it merges into.

#include <string>
#include <vector>

#include "model/adapters/LoraLinear.h"
#include "model/checkpoint/StateDict.h"
#include "model/encoder/TransformerModel.h"

namespace quarry::model {

// The model's LoRA layers in registration order; empty for a plain model.
std::vector<LoraLinearImpl*> loraLayers(const TransformerModelImpl& model);

// Whether a state-dict name is an adapter tensor ("....lora_A.weight" / "....lora_B.weight").
bool isLoraTensorName(const std::string& name);
// A LoRA adapter tensor or prefix tuning's table (model/encoder/PrefixEncoder.h): the tensors a plain
// Hugging Face folder of the model does not have.
bool isAdapterTensorName(const std::string& name);

// The modules trained whole beside the adapters, as PEFT's modules_to_save names them: the head's
// top-level modules ("classifier", "qa_outputs", DeBERTa's "pooler") and a BERT pooler ("pooler"), which
// a base without one (a masked-LM checkpoint) leaves random. Empty for a bare encoder.
std::vector<std::string> loraHeadModules(const TransformerModelImpl& model);

// Whether the parameter `name` (a state-dict name) belongs to loraHeadModules.
bool isLoraHeadParameter(const TransformerModelImpl& model, const std::string& name);

// Freezes (requires_grad false) every parameter except the adapters' (LoRA's, the prefix) and those of
// loraHeadModules.
void freezeForAdapters(TransformerModelImpl& model);

// The model's state dict (CPU) as a plain model of the same function holds it: each LoRA layer's weight
// merged (W + scaling · B @ A) and no adapter tensors (a prefix cannot be merged: it is left out). The same
// as stateDict() for a plain model.
StateDict mergedStateDict(const TransformerModelImpl& model);

// Of `weights` (a state dict with adapter tensors), the unmerged base tensors of the adapted layers
// ("<path>.weight", "<path>.bias" for each "<path>.lora_A.weight"), on the CPU.
StateDict loraBaseTensors(const StateDict& weights);

}  // namespace quarry::model
