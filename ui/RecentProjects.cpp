#include "RecentProjects.h"
#include "store/ProjectLocation.h"

#include <QFileInfo>
#include <QSettings>
#include <QVariantMap>

namespace quarry::ui {
namespace {

const QString kKey = QStringLiteral("recentProjects");

QString canonical(const QString& path) {
  const QFileInfo info(path);
  const QString resolved = info.canonicalFilePath();
  return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

}  // namespace

bool RecentProject::exists() const { return ProjectLocation::isDatabaseUrl(path) || QFileInfo(path).isFile(); }

RecentProjects::RecentProjects(QSettings* settings) : m_settings(settings) {}

QVector<RecentProject> RecentProjects::list() const {
  QSettings fallback;
  const QSettings& s = m_settings ? *m_settings : fallback;
  QVector<RecentProject> out;
  const QVariantList entries = s.value(kKey).toList();
  for (const QVariant& v : entries) {
    const QVariantMap m = v.toMap();
    RecentProject p{m.value(QStringLiteral("path")).toString(), m.value(QStringLiteral("name")).toString(),
                    m.value(QStringLiteral("lastOpened")).toDateTime()};
    if (!p.path.isEmpty()) out << p;
  }
  return out;
}

void RecentProjects::store(const QVector<RecentProject>& entries) {
  QVariantList out;
  for (const RecentProject& p : entries)
    out << QVariantMap{{QStringLiteral("path"), p.path},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("lastOpened"), p.lastOpened}};
  if (m_settings) {
    m_settings->setValue(kKey, out);
    m_settings->sync();
  } else {
    QSettings().setValue(kKey, out);
  }
}

void RecentProjects::add(const QString& path, const QString& name) {
  const QString file = canonical(path);
  QVector<RecentProject> entries = list();
  QString kept = name;
  for (int i = entries.size() - 1; i >= 0; --i) {
    if (canonical(entries[i].path) != file) continue;
    if (kept.isEmpty()) kept = entries[i].name;
    entries.remove(i);
  }
  if (kept.isEmpty()) kept = QFileInfo(file).completeBaseName();
  entries.prepend({file, kept, QDateTime::currentDateTime()});
  while (entries.size() > kMaxEntries) entries.removeLast();
  store(entries);
}

void RecentProjects::remove(const QString& path) {
  const QString file = canonical(path);
  QVector<RecentProject> entries = list();
  for (int i = entries.size() - 1; i >= 0; --i)
    if (entries[i].path == path || canonical(entries[i].path) == file) entries.remove(i);
  store(entries);
}

int RecentProjects::removeMissing() {
  QVector<RecentProject> entries = list();
  const int before = entries.size();
  for (int i = entries.size() - 1; i >= 0; --i)
    if (!entries[i].exists()) entries.remove(i);
  if (entries.size() != before) store(entries);
  return before - entries.size();
}

}  // namespace quarry::ui
