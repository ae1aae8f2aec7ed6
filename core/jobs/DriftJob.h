#pragma once
// The drift check for a trained model (quality/DriftCheck.h): the model predicts its training documents
// (at most `maxTraining`, evenly spaced, for their embeddings), its dev documents and the incoming ones,
// recording nothing, gathering every decision's confidence and each document's embedding; the profiles
// are compared with the training set's gold labels, vocabulary and lengths. Runs on the calling thread
// (quarry-cli, or a worker of the workbench) and cancels between chunks of documents.

#include <functional>
#include <mutex>

#include <QString>

#include "common/Error.h"
#include "jobs/EngineDocuments.h"
#include "jobs/PredictionSpec.h"
#include "quality/DriftCheck.h"

namespace quarry::jobs {

class PredictionJob;

struct DriftSpec {
  QString modelFolder;
  DocumentSet training;  // what the model trained on (gold)
  DocumentSet dev;       // its held-out documents
  DocumentSet incoming;  // the documents to check
  int maxTraining = 2000;
  int threads = 0;
  quality::DriftOptions options;
};

struct DriftProgress {
  QString stage;  // "training", "dev", "incoming"
  int documentsDone = 0;
  int documents = 0;
};

class DriftJob {
 public:
  // The report, or an Error naming the model folder (or what failed); Cancelled is an Error saying so.
  Result<quality::DriftReport> run(const DriftSpec& spec, const std::function<void(const DriftProgress&)>& progress = {});
  // Thread-safe: stops before the next chunk of documents.
  void cancel();

 private:
  Result<std::shared_ptr<const PredictionResults>> predict(const DriftSpec& spec, const DocumentSet& documents,
                                                           const QString& stage,
                                                           const std::function<void(const DriftProgress&)>& progress);
  std::mutex m_mutex;
  bool m_cancelled = false;
  PredictionJob* m_job = nullptr;
};

// The drift check of training run `runId` of the project: its best checkpoint, the documents it trained and
// was scored on as its run recorded them (lineage; the current train and dev splits for a run from before
// lineage), and the project's unassigned documents as incoming (less any it trained on). Errors name the
// run or the project.
Result<DriftSpec> driftSpecForRun(ProjectStore& store, qint64 runId);

// Evenly spaced documents of `set`, at most `limit` (all when it has no more).
DocumentSet evenSample(const DocumentSet& set, int limit);

}  // namespace quarry::jobs
