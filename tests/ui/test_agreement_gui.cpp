// The agreement dialog (ui/team/AgreementDialog) on a project file where alice and bob annotated the same
// three documents apart (and carol one of them): the pair table and the heat map against figures worked out
// by hand, "Spans by" switched to Overlap by key, the heat map driven by mouse and keys, the documents of a
// pair least agreement first, Copy as TSV, Fleiss' κ and leaving an annotator out, the message for a single
// annotator, and a broken project shown as an error in the dialog.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "../core/test_store_data.h"
#include "UiTestSupport.h"
#include "store/ProjectStore.h"
#include "team/AgreementDialog.h"
#include "team/AgreementHeatMap.h"

using namespace quarry;
using quarry::test::span;
using quarry::ui::AgreementDialog;
using quarry::ui::AgreementHeatMap;

namespace {

// Code points: "Aspirin" 0-7, "treats" 8-14, "headache" 15-23, "and" 24-27, "fever" 28-33, "daily" 34-39.
const QString kText = QStringLiteral("Aspirin treats headache and fever daily.");
const Fragment kAspirin{0, 7}, kAspirinTreats{0, 14}, kHeadache{15, 23}, kFever{28, 33};

// The dialog's measurement (started by the constructor or a change) has ended.
bool measuredIn(AgreementDialog& dialog) {
  return QTest::qWaitFor([&] { return !dialog.isMeasuring(); }, 30000);
}

QString cell(const QTableWidget* table, int row, int column) {
  const QTableWidgetItem* item = table->item(row, column);
  return item ? item->text() : QStringLiteral("<none>");
}

}  // namespace

