#pragma once
// Plain values the ProjectStore takes and returns.

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>
#include <functional>

#include "common/Progress.h"

#include "corpus/Document.h"

namespace quarry {

// Called during long operations with (done, total); returning false cancels the operation, which
// then rolls back and fails with "cancelled".
// ProgressCallback: see common/Progress.h

enum class OpenMode { ReadWrite, ReadOnly };

struct ImportSummary {
  int documents = 0;  // documents added
  int entities = 0;   // entity spans added
  int relations = 0;  // relations added
  int answers = 0;    // QA answers added (no-answer rows included)
  int labels = 0;     // document labels added
};

// Which documents loadCorpus() returns.
struct CorpusFilter {
  QVector<Split> splits;             // only these splits; empty = every split
  QVector<DocumentStatus> statuses;  // only these statuses; empty = every status
  bool provenance = true;            // fill Provenance of every annotation
};

// Which documents listDocuments() returns.
struct DocumentListFilter {
  QVector<Split> splits;             // empty = every split
  QVector<DocumentStatus> statuses;  // empty = every status
  QString search;                    // substring of name or text, ASCII case ignored; empty = any
  QString annotator;                 // only documents with an annotation by this annotator; empty = any
  QString assignedTo;                // only documents assigned to this annotator (store/TeamStore.h); empty = any
  // Only documents with an annotation of this type, keyed like ProjectStats::annotationCounts
  // ("entity:DISEASE", "relation:TREATS", "answer:effective_date", "label:unfair"); empty = any.
  QString annotationType;
  int offset = 0;  // rows skipped (paging)
  int limit = -1;  // rows returned at most; -1 = all
};

// One row of the document list a UI shows.
struct DocumentSummary {
  qint64 id = 0;
  QString name;
  Split split = Split::Unassigned;
  DocumentStatus status = DocumentStatus::New;
  int entities = 0;
  int relations = 0;
  int answers = 0;
  int labels = 0;
};

// A document as stored, with the row id of every annotation (parallel to document's vectors), so a
// UI can edit or remove them.
struct StoredDocument {
  qint64 id = 0;
  Document document;
  QVector<qint64> entityIds;
  QVector<qint64> relationIds;
  QVector<qint64> answerIds;
  QVector<qint64> labelIds;

