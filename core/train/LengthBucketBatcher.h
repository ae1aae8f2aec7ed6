#pragma once
// Batches of similar lengths (little padding) in an order that still changes every epoch.

#include <cstdint>
#include <vector>

namespace quarry::train {

// Groups item indexes 0..lengths.size()-1 into batches; every index appears exactly once.
//  maxBatchItems: items per batch (<= 0: no limit);
//  maxBatchTokens: limit on a batch's padded size, longest length x items (0: no limit); an item longer
//                  than the limit is a batch of its own;
//  shuffle = true: indexes are drawn in a random order, cut into chunks of about 50 batches, sorted by
//                  length inside each chunk and packed, then the batches are shuffled. The result depends
//                  only on (lengths, limits, seed, epoch), on every platform (std::mt19937_64 and our own
//                  Fisher-Yates; std::shuffle differs between standard libraries);
//  shuffle = false: indexes are packed in their original order (evaluation, prediction).
std::vector<std::vector<int32_t>> makeBatches(const std::vector<int32_t>& lengths, int maxBatchItems,
                                              int maxBatchTokens, uint64_t seed, int epoch, bool shuffle);

}  // namespace quarry::train
