#pragma once
// Runs long work (reading files, importing, exporting) on its own thread while the progress shows
// and Cancel stays live. The caller waits (events keep flowing) until the work ends.

#include <functional>

#include <QString>

#include "common/Progress.h"

class QProgressBar;
class QWidget;

namespace quarry::ui {

class BackgroundTask {
 public:
  using Work = std::function<void(const ProgressCallback&)>;

  // `work` runs on a new thread and gets a ProgressCallback that reports to a progress dialog and
  // returns false once Cancel was pressed; it must not touch widgets, and opens its own ProjectStore
  // if it needs one. Returns false when the user cancelled.
  static bool run(QWidget* parent, const QString& label, const Work& work);
  // The same, its progress shown in `bar` (inside the caller's own window) instead of a dialog;
  // `cancelRequested` is asked every few milliseconds and cancels the work once it says true. The
  // caller disables what must not be touched meanwhile. Returns false when cancelled.
  static bool run(QProgressBar* bar, const std::function<bool()>& cancelRequested, const Work& work);

 private:
  // Runs `work` on a named thread; `poll(done, total)` runs in this thread every 50 ms and returns
  // false to cancel. Returns false when poll cancelled.
  static bool runPolled(const Work& work, const std::function<bool(std::int64_t, std::int64_t)>& poll);
};

}  // namespace quarry::ui
