#pragma once
// The first window: recent projects (name, path, last opened; files that are gone are greyed and can
// be removed), New project…, Open…, Open demo. Keyboard operable: arrows pick a recent project, Enter
// opens it, Delete removes it from the list. Emits projectChosen with the file to open; opening it
// and recording it in RecentProjects is the receiver's job.

#include <QWidget>

class QPushButton;
class QSettings;
class QTreeWidget;

namespace quarry::ui {

class StartWindow : public QWidget {
  Q_OBJECT
 public:
  // `settings`: where the recent list lives; nullptr = the application's default QSettings.
  explicit StartWindow(QSettings* settings = nullptr, QWidget* parent = nullptr);

  QTreeWidget* recentList() const { return m_recent; }
  QPushButton* newButton() const { return m_new; }
  QPushButton* openButton() const { return m_open; }
  QPushButton* demoButton() const { return m_demo; }
  QPushButton* removeButton() const { return m_remove; }
  QPushButton* removeMissingButton() const { return m_removeMissing; }

 public Q_SLOTS:
  void refresh();
  // Emits projectChosen for the selected recent project when its file exists.
  void openSelected();
  void removeSelected();
  void removeMissing();
  void newProject();
  void openFile();
  void openDemo();

 Q_SIGNALS:
  void projectChosen(const QString& path);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void updateButtons();

  QSettings* m_settings;
  QTreeWidget* m_recent = nullptr;
  QPushButton* m_new = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_demo = nullptr;
  QPushButton* m_remove = nullptr;
  QPushButton* m_removeMissing = nullptr;
};

}  // namespace quarry::ui
