#pragma once
// The claim a workbench window lays on a project it opens for editing: a lock file beside it
// ("<project>.lock", QLockFile). A second window, in this process or another, finds it held and offers
// to open the project read-only instead (LockConflictDialog). A lock left behind by a process that is
// gone (crashed, killed, or from before a reboot) on this machine is stale: it is removed and taken.
// A lock held on another machine is never taken over. Read-only windows take no lock.

#include <QLockFile>
#include <QString>

namespace quarry::ui {

class ProjectLock {
 public:
  explicit ProjectLock(const QString& projectPath);
  ~ProjectLock();  // releases the lock
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

  // Takes the lock; false when someone else holds it (holder() says who) or it cannot be written.
  bool tryLock();
  bool isLocked() const { return m_lock.isLocked(); }
  QString projectPath() const { return m_projectPath; }
  // Who holds the lock, in words ("quarry, process 4711 on host lab-3"); empty when unknown.
  QString holder() const;
  // Why tryLock() failed, in words, when it was not another holder (a folder without write access).
  QString problem() const;

  static QString lockPathFor(const QString& projectPath);

 private:
  QString m_projectPath;
  QLockFile m_lock;
};

}  // namespace quarry::ui
