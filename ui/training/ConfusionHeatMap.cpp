#include "training/ConfusionHeatMap.h"

#include <algorithm>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace quarry::ui {

ConfusionHeatMap::ConfusionHeatMap(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("confusionHeatMap"));
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
}

void ConfusionHeatMap::setMatrix(const QStringList& labels, const QVector<QVector<qint64>>& counts) {
  m_labels = labels;
  m_counts = counts;
  m_currentGold = m_currentPredicted = 0;
  updateGeometry();
  update();
}

qint64 ConfusionHeatMap::count(int gold, int predicted) const {
  if (gold < 0 || gold >= m_counts.size() || predicted < 0 || predicted >= m_counts[gold].size()) return 0;
  return m_counts[gold][predicted];
}

int ConfusionHeatMap::labelWidth() const {
  int widest = fontMetrics().horizontalAdvance(tr("gold"));
  for (const QString& l : m_labels) widest = std::max(widest, fontMetrics().horizontalAdvance(l));
  return std::min(widest, 220) + 12;
}

// The predicted labels stand upright (rotated) above their columns, whole up to 160 pixels.
int ConfusionHeatMap::headerHeight() const {
  int widest = 0;
  for (const QString& l : m_labels) widest = std::max(widest, fontMetrics().horizontalAdvance(l));
  return fontMetrics().height() + 8 + std::min(widest, 160);
}

int ConfusionHeatMap::cellSize() const {
  const int n = std::max<int>(1, int(m_labels.size()));
  const int fits = std::min((width() - labelWidth() - 4) / n, (height() - headerHeight() - 4) / n);
  return std::clamp(fits, fontMetrics().height() + 6, 72);
}

QRect ConfusionHeatMap::cellRect(int gold, int predicted) const {
  const int c = cellSize();
  return QRect(labelWidth() + predicted * c, headerHeight() + gold * c, c - 1, c - 1);
}

bool ConfusionHeatMap::cellAt(const QPoint& pos, int* gold, int* predicted) const {
  const int c = cellSize();
  const int x = pos.x() - labelWidth(), y = pos.y() - headerHeight();
  if (x < 0 || y < 0) return false;
  const int g = y / c, p = x / c;
  if (g >= m_labels.size() || p >= m_labels.size()) return false;
  *gold = g;
  *predicted = p;
  return true;
}

QSize ConfusionHeatMap::sizeHint() const {
  const int n = int(m_labels.size());
  return {labelWidth() + n * 48 + 8, headerHeight() + n * 48 + 8};
}

QSize ConfusionHeatMap::minimumSizeHint() const {
  const int n = int(m_labels.size());
  const int c = fontMetrics().height() + 6;
  return {labelWidth() + n * c + 4, headerHeight() + n * c + 4};
}

void ConfusionHeatMap::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (m_labels.isEmpty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter, tr("No analysis yet"));
    return;
  }
  const int n = int(m_labels.size()), c = cellSize(), lw = labelWidth();
  const QFontMetrics fm = fontMetrics();
  painter.setPen(palette().color(QPalette::WindowText));
  painter.drawText(QRect(lw, 0, n * c, fm.height() + 2), Qt::AlignCenter, tr("predicted →"));
  painter.drawText(QRect(0, 0, lw - 6, headerHeight()), Qt::AlignRight | Qt::AlignBottom, tr("gold ↓"));
  const int labelSpace = headerHeight() - fm.height() - 8;
  for (int p = 0; p < n; ++p) {
    painter.save();
    painter.translate(lw + p * c + (c + fm.ascent() - fm.descent()) / 2, headerHeight() - 4);
    painter.rotate(-90);
    painter.drawText(0, 0, fm.elidedText(m_labels[p], Qt::ElideRight, labelSpace));
    painter.restore();
  }
  for (int g = 0; g < n; ++g) {
    qint64 total = 0;
    for (qint64 v : m_counts.value(g)) total += v;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, headerHeight() + g * c, lw - 6, c), Qt::AlignRight | Qt::AlignVCenter,
                     fm.elidedText(m_labels[g], Qt::ElideRight, lw - 8));
    for (int p = 0; p < n; ++p) {
      const qint64 v = count(g, p);
      const double share = total > 0 ? double(v) / double(total) : 0.0;
      const int shade = 255 - int(share * 200);
      const QColor fill = v == 0 ? QColor(0xf2, 0xf2, 0xf2) : g == p ? QColor(shade, shade, 255) : QColor(255, shade, shade);
      const QRect r = cellRect(g, p);
      painter.fillRect(r, fill);
      painter.setPen(share > 0.6 ? Qt::white : Qt::black);
      painter.drawText(r, Qt::AlignCenter, QString::number(v));
    }
  }
  if (hasFocus()) {
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(cellRect(m_currentGold, m_currentPredicted).adjusted(1, 1, -1, -1));
  }
}

void ConfusionHeatMap::mousePressEvent(QMouseEvent* event) {
  int g = 0, p = 0;
  if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &g, &p)) {
    m_currentGold = g;
    m_currentPredicted = p;
    update();
    Q_EMIT cellActivated(g, p);
    return;
  }
  QWidget::mousePressEvent(event);
}

void ConfusionHeatMap::keyPressEvent(QKeyEvent* event) {
  const int last = int(m_labels.size()) - 1;
  switch (event->key()) {
    case Qt::Key_Left: m_currentPredicted = std::max(0, m_currentPredicted - 1); break;
    case Qt::Key_Right: m_currentPredicted = std::min(last, m_currentPredicted + 1); break;
    case Qt::Key_Up: m_currentGold = std::max(0, m_currentGold - 1); break;
    case Qt::Key_Down: m_currentGold = std::min(last, m_currentGold + 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
      if (last >= 0) Q_EMIT cellActivated(m_currentGold, m_currentPredicted);
      return;
    default: QWidget::keyPressEvent(event); return;
  }
  update();
}

bool ConfusionHeatMap::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    int g = 0, p = 0;
    if (cellAt(help->pos(), &g, &p))
      QToolTip::showText(help->globalPos(),
                         tr("gold %1, predicted %2: %3").arg(m_labels[g], m_labels[p]).arg(count(g, p)), this);
    else
      QToolTip::hideText();
    return true;
  }
  return QWidget::event(event);
}

}  // namespace quarry::ui
