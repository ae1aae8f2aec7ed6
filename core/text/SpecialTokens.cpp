#include "text/SpecialTokens.h"

#include <algorithm>

namespace quarry::text {

std::vector<TokenId> SpecialTokens::allIds() const {
  std::vector<TokenId> ids;
  for (const auto& id : {clsId, sepId, padId, unkId, maskId, bosId, eosId})
    if (id) ids.push_back(*id);
  for (const auto& a : added)
    if (a.special) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace quarry::text
