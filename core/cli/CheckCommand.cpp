#include "cli/CheckCommand.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>
#include <map>

#include "cli/TaskCommandSupport.h"
#include "eval/SpanContext.h"
#include "jobs/DriftJob.h"
#include "jobs/EngineDocuments.h"
#include "jobs/QualityDocuments.h"
#include "quality/GroupSplit.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"

namespace quarry::cli {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// A double option in [low, high], or an Error naming it.
Result<double> readNumber(const QCommandLineParser& parser, const QString& option, double fallback, double low,
                          double high) {
  if (!parser.isSet(option)) return fallback;
  bool ok = false;
  const double value = parser.value(option).toDouble(&ok);
  if (!ok || value < low || value > high)
    return Error("--" + option.toStdString() + " must be a number from " + QString::number(low).toStdString() +
                 " to " + QString::number(high).toStdString() + ", not \"" + parser.value(option).toStdString() + "\"");
  return value;
}

Result<int> readCount(const QCommandLineParser& parser, const QString& option, int fallback, int low, int high) {
  auto value = readNumber(parser, option, fallback, low, high);
  if (!value) return value.error();
  if (*value != static_cast<int>(*value))
    return Error("--" + option.toStdString() + " must be a whole number, not \"" + parser.value(option).toStdString() + "\"");
  return static_cast<int>(*value);
}

std::string contextOf(const jobs::QualityDocuments& docs, int32_t document, int32_t start, int32_t end) {
  return eval::spanContext(docs.documents[static_cast<size_t>(document)].text, start, end, 40);
}

QString documentName(const jobs::QualityDocuments& docs, int32_t document) {
  return q(docs.documents[static_cast<size_t>(document)].id);
}

}  // namespace

void CheckCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("leakage, consistency or drift."));
  parser.addPositionalArgument(QStringLiteral("project"),
                               QStringLiteral("The project file (*.quarry); or give --data files instead."),
                               QStringLiteral("[project]"));
  parser.addOption({QStringLiteral("split"),
                    QStringLiteral("The splits to check, comma-separated (default: train, dev and test; drift: "
                                   "the incoming documents, default unassigned)."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("status"),
                    QStringLiteral("Only documents of these statuses, comma-separated (new, in_progress, done, "
                                   "reviewed; default: all). Consistency is best checked on finished documents."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("data"),
                    QStringLiteral("Instead of a project: a file or folder in any import format as SPLIT=PATH "
                                   "(repeatable; a bare PATH is named after the file). drift: train= and dev= are "
                                   "the model's training and dev documents, every other name incoming ones."),
                    QStringLiteral("split=path")});
  parser.addOption({QStringLiteral("format"), QStringLiteral("The format of the --data files (default: guessed)."),
                    QStringLiteral("format")});
  parser.addOption({QStringLiteral("examples"),
                    QStringLiteral("Findings printed in full, with their occurrences (default 10)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the whole report as one JSON object.")});
  // leakage
  parser.addOption({QStringLiteral("threshold"),
                    QStringLiteral("leakage: Jaccard similarity of word shingles at which two documents are near "
                                   "duplicates (default 0.8)."),
                    QStringLiteral("j")});
  parser.addOption({QStringLiteral("shingle"), QStringLiteral("leakage: words per shingle (default 5)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("permutations"),
                    QStringLiteral("leakage: MinHash signature length (default 128)."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("no-sentences"),
                    QStringLiteral("leakage: do not look for duplicate sentences across splits.")});
  parser.addOption({QStringLiteral("min-words"),
                    QStringLiteral("leakage: documents and sentences of fewer words are not compared (default 6)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("resplit"),
                    QStringLiteral("leakage: propose a group-aware split keeping near duplicates together, in "
                                   "these shares (\"train=0.8,dev=0.1,test=0.1\", or \"current\")."),
                    QStringLiteral("shares")});
  parser.addOption({QStringLiteral("seed"), QStringLiteral("leakage: seed of the re-split and of MinHash (default 1)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("apply"),
                    QStringLiteral("leakage: write the re-split into the project (one transaction).")});
  parser.addOption({QStringLiteral("annotator"),
                    QStringLiteral("Who the re-split is recorded as (default: $USER)."), QStringLiteral("name")});
  parser.addOption({QStringLiteral("strict"),
                    QStringLiteral("Exit with 1 when the check finds anything (for scripts and CI).")});
  // drift
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("drift: the trained model folder (best/) whose training data the incoming "
                                   "documents are compared with."),
                    QStringLiteral("dir")});
  parser.addOption({QStringLiteral("run"),
                    QStringLiteral("drift, with a project: the training run whose model and recorded training and "
                                   "dev documents to compare the unassigned documents with (instead of --model)."),
                    QStringLiteral("id")});
  parser.addOption({QStringLiteral("reference-split"),
                    QStringLiteral("drift: the project split the model trained on (default train)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("dev-split"),
                    QStringLiteral("drift: the project split the model was scored on (default dev)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("max-training"),
                    QStringLiteral("drift: training documents the model embeds, evenly spaced (default 2000)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("psi"),
                    QStringLiteral("drift: population stability index above which a feature has drifted "
                                   "(default 0.1, a moderate shift; 0.25 is a major one)."),
                    QStringLiteral("x")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("drift: CPU threads (default: all cores)."),
                    QStringLiteral("n")});
  // consistency
  parser.addOption({QStringLiteral("min-length"),
                    QStringLiteral("consistency: surfaces shorter than this many characters are not compared "
                                   "(default 2)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("no-unannotated"),
                    QStringLiteral("consistency: compare annotated types only, not unannotated repeats.")});
  parser.addOption({QStringLiteral("mark-intended"),
                    QStringLiteral("consistency: mark a finding as intended, so that later checks hide it: "
                                   "KIND:KEY, KIND entity, relation or category (repeatable; needs a project)."),
                    QStringLiteral("kind:key")});
  parser.addOption({QStringLiteral("unmark"),
                    QStringLiteral("consistency: show a finding marked as intended again (KIND:KEY)."),
                    QStringLiteral("kind:key")});
  parser.addOption({QStringLiteral("all"),
                    QStringLiteral("consistency: also list the findings marked as intended.")});
}

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

QJsonObject findingJson(const quality::ConsistencyFinding& f, const jobs::QualityDocuments& docs) {
  QJsonObject labels;
  for (const auto& [label, count] : f.labels) labels[q(label)] = static_cast<qint64>(count);
  QJsonArray occurrences;
  for (const auto& o : f.occurrences) {
    QJsonObject row{{QStringLiteral("document"), documentName(docs, o.document)},
                    {QStringLiteral("split"), q(docs.splits[static_cast<size_t>(o.document)])},
                    {QStringLiteral("label"), q(o.label)},
                    {QStringLiteral("start"), o.start},
                    {QStringLiteral("end"), o.end}};
    if (!docs.storeIds.isEmpty()) row[QStringLiteral("document_id")] = docs.storeIds[o.document];
    if (o.tailStart >= 0) {
      row[QStringLiteral("tail_start")] = o.tailStart;
      row[QStringLiteral("tail_end")] = o.tailEnd;
    }
    occurrences.append(row);
  }
  QJsonObject guidelines;
  for (const std::string& t : f.labelledTypes()) guidelines[q(t)] = jobs::guidelineOf(docs.schema, q(t));
  return {{QStringLiteral("key"), q(f.key)},
          {QStringLiteral("labels"), labels},
          {QStringLiteral("disagreement"), static_cast<qint64>(f.disagreement)},
          {QStringLiteral("guidelines"), guidelines},
          {QStringLiteral("occurrences"), occurrences}};
}

void printFindings(CliIo& io, const QString& title, const std::vector<quality::ConsistencyFinding>& findings,
                   const jobs::QualityDocuments& docs, int examples) {
  const int shown = std::min<int>(examples, static_cast<int>(findings.size()));
  io.out << QStringLiteral("\n%1: %2 inconsistent%3\n")
                .arg(title)
                .arg(findings.size())
                .arg(shown > 0 ? QStringLiteral(" (%1 shown, most disagreement first)").arg(shown) : QString());
  for (int k = 0; k < shown; ++k) {
    const auto& f = findings[static_cast<size_t>(k)];
    QStringList labels;
    for (const auto& [label, count] : f.labels) labels << QStringLiteral("%1 %2").arg(q(label)).arg(count);
    QString key = q(f.key);
    if (key.size() > 100) key = key.left(100) + QStringLiteral("…");
    io.out << QStringLiteral("  \"%1\": %2 (disagreement %3)\n").arg(key, labels.join(QStringLiteral(", "))).arg(f.disagreement);
    // One occurrence of each label, then more of the minority labels, five at most.
    std::vector<size_t> picks;
    for (const auto& [label, count] : f.labels)
      for (size_t i = 0; i < f.occurrences.size(); ++i)
        if (f.occurrences[i].label == label) {
          picks.push_back(i);
          break;
        }
    for (size_t i = 0; i < f.occurrences.size() && picks.size() < 5; ++i)
      if (f.occurrences[i].label != f.labels.front().first && std::find(picks.begin(), picks.end(), i) == picks.end())
        picks.push_back(i);
    for (size_t i : picks) {
      const auto& o = f.occurrences[i];
      // Both arguments of a relation when they are close, else the head alone.
      const bool both = o.tailStart >= 0 && std::max(o.end, o.tailEnd) - std::min(o.start, o.tailStart) <= 120;
      const int32_t start = both ? std::min(o.start, o.tailStart) : o.start;
      const int32_t end = both ? std::max(o.end, o.tailEnd) : o.end;
      io.out << QStringLiteral("      %1  %2:%3  %4\n")
                    .arg(q(o.label), -14)
                    .arg(q(docs.splits[static_cast<size_t>(o.document)]), documentName(docs, o.document))
                    .arg(q(f.kind == quality::ConsistencyFinding::Kind::Category
                               ? eval::spanContext(docs.documents[static_cast<size_t>(o.document)].text, 0, 0, 70).substr(4)
                               : contextOf(docs, o.document, start, end)));
    }
    for (const std::string& t : f.labelledTypes()) {
      const QString guideline = jobs::guidelineOf(docs.schema, q(t));
      if (!guideline.isEmpty()) io.out << QStringLiteral("      guideline %1: %2\n").arg(q(t), guideline.left(200));
    }
  }
}

QString kindName(quality::ConsistencyFinding::Kind kind) {
  switch (kind) {
    case quality::ConsistencyFinding::Kind::Entity: return QStringLiteral("entity");
    case quality::ConsistencyFinding::Kind::Relation: return QStringLiteral("relation");
    case quality::ConsistencyFinding::Kind::Category: return QStringLiteral("category");
  }
  return {};
}

// Marks and unmarks findings (--mark-intended, --unmark KIND:KEY) in the project.
int applyMarks(const QCommandLineParser& parser, CliIo& io, ProjectStore* store, const CheckCommand& self) {
  const QStringList marks = parser.values(QStringLiteral("mark-intended")), unmarks = parser.values(QStringLiteral("unmark"));
  if (marks.isEmpty() && unmarks.isEmpty()) return kExitOk;
  if (!store) return self.usageError(io, QStringLiteral("--mark-intended and --unmark write into a project"));
  const QString annotator = parser.isSet(QStringLiteral("annotator")) ? parser.value(QStringLiteral("annotator"))
                                                                     : qEnvironmentVariable("USER", QStringLiteral("quarry-cli"));
  for (const QString& item : marks + unmarks) {
    const int colon = item.indexOf(QLatin1Char(':'));
    const QString kind = item.left(colon);
    if (colon <= 0 || (kind != QLatin1String("entity") && kind != QLatin1String("relation") && kind != QLatin1String("category")))
      return self.usageError(io, QStringLiteral("a finding is KIND:KEY with KIND entity, relation or category, not \"%1\"").arg(item));
    const Status s = marks.contains(item) ? store->markFindingIntended(kind, item.mid(colon + 1), annotator)
                                          : store->unmarkFinding(kind, item.mid(colon + 1));
    if (!s) return self.failWith(io, s.error());
  }
  return kExitOk;
}

int runConsistency(const QCommandLineParser& parser, CliIo& io, const jobs::QualityDocuments& docs, ProjectStore* store,
                   const CheckCommand& self, int examples, bool json) {
  if (int marked = applyMarks(parser, io, store, self); marked != kExitOk) return marked;
  quality::ConsistencyOptions options;
  auto minLength = readCount(parser, QStringLiteral("min-length"), 2, 1, 1000);
  if (!minLength) return self.usageError(io, q(minLength.error().message));
  options.minSurfaceLength = *minLength;
  options.unannotated = !parser.isSet(QStringLiteral("no-unannotated"));
  QElapsedTimer timer;
  timer.start();
  quality::ConsistencyReport report = quality::checkConsistency(docs.documents, options);
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  // Findings marked as intended are hidden (--all lists them, marked).
  int64_t hidden = 0;
  QSet<QString> intended[3];
  if (store) {
    const QString kinds[3] = {QStringLiteral("entity"), QStringLiteral("relation"), QStringLiteral("category")};
    for (int k = 0; k < 3; ++k) {
      auto marked = store->intendedFindings(kinds[k]);
      if (!marked) return self.failWith(io, marked.error());
      intended[k] = marked.value();
    }
  }
  const bool all = parser.isSet(QStringLiteral("all"));
  auto isIntended = [&](const quality::ConsistencyFinding& f) {
    return intended[static_cast<int>(f.kind)].contains(q(f.key));
  };
  for (auto* findings : {&report.entities, &report.relations, &report.categories}) {
    if (all) continue;
    const auto before = findings->size();
    findings->erase(std::remove_if(findings->begin(), findings->end(), isIntended), findings->end());
    hidden += static_cast<int64_t>(before - findings->size());
  }
  if (json) {
    auto array = [&](const std::vector<quality::ConsistencyFinding>& findings) {
      QJsonArray a;
      for (const auto& f : findings) {
        QJsonObject row = findingJson(f, docs);
        row[QStringLiteral("kind")] = kindName(f.kind);
        if (isIntended(f)) row[QStringLiteral("intended")] = true;
        a.append(row);
      }
      return a;
    };
    QJsonObject out{{QStringLiteral("check"), QStringLiteral("consistency")},
                    {QStringLiteral("documents"), static_cast<qint64>(docs.documents.size())},
                    {QStringLiteral("seconds"), seconds},
                    {QStringLiteral("surfaces_compared"), static_cast<qint64>(report.surfacesCompared)},
                    {QStringLiteral("type_conflicts"), static_cast<qint64>(report.typeConflicts)},
                    {QStringLiteral("pairs_compared"), static_cast<qint64>(report.pairsCompared)},
                    {QStringLiteral("texts_compared"), static_cast<qint64>(report.textsCompared)},
                    {QStringLiteral("hidden_as_intended"), static_cast<qint64>(hidden)},
                    {QStringLiteral("entities"), array(report.entities)},
                    {QStringLiteral("relations"), array(report.relations)},
                    {QStringLiteral("categories"), array(report.categories)}};
    io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
  } else {
    io.out << QStringLiteral("consistency: %1 documents; %2 entity surfaces, %3 relation argument pairs, %4 repeated "
                             "texts compared in %5 s\n")
                  .arg(docs.documents.size())
                  .arg(report.surfacesCompared)
                  .arg(report.pairsCompared)
                  .arg(report.textsCompared)
                  .arg(seconds, 0, 'f', 2);
    io.out << QStringLiteral("entity surfaces with more than one type: %1; annotated in some places and not in others: %2\n")
                  .arg(report.typeConflicts)
                  .arg(static_cast<qint64>(report.entities.size()) - report.typeConflicts);
    if (hidden > 0) io.out << QStringLiteral("%1 findings marked as intended are hidden (--all lists them)\n").arg(hidden);
    printFindings(io, QStringLiteral("entity surfaces"), report.entities, docs, examples);
    if (report.pairsCompared > 0) printFindings(io, QStringLiteral("relation argument pairs"), report.relations, docs, examples);
    if (report.textsCompared > 0) printFindings(io, QStringLiteral("categories of identical texts"), report.categories, docs, examples);
  }
  io.out.flush();
  const bool found = !report.entities.empty() || !report.relations.empty() || !report.categories.empty();
  return parser.isSet(QStringLiteral("strict")) && found ? kExitFailure : kExitOk;
}

// The project's split `name` (one), or an Error naming the option.
Result<Split> oneSplit(const QCommandLineParser& parser, const QString& option, const QString& fallback) {
  const QString name = parser.isSet(option) ? parser.value(option) : fallback;
  Split s;
  if (!parseSplit(name.trimmed(), &s))
    return Error("unknown split \"" + name.toStdString() + "\" (train, dev, test, unassigned)", "", 0, option.toStdString());
  return s;
}

// Appends `more`'s documents to `set` (the first set read gives the schema's lists).
void append(jobs::DocumentSet& set, jobs::DocumentSet more) {
  if (set.documents.empty() && set.entityTypes.isEmpty()) {
    set = std::move(more);
    return;
  }
  for (auto& d : more.documents) set.documents.push_back(std::move(d));
  set.storeIds += more.storeIds;
}

int runDrift(const QCommandLineParser& parser, CliIo& io, const CheckCommand& self, int examples, bool json) {
  const QStringList args = parser.positionalArguments();
  const bool byRun = parser.isSet(QStringLiteral("run"));
  if (byRun == parser.isSet(QStringLiteral("model")))
    return self.usageError(io, QStringLiteral("drift needs --model DIR, or --run ID with a project"));
  if (byRun && args.size() != 2) return self.usageError(io, QStringLiteral("--run names a run of a project; give the project"));
  jobs::DriftSpec spec;
  spec.modelFolder = parser.value(QStringLiteral("model"));
  auto maxTraining = readCount(parser, QStringLiteral("max-training"), 2000, 1, 10000000);
  auto threads = readCount(parser, QStringLiteral("threads"), 0, 0, 1024);
  auto psi = readNumber(parser, QStringLiteral("psi"), 0.1, 0.0, 100.0);
  for (const Error* e : {maxTraining ? nullptr : &maxTraining.error(), threads ? nullptr : &threads.error(),
                         psi ? nullptr : &psi.error()})
    if (e) return self.usageError(io, q(e->message));
  spec.maxTraining = *maxTraining;
  spec.threads = *threads;
  spec.options.psiThreshold = *psi;
  spec.options.annotateNext = examples;

  const QStringList data = parser.values(QStringLiteral("data"));
  if (byRun) {
    bool ok = false;
    const qint64 runId = parser.value(QStringLiteral("run")).toLongLong(&ok);
    if (!ok || runId <= 0) return self.usageError(io, QStringLiteral("--run takes a run id (quarry-cli runs lists them)"));
    auto opened = ProjectStore::open(args[1], OpenMode::ReadOnly);
    if (!opened) return self.failWith(io, opened.error());
    auto made = jobs::driftSpecForRun(*opened.value(), runId);
    if (!made) return self.failWith(io, made.error());
    const quality::DriftOptions keep = spec.options;
    const int maxTraining = spec.maxTraining, threadCount = spec.threads;
    spec = std::move(made.value());
    spec.options = keep;
    spec.maxTraining = maxTraining;
    spec.threads = threadCount;
  } else if (args.size() == 2) {
    auto opened = ProjectStore::open(args[1], OpenMode::ReadOnly);
    if (!opened) return self.failWith(io, opened.error());
    auto reference = oneSplit(parser, QStringLiteral("reference-split"), QStringLiteral("train"));
    auto dev = oneSplit(parser, QStringLiteral("dev-split"), QStringLiteral("dev"));
    if (!reference) return self.usageError(io, q(reference.error().message));
    if (!dev) return self.usageError(io, q(dev.error().message));
    auto incoming = readSplits(parser, QStringLiteral("split"));
    if (!incoming) return self.usageError(io, q(incoming.error().message));
    const QVector<Split> incomingSplits = incoming->isEmpty() ? QVector<Split>{Split::Unassigned} : *incoming;
    auto training = jobs::documentsFromStore(*opened.value(), {*reference});
    auto devSet = jobs::documentsFromStore(*opened.value(), {*dev});
    auto incomingSet = jobs::documentsFromStore(*opened.value(), incomingSplits);
    for (const Error* e : {training ? nullptr : &training.error(), devSet ? nullptr : &devSet.error(),
                           incomingSet ? nullptr : &incomingSet.error()})
      if (e) return self.failWith(io, *e);
    spec.training = std::move(training.value());
    spec.dev = std::move(devSet.value());
    spec.incoming = std::move(incomingSet.value());
  } else {
    for (const QString& item : data) {
      const int eq = item.indexOf(QLatin1Char('='));
      const bool named = eq > 0 && !item.left(eq).contains(QLatin1Char('/')) && !QFileInfo::exists(item);
      const QString name = named ? item.left(eq) : QStringLiteral("incoming");
      auto set = jobs::documentsFromFile(named ? item.mid(eq + 1) : item, parser.value(QStringLiteral("format")));
      if (!set) return self.failWith(io, set.error());
      append(name == QLatin1String("train") ? spec.training : name == QLatin1String("dev") ? spec.dev : spec.incoming,
             std::move(set.value()));
    }
  }

  jobs::DriftJob job;
  QElapsedTimer timer;
  timer.start();
  auto report = job.run(spec, [&](const jobs::DriftProgress& p) {
    if (!json && p.documentsDone == p.documents && p.documents > 0)
      io.err << QStringLiteral("drift: %1 documents predicted (%2)\n").arg(p.documents).arg(p.stage), io.err.flush();
  });
  if (!report) return self.failWith(io, report.error());
  const quality::DriftReport& r = report.value();
  auto name = [&](int32_t d) { return q(spec.incoming.documents[static_cast<size_t>(d)].id); };
  auto number = [](double x) { return std::isnan(x) ? QJsonValue() : QJsonValue(x); };
  if (json) {
    QJsonArray features, next;
    for (const auto& f : r.features)
      features.append(QJsonObject{{QStringLiteral("feature"), q(f.feature)},
                                  {QStringLiteral("measure"), q(f.measure)},
                                  {QStringLiteral("training"), number(f.training)},
                                  {QStringLiteral("dev"), number(f.dev)},
                                  {QStringLiteral("incoming"), number(f.incoming)},
                                  {QStringLiteral("dev_psi"), f.devPsi},
                                  {QStringLiteral("incoming_psi"), f.incomingPsi},
                                  {QStringLiteral("noise"), f.noise},
                                  {QStringLiteral("available"), f.available},
                                  {QStringLiteral("flagged"), f.flagged},
                                  {QStringLiteral("major"), f.major}});
    for (const auto& d : r.annotateNext)
      next.append(QJsonObject{{QStringLiteral("document"), name(d.document)},
                              {QStringLiteral("score"), d.score},
                              {QStringLiteral("mean_confidence"), d.meanConfidence},
                              {QStringLiteral("embedding_distance"), d.embeddingDistance},
                              {QStringLiteral("unknown_word_rate"), d.unknownWordRate},
                              {QStringLiteral("low_confidence"), d.lowConfidence}});
    const QJsonObject out{{QStringLiteral("check"), QStringLiteral("drift")},
                          {QStringLiteral("model"), spec.modelFolder},
                          {QStringLiteral("drift"), r.drift},
                          {QStringLiteral("psi_threshold"), spec.options.psiThreshold},
                          {QStringLiteral("training_documents"), static_cast<qint64>(r.trainingDocuments)},
                          {QStringLiteral("dev_documents"), static_cast<qint64>(r.devDocuments)},
                          {QStringLiteral("incoming_documents"), static_cast<qint64>(r.incomingDocuments)},
                          {QStringLiteral("low_confidence_threshold"), r.lowConfidenceThreshold},
                          {QStringLiteral("low_confidence_dev"), r.lowConfidenceDev},
                          {QStringLiteral("low_confidence_incoming"), r.lowConfidenceIncoming},
                          {QStringLiteral("seconds"), static_cast<double>(timer.nsecsElapsed()) / 1e9},
                          {QStringLiteral("features"), features},
                          {QStringLiteral("annotate_next"), next}};
    io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
  } else {
    io.out << QStringLiteral("drift of %1: %2 training, %3 dev, %4 incoming documents (%5 s)\n")
                  .arg(spec.modelFolder)
                  .arg(r.trainingDocuments)
                  .arg(r.devDocuments)
                  .arg(r.incomingDocuments)
                  .arg(static_cast<double>(timer.nsecsElapsed()) / 1e9, 0, 'f', 1);
    io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8\n")
                  .arg(QStringLiteral("feature"), -11)
                  .arg(QStringLiteral("training"), 9)
                  .arg(QStringLiteral("dev"), 9)
                  .arg(QStringLiteral("incoming"), 9)
                  .arg(QStringLiteral("dev PSI"), 8)
                  .arg(QStringLiteral("PSI"), 8)
                  .arg(QStringLiteral("noise"), 7)
                  .arg(QStringLiteral("measure"));
    auto cell = [](double x) { return std::isnan(x) ? QStringLiteral("-") : QString::number(x, 'f', 3); };
    for (const auto& f : r.features) {
      if (!f.available) {
        io.out << QStringLiteral("%1 (the model gives none)\n").arg(q(f.feature), -11);
        continue;
      }
      io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8%9\n")
                    .arg(q(f.feature), -11)
                    .arg(cell(f.training), 9)
                    .arg(cell(f.dev), 9)
                    .arg(cell(f.incoming), 9)
                    .arg(f.devPsi, 8, 'f', 3)
                    .arg(f.incomingPsi, 8, 'f', 3)
                    .arg(f.noise, 7, 'f', 3)
                    .arg(q(f.measure))
                    .arg(f.major ? QStringLiteral("  << DRIFT (major)") : f.flagged ? QStringLiteral("  << DRIFT") : QString());
    }
    io.out << QStringLiteral("low confidence (mean below dev's 10th percentile, %1): dev %2%, incoming %3%\n")
                  .arg(r.lowConfidenceThreshold, 0, 'f', 3)
                  .arg(100.0 * r.lowConfidenceDev, 0, 'f', 1)
                  .arg(100.0 * r.lowConfidenceIncoming, 0, 'f', 1);
    io.out << (r.drift ? QStringLiteral("DRIFT: the incoming documents differ from the training data (PSI above %1 "
                                        "beyond sampling noise): annotate some of them and retrain\n")
                             .arg(spec.options.psiThreshold)
                       : QStringLiteral("no drift: the incoming documents look like the training data\n"));
    if (!r.annotateNext.empty()) io.out << QStringLiteral("\nannotate next (least like the training data):\n");
    for (const auto& d : r.annotateNext)
      io.out << QStringLiteral("  %1  score %2  confidence %3  distance %4  unknown words %5%\n")
                    .arg(name(d.document), -24)
                    .arg(d.score, 6, 'f', 2)
                    .arg(d.meanConfidence, 0, 'f', 3)
                    .arg(d.embeddingDistance, 0, 'f', 3)
                    .arg(100.0 * d.unknownWordRate, 0, 'f', 1);
  }
  io.out.flush();
  return parser.isSet(QStringLiteral("strict")) && r.drift ? kExitFailure : kExitOk;
}

}  // namespace

int CheckCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.isEmpty()) return usage(io, QStringLiteral("expects a check: leakage or consistency"));
  const QString check = args[0];
  if (check != QLatin1String("leakage") && check != QLatin1String("consistency") && check != QLatin1String("drift"))
    return usage(io, QStringLiteral("unknown check \"%1\" (leakage, consistency, drift)").arg(check));
  const QStringList data = parser.values(QStringLiteral("data"));
  if (args.size() > 2 || (args.size() == 2) == !data.isEmpty())
    return usage(io, QStringLiteral("expects a project file or --data files (one of them)"));
  auto examples = readCount(parser, QStringLiteral("examples"), 10, 0, 1000000);
  if (!examples) return usage(io, q(examples.error().message));
  const bool json = parser.isSet(QStringLiteral("json"));
  if (args.size() == 2 && !QFileInfo::exists(args[1])) return fail(io, Error("no such project", args[1].toStdString()));
  if (check == QLatin1String("drift")) return runDrift(parser, io, *this, *examples, json);

  std::unique_ptr<ProjectStore> store;
  Result<jobs::QualityDocuments> docs = Error("no documents");
  if (args.size() == 2) {
    if (!QFileInfo::exists(args[1])) return fail(io, Error("no such project", args[1].toStdString()));
    const bool writes = parser.isSet(QStringLiteral("apply")) || parser.isSet(QStringLiteral("mark-intended")) ||
                        parser.isSet(QStringLiteral("unmark"));
    auto opened = ProjectStore::open(args[1], writes ? OpenMode::ReadWrite : OpenMode::ReadOnly);
    if (!opened) return fail(io, opened.error());
    store = std::move(opened.value());
    auto splits = readSplits(parser, QStringLiteral("split"));
    if (!splits) return usage(io, q(splits.error().message));
    // By default the labelled splits: the unassigned pool waits to be annotated, so it neither leaks nor
    // disagrees.
    if (splits->isEmpty()) *splits = {Split::Train, Split::Dev, Split::Test};
    QVector<DocumentStatus> statuses;
    for (const QString& name : parser.value(QStringLiteral("status")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      DocumentStatus s;
      if (!parseStatus(name.trimmed(), &s))
        return usage(io, QStringLiteral("unknown status \"%1\" (new, in_progress, done, reviewed)").arg(name));
      statuses << s;
    }
    docs = jobs::qualityDocumentsFromStore(*store, *splits, statuses);
  } else {
    docs = jobs::qualityDocumentsFromFiles(data, parser.value(QStringLiteral("format")));
  }
  if (!docs) return fail(io, docs.error());
  if (check == QLatin1String("leakage")) return runLeakage(parser, io, *docs, store.get(), *this, *examples, json);
  return runConsistency(parser, io, *docs, store.get(), *this, *examples, json);
}

}  // namespace quarry::cli
