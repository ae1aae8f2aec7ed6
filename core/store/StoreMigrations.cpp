#include "store/StoreMigrations.h"

#include <QSqlQuery>

#include "store/SqlUtil.h"

namespace quarry {
namespace {

// Columns every annotation row carries: who, how, under which guideline, when.
const QString kProvenance = QStringLiteral(
    "annotator_id INTEGER REFERENCES annotators(id), "
    "origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggestion', 'imported')), "
    "guideline_version INTEGER NOT NULL, created BIGINT NOT NULL, updated BIGINT NOT NULL");

// Columns of a schema type: name, order, looks and its guideline (lists as JSON text).
QString typeColumns(const QString& extra) {
  return QStringLiteral(
             "${PK:id}, name TEXT NOT NULL UNIQUE, position INTEGER NOT NULL, "
             "colour TEXT NOT NULL DEFAULT '', hotkey TEXT NOT NULL DEFAULT '', ") +
         extra +
         QStringLiteral(
             "definition TEXT NOT NULL DEFAULT '', positive_examples TEXT NOT NULL DEFAULT '[]', "
             "negative_examples TEXT NOT NULL DEFAULT '[]', edge_cases TEXT NOT NULL DEFAULT '[]'");
}

Migration version1() {
  Migration m;
  m.version = 1;
  m.description = QStringLiteral("project, schema, documents, annotations");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE project (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "
                     "name TEXT NOT NULL, created BIGINT NOT NULL, "
                     "guideline_version INTEGER NOT NULL DEFAULT 1, "
                     "multi_label_categories BOOLEAN NOT NULL DEFAULT FALSE)"),
      QStringLiteral(
          "CREATE TABLE annotators (${PK:id}, name TEXT NOT NULL UNIQUE, created BIGINT NOT NULL)"),
      QStringLiteral("CREATE TABLE entity_types (") + typeColumns({}) + QLatin1Char(')'),
      QStringLiteral("CREATE TABLE relation_types (") +
          typeColumns(QStringLiteral("directed BOOLEAN NOT NULL DEFAULT TRUE, "
                                     "head_types TEXT NOT NULL DEFAULT '[]', "
                                     "tail_types TEXT NOT NULL DEFAULT '[]', ")) +
          QLatin1Char(')'),
      QStringLiteral("CREATE TABLE qa_fields (") +
          typeColumns(QStringLiteral("questions TEXT NOT NULL DEFAULT '[]', ")) + QLatin1Char(')'),
      QStringLiteral("CREATE TABLE categories (") + typeColumns({}) + QLatin1Char(')'),
      QStringLiteral("CREATE TABLE documents (${PK:id}, name TEXT NOT NULL UNIQUE, text TEXT NOT NULL, "
                     "source_file TEXT NOT NULL DEFAULT '', metadata TEXT NOT NULL DEFAULT '{}', "
                     "split TEXT NOT NULL DEFAULT 'unassigned' "
                     "CHECK (split IN ('unassigned', 'train', 'dev', 'test')), "
                     "status TEXT NOT NULL DEFAULT 'new' "
                     "CHECK (status IN ('new', 'in_progress', 'done', 'reviewed')), "
                     "created BIGINT NOT NULL, updated BIGINT NOT NULL)"),
      QStringLiteral("CREATE INDEX documents_split ON documents (split)"),
      QStringLiteral("CREATE INDEX documents_status ON documents (status)"),
      // start_cp/end_cp cover the whole span; span_fragments holds the pieces only when there are
      // several, so the common contiguous span costs one row.
      QStringLiteral(
          "CREATE TABLE entity_spans (${PK:id}, "
          "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
          "key TEXT NOT NULL DEFAULT '', type_id INTEGER NOT NULL REFERENCES entity_types(id), "
          "start_cp INTEGER NOT NULL, end_cp INTEGER NOT NULL, attributes TEXT NOT NULL DEFAULT '{}', ") +
          kProvenance + QLatin1Char(')'),
      QStringLiteral("CREATE INDEX entity_spans_document ON entity_spans (document_id)"),
      QStringLiteral("CREATE TABLE span_fragments (${PK:id}, "
                     "span_id INTEGER NOT NULL REFERENCES entity_spans(id) ON DELETE CASCADE, "
                     "ordinal INTEGER NOT NULL, start_cp INTEGER NOT NULL, end_cp INTEGER NOT NULL, "
                     "UNIQUE (span_id, ordinal))"),
      QStringLiteral("CREATE TABLE relations (${PK:id}, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "key TEXT NOT NULL DEFAULT '', type_id INTEGER NOT NULL REFERENCES relation_types(id), "
                     "head_id INTEGER NOT NULL REFERENCES entity_spans(id) ON DELETE CASCADE, "
                     "tail_id INTEGER NOT NULL REFERENCES entity_spans(id) ON DELETE CASCADE, "
                     "attributes TEXT NOT NULL DEFAULT '{}', ") +
          kProvenance + QLatin1Char(')'),
      QStringLiteral("CREATE INDEX relations_document ON relations (document_id)"),
      QStringLiteral("CREATE INDEX relations_head ON relations (head_id)"),
      QStringLiteral("CREATE INDEX relations_tail ON relations (tail_id)"),
      QStringLiteral(
          "CREATE TABLE qa_answers (${PK:id}, "
          "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
          "field_id INTEGER NOT NULL REFERENCES qa_fields(id), question_id TEXT NOT NULL DEFAULT '', "
          "no_answer BOOLEAN NOT NULL DEFAULT FALSE, start_cp INTEGER, end_cp INTEGER, "
          "attributes TEXT NOT NULL DEFAULT '{}', ") +
          kProvenance +
          QStringLiteral(", CHECK (no_answer OR (start_cp IS NOT NULL AND end_cp IS NOT NULL)))"),
      QStringLiteral("CREATE INDEX qa_answers_document ON qa_answers (document_id)"),
      QStringLiteral("CREATE TABLE document_labels (${PK:id}, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "category_id INTEGER NOT NULL REFERENCES categories(id), ") +
          kProvenance + QStringLiteral(", UNIQUE (document_id, category_id))"),
      // One row per single edit: who did what to which row, for review and audit.
      QStringLiteral("CREATE TABLE edit_log (${PK:id}, "
                     "document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE, "
                     "annotator_id INTEGER REFERENCES annotators(id), action TEXT NOT NULL, "
                     "target_id BIGINT, at BIGINT NOT NULL)"),
      QStringLiteral("CREATE INDEX edit_log_document ON edit_log (document_id)"),
  };
  return m;
}

Migration version2() {
  Migration m;
  m.version = 2;
  m.description = QStringLiteral("model runs and predictions");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE model_runs (${PK:id}, name TEXT NOT NULL DEFAULT '', "
                     "base_model TEXT NOT NULL DEFAULT '', config TEXT NOT NULL DEFAULT '{}', "
                     "status TEXT NOT NULL, metrics TEXT NOT NULL DEFAULT '{}', "
                     "checkpoint_path TEXT NOT NULL DEFAULT '', created BIGINT NOT NULL, "
                     "started BIGINT, finished BIGINT)"),
      QStringLiteral("CREATE TABLE predictions (${PK:id}, "
                     "run_id INTEGER NOT NULL REFERENCES model_runs(id) ON DELETE CASCADE, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "kind TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}', confidence DOUBLE PRECISION)"),
      QStringLiteral("CREATE INDEX predictions_run ON predictions (run_id)"),
      QStringLiteral("CREATE INDEX predictions_document ON predictions (document_id, run_id)"),
  };
  return m;
}

// A QA field may name the entity type that answers it (every span of the type an answer); by name, as a
// relation type names its argument types.
Migration version3() {
  Migration m;
  m.version = 3;
  m.description = QStringLiteral("QA fields answered by an entity type");
  m.statements = QStringList{
      QStringLiteral("ALTER TABLE qa_fields ADD COLUMN entity_type TEXT NOT NULL DEFAULT ''"),
  };
  return m;
}

// A run records its task, what it trained on (counts per split and kind, the data fingerprint) and, when
// it failed, why.
Migration version4() {
  Migration m;
  m.version = 4;
  m.description = QStringLiteral("model runs: task, data snapshot, error");
  m.statements = QStringList{
      QStringLiteral("ALTER TABLE model_runs ADD COLUMN task TEXT NOT NULL DEFAULT ''"),
      QStringLiteral("ALTER TABLE model_runs ADD COLUMN data TEXT NOT NULL DEFAULT '{}'"),
      QStringLiteral("ALTER TABLE model_runs ADD COLUMN error TEXT NOT NULL DEFAULT ''"),
  };
  return m;
}

// Lineage: every document and annotation a training run read, with a hash of its content, so that the
// project can say what was added, changed or removed since. No reference to the annotation tables: the
// rows of removed annotations are what tells they were removed.
Migration version5() {
  Migration m;
  m.version = 5;
  m.description = QStringLiteral("the documents and annotations a run trained on");
  m.statements = QStringList{
      QStringLiteral(
          "CREATE TABLE run_annotations (${PK:id}, "
          "run_id INTEGER NOT NULL REFERENCES model_runs(id) ON DELETE CASCADE, "
          "role TEXT NOT NULL CHECK (role IN ('train', 'dev')), "
          "kind TEXT NOT NULL CHECK (kind IN ('document', 'entity', 'relation', 'answer', 'label')), "
          "annotation_id BIGINT NOT NULL, document_id BIGINT NOT NULL, content_hash TEXT NOT NULL, "
          "UNIQUE (run_id, role, kind, annotation_id))"),
  };
  return m;
}

// The process that runs a job ("host:pid"), so that a run whose process ended without recording its end
// can be told from one still running, by whichever process opens the project next.
Migration version6() {
  Migration m;
  m.version = 6;
  m.description = QStringLiteral("model runs: the process running them");
  m.statements = QStringList{
      QStringLiteral("ALTER TABLE model_runs ADD COLUMN worker TEXT NOT NULL DEFAULT ''"),
  };
  return m;
}

// Suggestions decided: a prediction accepted (with the annotation it became) or rejected, by whom and when.
Migration version7() {
  Migration m;
  m.version = 7;
  m.description = QStringLiteral("predictions: accepted or rejected as suggestions");
  m.statements = QStringList{
      QStringLiteral("ALTER TABLE predictions ADD COLUMN decision TEXT NOT NULL DEFAULT '' "
                     "CHECK (decision IN ('', 'accepted', 'rejected'))"),
      QStringLiteral("ALTER TABLE predictions ADD COLUMN decided_by TEXT NOT NULL DEFAULT ''"),
      QStringLiteral("ALTER TABLE predictions ADD COLUMN decided_at BIGINT"),
      QStringLiteral("ALTER TABLE predictions ADD COLUMN annotation_id BIGINT"),
  };
  return m;
}

// A run's log: what its job said and what the engine logged on the job's thread, line by line in order
// (seq from 1 per run), so that a failed run can be read after the fact.
Migration version8() {
  Migration m;
  m.version = 8;
  m.description = QStringLiteral("model runs: their log");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE run_log (${PK:id}, "
                     "run_id INTEGER NOT NULL REFERENCES model_runs(id) ON DELETE CASCADE, "
                     "seq INTEGER NOT NULL, at BIGINT NOT NULL, "
                     "level TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error')), "
                     "message TEXT NOT NULL, UNIQUE (run_id, seq))"),
  };
  return m;
}

