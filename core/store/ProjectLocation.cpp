#include "store/ProjectLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace quarry {
namespace {

Error badUrl(const QString& location, const QString& why) {
  return Error(QStringLiteral("project URL: %1").arg(why).toStdString(), location.toStdString());
}

}  // namespace

bool ProjectLocation::isDatabaseUrl(const QString& location) {
  return location.startsWith(QStringLiteral("postgresql://"), Qt::CaseInsensitive) ||
         location.startsWith(QStringLiteral("postgres://"), Qt::CaseInsensitive);
}

Result<ProjectLocation> ProjectLocation::parse(const QString& location) {
  ProjectLocation l;
  if (!isDatabaseUrl(location)) {
    l.m_file = location;
    return l;
  }
  l.m_kind = Kind::PostgreSql;
  const QUrl url(location, QUrl::StrictMode);
  if (!url.isValid()) return badUrl(location, url.errorString());
  l.m_host = url.host(QUrl::FullyDecoded);
  l.m_port = url.port(-1);
  l.m_user = url.userName(QUrl::FullyDecoded);
  l.m_password = url.password(QUrl::FullyDecoded);
  l.m_database = url.path(QUrl::FullyDecoded);
  if (l.m_database.startsWith(QLatin1Char('/'))) l.m_database.remove(0, 1);
  const QUrlQuery query(url);
  for (const auto& [key, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
    const QString& value = rawValue;
    if (key == QLatin1String("host")) {
      l.m_host = value;
    } else if (key == QLatin1String("port")) {
      bool ok = false;
      l.m_port = value.toInt(&ok);
      if (!ok || l.m_port <= 0 || l.m_port > 65535)
        return badUrl(location, QStringLiteral("port '%1' is not a port number").arg(value));
    } else if (key == QLatin1String("user")) {
      l.m_user = value;
    } else if (key == QLatin1String("password")) {
      l.m_password = value;
    } else if (key == QLatin1String("dbname")) {
      l.m_database = value;
    } else {
      return badUrl(location, QStringLiteral("unknown parameter '%1' (host, port, user, password, dbname)")
                                  .arg(key));
    }
  }
  if (l.m_database.isEmpty()) return badUrl(location, QStringLiteral("no database name after the host"));
  if (l.m_database.contains(QLatin1Char('/')))
    return badUrl(location, QStringLiteral("'%1' is not a database name").arg(l.m_database));
  return l;
}

QString ProjectLocation::display() const {
  if (isFile()) return m_file;
  QUrl url;
  url.setScheme(QStringLiteral("postgresql"));
  if (!m_user.isEmpty()) url.setUserName(m_user);
  QUrlQuery query;
  if (m_host.startsWith(QLatin1Char('/')))
    query.addQueryItem(QStringLiteral("host"), m_host);
  else
    url.setHost(m_host.isEmpty() ? QStringLiteral("localhost") : m_host);
  if (m_port > 0) {
    if (m_host.startsWith(QLatin1Char('/')))
      query.addQueryItem(QStringLiteral("port"), QString::number(m_port));
    else
      url.setPort(m_port);
  }
  url.setPath(QLatin1Char('/') + m_database);
  if (!query.isEmpty()) url.setQuery(query);
  return url.toString();
}

QString ProjectLocation::shortName() const {
  return isFile() ? QFileInfo(m_file).completeBaseName() : m_database;
}

}  // namespace quarry

namespace quarry {

QString ProjectLocation::defaultModelsFolder() const {
  if (isFile()) {
    const QFileInfo project(m_file);
    return project.absoluteDir().filePath(project.completeBaseName() + QStringLiteral("-models"));
  }
  QString host = m_host.isEmpty() || m_host.startsWith(QLatin1Char('/')) ? QStringLiteral("local") : m_host;
  const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
  return QDir(data.isEmpty() ? QDir::homePath() : data)
      .filePath(QStringLiteral("quarry/%1-%2-models").arg(host, m_database));
}

QString ProjectLocation::canonical(const QString& location) {
  if (location.isEmpty() || isDatabaseUrl(location)) return location;
  return QFileInfo(location).absoluteFilePath();
}

QString ProjectLocation::identity(const QString& location) {
  if (location.isEmpty() || !isDatabaseUrl(location)) return canonical(location);
  Result<ProjectLocation> parsed = parse(location);
  return parsed ? parsed->display() : location;
}

QString ProjectLocation::shortNameOf(const QString& location) {
  Result<ProjectLocation> parsed = parse(location);
  return parsed ? parsed->shortName() : QFileInfo(location).completeBaseName();
}

bool ProjectLocation::mayExist(const QString& location) {
  return isDatabaseUrl(location) || QFileInfo::exists(location);
}

}  // namespace quarry
