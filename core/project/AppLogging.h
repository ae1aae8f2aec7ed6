#pragma once
// Starts logging for a front end: a rotating log file per user (in the platform's app data folder)
// plus stderr. The level comes from $QUARRY_LOG_LEVEL (default info; the CLI passes warn).

#include <QString>

namespace quarry {

// Returns the log file path in use.
QString initAppLogging(const QString& programName, bool console, const QString& defaultLevel);

}  // namespace quarry
