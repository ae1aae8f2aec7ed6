#pragma once
// A cheap document embedding for diversity sampling: hashed bag of words, TF-IDF weighted, L2-normalised.
// Words are runs of letters and digits, case-folded, hashed (FNV-1a over UTF-8, the same on every
// platform) into `dimensions` buckets; a bucket's weight is count x idf, idf = ln((1 + N) / (1 + df)) + 1
// over the documents given (df: documents with a word in that bucket). A text without words gives zeros.

#include <QStringList>
#include <vector>

namespace quarry::jobs {

std::vector<std::vector<float>> hashedTextEmbeddings(const QStringList& texts, int dimensions = 512);

}  // namespace quarry::jobs
