#pragma once
// Oversampling of the training units (NER sentences, classification documents) that hold rare labels, so
// that a label seen in 20 sentences is not drowned by one seen in 2,000: a unit whose rarest label was
// seen in c units, the most frequent label in c_max, is trained on round((c_max / c)^power) times in all
// (at most kMaxOversampling), every epoch. power 0 = off, 1 = every label about as often as the most
// frequent, 0.5 between (as temperature sampling does). Units without a label are left as they are.

#include <cstdint>
#include <vector>

namespace quarry::train {

inline constexpr int kMaxOversampling = 10;

// Per unit, how many EXTRA copies to train on; unitLabels[u] = the label ids (0 .. labelCount-1) unit u holds.
std::vector<int> oversamplingCopies(const std::vector<std::vector<int32_t>>& unitLabels, int32_t labelCount,
                                    double power);

}  // namespace quarry::train
