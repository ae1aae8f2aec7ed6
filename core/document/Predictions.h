#pragma once
// What the engine gives, for every task: predictions with the model's confidence in each (0..1).
// Offsets count code points of the document text, as in AnnotatedDocument.h.

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::document {

// A predicted entity.
struct PredictedEntity {
  int32_t start = 0;
  int32_t end = 0;
  std::string type;
  double confidence = 0.0;  // see train/NerTagger.h for how it is computed
};

// A predicted relation between two entity mentions of the list the relation model was given (gold
// mentions, or a NER model's predictions in the end-to-end pipeline), by index into that list.
struct PredictedRelation {
  int32_t head = 0;
  int32_t tail = 0;
  std::string type;
  double confidence = 0.0;
};

// A predicted relation between two concepts (document-level relation extraction).
struct PredictedConceptRelation {
  std::string headConcept;
  std::string tailConcept;
  std::string type;
  double confidence = 0.0;
};

// The answer a QA model gives to one question; noAnswer when it judges the text does not answer it.
// Several answers when the question asks for every occurrence (multi-span answers).
struct PredictedAnswer {
  std::string questionId;
  bool noAnswer = false;
  int32_t start = 0;
  int32_t end = 0;
  std::string text;          // the answer's text (empty for noAnswer)
  double confidence = 0.0;
};

// A predicted document category.
struct PredictedLabel {
  std::string label;
  double confidence = 0.0;  // softmax probability (single-label) or sigmoid (multi-label)
};

// Everything a model predicted for one document; a task fills its own part.
struct DocumentPrediction {
  std::string documentId;
  std::vector<PredictedEntity> entities;
  std::vector<PredictedRelation> relations;
  std::vector<PredictedConceptRelation> conceptRelations;
  std::vector<PredictedAnswer> answers;
  std::vector<PredictedLabel> labels;
};

}  // namespace quarry::document
