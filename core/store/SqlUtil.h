#pragma once
// Small helpers shared by the store's classes: SQL failures become Error values naming the operation,
// and the JSON / time / list conversions every table uses are written once.

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "common/Error.h"

namespace quarry::sql {

// "<operation>: <driver text>" as an Error with the database file in Error::file.
Error error(const QString& operation, const QSqlError& sqlError, const QString& file = {});
Error error(const QString& operation, const QString& message, const QString& file = {});

// Prepares `statement` on `query`; Error names the operation and the SQL error.
Status prepare(QSqlQuery& query, const QString& statement, const QString& operation);
// Runs a prepared query with its bound values.
Status exec(QSqlQuery& query, const QString& operation);
// Binds `values` positionally; a null QString binds as '' (Qt would bind NULL, which NOT NULL text
// columns refuse and which reads back differently).
void bind(QSqlQuery& query, const QVariantList& values);
// Prepares, binds `values` positionally and runs.
Status run(QSqlQuery& query, const QString& statement, const QVariantList& values, const QString& operation);

QString toJsonText(const QJsonObject& object);  // compact; "{}" for an empty object
QJsonObject fromJsonText(const QString& text);  // empty object for empty or malformed text
QString listToJsonText(const QStringList& list);
QStringList listFromJsonText(const QString& text);

qint64 toEpochMs(const QDateTime& t);            // UTC milliseconds; the current time when invalid
QVariant toNullableEpochMs(const QDateTime& t);  // NULL when invalid
QDateTime fromEpochMs(const QVariant& v);        // invalid for NULL
qint64 nowMs();

}  // namespace quarry::sql
