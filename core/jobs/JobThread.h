#pragma once
// The thread a job (TrainingJob, PredictionJob) works on and how it is stopped: the work runs once, on a
// named QThread of its own or on the calling thread; any thread may set the cancel flag the work reads;
// destroyed while the work runs, it cancels and waits for the end. Declare it as the job's last member, so
// that the work has ended before what it uses (the spec, the outcome) is destroyed.

#include <atomic>
#include <exception>
#include <functional>
#include <string>

#include <QString>

#include "common/Error.h"
#include "model/kernels/EngineFailure.h"

class QObject;
class QThread;

namespace quarry::jobs {

class JobThread {
 public:
  JobThread() = default;
  ~JobThread();
  JobThread(const JobThread&) = delete;
  JobThread& operator=(const JobThread&) = delete;

  // Runs `work` on a new thread named `name` and returns at once; `done` follows on `owner`'s thread once
  // the thread has ended. False when the work has already been started (it runs once).
  bool start(QObject* owner, const QString& name, std::function<void()> work, std::function<void()> done);
  // Runs `work`, then `done`, on the calling thread. False when the work has already been started.
  bool runHere(const std::function<void()>& work, const std::function<void()>& done);

  // Thread-safe.
  void cancel() { m_cancel.store(true); }
  bool isCancelled() const { return m_cancel.load(); }
  // True from start() until just before `done` runs.
  bool isRunning() const { return m_running; }

 private:
  std::atomic<bool> m_cancel{false};
  bool m_started = false;
  bool m_running = false;
  QThread* m_thread = nullptr;
};

// What `execute` returns; an exception that escapes it (an allocation failure outside the engine's own
// guards) becomes an outcome whose error says "<operation> failed: ...", where it would otherwise end the
// process from a QThread.
template <typename Outcome, typename Execute>
Outcome outcomeOrFailure(const std::string& operation, Execute&& execute) {
  try {
    return execute();
  } catch (const std::exception& e) {
    Outcome outcome;
    outcome.error = Error(operation + " failed: " + model::describeEngineFailure(e));
    return outcome;
  }
}

}  // namespace quarry::jobs
