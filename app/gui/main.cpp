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

#include "MainWindow.h"
#include "common/Log.h"
#include "project/AppLogging.h"
#include "project/DemoProject.h"

namespace {

// The demo's files are compiled in (resources/demo); unpack them so the importer reads plain files.
quarry::Result<QString> openDemo() {
  QTemporaryDir unpacked;
  if (!unpacked.isValid()) return quarry::Error("cannot create a temporary folder");
  for (const QString& name : {QStringLiteral("documents.jsonl"), QStringLiteral("schema.json")})
    if (!QFile::copy(QStringLiteral(":/demo/") + name, unpacked.filePath(name)))
      return quarry::Error("the demo is missing from this build", name.toStdString());
  const QString target = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                         QStringLiteral("/demo/quarry-demo.quarry");
  return quarry::ensureDemoProject(unpacked.path(), target);
}

}  // namespace

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

  quarry::ui::MainWindow window;
  window.setReadOnlyMode(parser.isSet(QStringLiteral("read-only")));
  QString path;
  if (parser.isSet(QStringLiteral("demo"))) {
    quarry::Result<QString> demo = openDemo();
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
  if (!path.isEmpty()) {
    if (quarry::Status s = window.openProject(path); !s) {
      quarry::log::get("ui")->error("cannot open {}: {}", path.toStdString(), s.error().toString());
      QMessageBox::warning(&window, QStringLiteral("Quarry"), QString::fromStdString(s.error().toString()));
    }
  }
  window.show();
  return QApplication::exec();
}
