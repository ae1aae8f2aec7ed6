// quarry-cli: the headless front end. All the work is in quarry_core (core/cli).
#include <cstdio>

#include <QCoreApplication>
#include <QTextStream>
#include <unistd.h>

#include "cli/CliApplication.h"
#include "project/AppLogging.h"

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Quarry"));
  QCoreApplication::setApplicationName(QStringLiteral("quarry"));
  QCoreApplication::setApplicationVersion(QStringLiteral(QUARRY_VERSION));
  quarry::initAppLogging(QStringLiteral("quarry-cli"), true, QStringLiteral("warn"));
  QTextStream out(stdout), err(stderr);
  quarry::cli::CliIo io{out, err, bool(isatty(fileno(stderr)))};
  return quarry::cli::CliApplication().run(QCoreApplication::arguments(), io);
}
