#include "model/bilstm/TaggerBatch.h"

#include <algorithm>
#include <stdexcept>

#include <ATen/ops/empty.h>
#include <ATen/ops/zeros.h>

namespace quarry::model {

TaggerBatch TaggerBatch::to(const at::Device& device) const {
  return {wordIds.to(device), charIds.to(device), casing.to(device), mask.to(device), lengths};
}

TaggerBatch makeTaggerBatch(const TaggerVocabulary& vocab,
                            const std::vector<const std::vector<std::string>*>& sentences, int maxWordChars) {
  if (sentences.empty()) throw std::invalid_argument("makeTaggerBatch: no sentences");
  if (maxWordChars < 1) throw std::invalid_argument("makeTaggerBatch: maxWordChars must be positive");
  const int64_t b = static_cast<int64_t>(sentences.size());
  int64_t w = 0;
  std::vector<std::vector<std::vector<int64_t>>> chars(sentences.size());
  size_t l = 1;
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (!sentences[s] || sentences[s]->empty())
      throw std::invalid_argument("makeTaggerBatch: an empty sentence");
    w = std::max<int64_t>(w, static_cast<int64_t>(sentences[s]->size()));
    for (const auto& word : *sentences[s]) {
      std::vector<int64_t> ids = vocab.charIds(word);
      if (ids.empty()) ids.push_back(TaggerVocabulary::kUnk);
      if (ids.size() > static_cast<size_t>(maxWordChars)) ids.resize(static_cast<size_t>(maxWordChars));
      l = std::max(l, ids.size());
      chars[s].push_back(std::move(ids));
    }
  }
  auto i64 = at::TensorOptions().dtype(at::kLong);
  TaggerBatch batch{at::zeros({b, w}, i64), at::zeros({b, w, static_cast<int64_t>(l)}, i64),
                    at::zeros({b, w}, i64), at::zeros({b, w}, at::TensorOptions().dtype(at::kBool)),
                    at::empty({b}, i64)};
  int64_t* wp = batch.wordIds.data_ptr<int64_t>();
  int64_t* cp = batch.charIds.data_ptr<int64_t>();
  int64_t* kp = batch.casing.data_ptr<int64_t>();
  bool* mp = batch.mask.data_ptr<bool>();
  int64_t* lp = batch.lengths.data_ptr<int64_t>();
  for (int64_t s = 0; s < b; ++s) {
    const auto& sentence = *sentences[static_cast<size_t>(s)];
    lp[s] = static_cast<int64_t>(sentence.size());
    for (size_t i = 0; i < sentence.size(); ++i) {
      const int64_t at = s * w + static_cast<int64_t>(i);
      wp[at] = vocab.wordId(sentence[i]);
      kp[at] = TaggerVocabulary::casingId(sentence[i]);
      mp[at] = true;
      const auto& ids = chars[static_cast<size_t>(s)][i];
      std::copy(ids.begin(), ids.end(), cp + at * static_cast<int64_t>(l));
    }
  }
  return batch;
}

}  // namespace quarry::model
