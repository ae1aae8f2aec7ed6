// bench_annotation_view: how the annotation view copes with a large document, offscreen.
// Generates a ~1 MB document with 20,000 spans (some nested, some discontinuous) and 2,000 relations,
// then prints: time to open (setDocument + first paint), paint time per frame while scrolling through
// the whole document (average and worst), time from a label hotkey to the repainted frame, peak RSS.
// The figure to compare: "worst frame" while scrolling.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QRandomGenerator>
#include <QScrollBar>
#include <cstdio>

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

Schema makeSchema() {
  Schema s;
  const char* names[] = {"DRUG", "DISEASE", "GENE", "CHEMICAL", "SPECIES"};
  for (int i = 0; i < 5; ++i) {
    EntityType t;
    t.name = QLatin1String(names[i]);
    t.hotkey = QString::number(i + 1);
    s.entityTypes.push_back(t);
  }
  RelationType treats;
  treats.name = QStringLiteral("TREATS");
  RelationType assoc;
  assoc.name = QStringLiteral("ASSOCIATED_WITH");
  assoc.directed = false;
  s.relationTypes = {treats, assoc};
  return s;
}

struct Word {
  int start, end;  // code points
};

Document makeDocument(int targetChars, int spanCount, int relationCount) {
  QRandomGenerator rng(42);
  const QStringList vocabulary = QStringLiteral(
      "the of patients with treatment was were in and a to for cells protein expression after dose "
      "aspirin ibuprofen headache migraine receptor kinase inhibitor clinical trial mice rats tumour "
      "significantly increased decreased observed therapy response gene mutation pathway levels "
      "caf\u00e9 na\u00efve \U0001F48A")
                                     .split(QLatin1Char(' '));
  Document d;
  d.name = QStringLiteral("bench");
  QString text;
  text.reserve(targetChars + 1000);
  QVector<Word> words;
  int cp = 0;
  int paragraphLength = 0;
  while (cp < targetChars) {
    const QString& w = vocabulary[int(rng.bounded(int(vocabulary.size())))];
    const int len = int(w.size()) - (w.size() == 2 && w.at(0).isHighSurrogate() ? 1 : 0);
    words.push_back({cp, cp + len});
    text += w;
    cp += len;
    paragraphLength += len + 1;
    if (paragraphLength > 300 + int(rng.bounded(900))) {
      text += QLatin1Char('\n');
      paragraphLength = 0;
    } else {
      text += QLatin1Char(' ');
    }
    ++cp;
  }
  d.text = text;
  // Spans on word boundaries: mostly one or two words, some enclosing the previous span, a few
  // discontinuous.
  for (int i = 0; i < spanCount; ++i) {
    const int w = int(rng.bounded(int(words.size()) - 4));
    EntitySpan e;
    e.key = QStringLiteral("T%1").arg(i + 1);
    e.type = makeSchema().entityTypes[int(rng.bounded(5))].name;
    const int kind = int(rng.bounded(20));
    if (kind == 0) e.fragments = {{words[w].start, words[w].end}, {words[w + 2].start, words[w + 3].end}};
    else if (kind < 3) e.fragments = {{words[w].start, words[w + 3].end}};
    else e.fragments = {{words[w].start, words[w + int(rng.bounded(2))].end}};
    d.entities.push_back(e);
  }
  std::sort(d.entities.begin(), d.entities.end(),
            [](const EntitySpan& a, const EntitySpan& b) { return a.start() < b.start(); });
  for (int i = 0; i < relationCount; ++i) {
    const int h = int(rng.bounded(int(d.entities.size()) - 6));
    Relation r;
    r.key = QStringLiteral("R%1").arg(i + 1);
    r.type = i % 3 ? QStringLiteral("TREATS") : QStringLiteral("ASSOCIATED_WITH");
    r.head = d.entities[h].key;
    r.tail = d.entities[h + 1 + int(rng.bounded(5))].key;
    d.relations.push_back(r);
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const Schema schema = makeSchema();
  QElapsedTimer timer;
  timer.start();
  const Document doc = makeDocument(1000000, 20000, 2000);
  std::printf("generated: %lld UTF-16 units, %lld spans, %lld relations in %lld ms\n", (long long)doc.text.size(),
              (long long)doc.entities.size(), (long long)doc.relations.size(), (long long)timer.elapsed());

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
  std::printf("peak RSS (VmHWM): %ld kB\n", peakRssKb());
  return added == labelRuns ? 0 : 1;
}
