#include "store/ProjectStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "common/Log.h"
#include "store/AnnotationEditor.h"
#include "store/AnnotationVersions.h"
#include "store/CorpusImporter.h"
#include "store/CorpusLoader.h"
#include "store/DocumentIndex.h"
#include "store/ProjectCopier.h"
#include "store/ProjectLocation.h"
#include "store/QualityDecisions.h"
#include "store/RunStore.h"
#include "store/SchemaMigrator.h"
#include "store/SchemaStore.h"
#include "store/SqlUtil.h"
#include "store/StoreAudit.h"
#include "store/StoreConnection.h"
#include "store/StoreMigrations.h"
#include "store/TeamStore.h"

namespace quarry {
namespace {

void removeDatabaseFiles(const QString& path) {
  for (const QString& suffix :
       {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
    QFile::remove(path + suffix);
}

}  // namespace

ProjectStore::ProjectStore(std::unique_ptr<StoreConnection> connection) : m_c(std::move(connection)) {}
ProjectStore::~ProjectStore() = default;

Result<std::unique_ptr<ProjectStore>> ProjectStore::create(const QString& path, const QString& projectName) {
  const QString op = QStringLiteral("create project");
  const auto exists = [&] {
    return Error(QString(op + QStringLiteral(": a file already exists there")).toStdString(),
                 path.toStdString());
  };
  Result<ProjectLocation> location = ProjectLocation::parse(path);
  if (!location) return location.error();
  if (!location->isFile()) return createInDatabase(path, projectName);
  if (QFileInfo::exists(path)) return exists();
  {
    // The path is claimed first (created only if absent, atomically), so that of two processes creating
    // the same project at once exactly one succeeds and the other removes nothing. SQLite takes the empty
    // file as an empty database.
    QFile claim(path);
    if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
      if (QFileInfo::exists(path)) return exists();
      return Error(
          QString(op + QStringLiteral(": cannot create the file: ") + claim.errorString()).toStdString(),
          path.toStdString());
    }
  }
  Result<std::unique_ptr<ProjectStore>> store = makeProject(path, projectName);
  if (!store) removeDatabaseFiles(path);  // nothing half-made stays behind
  return store;
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::createInDatabase(const QString& url,
                                                                     const QString& projectName) {
  // Refused before anything is written when a project (of any version) is already there; two creators at
  // once are told apart by the project row, which only one of them can insert.
  Result<std::unique_ptr<StoreConnection>> c = StoreConnection::open(url, false, true);
  if (!c) return c.error();
  Result<int> version = SchemaMigrator((*c)->db(), (*c)->dialect()).currentVersion();
  if (!version) return (*c)->withFile(version.error());
  if (*version > 0) return (*c)->fail(QStringLiteral("create project"), QStringLiteral("a project already exists there"));
  c.value().reset();
  return makeProject(url, projectName);
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::makeProject(const QString& path, const QString& projectName) {
  const QString op = QStringLiteral("create project");
  Result<std::unique_ptr<StoreConnection>> c = StoreConnection::open(path, false, false);
  if (!c) return c.error();
  std::unique_ptr<ProjectStore> store(new ProjectStore(std::move(c.value())));
  StoreConnection& conn = *store->m_c;
  if (Status s = SchemaMigrator(conn.db(), conn.dialect()).migrate(storeMigrations()); !s)
    return conn.withFile(s.error());
  WriteTransaction tx(conn);
  if (Status s = tx.begin(op); !s) return s.error();
  QSqlQuery q = conn.query();
  if (Status s = sql::run(q, QStringLiteral("SELECT COUNT(*) FROM project"), {}, op); !s)
    return conn.withFile(s.error());
  if (q.next() && q.value(0).toLongLong() > 0) return conn.fail(op, QStringLiteral("a project already exists there"));
  q.finish();
  if (Status s = sql::run(q,
                          QStringLiteral("INSERT INTO project (id, name, created, guideline_version, "
                                         "multi_label_categories) VALUES (1, ?, ?, 1, ?)"),
                          {projectName, sql::nowMs(), false}, op);
      !s)
    return conn.withFile(s.error());
  if (Status s = tx.commit(op); !s) return s.error();
  return store;
}

Status ProjectStore::checkFile(const QString& path) {
  const QString op = QStringLiteral("check project file");
  Result<std::unique_ptr<StoreConnection>> c = StoreConnection::open(path, true, true);
  if (!c) return c.error();
  StoreConnection& conn = **c;
  constexpr int kShown = 5;  // problems named in the message; the rest are counted
  QStringList problems;
  int more = 0;
  for (const QString& statement : conn.dialect().integrityChecks()) {
    QSqlQuery q = conn.query();
    q.setForwardOnly(true);
    // SQLite stops a check on pages too damaged to walk (SQLITE_CORRUPT) with an error, not a row.
    const auto stopped = [&] {
      return conn.fail(
          op, QStringLiteral("the database is damaged: %1: %2").arg(statement, q.lastError().text()));
    };
    if (!q.exec(statement)) return stopped();
    while (q.next()) {
      QStringList columns;
      for (int i = 0; i < q.record().count(); ++i) columns << q.value(i).toString();
      if (columns == QStringList{QStringLiteral("ok")}) continue;
      if (problems.size() < kShown)
        problems << QStringLiteral("%1: %2").arg(statement, columns.join(QStringLiteral(" ")));
      else
        ++more;
    }
    if (q.lastError().isValid()) return stopped();
  }
  if (problems.isEmpty()) return {};
  QString message = QStringLiteral("the database is damaged: ") + problems.join(QStringLiteral("; "));
  if (more > 0) message += QStringLiteral("; and %1 more").arg(more);
  return conn.fail(op, message);
}

Status ProjectStore::checkContents() {
  StoreAudit audit(*m_c);
  if (Status s = audit.checkSchemaObjects(); !s) return s;
  return audit.checkStoredText();
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString& path, OpenMode mode) {
  const bool readOnly = mode == OpenMode::ReadOnly;
  Result<std::unique_ptr<StoreConnection>> c = StoreConnection::open(path, readOnly, true);
  if (!c) return c.error();
  StoreConnection& conn = **c;
  const QString op = QStringLiteral("open project");
  SchemaMigrator migrator(conn.db(), conn.dialect());
  Result<int> version = migrator.currentVersion();
  if (!version) return conn.withFile(version.error());
  const int latest = storeSchemaVersion();
  if (*version == 0) return conn.fail(op, QStringLiteral("not a Quarry project"));
  if (*version > latest)
    return conn.fail(op, QStringLiteral("made by a newer Quarry (schema version %1, this one knows %2)")
                             .arg(*version)
                             .arg(latest));
  if (*version < latest) {
    if (readOnly)
      return conn.fail(op, QStringLiteral("schema version %1 needs an upgrade to %2: open it read-write once")
                               .arg(*version)
                               .arg(latest));
    if (Status s = migrator.migrate(storeMigrations()); !s) return conn.withFile(s.error());
  }
  return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(c.value())));
}

QString ProjectStore::path() const { return m_c->path(); }
QString ProjectStore::displayPath() const { return m_c->displayPath(); }
bool ProjectStore::isReadOnly() const { return m_c->readOnly(); }
bool ProjectStore::isServer() const { return m_c->isServer(); }

Result<ProjectInfo> ProjectStore::info() {
  const QString op = QStringLiteral("read project info");
  QSqlQuery q = m_c->query();
  if (Status s = sql::run(
          q, QStringLiteral("SELECT name, created, guideline_version, separate_layers FROM project"), {}, op);
      !s)
    return m_c->withFile(s.error());
  if (!q.next()) return m_c->fail(op, QStringLiteral("the project row is missing"));
  ProjectInfo info;
  info.name = q.value(0).toString();
  info.created = sql::fromEpochMs(q.value(1));
  info.guidelineVersion = q.value(2).toInt();
  info.separateLayers = q.value(3).toBool();
  q.finish();
  Result<int> version = SchemaMigrator(m_c->db(), m_c->dialect()).currentVersion();
  if (!version) return m_c->withFile(version.error());
  info.schemaVersion = *version;
  return info;
}

Result<Schema> ProjectStore::schema() { return SchemaStore(*m_c).load(); }

Status ProjectStore::setSeparateLayers(bool separate) {
  const QString op = QStringLiteral("set separate annotation layers");
  WriteTransaction tx(*m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c->query();
  if (Status s = sql::run(q, QStringLiteral("UPDATE project SET separate_layers = ?"), {separate}, op); !s)
    return m_c->withFile(s.error());
  return tx.commit(op);
}

Status ProjectStore::setSchema(const Schema& schema) {
  const QString op = QStringLiteral("save schema");
  WriteTransaction tx(*m_c);
  if (Status s = tx.begin(op); !s) return s;
  if (Result<int> r = SchemaStore(*m_c).save(schema); !r) return r.error();
  return tx.commit(op);
}

Result<ImportSummary> ProjectStore::importCorpus(const Corpus& corpus, const QString& annotator,
                                                 const ProgressCallback& progress) {
  return CorpusImporter(*m_c).import(corpus, annotator, progress);
}

Result<Corpus> ProjectStore::loadCorpus(const CorpusFilter& filter) {
  return CorpusLoader(*m_c).loadCorpus(filter);
}

Result<QVector<DocumentSummary>> ProjectStore::listDocuments(const DocumentListFilter& filter) {
  return DocumentIndex(*m_c).list(filter);
}

Result<QStringList> ProjectStore::annotators() { return DocumentIndex(*m_c).annotators(); }
Result<QHash<QString, QSet<QString>>> ProjectStore::annotatorDocuments() {
  return DocumentIndex(*m_c).annotatorDocuments();
}

Result<StoredDocument> ProjectStore::loadDocument(qint64 documentId) {
  return CorpusLoader(*m_c).loadDocument(documentId);
}

Result<StoredDocument> ProjectStore::loadDocumentRange(qint64 documentId, int start, int end) {
  return CorpusLoader(*m_c).loadDocumentRange(documentId, start, end);
}

Result<qint64> ProjectStore::addEntity(qint64 documentId, const EntitySpan& span, const QString& annotator,
                                       Origin origin) {
  return AnnotationEditor(*m_c).addEntity(documentId, span, annotator, origin);
}

Result<QVector<qint64>> ProjectStore::addEntities(qint64 documentId, const QVector<EntitySpan>& spans,
                                                  const QString& annotator, Origin origin) {
  return AnnotationEditor(*m_c).addEntities(documentId, spans, annotator, origin);
}

Result<qint64> ProjectStore::updateEntity(qint64 entityId, const QString& type,
                                          const QVector<Fragment>& fragments, const QString& annotator,
                                          Origin origin, const ReadVersion& read) {
  return AnnotationEditor(*m_c).updateEntity(entityId, type, fragments, annotator, origin, read);
}

Status ProjectStore::removeEntity(qint64 entityId, const QString& annotator, const ReadVersion& read) {
  return AnnotationEditor(*m_c).removeEntity(entityId, annotator, read);
}

Result<qint64> ProjectStore::addRelation(qint64 documentId, const QString& type, qint64 headEntityId,
                                         qint64 tailEntityId, const QString& annotator, Origin origin,
                                         const QString& key) {
  return AnnotationEditor(*m_c).addRelation(documentId, type, headEntityId, tailEntityId, annotator, origin,
                                            key);
}

Status ProjectStore::removeRelation(qint64 relationId, const QString& annotator, const ReadVersion& read) {
  return AnnotationEditor(*m_c).removeRelation(relationId, annotator, read);
}

Result<qint64> ProjectStore::setAnswer(qint64 documentId, const QaAnswer& answer, const QString& annotator,
                                       Origin origin) {
  return AnnotationEditor(*m_c).setAnswer(documentId, answer, annotator, origin);
}

Status ProjectStore::removeAnswer(qint64 answerId, const QString& annotator, const ReadVersion& read) {
  return AnnotationEditor(*m_c).removeAnswer(answerId, annotator, read);
}

Result<qint64> ProjectStore::addLabel(qint64 documentId, const QString& category, const QString& annotator,
                                      Origin origin) {
  return AnnotationEditor(*m_c).addLabel(documentId, category, annotator, origin);
}

Status ProjectStore::removeLabel(qint64 labelId, const QString& annotator, const ReadVersion& read) {
  return AnnotationEditor(*m_c).removeLabel(labelId, annotator, read);
}

Status ProjectStore::setDocumentStatus(qint64 documentId, DocumentStatus status, const QString& annotator) {
  return AnnotationEditor(*m_c).setDocumentStatus(documentId, status, annotator);
}

Status ProjectStore::setDocumentSplit(qint64 documentId, Split split, const QString& annotator) {
  return AnnotationEditor(*m_c).setDocumentSplit(documentId, split, annotator);
}

Status ProjectStore::setDocumentSplits(const QVector<QPair<qint64, Split>>& splits, const QString& annotator) {
  return AnnotationEditor(*m_c).setDocumentSplits(splits, annotator);
}

Result<bool> ProjectStore::finishDocument(qint64 documentId, DocumentStatus status, const QString& annotator,
                                          Split poolJoins) {
  return AnnotationEditor(*m_c).finishDocument(documentId, status, annotator, poolJoins);
}

Result<ProjectStats> ProjectStore::stats() { return DocumentIndex(*m_c).stats(); }

Result<qint64> ProjectStore::createRun(const ModelRun& run) { return RunStore(*m_c).createRun(run); }
Status ProjectStore::updateRun(const ModelRun& run) { return RunStore(*m_c).updateRun(run); }
Result<QVector<ModelRun>> ProjectStore::listRuns() { return RunStore(*m_c).listRuns(); }
Result<QVector<ModelRun>> ProjectStore::runsWithStatus(RunStatus status) {
  return RunStore(*m_c).runsWithStatus(status);
}
Result<ModelRun> ProjectStore::run(qint64 runId) { return RunStore(*m_c).run(runId); }

Result<QVector<AnnotationVersion>> ProjectStore::annotationVersions(const QVector<Split>& trainSplits,
                                                                    const QVector<Split>& devSplits) {
  return AnnotationVersions(*m_c).read(trainSplits, devSplits);
}
Status ProjectStore::recordRunAnnotations(qint64 runId, const QVector<AnnotationVersion>& versions) {
  return RunStore(*m_c).recordAnnotations(runId, versions);
}
Result<QVector<AnnotationVersion>> ProjectStore::runAnnotations(qint64 runId) {
  return RunStore(*m_c).annotations(runId);
}

Status ProjectStore::appendRunLog(qint64 runId, const QVector<RunLogLine>& lines) {
  return RunStore(*m_c).appendLog(runId, lines);
}
Result<QVector<RunLogLine>> ProjectStore::runLog(qint64 runId) { return RunStore(*m_c).log(runId); }

Status ProjectStore::setTeamRole(const QString& name, TeamRole role) { return TeamStore(*m_c).setRole(name, role); }
Result<QVector<TeamMember>> ProjectStore::teamMembers() { return TeamStore(*m_c).members(); }
Result<AssignmentSummary> ProjectStore::assignDocuments(const QVector<qint64>& documentIds, const QStringList& annotators,
                                                        int perDocument, quint64 seed) {
  return TeamStore(*m_c).assign(documentIds, annotators, perDocument, seed);
}
Result<QVector<Assignment>> ProjectStore::assignments(const QString& annotator) {
  return TeamStore(*m_c).assignments(annotator);
}
Status ProjectStore::setAssignmentDone(qint64 documentId, const QString& annotator, bool done) {
  return TeamStore(*m_c).setDone(documentId, annotator, done);
}

Status ProjectStore::recordAdjudicationDecision(qint64 documentId, const AdjudicationDecision& decision) {
  return TeamStore(*m_c).recordDecisions(documentId, {decision});
}

Status ProjectStore::recordAdjudicationDecisions(qint64 documentId, const QVector<AdjudicationDecision>& decisions) {
  return TeamStore(*m_c).recordDecisions(documentId, decisions);
}
Result<QVector<AdjudicationDecision>> ProjectStore::adjudicationDecisions(qint64 documentId) {
  return TeamStore(*m_c).decisions(documentId);
}
Status ProjectStore::setAdjudicated(qint64 documentId, const QString& adjudicator, bool adjudicated) {
  return TeamStore(*m_c).setAdjudicated(documentId, adjudicator, adjudicated);
}
Result<QHash<qint64, QString>> ProjectStore::adjudicatedDocuments() { return TeamStore(*m_c).adjudicatedDocuments(); }

Status ProjectStore::markFindingIntended(const QString& kind, const QString& key, const QString& annotator) {
  return QualityDecisions(*m_c).markIntended(kind, key, annotator);
}
Status ProjectStore::unmarkFinding(const QString& kind, const QString& key) {
  return QualityDecisions(*m_c).unmark(kind, key);
}
Result<QSet<QString>> ProjectStore::intendedFindings(const QString& kind) { return QualityDecisions(*m_c).intended(kind); }

Status ProjectStore::readConsistently(const std::function<Status()>& reads) {
  const QString op = QStringLiteral("read the project at one moment");
  QSqlQuery q = m_c->query();
  if (!q.exec(m_c->dialect().beginRead())) return m_c->withFile(sql::error(op, q.lastError()));
  const Status read = reads();
  // Ending a read transaction writes nothing; a failure to end it only matters when the reads went well.
  if (!q.exec(QStringLiteral("COMMIT")) && read) return m_c->withFile(sql::error(op, q.lastError()));
  return read;
}

Result<int> ProjectStore::addPredictions(qint64 runId, const QVector<Prediction>& predictions) {
  return RunStore(*m_c).addPredictions(runId, predictions);
}

Result<QVector<Prediction>> ProjectStore::predictionsForDocument(qint64 documentId, qint64 runId) {
  return RunStore(*m_c).predictionsForDocument(documentId, runId);
}

Result<QVector<Prediction>> ProjectStore::predictionsOfRun(qint64 runId, const QString& kind) {
  return RunStore(*m_c).predictionsOfRun(runId, kind);
}
Status ProjectStore::clearPredictions(qint64 runId) { return RunStore(*m_c).clearPredictions(runId); }
Result<SuggestionDecisions> ProjectStore::decisionCounts(const QString& kind, const QVector<Split>& splits) {
  return RunStore(*m_c).decisionCounts(kind, splits);
}

Status ProjectStore::decidePrediction(qint64 predictionId, const QString& decision, const QString& decidedBy,
                                      qint64 annotationId) {
  return RunStore(*m_c).decidePrediction(predictionId, decision, decidedBy, annotationId);
}
Result<qint64> ProjectStore::latestRunWithPredictions(const QString& kind) {
  return RunStore(*m_c).latestRunWithPredictions(kind);
}

Status ProjectStore::backupTo(const QString& path) {
  const QString op = QStringLiteral("back up project to %1").arg(path);
  if (QFileInfo::exists(path)) return m_c->fail(op, QStringLiteral("a file already exists there"));
  if (m_c->dialect().backupInto().isEmpty()) {
    // No engine statement for it (PostgreSQL): the rows are copied into a new project file.
    if (ProjectLocation::isDatabaseUrl(path)) return m_c->fail(op, QStringLiteral("a backup is a file"));
    Result<qint64> copied = copyTo(path);
    if (!copied) return copied.error();
    return {};
  }
  QSqlQuery q = m_c->query();
  if (Status s = sql::run(q, m_c->dialect().backupInto(), {path}, op); !s) {
    QFile::remove(path);
    return m_c->withFile(s.error());
  }
  log::get("store")->info("backed up {} to {}", m_c->path().toStdString(), path.toStdString());
  return {};
}

}  // namespace quarry

namespace quarry {

QSqlDriver* ProjectStore::subscribeToEdits() {
  if (m_c->dialect().notifyEdit().isEmpty()) return nullptr;
  QSqlDriver* driver = m_c->db().driver();
  const QString channel = QLatin1String(SqlDialect::kEditChannel);
  if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) {
    log::get("store")->warn("cannot listen for teammates' edits on {}: {}", m_c->displayPath().toStdString(),
                            driver->lastError().text().toStdString());
    return nullptr;
  }
  return driver;
}

Result<QString> ProjectStore::firstDifferenceFrom(ProjectStore& other) {
  return ProjectCopier::firstDifference(*m_c, *other.m_c);
}

Result<qint64> ProjectStore::copyTo(const QString& location) {
  const QString op = QStringLiteral("copy project to %1").arg(location);
  Result<ProjectInfo> about = info();
  if (!about) return about.error();
  if (about->schemaVersion != storeSchemaVersion())
    return m_c->fail(op, QStringLiteral("schema version %1 needs an upgrade to %2 first: open it read-write once")
                             .arg(about->schemaVersion)
                             .arg(storeSchemaVersion()));
  Result<std::unique_ptr<ProjectStore>> target = create(location, about->name);
  if (!target) return target.error();
  Result<ProjectCopier::Summary> copied = ProjectCopier(*m_c, *(*target)->m_c).copy();
  if (!copied) {
    const bool file = !(*target)->isServer();
    target.value().reset();
    if (file) removeDatabaseFiles(location);  // the new file holds nothing of value
    return copied.error();
  }
  log::get("store")->info("copied {} to {}: {} rows", m_c->displayPath().toStdString(),
                          (*target)->displayPath().toStdString(), copied->total());
  return copied->total();
}

}  // namespace quarry
