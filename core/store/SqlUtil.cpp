#include "store/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace quarry::sql {

Error error(const QString& operation, const QSqlError& sqlError, const QString& file) {
  QString text = sqlError.text().trimmed();
  if (text.isEmpty()) text = QStringLiteral("unknown SQL error");
  return error(operation, text, file);
}

Error error(const QString& operation, const QString& message, const QString& file) {
  return Error(QString(operation + QStringLiteral(": ") + message).toStdString(), file.toStdString());
}

Status prepare(QSqlQuery& query, const QString& statement, const QString& operation) {
  if (!query.prepare(statement)) return error(operation, query.lastError());
  return {};
}

Status exec(QSqlQuery& query, const QString& operation) {
  if (!query.exec()) return error(operation, query.lastError());
  return {};
}

void bind(QSqlQuery& query, const QVariantList& values) {
  static const QVariant empty(QString(QLatin1String("")));
  for (int i = 0; i < values.size(); ++i) {
    const QVariant& v = values[i];
    const bool nullText = v.typeId() == QMetaType::QString && v.toString().isNull();
    query.bindValue(i, nullText ? empty : v);
  }
}

Status run(QSqlQuery& query, const QString& statement, const QVariantList& values, const QString& operation) {
  if (Status s = prepare(query, statement, operation); !s) return s;
  bind(query, values);
  return exec(query, operation);
}

QString toJsonText(const QJsonObject& object) {
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString& text) {
  if (text.isEmpty()) return {};
  return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString listToJsonText(const QStringList& list) {
  return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJsonText(const QString& text) {
  QStringList out;
  if (text.isEmpty()) return out;
  const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
  for (const QJsonValue& v : array) out << v.toString();
  return out;
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

qint64 toEpochMs(const QDateTime& t) { return t.isValid() ? t.toMSecsSinceEpoch() : nowMs(); }

QVariant toNullableEpochMs(const QDateTime& t) {
  return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromEpochMs(const QVariant& v) {
  if (v.isNull()) return {};
  return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

}  // namespace quarry::sql