// Data quality findings a person judged: an inconsistent surface, argument pair or category labelling marked
// as intended (the check hides it), by whom, under which guideline version, and when.
Migration version9() {
  Migration m;
  m.version = 9;
  m.description = QStringLiteral("data quality findings marked as intended");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE quality_decisions (${PK:id}, "
                     "kind TEXT NOT NULL CHECK (kind IN ('entity', 'relation', 'category')), "
                     "finding_key TEXT NOT NULL, "
                     "decision TEXT NOT NULL CHECK (decision IN ('intended')), "
                     "annotator_id INTEGER NOT NULL REFERENCES annotators(id), "
                     "guideline_version INTEGER NOT NULL, decided_at BIGINT NOT NULL, "
                     "UNIQUE (kind, finding_key))"),
  };
  return m;
}

// Several annotators label the same document (double annotation, then agreement and adjudication): a
// category is unique per document and annotator, no longer per document. The table is rebuilt (neither
// engine can change a UNIQUE constraint in place), keys kept.
Migration version10() {
  Migration m;
  m.version = 10;
  m.description = QStringLiteral("document labels: one per category and annotator; separate layers");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE document_labels_by_annotator (${PK:id}, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "category_id INTEGER NOT NULL REFERENCES categories(id), ") +
          kProvenance + QStringLiteral(", UNIQUE (document_id, category_id, annotator_id))"),
      QStringLiteral("INSERT INTO document_labels_by_annotator (id, document_id, category_id, annotator_id, origin, "
                     "guideline_version, created, updated) SELECT id, document_id, category_id, annotator_id, "
                     "origin, guideline_version, created, updated FROM document_labels"),
      QStringLiteral("DROP TABLE document_labels"),
      QStringLiteral("ALTER TABLE document_labels_by_annotator RENAME TO document_labels"),
      QStringLiteral("ALTER TABLE project ADD COLUMN separate_layers BOOLEAN NOT NULL DEFAULT FALSE"),
  };
  // The copied keys: the next generated one follows them (PostgreSQL's identity sequence).
  m.code = [](QSqlDatabase& db, const SqlDialect& dialect) -> Status {
    QSqlQuery q(db);
    for (const QString& statement : dialect.resetKeys(QStringLiteral("document_labels")))
      if (!q.exec(statement)) return sql::error(QStringLiteral("migration 10"), q.lastError());
    return {};
  };
  return m;
}

