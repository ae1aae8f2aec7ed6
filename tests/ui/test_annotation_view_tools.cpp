// The annotation view's parts behind the workbench fixes, checked on their own: word snapping that
// never reaches back to the word before a selection, the key table that dispatches, lists and
// reserves keys, in-document search, and geometry that stays inside the text width (QA tags at a
// line's end, arcs across line breaks, type-name chips) with tooltips cut at a word and "…".
#include <QKeyEvent>
#include <QSignalSpy>
#include <QtTest>

#include "annotation/AnnotationIndex.h"
#include "annotation/AnnotationKeys.h"
#include "annotation/AnnotationTooltips.h"
#include "annotation/AnnotationView.h"
#include "annotation/BlockLayout.h"
#include "annotation/DocumentSearch.h"
#include "annotation/TextNavigator.h"

using namespace quarry;
using namespace quarry::ui;

namespace {

EntitySpan entity(const QString& key, const QString& type, int start, int end) {
  EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = {Fragment{start, end}};
  return e;
}

Relation bound(const QString& head, const QString& tail) {
  Relation r;
  r.key = QStringLiteral("R1");
  r.type = QStringLiteral("BOUND_BY_THE_LAWS_OF");
  r.head = head;
  r.tail = tail;
  return r;
}

Schema schema() {
  Schema s;
  s.entityTypes = {
      {QStringLiteral("PARTY"), QStringLiteral("#ffbe0b"), QStringLiteral("4"), {}},
      {QStringLiteral("GOVERNING_LAW_AND_JURISDICTION"), QStringLiteral("#3a86ff"), QStringLiteral("6"), {}}};
  RelationType r;
  r.name = QStringLiteral("BOUND_BY_THE_LAWS_OF");
  s.relationTypes = {r};
  QaField f;
  f.name = QStringLiteral("effective_date");
  s.qaFields = {f};
  return s;
}

}  // namespace

class TestAnnotationViewTools : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void snappingNeverReachesBackToThePreviousWord() {
    Document d;
    d.text = QStringLiteral("This Consultancy Agreement is made between Thornbury Wind Services Ltd (the");
    AnnotationIndex index;
    index.rebuild(d, schema());
    const TextNavigator nav(index);
    int a = 0, b = 0;
    QVERIFY(!nav.wordAt(42, &a, &b));  // the space after "between" is in no word
    QVERIFY(nav.wordAt(41, &a, &b));
    QCOMPARE(qMakePair(a, b), qMakePair(35, 42));
    a = 42;
    b = 70;
    QVERIFY(nav.snapToWords(&a, &b));
    QCOMPARE(qMakePair(a, b), qMakePair(43, 70));
    a = 44;  // inside "Thornbury": grows to its start
    b = 69;
    QVERIFY(nav.snapToWords(&a, &b));
    QCOMPARE(qMakePair(a, b), qMakePair(43, 70));
    a = 43;  // a trailing space: back to the word's end, not on to the next word
    b = 53;
    QVERIFY(nav.snapToWords(&a, &b));
    QCOMPARE(qMakePair(a, b), qMakePair(43, 52));

