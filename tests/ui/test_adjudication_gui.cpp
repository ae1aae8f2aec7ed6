// A team's document in the workbench, driven by keys: each annotator sees only their own layer until the
// document is released (every assignee done), the document list shows who has finished it, and the
// adjudicator walks the disagreement in the adjudication view (Team > Adjudicate, Ctrl+Shift+J), takes a
// version with its number key, jumps to the main view with E, and finishes with Ctrl+Return; agreed items
// reached the gold layer by themselves. Team > Agreement measures the two layers.
#include <QAction>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QtTest>

#include "DocumentListModel.h"
#include "UiTestSupport.h"
#include "DocumentListPanel.h"
#include "DocumentSession.h"
#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "store/ProjectStore.h"
#include "team/AdjudicationDialog.h"
#include "team/AgreementDialog.h"
#include "team/TeamActions.h"

using namespace quarry;
using quarry::ui::AdjudicationDialog;
using quarry::ui::MainWindow;

namespace {

// Sentence 1 [0, 26): anna and ben agree. Sentence 2 [26, 53): ben also marks "fever".
const QString kText = QStringLiteral("Aspirin eased a headache. Ibuprofen helped the fever.");

EntitySpan spanAt(const QString& type, int start, int end) {
  EntitySpan e;
  e.type = type;
  e.fragments = {Fragment{start, end}};
  return e;
}

QStringList annotatorsOf(const Document& d) {
  QStringList names;
  for (const EntitySpan& e : d.entities) names << e.provenance.annotator;
  names.sort();
  return names;
}

}  // namespace

