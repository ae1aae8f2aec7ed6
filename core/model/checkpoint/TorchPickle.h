#pragma once
// The data.pkl of a torch.save'd state dict, read without running anything it names: a small pickle
// machine that knows only what torch.save writes (dicts, tuples, lists, strings, numbers, the tensor
// rebuild call and its storage references) and refuses any other opcode. Values live in one flat arena,
// so nothing recursive runs on them, and nesting and size are bounded, so a hostile file costs at most
// a bounded amount of memory and time.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <c10/core/ScalarType.h>

#include "common/Error.h"

namespace quarry::model {

// One tensor as data.pkl describes it: a view (offset, sizes, strides, in elements) of a storage that
// the archive holds as the entry data/<storageKey>. Nothing here has been checked against that entry.
struct PickledTensor {
  std::string storageKey;             // the storage's record name under data/
  at::ScalarType dtype = at::kFloat;  // from the storage type (torch.FloatStorage, ...)
  std::int64_t storageNumel = 0;      // elements the storage holds, as data.pkl claims
  std::int64_t offset = 0;            // first element of the view
  std::vector<std::int64_t> sizes;    // non-negative
  std::vector<std::int64_t> strides;  // non-negative, as many as sizes
};

struct PickledStateDict {
  std::vector<std::pair<std::string, PickledTensor>> tensors;  // in the dict's order
  std::vector<std::string> notes;                              // entries skipped: not a name, not a tensor
};

struct TorchPickleLimits {
  std::size_t maxBytes = 64u << 20;  // data.pkl of a state dict is ~200 bytes per tensor
  std::size_t maxValues = 4u << 20;  // values created while reading
  int maxDepth = 32;                 // nesting of tuples, lists and dicts (torch.save writes 3-4 levels)
};

// Reads `pickle` (the bytes of data.pkl) as a dict of name -> tensor. Errors name `source` and say at
// which byte reading stopped: an opcode torch.save does not write, a truncated stream, values of the
// wrong kind, nesting or size beyond `limits`, a top level that is not a dict.
Result<PickledStateDict> readStateDictPickle(std::string_view pickle, const std::string& source,
                                             const TorchPickleLimits& limits = {});

}  // namespace quarry::model
