#pragma once
// Where a project lives: a SQLite file (*.quarry) or a database on a PostgreSQL server shared by a team,
// named by a libpq-style URL:
//
//   postgresql://[user[:password]@][host][:port]/database[?host=/socket/folder&port=N&user=U&password=P]
//
// ("postgres://" as well). A host that starts with "/" (or the `host` parameter) is the folder of a local
// server's Unix socket. Everything that opens a project (the store, quarry-cli, the workbench) takes
// either form as the one string it calls the project's path.

#include <QString>

#include "common/Error.h"

namespace quarry {

class ProjectLocation {
 public:
  enum class Kind { File, PostgreSql };

  // A file path as it is; a URL parsed, with an Error naming the part that is wrong.
  static Result<ProjectLocation> parse(const QString& location);
  // True when `location` is a database URL rather than a file path (the scheme alone decides).
  static bool isDatabaseUrl(const QString& location);

  Kind kind() const { return m_kind; }
  bool isFile() const { return m_kind == Kind::File; }
  const QString& filePath() const { return m_file; }
  const QString& host() const { return m_host; }
  int port() const { return m_port; }  // -1: the driver's default
  const QString& user() const { return m_user; }
  const QString& password() const { return m_password; }
  const QString& database() const { return m_database; }

  // The location for messages and titles: the file path, or the URL without its password.
  QString display() const;
  // A short name for window titles and lists: the file's base name, or the database name.
  QString shortName() const;
  // Where a run's model goes when nothing else is said: beside a project file ("<name>-models"), or for a
  // database in the user's data folder ("quarry/<host>-<database>-models").
  QString defaultModelsFolder() const;

  // Whether the project can be there: a file that exists, or any database URL (the server says at open).
  static bool mayExist(const QString& location);
  // What opens the project again from anywhere: a file's absolute path, a URL as given (password included).
  static QString canonical(const QString& location);
  // What tells projects apart in settings, recent lists and comparisons: a file's absolute path, a URL
  // without its password (a password comes from ~/.pgpass, never from Quarry's settings).
  static QString identity(const QString& location);
  // The short name of a location for titles (the file's base name, the database name).
  static QString shortNameOf(const QString& location);

 private:
  Kind m_kind = Kind::File;
  QString m_file;
  QString m_host;
  int m_port = -1;
  QString m_user;
  QString m_password;
  QString m_database;
};

}  // namespace quarry
