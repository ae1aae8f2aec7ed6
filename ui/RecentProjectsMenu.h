#pragma once
// File > Open Recent: the recently opened projects (RecentProjects), newest first, numbered for the
// keyboard; a project whose file is gone is shown disabled. Rebuilt each time it opens; "Clear Menu"
// forgets them all.

#include <QMenu>

class QSettings;

namespace quarry::ui {

class RecentProjectsMenu : public QMenu {
  Q_OBJECT
 public:
  // `settings`: where the list lives; nullptr = the application's default QSettings.
  explicit RecentProjectsMenu(QWidget* parent = nullptr, QSettings* settings = nullptr);

  // Fills the menu from the list now (also done before every showing).
  void rebuild();

 Q_SIGNALS:
  void projectChosen(const QString& path);

 private:
  QSettings* m_settings;
};

}  // namespace quarry::ui
