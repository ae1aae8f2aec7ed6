#pragma once
// What a prediction job (jobs/PredictionJob.h) is asked to do, what it reports while it runs, and how it
// ends: plain values that travel between threads.

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "jobs/DocumentUncertainty.h"
#include "jobs/EngineDocuments.h"
#include "store/StoreTypes.h"

namespace quarry::jobs {

// What to predict, with which model.
struct PredictionSpec {
  QString modelFolder;  // a model folder written by training (best/); the task is read from it
  // The project whose documents are predicted for and whose run table records the run; empty = predict
  // for `documents` below, recording nothing.
  QString projectPath;
  QVector<Split> splits{
      Split::Unassigned};            // with a project: the split(s) to predict for; empty = every split
  QVector<DocumentStatus> statuses;  // with a project: only documents of these statuses; empty = all
  DocumentSet documents;             // without a project: the documents (text files, an import)
  double minConfidence = 0;          // leave out predictions below this confidence (0..1)
  // QA: ask these of every document; empty = the documents' own questions, and each unannotated document
  // of a project is asked the project's QA fields (askQaFields).
  QStringList questions;
  // Relations: find the entities with this NER model folder (end to end); empty = the annotated entities.
  QString nerModelFolder;
  bool int8 = false;   // NER transformers: int8 weights for the linear layers (faster on CPU, ~1e-2 off)
  bool store = true;   // with a project: record the run and its prediction rows
  // With a project and store: also each document's active-learning uncertainty (jobs/DocumentUncertainty.h),
  // one "uncertainty" row per document. NER then reads every word's whole tag distribution.
  bool uncertainty = true;
  // Gather each document's decisions and embedding (PredictionResults::uncertainty) even when nothing is
  // stored: the drift check profiles the model's confidence and embeddings (jobs/DriftJob.h).
  bool decisions = false;
  QString runName;     // the run's name in the project; empty = "<task> predictions" ("NER predictions")
  int threads = 0;     // CPU threads; 0 = all cores
  int batchSize = 64;  // sentences, windows, candidate pairs or documents the model reads at once
  // Documents predicted between two progress reports; cancellation takes effect between chunks.
  int chunkDocuments = 64;
};

// One report: after each chunk of documents (and once before the first).
struct PredictionProgress {
  int documentsDone = 0;
  int documents = 0;  // all the job predicts for
  double elapsedSeconds = 0;
};

// What a job predicted, in figures.
struct PredictionCounts {
  int documents = 0;  // documents predicted for
  // Spans (ner), relations, answers (no-answer verdicts not counted) or labels kept (minConfidence).
  qint64 predictions = 0;
  // What the model read: sentences (ner), candidate pairs (relation), questions (qa), documents (classify).
  qint64 inputs = 0;
  double seconds = 0;  // time the model spent predicting

  double inputsPerSecond() const { return seconds > 0 ? double(inputs) / seconds : 0.0; }
};

// Everything a job predicted, per document.
struct PredictionResults {
  std::string task;  // "ner", "classify", "relation", "qa"
  // The documents as the model read them: gold annotations removed (a relation model without a NER model
  // keeps the entities it reads); QA: with the questions asked.
  DocumentSet documents;
  std::vector<document::DocumentPrediction> predictions;  // parallel to documents.documents
  // Relations: per document, the entities the relations index (annotated, or found by the NER model).
  std::vector<std::vector<document::EntityMention>> mentions;
  std::vector<std::string> labels;                // classify: the classifier's labels, in its order
  std::vector<std::vector<float>> probabilities;  // classify: per document, each label's probability
  // Per document its uncertainty decisions when the job stores them (PredictionSpec::uncertainty).
  std::vector<DocumentDecisions> uncertainty;
};

// How a job ended.
struct PredictionOutcome {
  qint64 runId = 0;                      // the run recorded in the project; 0 = none
  RunStatus status = RunStatus::Failed;  // Finished, Cancelled or Failed
  Error error;                           // Failed: why (naming the file when there is one)
  QString recordWarning;                 // the run's end could not be recorded: why; empty = recorded
  QString task;                          // the model's task; empty when its folder could not be read
  bool nothingToAsk = false;             // QA: failed because no document has a question to ask
  PredictionCounts counts;               // what was predicted (Cancelled: before it stopped)
  // Finished: what was predicted; null otherwise. Shared: the outcome travels by value in queued signals.
  std::shared_ptr<const PredictionResults> results;

  QString errorText() const { return QString::fromStdString(error.toString()); }
};

}  // namespace quarry::jobs

Q_DECLARE_METATYPE(quarry::jobs::PredictionProgress)
Q_DECLARE_METATYPE(quarry::jobs::PredictionOutcome)
