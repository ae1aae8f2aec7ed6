// File > Export on the demo project: every format quarry-cli writes and the project archive, from the
// real dialog (format chosen by keyboard, Export clicked), on a worker thread with its progress bar;
// a split alone; the written files read back; a failure names the file; Ctrl+E in the main window
// opens the dialog.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "ExportDialog.h"
#include "UiTestSupport.h"
#include "formats/FormatRegistry.h"
#include "project/ArchiveTransfer.h"

using namespace quarry;
using quarry::ui::ExportDialog;

namespace {

using test::chooseByKeyboard;

// Exports through the dialog's own controls; returns the status line once the export ended.
QString runExport(ExportDialog& dialog, const QString& format, const QString& output) {
  if (!chooseByKeyboard(dialog.formatBox(), format)) return QStringLiteral("no format ") + format;
  dialog.pathEdit()->selectAll();
  QTest::keyClicks(dialog.pathEdit(), output);
  QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
  return dialog.statusLabel()->text();
}

}  // namespace

class TestExportDialog : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

 private Q_SLOTS:
  void initTestCase() { test::isolateSettings(QStringLiteral("test_export_dialog")); }

  void everyFormatAndTheArchive() {
    const QString project = test::makeDemo(m_dir.filePath(QStringLiteral("demo.quarry")));
    ExportDialog dialog(project);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QStringList formats;
    for (const auto& f : FormatRegistry::instance().formats())
      if (f->canWrite()) formats << f->name();
    QVERIFY(formats.contains(QStringLiteral("jsonl")) && formats.contains(QStringLiteral("brat")));
    formats << QStringLiteral("archive");
    QCOMPARE(dialog.formatBox()->count(), formats.size());
    int written = 0;
    for (const QString& format : formats) {
      const QString out =
          m_dir.filePath(QStringLiteral("out/all.") + format +
                         (format == QLatin1String("archive") ? QStringLiteral(".zip") : QString()));
      const QString status = runExport(dialog, format, out);
      if (status.startsWith(QLatin1String("Exported")) || status.startsWith(QLatin1String("Wrote"))) {
        ++written;
        QVERIFY2(QFileInfo::exists(out), qPrintable(format));
        QVERIFY2(status.contains(QDir::toNativeSeparators(out)), qPrintable(status));
        QVERIFY(dialog.progressBar()->isVisible());
        QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
        if (format != QLatin1String("archive")) {
          ImportReport report;
          Result<Corpus> back = FormatRegistry::instance().byName(format)->read(out, {}, report);
          QVERIFY2(back.ok(), qPrintable(format + QString::fromStdString(back ? std::string()
                                                                              : back.error().toString())));
          QVERIFY2(!back->documents.isEmpty(), qPrintable(format));
        } else {
          Result<Corpus> back = readProjectArchive(out);
          QVERIFY(back.ok());
          QCOMPARE(back->documents.size(), 60);
        }
      } else {
        // What the format cannot hold is refused, naming the file and the document.
        QVERIFY2(status.startsWith(QLatin1String("Nothing was exported")), qPrintable(format + status));
        QVERIFY2(status.contains(out), qPrintable(status));
      }
    }
    QVERIFY2(written >= 4, qPrintable(QString::number(written)));
    QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("out/all.brat"))).isDir());

    // One split alone.
    QVERIFY(chooseByKeyboard(dialog.formatBox(), QStringLiteral("jsonl")));
    QVERIFY(chooseByKeyboard(dialog.splitBox(), QStringLiteral("dev")));
    const QString dev = m_dir.filePath(QStringLiteral("out/dev.jsonl"));
    QVERIFY(runExport(dialog, QStringLiteral("jsonl"), dev).startsWith(QLatin1String("Exported")));
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    QVERIFY(store.ok());
    QFile file(dev);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(int(file.readAll().count('\n')), store.value()->stats()->perSplit.value(Split::Dev));

    // A path that cannot be written (its folder is a file): the message names what failed.
    QFile blocker(m_dir.filePath(QStringLiteral("plainfile")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString impossible = m_dir.filePath(QStringLiteral("plainfile/inside.jsonl"));
    const QString status = runExport(dialog, QStringLiteral("jsonl"), impossible);
    QVERIFY2(status.startsWith(QLatin1String("Nothing was exported")) && status.contains(blocker.fileName()),
             qPrintable(status));
    QVERIFY(!dialog.progressBar()->isVisible());
  }

  void ctrlEOpensItFromTheMainWindow() {
    const QString project = test::makeDemo(m_dir.filePath(QStringLiteral("demo2.quarry")));
    ui::MainWindow window;
    QVERIFY(test::showOn(window, project));
    const QString out = m_dir.filePath(QStringLiteral("from-window.jsonl"));
    QString status;
    QTimer::singleShot(0, [&] {
      ExportDialog* dialog = nullptr;
      QTRY_VERIFY((dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget())) != nullptr);
      status = runExport(*dialog, QStringLiteral("jsonl"), out);
      QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
    });
    QTest::keyClick(window.annotationView(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY2(status.startsWith(QLatin1String("Exported 60 document")), qPrintable(status));
    QVERIFY(QFileInfo::exists(out));
  }
};

QTEST_MAIN(TestExportDialog)
#include "test_export_dialog.moc"
