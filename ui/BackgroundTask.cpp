#include "BackgroundTask.h"

#include <atomic>

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace quarry::ui {

bool BackgroundTask::run(QWidget* parent, const QString& label,
                         const std::function<void(const ProgressCallback&)>& work) {
  std::atomic<std::int64_t> done{0};
  std::atomic<std::int64_t> total{0};
  std::atomic<bool> cancelled{false};
  const ProgressCallback progress = [&](std::int64_t d, std::int64_t t) {
    done = d;
    total = t;
    return !cancelled.load();
  };

  QProgressDialog dialog(label, QCoreApplication::translate("BackgroundTask", "Cancel"), 0, 0, parent);
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setMinimumDuration(400);
  dialog.setAutoClose(false);
  dialog.setAutoReset(false);

  QThread* thread = QThread::create([&] { work(progress); });
  thread->setObjectName(QStringLiteral("quarry-background"));
  QEventLoop loop;
  QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
  QTimer poll;
  poll.setInterval(50);
  QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
    if (dialog.wasCanceled()) cancelled = true;
    const std::int64_t t = total.load();
    // QProgressDialog counts in int; scale large totals down to per-mille.
    if (t > 0) {
      dialog.setMaximum(1000);
      dialog.setValue(static_cast<int>(done.load() * 1000 / t));
    } else {
      dialog.setValue(0);
    }
  });
  const QMetaObject::Connection onCancel =
      QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { cancelled = true; });
  poll.start();
  thread->start();
  loop.exec();
  thread->wait();
  delete thread;
  poll.stop();
  // Closing a progress dialog emits canceled(): the work is over, that is no cancel.
  QObject::disconnect(onCancel);
  const bool completed = !cancelled.load();
  dialog.close();
  return completed;
}

}  // namespace quarry::ui
