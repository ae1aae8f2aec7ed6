#pragma once
// What the GUI tests share: settings of their own, fresh copies of the demo project, the folder
// screenshots go to, a shown main window on a project, the store's view of a document, a model's
// suggestions recorded in its store, a combo box
// driven by the keyboard, pre-answered modal dialogs, what is cut in the document list or in a widget.

#include <functional>

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "DockFitter.h"
#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "jobs/TrainingJob.h"
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

// A tiny model of `task` ("ner", "classify", "relation", "qa") trained from scratch on the project's
// train split for `epochs`: a second or two.
inline jobs::TrainingSpec tinyTraining(const QString& project, const std::string& task, int epochs) {
  jobs::TrainingSpec spec;
  spec.projectPath = project;
  spec.config.task = task;
  spec.config.epochs = epochs;
  spec.config.wordDim = 16;
  spec.config.lstmHidden = 16;
  spec.config.charFilters = 8;
  spec.config.minFeatureCount = 1;
  spec.config.relationFilters = 16;
  spec.config.threads = 1;
  return spec;
}

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

// An undecided entity suggestion for document `documentId`: `type` on code points [start, end) of `text`.
inline Prediction entitySuggestion(qint64 documentId, const QString& type, int start, int end,
                                   const QString& text, double confidence) {
  Prediction p;
  p.documentId = documentId;
  p.kind = QStringLiteral("entity");
  p.payload = QJsonObject{{QStringLiteral("type"), type},
                          {QStringLiteral("start"), start},
                          {QStringLiteral("end"), end},
                          {QStringLiteral("text"), text.mid(start, end - start)}};
  p.confidence = confidence;
  return p;
}

// `predictions` recorded in the window's store as a finished run's, as a prediction job leaves them; the
// run's id, 0 when it could not be recorded.
inline qint64 addSuggestions(ui::MainWindow& window, QVector<Prediction> predictions) {
  ModelRun run;
  run.name = QStringLiteral("Suggestions");
  run.task = QStringLiteral("ner");
  run.status = RunStatus::Finished;
  const Result<qint64> runId = window.store()->createRun(run);
  if (!runId) return 0;
  for (Prediction& p : predictions) p.runId = runId.value();
  return window.store()->addPredictions(runId.value(), predictions) ? runId.value() : 0;
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

// What the window's document list cuts: a sideways scroll bar, a column narrower than its contents or
// a filter box narrower than its entries; empty when everything is whole.
inline QString documentListCut(ui::MainWindow& window) {
  QTableView* documents = window.documentList()->view();
  const QAbstractItemView* view = documents;  // QTableView hides sizeHintForColumn()
  if (documents->horizontalScrollBar()->maximum() > 0)
    return QStringLiteral("list %1 px, needs %2")
        .arg(documents->width())
        .arg(ui::DockFitter::neededWidth(documents));
  for (int c = 0; c < ui::DocumentListModel::ColumnCount; ++c)
    if (!documents->isColumnHidden(c) && documents->columnWidth(c) < view->sizeHintForColumn(c))
      return QStringLiteral("column %1: %2 < %3")
          .arg(c)
          .arg(documents->columnWidth(c))
          .arg(view->sizeHintForColumn(c));
  for (QComboBox* box : window.documentList()->findChildren<QComboBox*>())
    if (box->width() < box->sizeHint().width())
      return QStringLiteral("%1: %2 < %3")
          .arg(box->objectName())
          .arg(box->width())
          .arg(box->sizeHint().width());
  return {};
}

// Where `w` is not whole inside `outer` (narrower than it needs, or outside it): "" when it is.
inline QString cutIn(const QWidget* w, const QWidget* outer, int needs) {
  const QRect r(w->mapTo(outer, QPoint(0, 0)), w->size());
  if (outer->rect().contains(r) && w->width() >= needs) return {};
  return QStringLiteral("at %1,%2 %3×%4 (needs %5) outside %6×%7")
      .arg(r.x())
      .arg(r.y())
      .arg(r.width())
      .arg(r.height())
      .arg(needs)
      .arg(outer->width())
      .arg(outer->height());
}

}  // namespace quarry::test
