#include "RefreshWhenShown.h"

#include <QDockWidget>

namespace quarry::ui {

RefreshWhenShown::RefreshWhenShown(QDockWidget* dock, std::function<void()> refresh)
    : QObject(dock), m_dock(dock), m_refresh(std::move(refresh)) {
  // Said also when its tab is picked or left (a dock behind another tab is visible, only off screen).
  connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
    m_shown = shown;
    if (!shown || !m_pending) return;
    m_pending = false;
    m_refresh();
  });
}

void RefreshWhenShown::request() {
  m_pending = !m_shown;
  if (m_shown) m_refresh();
}

}  // namespace quarry::ui
