#include "quality/DriftCheck.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_set>

#include "quality/TextFingerprint.h"

namespace quarry::quality {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double mean(const std::vector<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double standardDeviation(const std::vector<double>& v) {
  if (v.size() < 2) return 0.0;
  const double m = mean(v);
  double sum = 0.0;
  for (double x : v) sum += (x - m) * (x - m);
  return std::sqrt(sum / static_cast<double>(v.size() - 1));
}

std::vector<double> wordCounts(const std::vector<ProfiledDocument>& docs) {
  std::vector<double> out;
  for (const auto& d : docs) out.push_back(static_cast<double>(hashedWords(d.text).size()));
  return out;
}

// Per document its share of words unknown to `vocabulary`; and the pooled counts.
std::vector<double> unknownRates(const std::vector<ProfiledDocument>& docs, const std::unordered_set<uint64_t>& vocabulary,
                                 double& unknown, double& known) {
  std::vector<double> out;
  unknown = known = 0.0;
  for (const auto& d : docs) {
    const auto words = hashedWords(d.text);
    double u = 0.0;
    for (const auto& w : words) u += vocabulary.count(w.hash) ? 0.0 : 1.0;
    unknown += u;
    known += static_cast<double>(words.size()) - u;
    out.push_back(words.empty() ? 0.0 : u / static_cast<double>(words.size()));
  }
  return out;
}

// Label counts over `labelOrder` + "(none)" (one per document without any label).
std::vector<double> labelCounts(const std::vector<ProfiledDocument>& docs, const std::vector<std::string>& labelOrder) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < labelOrder.size(); ++i) index[labelOrder[i]] = i;
  std::vector<double> counts(labelOrder.size() + 1, 0.0);
  for (const auto& d : docs) {
    if (d.labels.empty()) counts.back() += 1.0;
    for (const auto& l : d.labels) {
      const auto it = index.find(l);
      if (it != index.end()) counts[it->second] += 1.0;
    }
  }
  return counts;
}

std::vector<double> allConfidences(const std::vector<ProfiledDocument>& docs) {
  std::vector<double> out;
  for (const auto& d : docs) out.insert(out.end(), d.confidences.begin(), d.confidences.end());
  return out;
}

std::vector<double> meanConfidences(const std::vector<ProfiledDocument>& docs) {
  std::vector<double> out;
  for (const auto& d : docs) out.push_back(d.confidences.empty() ? 1.0 : mean(d.confidences));
  return out;
}

// The unit-length mean of the documents' embeddings (empty when none has one).
std::vector<double> meanEmbedding(const std::vector<ProfiledDocument>& docs) {
  std::vector<double> sum;
  for (const auto& d : docs) {
    if (d.embedding.empty()) continue;
    if (sum.empty()) sum.assign(d.embedding.size(), 0.0);
    if (d.embedding.size() != sum.size()) continue;
    for (size_t k = 0; k < sum.size(); ++k) sum[k] += d.embedding[k];
  }
  double norm = 0.0;
  for (double x : sum) norm += x * x;
  norm = std::sqrt(norm);
  if (norm > 0.0)
    for (double& x : sum) x /= norm;
  return sum;
}

// Per document, 1 - cosine(embedding, centre) (NaN without an embedding).
std::vector<double> distances(const std::vector<ProfiledDocument>& docs, const std::vector<double>& centre) {
  std::vector<double> out;
  for (const auto& d : docs) {
    if (d.embedding.size() != centre.size() || centre.empty()) {
      out.push_back(kNan);
      continue;
    }
    double dot = 0.0, norm = 0.0;
    for (size_t k = 0; k < centre.size(); ++k) {
      dot += d.embedding[k] * centre[k];
      norm += static_cast<double>(d.embedding[k]) * d.embedding[k];
    }
    out.push_back(norm > 0.0 ? 1.0 - dot / std::sqrt(norm) : kNan);
  }
  return out;
}

