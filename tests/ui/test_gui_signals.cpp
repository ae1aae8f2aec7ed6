// The workbench process and the signals a desktop session sends it: Ctrl+C in the terminal it was started
// from, SIGTERM at shutdown, SIGHUP when the session ends. Each quits as File > Quit does (exit status 0,
// the project intact), never a death by signal; the process runs for real, on the offscreen platform.

#include <csignal>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "store/ProjectStore.h"

class TestGuiSignals : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_project;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("signals.quarry"));
    auto store = quarry::ProjectStore::create(m_project, QStringLiteral("Signals"));
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
  }

  void signalQuitsCleanly_data() {
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
  }

  void signalQuitsCleanly() {
    QFETCH(int, signal);
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_dir.path());  // its settings and logs stay in the test's folder
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
    gui.setProcessEnvironment(env);
    gui.setProcessChannelMode(QProcess::MergedChannels);
    gui.start(QStringLiteral(QUARRY_GUI_PATH), {m_project});
    QVERIFY2(gui.waitForStarted(10000), qPrintable(gui.errorString()));
    QByteArray output;
    QDeadlineTimer deadline(60000);
    while (!output.contains("opened project") && !deadline.hasExpired() && gui.state() == QProcess::Running) {
      gui.waitForReadyRead(200);
      output += gui.readAll();
    }
    QVERIFY2(output.contains("opened project"), output.constData());
    QCOMPARE(::kill(pid_t(gui.processId()), signal), 0);
    QVERIFY2(gui.waitForFinished(20000), "the workbench did not quit");
    output += gui.readAll();
    QVERIFY2(gui.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("ended by a signal: ") + QString::fromUtf8(output)));
    QCOMPARE(gui.exitCode(), 0);
    auto store = quarry::ProjectStore::open(m_project);
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
    QVERIFY(quarry::ProjectStore::checkFile(m_project).ok());
  }
};

QTEST_GUILESS_MAIN(TestGuiSignals)
#include "test_gui_signals.moc"
