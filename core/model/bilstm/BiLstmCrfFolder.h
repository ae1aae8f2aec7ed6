#pragma once
// A BiLSTM-CRF tagger on disk: a folder with config.json (BiLstmCrfConfig, "model_type":
// "quarry-bilstm-crf"), vocab.json (TaggerVocabulary) and model.safetensors (the state dict, float32).

#include <filesystem>
#include <string>

#include "common/Error.h"
#include "model/bilstm/BiLstmCrfConfig.h"
#include "model/bilstm/BiLstmCrfTagger.h"
#include "model/bilstm/TaggerVocabulary.h"

namespace quarry::model {

struct LoadedBiLstmCrf {
  BiLstmCrfConfig config;          // as read from config.json
  TaggerVocabulary vocab;          // as read from vocab.json
  BiLstmCrfTagger model{nullptr};  // weights loaded, on the CPU, in eval mode
};

// Writes the three files into a fresh sibling folder and swaps it in, so `folder` is either the old
// folder or the complete new one. An Error (nothing written) when the config does not match the
// vocabulary or the model.
Status saveBiLstmCrf(const std::string& folder, const BiLstmCrfConfig& config, const TaggerVocabulary& vocab,
                     BiLstmCrfTaggerImpl& model);

// The same three files written into `dir`, an existing folder (e.g. AtomicFolder's staging folder, so that
// callers can add their own files before it is swapped in).
Status writeBiLstmCrfInto(const std::filesystem::path& dir, const BiLstmCrfConfig& config, const TaggerVocabulary& vocab,
                          BiLstmCrfTaggerImpl& model);
// Reads a folder saveBiLstmCrf wrote. Errors name the file and the field or tensor at fault.
Result<LoadedBiLstmCrf> loadBiLstmCrf(const std::string& folder);

}  // namespace quarry::model
