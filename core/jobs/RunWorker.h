#pragma once
// Which process runs a job, and what becomes of runs whose process ended without recording their end.
//
// A run records its worker as "host:pid" when it starts. A process that opens the project later (the
// workbench at open, every new training job) marks each run still "running" whose worker is on this host
// and no longer alive as Interrupted, its error saying so; a training run's last/ checkpoint can then be
// resumed. Runs of other hosts are left as they are: their liveness cannot be told from here (a shared
// PostgreSQL project will need a heartbeat for those).

#include <QString>

#include "common/Error.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {

// "host:pid" of this process.
QString currentWorker();

// True when `worker` names a process of this host that no longer exists. False for this process, a live
// one, another host's, or an empty / unreadable worker (unknown is not gone).
bool workerIsGone(const QString& worker);

// Marks the runs of `store` whose worker is gone as Interrupted (finished now, error "interrupted: ...");
// returns how many.
Result<int> markInterruptedRuns(ProjectStore& store);

}  // namespace quarry::jobs
