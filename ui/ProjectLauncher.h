#pragma once
// The project-level actions a window offers (New, Open, Open demo, Import, Edit schema), each one
// call that runs its dialog, so MainWindow and StartWindow wire menu items straight to them.
//
// Recent projects: call RecentProjects().add(path, name) after a project opened successfully;
// newProject() and demoProject() do not record anything themselves.

#include <QString>

#include "common/Error.h"

class QWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class ProjectLauncher {
 public:
  // Runs the New project dialog; returns the created project file, empty when cancelled.
  static QString newProject(QWidget* parent);
  // Asks for an existing *.quarry file; empty when cancelled.
  static QString chooseProjectFile(QWidget* parent);
  // The bundled demo project (resources/demo compiled in), made under the app's data folder on
  // first use; returns its path.
  static Result<QString> demoProject();
  // Runs the Import dialog on `store`; true when something was imported.
  static bool importInto(QWidget* parent, ProjectStore& store);
  // Runs the schema and guideline editor on `store`; true when a changed schema was saved.
  static bool editSchema(QWidget* parent, ProjectStore& store);
};

}  // namespace quarry::ui