// A team: each member's role, and which documents each annotator is given (and has finished).
Migration version11() {
  Migration m;
  m.version = 11;
  m.description = QStringLiteral("team roles and document assignments");
  m.statements = QStringList{
      QStringLiteral("ALTER TABLE annotators ADD COLUMN role TEXT NOT NULL DEFAULT 'annotator' "
                     "CHECK (role IN ('annotator', 'reviewer', 'adjudicator', 'manager'))"),
      QStringLiteral("CREATE TABLE assignments (${PK:id}, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "annotator_id INTEGER NOT NULL REFERENCES annotators(id), "
                     "assigned_at BIGINT NOT NULL, done_at BIGINT, UNIQUE (document_id, annotator_id))"),
      QStringLiteral("CREATE INDEX assignments_annotator ON assignments (annotator_id)"),
  };
  return m;
}

// Adjudication: the adjudicator's decision for each window where a document's annotators disagree (whose
// version they took), and the document once adjudicated (by whom, when): its gold layer is then the
// adjudicator's annotations, which training reads.
Migration version12() {
  Migration m;
  m.version = 12;
  m.description = QStringLiteral("adjudication decisions and adjudicated documents");
  m.statements = QStringList{
      QStringLiteral("CREATE TABLE adjudication_decisions (${PK:id}, "
                     "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
                     "window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, chosen TEXT NOT NULL, "
                     "adjudicator_id INTEGER NOT NULL REFERENCES annotators(id), decided_at BIGINT NOT NULL, "
                     "UNIQUE (document_id, window_start))"),
      QStringLiteral("CREATE TABLE adjudicated_documents (${PK:id}, "
                     "document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE, "
                     "adjudicator_id INTEGER NOT NULL REFERENCES annotators(id), adjudicated_at BIGINT NOT NULL)"),
  };
  return m;
}