    // In the view: what is highlighted (selection()) is what a hotkey labels.
    AnnotationView v;
    v.resize(700, 300);
    v.setDocument(d, schema());
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    v.setFocus();
    QSignalSpy spy(&v, &AnnotationView::entityRequested);
    v.setCursorPosition(42);
    for (int i = 0; i < 4; ++i) QTest::keyClick(&v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v.selection(), qMakePair(43, 70));
    QTest::keyClick(&v, Qt::Key_4);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].value<QVector<Fragment>>()[0], (Fragment{43, 70}));
    // Character mode keeps the exact range, space included.
    v.setWordSnapping(false);
    v.setSelection(42, 70);
    QCOMPARE(v.selection(), qMakePair(42, 70));
  }

  void keyTableDispatchesListsAndReserves() {
    bool extend = false;
    QKeyEvent shiftRight(QEvent::KeyPress, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(AnnotationKeys::commandFor(shiftRight, &extend), ViewCommand::MoveRight);
    QVERIFY(extend);
    QKeyEvent ctrlShiftEnd(QEvent::KeyPress, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(AnnotationKeys::commandFor(ctrlShiftEnd, &extend), ViewCommand::DocumentEnd);
    QVERIFY(extend);
    QKeyEvent backtab(QEvent::KeyPress, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(AnnotationKeys::commandFor(backtab, &extend), ViewCommand::PreviousSpan);
    QVERIFY(!extend);
    QKeyEvent upperP(QEvent::KeyPress, Qt::Key_P, Qt::ShiftModifier, QStringLiteral("P"));
    QCOMPARE(AnnotationKeys::commandFor(upperP), ViewCommand::PreviousDocument);
    QKeyEvent question(QEvent::KeyPress, Qt::Key_Question, Qt::ShiftModifier, QStringLiteral("?"));
    QCOMPARE(AnnotationKeys::commandFor(question), ViewCommand::KeyboardSheet);
    QKeyEvent altP(QEvent::KeyPress, Qt::Key_P, Qt::AltModifier, QStringLiteral("p"));
    QCOMPARE(AnnotationKeys::commandFor(altP), ViewCommand::None);
    QKeyEvent one(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QStringLiteral("1"));
    QCOMPARE(AnnotationKeys::commandFor(one), ViewCommand::None);
    QCOMPARE(AnnotationKeys::reservedCharacters(),
             (QStringList{QStringLiteral("r"), QStringLiteral("q"), QStringLiteral("n"), QStringLiteral("p"),
                          QStringLiteral("?"), QStringLiteral("a"), QStringLiteral("x")}));
    QKeyEvent shiftA(QEvent::KeyPress, Qt::Key_A, Qt::ShiftModifier, QStringLiteral("A"));
    QCOMPARE(AnnotationKeys::commandFor(shiftA), ViewCommand::AcceptAllSuggestions);
    QKeyEvent a(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCOMPARE(AnnotationKeys::commandFor(a), ViewCommand::AcceptSuggestion);
    QCOMPARE(AnnotationKeys::reservedBy(QStringLiteral("N")), ViewCommand::NextDocument);
    QCOMPARE(AnnotationKeys::reservedBy(QStringLiteral("y")), ViewCommand::None);
    QCOMPARE(AnnotationKeys::keyNames(ViewCommand::Remove).size(), 2);
    for (const ViewKey& k : AnnotationKeys::all()) QVERIFY(!AnnotationKeys::description(k.command).isEmpty());

    // A schema hotkey on a reserved key never beats the command: P navigates, with or without a span.
    Schema s = schema();
    s.entityTypes[0].hotkey = QStringLiteral("p");
    Document d;
    d.text = QStringLiteral("Acme Ltd and Globex plc");
    d.entities = {entity(QStringLiteral("T1"), QStringLiteral("GOVERNING_LAW_AND_JURISDICTION"), 0, 8)};
    AnnotationView v;
    v.setDocument(d, s);
    QSignalSpy previous(&v, &AnnotationView::previousDocumentRequested);
    QSignalSpy retype(&v, &AnnotationView::entityTypeChangeRequested);
    v.setCurrentSpan(QStringLiteral("T1"));
    QTest::keyClick(&v, Qt::Key_P);
    QCOMPARE(previous.count(), 1);
    QCOMPARE(retype.count(), 0);
    QSignalSpy sheet(&v, &AnnotationView::keyboardSheetRequested);
    QTest::keyClick(&v, '?', Qt::ShiftModifier);
    QCOMPARE(sheet.count(), 1);
  }

  void searchFindsWholeWordsInCodePoints() {
    const QString text = QStringLiteral("\U0001F642 Insulin, insulin-free; in insulin. IN");
    QCOMPARE(DocumentSearch::find(text, QStringLiteral("insulin")),
             (QVector<QPair<int, int>>{{2, 9}, {11, 18}, {28, 35}}));
    SearchOptions exact;
    exact.caseSensitive = true;
    QCOMPARE(DocumentSearch::find(text, QStringLiteral("insulin"), exact),
             (QVector<QPair<int, int>>{{11, 18}, {28, 35}}));
    QCOMPARE(DocumentSearch::find(text, QStringLiteral("in")),
             (QVector<QPair<int, int>>{{25, 27}, {37, 39}}));
    SearchOptions anywhere;
    anywhere.wholeWords = false;
    QCOMPARE(DocumentSearch::find(text, QStringLiteral("in"), anywhere).size(), 8);
    QVERIFY(DocumentSearch::find(text, QString()).isEmpty());
  }

  void geometryStaysInsideTheTextWidth() {
    // A QA answer whose first word ends a line, a relation from the first line to the last, and a
    // long type name on a short span at the right edge.
    Document d;
    d.text = QStringLiteral(
        "The agreement is effective from the first of March two thousand and twenty four between "
        "the parties named below, and governed by the laws of England and Wales in every respect.");
    const Schema s = schema();
    d.entities = {entity(QStringLiteral("T1"), QStringLiteral("PARTY"), 4, 13),
                  entity(QStringLiteral("T2"), QStringLiteral("GOVERNING_LAW_AND_JURISDICTION"), 160, 167)};
    d.relations = {bound(QStringLiteral("T1"), QStringLiteral("T2"))};
    AnnotationIndex index;
    index.rebuild(d, s);
    QFont font;
    font.setPointSize(11);
    for (qreal width : {180.0, 260.0, 420.0}) {
      const LayoutMetrics m = LayoutMetrics::forFont(font, width, true);
      // The answer starts with the last word of the first line.
      BlockLayout probe;
      probe.build(index, 0, m);
      QVERIFY(probe.lines.size() >= 2);
      const int lastWord = int(index.text().lastIndexOf(QLatin1Char(' '), probe.lines[0].textEnd - 2)) + 1;
      QaAnswer a;
      a.field = QStringLiteral("effective_date");
      a.start = lastWord;
      a.end = probe.lines[1].textEnd - 1;
      Document withAnswer = d;
      withAnswer.answers = {a};
      AnnotationIndex answered;
      answered.rebuild(withAnswer, s);
      BlockLayout layout;
      layout.build(answered, 0, m);
      const QRectF inside(0, -1e6, width, 2e6);
      bool tagged = false;
      for (const AnswerPiece& p : layout.answers)
        if (p.tagRect.isValid()) {
          tagged = true;
          QVERIFY2(inside.contains(p.tagRect), qPrintable(QStringLiteral("tag %1..%2 of %3")
                                                              .arg(p.tagRect.left())
                                                              .arg(p.tagRect.right())
                                                              .arg(width)));
        }
      QVERIFY(tagged);
      QCOMPARE(layout.arcs.size(), 2);  // the relation crosses line breaks: one piece on each end's line
      for (const ArcPiece& arc : layout.arcs) {
        // The open end stops short of the edge, with room for its chevron; the label keeps clear of it.
        QVERIFY(arc.openLeft != arc.openRight);
        QVERIFY2(arc.x1 >= 8 && arc.x2 <= width - 8,
                 qPrintable(QStringLiteral("arc %1..%2 of %3").arg(arc.x1).arg(arc.x2).arg(width)));
        QVERIFY(inside.contains(arc.labelRect));
        if (arc.openLeft) QVERIFY(arc.labelRect.left() > arc.x1 + 4);
        if (arc.openRight) QVERIFY(arc.labelRect.right() < arc.x2 - 4);
      }
      for (const SpanPiece& p : layout.spans) QVERIFY(inside.contains(p.barRect));
    }
  }

  void tooltipsCutAtAWordWithAnEllipsis() {
    const QString party = QStringLiteral("Harrowgate Analytics Limited, a company registered in England");
    const QString cut = AnnotationTooltips::excerpt(party, 40);
    QVERIFY(cut.size() <= 40);
    QVERIFY(cut.endsWith(QChar(0x2026)));
    QVERIFY(party.startsWith(cut.chopped(1)));
    QVERIFY2(party.at(cut.size() - 1) == QLatin1Char(' ') || party.at(cut.size() - 1) == QLatin1Char(','),
             qPrintable(cut));  // the next character in the text ends a word
    QCOMPARE(AnnotationTooltips::excerpt(QStringLiteral("short text"), 40), QStringLiteral("short text"));
    QCOMPARE(AnnotationTooltips::excerpt(QStringLiteral("Pneumonoultramicroscopicsilicovolcanoconiosis"), 10),
             QStringLiteral("Pneumonou") + QChar(0x2026));

    // The relation tooltip in the view uses it.
    Document d;
    d.text = party + QStringLiteral(" is bound by the laws of England and Wales.");
    d.entities = {entity(QStringLiteral("T1"), QStringLiteral("PARTY"), 0, int(party.size())),
                  entity(QStringLiteral("T2"), QStringLiteral("GOVERNING_LAW_AND_JURISDICTION"),
                         int(d.text.size()) - 18, int(d.text.size()) - 1)};
    d.relations = {bound(QStringLiteral("T1"), QStringLiteral("T2"))};
    AnnotationView v;
    v.resize(1200, 300);
    v.setDocument(d, schema());
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QPoint onArc;
    for (int y = 0; y < 200 && onArc.isNull(); ++y)
      for (int x = 0; x < v.viewport()->width() && onArc.isNull(); x += 2)
        if (v.relationAt(QPoint(x, y)) == QStringLiteral("R1")) onArc = QPoint(x, y);
    QVERIFY(!onArc.isNull());
    const QString tip = v.toolTipAt(onArc);
    QVERIFY2(tip.contains(cut.toHtmlEscaped()), qPrintable(tip));
  }
};

QTEST_MAIN(TestAnnotationViewTools)
#include "test_annotation_view_tools.moc"
