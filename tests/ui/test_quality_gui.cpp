// The Data Quality dock through the real main window on the demo project, by keys and clicks: split
// leakage (a dev document copied from training, also warned of in the Train dialog), inconsistent labels
// fixed one key each (R relabels through the undo stack, I marks a finding as intended so the next check
// hides it), and drift of the unassigned documents for a model trained in the window (the Runs view's Drift
// button). Screenshots are kept as artefacts.

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include "UiTestSupport.h"
#include "WorkbenchTestSupport.h"
#include "dataquality/QualityPanel.h"
#include "jobs/EngineDocuments.h"
#include "store/ProjectStore.h"
#include "training/RunsPanel.h"
#include "training/TrainDialog.h"
#include "training/TrainingController.h"

using quarry::ui::MainWindow;
using quarry::ui::QualityPanel;

namespace {

void grab(QWidget* w, const QString& name) { w->grab().save(quarry::test::artefactPath(name)); }

// The top-level item whose first column contains `text`, or null.
QTreeWidgetItem* findingItem(QTreeWidget* tree, const QString& text) {
  for (int i = 0; i < tree->topLevelItemCount(); ++i)
    if (tree->topLevelItem(i)->text(0).contains(text)) return tree->topLevelItem(i);
  return nullptr;
}

// The first child of `finding` labelled `label`.
QTreeWidgetItem* occurrenceItem(QTreeWidgetItem* finding, const QString& label) {
  for (int i = 0; finding && i < finding->childCount(); ++i)
    if (finding->child(i)->text(0) == label) return finding->child(i);
  return nullptr;
}

// The type of the entity at [start, end) of document `id` in the window's store; empty when there is none.
QString entityAt(MainWindow& window, qint64 id, int start, int end) {
  for (const quarry::EntitySpan& e : quarry::test::storedDocument(window, id).entities)
    if (e.start() == start && e.end() == end) return e.type;
  return {};
}

}  // namespace

class TestQualityGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_quality_gui")); }

  void leakageConsistencyFixesAndDrift() {
    const QString project = m_demos.fresh();
    qint64 copyId = 0, warfarinDoc = 0, zorbitalUnrelated = 0;
    {
      // A dev document copied from a training one; "warfarin" labelled DISEASE once, DRUG twice (the demo's
      // and a note's).
      auto store = quarry::ProjectStore::open(project);
      QVERIFY(store.ok());
      auto train = quarry::jobs::documentsFromStore(*store.value(), {quarry::Split::Train});
      QVERIFY(train.ok() && !train->documents.empty());
      quarry::test::addDocument(project, QStringLiteral("copied-into-dev"), QString::fromStdString(train->documents[0].text));
      quarry::test::addDocument(project, QStringLiteral("warfarin-note"),
                                QStringLiteral("Patients on warfarin were excluded from the trial."));
      quarry::test::addDocument(project, QStringLiteral("warfarin-dose"), QStringLiteral("Warfarin dose was adjusted weekly."));
      auto listed = store.value()->listDocuments();  // kept: a range over a temporary's member would dangle
      QVERIFY(listed.ok());
      for (const quarry::DocumentSummary& d : listed.value()) {
        if (d.name == QLatin1String("copied-into-dev")) copyId = d.id;
        if (d.name == QLatin1String("warfarin-note")) warfarinDoc = d.id;
        if (d.name == QLatin1String("warfarin-dose")) {
          VERIFY_STATUS(store.value()->setDocumentSplit(d.id, quarry::Split::Train, QStringLiteral("tester")));
          quarry::EntitySpan drug;
          drug.type = QStringLiteral("DRUG");
          drug.fragments = {{0, 8}};
          QVERIFY(store.value()->addEntity(d.id, drug, QStringLiteral("tester")).ok());
        }
      }
      VERIFY_STATUS(store.value()->setDocumentSplit(copyId, quarry::Split::Dev, QStringLiteral("tester")));
      VERIFY_STATUS(store.value()->setDocumentSplit(warfarinDoc, quarry::Split::Train, QStringLiteral("tester")));
      quarry::EntitySpan span;
      span.type = QStringLiteral("DISEASE");
      span.fragments = {{12, 20}};
      QVERIFY(store.value()->addEntity(warfarinDoc, span, QStringLiteral("tester")).ok());
      // "Zorbital" TREATS "glimmer fever" in two training documents; a third mentions both, unrelated.
      const QString texts[3] = {QStringLiteral("Zorbital cures glimmer fever."),
                                QStringLiteral("Zorbital relieved glimmer fever quickly."),
                                QStringLiteral("Zorbital and glimmer fever were noted.")};
      const int feverAt[3] = {15, 18, 13};
      for (int k = 0; k < 3; ++k) {
        const QString name = QStringLiteral("zorbital-%1").arg(k);
        quarry::test::addDocument(project, name, texts[k]);
        auto again = store.value()->listDocuments();
        QVERIFY(again.ok());
        qint64 id = 0;
        for (const quarry::DocumentSummary& d : again.value())
          if (d.name == name) id = d.id;
        VERIFY_STATUS(store.value()->setDocumentSplit(id, quarry::Split::Train, QStringLiteral("tester")));
        quarry::EntitySpan drug, fever;
        drug.type = QStringLiteral("DRUG");
        drug.fragments = {{0, 8}};
        fever.type = QStringLiteral("DISEASE");
        fever.fragments = {{feverAt[k], feverAt[k] + 13}};
        auto drugId = store.value()->addEntity(id, drug, QStringLiteral("tester"));
        auto feverId = store.value()->addEntity(id, fever, QStringLiteral("tester"));
        QVERIFY(drugId.ok() && feverId.ok());
        if (k < 2)
          QVERIFY(store.value()->addRelation(id, QStringLiteral("TREATS"), drugId.value(), feverId.value(),
                                             QStringLiteral("tester")).ok());
        if (k == 2) zorbitalUnrelated = id;
      }
    }
    MainWindow window;
    QVERIFY(quarry::test::showOn(window, project));
    QualityPanel* panel = window.qualityPanel();
    QVERIFY(panel);
    window.qualityDock()->show();
    window.qualityDock()->raise();

    // The Train dialog warns of the copy.
    {
      quarry::ui::TrainDialog dialog(*window.store(), project, &window);
      QVERIFY(dialog.leakageLabel()->isVisibleTo(&dialog));
      QVERIFY2(dialog.leakageLabel()->text().contains(QStringLiteral("1 dev document")),
               qPrintable(dialog.leakageLabel()->text()));
      QVERIFY(dialog.leakageLabel()->toolTip().contains(QStringLiteral("copied-into-dev")));
    }

    // Split leakage, by the Check button.
    panel->checkBox()->setCurrentIndex(0);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 60000);
    QCOMPARE(panel->leakage().crossSplit.size(), size_t(1));
    QVERIFY(panel->leakage().crossSplit[0].identical);
    QCOMPARE(panel->tree()->topLevelItem(0)->childCount(), 2);
    QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("1 pair")), qPrintable(panel->summaryLabel()->text()));
    grab(window.qualityDock(), QStringLiteral("quality-leakage.png"));
    // Enter on a document of the pair opens it.
    panel->tree()->setFocus();
    panel->tree()->topLevelItem(0)->setExpanded(true);
    panel->tree()->setCurrentItem(panel->tree()->topLevelItem(0)->child(1));
    QTest::keyClick(panel->tree(), Qt::Key_Return);
    QCOMPARE(window.currentDocument(), copyId);
    // Re-split keeping the pair together (today's proportions): written, and the check finds nothing.
    QVERIFY(panel->resplitButton()->isVisible());
    QVERIFY(panel->resplit(QStringLiteral("current"), 3));
    QVERIFY(panel->leakage().crossSplit.empty());
    QVERIFY(!panel->resplitButton()->isVisible());
    {
      int train = 0;
      auto listed = window.store()->listDocuments();
      QVERIFY(listed.ok());
      for (const quarry::DocumentSummary& d : listed.value())
        if (d.split == quarry::Split::Train) ++train;
      QCOMPARE(train, 42);  // the proportions kept: 42 train documents before and after
    }

    // Inconsistent labels.
    QVERIFY(panel->runCheck(QualityPanel::Check::Consistency));
    QTreeWidgetItem* warfarin = findingItem(panel->tree(), QStringLiteral("\"warfarin\""));
    QVERIFY2(warfarin, "warfarin: DRUG in the demo, DISEASE once");
    QVERIFY2(warfarin->text(1).startsWith(QStringLiteral("DRUG 2")) && warfarin->text(1).contains(QStringLiteral("DISEASE 1")),
             qPrintable(warfarin->text(1)));
    QVERIFY(findingItem(panel->tree(), QStringLiteral("\"singapore\"")));
    grab(window.qualityDock(), QStringLiteral("quality-consistency.png"));
    // R on the DISEASE occurrence: it becomes DRUG, through the undo stack.
    QTreeWidgetItem* disease = occurrenceItem(warfarin, QStringLiteral("DISEASE"));
    QVERIFY(disease);
    panel->tree()->setFocus();
    panel->tree()->setCurrentItem(disease);
    QString said;
    QObject::connect(panel, &QualityPanel::message, panel, [&](const QString& m) { said = m; });
    QTest::keyClick(panel->tree(), Qt::Key_R);
    QVERIFY2(said.isEmpty(), qPrintable(said));
    QCOMPARE(entityAt(window, warfarinDoc, 12, 20), QStringLiteral("DRUG"));
    QCOMPARE(window.currentDocument(), warfarinDoc);
    QVERIFY(disease->text(0).contains(QStringLiteral("DISEASE → DRUG")));
    QVERIFY(panel->tree()->currentItem() != disease);  // moved on to the next disagreeing occurrence
    window.undoStack()->undo();
    QCOMPARE(entityAt(window, warfarinDoc, 12, 20), QStringLiteral("DISEASE"));
    window.undoStack()->redo();
    QCOMPARE(entityAt(window, warfarinDoc, 12, 20), QStringLiteral("DRUG"));
    // I on "singapore": marked as intended (by the window's annotator); the next check hides it.
    QTreeWidgetItem* singapore = findingItem(panel->tree(), QStringLiteral("\"singapore\""));
    panel->tree()->setCurrentItem(singapore->child(0));
    QTest::keyClick(panel->tree(), Qt::Key_I);
    QVERIFY(!findingItem(panel->tree(), QStringLiteral("\"singapore\"")));
    auto marked = window.store()->intendedFindings(QStringLiteral("entity"));
    QVERIFY(marked.ok() && marked->contains(QStringLiteral("singapore")));
    QVERIFY(panel->runCheck(QualityPanel::Check::Consistency));
    QVERIFY(!findingItem(panel->tree(), QStringLiteral("\"singapore\"")));
    QVERIFY(!findingItem(panel->tree(), QStringLiteral("\"warfarin\"")));  // fixed: consistent now
    QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("1 marked as intended")),
             qPrintable(panel->summaryLabel()->text()));
    // R on a finding acts on its first occurrence that disagrees: here the unannotated one, which it labels.
    QTRY_VERIFY(panel->tree()->hasFocus());  // the keys act at once after a check
    QTreeWidgetItem* england = findingItem(panel->tree(), QStringLiteral("\"england and wales\""));
    QVERIFY(england);
    QTreeWidgetItem* none = occurrenceItem(england, QStringLiteral("none"));
    QVERIFY(none);
    panel->tree()->setCurrentItem(england);
    QTest::keyClick(panel->tree(), Qt::Key_R);
    QVERIFY(none->text(0).contains(QStringLiteral("none → GOVERNING_LAW")));
    // R on the unrelated pair: the relation is added between the same two mentions, drug to disease.
    QTreeWidgetItem* pair = findingItem(panel->tree(), QStringLiteral("relation \"glimmer fever \u21C4 zorbital\""));
    QVERIFY(pair);
    QVERIFY2(pair->text(1).startsWith(QStringLiteral("TREATS (reversed) 2, none 1")), qPrintable(pair->text(1)));
    QTreeWidgetItem* unrelated = occurrenceItem(pair, QStringLiteral("none"));
    QVERIFY(unrelated);
    panel->tree()->setCurrentItem(unrelated);
    QTest::keyClick(panel->tree(), Qt::Key_R);
    const quarry::Document related = quarry::test::storedDocument(window, zorbitalUnrelated);
    QCOMPARE(related.relations.size(), 1);
    QCOMPARE(related.relations[0].type, QStringLiteral("TREATS"));
    QCOMPARE(related.entity(related.relations[0].head)->type, QStringLiteral("DRUG"));
    QCOMPARE(related.entity(related.relations[0].tail)->type, QStringLiteral("DISEASE"));

    // Drift: a small NER model trained in the window; the Runs view's Drift checks the unassigned pool.
    quarry::jobs::TrainingSpec spec = quarry::test::tinyTraining(project, "ner", 3);
    QVERIFY(window.training()->start(spec));
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 240000);
    window.runsPanel()->refresh(window.store());
    QTableWidget* runs = window.runsPanel()->table();
    QVERIFY(runs->rowCount() >= 1);
    runs->selectRow(0);
    QVERIFY(window.runsPanel()->driftButton()->isEnabled());
    QTest::mouseClick(window.runsPanel()->driftButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 120000);
    QCOMPARE(panel->drift().features.size(), size_t(6));
    QCOMPARE(panel->drift().incomingDocuments, qint64(8));
    QVERIFY(panel->tree()->topLevelItemCount() >= 6);
    QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("drift"), Qt::CaseInsensitive),
             qPrintable(panel->summaryLabel()->text()));
    QVERIFY(window.qualityDock()->isVisible());
    grab(window.qualityDock(), QStringLiteral("quality-drift.png"));
  }
};

QTEST_MAIN(TestQualityGui)
#include "test_quality_gui.moc"