class TestAgreementGui : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  int m_projects = 0;

  qint64 entity(ProjectStore& s, qint64 doc, const QString& type, Fragment f, const QString& who) {
    Result<qint64> id = s.addEntity(doc, span({}, type, {f}), who);
    if (!id) qFatal("addEntity: %s", id.error().toString().c_str());
    return id.value();
  }

  void label(ProjectStore& s, qint64 doc, const QString& category, const QString& who) {
    if (!s.addLabel(doc, category, who).ok()) qFatal("addLabel failed");
  }

  // d-0, d-1, d-2 with the text above, no annotations; separate layers.
  std::unique_ptr<ProjectStore> emptyProject(QString* location, QVector<qint64>* docs) {
    *location = m_dir.filePath(QStringLiteral("agreement%1.quarry").arg(++m_projects));
    auto store = ProjectStore::create(*location, QStringLiteral("agreement"));
    if (!store) qFatal("%s", store.error().toString().c_str());
    Corpus corpus;
    corpus.schema = quarry::test::storeTestSchema();
    for (int i = 0; i < 3; ++i) {
      Document d;
      d.name = QStringLiteral("d-%1").arg(i);
      d.text = kText;
      corpus.documents.push_back(d);
    }
    if (!store.value()->importCorpus(corpus, QStringLiteral("importer")).ok()) qFatal("import failed");
    if (!store.value()->setSeparateLayers(true).ok()) qFatal("setSeparateLayers failed");
    const Result<QVector<DocumentSummary>> listed = store.value()->listDocuments();
    if (!listed) qFatal("%s", listed.error().toString().c_str());
    for (const DocumentSummary& d : listed.value()) docs->push_back(d.id);
    return std::move(store.value());
  }

  // alice and bob (and carol on d-0 when `carol`):
  //   d-0: both DRUG Aspirin, DISEASE headache, SYMPTOM fever; TREATS Aspirin→headache by both, Aspirin→fever
  //        by alice only; label fair by both.
  //   d-1: alice DRUG Aspirin, bob DRUG "Aspirin treats" (overlapping); both DISEASE headache; alice unfair,
  //        bob fair.
  //   d-2: both DRUG Aspirin; alice SYMPTOM headache and SYMPTOM fever, bob DISEASE headache; alice fair, bob
  //        unfair.
  // By hand, alice vs bob (a, b, both):
  //   exact  DRUG 3,3,2 -> 0.6667; DISEASE 2,3,2 -> 0.8; SYMPTOM 3,1,1 -> 0.5; all 8,7,5 -> 10/15 = 0.6667.
  //   overlap DRUG 1.0; DISEASE P 2/3 R 1 -> 0.8; SYMPTOM P 1 R 1/3 -> 0.5; all P 6/7 R 6/8 -> 0.8.
  //   relations TREATS 2,1,1 -> 0.6667. Labels [fair unfair fair] vs [fair fair unfair]: po 1/3, pe 5/9,
  //   κ = -0.5 (per category too).
  //   Documents: exact F1 d-0 1, d-1 0.5, d-2 0.4; relation F1 d-0 0.6667 (else none: 1).
  QString twoAnnotators(bool carol = false) {
    QString location;
    QVector<qint64> d;
    auto store = emptyProject(&location, &d);
    ProjectStore& s = *store;
    const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
    const QString drug = QStringLiteral("DRUG"), disease = QStringLiteral("DISEASE"),
                  symptom = QStringLiteral("SYMPTOM");
    const QString treats = QStringLiteral("TREATS");
    for (const QString& who : {alice, bob}) {
      const qint64 aspirin = entity(s, d[0], drug, kAspirin, who);
      const qint64 headache = entity(s, d[0], disease, kHeadache, who);
      const qint64 fever = entity(s, d[0], symptom, kFever, who);
      if (!s.addRelation(d[0], treats, aspirin, headache, who).ok()) qFatal("addRelation");
      if (who == alice && !s.addRelation(d[0], treats, aspirin, fever, who).ok()) qFatal("addRelation");
      label(s, d[0], QStringLiteral("fair"), who);
    }
    entity(s, d[1], drug, kAspirin, alice);
    entity(s, d[1], drug, kAspirinTreats, bob);
    entity(s, d[1], disease, kHeadache, alice);
    entity(s, d[1], disease, kHeadache, bob);
    label(s, d[1], QStringLiteral("unfair"), alice);
    label(s, d[1], QStringLiteral("fair"), bob);
    entity(s, d[2], drug, kAspirin, alice);
    entity(s, d[2], drug, kAspirin, bob);
    entity(s, d[2], symptom, kHeadache, alice);
    entity(s, d[2], symptom, kFever, alice);
    entity(s, d[2], disease, kHeadache, bob);
    label(s, d[2], QStringLiteral("fair"), alice);
    label(s, d[2], QStringLiteral("unfair"), bob);
    if (carol) {
      const QString c = QStringLiteral("carol");
      entity(s, d[0], drug, kAspirin, c);
      entity(s, d[0], disease, kHeadache, c);
      label(s, d[0], QStringLiteral("fair"), c);
    }
    return location;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    quarry::test::isolateSettings(QStringLiteral("test_agreement_gui"));
  }

  void pairTableAndHeatMapAgainstHandFigures() {
    AgreementDialog dialog(twoAnnotators());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(measuredIn(dialog));
    QVERIFY2(dialog.pairTable()->isVisible(), qPrintable(dialog.messageLabel()->text()));

    // Everyone who annotated is listed and chosen; the importer annotated nothing.
    QCOMPARE(dialog.annotatorList()->count(), 2);
    QCOMPARE(dialog.annotatorList()->item(0)->text(), QStringLiteral("alice"));
    QCOMPARE(dialog.annotatorList()->item(1)->checkState(), Qt::Checked);

    const QTableWidget* pairs = dialog.pairTable();
    QCOMPARE(pairs->rowCount(), 1);
    QCOMPARE(cell(pairs, 0, 0), QStringLiteral("alice – bob"));
    QCOMPARE(cell(pairs, 0, 1), QStringLiteral("3"));
    QCOMPARE(cell(pairs, 0, 2), QStringLiteral("0.6667"));  // 2·5 / (8 + 7)
    QCOMPARE(cell(pairs, 0, 3), QStringLiteral("0.8000"));  // P 6/7, R 6/8
    const double tokenKappa = cell(pairs, 0, 4).toDouble();
    QVERIFY2(tokenKappa > 0 && tokenKappa < 1, qPrintable(cell(pairs, 0, 4)));
    QCOMPARE(cell(pairs, 0, 5), QStringLiteral("0.6667"));   // TREATS 2·1 / (2 + 1)
    QCOMPARE(cell(pairs, 0, 6), QStringLiteral("–"));        // no questions
    QCOMPARE(cell(pairs, 0, 7), QStringLiteral("-0.5000"));  // (1/3 - 5/9) / (1 - 5/9)
    QVERIFY2(pairs->item(0, 2)->toolTip().contains(QStringLiteral("5 of alice's 8 spans, 5 of bob's 7")),
             qPrintable(pairs->item(0, 2)->toolTip()));
    QVERIFY(!dialog.fleissLabel()->isVisible());  // two annotators

    // The heat map: entity types, relation types, categories; one pair.
    AgreementHeatMap* map = dialog.heatMap();
    QCOMPARE(map->columnCount(), 1);
    QCOMPARE(map->columnName(0), QStringLiteral("alice – bob"));
    QCOMPARE(map->rowCount(), 6);
    QCOMPARE(map->rowName(0), QStringLiteral("DISEASE"));
    QCOMPARE(map->rowName(3), QStringLiteral("rel: TREATS"));
    QCOMPARE(map->rowName(4), QStringLiteral("label: fair"));
    const int drug = map->rowOf(QStringLiteral("DRUG")), disease = map->rowOf(QStringLiteral("DISEASE")),
              symptom = map->rowOf(QStringLiteral("SYMPTOM")),
              treats = map->rowOf(QStringLiteral("rel: TREATS")),
              fair = map->rowOf(QStringLiteral("label: fair"));
    QVERIFY(drug >= 0 && disease >= 0 && symptom >= 0 && treats >= 0 && fair >= 0);
    QCOMPARE(map->rowKind(treats), AgreementHeatMap::RowKind::Relation);
    QVERIFY(std::abs(map->value(drug, 0) - 2.0 * 2 / (3 + 3)) < 1e-9);
    QVERIFY(std::abs(map->value(disease, 0) - 2.0 * 2 / (2 + 3)) < 1e-9);
    QVERIFY(std::abs(map->value(symptom, 0) - 2.0 * 1 / (3 + 1)) < 1e-9);
    QVERIFY(std::abs(map->value(treats, 0) - 2.0 * 1 / (2 + 1)) < 1e-9);
    QVERIFY(std::abs(map->value(fair, 0) - -0.5) < 1e-9);
    QCOMPARE(map->cellText(drug, 0), QStringLiteral("0.67"));
    QCOMPARE(map->cellText(disease, 0), QStringLiteral("0.80"));
    QCOMPARE(map->cellText(symptom, 0), QStringLiteral("0.50"));
    QVERIFY2(map->cellToolTip(drug, 0).contains(
                 QStringLiteral("exact F1 0.67: 2 of alice's 3 spans, 2 of bob's 3")),
             qPrintable(map->cellToolTip(drug, 0)));
    QVERIFY(map->cellToolTip(drug, 0).startsWith(QStringLiteral("DRUG · alice – bob")));
    // Colours: 0.8 greener than 0.5; κ below 0 is as red as 0.
    QVERIFY(AgreementHeatMap::colourOf(0.8).hueF() > AgreementHeatMap::colourOf(0.5).hueF());
    QCOMPARE(AgreementHeatMap::colourOf(-0.5), AgreementHeatMap::colourOf(0.0));
    QVERIFY(!AgreementHeatMap::colourOf(std::nan("")).isValid());
    // The painted cell carries its colour.
    const QImage shot = map->grab().toImage();
    const QRect drugCell = map->cellRect(drug, 0);
    QCOMPARE(shot.pixelColor(drugCell.topLeft() + QPoint(3, 3)).rgb(),
             AgreementHeatMap::colourOf(2.0 / 3).rgb());

    // The documents of the pair, least agreement first: d-2 (exact 0.4), d-1 (0.5), d-0 (1, relations 0.67).
    const QTableWidget* docs = dialog.documentTable();
    QCOMPARE(docs->rowCount(), 3);
    QCOMPARE(cell(docs, 0, 0), QStringLiteral("d-2"));
    QCOMPARE(cell(docs, 0, 1), QStringLiteral("0.4000"));
    QCOMPARE(cell(docs, 1, 0), QStringLiteral("d-1"));
    QCOMPARE(cell(docs, 1, 1), QStringLiteral("0.5000"));
    QCOMPARE(cell(docs, 1, 2), QStringLiteral("1.0000"));  // overlapping: all agree
    QCOMPARE(cell(docs, 2, 0), QStringLiteral("d-0"));
    QCOMPARE(cell(docs, 2, 4), QStringLiteral("0.6667"));
    QCOMPARE(cell(docs, 1, 4), QStringLiteral("–"));  // no relations

    // "Spans by" Overlap, by key: DRUG now agrees everywhere; d-1 goes last (overlap 1 and no relations).
    dialog.spansByBox()->setFocus();
    QTest::keyClick(dialog.spansByBox(), Qt::Key_Down);
    QCOMPARE(dialog.spansByBox()->currentIndex(), 1);
    QCOMPARE(map->spanFigure(), AgreementHeatMap::SpanFigure::Overlap);
    QCOMPARE(map->cellText(drug, 0), QStringLiteral("1.00"));
    QCOMPARE(map->cellText(disease, 0), QStringLiteral("0.80"));
    QVERIFY2(
        map->cellToolTip(drug, 0).contains(QStringLiteral("overlap F1 1.00: 3 of alice's 3 spans overlap")),
        qPrintable(map->cellToolTip(drug, 0)));
    QCOMPARE(map->cellText(treats, 0), QStringLiteral("0.67"));  // relations stay F1
    QCOMPARE(cell(docs, 0, 0), QStringLiteral("d-2"));
    QCOMPARE(cell(docs, 1, 0), QStringLiteral("d-0"));
    QCOMPARE(cell(docs, 2, 0), QStringLiteral("d-1"));
    QTest::keyClick(dialog.spansByBox(), Qt::Key_Up);
    QCOMPARE(map->cellText(drug, 0), QStringLiteral("0.67"));

    // The heat map by mouse and keys: a click makes a cell current, the arrows move it, stopping at the
    // edges.
    QSignalSpy activated(map, &AgreementHeatMap::cellActivated);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(symptom, 0).center());
    QCOMPARE(activated.count(), 1);
    QVERIFY(map->hasFocus());
    QCOMPARE(map->currentRow(), symptom);
    int row = 0, column = 0;
    QVERIFY(map->cellAt(map->cellRect(treats, 0).center(), &row, &column));
    QCOMPARE(row, treats);
    QVERIFY(!map->cellAt(QPoint(1, 1), &row, &column));
    QTest::keyClick(map, Qt::Key_Up);
    QCOMPARE(map->currentRow(), symptom - 1);
    QTest::keyClick(map, Qt::Key_Right);
    QCOMPARE(map->currentColumn(), 0);  // one pair only
    for (int i = 0; i < 10; ++i) QTest::keyClick(map, Qt::Key_Down);
    QCOMPARE(map->currentRow(), map->rowCount() - 1);
    QVERIFY(map->accessibleDescription().contains(QStringLiteral("label: unfair")));
    QVERIFY(!map->accessibleName().isEmpty());

    // Copy as TSV: the header, then the pair.
    QVERIFY(dialog.copyButton()->isEnabled());
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("Pair\tDocuments\tExact F1\tOverlap F1")));
    QVERIFY2(lines[1].startsWith(QStringLiteral("alice – bob\t3\t0.6667\t0.8000\t")), qPrintable(lines[1]));

    QTest::qWait(50);  // pending layouts, before the picture
    QVERIFY(dialog.grab().save(quarry::test::artefactPath(QStringLiteral("agreement-dialog.png"))));
  }

  void threeAnnotatorsAndLeavingOneOut() {
    AgreementDialog dialog(twoAnnotators(true));
    dialog.show();
    QVERIFY(measuredIn(dialog));
    QCOMPARE(dialog.annotatorList()->count(), 3);
    QCOMPARE(dialog.pairTable()->rowCount(), 3);
    QCOMPARE(cell(dialog.pairTable(), 1, 0), QStringLiteral("alice – carol"));
    QCOMPARE(cell(dialog.pairTable(), 1, 1), QStringLiteral("1"));  // carol annotated d-0 only
    // alice vs carol on d-0: carol's 2 spans are alice's; alice has 3 -> 2·2 / (3 + 2).
    QCOMPARE(cell(dialog.pairTable(), 1, 2), QStringLiteral("0.8000"));
    QCOMPARE(dialog.heatMap()->columnCount(), 3);
    QVERIFY(dialog.fleissLabel()->isVisible());
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(quarry::test::artefactPath(QStringLiteral("agreement-dialog-three.png"))));
    QVERIFY2(
        dialog.fleissLabel()->text().contains(QStringLiteral("3 annotators (documents all labelled: 1)")),
        qPrintable(dialog.fleissLabel()->text()));

    // Choosing a pair (a heat map column) shows its documents.
    QTest::mouseClick(dialog.heatMap(), Qt::LeftButton, {}, dialog.heatMap()->cellRect(0, 2).center());
    QCOMPARE(dialog.selectedPair(), 2);
    QCOMPARE(dialog.pairTable()->currentRow(), 2);
    QCOMPARE(dialog.documentTable()->rowCount(), 1);
    QCOMPARE(cell(dialog.documentTable(), 0, 0), QStringLiteral("d-0"));

    // Leaving carol out measures again: one pair, no Fleiss line, carol stays listed but unchosen.
    dialog.annotatorList()->item(2)->setCheckState(Qt::Unchecked);
    QVERIFY(measuredIn(dialog));
    QCOMPARE(dialog.pairTable()->rowCount(), 1);
    QCOMPARE(dialog.heatMap()->columnCount(), 1);
    QVERIFY(!dialog.fleissLabel()->isVisible());
    QCOMPARE(dialog.annotatorList()->count(), 3);
    QCOMPARE(dialog.annotatorList()->item(2)->checkState(), Qt::Unchecked);
    QTest::mouseClick(dialog.refreshButton(), Qt::LeftButton);
    QVERIFY(measuredIn(dialog));
    QCOMPARE(dialog.annotatorList()->item(2)->checkState(), Qt::Unchecked);
    QCOMPARE(dialog.pairTable()->rowCount(), 1);

    // Leaving bob out as well: fewer than two, said so.
    dialog.annotatorList()->item(1)->setCheckState(Qt::Unchecked);
    QVERIFY(measuredIn(dialog));
    QVERIFY(!dialog.pairTable()->isVisible());
    QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("Choose at least two annotators")));
  }

  void splitWithoutAnnotations() {
    AgreementDialog dialog(twoAnnotators());
    dialog.show();
    QVERIFY(measuredIn(dialog));
    dialog.splitBox()->setCurrentIndex(
        dialog.splitBox()->findData(int(Split::Test)));  // every document is unassigned
    QVERIFY(measuredIn(dialog));
    QVERIFY(!dialog.pairTable()->isVisible());
    QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("Nobody annotated these documents")),
             qPrintable(dialog.messageLabel()->text()));
    dialog.splitBox()->setCurrentIndex(dialog.splitBox()->findData(int(Split::Unassigned)));
    QVERIFY(measuredIn(dialog));
    QVERIFY(dialog.pairTable()->isVisible());
    QCOMPARE(cell(dialog.pairTable(), 0, 2), QStringLiteral("0.6667"));
  }

  void singleAnnotatorIsExplained() {
    QString location;
    QVector<qint64> d;
    {
      auto store = emptyProject(&location, &d);
      entity(*store, d[0], QStringLiteral("DRUG"), kAspirin, QStringLiteral("alice"));
    }
    AgreementDialog dialog(location);
    dialog.show();
    QVERIFY(measuredIn(dialog));
    QVERIFY(dialog.messageLabel()->isVisible());
    QVERIFY2(dialog.messageLabel()->text().contains(
                 QStringLiteral("Agreement needs at least two annotators who annotated the same documents")),
             qPrintable(dialog.messageLabel()->text()));
    QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("Only alice")));
    QVERIFY(!dialog.pairTable()->isVisible());
    QVERIFY(!dialog.heatMap()->isVisible());
    QVERIFY(!dialog.copyButton()->isEnabled());
    QCOMPARE(dialog.annotatorList()->count(), 1);
    QVERIFY(dialog.grab().save(quarry::test::artefactPath(QStringLiteral("agreement-dialog-single.png"))));
  }

  void disjointDocumentsAreExplained() {
    QString location;
    QVector<qint64> d;
    {
      auto store = emptyProject(&location, &d);
      entity(*store, d[0], QStringLiteral("DRUG"), kAspirin, QStringLiteral("alice"));
      entity(*store, d[1], QStringLiteral("DRUG"), kAspirin, QStringLiteral("bob"));
    }
    AgreementDialog dialog(location);
    dialog.show();
    QVERIFY(measuredIn(dialog));
    QVERIFY(!dialog.pairTable()->isVisible());
    QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("no document in common")),
             qPrintable(dialog.messageLabel()->text()));
  }

  void brokenProjectShowsAnError() {
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.quarry"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a Quarry project, nor any SQLite database at all.\n");
    file.close();
    for (const QString& path : {garbage, m_dir.filePath(QStringLiteral("missing.quarry"))}) {
      AgreementDialog dialog(path);
      dialog.show();
      QVERIFY(measuredIn(dialog));
      QVERIFY(dialog.messageLabel()->isVisible());
      QVERIFY2(dialog.messageLabel()->text().startsWith(QStringLiteral("Agreement could not be measured")),
               qPrintable(dialog.messageLabel()->text()));
      QVERIFY(!dialog.pairTable()->isVisible());
      QVERIFY(dialog.refreshButton()->isEnabled());
    }
  }

  // Closing the dialog while it measures: the measurement ends on its own, nothing crashes.
  void closingWhileMeasuring() {
    const QString project = twoAnnotators();
    auto* dialog = new AgreementDialog(project);
    QVERIFY(dialog->isMeasuring());
    delete dialog;
    QTest::qWait(200);
    AgreementDialog again(project);
    QVERIFY(measuredIn(again));
    QCOMPARE(again.pairTable()->rowCount(), 1);
  }
};

QTEST_MAIN(TestAgreementGui)
#include "test_agreement_gui.moc"
