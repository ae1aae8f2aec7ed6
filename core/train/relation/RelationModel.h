#pragma once
// What every relation model is: a TaskModel that reads a candidate pair of mentions in its context with
// typed markers around both (<e1:Type> first </e1:Type> ... <e2:Type> second </e2:Type>) and gives a
// probability for each class (no relation, each type and direction; see RelationClasses). The transformer
// (train/relation/TransformerRelationModel) and the from-scratch CNN (CnnRelationModel) differ in the units
// they read (subword tokens, words) and their network; the marking, batching, loss and prediction are here.

#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "document/AnnotatedDocument.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"
#include "train/relation/RelationCandidates.h"
#include "train/relation/ConceptDictionary.h"
#include "train/relation/RelationClasses.h"

namespace quarry::train {

// How a relation model pairs and decides; saved with the model.
struct RelationSettings {
  int windowSentences = 0;         // see RelationCandidateOptions
  bool conceptLevel = false;       // document-level relations between concept ids
  std::string aggregation = "max"; // concept level: "max" or "logsumexp"
  double threshold = 0;            // see TrainConfig::relationThreshold
  int maxLength = 128;             // units per candidate (specials and markers included)

  static RelationSettings fromConfig(const TrainConfig& config, bool conceptLevel);
  nlohmann::json toJson() const;
  static Result<RelationSettings> fromJson(const nlohmann::json& meta, const std::string& source);
};

// One unit a model reads (a subword token or a word) with its code point span in the document.
struct TextUnit {
  int64_t id = 0;
  int32_t start = 0;
  int32_t end = 0;
};

// The ids of the four markers of a candidate (by its mentions' entity types).
struct PairMarkers {
  int64_t firstStart = 0, firstEnd = 0, secondStart = 0, secondEnd = 0;
};

// A candidate as a model reads it: the context's units with the markers in place, cut to a budget
// around the two mentions.
struct MarkedPair {
  std::vector<int64_t> ids;
  std::vector<int64_t> typeIds;  // segment ids (transformers with a pair template); empty = all 0
  int32_t firstMarker = 0;   // position of the first mention's start marker in ids
  int32_t secondMarker = 0;  // position of the second mention's start marker
};

// `units` are a document's units in text order; the candidate's context units with the markers inserted
// (a marker before the first unit starting at or after the mention's start, the end marker after the
// last unit starting before its end), at most `budget` ids: context is dropped from the far ends first,
// then from the middle between the mentions, then from inside long mentions.
MarkedPair markPair(const std::vector<TextUnit>& units, const RelationCandidate& candidate,
                    const std::vector<document::EntityMention>& mentions, const PairMarkers& markers, int budget);

// Candidates ready for a model: the marked pairs and each one's gold class.
class RelationInputs : public TaskInputs {
 public:
  std::vector<MarkedPair> pairs;
  std::vector<std::vector<int32_t>> labels;  // one class per pair (for the shared classification loss)
  size_t itemCount() const override { return pairs.size(); }
  std::vector<int32_t> itemLengths() const override;
};

class RelationModel : public TaskModel {
 public:
  virtual const RelationClasses& classes() const = 0;
  // The entity types the model has markers for; candidates between other types are not read.
  virtual const std::vector<std::string>& entityTypes() const = 0;
  virtual const RelationSettings& settings() const = 0;
  virtual void setThreshold(double threshold) = 0;

  // The candidates (over documents[c.document] and mentions[c.document]) as the model reads them; those
  // between entity types the model has no markers for are left out.
  std::unique_ptr<RelationInputs> featurize(const std::vector<document::AnnotatedDocument>& documents,
                                            const std::vector<std::vector<document::EntityMention>>& mentions,
                                            const std::vector<RelationCandidate>& candidates) const;

  // Class probabilities of every candidate (eval mode, no gradients; the mode is restored).
  std::vector<std::vector<float>> predict(const RelationInputs& inputs, int batchSize);
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;

  // Whether the model has markers for these types.
  bool knowsTypes(const std::string& first, const std::string& second) const;

  // Concept-level models: how the end-to-end pipeline links a NER model's mentions to concept ids.
  const ConceptDictionary& conceptDictionary() const { return m_dictionary; }
  void setConceptDictionary(ConceptDictionary dictionary) { m_dictionary = std::move(dictionary); }

 protected:
  // concept_dictionary.json in a model folder being written / read (absent when the dictionary is empty).
  Status saveConceptDictionary(const std::string& dir) const;
  Status loadConceptDictionary(const std::string& folder);

  // Logits [items, classes] of the pairs `items`.
  virtual at::Tensor logits(const RelationInputs& inputs, const std::vector<int32_t>& items) = 0;
  // The units of a document's text, in order (subword tokens, words).
  virtual std::vector<TextUnit> unitsOf(const std::string& text) const = 0;
  // The id of the first marker: <e1:T> of entity type k is markerBase() + 4k, then </e1:T>, <e2:T>, </e2:T>.
  virtual int64_t markerBase() const = 0;
  // A candidate as the model reads it (default: markPair within settings().maxLength).
  virtual MarkedPair readPair(const std::vector<TextUnit>& units, const RelationCandidate& candidate,
                              const std::vector<document::EntityMention>& mentions, const PairMarkers& markers) const;

 private:
  ConceptDictionary m_dictionary;
};

// A new relation model for `config` (the CNN or a transformer); the CNN's vocabulary comes from the
// training candidates.
Result<std::unique_ptr<RelationModel>> createRelationModel(const TrainConfig& config, const RelationClasses& classes,
                                                           const std::vector<std::string>& entityTypes,
                                                           const RelationSettings& settings,
                                                           const std::vector<document::AnnotatedDocument>& train,
                                                           const std::vector<RelationCandidate>& trainCandidates);
// A folder written by RelationModel::save.
Result<std::unique_ptr<RelationModel>> loadRelationModel(const std::string& folder);

}  // namespace quarry::train
