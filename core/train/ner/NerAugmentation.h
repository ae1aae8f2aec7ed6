#pragma once
// Data augmentation for NER training (the options augment_*): extra copies of the training documents in
// which mentions are swapped for other mentions of the same type seen in training (mention replacement)
// and mentions get case variants (lower, UPPER, Title), so that a model learns an entity's context rather
// than a list of names, and does not rely on how a name is written. Only training documents are augmented;
// dev and the originals stay as they are.
//
// A copy is a pure function of (seed, document index, copy): the same options give the same copies, so a
// resumed run trains on the same data. Mentions that overlap another mention are kept as they are (their
// offsets moved with the text around them); relations keep their mention indices; offsets are Unicode code
// points throughout. Case variants use simple (one-to-one) case mapping, so a variant has the mention's
// length in code points.

#include <cstdint>
#include <vector>

#include "document/AnnotatedDocument.h"

namespace quarry::train {

struct NerAugmentationOptions {
  int copies = 0;               // augmented copies of every training document; 0 = off
  double mentionReplace = 0.5;  // chance that a mention is swapped for another surface of its type
  double caseVariant = 0.1;     // chance that a mention is written lower, UPPER or Title case
  uint64_t seed = 42;
};

// The augmented copies of `train` (copies x documents, document by document); their ids are the
// original's with "#aug<k>" appended.
std::vector<document::AnnotatedDocument> augmentNerDocuments(const std::vector<document::AnnotatedDocument>& train,
                                                             const NerAugmentationOptions& options);

}  // namespace quarry::train