std::vector<double> withoutNan(const std::vector<double>& v) {
  std::vector<double> out;
  for (double x : v)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

double populationStabilityIndex(const std::vector<double>& expected, const std::vector<double>& actual) {
  const double e = std::accumulate(expected.begin(), expected.end(), 0.0);
  const double a = std::accumulate(actual.begin(), actual.end(), 0.0);
  if (e <= 0.0 || a <= 0.0 || expected.size() != actual.size()) return 0.0;
  double psi = 0.0;
  for (size_t k = 0; k < expected.size(); ++k) {
    const double pe = std::max(expected[k] / e, 1e-4), pa = std::max(actual[k] / a, 1e-4);
    psi += (pa - pe) * std::log(pa / pe);
  }
  return psi;
}

double smoothedStabilityIndex(std::vector<double> expectedCounts, std::vector<double> actualCounts) {
  for (double& c : expectedCounts) c += 0.5;
  for (double& c : actualCounts) c += 0.5;
  return populationStabilityIndex(expectedCounts, actualCounts);
}

std::vector<double> binCounts(const std::vector<double>& values, const std::vector<double>& edges) {
  std::vector<double> counts(edges.size() + 1, 0.0);
  for (double v : values) {
    if (std::isnan(v)) continue;
    counts[static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin())] += 1.0;
  }
  return counts;
}

std::vector<double> binShares(const std::vector<double>& values, const std::vector<double>& edges) {
  std::vector<double> counts = binCounts(values, edges);
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  if (total > 0.0)
    for (double& c : counts) c /= total;
  return counts;
}

std::vector<double> decileEdges(std::vector<double> values) {
  values = withoutNan(values);
  std::vector<double> edges;
  if (values.empty()) return edges;
  const double lowest = *std::min_element(values.begin(), values.end());
  const double highest = *std::max_element(values.begin(), values.end());
  edges.push_back(lowest);
  for (int k = 1; k <= 9; ++k) {
    const double edge = percentile(values, k / 10.0);
    if (edge > edges.back()) edges.push_back(edge);
  }
  const double above = std::nextafter(highest, std::numeric_limits<double>::infinity());
  if (above > edges.back()) edges.push_back(above);
  return edges;
}

