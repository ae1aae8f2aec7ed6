// The import dialog: a CoNLL file previewed (documents, counts, new types, the text as it will be
// stored) and imported, ending with its counts; CoNLL sentences grouped into documents by an id column;
// the real NCBI-disease training file imported with a moving progress bar (screenshot kept); a
// malformed JSONL file whose preview lists the problem with its line, writes nothing and cannot be
// imported under Reject, then imports under Repair with the bad span dropped.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include "DocumentTextPreview.h"
#include "ImportDialog.h"
#include "UiTestSupport.h"
#include "store/ProjectStore.h"

using quarry::ProjectStore;
using quarry::ui::ImportDialog;

class TestImportDialog : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir m_dir;

  QString write(const QString& name, const QByteArray& content) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(content);
    return path;
  }

  std::unique_ptr<ProjectStore> project(const QString& name) {
    auto store = ProjectStore::create(m_dir.filePath(name), name);
    if (!store) qWarning("%s", store.error().toString().c_str());
    return store ? std::move(store.value()) : nullptr;
  }

  static QTreeWidgetItem* row(QTreeWidget* tree, int column, const QString& text) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
      if (tree->topLevelItem(i)->text(column) == text) return tree->topLevelItem(i);
    return nullptr;
  }

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void importsConll() {
    auto store = project(QStringLiteral("conll.quarry"));
    QVERIFY(store);
    const QString file = write(QStringLiteral("train.conll"),
                               "Aspirin\tB-Chemical\nrelieves\tO\nheadache\tB-Disease\n.\tO\n\n"
                               "Type\tB-Disease\n2\tI-Disease\ndiabetes\tI-Disease\n\n");
    ImportDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.pathEdit(), file);
    QVERIFY(dialog.tagSchemeBox()->isEnabled());   // detected CoNLL: its option is offered
    QVERIFY(!dialog.importButton()->isEnabled());  // no preview yet
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QVERIFY2(dialog.previewed(), qPrintable(dialog.statusLabel()->text()));
    QCOMPARE(dialog.documentsView()->topLevelItemCount(), 2);  // one document per sentence
    QCOMPARE(dialog.documentsView()->topLevelItem(0)->text(2), QStringLiteral("2"));
    QTreeWidgetItem* disease = row(dialog.typesView(), 1, QStringLiteral("Disease"));
    QVERIFY(disease);
    QCOMPARE(disease->text(2), QStringLiteral("2"));
    QVERIFY(disease->text(3).contains(QLatin1String("new")));
    QCOMPARE(dialog.problemsView()->topLevelItemCount(), 0);
    QCOMPARE(store->stats()->documents, 0);  // the preview wrote nothing

    // The text as it will be stored and exported: tokens joined by single spaces.
    QVERIFY2(dialog.textPreview()->toPlainText().contains(QLatin1String("Aspirin relieves headache .")),
             qPrintable(dialog.textPreview()->toPlainText()));
    QVERIFY(dialog.textPreview()->toPlainText().contains(QLatin1String("single spaces")));

    QVERIFY(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    // Done: the bar is full, the counts are said, and Close ends the dialog as accepted.
    QVERIFY(dialog.finished());
    QVERIFY(dialog.progressBar()->isVisible());
    QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
    QVERIFY2(dialog.statusLabel()->text().startsWith(QLatin1String("Imported 2 document(s): 3 span(s)")),
             qPrintable(dialog.statusLabel()->text()));
    QVERIFY(!dialog.importButton()->isVisible());
    QVERIFY(dialog.closeButton()->isVisible());
    QCOMPARE(dialog.summary().documents, 2);
    QCOMPARE(dialog.summary().entities, 3);
    QCOMPARE(store->stats()->documents, 2);
    QVERIFY(store->schema()->entityType(QStringLiteral("Chemical")));
    QTest::mouseClick(dialog.closeButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
  }

  void groupsConllSentencesIntoDocuments() {
    auto store = project(QStringLiteral("grouped.quarry"));
    QVERIFY(store);
    const QString file =
        write(QStringLiteral("abstracts.tsv"),
              "Identification\tpm1\tO\nof\tpm1\tO\nAPC2\tpm1\tB-Gene\n,\tpm1\tO\na\tpm1\tO\n\n"
              "Wnt\tpm1\tB-Gene\n\nThe\tpm2\tO\ndisease\tpm2\tB-Disease\n\n");
    ImportDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.pathEdit(), file);
    QVERIFY(dialog.groupingBox()->isEnabled());
    QVERIFY(!dialog.groupColumnBox()->isEnabled());
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QCOMPARE(dialog.documentsView()->topLevelItemCount(), 3);  // one per sentence by default

    // Sentences with the same id (column 2) make one document; the preview is read again.
    dialog.groupingBox()->setFocus();
    while (dialog.groupingBox()->currentData().toString() != QLatin1String("column"))
      QTest::keyClick(dialog.groupingBox(), Qt::Key_Down);
    QVERIFY(dialog.groupColumnBox()->isEnabled());
    QCOMPARE(dialog.groupColumnBox()->value(), 2);
    QVERIFY(!dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QCOMPARE(dialog.documentsView()->topLevelItemCount(), 2);
    QCOMPARE(dialog.documentsView()->topLevelItem(0)->text(0), QStringLiteral("abstracts-pm1"));
    QVERIFY2(dialog.textPreview()->toPlainText().contains(QLatin1String("Identification of APC2 , a\nWnt")),
             qPrintable(dialog.textPreview()->toPlainText()));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(dialog.finished());
    QCOMPARE(store->stats()->documents, 2);
    QCOMPARE(store->stats()->entities, 3);
  }

  void importsARealCorpusWithProgress() {
    const QString ncbi = QString::fromLocal8Bit(qgetenv("QUARRY_SHARED_DIR")) +
                         QStringLiteral("/datasets/ncbi-disease/train.tsv");
    if (!QFileInfo::exists(ncbi)) QSKIP("the shared NCBI-disease corpus is absent");
    auto store = project(QStringLiteral("ncbi.quarry"));
    QVERIFY(store);
    ImportDialog dialog(*store);
    dialog.resize(1000, 700);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.pathEdit(), ncbi);
    // The progress bar moves while the 135,701 token lines are read and the documents written.
    QVector<int> seen;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] {
      if (dialog.progressBar()->isVisible()) seen << dialog.progressBar()->value();
    });
    sampler.start(20);
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QVERIFY(dialog.lastPreview().ok());
    QCOMPARE(dialog.lastPreview().corpus().documents.size(), 5424);
    QVERIFY2(
        dialog.textPreview()->toPlainText().contains(QLatin1String("Identification of APC2 , a homologue")),
        qPrintable(dialog.textPreview()->toPlainText().left(300)));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    sampler.stop();
    QVERIFY(dialog.finished());
    QVERIFY2(
        dialog.statusLabel()->text().startsWith(QLatin1String("Imported 5424 document(s): 5134 span(s)")),
        qPrintable(dialog.statusLabel()->text()));
    QVERIFY2(!seen.isEmpty(), "the progress bar never showed");
    QCOMPARE(store->stats()->documents, 5424);
    QVERIFY(dialog.grab().save(quarry::test::artefactPath(QStringLiteral("import_completed.png"))));
    qInfo("progress values seen: %d, e.g. %d..%d", int(seen.size()), seen.front(), seen.back());
  }

  void malformedJsonlIsRefusedThenRepaired() {
    auto store = project(QStringLiteral("jsonl.quarry"));
    QVERIFY(store);
    const QString file =
        write(QStringLiteral("bad.jsonl"),
              "{\"text\": \"Metformin treats diabetes.\", \"spans\": [{\"start\": 0, \"end\": 9, "
              "\"label\": \"DRUG\"}], \"meta\": {\"name\": \"ok\"}}\n"
              "{\"text\": \"Short.\", \"spans\": [{\"start\": 40, \"end\": 52, \"label\": \"DRUG\"}], "
              "\"meta\": {\"name\": \"bad\"}}\n");
    ImportDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setInputPaths({file});
    QVERIFY(dialog.rejectButton()->isChecked());
    QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
    QVERIFY(dialog.previewed());
    QVERIFY(!dialog.lastPreview().ok());
    QVERIFY(dialog.problemsView()->topLevelItemCount() >= 1);
    QTreeWidgetItem* problem = dialog.problemsView()->topLevelItem(0);
    QVERIFY2(problem->text(0).endsWith(QLatin1String("bad.jsonl")), qPrintable(problem->text(0)));
    QCOMPARE(problem->text(1), QStringLiteral("2"));
    QVERIFY2(problem->text(2).contains(QLatin1String("outside the text")), qPrintable(problem->text(2)));
    QVERIFY(!dialog.importButton()->isEnabled());
    const QString artefacts = QDir::currentPath() + QStringLiteral("/artefacts");
    QDir().mkpath(artefacts);
    QVERIFY(dialog.grab().save(artefacts + QStringLiteral("/import_dialog_problems.png")));
    dialog.accept();  // refused: nothing written
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(store->stats()->documents, 0);

    // Repair: the preview is read again at once, the bad span dropped, and the import goes ahead.
    dialog.repairButton()->setFocus();
    QTest::keyClick(dialog.repairButton(), Qt::Key_Space);
    QVERIFY(dialog.repairButton()->isChecked());
    QVERIFY(dialog.previewed());
    QVERIFY(dialog.lastPreview().ok());
    QCOMPARE(dialog.problemsView()->topLevelItemCount(), 1);
    QCOMPARE(dialog.problemsView()->topLevelItem(0)->text(1), QStringLiteral("2"));
    QVERIFY(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(dialog.finished());
    QTest::keyClick(&dialog, Qt::Key_Escape);  // the import is done: Escape closes it as accepted
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(store->stats()->documents, 2);
    QCOMPARE(store->stats()->entities, 1);
  }

  void unreadableLineBlocksEvenUnderRepair() {
    auto store = project(QStringLiteral("broken.quarry"));
    QVERIFY(store);
    const QString file = write(QStringLiteral("broken.jsonl"), "{\"text\": \"fine\"}\n{not json\n");
    ImportDialog dialog(*store);
    dialog.setInputPaths({file});
    dialog.repairButton()->setChecked(true);
    QVERIFY(dialog.preview());
    QVERIFY(!dialog.lastPreview().ok());
    QCOMPARE(dialog.problemsView()->topLevelItem(0)->text(1), QStringLiteral("2"));
    QVERIFY(!dialog.importButton()->isEnabled());
    QCOMPARE(store->stats()->documents, 0);
  }
};

QTEST_MAIN(TestImportDialog)
#include "test_import_dialog.moc"
