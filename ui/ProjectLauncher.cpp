#include "ProjectLauncher.h"
#include "store/ProjectLocation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "ImportDialog.h"
#include "NewProjectDialog.h"
#include "SchemaEditorDialog.h"
#include "project/DemoProject.h"
#include "store/ProjectStore.h"

namespace quarry::ui {

QString ProjectLauncher::newProject(QWidget* parent) {
  NewProjectDialog dialog(parent);
  if (dialog.exec() != QDialog::Accepted) return {};
  return dialog.createdPath();
}

QString ProjectLauncher::chooseProjectFile(QWidget* parent) {
  const QString key = QStringLiteral("openProjectFolder");
  const QString path = QFileDialog::getOpenFileName(
      parent, QCoreApplication::translate("ProjectLauncher", "Open project"),
      QSettings().value(key).toString(),
      QCoreApplication::translate("ProjectLauncher", "Quarry projects (*.quarry);;All files (*)"));
  if (!path.isEmpty() && !ProjectLocation::isDatabaseUrl(path)) QSettings().setValue(key, QFileInfo(path).absolutePath());
  return path;
}

Result<QString> ProjectLauncher::demoProject() {
  // The importer reads plain files: unpack the compiled-in demo first.
  QTemporaryDir unpacked;
  if (!unpacked.isValid()) return Error("cannot create a temporary folder");
  for (const QString& name : {QStringLiteral("documents.jsonl"), QStringLiteral("schema.json")})
    if (!QFile::copy(QStringLiteral(":/demo/") + name, unpacked.filePath(name)))
      return Error("the demo is missing from this build", name.toStdString());
  const QString target = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                         QStringLiteral("/demo/quarry-demo.quarry");
  return ensureDemoProject(unpacked.path(), target);
}

bool ProjectLauncher::importInto(QWidget* parent, ProjectStore& store) {
  ImportDialog dialog(store, parent);
  return dialog.exec() == QDialog::Accepted && dialog.summary().documents > 0;
}

bool ProjectLauncher::editSchema(QWidget* parent, ProjectStore& store) {
  SchemaEditorDialog dialog(store, parent);
  return dialog.exec() == QDialog::Accepted && dialog.saved();
}

}  // namespace quarry::ui
