#pragma once
// A document's embedding as its model sees it, for diversity sampling in active learning (clustering the
// unlabelled pool so that one batch does not hold ten near-identical documents).
//
// A transformer's embedding of a text: the text is read in windows of at most `maxLength` tokens (the
// tokenizer's own windows, no overlap, so every token counts once), each window's last hidden states are
// averaged over its non-special tokens, the text's embedding is the token-weighted mean over its windows,
// L2-normalised. An empty text (no token) gives a zero vector. Nothing trains: eval mode, no gradients,
// the module's mode restored.

#include <string>
#include <vector>

#include <c10/core/Device.h>

namespace quarry::text {
class Tokenizer;
}
namespace quarry::model {
class TransformerModelImpl;
}

namespace quarry::train {

// One row of `hidden` floats per text.
std::vector<std::vector<float>> transformerDocumentEmbeddings(model::TransformerModelImpl& encoder,
                                                              const text::Tokenizer& tokenizer,
                                                              const std::vector<std::string>& texts,
                                                              int maxLength, int batchSize,
                                                              const c10::Device& device);

// `v` scaled to unit length (left as it is when it is all zeros).
void normaliseToUnitLength(std::vector<float>& v);

}  // namespace quarry::train
