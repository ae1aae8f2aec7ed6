// quarry-cli check consistency: inconsistent labels, findings marked as intended.
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

QString kindText(quality::ConsistencyFinding::Kind kind) { return QString::fromLatin1(quality::kindName(kind)); }

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

}  // namespace

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
        row[QStringLiteral("kind")] = kindText(f.kind);
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

}  // namespace quarry::cli::check
