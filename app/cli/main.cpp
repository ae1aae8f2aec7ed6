// quarry-cli: the headless front end. All the work is in quarry_core (core/cli).
#include <csignal>
#include <cstdio>

#include <unistd.h>
#include <QCoreApplication>
#include <QTextStream>

#include "cli/CliApplication.h"
#include "common/SignalRouting.h"
#include "project/AppLogging.h"

int main(int argc, char* argv[]) {
#ifdef SIGXFSZ
  // Past a file-size limit (ulimit -f) a write must fail with EFBIG, which the export reports and
  // recovers from, instead of killing the process with a half-written file behind.
  std::signal(SIGXFSZ, SIG_IGN);
#endif
  // Before any thread exists: asynchronous signals go to one thread of their own, never onto a thread
  // inside a GEMM (common/SignalRouting.h). Ctrl+C cancels a training run and ends any other command.
  quarry::SignalRouting::install();
  QCoreApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Quarry"));
  QCoreApplication::setApplicationName(QStringLiteral("quarry"));
  QCoreApplication::setApplicationVersion(QStringLiteral(QUARRY_VERSION));
  quarry::initAppLogging(QStringLiteral("quarry-cli"), true, QStringLiteral("warn"));
  QTextStream out(stdout), err(stderr);
  quarry::cli::CliIo io{out, err, bool(isatty(fileno(stderr)))};
  return quarry::cli::CliApplication().run(QCoreApplication::arguments(), io);
}
