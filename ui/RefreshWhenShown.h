#pragma once
// Refreshes a docked panel when asked if it is on screen, else once its dock comes on screen: a panel
// behind another dock tab need not re-read the store after every edit, and still shows what is current
// when its tab is picked.

#include <QObject>
#include <functional>

class QDockWidget;

namespace quarry::ui {

class RefreshWhenShown : public QObject {
  Q_OBJECT
 public:
  // `refresh` brings the panel of `dock` up to date; the object lives as the dock's child.
  RefreshWhenShown(QDockWidget* dock, std::function<void()> refresh);

  // Refreshes now when the panel is on screen, else once it is.
  void request();

 private:
  QDockWidget* m_dock;
  std::function<void()> m_refresh;
  bool m_shown = false;    // on screen, as the dock said last
  bool m_pending = false;  // a refresh waits for it to show
};

}  // namespace quarry::ui