  // Document::layerOf with the row ids kept in step: what `annotator` made here.
  StoredDocument layerOf(const QString& annotator) const;
};

struct ProjectStats {
  int documents = 0;
  QMap<Split, int> perSplit;            // documents per split (splits with none left out)
  QMap<DocumentStatus, int> perStatus;  // documents per status (statuses with none left out)
  int entities = 0;
  int relations = 0;
  int answers = 0;
  int labels = 0;
  // Per type, keyed like Corpus::annotationCounts(): "entity:DISEASE", "relation:TREATS",
  // "answer:effective_date", "label:unfair".
  QMap<QString, int> annotationCounts;
};

struct ProjectInfo {
  QString name;
  QDateTime created;
  int guidelineVersion = 1;
  int schemaVersion = 0;  // the file's migration version
  // Several people annotate each document, each in their own layer (double annotation for agreement and
  // adjudication): a single-label project replaces only the annotator's own label. Off: one shared layer,
  // where choosing a category replaces whoever's label was there.
  bool separateLayers = false;
};

// Optimistic concurrency: an annotation as the editor last read it (its provenance's annotator and updated
// time). An edit or removal given one is refused, saying who changed the row and when, when the row has gone
// or was changed since by someone else or later: a teammate's edit is never silently overwritten. An
// invalid `updated` means no check (scripts, imports).
struct ReadVersion {
  QString annotator;
  QDateTime updated;
  static ReadVersion of(const Provenance& p) { return {p.annotator, p.updated}; }
};
// Error::field of a write refused by that check.
inline constexpr const char* kStaleWriteField = "stale";

// A team member's role in a shared project: annotators label their assigned documents, reviewers read
// them, adjudicators decide disagreements into the gold layer, managers assign work.
enum class TeamRole { Annotator, Reviewer, Adjudicator, Manager };
QString teamRoleName(TeamRole r);  // "annotator", "reviewer", "adjudicator", "manager"
bool parseTeamRole(const QString& name, TeamRole* out);

// A member with their work: documents assigned and those they marked done.
struct TeamMember {
  QString name;
  TeamRole role = TeamRole::Annotator;
  int assigned = 0;
  int done = 0;
};

// One document given to one annotator.
struct Assignment {
  qint64 documentId = 0;
  QString document;   // its name
  QString annotator;
  QDateTime assigned;
  QDateTime done;     // invalid = not done yet
};

// An adjudicator's decision for a window of a document where its annotators disagree: whose version became
// gold ("" = none of them: the window stays empty).
struct AdjudicationDecision {
  int windowStart = 0;  // code points; -1 = the document's labels
  int windowEnd = 0;
  QString chosen;
  QString adjudicator;
  QDateTime decided;
};

// What assign() did: documents considered, assignments made, and each annotator's new total.
struct AssignmentSummary {
  int documents = 0;
  int created = 0;
  QMap<QString, int> perAnnotator;  // assignments each annotator holds now (old and new)
};

// Interrupted: the process running it ended without recording an end (killed, crashed, power lost); a
// training run's last/ checkpoint can be resumed.
enum class RunStatus { Pending, Running, Finished, Failed, Cancelled, Interrupted };
QString runStatusName(RunStatus s);  // "pending", "running", ...
bool parseRunStatus(const QString& name, RunStatus* out);

// One training (or prediction) run of a model on this project.
struct ModelRun {
  qint64 id = 0;       // set by createRun
  QString name;        // shown in the UI
  QString task;        // "ner", "classify", "relation", "qa"; empty = not recorded (before version 4)
  QString baseModel;   // e.g. "bert-base-cased" or a checkpoint folder
  QJsonObject config;  // the full training configuration
  QJsonObject data;    // what it trained on: documents and annotations per split and kind, fingerprint
  RunStatus status = RunStatus::Pending;
  QJsonObject metrics;     // latest evaluation figures
  QString error;           // why a failed run failed; empty otherwise
  QString checkpointPath;  // best checkpoint so far; empty = none
  QDateTime started;       // invalid = not started
  QDateTime finished;      // invalid = not finished
  QString worker;          // the process running it, "host:pid" (jobs/RunWorker.h); empty = not recorded
};

// One line of a run's log (jobs/RunLog.h).
struct RunLogLine {
  int sequence = 0;  // 1-based place in the run's log; set by the store when the line is appended
  QDateTime time;    // when it was logged (UTC); invalid = when it is appended
  QString level;     // "info", "warn" or "error"
  QString message;   // the text, possibly several lines
};

// One document or annotation a training run read, as it was then (store/AnnotationVersions.h).
struct AnnotationVersion {
  QString role;             // "train" or "dev"
  QString kind;             // "document", "entity", "relation", "answer", "label"
  qint64 annotationId = 0;  // the row id in the kind's table (the document's id for "document")
  qint64 documentId = 0;    // the document it belongs to
  QString contentHash;      // of what training reads of the row
};

// How many suggestions people decided, on some documents (RunStore::decisionCounts).
struct SuggestionDecisions {
  qint64 accepted = 0;
  qint64 rejected = 0;  // negative evidence: the model proposed it, a person said no
};

// One model output for a document: a suggested span, relation, answer or label.
struct Prediction {
  qint64 id = 0;  // set by addPredictions
  qint64 runId = 0;
  qint64 documentId = 0;
  QString kind;             // "entity", "relation", "answer", "label"
  QJsonObject payload;      // the prediction itself (type, offsets, ...)
  double confidence = 0.0;  // 0..1
  // What a person decided about it as a suggestion: "" (undecided), "accepted" or "rejected". Rejections
  // are kept: negative evidence for the next run and for agreement.
  QString decision;
  QString decidedBy;        // the annotator or reviewer
  QDateTime decidedAt;      // invalid = undecided
  qint64 annotationId = 0;  // accepted: the annotation row it became (its kind's table); 0 = none
};

}  // namespace quarry
