#include "jobs/JobThread.h"

#include <QObject>
#include <QThread>

namespace quarry::jobs {

JobThread::~JobThread() {
  if (m_thread) {
    cancel();
    m_thread->wait();
    delete m_thread;
  }
}

bool JobThread::start(QObject* owner, const QString& name, std::function<void()> work,
                      std::function<void()> done) {
  if (m_started) return false;
  m_started = m_running = true;
  m_thread = QThread::create(std::move(work));
  m_thread->setObjectName(name);
  // QThread::finished comes from the worker; queued to the owner's thread, the work is complete.
  QObject::connect(m_thread, &QThread::finished, owner, [this, done = std::move(done)] {
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_running = false;
    done();
  });
  m_thread->start();
  return true;
}

bool JobThread::runHere(const std::function<void()>& work, const std::function<void()>& done) {
  if (m_started) return false;
  m_started = m_running = true;
  work();
  m_running = false;
  done();
  return true;
}

}  // namespace quarry::jobs
