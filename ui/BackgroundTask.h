#pragma once
// Runs long work (reading files, importing) on its own thread while a progress dialog shows how far
// it got and offers Cancel. The caller waits (events keep flowing) until the work ends.

#include <functional>

#include <QString>

#include "common/Progress.h"

class QWidget;

namespace quarry::ui {

class BackgroundTask {
 public:
  // `work` runs on a new thread and gets a ProgressCallback that reports to the dialog and returns
  // false once Cancel was pressed; it must not touch widgets, and opens its own ProjectStore if it
  // needs one. Returns false when the user cancelled.
  static bool run(QWidget* parent, const QString& label,
                  const std::function<void(const ProgressCallback&)>& work);
};

}  // namespace quarry::ui