DriftReport checkDrift(const std::vector<ProfiledDocument>& training, const std::vector<ProfiledDocument>& dev,
                       const std::vector<ProfiledDocument>& incoming, const DriftOptions& options) {
  DriftReport report;
  report.trainingDocuments = static_cast<int64_t>(training.size());
  report.devDocuments = static_cast<int64_t>(dev.size());
  report.incomingDocuments = static_cast<int64_t>(incoming.size());
  // k bins, n expected and m actual values.
  auto finish = [&](FeatureDrift f, size_t k, double n, double m) {
    f.noise = n > 0.0 && m > 0.0 && k > 1 ? static_cast<double>(k - 1) * (1.0 / n + 1.0 / m) : 0.0;
    f.flagged = f.available && f.incomingPsi - f.noise > options.psiThreshold;
    f.major = f.flagged && f.incomingPsi - f.noise > 0.25;
    report.drift = report.drift || f.flagged;
    report.features.push_back(std::move(f));
  };

  // Length.
  const std::vector<double> trainLengths = wordCounts(training), devLengths = wordCounts(dev),
                            inLengths = wordCounts(incoming);
  const std::vector<double> lengthEdges = decileEdges(trainLengths);
  const std::vector<double> lengthExpected = binCounts(trainLengths, lengthEdges);
  finish({"length", "mean words per document", mean(trainLengths), mean(devLengths), mean(inLengths),
          smoothedStabilityIndex(lengthExpected, binCounts(devLengths, lengthEdges)),
          smoothedStabilityIndex(lengthExpected, binCounts(inLengths, lengthEdges)), 0.0, false, true},
         lengthEdges.size() + 1, static_cast<double>(trainLengths.size()), static_cast<double>(inLengths.size()));

  // Unknown words.
  std::unordered_set<uint64_t> vocabulary;
  for (const auto& d : training)
    for (const auto& w : hashedWords(d.text)) vocabulary.insert(w.hash);
  double devUnknown = 0, devKnown = 0, inUnknown = 0, inKnown = 0;
  const std::vector<double> devRates = unknownRates(dev, vocabulary, devUnknown, devKnown);
  const std::vector<double> inRates = unknownRates(incoming, vocabulary, inUnknown, inKnown);
  const std::vector<double> unknownExpected{devKnown, devUnknown};
  auto rate = [](double u, double k) { return u + k > 0.0 ? u / (u + k) : 0.0; };
  finish({"unknown", "share of words unknown to the training vocabulary", 0.0, rate(devUnknown, devKnown),
          rate(inUnknown, inKnown), 0.0, smoothedStabilityIndex(unknownExpected, {inKnown, inUnknown}), 0.0, false, true},
         2, devUnknown + devKnown, inUnknown + inKnown);

  // Unknown sub-word pieces of the model's tokenizer.
  auto pieces = [](const std::vector<ProfiledDocument>& docs, double& unknown, double& known) {
    unknown = known = 0.0;
    for (const auto& d : docs) {
      unknown += static_cast<double>(d.unknownSubtokens);
      known += static_cast<double>(d.subtokens - d.unknownSubtokens);
    }
  };
  double trainUnkPieces = 0, trainPieces = 0, devUnkPieces = 0, devPieces = 0, inUnkPieces = 0, inPieces = 0;
  pieces(training, trainUnkPieces, trainPieces);
  pieces(dev, devUnkPieces, devPieces);
  pieces(incoming, inUnkPieces, inPieces);
  const bool havePieces = trainUnkPieces + trainPieces > 0 && inUnkPieces + inPieces > 0;
  finish({"subtokens", "share of the tokenizer's pieces that are its unknown token", rate(trainUnkPieces, trainPieces),
          rate(devUnkPieces, devPieces), rate(inUnkPieces, inPieces),
          havePieces ? smoothedStabilityIndex({trainPieces, trainUnkPieces}, {devPieces, devUnkPieces}) : 0.0,
          havePieces ? smoothedStabilityIndex({trainPieces, trainUnkPieces}, {inPieces, inUnkPieces}) : 0.0, 0.0, false,
          havePieces},
         2, trainUnkPieces + trainPieces, inUnkPieces + inPieces);

  // Labels predicted.
  std::vector<std::string> labelOrder;
  for (const auto* docs : {&training, &dev, &incoming})
    for (const auto& d : *docs)
      for (const auto& l : d.labels)
        if (std::find(labelOrder.begin(), labelOrder.end(), l) == labelOrder.end()) labelOrder.push_back(l);
  const std::vector<double> devLabels = labelCounts(dev, labelOrder), inLabels = labelCounts(incoming, labelOrder);
  auto labelsPerDocument = [](const std::vector<ProfiledDocument>& docs) {
    double n = 0.0;
    for (const auto& d : docs) n += static_cast<double>(d.labels.size());
    return docs.empty() ? 0.0 : n / static_cast<double>(docs.size());
  };
  finish({"labels", "labels per document (training: gold; dev, incoming: predicted)", labelsPerDocument(training),
          labelsPerDocument(dev), labelsPerDocument(incoming), 0.0, smoothedStabilityIndex(devLabels, inLabels), 0.0,
          false, true},
         devLabels.size(), std::accumulate(devLabels.begin(), devLabels.end(), 0.0),
         std::accumulate(inLabels.begin(), inLabels.end(), 0.0));

  // Confidence.
  const std::vector<double> confidenceEdges{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  const std::vector<double> devConfidences = allConfidences(dev), inConfidences = allConfidences(incoming);
  const bool haveConfidence = !devConfidences.empty() && !inConfidences.empty();
  finish({"confidence", "mean confidence per decision", kNan, mean(devConfidences), mean(inConfidences), 0.0,
          haveConfidence ? smoothedStabilityIndex(binCounts(devConfidences, confidenceEdges),
                                                  binCounts(inConfidences, confidenceEdges))
                         : 0.0,
          0.0, false, haveConfidence},
         confidenceEdges.size() + 1, static_cast<double>(devConfidences.size()), static_cast<double>(inConfidences.size()));

  // Embedding distance to the training centre.
  const std::vector<double> centre = meanEmbedding(training);
  const std::vector<double> trainDistances = distances(training, centre), devDistances = distances(dev, centre),
                            inDistances = distances(incoming, centre);
  const bool haveEmbedding = !centre.empty() && !withoutNan(inDistances).empty();
  const std::vector<double> distanceEdges = decileEdges(trainDistances);
  const std::vector<double> distanceExpected = binCounts(trainDistances, distanceEdges);
  finish({"embedding", "mean cosine distance to the training centre", mean(withoutNan(trainDistances)),
          mean(withoutNan(devDistances)), mean(withoutNan(inDistances)),
          haveEmbedding ? smoothedStabilityIndex(distanceExpected, binCounts(devDistances, distanceEdges)) : 0.0,
          haveEmbedding ? smoothedStabilityIndex(distanceExpected, binCounts(inDistances, distanceEdges)) : 0.0, 0.0,
          false, haveEmbedding},
         distanceEdges.size() + 1, static_cast<double>(withoutNan(trainDistances).size()),
         static_cast<double>(withoutNan(inDistances).size()));

  // Low confidence, and the documents to annotate next.
  const std::vector<double> devMeans = meanConfidences(dev), inMeans = meanConfidences(incoming);
  report.lowConfidenceThreshold = percentile(devMeans, options.lowConfidencePercentile);
  auto shareBelow = [&](const std::vector<double>& v) {
    if (v.empty()) return 0.0;
    return static_cast<double>(std::count_if(v.begin(), v.end(), [&](double x) { return x < report.lowConfidenceThreshold; })) /
           static_cast<double>(v.size());
  };
  report.lowConfidenceDev = shareBelow(devMeans);
  report.lowConfidenceIncoming = shareBelow(inMeans);

  const std::vector<double> devDistanceValues = withoutNan(devDistances);
  const double dm = mean(devDistanceValues), ds = standardDeviation(devDistanceValues);
  const double rm = mean(devRates), rs = standardDeviation(devRates);
  std::vector<double> devDoubt;
  for (double c : devMeans) devDoubt.push_back(1.0 - c);
  const double cm = mean(devDoubt), cs = standardDeviation(devDoubt);
  auto z = [](double x, double m, double s) { return s > 1e-12 ? (x - m) / s : 0.0; };
  std::vector<DocumentDrift> ranked;
  for (size_t i = 0; i < incoming.size(); ++i) {
    DocumentDrift d;
    d.document = static_cast<int32_t>(i);
    d.meanConfidence = inMeans[i];
    d.embeddingDistance = std::isnan(inDistances[i]) ? 0.0 : inDistances[i];
    d.unknownWordRate = inRates[i];
    d.lowConfidence = inMeans[i] < report.lowConfidenceThreshold;
    d.score = (std::isnan(inDistances[i]) ? 0.0 : z(inDistances[i], dm, ds)) + z(inRates[i], rm, rs) +
              z(1.0 - inMeans[i], cm, cs);
    ranked.push_back(d);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const DocumentDrift& a, const DocumentDrift& b) { return a.score > b.score; });
  if (ranked.size() > static_cast<size_t>(std::max(0, options.annotateNext)))
    ranked.resize(static_cast<size_t>(std::max(0, options.annotateNext)));
  report.annotateNext = std::move(ranked);
  return report;
}

}  // namespace quarry::quality
