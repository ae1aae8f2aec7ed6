// quarry-cli check leakage: near duplicates across splits, the report, the group-aware re-split.
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <map>

#include "cli/CheckSupport.h"
#include "cli/TaskCommandSupport.h"
#include "eval/SpanContext.h"
#include "jobs/DriftJob.h"
#include "jobs/EngineDocuments.h"
#include "jobs/QualityDocuments.h"
#include "quality/GroupSplit.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"
#include "store/ProjectStore.h"

namespace quarry::cli::check {
namespace {

QJsonObject splitRow(const quality::SplitLeakage& s) {
  return {{QStringLiteral("split"), q(s.split)},
          {QStringLiteral("documents"), static_cast<qint64>(s.documents)},
          {QStringLiteral("compared"), static_cast<qint64>(s.compared)},
          {QStringLiteral("leaked_documents"), static_cast<qint64>(s.leakedDocuments)},
          {QStringLiteral("exact_leaked"), static_cast<qint64>(s.exactLeaked)},
          {QStringLiteral("sentences"), static_cast<qint64>(s.sentences)},
          {QStringLiteral("leaked_sentences"), static_cast<qint64>(s.leakedSentences)}};
}

QString percent(int64_t part, int64_t whole) {
  return whole > 0 ? QString::number(100.0 * static_cast<double>(part) / static_cast<double>(whole), 'f', 1) + QLatin1Char('%')
                   : QStringLiteral("-");
}

}  // namespace

int runLeakage(const QCommandLineParser& parser, CliIo& io, const jobs::QualityDocuments& docs, ProjectStore* store,
               const CheckCommand& self, int examples, bool json) {
  quality::LeakageOptions options;
  auto threshold = readNumber(parser, QStringLiteral("threshold"), 0.8, 0.05, 1.0);
  auto shingle = readCount(parser, QStringLiteral("shingle"), 5, 1, 64);
  auto permutations = readCount(parser, QStringLiteral("permutations"), 128, 16, 1024);
  auto minWords = readCount(parser, QStringLiteral("min-words"), 6, 1, 1000);
  auto seed = readCount(parser, QStringLiteral("seed"), 1, 0, 2147483647);
  for (const Error* e : {threshold ? nullptr : &threshold.error(), shingle ? nullptr : &shingle.error(),
                         permutations ? nullptr : &permutations.error(), minWords ? nullptr : &minWords.error(),
                         seed ? nullptr : &seed.error()})
    if (e) return self.usageError(io, q(e->message));
  options.near.threshold = *threshold;
  options.near.shingleWords = *shingle;
  options.near.permutations = *permutations;
  options.near.seed = static_cast<uint64_t>(*seed);
  options.sentences = !parser.isSet(QStringLiteral("no-sentences"));
  options.minWords = *minWords;
  if (parser.isSet(QStringLiteral("apply")) && !parser.isSet(QStringLiteral("resplit")))
    return self.usageError(io, QStringLiteral("--apply writes a --resplit; give --resplit too"));
  if (parser.isSet(QStringLiteral("apply")) && !store)
    return self.usageError(io, QStringLiteral("--apply writes into a project; --data files are read only"));

  std::vector<std::string_view> texts;
  texts.reserve(docs.documents.size());
  for (const auto& d : docs.documents) texts.emplace_back(d.text);
  QElapsedTimer timer;
  timer.start();
  const quality::LeakageReport report = quality::checkLeakage(texts, docs.splits, options);
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  int64_t exactPairs = 0;
  for (const auto& p : report.crossSplit) exactPairs += p.identical ? 1 : 0;
  std::vector<quality::SimilarPair> pairs = report.crossSplit;
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.similarity > b.similarity; });

  QJsonObject resplit;
  std::vector<std::string> newSplits;
  if (parser.isSet(QStringLiteral("resplit"))) {
    auto shares = jobs::parseSplitShares(parser.value(QStringLiteral("resplit")), docs);
    if (!shares) return self.usageError(io, q(shares.error().message));
    for (const auto& s : *shares) {
      Split parsed;
      if (store && !parseSplit(q(s.split), &parsed))
        return self.usageError(io, QStringLiteral("--resplit: unknown split \"%1\" (train, dev, test, unassigned)").arg(q(s.split)));
    }
    newSplits = quality::groupAwareSplit(static_cast<int32_t>(docs.documents.size()), report.groups, *shares,
                                         static_cast<uint64_t>(*seed));
    std::map<std::string, int64_t> counts;
    int64_t moved = 0;
    for (size_t i = 0; i < newSplits.size(); ++i) {
      ++counts[newSplits[i]];
      moved += newSplits[i] != docs.splits[i] ? 1 : 0;
    }
    QJsonObject countsJson;
    for (const auto& s : *shares) countsJson[q(s.split)] = static_cast<qint64>(counts[s.split]);
    resplit = {{QStringLiteral("seed"), *seed},
               {QStringLiteral("documents"), countsJson},
               {QStringLiteral("groups_kept_whole"), static_cast<qint64>(report.groups.size())},
               {QStringLiteral("moved"), static_cast<qint64>(moved)},
               {QStringLiteral("applied"), false}};
    if (parser.isSet(QStringLiteral("apply"))) {
      const QString annotator = parser.isSet(QStringLiteral("annotator"))
                                    ? parser.value(QStringLiteral("annotator"))
                                    : qEnvironmentVariable("USER", QStringLiteral("quarry-cli"));
      auto applied = jobs::applySplits(*store, docs, newSplits, annotator);
      if (!applied) return self.failWith(io, applied.error());
      resplit[QStringLiteral("applied")] = true;
    }
  }

  if (json) {
    QJsonArray splits, pairRows, sentenceRows;
    for (const auto& s : report.splits) splits.append(splitRow(s));
    for (const auto& p : pairs)
      pairRows.append(QJsonObject{
          {QStringLiteral("similarity"), p.similarity},
          {QStringLiteral("identical"), p.identical},
          {QStringLiteral("first"), QJsonObject{{QStringLiteral("document"), documentName(docs, p.first)},
                                                {QStringLiteral("split"), q(docs.splits[static_cast<size_t>(p.first)])}}},
          {QStringLiteral("second"), QJsonObject{{QStringLiteral("document"), documentName(docs, p.second)},
                                                 {QStringLiteral("split"), q(docs.splits[static_cast<size_t>(p.second)])}}}});
    for (const auto& s : report.sentences) {
      QJsonArray occurrences;
      for (const auto& o : s.occurrences)
        occurrences.append(QJsonObject{{QStringLiteral("document"), documentName(docs, o.document)},
                                       {QStringLiteral("split"), q(docs.splits[static_cast<size_t>(o.document)])},
                                       {QStringLiteral("start"), o.start},
                                       {QStringLiteral("end"), o.end}});
      sentenceRows.append(QJsonObject{{QStringLiteral("text"), q(s.text)}, {QStringLiteral("occurrences"), occurrences}});
    }
    QJsonObject out{{QStringLiteral("check"), QStringLiteral("leakage")},
                    {QStringLiteral("threshold"), options.near.threshold},
                    {QStringLiteral("shingle_words"), options.near.shingleWords},
                    {QStringLiteral("permutations"), options.near.permutations},
                    {QStringLiteral("bands"), report.bands.bands},
                    {QStringLiteral("rows"), report.bands.rows},
                    {QStringLiteral("candidates"), static_cast<qint64>(report.candidates)},
                    {QStringLiteral("seconds"), seconds},
                    {QStringLiteral("splits"), splits},
                    {QStringLiteral("cross_split_pairs"), static_cast<qint64>(report.crossSplit.size())},
                    {QStringLiteral("exact_pairs"), static_cast<qint64>(exactPairs)},
                    {QStringLiteral("within_split_pairs"), static_cast<qint64>(report.withinSplitPairs)},
                    {QStringLiteral("groups"), static_cast<qint64>(report.groups.size())},
                    {QStringLiteral("pairs"), pairRows},
                    {QStringLiteral("sentences"), sentenceRows}};
    if (!resplit.isEmpty()) out[QStringLiteral("resplit")] = resplit;
    io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
  } else {
    io.out << QStringLiteral("leakage: near duplicates at Jaccard >= %1 of %2-word shingles (MinHash %3 = %4 bands x %5 "
                             "rows; %6 candidate pairs checked in %7 s); documents and sentences of %8+ words\n")
                  .arg(options.near.threshold, 0, 'f', 2)
                  .arg(options.near.shingleWords)
                  .arg(options.near.permutations)
                  .arg(report.bands.bands)
                  .arg(report.bands.rows)
                  .arg(report.candidates)
                  .arg(seconds, 0, 'f', 2)
                  .arg(options.minWords);
    io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                  .arg(QStringLiteral("split"), -12)
                  .arg(QStringLiteral("documents"), 10)
                  .arg(QStringLiteral("compared"), 9)
                  .arg(QStringLiteral("leaked"), 16)
                  .arg(QStringLiteral("exact"), 8)
                  .arg(QStringLiteral("sentences"), 10)
                  .arg(QStringLiteral("leaked"), 16);
    for (const auto& s : report.splits)
      io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                    .arg(q(s.split), -12)
                    .arg(s.documents, 10)
                    .arg(s.compared, 9)
                    .arg(QStringLiteral("%1 (%2)").arg(s.leakedDocuments).arg(percent(s.leakedDocuments, s.compared)), 16)
                    .arg(s.exactLeaked, 8)
                    .arg(s.sentences, 10)
                    .arg(QStringLiteral("%1 (%2)").arg(s.leakedSentences).arg(percent(s.leakedSentences, s.sentences)), 16);
    io.out << QStringLiteral("pairs across splits: %1 (%2 exact, %3 near); pairs inside a split: %4; groups of "
                             "duplicates: %5\n")
                  .arg(report.crossSplit.size())
                  .arg(exactPairs)
                  .arg(static_cast<qint64>(report.crossSplit.size()) - exactPairs)
                  .arg(report.withinSplitPairs)
                  .arg(report.groups.size());
    const int shownPairs = std::min<int>(examples, static_cast<int>(pairs.size()));
    if (shownPairs > 0) io.out << QStringLiteral("\nmost similar pairs across splits (%1 of %2):\n").arg(shownPairs).arg(pairs.size());
    for (int k = 0; k < shownPairs; ++k) {
      const auto& p = pairs[static_cast<size_t>(k)];
      io.out << QStringLiteral("  %1%2  %3 %4  ~  %5 %6\n")
                    .arg(p.similarity, 0, 'f', 3)
                    .arg(p.identical ? QStringLiteral(" exact") : QString())
                    .arg(q(docs.splits[static_cast<size_t>(p.first)]), documentName(docs, p.first))
                    .arg(q(docs.splits[static_cast<size_t>(p.second)]), documentName(docs, p.second));
      for (int32_t d : {p.first, p.second})
        io.out << "      " << q(eval::spanContext(docs.documents[static_cast<size_t>(d)].text, 0, 0, 90)).mid(4) << '\n';
    }
    if (options.sentences) {
      const int shown = std::min<int>(examples, static_cast<int>(report.sentences.size()));
      io.out << QStringLiteral("\nsentences in more than one split: %1%2\n")
                    .arg(report.sentences.size())
                    .arg(shown > 0 ? QStringLiteral(" (%1 shown)").arg(shown) : QString());
      for (int k = 0; k < shown; ++k) {
        const auto& s = report.sentences[static_cast<size_t>(k)];
        QStringList where;
        for (const auto& o : s.occurrences)
          if (where.size() < 4) where << q(docs.splits[static_cast<size_t>(o.document)]) + QLatin1Char(':') + documentName(docs, o.document);
        if (s.occurrences.size() > 4) where << QStringLiteral("... %1 in all").arg(s.occurrences.size());
        io.out << QStringLiteral("  %1x \"%2\"\n      %3\n").arg(s.occurrences.size()).arg(q(s.text).left(160), where.join(QStringLiteral(", ")));
      }
    }
    if (!resplit.isEmpty()) {
      QStringList counts;
      const QJsonObject c = resplit.value(QStringLiteral("documents")).toObject();
      for (auto it = c.begin(); it != c.end(); ++it) counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
      io.out << QStringLiteral("\ngroup-aware split (seed %1): %2; %3 groups kept whole; %4 documents move%5\n")
                    .arg(*seed)
                    .arg(counts.join(QStringLiteral(", ")))
                    .arg(report.groups.size())
                    .arg(resplit.value(QStringLiteral("moved")).toInteger())
                    .arg(resplit.value(QStringLiteral("applied")).toBool()
                             ? QStringLiteral(": written to the project")
                             : QStringLiteral(" (not written: add --apply)"));
    }
  }
  io.out.flush();
  const bool found = !report.crossSplit.empty() || !report.sentences.empty();
  return parser.isSet(QStringLiteral("strict")) && found ? kExitFailure : kExitOk;
}

}  // namespace quarry::cli::check
