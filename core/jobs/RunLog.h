#pragma once
// A run's log: what its job says (the configuration it starts with, each evaluation with its figures, the
// best model saved, an early stop, how it ended and, when it failed, the reason in full) and whatever the
// engine logs through spdlog (common/Log.h) on the job's own thread while the job runs. What other threads
// log meanwhile (another job running at the same time, the GUI) is not the run's and is left out.
//
// Lines are kept until flush() writes those not yet written: to the run's rows in the project (through the
// job's own connection, in one transaction) and, for a training run, appended to <output folder>/train.log
// as plain text, one line per entry: "<ISO 8601 UTC time> <level> <message>" (a line break inside a message
// written as "\n"). A job flushes after every evaluation and at its end, so a process that dies leaves the
// log up to the last evaluation.
//
// THREADS: made, used and destroyed on the job's thread; only its spdlog sink is called from other threads
// (and drops what they log).

#include <memory>
#include <mutex>

#include <QDateTime>
#include <QString>
#include <QVector>

#include "common/Error.h"
#include "store/StoreTypes.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {

class RunLog {
 public:
  // Collects what the calling thread logs at info level and above, from now until destroyed.
  RunLog();
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  // The job's own lines.
  void info(const QString& message);
  void warn(const QString& message);
  void error(const QString& message);
  // A failed run's last line: "the run failed: " and the reason in full (LibTorch's message included).
  void failure(const Error& error);

  // Where flush() writes: run `runId` of `store` (not owned; it outlives the log or is unset first).
  void writeToStore(ProjectStore* store, qint64 runId);
  // And the text file `path`, appended to, its folder made if needed.
  void writeToFile(const QString& path);
  // Writes every line not yet written to the store and to the file; the lines a failed write did not take are
  // tried again at the next flush. The Error names the store or the file.
  Status flush();
  // flush() while the run goes on: a failure is logged as a warning (which the log keeps, like every line of
  // this thread, and writes at the next flush), not the run's.
  void flushOrWarn();

  // Every line so far, in order.
  QVector<RunLogLine> lines() const;

  // How train.log, quarry-cli runs --log and the workbench show a line: "<ISO 8601 UTC time> <level>
  // <message>", a line break inside the message written as "\n".
  static QString lineText(const RunLogLine& line);

 private:
  class Sink;
  void add(const QString& level, const QString& message, const QDateTime& time);
  Status appendToFile(const QVector<RunLogLine>& lines) const;

  mutable std::mutex m_mutex;  // guards m_lines, which the sink adds to
  QVector<RunLogLine> m_lines;
  qsizetype m_stored = 0;   // lines the store has
  qsizetype m_written = 0;  // lines the file has
  ProjectStore* m_store = nullptr;
  qint64 m_runId = 0;
  QString m_file;
  std::shared_ptr<Sink> m_sink;
};

}  // namespace quarry::jobs
