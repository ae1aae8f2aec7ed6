// bench_adjudication: adjudicating one large document that two annotators annotated in their own layers
// (jobs/Adjudication.h and the adjudication view, team/AdjudicationDialog.h), at 10 KB, 100 KB and 1 MB of
// text. Anna's layer is the generated document's spans and relations (bench/LargeDocument.h, one span per
// ~50 characters); Ben's is the same but every 40th span retyped and every 60th left out, so some windows
// differ and most agree. Prints, per size: windows, disagreements, and milliseconds for the first review,
// the first merge of the agreed items into the gold layer (every agreed span copied), a later merge (nothing
// left to copy), opening the view, taking a version with its key (median of 10), moving to the next
// window, the job alone taking a version (median of 10), and finishing (once every disagreement is decided
// where at most 50 are left, else the refusal); and the peak resident memory.
//
//   bench_adjudication [--sizes 10000,100000,1000000]

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

#include "LargeDocument.h"
#include "jobs/Adjudication.h"
#include "store/ProjectStore.h"
#include "team/AdjudicationDialog.h"

#include <sys/resource.h>

using namespace quarry;

namespace {

double peakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

// Two layers of `base` in one document: anna's as generated, ben's with retyped and missing spans.
Document twoLayers(const Document& base) {
  Document d = base;
  d.entities.clear();
  d.relations.clear();
  const QStringList types{QStringLiteral("DRUG"), QStringLiteral("DISEASE"), QStringLiteral("GENE")};
  for (const QString& who : {QStringLiteral("anna"), QStringLiteral("ben")}) {
    const QString prefix = who == QStringLiteral("anna") ? QStringLiteral("A") : QStringLiteral("B");
    QSet<QString> kept;
    for (int i = 0; i < base.entities.size(); ++i) {
      EntitySpan e = base.entities[i];
      if (who == QStringLiteral("ben")) {
        if (i % 60 == 59) continue;
        if (i % 40 == 39) e.type = types[(types.indexOf(e.type) + 1) % types.size()];
      }
      kept.insert(e.key);
      e.key = prefix + e.key;
      e.provenance.annotator = who;
      d.entities.push_back(e);
    }
    for (Relation r : base.relations) {
      if (!kept.contains(r.head) || !kept.contains(r.tail)) continue;
      r.key = prefix + r.key;
      r.head = prefix + r.head;
      r.tail = prefix + r.tail;
      r.provenance.annotator = who;
      d.relations.push_back(r);
    }
  }
  return d;
}

double ms(QElapsedTimer& t) { return t.nsecsElapsed() / 1e6; }

int runSize(int chars) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("adjudication.quarry"));
  auto created = ProjectStore::create(path, QStringLiteral("adjudication bench"));
  if (!created) {
    std::fprintf(stderr, "%s\n", created.error().toString().c_str());
    return 1;
  }
  std::unique_ptr<ProjectStore> store = std::move(created.value());
  Corpus corpus;
  corpus.schema = bench::largeDocumentSchema();
  const int spans = chars / 50;
  corpus.documents = {twoLayers(bench::largeDocument(chars, spans, spans / 10))};
  QElapsedTimer t;
  t.start();
  if (auto imported = store->importCorpus(corpus, QStringLiteral("importer")); !imported) {
    std::fprintf(stderr, "%s\n", imported.error().toString().c_str());
    return 1;
  }
  const double importMs = ms(t);
  const qint64 id = store->listDocuments().value().front().id;
  if (!store->setSeparateLayers(true).ok() ||
      !store->assignDocuments({id}, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 1).ok() ||
      !store->setTeamRole(QStringLiteral("dora"), TeamRole::Adjudicator).ok()) {
    std::fprintf(stderr, "team set-up failed\n");
    return 1;
  }

  jobs::Adjudication adjudication(*store, QStringLiteral("dora"));
  t.restart();
  Result<jobs::DocumentAdjudication> first = adjudication.review(id);
  const double reviewMs = ms(t);
  if (!first) {
    std::fprintf(stderr, "%s\n", first.error().toString().c_str());
    return 1;
  }
  t.restart();
  Result<int> merged = adjudication.mergeAgreed(id);
  const double mergeMs = ms(t);
  t.restart();
  Result<int> mergedAgain = adjudication.mergeAgreed(id);
  const double mergeAgainMs = ms(t);
  if (!merged || !mergedAgain || *mergedAgain != 0) {
    std::fprintf(stderr, "merge failed or not idempotent: %s %s %d %d\n",
                 merged ? "" : merged.error().toString().c_str(), mergedAgain ? "" : mergedAgain.error().toString().c_str(),
                 merged ? *merged : -1, mergedAgain ? *mergedAgain : -1);
    return 1;
  }

  t.restart();
  ui::AdjudicationDialog dialog(store.get(), QStringLiteral("dora"), id);
  dialog.reload();
  dialog.show();
  QApplication::processEvents();
  const double openMs = ms(t);
  const int windows = int(dialog.state().windows.size());
  const int disagreements = windows - dialog.state().agreedWindows;

  std::vector<double> accepts;
  for (int i = 0; i < 10 && dialog.state().undecided > 0; ++i) {
    t.restart();
    QTest::keyClick(&dialog, i % 2 ? Qt::Key_1 : Qt::Key_2);
    QApplication::processEvents();
    accepts.push_back(ms(t));
  }
  std::sort(accepts.begin(), accepts.end());
  t.restart();
  QTest::keyClick(&dialog, Qt::Key_N);
  QApplication::processEvents();
  const double nextMs = ms(t);
  // The job alone (jobs::Adjudication::accept given the review, as the view calls it): the next 10 undecided.
  std::vector<double> jobAccepts;
  for (const jobs::AdjudicationWindow& w : dialog.state().windows) {
    if (w.agreed || w.decided || jobAccepts.size() == 10) continue;
    t.restart();
    if (!adjudication.accept(dialog.state(), w.start, QStringLiteral("ben")).ok()) return 1;
    jobAccepts.push_back(ms(t));
  }
  std::sort(jobAccepts.begin(), jobAccepts.end());
  dialog.reload();
  // The rest decided through the job (as the keys do) where there are few, then finished; with many left,
  // finishing is refused (the time is still that of the merge and review it runs first).
  const auto state = dialog.state();
  if (state.undecided <= 50) {
    for (const jobs::AdjudicationWindow& w : state.windows)
      if (!w.agreed && !w.decided && !adjudication.accept(id, w.start, QStringLiteral("anna")).ok()) return 1;
    dialog.reload();
  }
  t.restart();
  const bool finished = dialog.finishDocument();
  const double finishMs = ms(t);
  if (!finished && dialog.state().undecided == 0) return 1;
  auto median = [](const std::vector<double>& v) { return v.empty() ? 0.0 : v[v.size() / 2]; };
  std::printf(
      "%9d  %7d  %7d  %7d  %9.0f  %8.0f  %8.0f  %9.0f  %8.0f  %7.0f  %7.0f  %6.0f  %7.0f  %8s  %7.0f\n",
      chars, int(corpus.documents.front().entities.size()), windows, disagreements, importMs, reviewMs,
      mergeMs, mergeAgainMs, openMs, median(accepts), median(jobAccepts), nextMs, finishMs,
      finished ? "yes" : "refused", peakMb());
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QList<int> sizes{10000, 100000, 1000000};
  const QStringList args = app.arguments();
  if (const int i = int(args.indexOf(QStringLiteral("--sizes"))); i > 0 && i + 1 < args.size()) {
    sizes.clear();
    for (const QString& s : args[i + 1].split(QLatin1Char(','))) sizes << s.toInt();
  }
  std::printf("Adjudicating one document of two annotators' layers (times in ms; accept = median of 10 keys)\n");
  std::printf("%9s  %7s  %7s  %7s  %9s  %8s  %8s  %9s  %8s  %7s  %7s  %6s  %7s  %8s  %7s\n", "chars", "spans",
              "windows", "differ", "import", "review", "merge", "re-merge", "open", "accept", "job", "next",
              "finish", "finished", "peak MB");
  for (int chars : sizes)
    if (runSize(chars) != 0) return 1;
  return 0;
}