// Layer ownership enforced by the server where members log in as themselves (PostgreSQL: triggers refusing
// a write to another annotator's rows, SqlDialect::layerOwnership); nothing changes in a project file.
Migration version13() {
  Migration m;
  m.version = 13;
  m.description = QStringLiteral("each annotator writes only their own layer (enforced by the server)");
  m.code = [](QSqlDatabase& db, const SqlDialect& dialect) -> Status {
    QSqlQuery q(db);
    for (const QString& statement : dialect.layerOwnership())
      if (!q.exec(statement)) return sql::error(QStringLiteral("migration 13"), q.lastError());
    return {};
  };
  return m;
}

// Reading one stretch of a large document (ProjectStore::loadDocumentRange, adjudication) by its spans'
// offsets.
Migration version14() {
  Migration m;
  m.version = 14;
  m.description = QStringLiteral("spans found by their offsets within a document");
  m.statements = QStringList{
      QStringLiteral("CREATE INDEX entity_spans_offsets ON entity_spans (document_id, start_cp)"),
  };
  return m;
}

}  // namespace

QVector<Migration> storeMigrations() {
  return {version1(), version2(), version3(),  version4(),  version5(),  version6(),  version7(),
          version8(), version9(), version10(), version11(), version12(), version13(), version14()};
}

int storeSchemaVersion() { return SchemaMigrator::latestVersion(storeMigrations()); }

}  // namespace quarry
