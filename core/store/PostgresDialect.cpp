#include "store/PostgresDialect.h"

#include <QVariant>

namespace quarry {
namespace {

// The advisory lock every writer of a project takes (any number; one per database is what matters).
constexpr qint64 kWriteLockKey = 0x5175617272790001;  // "Quarry", 1

// The trigger function behind layerOwnership(). Its argument says what a table's rows belong to:
//   layer        annotator_id: only that annotator writes the row (old and new row alike)
//   fragment     span_id: the span's annotator (a fragment whose span is already gone goes with it)
//   member       the annotators table: a member adds only themselves, as an annotator
//   assignment   managers assign; the assigned annotator marks their own assignment done
//   adjudication adjudicator_id: that adjudicator, who must hold the adjudicator role
//   log          annotator_id: a member logs only their own edits (or unnamed ones), and changes none
// Managers and the tables' owner may do everything. Errors are SQLSTATE 42501 (insufficient_privilege).
const char* kOwnershipFunction = R"SQL(
CREATE OR REPLACE FUNCTION quarry_check_owner() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
  rule CONSTANT TEXT := TG_ARGV[0];
  writer_role TEXT;
  old_owner TEXT;
  new_owner TEXT;
  what TEXT := replace(TG_TABLE_NAME, '_', ' ');
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  SELECT role INTO writer_role FROM annotators WHERE name = current_user;
  IF writer_role = 'manager' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF rule = 'member' THEN
    IF TG_OP <> 'INSERT' OR NEW.name <> current_user OR NEW.role <> 'annotator' THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s may not change the team''s members or roles: only a manager may', current_user);
    END IF;
    RETURN NEW;
  END IF;
  IF rule = 'assignment' THEN
    IF TG_OP <> 'UPDATE' THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s may not assign documents: only a manager may', current_user);
    END IF;
  END IF;
  IF rule = 'log' AND TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('%s may not change the edit log: only a manager may', current_user);
  END IF;
  IF rule = 'adjudication' AND writer_role IS DISTINCT FROM 'adjudicator' THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('%s may not adjudicate: only an adjudicator or a manager may', current_user);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF rule = 'fragment' THEN
      IF NOT EXISTS (SELECT 1 FROM entity_spans WHERE id = OLD.span_id) THEN RETURN OLD; END IF;
      SELECT a.name INTO old_owner FROM entity_spans s LEFT JOIN annotators a ON a.id = s.annotator_id
        WHERE s.id = OLD.span_id;
    ELSIF rule = 'adjudication' THEN
      SELECT name INTO old_owner FROM annotators WHERE id = OLD.adjudicator_id;
    ELSE
      SELECT name INTO old_owner FROM annotators WHERE id = OLD.annotator_id;
    END IF;
    IF old_owner IS DISTINCT FROM current_user THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s may not change %s of %s: each annotator writes only their own layer', current_user,
                         what, coalesce(old_owner, 'no named annotator'));
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF rule = 'fragment' THEN
      SELECT a.name INTO new_owner FROM entity_spans s LEFT JOIN annotators a ON a.id = s.annotator_id
        WHERE s.id = NEW.span_id;
    ELSIF rule = 'adjudication' THEN
      SELECT name INTO new_owner FROM annotators WHERE id = NEW.adjudicator_id;
    ELSIF rule = 'log' AND NEW.annotator_id IS NULL THEN
      RETURN NEW;
    ELSE
      SELECT name INTO new_owner FROM annotators WHERE id = NEW.annotator_id;
    END IF;
    IF new_owner IS DISTINCT FROM current_user THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s may not write %s in the name of %s: each annotator writes only their own layer',
                         current_user, what, coalesce(new_owner, 'no named annotator'));
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$body$)SQL";

struct OwnedTable {
  const char* table;
  const char* rule;
};
constexpr OwnedTable kOwnedTables[] = {
    {"entity_spans", "layer"},        {"span_fragments", "fragment"},  {"relations", "layer"},
    {"qa_answers", "layer"},          {"document_labels", "layer"},    {"quality_decisions", "layer"},
    {"annotators", "member"},         {"assignments", "assignment"},   {"adjudication_decisions", "adjudication"},
    {"adjudicated_documents", "adjudication"}, {"edit_log", "log"},
};

QString quotedIdentifier(const QString& name) {
  return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

}  // namespace

QStringList PostgresDialect::layerOwnership() const {
  QStringList statements{QString::fromUtf8(kOwnershipFunction).trimmed()};
  for (const OwnedTable& t : kOwnedTables)
    statements << QStringLiteral(
                      "CREATE TRIGGER %1_owner BEFORE INSERT OR UPDATE OR DELETE ON %1 "
                      "FOR EACH ROW EXECUTE FUNCTION quarry_check_owner('%2')")
                      .arg(QLatin1String(t.table), QLatin1String(t.rule));
  return statements;
}

QString PostgresDialect::databaseUserExists() const {
  return QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_roles WHERE rolname = ? AND rolcanlogin");
}

