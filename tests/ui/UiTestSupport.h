#pragma once
// What the GUI tests share: settings of their own, fresh copies of the demo project, the folder
// screenshots go to, a shown main window on a project, the store's view of a document, a combo box
// driven by the keyboard, pre-answered modal dialogs.

#include <functional>

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "project/DemoProject.h"

namespace quarry::test {

// The demo project (resources/demo) made afresh at `path`.
inline QString makeDemo(const QString& path) {
  const QString demo =
      QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) + QStringLiteral("/resources/demo");
  Result<QString> project = ensureDemoProject(demo, path);
  if (!project) qFatal("demo: %s", project.error().toString().c_str());
  return project.value();
}

// Test-mode paths and empty settings under `application`, so a test never reads a person's own.
inline void isolateSettings(const QString& application) {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("QuarryTests"));
  QCoreApplication::setApplicationName(application);
  QSettings().clear();
}

// Fresh demo projects in a temporary folder, one per call.
class DemoProjects {
 public:
  QString fresh() { return makeDemo(m_dir.filePath(QStringLiteral("demo%1.quarry").arg(++m_n))); }
  QString filePath(const QString& name) const { return m_dir.filePath(name); }

 private:
  QTemporaryDir m_dir;
  int m_n = 0;
};

// Where screenshots are kept: $QUARRY_TEST_ARTIFACTS_DIR, else the current folder.
inline QString artefactPath(const QString& name) {
  QString dir = qEnvironmentVariable("QUARRY_TEST_ARTIFACTS_DIR");
  if (dir.isEmpty()) dir = QDir::currentPath();
  QDir().mkpath(dir);
  return QDir(dir).filePath(name);
}

// `window` on `path`, shown at 1280×800 with the annotation view focused.
inline bool showOn(ui::MainWindow& window, const QString& path,
                   const QString& annotator = QStringLiteral("tester")) {
  window.setAnnotator(annotator);
  const Status opened = window.openProject(path);
  if (!opened) {
    qWarning("%s", opened.error().toString().c_str());
    return false;
  }
  window.resize(1280, 800);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return false;
  window.activateWindow();
  window.annotationView()->setFocus();
  return true;
}

// Document `id` as the window's store holds it now (empty when it cannot be read).
inline Document storedDocument(ui::MainWindow& window, qint64 id) {
  Result<StoredDocument> d = window.store()->loadDocument(id);
  return d ? d->document : Document();
}

// Picks the entry whose data is `data` with the Up and Down keys, as a person would.
inline bool chooseByKeyboard(QComboBox* box, const QString& data) {
  const int target = box->findData(data);
  if (target < 0) return false;
  box->setFocus();
  for (int i = 0; i < box->count() && box->currentIndex() != target; ++i)
    QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
  return box->currentIndex() == target;
}

// Calls `answer` with the next modal dialog of type T once it shows, so a test never blocks on it.
template <typename T>
void answerNextModal(std::function<void(T*)> answer) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, [timer, answer] {
    if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
      timer->stop();
      timer->deleteLater();
      answer(dialog);
    }
  });
  timer->start();
}

}  // namespace quarry::test
