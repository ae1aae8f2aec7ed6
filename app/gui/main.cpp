// quarry: the workbench. `quarry --demo` opens the bundled demo project; `quarry FILE.quarry` a project;
// `--read-only` opens it for review, refusing every edit.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

#include "AppTranslations.h"
#include "CommandLine.h"
#include "MainWindow.h"
#include "ProjectLauncher.h"
#include "Workbench.h"
#include "common/Log.h"
#include "common/SignalRouting.h"
#include "project/AppLogging.h"

namespace {

void setIdentity() {
  QCoreApplication::setOrganizationName(QStringLiteral("Quarry"));
  QCoreApplication::setApplicationName(QStringLiteral("quarry"));
  QCoreApplication::setApplicationVersion(QStringLiteral(QUARRY_VERSION));
}

QStringList rawArguments(int argc, char* argv[]) {
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  return arguments;
}

}  // namespace

int main(int argc, char* argv[]) {
  // First, before Qt, LibTorch or OpenMP start threads: signals go to one thread that only waits (see
  // SignalRouting.h for the heap corruption a signal frame on a GEMM thread causes).
  quarry::SignalRouting::install();
  if (quarry::app::wantsTextOnly(rawArguments(argc, argv))) {
    QCoreApplication app(argc, argv);
    setIdentity();
    quarry::ui::AppTranslations::install(QLocale());
    return quarry::app::answerTextOnly();
  }

  QApplication app(argc, argv);
  // Ctrl+C in the terminal, SIGTERM (a shutdown) or SIGHUP (the session ends) quits as File > Quit does:
  // every edit is already saved, the settings are written. A second one ends the process at once.
  quarry::SignalRouting::Scope quitOnInterrupt(
      [](int) { QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection); });
  setIdentity();
  QApplication::setApplicationDisplayName(QStringLiteral("Quarry"));
  QApplication::setDesktopFileName(QStringLiteral("io.github.quarry.Quarry"));
  // The installed theme icon where there is one; the compiled-in SVG otherwise (a build run in place).
  QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.quarry.Quarry"),
                                               QIcon(QStringLiteral(":/icons/io.github.quarry.Quarry.svg"))));
  quarry::initAppLogging(QStringLiteral("quarry"), true, QStringLiteral("info"));
  quarry::ui::AppTranslations::install(QLocale());

  QCommandLineParser parser;
  quarry::app::configureParser(parser);
  parser.process(app);

  quarry::ui::Workbench workbench(parser.isSet(QStringLiteral("read-only")));
  QString path;
  if (parser.isSet(QStringLiteral("demo"))) {
    quarry::Result<QString> demo = quarry::ui::ProjectLauncher::demoProject();
    if (!demo) {
      QMessageBox::critical(nullptr, QStringLiteral("Quarry"),
                            QString::fromStdString(demo.error().toString()));
      return 1;
    }
    path = demo.value();
  } else if (!parser.positionalArguments().isEmpty()) {
    path = parser.positionalArguments().front();
  } else {
    path = QSettings().value(QStringLiteral("recentProject")).toString();
  }
  workbench.start(path);
  // The line that says, in a log or a smoke test, that the workbench is up on a project.
  if (workbench.mainWindow()->isVisible())
    quarry::log::get("app")->info("opened project {}", path.toStdString());
  else
    quarry::log::get("app")->info("no project opened: showing the start window");
  return QApplication::exec();
}
