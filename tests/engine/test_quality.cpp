// core/quality: text fingerprints, MinHash and banding, near-duplicate recall against brute force on
// generated near duplicates, split leakage and the group-aware split on hand-made splits, and label
// consistency on hand-made documents.

#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "EngineCheck.h"
#include "quality/DriftCheck.h"
#include "quality/GroupSplit.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"
#include "quality/MinHash.h"
#include "quality/NearDuplicateFinder.h"
#include "quality/TextFingerprint.h"

using namespace quarry::quality;
using quarry::document::AnnotatedDocument;
using quarry::document::ConceptRelation;
using quarry::document::EntityMention;
using quarry::document::RelationMention;

namespace {

void expectText(const std::string& actual, const std::string& expected, const std::string& what) {
  if (actual != expected) std::printf("  expected: %s\n  actual:   %s\n", expected.c_str(), actual.c_str());
  EXPECT(actual == expected, what);
}

// ---------------------------------------------------------------- fingerprints

void fingerprints() {
  const auto a = hashedWords("The  patient, aged 54, was SEEN.");
  const auto b = hashedWords("the patient aged 54 was seen");
  EXPECT(a.size() == 6, "six words: punctuation separates, is not a word");
  EXPECT(sequenceHash(a) == sequenceHash(b), "case, punctuation and whitespace do not change the sequence");
  EXPECT(sequenceHash(hashedWords("patient the aged 54 was seen")) != sequenceHash(b), "order does");
  EXPECT(a[1].start == 5 && a[1].end == 12, "word offsets are code points of the text");
  const auto u = hashedWords("ÄRZTIN über");
  EXPECT(u.size() == 2 && u[0].hash == hashedWords("ärztin")[0].hash, "Unicode lower-casing (str.lower())");
  EXPECT(sequenceHash(hashedWords(" , . ")) == 0, "no words, hash 0");

  EXPECT(shingles(b, 3).size() == 4, "6 words give 4 three-word shingles");
  EXPECT(shingles(hashedWords("a b"), 5).size() == 1, "fewer words than the width: one shingle");
  EXPECT(shingles(hashedWords("a b a b a b"), 2).size() == 2, "shingles are a set: 'a b' and 'b a'");
  EXPECT(shingles({}, 3).empty(), "no words, no shingles");

  EXPECT(jaccard({1, 2, 3}, {2, 3, 4}) == 0.5, "J({1,2,3},{2,3,4}) = 2/4");
  EXPECT(jaccard({1, 2}, {3}) == 0.0, "disjoint: 0");
  EXPECT(jaccard({}, {}) == 1.0, "two empty sets: 1");

  expectText(surfaceKey("x  Breast\n  CANCER  y", 1, 18), "breast cancer", "surface key: trimmed, collapsed, folded");
  expectText(surfaceKey("İstanbul", 0, 8), "i̇stanbul", "surface key folds as str.lower() (İ gives two code points)");
}

// ---------------------------------------------------------------- MinHash and banding

void minHashAndBands() {
  std::vector<uint64_t> x, y;
  for (uint64_t v = 0; v < 600; ++v) x.push_back(v * 7919 + 13);
  for (uint64_t v = 300; v < 900; ++v) y.push_back(v * 7919 + 13);  // J = 300 / 900
  MinHasher hasher(512, 42);
  const auto sx = hasher.signature(x), sy = hasher.signature(y);
  const double estimate = estimatedJaccard(sx.data(), sy.data(), 512);
  EXPECT(std::fabs(estimate - 1.0 / 3) < 0.06, "512 permutations estimate J = 1/3 within 0.06");
  EXPECT(hasher.signature(x) == sx, "a signature is a function of the set and the seed");
  EXPECT(MinHasher(512, 43).signature(x) != sx, "another seed, other functions");

  const LshBands bands = lshBands(0.8, 128);
  EXPECT(bands.bands * bands.rows <= 128 && bands.bands > 1 && bands.rows > 1, "bands x rows fit the signature");
  EXPECT(candidateProbability(0.8, bands) > 0.97, "a pair at the threshold is proposed with probability > 0.97");
  EXPECT(candidateProbability(0.95, bands) > 0.999, "a pair at 0.95 is nearly always proposed");
  EXPECT(candidateProbability(0.3, bands) < 0.01, "a pair at 0.3 is nearly never proposed");
  const LshBands loose = lshBands(0.5, 128);
  EXPECT(candidateProbability(0.5, loose) >= 0.98 && candidateProbability(0.1, loose) < 0.05,
         "the S-curve follows the threshold (0.5)");
  EXPECT(std::fabs(bands.recallAtThreshold - candidateProbability(0.8, bands)) < 1e-12, "recall at the threshold reported");
  const LshBands strict = lshBands(0.8, 128, 0.999);
  EXPECT(candidateProbability(0.8, strict) >= 0.999 && strict.falsePositiveArea > bands.falsePositiveArea,
         "asking more recall at the threshold costs more false candidates");
}

// ---------------------------------------------------------------- recall on generated near duplicates

std::string randomText(std::mt19937_64& random, int words, int vocabulary) {
  std::string text;
  for (int i = 0; i < words; ++i) text += (i ? " " : "") + ("w" + std::to_string(random() % vocabulary));
  return text;
}

// `text` with `edits` words replaced by fresh ones at random places.
std::string edited(const std::string& text, std::mt19937_64& random, int edits) {
  std::vector<std::string> words;
  size_t from = 0;
  while (from <= text.size()) {
    const size_t at = text.find(' ', from);
    words.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 1;
  }
  for (int e = 0; e < edits; ++e) words[random() % words.size()] = "edit" + std::to_string(random() % 1000000);
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void nearDuplicateRecall() {
  std::mt19937_64 random(7);
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) texts.push_back(randomText(random, 60 + static_cast<int>(random() % 120), 3000));
  for (int i = 0; i < 300; ++i) {  // near duplicates of the first 300, 0 to 6 words changed
    const std::string& base = texts[static_cast<size_t>(i)];
    texts.push_back(edited(base, random, static_cast<int>(random() % 7)));
  }
  texts.push_back(texts[5]);  // an exact copy
  NearDuplicateOptions options;
  options.threshold = 0.7;
  NearDuplicateFinder finder(options);
  std::vector<std::vector<uint64_t>> sets;
  for (const std::string& t : texts) {
    finder.add(t);
    sets.push_back(shingles(hashedWords(t), options.shingleWords));
  }
  std::set<std::pair<int32_t, int32_t>> truth;
  for (size_t i = 0; i < texts.size(); ++i)
    for (size_t j = i + 1; j < texts.size(); ++j)
      if (jaccard(sets[i], sets[j]) >= options.threshold) truth.insert({static_cast<int32_t>(i), static_cast<int32_t>(j)});
  const std::vector<SimilarPair> found = finder.pairs();
  int64_t hits = 0;
  bool allTrue = true, exact = true;
  for (const SimilarPair& p : found) {
    if (truth.count({p.first, p.second})) ++hits;
    else allTrue = false;
    if (std::fabs(p.similarity - jaccard(sets[static_cast<size_t>(p.first)], sets[static_cast<size_t>(p.second)])) > 1e-12)
      exact = false;
  }
  const double recall = truth.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(truth.size());
  std::printf("near duplicates: %zu true pairs at J >= 0.7, %lld found, recall %.4f, %lld candidates\n", truth.size(),
              static_cast<long long>(found.size()), recall, static_cast<long long>(finder.lastCandidateCount()));
  EXPECT(truth.size() > 150, "the generated corpus holds many true pairs");
  EXPECT(recall >= 0.98, "LSH finds at least 98% of the pairs at or above the threshold");
  EXPECT(allTrue, "every reported pair is at or above the threshold (exact re-check)");
  EXPECT(exact, "reported similarities are the exact Jaccard");
  bool copyFound = false;
  for (const SimilarPair& p : found)
    if (p.first == 5 && p.second == static_cast<int32_t>(texts.size()) - 1) copyFound = p.identical && p.similarity == 1.0;
  EXPECT(copyFound, "the exact copy pairs as identical");
  // `wanted` filters before the re-check.
  const auto onlyFirst = finder.pairs([](int32_t a, int32_t) { return a < 50; });
  EXPECT(!onlyFirst.empty() && onlyFirst.size() < found.size(), "the filter keeps only the pairs asked for");
  for (const SimilarPair& p : onlyFirst) EXPECT(p.first < 50, "a filtered pair starts below 50");
}

// ---------------------------------------------------------------- leakage and group-aware split

const char* kA = "The patient presented with acute abdominal pain radiating to the back and nausea since yesterday evening.";
const char* kA2 = "The patient presented with acute abdominal pain radiating to the back and vomiting since yesterday evening.";
const char* kB = "Aspirin irreversibly inhibits cyclooxygenase enzymes in platelets for their whole lifetime.";
const char* kB2 = "ASPIRIN irreversibly inhibits cyclooxygenase-enzymes in platelets, for their whole lifetime!";
const char* kC = "Methods were standard. Informed consent was obtained from all participants before enrolment. Results were good.";
const char* kD = "A completely different abstract about gene expression in yeast under heat shock conditions.";
const char* kE = "Results were good. Informed consent was obtained from all participants before enrolment. We studied mice.";

void leakage() {
  const std::vector<std::string_view> texts{kA, kB, kC, kA2, kD, kB2, kE, ""};
  const std::vector<std::string> splits{"train", "train", "train", "dev", "dev", "dev", "test", "test"};
  LeakageOptions options;
  options.near.threshold = 0.6;
  options.near.shingleWords = 3;
  const LeakageReport report = checkLeakage(texts, splits, options);
  EXPECT(report.crossSplit.size() == 2, "two pairs cross splits");
  bool nearA = false, exactB = false;
  for (const SimilarPair& p : report.crossSplit) {
    if (p.first == 0 && p.second == 3) nearA = !p.identical && p.similarity >= 0.6 && p.similarity < 1.0;
    if (p.first == 1 && p.second == 5) exactB = p.identical && p.similarity == 1.0;
  }
  EXPECT(nearA, "A and its edit pair as near duplicates across train/dev");
  EXPECT(exactB, "B and its re-cased, re-punctuated copy pair as exact duplicates");
  EXPECT(report.withinSplitPairs == 0, "no pair inside a split");
  EXPECT(report.splits.size() == 3 && report.splits[0].split == "train" && report.splits[2].split == "test",
         "splits in order of appearance");
  EXPECT(report.splits[0].documents == 3 && report.splits[2].documents == 2, "documents per split");
  EXPECT(report.splits[0].compared == 3 && report.splits[2].compared == 1, "compared: the empty one not");
  EXPECT(report.splits[1].leakedDocuments == 2 && report.splits[1].exactLeaked == 1, "dev: two leaked, one exactly");
  EXPECT(report.splits[0].leakedDocuments == 2, "train: two leaked");
  EXPECT(report.groups.size() == 2 && report.groups[0] == std::vector<int32_t>({0, 3}) &&
             report.groups[1] == std::vector<int32_t>({1, 5}),
         "the pairs make two groups");
  // Sentences: the consent sentence (10 words) is in train (C) and test (E); "Results were good." is too short.
  // B's one sentence crosses too (train/dev), and comes first: as many occurrences, an earlier document.
  EXPECT(report.sentences.size() == 2, "two sentences cross splits");
  if (report.sentences.size() == 2) {
    expectText(report.sentences[0].text, kB, "B's sentence");
    expectText(report.sentences[1].text, "Informed consent was obtained from all participants before enrolment.",
               "the duplicate sentence as first written");
    EXPECT(report.sentences[1].occurrences.size() == 2 && report.sentences[1].occurrences[1].document == 6,
           "its occurrences name the documents");
  }
  EXPECT(report.splits[2].leakedSentences == 1 && report.splits[2].sentences == 1, "test: one long sentence, leaked");
  EXPECT(report.splits[1].leakedSentences == 1, "dev: B2's sentence leaked");

  // Short texts take part in nothing: two copies of a three-word text across splits are no leak.
  const LeakageReport shortTexts = checkLeakage({"3 % .", "3 %.", "A long enough sentence of several words here."},
                                                {"train", "dev", "dev"});
  EXPECT(shortTexts.crossSplit.empty() && shortTexts.splits[1].compared == 1, "texts under minWords are not compared");
  LeakageOptions noSentences = options;
  noSentences.sentences = false;
  EXPECT(checkLeakage(texts, splits, noSentences).sentences.empty(), "sentences only when asked");
}

void groupSplit() {
  const std::vector<std::vector<int32_t>> groups{{0, 1, 2}, {3, 4}};
  const std::vector<SplitShare> shares{{"train", 0.6}, {"dev", 0.2}, {"test", 0.2}};
  const auto split = groupAwareSplit(10, groups, shares, 1);
  std::map<std::string, int> counts;
  for (const std::string& s : split) ++counts[s];
  EXPECT(counts["train"] == 6 && counts["dev"] == 2 && counts["test"] == 2, "6 / 2 / 2 documents");
  EXPECT(split[0] == split[1] && split[1] == split[2], "the group of three stays together");
  EXPECT(split[3] == split[4], "the pair stays together");
  EXPECT(groupAwareSplit(10, groups, shares, 1) == split, "the same seed, the same split");
  bool differs = false;
  for (uint64_t seed = 2; seed < 12 && !differs; ++seed) differs = groupAwareSplit(10, groups, shares, seed) != split;
  EXPECT(differs, "other seeds give other splits");
  // A group larger than a split's share still lands whole somewhere.
  const auto big = groupAwareSplit(5, {{0, 1, 2, 3}}, {{"train", 0.5}, {"dev", 0.5}}, 3);
  EXPECT(big[0] == big[1] && big[1] == big[2] && big[2] == big[3] && big[4] != big[0], "a big group whole, the rest elsewhere");
}

// ---------------------------------------------------------------- consistency

const ConsistencyFinding* findingOf(const std::vector<ConsistencyFinding>& findings, const std::string& key) {
  for (const ConsistencyFinding& f : findings)
    if (f.key == key) return &f;
  return nullptr;
}

int64_t countOf(const ConsistencyFinding& f, const std::string& label) {
  for (const auto& [l, n] : f.labels)
    if (l == label) return n;
  return 0;
}

void consistency() {
  std::vector<AnnotatedDocument> docs;
  docs.push_back({"d0", "Breast cancer is a cancer.", {{0, 13, "Disease"}, {19, 25, "Disease"}}});
  docs.push_back({"d1", "Colon Cancer and cancer risk. Cancer again, CANCER not.", {{0, 12, "Disease"}}});
  docs.push_back({"d2", "APC is a gene.", {{0, 3, "Gene"}}});
  docs.push_back({"d3", "The APC mutation.", {{4, 7, "Disease"}}});
  AnnotatedDocument d4{"d4", "Aspirin causes headache.", {{0, 7, "Chemical"}, {15, 23, "Disease"}}};
  d4.relations.push_back({0, 1, "CAUSE"});
  AnnotatedDocument d5{"d5", "Aspirin and headache were noted.", {{0, 7, "Chemical"}, {12, 20, "Disease"}}};
  AnnotatedDocument d6{"d6", "Headache, then aspirin.", {{0, 8, "Disease"}, {15, 22, "Chemical"}}};
  d6.relations.push_back({0, 1, "CAUSE"});
  AnnotatedDocument d7{"d7", "Aspirin helps. Headache later.", {{0, 7, "Chemical"}, {15, 23, "Disease"}}};
  docs.push_back(d4);
  docs.push_back(d5);
  docs.push_back(d6);
  docs.push_back(d7);
  AnnotatedDocument t1{"t1", "Terms apply to all users.", {}};
  t1.labels = {"unfair"};
  AnnotatedDocument t2{"t2", "terms  APPLY to all users!", {}};
  t2.labels = {"fair"};
  AnnotatedDocument t3{"t3", "Terms apply to all users", {}};
  t3.labels = {"unfair"};
  docs.push_back(t1);
  docs.push_back(t2);
  docs.push_back(t3);

  const ConsistencyReport report = checkConsistency(docs);
  const ConsistencyFinding* cancer = findingOf(report.entities, "cancer");
  EXPECT(cancer != nullptr, "'cancer' is annotated once and left once");
  if (cancer) {
    EXPECT(countOf(*cancer, "Disease") == 1 && countOf(*cancer, "none") == 2 && cancer->occurrences.size() == 3,
           "'cancer': Disease in d0, none twice in d1 ('Cancer' too: first letter's case aside; not 'CANCER'; "
           "inside 'Colon Cancer' it is covered)");
    EXPECT(cancer->disagreement == 1, "one occurrence disagrees with the majority (none)");
    const auto& none = cancer->occurrences[1];
    EXPECT(none.document == 1 && none.start == 17 && none.end == 23 && none.label == "none", "the unannotated one, located");
  }
  const ConsistencyFinding* apc = findingOf(report.entities, "apc");
  EXPECT(apc && countOf(*apc, "Gene") == 1 && countOf(*apc, "Disease") == 1, "'APC' as Gene and as Disease");
  EXPECT(apc && apc->labelledTypes() == std::vector<std::string>({"Disease", "Gene"}), "the types involved");
  EXPECT(report.typeConflicts == 1, "one surface with two types");
  EXPECT(findingOf(report.entities, "breast cancer") == nullptr, "consistent surfaces are no finding");
  EXPECT(findingOf(report.entities, "aspirin") == nullptr, "'aspirin' always Chemical");

  const ConsistencyFinding* pair = findingOf(report.relations, "aspirin \u21C4 headache");
  EXPECT(pair != nullptr, "the aspirin/headache pair is labelled inconsistently");
  if (pair) {
    EXPECT(countOf(*pair, "CAUSE") == 1 && countOf(*pair, "CAUSE (reversed)") == 1 && countOf(*pair, "none") == 1,
           "CAUSE in d4, reversed in d6, none in d5; d7 puts them in two sentences");
    EXPECT(pair->labelledTypes() == std::vector<std::string>({"CAUSE"}), "the relation type involved");
  }

  const ConsistencyFinding* terms = report.categories.empty() ? nullptr : &report.categories[0];
  EXPECT(report.categories.size() == 1 && report.textsCompared == 1, "one text repeated, labelled two ways");
  if (terms) {
    EXPECT(countOf(*terms, "unfair") == 2 && countOf(*terms, "fair") == 1 && terms->disagreement == 1,
           "unfair twice, fair once");
    EXPECT(terms->labels.front().first == "unfair", "the most frequent label first");
  }

  ConsistencyOptions noRepeats;
  noRepeats.unannotated = false;
  EXPECT(findingOf(checkConsistency(docs, noRepeats).entities, "cancer") == nullptr,
         "without unannotated repeats only type conflicts remain");

  // Concept-level relations (BC5CDR CID): related in one abstract, both mentioned and unrelated in another.
  AnnotatedDocument c1{"c1", "Cocaine induced seizures.", {{0, 7, "Chemical", "D003042"}, {16, 24, "Disease", "D012640"}}};
  c1.conceptRelations.push_back({"D003042", "D012640", "CID"});
  AnnotatedDocument c2{"c2", "Cocaine users. Seizures were rare.", {{0, 7, "Chemical", "D003042"}, {15, 23, "Disease", "D012640"}}};
  const ConsistencyReport concepts = checkConsistency({c1, c2});
  const ConsistencyFinding* cid = findingOf(concepts.relations, "D003042 \u21C4 D012640");
  EXPECT(cid && countOf(*cid, "CID") == 1 && countOf(*cid, "none") == 1, "concept pair: CID once, unrelated once");
  if (cid) EXPECT(cid->occurrences[1].start == 0 && cid->occurrences[1].tailStart == 15, "located at first mentions");
}

// ---------------------------------------------------------------- drift

void driftMeasures() {
  // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5)
  EXPECT(std::fabs(populationStabilityIndex({0.5, 0.5}, {0.25, 0.75}) - 0.27465307216702745) < 1e-12, "PSI by hand");
  EXPECT(std::fabs(populationStabilityIndex({2, 2}, {1, 3}) - 0.27465307216702745) < 1e-12, "counts are normalised");
  EXPECT(populationStabilityIndex({1, 2, 3}, {1, 2, 3}) == 0.0, "the same distribution: 0");
  EXPECT(populationStabilityIndex({1, 0}, {1, 0}) == 0.0, "empty bins floor at 1e-4 on both sides");
  // Smoothed: {2.5, 0.5} against {1.5, 2.5}, by hand.
  const double e0 = 2.5 / 3, e1 = 0.5 / 3, a0 = 1.5 / 4, a1 = 2.5 / 4;
  EXPECT(std::fabs(smoothedStabilityIndex({2, 0}, {1, 2}) - ((a0 - e0) * std::log(a0 / e0) + (a1 - e1) * std::log(a1 / e1))) < 1e-12,
         "half a count per bin");
  EXPECT(binCounts({1, 2, 3, 4, 10}, {2, 4}) == std::vector<double>({1, 2, 2}), "counts per bin");
  const auto shares = binShares({1, 2, 3, 4, 10}, {2, 4});
  EXPECT(shares.size() == 3 && shares[0] == 0.2 && shares[1] == 0.4 && shares[2] == 0.4, "bins [..2) [2,4) [4..)");
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i);
  const auto edges = decileEdges(values);
  EXPECT(edges.size() == 11 && edges[0] == 1 && edges[1] == 10 && edges[9] == 90 && edges[10] > 100 && edges[10] < 100.001,
         "the minimum, deciles by nearest rank, just above the maximum");
  const auto constant = decileEdges({5, 5, 5, 5});
  EXPECT(constant.size() == 2 && constant[0] == 5 && constant[1] > 5, "a constant: shorter, equal, longer bins");
  const auto outside = binShares({4, 5, 6}, constant);
  EXPECT(outside[0] == outside[1] && outside[1] == outside[2], "one value below, one at, one above the constant");
}

