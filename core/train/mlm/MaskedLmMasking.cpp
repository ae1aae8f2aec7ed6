#include "train/mlm/MaskedLmMasking.h"

#include <algorithm>

#include "train/mlm/PretrainingSequences.h"

namespace quarry::train {
namespace {

// splitmix64: a portable generator, so that masks are the same with every standard library.
struct SplitMix {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
};

uint64_t streamSeed(uint64_t seed, int64_t epoch, int64_t item) {
  SplitMix mix{seed};
  uint64_t s = mix.next() ^ static_cast<uint64_t>(epoch) * 0xD6E8FEB86659FD93ull;
  SplitMix second{s};
  return second.next() ^ static_cast<uint64_t>(item) * 0x9E3779B97F4A7C15ull;
}

}  // namespace

Result<MaskVocabulary> MaskVocabulary::of(const text::Tokenizer& tokenizer, const std::string& source) {
  const text::SpecialTokens& special = tokenizer.specialTokens();
  if (!special.maskId)
    return Error("the tokenizer has no mask token ([MASK] or <mask>): it cannot train a masked LM", source, 0,
                 "mask_token");
  MaskVocabulary v;
  v.maskId = *special.maskId;
  std::vector<text::TokenId> specials = special.allIds();
  std::sort(specials.begin(), specials.end());
  for (text::TokenId id = 0; id < tokenizer.vocabSize(); ++id)
    if (!std::binary_search(specials.begin(), specials.end(), id))
      v.replacementIds.push_back(static_cast<int32_t>(id));
  if (v.replacementIds.empty()) v.replacementIds.push_back(static_cast<int32_t>(v.maskId));
  return v;
}

void maskSequence(const int32_t* ids, const uint8_t* flags, size_t n, const MaskingOptions& options,
                  const MaskVocabulary& vocabulary, uint64_t seed, int64_t epoch, int64_t item,
                  int64_t* inputs, int64_t* labels) {
  SplitMix rng{streamSeed(seed, epoch, item)};
  std::vector<uint8_t> chosen(n, 0);
  size_t chosenCount = 0, maskable = 0;
  bool wordChosen = false;
  for (size_t i = 0; i < n; ++i) {
    if (flags[i] & PretrainingSequences::kSpecial) continue;
    ++maskable;
    // A word's draw is made at its first piece (or at each piece without whole-word masking).
    const bool draw = !options.wholeWord || (flags[i] & PretrainingSequences::kWordStart) || i == 0;
    if (draw) wordChosen = rng.uniform() < options.probability;
    if (wordChosen) {
      chosen[i] = 1;
      ++chosenCount;
    }
  }
  if (chosenCount == 0 && maskable > 0) {
    // Nothing chosen: one maskable token (its whole word with wholeWord), picked by the same stream.
    size_t pick = static_cast<size_t>(rng.below(maskable));
    size_t i = 0;
    for (;; ++i)
      if (!(flags[i] & PretrainingSequences::kSpecial) && pick-- == 0) break;
    size_t begin = i, end = i + 1;
    if (options.wholeWord) {
      while (begin > 0 && !(flags[begin] & PretrainingSequences::kWordStart)) --begin;
      while (end < n && !(flags[end] & PretrainingSequences::kWordStart)) ++end;
    }
    for (size_t k = begin; k < end; ++k)
      if (!(flags[k] & PretrainingSequences::kSpecial)) chosen[k] = 1;
  }
  for (size_t i = 0; i < n; ++i) {
    inputs[i] = ids[i];
    labels[i] = kMaskIgnoredLabel;
    if (!chosen[i]) continue;
    labels[i] = ids[i];
    const double r = rng.uniform();
    if (r < 0.8)
      inputs[i] = vocabulary.maskId;
    else if (r < 0.9)
      inputs[i] = vocabulary.replacementIds[static_cast<size_t>(rng.below(vocabulary.replacementIds.size()))];
  }
}

MaskedRows maskedRows(const PretrainingSequences& sequences, const std::vector<int32_t>& items,
                      const std::vector<text::TemplateItem>& layout, const MaskingOptions& options,
                      const MaskVocabulary& vocabulary, uint64_t seed, int64_t epoch) {
  MaskedRows rows;
  rows.ids.resize(items.size());
  rows.types.resize(items.size());
  rows.labels.resize(items.size());
  std::vector<int64_t> maskedIds, maskedLabels;
  for (size_t r = 0; r < items.size(); ++r) {
    const auto s = static_cast<size_t>(items[r]);
    const auto n = static_cast<size_t>(sequences.length(s));
    for (const text::TemplateItem& t : layout) {
      if (t.kind == text::TemplateItem::Kind::Special) {
        rows.ids[r].push_back(t.id);
        rows.types[r].push_back(t.typeId);
        rows.labels[r].push_back(kMaskIgnoredLabel);
      } else if (t.kind == text::TemplateItem::Kind::SequenceA) {
        maskedIds.resize(n);
        maskedLabels.resize(n);
        maskSequence(sequences.idsOf(s), sequences.flagsOf(s), n, options, vocabulary, seed, epoch, items[r],
                     maskedIds.data(), maskedLabels.data());
        rows.ids[r].insert(rows.ids[r].end(), maskedIds.begin(), maskedIds.end());
        rows.types[r].insert(rows.types[r].end(), n, t.typeId);
        rows.labels[r].insert(rows.labels[r].end(), maskedLabels.begin(), maskedLabels.end());
      }
    }
  }
  return rows;
}

}  // namespace quarry::train
