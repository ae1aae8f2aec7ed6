#pragma once
// Okapi BM25 over a small collection (the windows of one long document), to rank its passages against a
// question before reading them:
//
//   score(q, d) = sum over the query's terms t (repeated terms count again) of
//                 idf(t) * f(t, d) * (k1 + 1) / (f(t, d) + k1 * (1 - b + b * |d| / avgdl))
//   idf(t)      = ln(1 + (N - n(t) + 0.5) / (n(t) + 0.5))   (Lucene's, never negative)
//
// f(t, d) is how often t occurs in d, |d| its term count, avgdl the mean over the N documents, n(t) the
// documents holding t.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quarry::text {

struct Bm25Options {
  double k1 = 1.2;  // term-frequency saturation
  double b = 0.75;  // length normalisation (0 = none)
};

class Bm25Index {
 public:
  explicit Bm25Index(const std::vector<std::vector<std::string>>& documents, Bm25Options options = {});

  size_t size() const { return m_termCounts.size(); }
  double idf(const std::string& term) const;
  double score(const std::vector<std::string>& query, size_t document) const;
  // The indexes of the k best-scoring documents, best first (ties: the earlier document first); k = 0
  // or k >= size(): every document, in that order.
  std::vector<size_t> top(const std::vector<std::string>& query, size_t k) const;

  // The terms of a text: maximal runs of letters and numbers, lower-cased as Python's str.lower().
  static std::vector<std::string> terms(std::string_view text);

 private:
  Bm25Options m_options;
  std::vector<std::unordered_map<std::string, int>> m_termCounts;  // per document
  std::vector<size_t> m_lengths;                                   // terms per document
  std::unordered_map<std::string, int> m_documentFrequency;
  double m_averageLength = 0;
};

}  // namespace quarry::text
