#pragma once
// Copies every row of one project into another, keys included, so that a project moves between a file
// and a PostgreSQL server (quarry-cli migrate, the backup of a server project) without losing anything:
// annotations keep their provenance, relations their arguments, runs their predictions, lineage and log.
//
// The source is read in one read transaction (one moment, while others write); the target is written in
// one write transaction (all or nothing). The target must be a new, empty project at the same schema
// version. Values are converted to the target column's type (SQLite's 0/1 to PostgreSQL's booleans).

#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"

namespace quarry {

class StoreConnection;

class ProjectCopier {
 public:
  ProjectCopier(StoreConnection& from, StoreConnection& to) : m_from(from), m_to(to) {}

  // Rows copied, per table.
  struct Summary {
    QStringList tables;
    QVector<qint64> rows;
    qint64 total() const;
  };
  Result<Summary> copy();

  // The project tables in an order where every referenced row comes before the rows that refer to it.
  static const QStringList& tablesInOrder();

  // Compares every row of every project table of the two, keys included, values as the engines mean
  // them (a boolean is the same whether stored as 1 or as true): the first difference ("table documents,
  // row 3, column name: 'a' and 'b'"), or an empty string when the two hold the same rows.
  static Result<QString> firstDifference(StoreConnection& a, StoreConnection& b);

 private:
  Result<qint64> copyTable(const QString& table);

  StoreConnection& m_from;
  StoreConnection& m_to;
};

}  // namespace quarry
