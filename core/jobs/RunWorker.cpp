#include "jobs/RunWorker.h"

#include <cerrno>
#include <csignal>

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>

#include "store/ProjectStore.h"

namespace quarry::jobs {

QString currentWorker() {
  return QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid());
}

bool workerIsGone(const QString& worker) {
  const int colon = worker.lastIndexOf(QLatin1Char(':'));
  if (colon <= 0) return false;
  if (worker.left(colon) != QSysInfo::machineHostName()) return false;
  bool ok = false;
  const qint64 pid = worker.mid(colon + 1).toLongLong(&ok);
  if (!ok || pid <= 0) return false;
  if (pid == QCoreApplication::applicationPid()) return false;
  // Signal 0 checks that the process exists without touching it; EPERM = it exists under another user.
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

Result<int> markInterruptedRuns(ProjectStore& store) {
  auto running = store.runsWithStatus(RunStatus::Running);
  if (!running) return running.error();
  int marked = 0;
  for (ModelRun run : running.value()) {
    if (!workerIsGone(run.worker)) continue;
    run.status = RunStatus::Interrupted;
    run.finished = QDateTime::currentDateTimeUtc();
    run.error = QStringLiteral("interrupted: the process running it (%1) ended without recording its end")
                    .arg(run.worker);
    if (Status s = store.updateRun(run); !s) return s.error();
    ++marked;
  }
  return marked;
}

}  // namespace quarry::jobs