QStringList PostgresDialect::grantMemberAccess(const QString& name) const {
  const QString who = quotedIdentifier(name);
  // A grant that gives nothing (the caller owns nothing) only warns; the caller checks memberMayWrite().
  return {QStringLiteral("SET LOCAL client_min_messages = error"),
          QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(who),
          QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(who),
          QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1").arg(who),
          QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %1")
              .arg(who),
          QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %1").arg(who)};
}

QString PostgresDialect::memberMayWrite() const {
  return QStringLiteral("SELECT CASE WHEN has_table_privilege(?, 'entity_spans', 'INSERT') THEN 1 ELSE 0 END");
}

QString PostgresDialect::driverName() const { return QStringLiteral("QPSQL"); }

QString PostgresDialect::connectOptions(bool, int busyTimeoutMs) const {
  return QStringLiteral("connect_timeout=%1").arg(std::max(1, busyTimeoutMs / 1000));
}

QStringList PostgresDialect::connectionSetup(bool readOnly, int busyTimeoutMs) const {
  // Notices ("relation already exists, skipping") are not errors and would only fill the log.
  QStringList setup{QStringLiteral("SET client_min_messages = warning"),
                    QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs)};
  // Read-only in the server too, so that nothing this connection runs can write.
  if (readOnly) setup << QStringLiteral("SET default_transaction_read_only = on");
  return setup;
}

QString PostgresDialect::probe() const { return QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_class"); }

QString PostgresDialect::autoIncrementKey(const QString& column) const {
  // Sequences never hand out a value twice, rolled-back inserts included: an id a window still holds
  // never names another row, as with SQLite's AUTOINCREMENT.
  return column + QStringLiteral(" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}

QStringList PostgresDialect::beginWrite() const {
  return {QStringLiteral("BEGIN"), QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLockKey)};
}

QString PostgresDialect::beginRead() const {
  return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

QString PostgresDialect::returningId() const { return QStringLiteral(" RETURNING id"); }

qint64 PostgresDialect::insertedId(QSqlQuery& query) const {
  return query.next() ? query.value(0).toLongLong() : -1;
}

QString PostgresDialect::insertIgnore(const QString& table, const QStringList& columns,
                                      const QStringList& conflictColumns) const {
  QStringList marks;
  for (int i = 0; i < columns.size(); ++i) marks << QStringLiteral("?");
  return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
      .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
           conflictColumns.join(QStringLiteral(", ")));
}

QString PostgresDialect::notifyEdit() const {
  return QStringLiteral("SELECT pg_notify('%1', ?)").arg(QLatin1String(kEditChannel));
}

QString PostgresDialect::nullSafeEquals(const QString& column) const {
  return column + QStringLiteral(" IS NOT DISTINCT FROM ?");
}

QString PostgresDialect::numberedKeyCondition(const QString& column, const QString& prefix) const {
  return QStringLiteral("%1 ~ '^%2[0-9]+$'").arg(column, prefix);
}

QString PostgresDialect::containsCondition(const QString& column) const {
  return column + QStringLiteral(" ILIKE ? ESCAPE '\\'");
}

QString PostgresDialect::backupInto() const { return {}; }

QStringList PostgresDialect::resetKeys(const QString& table) const {
  return {QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                         "COALESCE((SELECT MAX(id) FROM %1), 0) + 1, false)")
              .arg(table)};
}

QStringList PostgresDialect::integrityChecks() const {
  // The server checks every constraint and reference as rows are written; there is no file to damage.
  return {};
}

QString PostgresDialect::schemaObjects() const {
  return QStringLiteral(
      "SELECT kind, name, owner, definition FROM ("
      "SELECT 0 AS o, 'table' AS kind, c.relname::text AS name, c.relname::text AS owner, '' AS definition "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
      "UNION ALL SELECT 1, 'view', viewname::text, viewname::text, definition FROM pg_views "
      "WHERE schemaname = current_schema() "
      "UNION ALL SELECT 2, 'index', indexname::text, tablename::text, indexdef FROM pg_indexes "
      "WHERE schemaname = current_schema() "
      "UNION ALL SELECT 3, 'trigger', t.tgname::text, c.relname::text, pg_get_triggerdef(t.oid) "
      "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = current_schema() AND NOT t.tgisinternal) AS objects ORDER BY o, name");
}

QString PostgresDialect::textColumns() const {
  return QStringLiteral(
      "SELECT table_name, column_name FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND data_type = 'text' ORDER BY table_name, ordinal_position");
}

QString PostgresDialect::rowKey() const { return QStringLiteral("ctid"); }

QString PostgresDialect::storedBytes(const QString& column) const {
  return QStringLiteral("convert_to(%1, 'UTF8')").arg(column);
}

std::unique_ptr<SqlDialect> SqlDialect::postgresql() { return std::make_unique<PostgresDialect>(); }

}  // namespace quarry
