#pragma once
// A run's log (jobs/RunLog.h) in a window of its own, beside the workbench (not modal): the run's name,
// state and, when it failed, the reason on top; the lines read-only in a monospace view, one per entry as
// train.log and quarry-cli runs --log write them; Copy puts them on the clipboard, Save As… writes them to
// a file.

#include <QDialog>
#include <QVector>

#include "store/StoreTypes.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace quarry::ui {

class RunLogDialog : public QDialog {
  Q_OBJECT
 public:
  RunLogDialog(const ModelRun& run, const QVector<RunLogLine>& lines, QWidget* parent = nullptr);

  // Writes the log to `path` (whole or not at all); asks where when it is empty. False (the reason shown)
  // when it cannot.
  bool saveAs(const QString& path = QString());

  QLabel* headerLabel() const { return m_header; }
  QPlainTextEdit* text() const { return m_text; }
  QPushButton* copyButton() const { return m_copy; }
  QPushButton* saveButton() const { return m_save; }

 private:
  QLabel* m_header = nullptr;
  QPlainTextEdit* m_text = nullptr;
  QPushButton* m_copy = nullptr;
  QPushButton* m_save = nullptr;
  qint64 m_runId = 0;
};

}  // namespace quarry::ui
