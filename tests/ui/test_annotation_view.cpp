// The annotation view driven like a person would: keys and clicks in, edit-request signals out.
// Offsets in the text below are code points; the emoji in front makes them differ from UTF-16.
#include <QDir>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

#include "annotation/AnnotationView.h"

using namespace quarry;
using namespace quarry::ui;

namespace {

// cp:  Aspirin 2-9, treats 10-16, severe 17-23, headache 24-32, adults 36-42,
//      Ibuprofen 44-53, aspirin 58-65, interact 66-74, warfarin 80-88.
const char16_t* const kText =
    u"\U0001F642 Aspirin treats severe headache in adults.\nIbuprofen and aspirin interact with warfarin.";

Guideline guideline(const QString& definition) {
  Guideline g;
  g.definition = definition;
  g.positiveExamples = {QStringLiteral("aspirin")};
  g.edgeCases = {QStringLiteral("Brand names count <b>too</b>.")};
  return g;
}

Schema makeSchema() {
  Schema s;
  s.entityTypes = {{QStringLiteral("DRUG"), QStringLiteral("#2a7fd4"), QStringLiteral("1"),
                    guideline(QStringLiteral("A medicine & its <names>."))},
                   {QStringLiteral("DISEASE"), QStringLiteral("#d4412a"), QStringLiteral("2"),
                    guideline(QStringLiteral("An illness."))},
                   {QStringLiteral("GENE"), QString(), QStringLiteral("g"), Guideline()}};
  RelationType treats;
  treats.name = QStringLiteral("TREATS");
  treats.headTypes = {QStringLiteral("DRUG")};
  treats.tailTypes = {QStringLiteral("DISEASE")};
  treats.guideline = guideline(QStringLiteral("The drug is given for the disease."));
  RelationType interacts;
  interacts.name = QStringLiteral("INTERACTS");
  interacts.directed = false;
  interacts.headTypes = {QStringLiteral("DRUG")};
  interacts.tailTypes = {QStringLiteral("DRUG")};
  s.relationTypes = {treats, interacts};
  QaField dose;
  dose.name = QStringLiteral("dose");
  dose.questions = {QStringLiteral("Which drug is given?")};
  QaField population;
  population.name = QStringLiteral("population");
  population.questions = {QStringLiteral("Who is treated?")};
  s.qaFields = {dose, population};
  return s;
}

EntitySpan entity(const QString& key, const QString& type, QVector<Fragment> fragments) {
  EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = fragments;
  return e;
}

Relation relation(const QString& key, const QString& type, const QString& head, const QString& tail) {
  Relation r;
  r.key = key;
  r.type = type;
  r.head = head;
  r.tail = tail;
  return r;
}

Document makeDocument(bool annotated) {
  Document d;
  d.name = QStringLiteral("doc1");
  d.text = QString::fromUtf16(kText);
  if (!annotated) return d;
  d.entities = {entity(QStringLiteral("T1"), QStringLiteral("DRUG"), {{2, 9}}),
                entity(QStringLiteral("T2"), QStringLiteral("DISEASE"), {{24, 32}}),
                entity(QStringLiteral("T3"), QStringLiteral("DISEASE"), {{17, 32}}),
                entity(QStringLiteral("T4"), QStringLiteral("DRUG"), {{44, 53}}),
                entity(QStringLiteral("T5"), QStringLiteral("DRUG"), {{80, 88}})};
  return d;
}

}  // namespace

class TestAnnotationView : public QObject {
  Q_OBJECT

  std::unique_ptr<AnnotationView> m_view;

  AnnotationView* open(const Document& d, const Schema& s = makeSchema()) {
    m_view = std::make_unique<AnnotationView>();
    m_view->resize(820, 420);
    m_view->setDocument(d, s);
    m_view->show();
    if (!QTest::qWaitForWindowExposed(m_view.get())) return nullptr;
    m_view->setFocus();
    return m_view.get();
  }

 private Q_SLOTS:
  void cleanup() { m_view.reset(); }

