#pragma once
// A Quarry project: one SQLite file (*.quarry), or one database on a PostgreSQL server that a team shares
// (a postgresql:// URL, store/ProjectLocation.h), holding the schema, the documents, every annotation with
// its provenance, model runs and their predictions.
//
// One database connection per instance. Qt Sql binds a connection to the thread that made it, so a
// worker thread opens its own ProjectStore on the same file; any number of readers and writers may
// share the file (WAL journal, write transactions that take the lock up front, a busy timeout).
// Nothing here throws: every failure is an Error naming the operation, the SQL error and the file.

#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>
#include <QVector>
#include <functional>
#include <memory>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "store/StoreTypes.h"

class QSqlDriver;

namespace quarry {

class StoreConnection;

class ProjectStore {
 public:
  // Makes a new project file at `path`; refuses to overwrite anything there. For a database URL the database
  // must exist (made by its administrator) and hold no project yet.
  static Result<std::unique_ptr<ProjectStore>> create(const QString& path, const QString& projectName);
  // Checks a project file that came from elsewhere (an archive) before anything reads or upgrades it:
  // read-only, every page and constraint (integrity_check) and every reference (foreign_key_check). The
  // Error names the file and the first problems found.
  static Status checkFile(const QString& path);
  // Checks an opened project that came from elsewhere (StoreAudit), after checkFile and the upgrade in
  // open(): its tables, indexes and triggers are exactly those this Quarry makes, and every stored text
  // is valid UTF-8.
  Status checkContents();
  // Opens an existing project, bringing an older file up to the current schema version (ReadWrite).
  // ReadOnly (reviewers): every write returns an Error; an outdated file is refused, not upgraded.
  static Result<std::unique_ptr<ProjectStore>> open(const QString& path, OpenMode mode = OpenMode::ReadWrite);
  ~ProjectStore();
  ProjectStore(const ProjectStore&) = delete;
  ProjectStore& operator=(const ProjectStore&) = delete;

  // The location as given (what a worker thread opens again), and as messages show it (no password).
  QString path() const;
  QString displayPath() const;
  bool isReadOnly() const;
  // True for a project on a database server.
  bool isServer() const;
  Result<ProjectInfo> info();

  Result<Schema> schema();
  // Makes the project schema equal to `schema` (types matched by name; a type still used by annotations
  // cannot be removed). Its guidelineVersion is ignored: the stored one goes up by one when any
  // guideline text changed.
  Status setSchema(const Schema& schema);
  // ProjectInfo::separateLayers: on for a team that annotates each document twice or more.
  Status setSeparateLayers(bool separate);

  // All or nothing, in one transaction: see CorpusImporter::import.
  Result<ImportSummary> importCorpus(const Corpus& corpus, const QString& annotator,
                                     const ProgressCallback& progress = {});
  // The schema and the selected documents, annotations in insertion order, entity keys as imported.
  Result<Corpus> loadCorpus(const CorpusFilter& filter = {});
  Result<QVector<DocumentSummary>> listDocuments(const DocumentListFilter& filter = {});
  Result<StoredDocument> loadDocument(qint64 documentId);
  // The document (text included) with only the annotations of one stretch of it, every layer's: the spans
  // starting in [start, end), the relations whose head is one of them, the spans at the offsets of those
  // relations' tails, the answers starting there; with `start` < 0, only the labels and the "no answer"
  // answers. What a change to that stretch needs, without reading a large document's every annotation.
  Result<StoredDocument> loadDocumentRange(qint64 documentId, int start, int end);
  // Names of everyone who has annotated or edited the project (importers included), sorted.
  Result<QStringList> annotators();
  // For each annotator, the names of the documents they annotated or edited: their layer of a document
  // that several people annotate (jobs/AnnotatorAgreement).
  Result<QHash<QString, QSet<QString>>> annotatorDocuments();

  // Single edits: each its own transaction, recording annotator, origin, guideline version and time.
  // An annotation edit on a "new" document also makes it "in progress", in the same transaction.
  Result<qint64> addEntity(qint64 documentId, const EntitySpan& span, const QString& annotator,
                           Origin origin = Origin::Manual);
  // Several spans in one transaction (all or none); their ids in order.
  Result<QVector<qint64>> addEntities(qint64 documentId, const QVector<EntitySpan>& spans, const QString& annotator,
                                      Origin origin = Origin::Manual);
  Result<qint64> updateEntity(qint64 entityId, const QString& type, const QVector<Fragment>& fragments,
                              const QString& annotator, Origin origin = Origin::Manual, const ReadVersion& read = {});
  // And the relations using it. `read`: store/StoreTypes.h ReadVersion (a stale write is refused).
  Status removeEntity(qint64 entityId, const QString& annotator, const ReadVersion& read = {});
  Result<qint64> addRelation(qint64 documentId, const QString& type, qint64 headEntityId, qint64 tailEntityId,
                             const QString& annotator, Origin origin = Origin::Manual,
                             const QString& key = {});
  Status removeRelation(qint64 relationId, const QString& annotator, const ReadVersion& read = {});
  Result<qint64> setAnswer(qint64 documentId, const QaAnswer& answer, const QString& annotator,
                           Origin origin = Origin::Manual);
  Status removeAnswer(qint64 answerId, const QString& annotator, const ReadVersion& read = {});
  Result<qint64> addLabel(qint64 documentId, const QString& category, const QString& annotator,
                          Origin origin = Origin::Manual);
  Status removeLabel(qint64 labelId, const QString& annotator, const ReadVersion& read = {});
  // On a team, the annotator's assignment of the document follows: done with Done or Reviewed, else open.
  Status setDocumentStatus(qint64 documentId, DocumentStatus status, const QString& annotator);
  Status setDocumentSplit(qint64 documentId, Split split, const QString& annotator);
  // Several documents' splits in one transaction: all are written or none (a group-aware re-split).
  Status setDocumentSplits(const QVector<QPair<qint64, Split>>& splits, const QString& annotator);
  // The status (with the annotator's assignment, as setDocumentStatus), and a finished pool document into
  // `poolJoins` (AnnotationEditor::finishDocument); true when it moved.
  Result<bool> finishDocument(qint64 documentId, DocumentStatus status, const QString& annotator,
                              Split poolJoins = Split::Train);

