#pragma once
// The workbench's windows wired together: the start window (recent projects, New, Open, demo) when no
// project is given or the project is closed, the main window once one is chosen, and the main window's
// project actions (New, Import, Edit schema) connected to their dialogs. At first start (no annotator
// name yet) it asks who is annotating, without blocking the start.

#include <memory>

#include <QObject>
#include <QString>

namespace quarry::ui {

class MainWindow;
class StartWindow;

class Workbench : public QObject {
  Q_OBJECT
 public:
  explicit Workbench(bool readOnly, QObject* parent = nullptr);
  ~Workbench() override;

  // Opens `path` in the main window, or shows the start window when it is empty or cannot be opened
  // (the error is shown).
  void start(const QString& path);
  // Opens a project in the main window and shows it; false (with a message box) on failure.
  bool openProject(const QString& path);

  MainWindow* mainWindow() const { return m_main.get(); }
  StartWindow* startWindow() const { return m_start.get(); }

 private:
  void showStartWindow();
  void askAnnotatorAtFirstStart();
  void newProject();
  void importDocuments();
  void editSchema();

  std::unique_ptr<MainWindow> m_main;
  std::unique_ptr<StartWindow> m_start;
};

}  // namespace quarry::ui
