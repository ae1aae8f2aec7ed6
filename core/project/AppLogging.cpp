#include "project/AppLogging.h"

#include <QDir>
#include <QStandardPaths>

#include "common/Log.h"

namespace quarry {

QString initAppLogging(const QString& programName, bool console, const QString& defaultLevel) {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                         QStringLiteral("/logs");
  QDir().mkpath(folder);
  const QString path = folder + QLatin1Char('/') + programName + QStringLiteral(".log");
  log::LogOptions options;
  options.filePath = path.toStdString();
  options.console = console;
  const QByteArray level = qgetenv("QUARRY_LOG_LEVEL");
  options.level = level.isEmpty() ? defaultLevel.toStdString() : level.toStdString();
  log::init(options);
  return path;
}

}  // namespace quarry
