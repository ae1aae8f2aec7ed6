#include "store/StoreAudit.h"

#include <QSqlRecord>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QVector>

#include "store/SchemaMigrator.h"
#include "store/SqlUtil.h"
#include "store/StoreMigrations.h"

namespace quarry {
namespace {

// One table, index, view or trigger.
struct SchemaObject {
  QString kind, name, table, definition;
  bool operator==(const SchemaObject& o) const {
    return kind == o.kind && name == o.name && table == o.table && definition == o.definition;
  }
};

Result<QVector<SchemaObject>> listObjects(StoreConnection& c, const QString& op) {
  QSqlQuery q = c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q, c.dialect().schemaObjects(), {}, op); !s) return c.withFile(s.error());
  QVector<SchemaObject> objects;
  while (q.next())
    objects.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
  return objects;
}

// What a new project of this Quarry holds: the migrations run on an empty database.
Result<QVector<SchemaObject>> referenceObjects(const QString& op) {
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  Result<QVector<SchemaObject>> objects = Error("unread");
  {
    auto c = StoreConnection::open(temp.filePath(QStringLiteral("reference.quarry")), false, false);
    if (!c) return c.error();
    if (Status s = SchemaMigrator(c.value()->db(), c.value()->dialect()).migrate(storeMigrations()); !s)
      return s.error();
    objects = listObjects(**c, op);
  }
  return objects;
}

QString quoted(const QString& identifier) {
  QString q = identifier;
  q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace

Status StoreAudit::checkSchemaObjects() {
  const QString op = QStringLiteral("check the project's tables");
  Result<QVector<SchemaObject>> held = listObjects(m_c, op);
  if (!held) return held.error();
  Result<QVector<SchemaObject>> expected = referenceObjects(op);
  if (!expected) return expected.error();
  auto find = [](const QVector<SchemaObject>& list, const SchemaObject& like) -> const SchemaObject* {
    for (const SchemaObject& o : list)
      if (o.kind == like.kind && o.name == like.name) return &o;
    return nullptr;
  };
  for (const SchemaObject& want : *expected) {
    const SchemaObject* have = find(*held, want);
    if (!have) return m_c.fail(op, QStringLiteral("the %1 %2 is missing").arg(want.kind, want.name));
    if (!(*have == want))
      return m_c.fail(op, QStringLiteral("the %1 %2 is not the one Quarry makes (its columns or constraints "
                                         "were changed)")
                              .arg(want.kind, want.name));
  }
  for (const SchemaObject& have : *held)
    if (!find(*expected, have))
      return m_c.fail(op, QStringLiteral("the %1 %2 is not one Quarry makes").arg(have.kind, have.name.left(80)));
  return {};
}

Status StoreAudit::checkStoredText() {
  const QString op = QStringLiteral("check the project's text");
  QSqlQuery columns = m_c.query();
  columns.setForwardOnly(true);
  if (Status s = sql::run(columns, m_c.dialect().textColumns(), {}, op); !s) return m_c.withFile(s.error());
  QVector<QPair<QString, QString>> list;
  while (columns.next()) list.push_back({columns.value(0).toString(), columns.value(1).toString()});
  columns.finish();
  for (const auto& [table, column] : list) {
    QSqlQuery q = m_c.query();
    q.setForwardOnly(true);
    const QString statement = QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 IS NOT NULL")
                                  .arg(m_c.dialect().rowKey(), m_c.dialect().storedBytes(quoted(column)),
                                       quoted(table), quoted(column));
    if (Status s = sql::run(q, statement, {}, op); !s) return m_c.withFile(s.error());
    while (q.next()) {
      const QByteArray bytes = q.value(1).toByteArray();
      QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
      (void)QString(utf8(bytes));
      if (utf8.hasError())
        return m_c.fail(op, QStringLiteral("%1.%2 of row %3 is not valid UTF-8 text")
                                .arg(table, column, q.value(0).toString()));
    }
  }
  return {};
}

}  // namespace quarry
