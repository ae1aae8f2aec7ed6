// The main window on the demo project, offscreen: documents listed, spans shown with guideline tooltips,
// and a screenshot kept as a test artefact for a person to look at.
#include <QDir>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "DocumentTextView.h"
#include "GuidelineText.h"
#include "MainWindow.h"
#include "project/DemoProject.h"

class TestMainWindow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void opensDemoProject() {
    QTemporaryDir dir;
    const QString demo = QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) + QStringLiteral("/resources/demo");
    quarry::Result<QString> project = quarry::ensureDemoProject(demo, dir.filePath(QStringLiteral("demo.quarry")));
    QVERIFY2(project.ok(), project.ok() ? "" : project.error().toString().c_str());

    quarry::ui::MainWindow window;
    quarry::Status opened = window.openProject(project.value());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().toString().c_str());
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.documentList()->count(), 60);
    QVERIFY(window.windowTitle().contains(QLatin1String("demo")));

    window.documentList()->setCurrentRow(0);
    const QString text = window.documentView()->toPlainText();
    QVERIFY(!text.isEmpty());
    // The first demo document is annotated: some position lies inside an entity.
    bool found = false;
    for (int i = 0; i < text.size() && !found; ++i) found = window.documentView()->entityAt(i) != nullptr;
    QVERIFY(found);

    const QString artefacts = QDir::currentPath() + QStringLiteral("/artefacts");
    QDir().mkpath(artefacts);
    QVERIFY(window.grab().save(artefacts + QStringLiteral("/main_window_demo.png")));
  }

  void guidelineTooltipHasDefinitionExampleEdgeCases() {
    quarry::Guideline g;
    g.definition = QStringLiteral("A disorder <named> in the text.");
    g.positiveExamples = {QStringLiteral("type 2 diabetes")};
    g.edgeCases = {QStringLiteral("Negated mentions are annotated.")};
    const QString html = quarry::ui::guidelineTooltip(QStringLiteral("DISEASE"), g);
    QVERIFY(html.contains(QLatin1String("&lt;named&gt;")));
    QVERIFY(html.contains(QLatin1String("type 2 diabetes")));
    QVERIFY(html.contains(QLatin1String("Negated mentions")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
