#include "text/Bm25Index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "text/Unicode.h"

namespace quarry::text {

Bm25Index::Bm25Index(const std::vector<std::vector<std::string>>& documents, Bm25Options options)
    : m_options(options) {
  size_t total = 0;
  for (const std::vector<std::string>& d : documents) {
    std::unordered_map<std::string, int> counts;
    for (const std::string& t : d) ++counts[t];
    for (const auto& entry : counts) ++m_documentFrequency[entry.first];
    m_termCounts.push_back(std::move(counts));
    m_lengths.push_back(d.size());
    total += d.size();
  }
  m_averageLength = documents.empty() ? 0.0 : static_cast<double>(total) / static_cast<double>(documents.size());
}

double Bm25Index::idf(const std::string& term) const {
  auto it = m_documentFrequency.find(term);
  const double n = it == m_documentFrequency.end() ? 0.0 : it->second;
  const double documents = static_cast<double>(m_termCounts.size());
  return std::log(1.0 + (documents - n + 0.5) / (n + 0.5));
}

double Bm25Index::score(const std::vector<std::string>& query, size_t document) const {
  const auto& counts = m_termCounts.at(document);
  const double lengthRatio = m_averageLength > 0 ? static_cast<double>(m_lengths[document]) / m_averageLength : 0.0;
  const double k1 = m_options.k1, b = m_options.b;
  double total = 0;
  for (const std::string& t : query) {
    auto it = counts.find(t);
    if (it == counts.end()) continue;
    const double f = it->second;
    total += idf(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * lengthRatio));
  }
  return total;
}

std::vector<size_t> Bm25Index::top(const std::vector<std::string>& query, size_t k) const {
  std::vector<double> scores(size());
  for (size_t d = 0; d < size(); ++d) scores[d] = score(query, d);
  std::vector<size_t> order(size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  if (k > 0 && k < order.size()) order.resize(k);
  return order;
}

std::vector<std::string> Bm25Index::terms(std::string_view text) {
  unicode::DecodedText decoded = unicode::decodeUtf8(text);
  std::vector<int32_t> origin(decoded.cps.size(), 0);
  unicode::lowerString(decoded.cps, origin);
  std::vector<std::string> out;
  std::string current;
  for (char32_t c : decoded.cps) {
    if (unicode::isLetter(c) || unicode::isNumber(c)) {
      unicode::appendUtf8(current, c);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace quarry::text