std::string words(std::mt19937_64& random, const std::vector<std::string>& vocabulary, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += (i ? " " : "") + vocabulary[random() % vocabulary.size()];
  return out;
}

void drift() {
  std::mt19937_64 random(11);
  std::vector<std::string> medical, legal;
  for (int i = 0; i < 300; ++i) medical.push_back("med" + std::to_string(i));
  for (int i = 0; i < 300; ++i) legal.push_back("law" + std::to_string(i));
  std::vector<std::string> texts;  // kept alive: ProfiledDocument holds views
  auto make = [&](const std::vector<std::string>& vocabulary, int length, float axis, double confidence,
                  const std::string& label) {
    texts.push_back(words(random, vocabulary, length + static_cast<int>(random() % 10)));
    ProfiledDocument d;
    const float noise = static_cast<float>(random() % 100) / 1000.0f;
    d.embedding = {1.0f - axis + noise, axis, noise};
    d.labels = {label};
    for (int k = 0; k < 5; ++k) d.confidences.push_back(std::min(1.0, confidence + (random() % 10) / 100.0));
    return d;
  };
  texts.reserve(1000);
  std::vector<ProfiledDocument> training, dev, similar, shifted;
  for (int i = 0; i < 200; ++i) training.push_back(make(medical, 20, 0.0f, 0.9, "Disease"));
  for (int i = 0; i < 60; ++i) dev.push_back(make(medical, 20, 0.0f, 0.88, "Disease"));
  for (int i = 0; i < 60; ++i) similar.push_back(make(medical, 20, 0.0f, 0.88, "Disease"));
  for (int i = 0; i < 60; ++i) shifted.push_back(make(legal, 60, 0.9f, 0.45, i % 2 ? "Disease" : "Chemical"));
  auto attach = [&](std::vector<ProfiledDocument>& docs, size_t& next) {
    for (auto& d : docs) d.text = texts[next++];
  };
  size_t next = 0;
  attach(training, next);
  attach(dev, next);
  attach(similar, next);
  attach(shifted, next);

  DriftOptions options;
  options.annotateNext = 5;
  const DriftReport same = checkDrift(training, dev, similar, options);
  EXPECT(!same.drift, "documents like the training data: no drift");
  for (const FeatureDrift& f : same.features) {
    EXPECT(!f.flagged && f.incomingPsi - f.noise < 0.1, "no feature shifts beyond the sampling noise: " + f.feature);
    EXPECT(f.devPsi < 0.3, "dev itself does not shift: " + f.feature);
  }
  // The noise term of "unknown" (2 bins): 1/(dev words) + 1/(incoming words).
  double devWords = 0, inWords = 0;
  for (const auto& d : dev) devWords += static_cast<double>(hashedWords(d.text).size());
  for (const auto& d : similar) inWords += static_cast<double>(hashedWords(d.text).size());
  EXPECT(same.features[1].feature == "unknown" && std::fabs(same.features[1].noise - (1.0 / devWords + 1.0 / inWords)) < 1e-12,
         "noise from the sample sizes: (k - 1)(1/n + 1/m)");
  const DriftReport moved = checkDrift(training, dev, shifted, options);
  EXPECT(moved.drift, "other vocabulary, length, embeddings and confidence: drift");
  std::map<std::string, const FeatureDrift*> byName;
  for (const FeatureDrift& f : moved.features) byName[f.feature] = &f;
  EXPECT(byName.size() == 6, "six features");
  EXPECT(!byName["subtokens"]->available && !byName["subtokens"]->flagged, "no tokenizer pieces given: unavailable");
  for (const char* name : {"length", "unknown", "labels", "confidence", "embedding"})
    EXPECT(byName.count(name) && byName[name]->flagged && byName[name]->major, std::string("flagged, major: ") + name);
  EXPECT(byName["unknown"]->incoming == 1.0 && byName["unknown"]->dev == 0.0, "every word unknown, none on dev");
  EXPECT(byName["length"]->incoming > 60 && byName["length"]->training < 30, "mean lengths");
  EXPECT(moved.lowConfidenceIncoming == 1.0 && moved.lowConfidenceDev <= 0.15, "all incoming documents are unsure");
  EXPECT(moved.annotateNext.size() == 5 && moved.annotateNext[0].score >= moved.annotateNext[4].score,
         "the five least like the training data, ranked");
  EXPECT(moved.trainingDocuments == 200 && moved.devDocuments == 60 && moved.incomingDocuments == 60, "counts");

  // A model without embeddings or confidences: those features are unavailable, never flagged.
  std::vector<ProfiledDocument> bare = shifted;
  for (auto& d : bare) {
    d.embedding.clear();
    d.confidences.clear();
  }
  std::vector<ProfiledDocument> bareTraining = training, bareDev = dev;
  for (auto* v : {&bareTraining, &bareDev})
    for (auto& d : *v) {
      d.embedding.clear();
      d.confidences.clear();
    }
  const DriftReport without = checkDrift(bareTraining, bareDev, bare, options);
  // Tokenizer pieces: 1% unknown in training and dev, 20% incoming: flagged; the same rate: not.
  std::vector<ProfiledDocument> pieced = shifted, piecedTraining = training, piecedDev = dev;
  for (auto* v : {&piecedTraining, &piecedDev})
    for (auto& d : *v) d.subtokens = 100, d.unknownSubtokens = 1;
  for (auto& d : pieced) d.subtokens = 100, d.unknownSubtokens = 20;
  const DriftReport withPieces = checkDrift(piecedTraining, piecedDev, pieced, options);
  const FeatureDrift* subtokens = nullptr;
  for (const FeatureDrift& f : withPieces.features)
    if (f.feature == "subtokens") subtokens = &f;
  EXPECT(subtokens && subtokens->available && subtokens->flagged && std::fabs(subtokens->incoming - 0.2) < 1e-12 &&
             std::fabs(subtokens->training - 0.01) < 1e-12,
         "the tokenizer's unknown rate: 1% in training, 20% incoming, flagged");
  for (auto& d : pieced) d.unknownSubtokens = 1;
  for (const FeatureDrift& f : checkDrift(piecedTraining, piecedDev, pieced, options).features)
    if (f.feature == "subtokens") EXPECT(!f.flagged && f.incomingPsi < 1e-3, "the same rate: no shift (smoothing aside)");
  for (const FeatureDrift& f : without.features)
    if (f.feature == "embedding" || f.feature == "confidence") EXPECT(!f.available && !f.flagged, "unavailable: " + f.feature);
  EXPECT(without.drift, "still flagged by vocabulary and length");
}

}  // namespace

int main() {
  fingerprints();
  minHashAndBands();
  nearDuplicateRecall();
  leakage();
  groupSplit();
  consistency();
  driftMeasures();
  drift();
  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures ? 1 : 0;
}
