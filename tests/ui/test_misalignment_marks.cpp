// MisalignmentMarks re-checks only the lines an edit touched, yet says what the engine says over the
// whole document: after every one of a few hundred random edits (spans added on and off word boundaries,
// nested and overlapping, removed, moved), its reasons are jobs::misalignedEntities of the whole document,
// word for word, offsets in the reasons included.
#include <QRandomGenerator>
#include <QtTest>

#include "MisalignmentMarks.h"
#include "jobs/TrainingAlignment.h"

using namespace quarry;

namespace {

// Lines of words, some hyphenated (a span may end inside them), with a character outside the BMP.
Document makeDocument(QVector<QPair<int, int>>* words) {
  const QStringList vocabulary =
      QStringLiteral("aspirin APC2-related headache the of \U0001F48A gene (kinase) tumour-free mice, dose")
          .split(QLatin1Char(' '));
  QRandomGenerator rng(11);
  Document d;
  d.name = QStringLiteral("marks");
  int cp = 0;
  for (int line = 0; line < 40; ++line) {
    for (int w = 0, n = 5 + int(rng.bounded(12)); w < n; ++w) {
      const QString& word = vocabulary[int(rng.bounded(int(vocabulary.size())))];
      const int length = int(word.toUcs4().size());
      words->push_back({cp, cp + length});
      d.text += word;
      cp += length;
      d.text += w + 1 < n ? QLatin1Char(' ') : QLatin1Char('\n');
      ++cp;
    }
  }
  return d;
}

}  // namespace

class TestMisalignmentMarks : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void editsAgreeWithTheWholeDocument() {
    QVector<QPair<int, int>> words;
    Document d = makeDocument(&words);
    QRandomGenerator rng(5);
    const QStringList types{QStringLiteral("DRUG"), QStringLiteral("GENE")};
    // A span over words [w, w + count), its ends moved into or past the words now and then.
    auto randomFragments = [&] {
      const int w = int(rng.bounded(int(words.size()) - 3));
      int start = words[w].first, end = words[w + int(rng.bounded(3))].second;
      if (rng.bounded(4) == 0) start += 1;
      if (rng.bounded(4) == 0) end += rng.bounded(2) ? -1 : 1;
      return QVector<Fragment>{Fragment{start, std::max(start + 1, end)}};
    };
    int next = 1;
    for (int i = 0; i < 60; ++i) {
      EntitySpan e;
      e.key = QStringLiteral("T%1").arg(next++);
      e.type = types[int(rng.bounded(2))];
      e.fragments = randomFragments();
      d.entities.push_back(e);
    }
    ui::MisalignmentMarks marks;
    marks.reset(d);
    QCOMPARE(marks.reasons(), jobs::misalignedEntities(d));
    QVERIFY(!marks.reasons().isEmpty());

    for (int step = 0; step < 300; ++step) {
      QVector<QPair<int, int>> ranges;
      QString key;
      const int op = int(rng.bounded(3));
      if (op == 0 || d.entities.isEmpty()) {  // add
        EntitySpan e;
        e.key = key = QStringLiteral("T%1").arg(next++);
        e.type = types[int(rng.bounded(2))];
        e.fragments = randomFragments();
        ranges.push_back({e.start(), e.end()});
        d.entities.push_back(e);
      } else {
        const int at = int(rng.bounded(int(d.entities.size())));
        EntitySpan& e = d.entities[at];
        key = e.key;
        ranges.push_back({e.start(), e.end()});
        if (op == 1) {  // remove
          d.entities.remove(at);
        } else {  // move
          e.fragments = randomFragments();
          ranges.push_back({e.start(), e.end()});
        }
      }
      marks.update(d, {key}, ranges);
      const QHash<QString, QString> whole = jobs::misalignedEntities(d);
      QVERIFY2(marks.reasons() == whole,
               qPrintable(QStringLiteral("step %1 (%2 %3)").arg(step).arg(op).arg(key)));
      QCOMPARE(marks.keys(), QSet<QString>(whole.keyBegin(), whole.keyEnd()));
    }
    // The listing: a sorted line per span.
    QStringList lines;
    for (auto it = marks.reasons().cbegin(); it != marks.reasons().cend(); ++it)
      lines << it.key() + QStringLiteral(": ") + it.value();
    lines.sort();
    QCOMPARE(marks.listing(), lines.join(QLatin1Char('\n')));
  }
};

QTEST_GUILESS_MAIN(TestMisalignmentMarks)
#include "test_misalignment_marks.moc"
