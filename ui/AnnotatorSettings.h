#pragma once
// Who is annotating: the name recorded on every edit and shown in the title bar. One name for this
// person (QSettings "annotator", asked for at first start) and, where wanted, another for one project
// (QSettings "projectAnnotator/<hash of the project path>"), since people often annotate under a
// project-specific handle. The project file itself is shared, so the names live in the settings.

#include <QString>

namespace quarry::ui {

class AnnotatorSettings {
 public:
  static QString global();  // empty until set
  static void setGlobal(const QString& name);
  // The name kept for `projectPath` alone; empty when it uses the global one.
  static QString forProject(const QString& projectPath);
  // Keeps `name` for `projectPath` alone; an empty name goes back to the global one.
  static void setForProject(const QString& projectPath, const QString& name);
  // What edits in `projectPath` record: its own name, else the global one, else the login name.
  static QString effective(const QString& projectPath);
  // $USER (or %USERNAME%), else "annotator".
  static QString loginName();
};

}  // namespace quarry::ui
