#include "EditPathBench.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

#include "DocumentSession.h"
#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "jobs/TrainingAlignment.h"
#include "store/ProjectStore.h"

namespace bench {

using namespace quarry;

namespace {

constexpr int kSuggestions = 2000;

// Milliseconds spent by one run: on the clock, and on this thread's CPU (what a busy machine inflates
// less: the store, the view and the listeners all run on the GUI thread).
struct Spent {
  double wall = 0;
  double cpu = 0;
};

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The runs of one action.
class Samples {
 public:
  void add(Spent s) {
    m_wall.push_back(s.wall);
    m_cpu.push_back(s.cpu);
  }
  void print(const char* what) const {
    std::printf("  %-44s median %8.2f ms   p95 %8.2f ms   (cpu median %7.2f ms, %lld runs)\n", what,
                quantile(m_wall, 0.5), quantile(m_wall, 0.95), quantile(m_cpu, 0.5),
                (long long)m_wall.size());
  }

 private:
  static double quantile(QVector<double> ms, double q) {
    if (ms.isEmpty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(int(ms.size()) - 1, int(q * (ms.size() - 1) + 0.5))];
  }
  QVector<double> m_wall, m_cpu;
};

// Runs what the event loop has waiting: posted events, zero timers, the paints they ask for.
void settle() {
  for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
}

// From `action` to the settled window.
Spent timed(const std::function<void()>& action) {
  settle();
  QElapsedTimer timer;
  timer.start();
  const double cpu = threadCpuMs();
  action();
  settle();
  return {timer.nsecsElapsed() / 1e6, threadCpuMs() - cpu};
}

// Makes the project at `path`: the schema, the document, and a finished run's undecided suggestions on
// words of it. Returns the document's id, 0 on failure (printed).
qint64 makeProject(const QString& path, const Document& document, const QVector<Word>& words,
                   const Schema& schema) {
  auto fail = [](const Error& e) {
    std::fprintf(stderr, "project: %s\n", e.toString().c_str());
    return qint64(0);
  };
  auto store = ProjectStore::create(path, QStringLiteral("bench"));
  if (!store) return fail(store.error());
  if (Status s = store.value()->setSchema(schema); !s) return fail(s.error());
  Corpus corpus;
  corpus.documents = {document};
  if (auto imported = store.value()->importCorpus(corpus, QStringLiteral("importer")); !imported)
    return fail(imported.error());
  auto listed = store.value()->listDocuments();
  if (!listed) return fail(listed.error());
  const qint64 documentId = listed->front().id;
  ModelRun run;
  run.name = QStringLiteral("Suggestions");
  run.task = QStringLiteral("ner");
  run.status = RunStatus::Finished;
  auto runId = store.value()->createRun(run);
  if (!runId) return fail(runId.error());
  QRandomGenerator rng(7);
  QVector<Prediction> rows;
  for (int i = 0; i < kSuggestions; ++i) {
    const Word w = words[int(rng.bounded(int(words.size())))];
    Prediction p;
    p.runId = runId.value();
    p.documentId = documentId;
    p.kind = QStringLiteral("entity");
    p.payload = QJsonObject{{QStringLiteral("type"), schema.entityTypes[int(rng.bounded(5))].name},
                            {QStringLiteral("start"), w.start},
                            {QStringLiteral("end"), w.end}};
    p.confidence = 0.5 + rng.bounded(0.49);
    rows << p;
  }
  if (auto added = store.value()->addPredictions(runId.value(), rows); !added) return fail(added.error());
  return documentId;
}

}  // namespace

bool editPathSection(const Document& document, const QVector<Word>& words, const Schema& schema, int repeat) {
  std::printf("== window: edits through the real main window and project store\n");
  QStandardPaths::setTestModeEnabled(true);  // settings of its own, never a person's
  QCoreApplication::setOrganizationName(QStringLiteral("QuarryBench"));
  QCoreApplication::setApplicationName(QStringLiteral("bench_annotation_view"));
  QSettings().clear();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bench.quarry"));
  QElapsedTimer timer;
  timer.start();
  const qint64 documentId = makeProject(path, document, words, schema);
  if (documentId == 0) return false;
  std::printf("project: imported with %d suggestions in %lld ms\n", kSuggestions, (long long)timer.elapsed());

  ui::MainWindow window;
  window.setAnnotator(QStringLiteral("bench"));
  timer.restart();
  if (Status s = window.openProject(path); !s) {
    std::fprintf(stderr, "open: %s\n", s.error().toString().c_str());
    return false;
  }
  window.resize(1280, 800);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return false;
  window.activateWindow();
  ui::AnnotationView* view = window.annotationView();
  view->setFocus();
  settle();
  std::printf("open in the window (project, document, first paint): %lld ms, %lld suggestions shown\n",
              (long long)timer.elapsed(), (long long)view->suggestions().size());
  if (window.currentDocument() != documentId) return false;

  // Each run labels a word further into the document, undoes, redoes and removes that label, switches
  // the category and accepts a suggestion.
  Samples label, undo, redo, remove, categorise, accept;
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok && failures++ < 5) std::fprintf(stderr, "run: %s did not happen\n", what);
  };
  const int firstWord = int(words.size()) / 2;
  for (int i = 0; i < repeat; ++i) {
    const Word w = words[(firstWord + i * 7) % int(words.size())];
    view->setSelection(w.start, w.end);
    view->ensureCursorVisible();
    const qsizetype spans = view->document().entities.size();
    label.add(timed([&] { QTest::keyClick(view, Qt::Key_2); }));
    const QString key = view->currentSpan();
    check(view->document().entities.size() == spans + 1 && !key.isEmpty(), "label");
    undo.add(timed([&] { QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier); }));
    check(view->document().entities.size() == spans, "undo");
    redo.add(timed([&] { QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); }));
    check(view->document().entities.size() == spans + 1, "redo");
    view->setCurrentSpan(key);
    remove.add(timed([&] { QTest::keyClick(view, Qt::Key_Delete); }));
    check(view->document().entities.size() == spans, "remove");
    const qsizetype undoCount = window.undoStack()->count();
    categorise.add(timed([&] { QTest::keyClick(view, Qt::Key(Qt::Key_1 + i % 2), Qt::AltModifier); }));
    check(window.undoStack()->count() == undoCount + 1, "categorise");
    const qsizetype suggestions = view->suggestions().size();
    view->setCurrentSuggestion(int(suggestions / 2));
    accept.add(timed([&] { QTest::keyClick(view, Qt::Key_A); }));
    check(view->suggestions().size() == suggestions - 1, "accept suggestion");
  }
  std::printf("actions, key press to settled window (%d runs each):\n", repeat);
  label.print("label a selection (hotkey 2)");
  undo.print("undo (Ctrl+Z)");
  redo.print("redo (Ctrl+Shift+Z)");
  remove.print("remove the current span (Delete)");
  categorise.print("categorise the document (Alt+1 / Alt+2)");
  accept.print("accept a suggestion (A)");

  // The parts, each alone.
  const int partRuns = std::min(repeat, 20);
  ProjectStore* store = window.store();
  auto* session = window.findChild<ui::DocumentSession*>();
  Samples write, erase, reread, alignment, listeners, viewApply;
  bool ok = true;
  for (int i = 0; i < partRuns; ++i) {
    const Word w = words[(firstWord + 3 + i * 11) % int(words.size())];
    EntitySpan e;
    e.key = QStringLiteral("BENCH%1").arg(i);
    e.type = schema.entityTypes.front().name;
    e.fragments = {Fragment{w.start, w.end}};
    qint64 id = 0;
    write.add(timed([&] {
      auto added = store->addEntity(documentId, e, QStringLiteral("bench"));
      id = added ? added.value() : 0;
    }));
    erase.add(timed([&] { ok = store->removeEntity(id, QStringLiteral("bench")).ok() && ok; }));
    reread.add(timed([&] { ok = store->loadDocument(documentId).ok() && ok; }));
    ui::DocumentChange oneSpan;  // what labelling a span tells the listeners
    oneSpan.entities.insert(session->document().entities.back().key);
    alignment.add(timed([&] { jobs::misalignedEntities(session->document()); }));
    listeners.add(timed([&] { Q_EMIT session->documentChanged(oneSpan); }));
    viewApply.add(timed([&] {
      view->applyEntityAdded(e);
      view->viewport()->repaint();
    }));
    view->applyEntityRemoved(e.key);
  }
  std::printf("parts of an edit, each alone (%d runs each):\n", partRuns);
  write.print("store: add one entity");
  erase.print("store: remove one entity");
  reread.print("store: re-read the whole document");
  alignment.print("alignment check over the whole document");
  listeners.print("listeners of one span's documentChanged");
  viewApply.print("view: apply one span and repaint");
  if (failures) std::printf("%d actions did not do their edit\n", failures);
  if (!ok) std::printf("a store call of the parts failed\n");
  window.close();
  return failures == 0 && ok;
}

}  // namespace bench
