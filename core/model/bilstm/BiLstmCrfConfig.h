#pragma once
// Hyper-parameters of the from-scratch BiLSTM-CNN-CRF tagger (Lample et al. 2016, Ma & Hovy 2016),
// stored as its config.json with "model_type": "quarry-bilstm-crf".

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"

namespace quarry::model {

struct BiLstmCrfConfig {
  static constexpr const char* kModelType = "quarry-bilstm-crf";

  int64_t wordVocab = 0;            // rows of the word table (TaggerVocabulary::wordCount())
  int64_t charVocab = 0;            // rows of the character table (TaggerVocabulary::charCount())
  int64_t numTags = 0;              // CRF states
  int64_t wordDim = 100;            // word embedding width
  int64_t charDim = 30;             // character embedding width
  int64_t charFilters = 50;         // character CNN filters (width of a word's character feature)
  int64_t charKernel = 3;           // character CNN window (odd)
  int64_t casingDim = 8;            // casing-class embedding width
  int64_t lstmHidden = 200;         // LSTM units per direction
  int64_t lstmLayers = 1;           // stacked bidirectional layers
  double dropout = 0.5;             // on the LSTM input, the LSTM output and the character embeddings
  double wordDropout = 0.05;        // training only: probability a word id becomes <unk>
  std::vector<std::string> labels;  // tag names by id; empty or numTags entries

  // The LSTM input width: wordDim + charFilters + casingDim.
  int64_t lstmInput() const { return wordDim + charFilters + casingDim; }

  // Every field under its snake_case key, plus "model_type".
  nlohmann::json toJson() const;
  // The reverse. Missing optional keys keep their defaults; an Error names `fileForErrors` and the
  // key when a value has the wrong type or range or model_type is not kModelType.
  static Result<BiLstmCrfConfig> fromJson(const nlohmann::json& json, const std::string& fileForErrors);
};

}  // namespace quarry::model
