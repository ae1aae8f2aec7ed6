#pragma once
// A confusion matrix drawn as a heat map: rows gold, columns predicted, the last of each "none"; a cell
// is shaded by its share of its row (blue on the diagonal, red off it) and shows its count. Hovering
// names the cell; clicking one (or Enter on the current one, moved by the arrow keys) announces it, so
// that the error list can show just those errors.

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace quarry::ui {

class ConfusionHeatMap : public QWidget {
  Q_OBJECT
 public:
  explicit ConfusionHeatMap(QWidget* parent = nullptr);

  void setMatrix(const QStringList& labels, const QVector<QVector<qint64>>& counts);
  const QStringList& labels() const { return m_labels; }
  qint64 count(int gold, int predicted) const;
  // The cell at a widget point: false outside the matrix.
  bool cellAt(const QPoint& pos, int* gold, int* predicted) const;
  // The rectangle of a cell in widget coordinates.
  QRect cellRect(int gold, int predicted) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 Q_SIGNALS:
  void cellActivated(int gold, int predicted);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;

 private:
  int labelWidth() const;
  int headerHeight() const;
  int cellSize() const;

  QStringList m_labels;
  QVector<QVector<qint64>> m_counts;
  int m_currentGold = 0, m_currentPredicted = 0;
};

}  // namespace quarry::ui
