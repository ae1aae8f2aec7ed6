#include "BackgroundTask.h"

#include <atomic>

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressBar>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace quarry::ui {
namespace {

// QProgressDialog and QProgressBar count in int: large totals are shown in per-mille.
void show(std::int64_t done, std::int64_t total, const std::function<void(int, int)>& setRangeAndValue) {
  if (total > 0)
    setRangeAndValue(1000, static_cast<int>(std::min<std::int64_t>(done, total) * 1000 / total));
  else
    setRangeAndValue(0, 0);  // busy: the total is unknown
}

}  // namespace

bool BackgroundTask::runPolled(const Work& work,
                               const std::function<bool(std::int64_t, std::int64_t)>& poll) {
  std::atomic<std::int64_t> done{0};
  std::atomic<std::int64_t> total{0};
  std::atomic<bool> cancelled{false};
  const ProgressCallback progress = [&](std::int64_t d, std::int64_t t) {
    done = d;
    total = t;
    return !cancelled.load();
  };
  QThread* thread = QThread::create([&] { work(progress); });
  thread->setObjectName(QStringLiteral("quarry-background"));
  QEventLoop loop;
  QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
  QTimer timer;
  timer.setInterval(50);
  QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
    if (!poll(done.load(), total.load())) cancelled = true;
  });
  timer.start();
  thread->start();
  loop.exec();
  thread->wait();
  delete thread;
  timer.stop();
  return !cancelled.load();
}

bool BackgroundTask::run(QWidget* parent, const QString& label, const Work& work) {
  QProgressDialog dialog(label, QCoreApplication::translate("BackgroundTask", "Cancel"), 0, 0, parent);
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setMinimumDuration(400);
  dialog.setAutoClose(false);
  dialog.setAutoReset(false);
  bool cancelPressed = false;
  const QMetaObject::Connection onCancel =
      QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { cancelPressed = true; });
  const bool completed = runPolled(work, [&](std::int64_t done, std::int64_t total) {
    show(done, total, [&](int maximum, int value) {
      dialog.setMaximum(maximum);
      dialog.setValue(value);
    });
    return !cancelPressed && !dialog.wasCanceled();
  });
  // Closing a progress dialog emits canceled(): the work is over, that is no cancel.
  QObject::disconnect(onCancel);
  dialog.close();
  return completed;
}

bool BackgroundTask::run(QProgressBar* bar, const std::function<bool()>& cancelRequested, const Work& work) {
  bar->setRange(0, 0);
  bar->setValue(0);
  bar->show();
  const bool completed = runPolled(work, [&](std::int64_t done, std::int64_t total) {
    show(done, total, [&](int maximum, int value) {
      bar->setRange(0, maximum);
      bar->setValue(value);
    });
    return !cancelRequested();
  });
  if (completed) {
    bar->setRange(0, 1000);
    bar->setValue(1000);
  }
  return completed;
}

}  // namespace quarry::ui
