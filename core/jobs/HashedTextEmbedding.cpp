#include "jobs/HashedTextEmbedding.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace quarry::jobs {
namespace {

size_t bucketOf(const QString& word, size_t dimensions) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : word.toUtf8()) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return static_cast<size_t>(h % dimensions);
}

// Word counts per bucket of one text.
std::vector<float> countsOf(const QString& text, size_t dimensions) {
  std::vector<float> counts(dimensions, 0.0f);
  QString word;
  auto flush = [&] {
    if (!word.isEmpty()) counts[bucketOf(word.toCaseFolded(), dimensions)] += 1.0f;
    word.clear();
  };
  for (QChar c : text) {
    if (c.isLetterOrNumber() || c.isMark())
      word += c;
    else
      flush();
  }
  flush();
  return counts;
}

}  // namespace

std::vector<std::vector<float>> hashedTextEmbeddings(const QStringList& texts, int dimensions) {
  const size_t dims = static_cast<size_t>(std::max(1, dimensions));
  std::vector<std::vector<float>> out;
  out.reserve(static_cast<size_t>(texts.size()));
  std::vector<double> df(dims, 0.0);
  for (const QString& t : texts) {
    out.push_back(countsOf(t, dims));
    for (size_t b = 0; b < dims; ++b) df[b] += out.back()[b] > 0 ? 1.0 : 0.0;
  }
  const double n = static_cast<double>(texts.size());
  for (std::vector<float>& v : out) {
    double norm = 0;
    for (size_t b = 0; b < dims; ++b) {
      v[b] = static_cast<float>(v[b] * (std::log((1.0 + n) / (1.0 + df[b])) + 1.0));
      norm += double(v[b]) * v[b];
    }
    if (norm > 0)
      for (float& x : v) x = static_cast<float>(x / std::sqrt(norm));
  }
  return out;
}

}  // namespace quarry::jobs
