#pragma once
// Agreement per type and annotator pair as a heat map: a row per entity type, then per relation type
// ("rel: "), then per document category ("label: "); a column per pair ("alice – bob"). A cell is coloured
// by the pair's figure for the type (span F1, exact or overlapping as chosen; relation F1; label κ), from
// red at 0 (or below) through yellow to green at 1, grey and hatched where the figure is undefined (neither
// marked the type, or κ with one answer everywhere), and shows the figure; hovering names the type, the
// pair and the counts behind the figure. The arrow keys move a current cell (framed while focused); a click
// or Enter announces it, so that the dialog can show that pair's documents.

#include <QString>
#include <QVector>
#include <QWidget>

#include "eval/Agreement.h"

namespace quarry::ui {

class AgreementHeatMap : public QWidget {
  Q_OBJECT
 public:
  // What an entity-type row shows; relations always show F1 and categories Cohen's κ.
  enum class SpanFigure { Exact, Overlap };
  enum class RowKind { Entity, Relation, Label };

  explicit AgreementHeatMap(QWidget* parent = nullptr);

  // Shows `report` (copied); the current cell goes back to the first.
  void setReport(const eval::AgreementReport& report);
  void clear();
  void setSpanFigure(SpanFigure figure);
  SpanFigure spanFigure() const { return m_spanFigure; }

  int rowCount() const { return int(m_rows.size()); }
  int columnCount() const { return int(m_report.pairs.size()); }
  RowKind rowKind(int row) const { return m_rows.at(row).kind; }
  // "DRUG", "rel: TREATS", "label: fair".
  QString rowName(int row) const;
  // "alice – bob".
  QString columnName(int column) const;
  // The row named `name` (as rowName says it), -1 when none.
  int rowOf(const QString& name) const;
  // The figure a cell shows; NaN when undefined.
  double value(int row, int column) const;
  // The text in the cell: the figure to two places, or "–".
  QString cellText(int row, int column) const;
  // Type, pair, figure and the counts behind it.
  QString cellToolTip(int row, int column) const;

  int currentRow() const { return m_currentRow; }
  int currentColumn() const { return m_currentColumn; }
  void setCurrentCell(int row, int column);

  // The cell at a widget point: false outside the grid.
  bool cellAt(const QPoint& pos, int* row, int* column) const;
  // The rectangle of a cell in widget coordinates.
  QRect cellRect(int row, int column) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

  // The colour of a figure: red at 0 and below, yellow at 0.5, green at 1; invalid for NaN.
  static QColor colourOf(double value);

 Q_SIGNALS:
  void currentCellChanged(int row, int column);
  void cellActivated(int row, int column);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    RowKind kind;
    std::string type;
  };

  int labelWidth() const;
  int headerHeight() const;
  int columnWidth() const;
  int rowHeight() const;
  int legendHeight() const;
  QString figureName(int row) const;
  void paintLegend(QPainter& painter, int top);
  void announceCurrent();

  eval::AgreementReport m_report;
  QVector<Row> m_rows;
  SpanFigure m_spanFigure = SpanFigure::Exact;
  int m_currentRow = 0, m_currentColumn = 0;
};

}  // namespace quarry::ui