  Result<ProjectStats> stats();

  Result<qint64> createRun(const ModelRun& run);
  Status updateRun(const ModelRun& run);
  Result<QVector<ModelRun>> listRuns();
  Result<ModelRun> run(qint64 runId);
  Result<QVector<ModelRun>> runsWithStatus(RunStatus status);
  Result<int> addPredictions(qint64 runId, const QVector<Prediction>& predictions);
  Result<QVector<Prediction>> predictionsForDocument(qint64 documentId, qint64 runId = 0);
  Result<QVector<Prediction>> predictionsOfRun(qint64 runId, const QString& kind);
  Status clearPredictions(qint64 runId);
  Result<SuggestionDecisions> decisionCounts(const QString& kind, const QVector<Split>& splits);
  Status decidePrediction(qint64 predictionId, const QString& decision, const QString& decidedBy,
                          qint64 annotationId = 0);
  Result<qint64> latestRunWithPredictions(const QString& kind);

  // The documents and annotations of the train and dev splits with their content hashes (lineage:
  // store/AnnotationVersions.h); the runs' records of them.
  Result<QVector<AnnotationVersion>> annotationVersions(const QVector<Split>& trainSplits,
                                                        const QVector<Split>& devSplits);
  Status recordRunAnnotations(qint64 runId, const QVector<AnnotationVersion>& versions);
  Result<QVector<AnnotationVersion>> runAnnotations(qint64 runId);

  // A run's log (jobs/RunLog.h): `lines` appended after those already there, in one transaction; the
  // whole log, in order.
  Status appendRunLog(qint64 runId, const QVector<RunLogLine>& lines);
  Result<QVector<RunLogLine>> runLog(qint64 runId);

  // The team (store/TeamStore.h): roles, and documents assigned to annotators for double annotation.
  Status setTeamRole(const QString& name, TeamRole role);
  Result<QVector<TeamMember>> teamMembers();
  Result<AssignmentSummary> assignDocuments(const QVector<qint64>& documentIds, const QStringList& annotators,
                                            int perDocument, quint64 seed);
  Result<QVector<Assignment>> assignments(const QString& annotator = {});
  Status setAssignmentDone(qint64 documentId, const QString& annotator, bool done);
  // Adjudication records (jobs/Adjudication.h does the merging).
  Status recordAdjudicationDecision(qint64 documentId, const AdjudicationDecision& decision);
  Status recordAdjudicationDecisions(qint64 documentId, const QVector<AdjudicationDecision>& decisions);
  Result<QVector<AdjudicationDecision>> adjudicationDecisions(qint64 documentId);
  Status setAdjudicated(qint64 documentId, const QString& adjudicator, bool adjudicated);
  Result<QHash<qint64, QString>> adjudicatedDocuments();

  // Data quality findings marked as intended (store/QualityDecisions.h): kind "entity", "relation", "category".
  Status markFindingIntended(const QString& kind, const QString& key, const QString& annotator);
  Status unmarkFinding(const QString& kind, const QString& key);
  Result<QSet<QString>> intendedFindings(const QString& kind);

  // Runs `reads` (reads only) in one read transaction, so that they all see the project at one moment
  // while others write: a training job's documents and the lineage it records agree.
  Status readConsistently(const std::function<Status()>& reads);

  // Edits made through other connections (teammates, other windows), as they commit: the driver whose
  // notification(name, source, payload) signal carries the edited document's id as payload (source
  // OtherSource). Null for a project file, which has no notifications (a window re-reads on F5).
  QSqlDriver* subscribeToEdits();

  // Writes a consistent copy of the whole database to `path` (a new file), also from a read-only store.
  Status backupTo(const QString& path);
  // Makes a new project at `location` (a file or a database URL, as create()) holding every row of this one,
  // keys included, read at one moment and written all or nothing (ProjectCopier); the rows copied.
  Result<qint64> copyTo(const QString& location);
  // The first difference between the rows of this project and `other`'s (ProjectCopier::firstDifference),
  // empty when they hold the same: how a copy to another engine is checked.
  Result<QString> firstDifferenceFrom(ProjectStore& other);

 private:
  explicit ProjectStore(std::unique_ptr<StoreConnection> connection);
  static Result<std::unique_ptr<ProjectStore>> createInDatabase(const QString& url, const QString& projectName);
  // Migrates a new database to the current schema and inserts the project row (refused when one is there).
  static Result<std::unique_ptr<ProjectStore>> makeProject(const QString& path, const QString& projectName);

  std::unique_ptr<StoreConnection> m_c;
};

}  // namespace quarry
