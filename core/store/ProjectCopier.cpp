#include "store/ProjectCopier.h"

#include <QSet>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

#include "store/SqlUtil.h"
#include "store/StoreConnection.h"

namespace quarry {
namespace {

const QString kOp = QStringLiteral("copy project");

// A value read from one engine as the target column stores it.
QVariant asTargetType(const QVariant& value, const QMetaType& target) {
  if (value.isNull()) return QVariant(target);
  // An empty text may come back as a null QString, which a driver would bind as NULL.
  if (value.metaType().id() == QMetaType::QString && value.toString().isNull())
    return target.id() == QMetaType::QString ? QVariant(QStringLiteral("")) : QVariant(target);
  if (value.metaType() == target) return value;
  QVariant converted = value;
  if (target.id() == QMetaType::Bool && value.metaType().id() == QMetaType::QString)
    return QVariant(value.toString() == QLatin1String("1") || value.toString().toLower() == QLatin1String("true"));
  if (converted.convert(target)) return converted;
  return value;
}

// A value as text that means the same on every engine.
QString canonical(const QVariant& v) {
  if (v.isNull()) return QStringLiteral("NULL");
  switch (v.metaType().id()) {
    case QMetaType::Bool:
      return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Double:
    case QMetaType::Float:
      return QString::number(v.toDouble(), 'g', 17);
    case QMetaType::QString:
      return QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
    default:
      return v.toString();
  }
}

}  // namespace

Result<QString> ProjectCopier::firstDifference(StoreConnection& a, StoreConnection& b) {
  const QString op = QStringLiteral("compare projects");
  for (const QString& table : tablesInOrder()) {
    const QSqlRecord columnsOfA = a.db().record(table);
    QStringList columns;
    for (int i = 0; i < columnsOfA.count(); ++i) columns << columnsOfA.fieldName(i);
    std::sort(columns.begin(), columns.end());
    const QString order = columns.contains(QStringLiteral("id")) ? QStringLiteral(" ORDER BY id")
                                                                  : QStringLiteral(" ORDER BY 1");
    const QString select = QStringLiteral("SELECT %1 FROM %2%3").arg(columns.join(QStringLiteral(", ")), table, order);
    QSqlQuery qa = a.query(), qb = b.query();
    qa.setForwardOnly(true);
    qb.setForwardOnly(true);
    if (Status s = sql::run(qa, select, {}, op); !s) return a.withFile(s.error());
    if (Status s = sql::run(qb, select, {}, op); !s) return b.withFile(s.error());
    for (qint64 row = 1;; ++row) {
      const bool hasA = qa.next(), hasB = qb.next();
      if (!hasA && !hasB) break;
      if (hasA != hasB)
        return QStringLiteral("table %1: %2 has more rows (from row %3)").arg(table, hasA ? a.displayPath() : b.displayPath()).arg(row);
      for (int i = 0; i < columns.size(); ++i) {
        const QString va = canonical(qa.value(i)), vb = canonical(qb.value(i));
        if (va != vb)
          return QStringLiteral("table %1, row %2, column %3: %4 and %5").arg(table).arg(row).arg(columns[i], va.left(80), vb.left(80));
      }
    }
  }
  return QString();
}

qint64 ProjectCopier::Summary::total() const {
  qint64 sum = 0;
  for (qint64 n : rows) sum += n;
  return sum;
}

const QStringList& ProjectCopier::tablesInOrder() {
  static const QStringList tables{
      QStringLiteral("project"),         QStringLiteral("annotators"),      QStringLiteral("entity_types"),
      QStringLiteral("relation_types"),  QStringLiteral("qa_fields"),       QStringLiteral("categories"),
      QStringLiteral("documents"),       QStringLiteral("entity_spans"),    QStringLiteral("span_fragments"),
      QStringLiteral("relations"),       QStringLiteral("qa_answers"),      QStringLiteral("document_labels"),
      QStringLiteral("edit_log"),        QStringLiteral("model_runs"),      QStringLiteral("predictions"),
      QStringLiteral("run_annotations"), QStringLiteral("run_log"),         QStringLiteral("quality_decisions"),
      QStringLiteral("assignments"),     QStringLiteral("adjudication_decisions"),
      QStringLiteral("adjudicated_documents"),
  };
  return tables;
}

Result<ProjectCopier::Summary> ProjectCopier::copy() {
  // Every table of the source must be one this copier knows, or rows would be left behind silently.
  QSet<QString> known(tablesInOrder().cbegin(), tablesInOrder().cend());
  known.insert(QStringLiteral("schema_migrations"));
  for (const QString& table : m_from.db().tables())
    if (!known.contains(table.toLower()) && !table.startsWith(QStringLiteral("sqlite_")))
      return m_from.fail(kOp, QStringLiteral("table '%1' is not one this Quarry knows how to copy").arg(table));

  Summary summary;
  Status read = Status{};
  {
    QSqlQuery begin = m_from.query();
    if (!begin.exec(m_from.dialect().beginRead())) return m_from.withFile(sql::error(kOp, begin.lastError()));
  }
  WriteTransaction tx(m_to);
  if (Status s = tx.begin(kOp); !s) read = s;
  if (read) {
    QSqlQuery clear = m_to.query();
    if (Status s = sql::run(clear, QStringLiteral("DELETE FROM project"), {}, kOp); !s) read = m_to.withFile(s.error());
  }
  for (const QString& table : tablesInOrder()) {
    if (!read) break;
    Result<qint64> rows = copyTable(table);
    if (!rows) {
      read = rows.error();
      break;
    }
    summary.tables << table;
    summary.rows << *rows;
  }
  if (read) {
    QSqlQuery keys = m_to.query();
    for (const QString& table : tablesInOrder()) {
      if (table == QLatin1String("project")) continue;  // one row, id 1, no generated key
      for (const QString& statement : m_to.dialect().resetKeys(table))
        if (!keys.exec(statement)) {
          read = m_to.withFile(sql::error(kOp, keys.lastError()));
          break;
        }
    }
  }
  {
    QSqlQuery end = m_from.query();
    end.exec(QStringLiteral("COMMIT"));
  }
  if (!read) return read.error();
  if (Status s = tx.commit(kOp); !s) return s.error();
  return summary;
}

Result<qint64> ProjectCopier::copyTable(const QString& table) {
  const QString op = kOp + QStringLiteral(" table ") + table;
  const QSqlRecord source = m_from.db().record(table);
  const QSqlRecord target = m_to.db().record(table);
  if (source.isEmpty()) return m_from.fail(op, QStringLiteral("the source has no such table"));
  if (target.isEmpty()) return m_to.fail(op, QStringLiteral("the target has no such table"));
  QStringList columns;
  QVector<QMetaType> types;
  for (int i = 0; i < source.count(); ++i) {
    const QString name = source.fieldName(i);
    const int t = target.indexOf(name);
    if (t < 0) return m_to.fail(op, QStringLiteral("the target has no column '%1'").arg(name));
    columns << name;
    types << target.field(t).metaType();
  }
  if (target.count() != source.count())
    return m_to.fail(op, QStringLiteral("the two projects' tables differ (%1 and %2 columns)")
                             .arg(source.count())
                             .arg(target.count()));
  QSqlQuery read = m_from.query();
  read.setForwardOnly(true);
  const QString order = columns.contains(QStringLiteral("id")) ? QStringLiteral(" ORDER BY id") : QString();
  if (Status s = sql::run(read, QStringLiteral("SELECT %1 FROM %2%3").arg(columns.join(QStringLiteral(", ")), table, order),
                          {}, op);
      !s)
    return m_from.withFile(s.error());
  QSqlQuery write = m_to.query();
  QStringList marks;
  for (int i = 0; i < columns.size(); ++i) marks << QStringLiteral("?");
  if (Status s = sql::prepare(write,
                              QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                  .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                              op);
      !s)
    return m_to.withFile(s.error());
  qint64 rows = 0;
  while (read.next()) {
    for (int i = 0; i < columns.size(); ++i) write.bindValue(i, asTargetType(read.value(i), types[i]));
    if (Status s = sql::exec(write, op); !s) return m_to.withFile(s.error());
    ++rows;
  }
  if (read.lastError().isValid()) return m_from.withFile(sql::error(op, read.lastError()));
  return rows;
}

}  // namespace quarry