  void shiftArrowsAndHotkeyLabelCodePoints() {
    AnnotationView* v = open(makeDocument(false));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::entityRequested);
    v->setCursorPosition(2);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v->selection(), qMakePair(2, 9));
    QTest::keyClick(v, Qt::Key_1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("DRUG"));
    const auto fragments = spy[0][1].value<QVector<Fragment>>();
    QCOMPARE(fragments.size(), 1);
    QCOMPARE(fragments[0].start, 2);
    QCOMPARE(fragments[0].end, 9);
    // Two words, then a letter hotkey.
    v->setCursorPosition(17);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_G);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy[1][0].toString(), QStringLiteral("GENE"));
    QCOMPARE(spy[1][1].value<QVector<Fragment>>()[0], (Fragment{17, 32}));
  }

  void selectionSnapsToWords() {
    AnnotationView* v = open(makeDocument(false));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::entityRequested);
    v->setSelection(4, 12);  // "pirin tr"
    QTest::keyClick(v, Qt::Key_2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][1].value<QVector<Fragment>>()[0], (Fragment{2, 16}));
    // Character mode keeps the exact range, and Shift+Right moves one character.
    v->setWordSnapping(false);
    v->setSelection(4, 12);
    QTest::keyClick(v, Qt::Key_2);
    QCOMPARE(spy[1][1].value<QVector<Fragment>>()[0], (Fragment{4, 12}));
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);  // the emoji: one character, two UTF-16 units
    QCOMPARE(v->selection(), qMakePair(0, 1));
    // Alt+W toggles back to words.
    QTest::keyClick(v, Qt::Key_W, Qt::AltModifier);
    QVERIFY(v->wordSnapping());
  }

  void mouseDragSnapsToWords() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    const QRect aspirin = v->spanRect(QStringLiteral("T1"));
    const QRect treatsEnd = v->spanRect(QStringLiteral("T3"));  // "severe headache"
    QVERIFY(!aspirin.isEmpty() && !treatsEnd.isEmpty());
    QCOMPARE(v->codePointAt(aspirin.topLeft() + QPoint(1, 2)), 2);
    const QPoint from(aspirin.left() + aspirin.width() / 2, aspirin.center().y());
    const QPoint to(treatsEnd.left() + 10, treatsEnd.center().y());  // inside "severe"
    QTest::mousePress(v->viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(v->viewport(), to);
    QTest::mouseRelease(v->viewport(), Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(v->selection(), qMakePair(2, 23));
  }

  void tabMovesBetweenSpansInTextOrder() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QStringList seen;
    for (int i = 0; i < 6; ++i) {
      QTest::keyClick(v, Qt::Key_Tab);
      seen.push_back(v->currentSpan());
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("T1"), QStringLiteral("T3"), QStringLiteral("T2"),
                                QStringLiteral("T4"), QStringLiteral("T5"), QStringLiteral("T1")}));
    QTest::keyClick(v, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(v->currentSpan(), QStringLiteral("T5"));
  }

  void deleteRemovesCurrentSpan() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::entityRemovalRequested);
    QTest::keyClick(v, Qt::Key_Tab);
    QTest::keyClick(v, Qt::Key_Tab);
    QTest::keyClick(v, Qt::Key_Delete);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("T3"));
    // The owner applies it; the view forgets the span.
    v->applyEntityRemoved(QStringLiteral("T3"));
    QVERIFY(v->currentSpan().isEmpty());
    QVERIFY(v->spanRect(QStringLiteral("T3")).isNull());
  }

  void relationWithOneValidType() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::relationRequested);
    v->setCurrentSpan(QStringLiteral("T1"));
    QTest::keyClick(v, Qt::Key_R);
    QVERIFY(v->isRelationPending());
    QCOMPARE(v->pendingRelationHead(), QStringLiteral("T1"));
    QTest::keyClick(v, Qt::Key_Tab);  // T3, a DISEASE
    QTest::keyClick(v, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("TREATS"));
    QCOMPARE(spy[0][1].toString(), QStringLiteral("T1"));
    QCOMPARE(spy[0][2].toString(), QStringLiteral("T3"));
    QVERIFY(!v->isRelationPending());
    QVERIFY(!v->activePopup());
  }

  void relationWithNoValidTypeExplains() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::relationRequested);
    QSignalSpy messages(v, &AnnotationView::statusMessage);
    v->setCurrentSpan(QStringLiteral("T2"));  // DISEASE
    QTest::keyClick(v, Qt::Key_R);
    QTest::keyClick(v, Qt::Key_Tab);  // T4, a DRUG: DISEASE -> DRUG is allowed by nothing
    QCOMPARE(v->currentSpan(), QStringLiteral("T4"));
    QTest::keyClick(v, Qt::Key_Enter);
    QCOMPARE(spy.count(), 0);
    QVERIFY(!messages.isEmpty());
    const QString last = messages.last()[0].toString();
    QVERIFY2(last.contains(QLatin1String("No relation type")) && last.contains(QLatin1String("DISEASE")),
             qPrintable(last));
    QVERIFY(!v->isRelationPending());
  }

  void relationWithSeveralTypesOffersPopup() {
    Schema s = makeSchema();
    RelationType combined;
    combined.name = QStringLiteral("COMBINED_WITH");
    combined.headTypes = {QStringLiteral("DRUG")};
    s.relationTypes.push_back(combined);
    AnnotationView* v = open(makeDocument(true), s);
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::relationRequested);
    v->setCurrentSpan(QStringLiteral("T4"));
    QTest::keyClick(v, Qt::Key_R);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::NoModifier,
                      v->spanRect(QStringLiteral("T5")).center());
    QMenu* menu = v->activePopup();
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), QStringLiteral("relationTypePopup"));
    QStringList offered;
    for (QAction* a : menu->actions()) offered.push_back(a->data().toString());
    QCOMPARE(offered, (QStringList{QStringLiteral("INTERACTS"), QStringLiteral("COMBINED_WITH")}));
    menu->actions()[1]->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("COMBINED_WITH"));
    QCOMPARE(spy[0][1].toString(), QStringLiteral("T4"));
    QCOMPARE(spy[0][2].toString(), QStringLiteral("T5"));
  }

  void escapeCancelsRelation() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::relationRequested);
    v->setCurrentSpan(QStringLiteral("T1"));
    QTest::keyClick(v, Qt::Key_R);
    QTest::keyClick(v, Qt::Key_Escape);
    QVERIFY(!v->isRelationPending());
    QTest::keyClick(v, Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
  }

  void qaFieldPopupAnswers() {
    AnnotationView* v = open(makeDocument(false));
    QVERIFY(v);
    QSignalSpy spy(v, &AnnotationView::answerRequested);
    v->setCursorPosition(2);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_Q);
    QMenu* menu = v->activePopup();
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), QStringLiteral("qaFieldPopup"));
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(menu->actions()[0]->text().contains(QLatin1String("Which drug is given?")));
    menu->actions()[0]->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy[0][0].toString(), QStringLiteral("dose"));
    QCOMPARE(spy[0][1].toInt(), 2);
    QCOMPARE(spy[0][2].toInt(), 9);
  }

  void navigationKeys() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    QSignalSpy next(v, &AnnotationView::nextDocumentRequested);
    QSignalSpy previous(v, &AnnotationView::previousDocumentRequested);
    QSignalSpy done(v, &AnnotationView::markDoneRequested);
    QTest::keyClick(v, Qt::Key_N);
    QTest::keyClick(v, Qt::Key_P);
    QTest::keyClick(v, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(next.count(), 1);
    QCOMPARE(previous.count(), 1);
    QCOMPARE(done.count(), 1);
  }

  void readOnlyEmitsNoEdits() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    v->setReadOnly(true);
    QSignalSpy added(v, &AnnotationView::entityRequested);
    QSignalSpy removed(v, &AnnotationView::entityRemovalRequested);
    QSignalSpy retyped(v, &AnnotationView::entityTypeChangeRequested);
    QSignalSpy related(v, &AnnotationView::relationRequested);
    QSignalSpy answered(v, &AnnotationView::answerRequested);
    QSignalSpy done(v, &AnnotationView::markDoneRequested);
    v->setSelection(36, 42);
    QTest::keyClick(v, Qt::Key_1);
    QTest::keyClick(v, Qt::Key_Q);
    QVERIFY(!v->activePopup());
    v->setCurrentSpan(QStringLiteral("T1"));
    QTest::keyClick(v, Qt::Key_2);
    QTest::keyClick(v, Qt::Key_Delete);
    QTest::keyClick(v, Qt::Key_R);
    QVERIFY(!v->isRelationPending());
    QTest::keyClick(v, Qt::Key_Tab);
    QTest::keyClick(v, Qt::Key_Return);
    QTest::keyClick(v, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(
        added.count() + removed.count() + retyped.count() + related.count() + answered.count() + done.count(),
        0);
    QCOMPARE(v->currentSpan(), QStringLiteral("T3"));  // navigation still works
  }

  void hitTestingFindsNestedSpans() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    const QRect headache = v->spanRect(QStringLiteral("T2"));
    const QStringList both = v->spansAt(headache.center());
    QCOMPARE(both, (QStringList{QStringLiteral("T2"), QStringLiteral("T3")}));  // innermost first
    QCOMPARE(v->spanAt(headache.center()), QStringLiteral("T2"));
    const QRect severe = v->spanRect(QStringLiteral("T3"));
    QCOMPARE(v->spansAt(QPoint(severe.left() + 5, severe.center().y())), QStringList{QStringLiteral("T3")});
    // Each nesting level has its own type-name chip above the text, the inner one nearest it: above
    // "headache" the inner span's chip, and higher up the outer span's.
    QStringList above;
    for (int y = headache.top() - 1; y > headache.top() - 60 && y > 0; --y) {
      const QString s = v->spanAt(QPoint(headache.center().x(), y));
      if (!s.isEmpty() && !above.contains(s)) above << s;
    }
    QCOMPARE(above.mid(0, 2), (QStringList{QStringLiteral("T2"), QStringLiteral("T3")}));
    // Colour only: each nesting level has its own bar below the text instead.
    v->setShowTypeNames(false);
    const QRect headacheBars = v->spanRect(QStringLiteral("T2"));
    QVERIFY(v->spansAt(QPoint(headacheBars.center().x(), headacheBars.bottom() + 3))
                .contains(QStringLiteral("T3")));
    v->setShowTypeNames(true);
    QVERIFY(v->spanAt(QPoint(headache.center().x(), headache.top() - 30)).isEmpty() ||
            v->spanAt(QPoint(headache.center().x(), headache.top() - 30)) != QStringLiteral("T2"));
    // A click on a span makes it current.
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::NoModifier, headache.center());
    QCOMPARE(v->currentSpan(), QStringLiteral("T2"));
  }

  void arcsOnOneLineGetDistinctLanes() {
    Document d = makeDocument(true);
    d.relations = {
        relation(QStringLiteral("R1"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T2")),
        relation(QStringLiteral("R2"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T3")),
        relation(QStringLiteral("R3"), QStringLiteral("INTERACTS"), QStringLiteral("T4"),
                 QStringLiteral("T5")),
        relation(QStringLiteral("R4"), QStringLiteral("TREATS"), QStringLiteral("T4"), QStringLiteral("T2"))};
    AnnotationView* v = open(d);
    QVERIFY(v);
    const int l1 = v->relationLane(QStringLiteral("R1")), l2 = v->relationLane(QStringLiteral("R2"));
    QVERIFY(l1 >= 0 && l2 >= 0);
    QVERIFY(l1 != l2);
    QCOMPARE(l2, 0);  // the shorter arc sits nearest the text
    // R4 crosses a paragraph: on T4's line it runs from the left edge to T4, beside R3 (T4 to T5).
    const int l3 = v->relationLane(QStringLiteral("R3")), l4 = v->relationLane(QStringLiteral("R4"));
    QVERIFY(l3 >= 0 && l4 >= 0);
    QVERIFY(l3 != l4);
    // Hovering an arc gives its relation type's guideline; clicking it then Delete asks to remove it.
    QPoint onArc;
    const QRect t1 = v->spanRect(QStringLiteral("T1"));
    for (int y = t1.top() - 1; y > 0 && onArc.isNull(); --y)
      for (int x = t1.left(); x < v->viewport()->width() && onArc.isNull(); x += 2)
        if (v->relationAt(QPoint(x, y)) == QStringLiteral("R2")) onArc = QPoint(x, y);
    QVERIFY(!onArc.isNull());
    QVERIFY(v->toolTipAt(onArc).contains(QLatin1String("The drug is given for the disease.")));
    QSignalSpy removal(v, &AnnotationView::relationRemovalRequested);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::NoModifier, onArc);
    QCOMPARE(v->currentRelation(), QStringLiteral("R2"));
    QTest::keyClick(v, Qt::Key_Delete);
    QCOMPARE(removal.count(), 1);
    QCOMPARE(removal[0][0].toString(), QStringLiteral("R2"));
  }

  void tooltipsShowEscapedGuidelineAndMisalignment() {
    AnnotationView* v = open(makeDocument(true));
    QVERIFY(v);
    const QPoint p = v->spanRect(QStringLiteral("T1")).center();
    QString tip = v->toolTipAt(p);
    QVERIFY2(tip.contains(QLatin1String("A medicine &amp; its &lt;names&gt;.")), qPrintable(tip));
    QVERIFY(tip.contains(QLatin1String("aspirin")));
    QVERIFY(tip.contains(QLatin1String("&lt;b&gt;too&lt;/b&gt;")));
    QVERIFY(!tip.contains(QLatin1String("tokens")));
    v->setMisalignedSpans({QStringLiteral("T1")}, QStringLiteral("The model's tokens are 'Asp' 'irin'."));
    tip = v->toolTipAt(p);
    QVERIFY2(tip.contains(QLatin1String("The model&#x27;s tokens")) ||
                 tip.contains(QLatin1String("The model's tokens")),
             qPrintable(tip));
  }

  void appliedChangesShowUp() {
    AnnotationView* v = open(makeDocument(false));
    QVERIFY(v);
    v->applyEntityAdded(entity(QStringLiteral("T9"), QStringLiteral("DRUG"), {{58, 65}}));
    QCOMPARE(v->currentSpan(), QStringLiteral("T9"));
    const QRect r = v->spanRect(QStringLiteral("T9"));
    QVERIFY(!r.isEmpty());
    QCOMPARE(v->spanAt(r.center()), QStringLiteral("T9"));
    EntitySpan changed = entity(QStringLiteral("T9"), QStringLiteral("DISEASE"), {{58, 65}});
    v->applyEntityChanged(changed);
    QCOMPARE(v->document().entity(QStringLiteral("T9"))->type, QStringLiteral("DISEASE"));
    QaAnswer a;
    a.field = QStringLiteral("dose");
    a.start = 58;
    a.end = 65;
    v->applyAnswerSet(a);
    // The answer's tag takes a row above the line: the text moves down.
    const QRect answered = v->spanRect(QStringLiteral("T9"));
    QCOMPARE(v->answerAt(answered.center()), QStringLiteral("dose"));
    v->applyAnswerCleared(QStringLiteral("dose"));
    QVERIFY(v->answerAt(v->spanRect(QStringLiteral("T9")).center()).isEmpty());
  }

  void screenshot() {
    Document d = makeDocument(true);
    d.text += QStringLiteral(
        "\nThe patient took 200 mg ibuprofen twice daily and paracetamol at night, which relieved the "
        "migraine but not the nausea; warfarin was stopped.");
    // cp offsets of the third paragraph (starts at 90).
    const int base = 90;
    const QString third = d.text.mid(d.text.indexOf(QLatin1String("The patient")));
    auto at = [&](const char* w) { return base + int(third.indexOf(QLatin1String(w))); };
    d.entities.push_back(
        entity(QStringLiteral("T6"), QStringLiteral("DRUG"), {{at("ibuprofen"), at("ibuprofen") + 9}}));
    d.entities.push_back(
        entity(QStringLiteral("T7"), QStringLiteral("DRUG"),
               {{at("200 mg"), at("200 mg") + 6}, {at("twice daily"), at("twice daily") + 11}}));
    d.entities.push_back(
        entity(QStringLiteral("T8"), QStringLiteral("DISEASE"), {{at("migraine"), at("migraine") + 8}}));
    d.entities.push_back(
        entity(QStringLiteral("T9"), QStringLiteral("GENE"), {{at("ibuprofen") - 3, at("twice") + 5}}));
    d.entities.push_back(
        entity(QStringLiteral("T10"), QStringLiteral("DRUG"), {{at("paracetamol"), at("paracetamol") + 11}}));
    d.relations = {
        relation(QStringLiteral("R1"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T2")),
        relation(QStringLiteral("R2"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T3")),
        relation(QStringLiteral("R3"), QStringLiteral("INTERACTS"), QStringLiteral("T4"),
                 QStringLiteral("T5")),
        relation(QStringLiteral("R4"), QStringLiteral("TREATS"), QStringLiteral("T10"), QStringLiteral("T8")),
        relation(QStringLiteral("R5"), QStringLiteral("TREATS"), QStringLiteral("T6"), QStringLiteral("T8")),
        relation(QStringLiteral("R6"), QStringLiteral("TREATS"), QStringLiteral("T4"), QStringLiteral("T2"))};
    QaAnswer a;
    a.field = QStringLiteral("population");
    a.start = 36;
    a.end = 42;
    d.answers = {a};
    AnnotationView* v = open(d);
    QVERIFY(v);
    v->resize(760, 420);
    v->setMisalignedSpans({QStringLiteral("T8")}, QStringLiteral("not on token boundaries"));
    v->setCurrentSpan(QStringLiteral("T3"));
    QDir().mkpath(QStringLiteral("artefacts"));
    QImage image = v->grab().toImage();
    QVERIFY(image.save(QStringLiteral("artefacts/annotation_view.png")));
    v->setShowTypeNames(false);
    QVERIFY(v->grab().toImage().save(QStringLiteral("artefacts/annotation_view_colour_only.png")));
    v->setShowTypeNames(true);
    v->setReadOnly(true);
    QVERIFY(v->grab().toImage().save(QStringLiteral("artefacts/annotation_view_readonly.png")));
    QVERIFY(image.width() > 100);
  }
};

QTEST_MAIN(TestAnnotationView)
#include "test_annotation_view.moc"
