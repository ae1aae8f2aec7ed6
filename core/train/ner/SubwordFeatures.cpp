#include "train/ner/SubwordFeatures.h"

#include <algorithm>
#include <cstring>

#include "common/Log.h"

namespace quarry::train {

namespace {

struct Template {
  std::vector<const text::TemplateItem*> prefix, suffix;  // specials before / after the sentence
  int64_t sequenceType = 0;                               // type id of the sentence's tokens
};

Template splitTemplate(const text::Tokenizer& tokenizer) {
  Template t;
  bool afterSequence = false;
  for (const auto& item : tokenizer.postTemplate().single) {
    if (item.kind == text::TemplateItem::Kind::SequenceA) {
      afterSequence = true;
      t.sequenceType = item.typeId;
    } else if (item.kind == text::TemplateItem::Kind::Special) {
      (afterSequence ? t.suffix : t.prefix).push_back(&item);
    }
  }
  return t;
}

// Token ranges [start, end) of the windows over n tokens; cuts fall where a new word starts whenever the
// window still holds a token.
std::vector<std::pair<int32_t, int32_t>> windowRanges(const std::vector<int32_t>& wordIds, int32_t capacity,
                                                      int32_t stride) {
  const int32_t n = static_cast<int32_t>(wordIds.size());
  auto wordStart = [&](int32_t k) {
    return k <= 0 || k >= n || wordIds[static_cast<size_t>(k)] != wordIds[static_cast<size_t>(k - 1)];
  };
  stride = std::clamp(stride, 0, capacity - 1);
  std::vector<std::pair<int32_t, int32_t>> out;
  int32_t start = 0;
  while (true) {
    int32_t end = std::min(n, start + capacity);
    if (end < n) {
      int32_t e = end;
      while (e > start && !wordStart(e)) --e;
      if (e > start) end = e;
    }
    out.emplace_back(start, end);
    if (end >= n) break;
    int32_t next = std::max(end - stride, start + 1);
    if (!wordStart(next)) {
      int32_t back = next;
      while (back > start + 1 && !wordStart(back)) --back;
      if (wordStart(back) && back > start) {
        next = back;
      } else {
        while (next < end && !wordStart(next)) ++next;
      }
    }
    start = next;
  }
  return out;
}

}  // namespace

std::vector<SubwordWindow> buildSubwordWindows(const std::vector<SentenceExample>& sentences,
                                               const text::Tokenizer& tokenizer, int maxLength, int stride,
                                               int* wordsWithoutTokens) {
  const Template tmpl = splitTemplate(tokenizer);
  const int32_t specials = static_cast<int32_t>(tmpl.prefix.size() + tmpl.suffix.size());
  int32_t capacity = maxLength - specials;
  if (capacity < 1) {
    quarry::log::get("train")->warn("maxLength {} leaves no room for tokens beside {} specials; using 1",
                                    maxLength, specials);
    capacity = 1;
  }
  text::EncodeOptions plain;
  plain.addSpecialTokens = false;
  int missing = 0;
  std::vector<SubwordWindow> out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const SentenceExample& ex = sentences[s];
    const size_t numWords = ex.words.size();
    const bool labelled = ex.tags.size() == numWords && numWords > 0;
    const text::Encoding enc = tokenizer.encodeWords(ex.words, plain);
    // First and one-past-last token of each word (a word's tokens are contiguous).
    std::vector<int32_t> first(numWords, -1), last(numWords, -1);
    for (int32_t k = 0; k < static_cast<int32_t>(enc.size()); ++k) {
      const int32_t w = enc.wordIds[static_cast<size_t>(k)];
      if (w < 0 || static_cast<size_t>(w) >= numWords) continue;
      if (first[static_cast<size_t>(w)] < 0) first[static_cast<size_t>(w)] = k;
      last[static_cast<size_t>(w)] = k + 1;
    }
    missing += static_cast<int>(std::count(first.begin(), first.end(), -1));

    const auto ranges = windowRanges(enc.wordIds, capacity, stride);
    std::vector<int32_t> owner(numWords, -1);
    for (size_t w = 0; w < numWords; ++w) {
      if (first[w] < 0) continue;
      int64_t best = -2;
      for (size_t r = 0; r < ranges.size(); ++r) {
        const auto [a, b] = ranges[r];
        int64_t score = -2;  // does not hold the word's first token
        if (a <= first[w] && last[w] <= b)
          score = std::min(first[w] - a, b - last[w]);
        else if (a <= first[w] && first[w] < b)
          score = -1;  // holds its start only (a word longer than a window)
        if (score > best) {
          best = score;
          owner[w] = static_cast<int32_t>(r);
        }
      }
    }

    for (size_t r = 0; r < ranges.size(); ++r) {
      const auto [a, b] = ranges[r];
      SubwordWindow win;
      win.sentence = static_cast<int32_t>(s);
      const size_t len = tmpl.prefix.size() + static_cast<size_t>(b - a) + tmpl.suffix.size();
      win.ids.reserve(len);
      auto pushSpecial = [&win](const text::TemplateItem* item) {
        win.ids.push_back(item->id);
        win.typeIds.push_back(item->typeId);
        win.wordIndex.push_back(-1);
        win.firstOfWord.push_back(0);
        win.labels.push_back(kIgnoreLabel);
      };
      for (const auto* item : tmpl.prefix) pushSpecial(item);
      for (int32_t k = a; k < b; ++k) {
        const int32_t w = enc.wordIds[static_cast<size_t>(k)];
        const bool isFirst = w >= 0 && first[static_cast<size_t>(w)] == k;
        win.ids.push_back(enc.ids[static_cast<size_t>(k)]);
        win.typeIds.push_back(tmpl.sequenceType);
        win.wordIndex.push_back(w);
        win.firstOfWord.push_back(isFirst ? 1 : 0);
        const bool owned = isFirst && owner[static_cast<size_t>(w)] == static_cast<int32_t>(r);
        win.labels.push_back(owned && labelled ? ex.tags[static_cast<size_t>(w)] : kIgnoreLabel);
      }
      for (const auto* item : tmpl.suffix) pushSpecial(item);
      win.owns.assign(numWords, 0);
      for (size_t w = 0; w < numWords; ++w) win.owns[w] = owner[w] == static_cast<int32_t>(r) ? 1 : 0;
      out.push_back(std::move(win));
    }
  }
  if (wordsWithoutTokens) *wordsWithoutTokens = missing;
  return out;
}

int64_t mergeWindowScores(const std::vector<SubwordWindow>& windows,
                          const std::vector<const float*>& windowScores, int32_t width,
                          const std::vector<float*>& sentenceScores) {
  int64_t written = 0;
  const size_t rowBytes = static_cast<size_t>(std::max(width, 0)) * sizeof(float);
  for (size_t w = 0; w < windows.size() && w < windowScores.size(); ++w) {
    const SubwordWindow& win = windows[w];
    if (!windowScores[w] || win.sentence < 0 || static_cast<size_t>(win.sentence) >= sentenceScores.size())
      continue;
    float* dest = sentenceScores[static_cast<size_t>(win.sentence)];
    if (!dest) continue;
    for (size_t p = 0; p < win.ids.size(); ++p) {
      const int32_t word = win.wordIndex[p];
      if (!win.firstOfWord[p] || word < 0 || static_cast<size_t>(word) >= win.owns.size() ||
          !win.owns[static_cast<size_t>(word)])
        continue;
      std::memcpy(dest + static_cast<size_t>(word) * static_cast<size_t>(width),
                  windowScores[w] + p * static_cast<size_t>(width), rowBytes);
      ++written;
    }
  }
  return written;
}

}  // namespace quarry::train
