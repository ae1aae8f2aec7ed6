#include "quality/LeakageCheck.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "quality/TextFingerprint.h"
#include "text/SentenceSplitter.h"
#include "text/Unicode.h"

namespace quarry::quality {

namespace unicode = quarry::text::unicode;

std::vector<std::vector<int32_t>> duplicateGroups(int32_t count, const std::vector<SimilarPair>& pairs) {
  std::vector<int32_t> parent(static_cast<size_t>(std::max(0, count)));
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](int32_t x) {
    while (parent[static_cast<size_t>(x)] != x) {
      parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
      x = parent[static_cast<size_t>(x)];
    }
    return x;
  };
  for (const SimilarPair& p : pairs) {
    const int32_t a = root(p.first), b = root(p.second);
    if (a != b) parent[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
  }
  std::unordered_map<int32_t, size_t> indexOfRoot;
  std::vector<std::vector<int32_t>> groups;
  std::vector<int32_t> sizes(parent.size(), 0);
  for (int32_t i = 0; i < count; ++i) ++sizes[static_cast<size_t>(root(i))];
  for (int32_t i = 0; i < count; ++i) {
    const int32_t r = root(i);
    if (sizes[static_cast<size_t>(r)] < 2) continue;
    auto [it, isNew] = indexOfRoot.try_emplace(r, groups.size());
    if (isNew) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;  // members ascend, and groups are ordered by first member, since i ascends
}

LeakageReport checkLeakage(const std::vector<std::string_view>& texts, const std::vector<std::string>& splits,
                           const LeakageOptions& options) {
  LeakageReport report;
  const int32_t n = static_cast<int32_t>(texts.size());
  std::vector<int32_t> splitOf(static_cast<size_t>(n), 0);
  std::unordered_map<std::string, int32_t> splitIndex;
  for (int32_t i = 0; i < n; ++i) {
    const std::string& name = i < static_cast<int32_t>(splits.size()) ? splits[static_cast<size_t>(i)] : std::string();
    auto [it, isNew] = splitIndex.try_emplace(name, static_cast<int32_t>(report.splits.size()));
    if (isNew) report.splits.push_back(SplitLeakage{name});
    splitOf[static_cast<size_t>(i)] = it->second;
  }

  NearDuplicateOptions near = options.near;
  near.minWords = options.minWords;
  NearDuplicateFinder finder(near);
  for (std::string_view text : texts) finder.add(text);
  for (int32_t i = 0; i < n; ++i) {
    SplitLeakage& s = report.splits[static_cast<size_t>(splitOf[static_cast<size_t>(i)])];
    ++s.documents;
    if (finder.compared(i)) ++s.compared;
  }
  const std::vector<SimilarPair> all = finder.pairs();
  report.bands = finder.bands();
  report.candidates = finder.lastCandidateCount();
  report.groups = duplicateGroups(n, all);
  std::vector<char> leaked(static_cast<size_t>(n), 0), exactLeaked(static_cast<size_t>(n), 0);
  for (const SimilarPair& p : all) {
    if (splitOf[static_cast<size_t>(p.first)] == splitOf[static_cast<size_t>(p.second)]) {
      ++report.withinSplitPairs;
      continue;
    }
    report.crossSplit.push_back(p);
    leaked[static_cast<size_t>(p.first)] = leaked[static_cast<size_t>(p.second)] = 1;
    if (p.identical) exactLeaked[static_cast<size_t>(p.first)] = exactLeaked[static_cast<size_t>(p.second)] = 1;
  }
  for (int32_t i = 0; i < n; ++i) {
    SplitLeakage& s = report.splits[static_cast<size_t>(splitOf[static_cast<size_t>(i)])];
    s.leakedDocuments += leaked[static_cast<size_t>(i)];
    s.exactLeaked += exactLeaked[static_cast<size_t>(i)];
  }
  if (!options.sentences) return report;

  // Sentences: word sequences of each sentence, grouped by hash.
  struct Seen {
    std::vector<DuplicateSentence::Occurrence> occurrences;
    bool crossSplit = false;  // some occurrence's split differs from the first's
  };
  std::unordered_map<uint64_t, Seen> seen;
  std::vector<std::vector<uint64_t>> sentenceHashes(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) {
    const std::vector<char32_t> cps = unicode::decodeUtf8(texts[static_cast<size_t>(i)]).cps;
    const std::vector<HashedWord> words = hashedWords(texts[static_cast<size_t>(i)]);
    const std::vector<text::Span> sentences =
        text::splitSentences(std::u32string_view(cps.data(), cps.size()), text::SentenceSplitOptions{}, {});
    size_t w = 0;
    for (const text::Span& sentence : sentences) {
      while (w < words.size() && words[w].start < sentence.start) ++w;
      size_t e = w;
      while (e < words.size() && words[e].end <= sentence.end) ++e;
      if (static_cast<int>(e - w) >= options.minWords) {
        const uint64_t hash = sequenceHash(words.data() + w, e - w);
        Seen& s = seen[hash];
        const int32_t split = splitOf[static_cast<size_t>(i)];
        if (!s.occurrences.empty() && splitOf[static_cast<size_t>(s.occurrences.front().document)] != split)
          s.crossSplit = true;
        s.occurrences.push_back({i, sentence.start, sentence.end});
        sentenceHashes[static_cast<size_t>(i)].push_back(hash);
        ++report.splits[static_cast<size_t>(split)].sentences;
      }
      w = e;
    }
  }
  for (int32_t i = 0; i < n; ++i)
    for (uint64_t hash : sentenceHashes[static_cast<size_t>(i)])
      if (seen[hash].crossSplit) ++report.splits[static_cast<size_t>(splitOf[static_cast<size_t>(i)])].leakedSentences;
  for (auto& [hash, s] : seen) {
    if (!s.crossSplit) continue;
    DuplicateSentence d;
    const auto& first = s.occurrences.front();
    const unicode::DecodedText decoded = unicode::decodeUtf8(texts[static_cast<size_t>(first.document)]);
    d.text = std::string(decoded.slice(texts[static_cast<size_t>(first.document)], first.start, first.end));
    d.occurrences = std::move(s.occurrences);
    report.sentences.push_back(std::move(d));
  }
  std::sort(report.sentences.begin(), report.sentences.end(), [](const DuplicateSentence& a, const DuplicateSentence& b) {
    if (a.occurrences.size() != b.occurrences.size()) return a.occurrences.size() > b.occurrences.size();
    const auto& x = a.occurrences.front();
    const auto& y = b.occurrences.front();
    return x.document != y.document ? x.document < y.document : x.start < y.start;
  });
  return report;
}

}  // namespace quarry::quality
