#pragma once
// The recently opened projects, newest first, kept in QSettings (key "recentProjects").

#include <QDateTime>
#include <QString>
#include <QVector>

class QSettings;

namespace quarry::ui {

struct RecentProject {
  QString path;          // absolute path of the *.quarry file
  QString name;          // the project's name when it was last opened
  QDateTime lastOpened;  // local time it was last opened
  bool exists() const;   // whether the file is still there
};

class RecentProjects {
 public:
  static constexpr int kMaxEntries = 10;

  // `settings`: where the list lives; nullptr = the application's default QSettings.
  explicit RecentProjects(QSettings* settings = nullptr);

  // Puts `path` first (stamped now), dropping an older entry for the same file and the oldest beyond
  // kMaxEntries. An empty `name` keeps the name recorded before, else the file's base name.
  void add(const QString& path, const QString& name = {});
  QVector<RecentProject> list() const;
  void remove(const QString& path);
  // Drops every entry whose file is gone; returns how many.
  int removeMissing();

 private:
  void store(const QVector<RecentProject>& entries);

  QSettings* m_settings;
};

}  // namespace quarry::ui