class TestAdjudicationGui : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_path;
  qint64 m_document = 0;

 private Q_SLOTS:
  void initTestCase() {
    m_path = m_dir.filePath(QStringLiteral("team.quarry"));
    auto store = ProjectStore::create(m_path, QStringLiteral("team"));
    QVERIFY(store.ok());
    Corpus corpus;
    corpus.schema.entityTypes = {EntityType{QStringLiteral("DRUG"), QStringLiteral("#e53935"), QStringLiteral("d"), {}},
                                 EntityType{QStringLiteral("DISEASE"), QStringLiteral("#43a047"), QStringLiteral("s"), {}}};
    Document d;
    d.name = QStringLiteral("trial-1");
    d.text = kText;
    corpus.documents = {d};
    QVERIFY((*store)->importCorpus(corpus, QStringLiteral("importer")).ok());
    m_document = (*store)->listDocuments().value().front().id;
    QVERIFY((*store)->setSeparateLayers(true).ok());  // as quarry-cli team --assign does
    QVERIFY((*store)->assignDocuments({m_document}, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 3).ok());
    QVERIFY((*store)->setTeamRole(QStringLiteral("dora"), TeamRole::Adjudicator).ok());
    for (const QString& who : {QStringLiteral("anna"), QStringLiteral("ben")}) {
      QVERIFY((*store)->addEntity(m_document, spanAt(QStringLiteral("DRUG"), 0, 7), who).ok());
      QVERIFY((*store)->addEntity(m_document, spanAt(QStringLiteral("DISEASE"), 16, 24), who).ok());
      QVERIFY((*store)->addEntity(m_document, spanAt(QStringLiteral("DRUG"), 26, 35), who).ok());
    }
    QVERIFY((*store)->addEntity(m_document, spanAt(QStringLiteral("DISEASE"), 47, 52), QStringLiteral("ben")).ok());
  }

  void eachAnnotatorSeesOnlyTheirLayerUntilReleased() {
    MainWindow w;
    w.setAnnotator(QStringLiteral("anna"));
    QVERIFY(w.openProject(m_path).ok());
    w.show();
    QVERIFY(w.showDocument(m_document));
    QCOMPARE(annotatorsOf(w.session()->document()), QStringList(3, QStringLiteral("anna")));
    QCOMPARE(w.annotationView()->document().entities.size(), 3);
    QAction* teammates = w.team()->teammatesLayersAction();
    QVERIFY(!teammates->isEnabled());  // ben has not finished it
    // The list's Team column: both are on it, neither has finished.
    auto* model = w.documentList()->model();
    QVERIFY(!w.documentList()->view()->isColumnHidden(ui::DocumentListModel::TeamColumn));
    QCOMPARE(model->data(model->index(0, ui::DocumentListModel::TeamColumn), Qt::DisplayRole).toString(),
             QStringLiteral("anna … · ben …"));
    // Anna labels in her layer; it stays hers.
    w.annotationView()->setFocus();
    w.annotationView()->setSelection(43, 46);  // "the"
    QTest::keyClick(w.annotationView(), Qt::Key_S);
    QCOMPARE(annotatorsOf(w.session()->document()), QStringList(4, QStringLiteral("anna")));
    QVERIFY(w.session()->sink()->removeEntity(w.session()->document().entities.back().key, nullptr));

    // Both finish: the document is released, and anna may show ben's layer too.
    {
      auto store = ProjectStore::open(m_path);
      QVERIFY((*store)->setAssignmentDone(m_document, QStringLiteral("anna"), true).ok());
      QVERIFY((*store)->setAssignmentDone(m_document, QStringLiteral("ben"), true).ok());
    }
    w.refresh();
    QVERIFY(w.showDocument(m_document));
    QVERIFY(teammates->isEnabled());
    QCOMPARE(model->data(model->index(0, ui::DocumentListModel::TeamColumn), Qt::DisplayRole).toString(),
             QStringLiteral("anna ✓ · ben ✓"));
    teammates->trigger();
    QCOMPARE(w.session()->document().entities.size(), 7);
    teammates->trigger();
    QCOMPARE(w.session()->document().entities.size(), 3);
  }

  void theTeamMenuShowsAgreement() {
    MainWindow w;
    w.setAnnotator(QStringLiteral("anna"));
    QVERIFY(w.openProject(m_path).ok());
    w.show();
    w.team()->agreementAction()->trigger();
    ui::AgreementDialog* dialog = w.team()->agreementDialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isMeasuring(), 20000);
    QCOMPARE(int(dialog->report().pairs.size()), 1);  // anna and ben
    QCOMPARE(dialog->report().pairs[0].exact.f1(), 6.0 / 7.0);  // 3 of anna's 3 spans, 3 of ben's 4
  }

  void theAdjudicatorWalksTheDisagreementByKeys() {
    MainWindow w;
    w.setAnnotator(QStringLiteral("dora"));
    QVERIFY(w.openProject(m_path).ok());
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.showDocument(m_document));
    QCOMPARE(w.session()->document().entities.size(), 0);  // dora's (gold) layer: empty so far

    QTest::keyClick(&w, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    AdjudicationDialog* dialog = w.team()->adjudicationDialog();
    QVERIFY(dialog);
    dialog->activateWindow();  // the offscreen platform leaves activation with the window the keys went to
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(dialog));
    // Sentence 1 agreed (merged: 2 spans), sentence 2 differs: one window to decide.
    QCOMPARE(dialog->state().annotators, (QStringList{QStringLiteral("anna"), QStringLiteral("ben")}));
    QCOMPARE(dialog->state().agreedWindows, 1);
    QCOMPARE(dialog->state().undecided, 1);
    QCOMPARE(dialog->listedWindows().size(), 1);
    QCOMPARE(w.session()->document().entities.size(), 2);  // the agreed spans, in the main view already
    auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("adjudicationText"));
    QCOMPARE(text->toPlainText(), QStringLiteral("Ibuprofen helped the fever."));
    auto* bensVersion = dialog->findChild<QGroupBox*>(QStringLiteral("version-ben"));
    QVERIFY(bensVersion);
    auto* bensItems = bensVersion->findChild<QListWidget*>();
    QCOMPARE(bensItems->count(), 2);
    QVERIFY(bensItems->item(0)->font().bold() != bensItems->item(1)->font().bold());  // "fever" stands out
    QVERIFY(dialog->grab().save(quarry::test::artefactPath(QStringLiteral("adjudication-dialog.png"))));

    // Finishing before deciding is refused, and says where.
    QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(dialog->message().contains(QStringLiteral("undecided")), qPrintable(dialog->message()));

    // 2 takes ben's version; the gold layer and the main view have it.
    QTest::keyClick(dialog, Qt::Key_2);
    QCOMPARE(dialog->state().undecided, 0);
    QVERIFY2(dialog->message().contains(QStringLiteral("Took ben's")), qPrintable(dialog->message()));
    QCOMPARE(w.session()->document().entities.size(), 4);
    QCOMPARE(annotatorsOf(w.session()->document()), QStringList(4, QStringLiteral("dora")));

    // E shows the window selected in the main view for editing by hand.
    QTest::keyClick(dialog, Qt::Key_E);
    QCOMPARE(w.annotationView()->selection(), qMakePair(26, 52));  // [26, 53) snapped to its words
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(&w));  // the main view has the window

    // Ctrl+Return finishes: the document is adjudicated by dora.
    dialog->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(dialog));
    QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(dialog->message().contains(QStringLiteral("adjudicated")), qPrintable(dialog->message()));
    auto store = ProjectStore::open(m_path);
    QCOMPARE((*store)->adjudicatedDocuments().value().value(m_document), QStringLiteral("dora"));
  }
};

QTEST_MAIN(TestAdjudicationGui)
#include "test_adjudication_gui.moc"
