// quarry: the workbench. `quarry --demo` opens the bundled demo project; `quarry FILE.quarry` a project;
// `--read-only` opens it for review, refusing every edit.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

#include "ProjectLauncher.h"
#include "Workbench.h"
#include "common/Log.h"
#include "project/AppLogging.h"
#include "project/DemoProject.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Quarry"));
  QApplication::setApplicationName(QStringLiteral("quarry"));
  QApplication::setApplicationDisplayName(QStringLiteral("Quarry"));
  QApplication::setApplicationVersion(QStringLiteral(QUARRY_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("io.github.quarry.Quarry"));
  quarry::initAppLogging(QStringLiteral("quarry"), true, QStringLiteral("info"));

  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("quarry"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Annotate domain text and train the models that extract it."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption({QStringLiteral("demo"), QApplication::translate("main", "Open the bundled demo project.")});
  parser.addOption({QStringLiteral("read-only"),
                    QApplication::translate("main", "Open the project read-only (reviewers): no edit is saved.")});
  parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "A project file (*.quarry) to open."));
  parser.process(app);

  quarry::ui::Workbench workbench(parser.isSet(QStringLiteral("read-only")));
  QString path;
  if (parser.isSet(QStringLiteral("demo"))) {
    quarry::Result<QString> demo = quarry::ui::ProjectLauncher::demoProject();
    if (!demo) {
      QMessageBox::critical(nullptr, QStringLiteral("Quarry"), QString::fromStdString(demo.error().toString()));
      return 1;
    }
    path = demo.value();
  } else if (!parser.positionalArguments().isEmpty()) {
    path = parser.positionalArguments().front();
  } else {
    path = QSettings().value(QStringLiteral("recentProject")).toString();
  }
  workbench.start(path);
  return QApplication::exec();
}
