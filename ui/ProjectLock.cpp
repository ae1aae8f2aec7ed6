#include "ProjectLock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace quarry::ui {

QString ProjectLock::lockPathFor(const QString& projectPath) {
  return QFileInfo(projectPath).absoluteFilePath() + QStringLiteral(".lock");
}

ProjectLock::ProjectLock(const QString& projectPath)
    : m_projectPath(QFileInfo(projectPath).absoluteFilePath()), m_lock(lockPathFor(projectPath)) {
  // Only a dead owner makes a lock stale, never its age: a project stays open for days.
  m_lock.setStaleLockTime(0);
}

ProjectLock::~ProjectLock() = default;

bool ProjectLock::tryLock() { return m_lock.isLocked() || m_lock.tryLock(0); }

QString ProjectLock::holder() const {
  qint64 pid = 0;
  QString host, app;
  if (!m_lock.getLockInfo(&pid, &host, &app)) return {};
  if (app.isEmpty()) app = QStringLiteral("?");
  if (pid == QCoreApplication::applicationPid())
    return QCoreApplication::translate("ProjectLock", "another window of this program");
  return host.isEmpty()
             ? QCoreApplication::translate("ProjectLock", "%1, process %2").arg(app).arg(pid)
             : QCoreApplication::translate("ProjectLock", "%1, process %2 on %3").arg(app).arg(pid).arg(host);
}

QString ProjectLock::problem() const {
  switch (m_lock.error()) {
    case QLockFile::PermissionError:
      return QCoreApplication::translate("ProjectLock", "cannot create the lock file %1 (no write access)")
          .arg(lockPathFor(m_projectPath));
    case QLockFile::UnknownError:
      return QCoreApplication::translate("ProjectLock", "cannot create the lock file %1")
          .arg(lockPathFor(m_projectPath));
    case QLockFile::NoError:
    case QLockFile::LockFailedError:
      break;
  }
  return {};
}

}  // namespace quarry::ui
