#pragma once
// Stratified k-fold assignment of documents, reproducible on every platform.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"

namespace quarry::eval {

// The fold (0..k-1) of every document, given the entity types each document contains (repeats allowed).
//  - Stratum: a document's rarest type, rarity being the number of documents that contain the type
//    (ties broken by the smaller name); documents without entities form one more stratum.
//  - Each stratum's documents (in input order) are shuffled by Fisher-Yates driven by
//    std::mt19937_64(seed), with unbiased draws by rejection (neither std::shuffle nor
//    std::uniform_int_distribution, whose results differ between standard libraries). Strata are
//    shuffled in the order rarest first (then by name), the entity-less stratum last, with one engine.
//  - The shuffled strata, concatenated in that order, are dealt round-robin: position p goes to fold
//    p % k. So fold sizes differ by at most 1, overall and within every stratum.
// Error (field "k") when k < 2 or k > the number of documents.
Result<std::vector<int>> stratifiedKFold(const std::vector<std::vector<std::string>>& typesPerDocument, int k,
                                         uint64_t seed);

}  // namespace quarry::eval
