#pragma once
// More for the GUI tests that drive the real main window on the demo project (UiTestSupport.h has the
// rest): demo copies in a given folder, documents added to them (a long one), documents by name.
#include <QDir>
#include <QtTest>

#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "UiTestSupport.h"

#define VERIFY_STATUS(expr)                                                         \
  do {                                                                              \
    const quarry::Status status_ = (expr);                                          \
    QVERIFY2(status_.ok(), status_.ok() ? "" : status_.error().toString().c_str()); \
  } while (false)

namespace quarry::test {

// A new copy of the demo project in `dir`.
inline QString freshDemo(const QString& dir) {
  static int n = 0;
  return makeDemo(QDir(dir).filePath(QStringLiteral("demo%1.quarry").arg(++n)));
}

// Adds a document called `name` with `text` to the project at `path`.
inline void addDocument(const QString& path, const QString& name, const QString& text) {
  auto store = ProjectStore::open(path);
  if (!store) qFatal("%s", store.error().toString().c_str());
  Document d;
  d.name = name;
  d.text = text;
  Corpus corpus;
  corpus.documents = {d};
  if (auto imported = store.value()->importCorpus(corpus, QStringLiteral("importer")); !imported)
    qFatal("%s", imported.error().toString().c_str());
}

// Adds a document called `name` of `paragraphs` paragraphs, one sentence each with "metformin" and
// "insulin" once, to the project at `path`.
inline void addLongDocument(const QString& path, const QString& name, int paragraphs) {
  QStringList lines;
  for (int i = 0; i < paragraphs; ++i)
    lines << QStringLiteral(
                 "Paragraph %1 of the long trial protocol: adults on metformin with or without insulin, "
                 "followed for twelve weeks by the site investigators.")
                 .arg(i + 1);
  addDocument(path, name, lines.join(QLatin1Char('\n')));
}

// The id of the listed document called `name`, or 0.
inline qint64 documentNamed(ui::MainWindow& window, const QString& name) {
  for (const DocumentSummary& d : window.documentList()->model()->documents())
    if (d.name == name) return d.id;
  return 0;
}

}  // namespace quarry::test
