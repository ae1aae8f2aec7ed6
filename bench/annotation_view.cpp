// bench_annotation_view: how the annotation workbench copes with a large document, offscreen.
// Generates a ~1 MB document with 20,000 spans (some nested, some discontinuous) and 2,000 relations.
//
// Section "widget", the annotation view alone: time to open (setDocument + first paint), paint time per
// frame while scrolling through the whole document (average and worst), time from a label hotkey to the
// repainted frame, peak RSS.
//
// Section "window", the edit path a person meets: the document in a temporary project store (with 2,000
// undecided model suggestions), opened in the real MainWindow. Per action, median and p95 ms over
// --repeat runs from the key press to the settled window (the store written, the view, the panels and
// the suggestions brought in step, posted work run and the frame painted), and the median CPU time of
// the GUI thread (which a busy machine inflates less): label a selection by hotkey,
// undo (Ctrl+Z), redo (Ctrl+Shift+Z), remove the current span (Delete), categorise the document (Alt+1 /
// Alt+2), accept a suggestion (A). Then what one edit can cost in its parts, each timed alone: a store
// write, re-reading the document, the alignment check over the whole document, the listeners of one
// documentChanged, the view applying one span.
//
// The figures to compare: "worst frame" while scrolling; the median of each action through the window.
// Usage: bench_annotation_view [--section widget|window|all] [--repeat N]   (default: all, 50)
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QScrollBar>
#include <cstdio>

#include "EditPathBench.h"
#include "LargeDocument.h"
#include "annotation/AnnotationView.h"

using namespace quarry;

namespace {

long peakRssKb() {
  QFile f(QStringLiteral("/proc/self/status"));
  if (!f.open(QIODevice::ReadOnly)) return -1;
  for (const QByteArray& line : f.readAll().split('\n'))
    if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').front().toLong();
  return -1;
}

// The annotation view alone; false when a label did not land.
bool widgetSection(const Document& doc, const Schema& schema) {
  std::printf("== widget: the annotation view alone\n");
  QElapsedTimer timer;
  ui::AnnotationView view;
  view.resize(1200, 900);
  view.show();
  for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();

  timer.restart();
  view.setDocument(doc, schema);
  view.viewport()->repaint();
  const double openMs = timer.nsecsElapsed() / 1e6;
  std::printf("open (setDocument + first paint): %.1f ms\n", openMs);

  // Scroll through everything, a third of a page per frame, as a mouse wheel would.
  QScrollBar* bar = view.verticalScrollBar();
  const int step = view.viewport()->height() / 3;
  double total = 0, worst = 0;
  int frames = 0, worstFrame = 0;
  for (int value = 0; value <= bar->maximum(); value += step) {
    timer.restart();
    bar->setValue(value);
    view.viewport()->repaint();
    const double ms = timer.nsecsElapsed() / 1e6;
    total += ms;
    if (ms > worst) {
      worst = ms;
      worstFrame = frames;
    }
    ++frames;
  }
  std::printf("scroll: %d frames, average %.2f ms, worst %.2f ms per frame (frame %d), %d layouts cached\n",
              frames, total / std::max(1, frames), worst, worstFrame, view.laidOutBlockCount());

  // Label action: select a word on screen, press the hotkey; the owner applies it; time to the
  // repainted frame.
  bar->setValue(bar->maximum() / 2);
  view.viewport()->repaint();
  const int cp = view.codePointAt(QPoint(200, view.viewport()->height() / 2));
  int added = 0;
  QObject::connect(&view, &ui::AnnotationView::entityRequested, &view,
                   [&](const QString& type, const QVector<Fragment>& fragments) {
                     EntitySpan e;
                     e.key = QStringLiteral("N%1").arg(++added);
                     e.type = type;
                     e.fragments = fragments;
                     view.applyEntityAdded(e);
                   });
  double labelWorst = 0, labelTotal = 0;
  const int labelRuns = 10;
  for (int i = 0; i < labelRuns; ++i) {
    view.setSelection(cp + i * 12, cp + i * 12 + 5);
    view.viewport()->repaint();
    timer.restart();
    QKeyEvent press(QEvent::KeyPress, Qt::Key_2, Qt::NoModifier, QStringLiteral("2"));
    QApplication::sendEvent(&view, &press);
    view.viewport()->repaint();
    const double ms = timer.nsecsElapsed() / 1e6;
    labelTotal += ms;
    labelWorst = std::max(labelWorst, ms);
  }
  std::printf("label action (hotkey -> applyEntityAdded -> repaint): %d labels, average %.2f ms, worst %.2f ms\n",
              added, labelTotal / labelRuns, labelWorst);
  return added == labelRuns;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QString section = QStringLiteral("all");
  int repeat = 50;
  const QStringList args = app.arguments();
  for (int i = 1; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--section") && i + 1 < args.size()) {
      section = args[++i];
    } else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size()) {
      repeat = std::max(1, args[++i].toInt());
    } else {
      std::fprintf(stderr, "usage: bench_annotation_view [--section widget|window|all] [--repeat N]\n");
      return 2;
    }
  }
  const Schema schema = bench::largeDocumentSchema();
  QElapsedTimer timer;
  timer.start();
  QVector<bench::Word> words;
  const Document doc = bench::largeDocument(1000000, 20000, 2000, &words);
  std::printf("generated: %lld UTF-16 units, %lld spans, %lld relations in %lld ms\n", (long long)doc.text.size(),
              (long long)doc.entities.size(), (long long)doc.relations.size(), (long long)timer.elapsed());
  bool ok = true;
  if (section == QLatin1String("widget") || section == QLatin1String("all")) ok = widgetSection(doc, schema) && ok;
  if (section == QLatin1String("window") || section == QLatin1String("all"))
    ok = bench::editPathSection(doc, words, schema, repeat) && ok;
  std::printf("peak RSS (VmHWM): %ld kB\n", peakRssKb());
  return ok ? 0 : 1;
}
