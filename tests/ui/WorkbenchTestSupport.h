#pragma once
// Helpers for the GUI tests that drive the real main window on the demo project: fresh demo copies,
// an open and shown window, documents by name, pre-answered modal dialogs and the artefacts folder.
#include <QApplication>
#include <QDir>
#include <QTimer>
#include <QtTest>
#include <functional>

#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "project/DemoProject.h"

#define VERIFY_STATUS(expr)                                                         \
  do {                                                                              \
    const quarry::Status status_ = (expr);                                          \
    QVERIFY2(status_.ok(), status_.ok() ? "" : status_.error().toString().c_str()); \
  } while (false)

namespace quarry::test {

// A new copy of the demo project in `dir`.
inline QString freshDemo(const QString& dir) {
  static int n = 0;
  const QString demo =
      QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) + QStringLiteral("/resources/demo");
  Result<QString> project =
      ensureDemoProject(demo, QDir(dir).filePath(QStringLiteral("demo%1.quarry").arg(++n)));
  if (!project) qFatal("demo: %s", project.error().toString().c_str());
  return project.value();
}

// Adds a document called `name` of `paragraphs` paragraphs, one sentence each with "metformin" and
// "insulin" once, to the project at `path`.
inline void addLongDocument(const QString& path, const QString& name, int paragraphs) {
  auto store = ProjectStore::open(path);
  if (!store) qFatal("%s", store.error().toString().c_str());
  Document d;
  d.name = name;
  QStringList lines;
  for (int i = 0; i < paragraphs; ++i)
    lines << QStringLiteral(
                 "Paragraph %1 of the long trial protocol: adults on metformin with or without insulin, "
                 "followed for twelve weeks by the site investigators.")
                 .arg(i + 1);
  d.text = lines.join(QLatin1Char('\n'));
  Corpus corpus;
  corpus.documents = {d};
  if (auto imported = store.value()->importCorpus(corpus, QStringLiteral("importer")); !imported)
    qFatal("%s", imported.error().toString().c_str());
}

// Opens `path` in `window` at 1280×800, shown and exposed, the annotation view focused.
inline bool openWindow(ui::MainWindow& window, const QString& path,
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

// The id of the listed document called `name`, or 0.
inline qint64 documentNamed(ui::MainWindow& window, const QString& name) {
  for (const DocumentSummary& d : window.documentList()->model()->documents())
    if (d.name == name) return d.id;
  return 0;
}

inline Document stored(ui::MainWindow& window, qint64 id) {
  Result<StoredDocument> d = window.store()->loadDocument(id);
  return d ? d->document : Document();
}

// Calls `answer` with the next modal dialog of type T once it shows.
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

// Where screenshots go: $QUARRY_TEST_ARTIFACTS_DIR, else the current folder.
inline QString artefactPath(const QString& file) {
  QString dir = qEnvironmentVariable("QUARRY_TEST_ARTIFACTS_DIR");
  if (dir.isEmpty()) dir = QDir::currentPath();
  QDir().mkpath(dir);
  return QDir(dir).filePath(file);
}

}  // namespace quarry::test
