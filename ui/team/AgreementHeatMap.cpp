#include "team/AgreementHeatMap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace quarry::ui {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kUndefinedFill(0xe4, 0xe4, 0xe4);
const QColor kUndefinedHatch(0xb0, 0xb0, 0xb0);
const int kLegendBar = 100;  // the gradient's width

QString figure(double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2); }

QString n(int64_t count) { return QString::number(count); }

QString pairName(const eval::PairAgreement& p) {
  return QStringLiteral("%1 – %2").arg(QString::fromStdString(p.a), QString::fromStdString(p.b));
}

template <typename Map>
const typename Map::mapped_type* entryOf(const Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

AgreementHeatMap::AgreementHeatMap(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("agreementHeatMap"));
  setAccessibleName(tr("Agreement per type and annotator pair"));
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void AgreementHeatMap::setReport(const eval::AgreementReport& report) {
  m_report = report;
  m_rows.clear();
  std::set<std::string> entities, relations, labels;
  for (const eval::PairAgreement& p : m_report.pairs) {
    for (const auto& entry : p.exactByType) entities.insert(entry.first);
    for (const auto& entry : p.overlapByType) entities.insert(entry.first);
    for (const auto& entry : p.relationsByType) relations.insert(entry.first);
    for (const auto& entry : p.labelKappaByCategory) labels.insert(entry.first);
  }
  for (const std::string& t : entities) m_rows.push_back({RowKind::Entity, t});
  for (const std::string& t : relations) m_rows.push_back({RowKind::Relation, t});
  for (const std::string& t : labels) m_rows.push_back({RowKind::Label, t});
  m_currentRow = m_currentColumn = 0;
  updateGeometry();
  update();
  announceCurrent();
}

void AgreementHeatMap::clear() { setReport({}); }

void AgreementHeatMap::setSpanFigure(SpanFigure figure) {
  if (figure == m_spanFigure) return;
  m_spanFigure = figure;
  update();
  announceCurrent();
}

QString AgreementHeatMap::rowName(int row) const {
  if (row < 0 || row >= m_rows.size()) return {};
  const QString type = QString::fromStdString(m_rows[row].type);
  switch (m_rows[row].kind) {
    case RowKind::Relation:
      return QStringLiteral("rel: ") + type;
    case RowKind::Label:
      return QStringLiteral("label: ") + type;
    case RowKind::Entity:
      break;
  }
  return type;
}

QString AgreementHeatMap::columnName(int column) const {
  if (column < 0 || column >= columnCount()) return {};
  return pairName(m_report.pairs[size_t(column)]);
}

int AgreementHeatMap::rowOf(const QString& name) const {
  for (int r = 0; r < rowCount(); ++r)
    if (rowName(r) == name) return r;
  return -1;
}

double AgreementHeatMap::value(int row, int column) const {
  if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return kNaN;
  const eval::PairAgreement& p = m_report.pairs[size_t(column)];
  const std::string& type = m_rows[row].type;
  switch (m_rows[row].kind) {
    case RowKind::Entity: {
      if (m_spanFigure == SpanFigure::Overlap) {
        const auto* c = entryOf(p.overlapByType, type);
        return c ? c->f1() : kNaN;
      }
      const auto* c = entryOf(p.exactByType, type);
      return c ? c->f1() : kNaN;
    }
    case RowKind::Relation: {
      const auto* c = entryOf(p.relationsByType, type);
      return c && c->a + c->b > 0 ? c->f1() : kNaN;
    }
    case RowKind::Label: {
      const double* k = entryOf(p.labelKappaByCategory, type);
      return k ? *k : kNaN;
    }
  }
  return kNaN;
}

QString AgreementHeatMap::cellText(int row, int column) const { return figure(value(row, column)); }

QString AgreementHeatMap::figureName(int row) const {
  switch (m_rows.at(row).kind) {
    case RowKind::Entity:
      return m_spanFigure == SpanFigure::Overlap ? tr("overlap F1") : tr("exact F1");
    case RowKind::Relation:
      return tr("relation F1");
    case RowKind::Label:
      return tr("label κ");
  }
  return {};
}

QString AgreementHeatMap::cellToolTip(int row, int column) const {
  if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return {};
  const eval::PairAgreement& p = m_report.pairs[size_t(column)];
  const QString a = QString::fromStdString(p.a), b = QString::fromStdString(p.b);
  const QString type = QString::fromStdString(m_rows[row].type);
  const QString head = tr("%1 · %2").arg(rowName(row), columnName(column));
  const QString name = figureName(row), v = figure(value(row, column));
  QString detail;
  switch (m_rows[row].kind) {
    case RowKind::Entity:
      if (m_spanFigure == SpanFigure::Overlap) {
        if (const auto* c = entryOf(p.overlapByType, m_rows[row].type))
          detail = tr("%1 %2: %3 of %4's %5 spans overlap one of %6's, %7 of %6's %8 overlap one of %4's")
                       .arg(name, v, n(c->agreeingA), a, n(c->a), b, n(c->agreeingB), n(c->b));
      } else if (const auto* c = entryOf(p.exactByType, m_rows[row].type)) {
        detail =
            tr("%1 %2: %3 of %4's %5 spans, %3 of %6's %7").arg(name, v, n(c->both), a, n(c->a), b, n(c->b));
      }
      if (detail.isEmpty()) detail = tr("%1 undefined: neither marked a %2 span").arg(name, type);
      break;
    case RowKind::Relation:
      if (const auto* c = entryOf(p.relationsByType, m_rows[row].type); c && c->a + c->b > 0)
        detail = tr("%1 %2: %3 of %4's %5 relations, %3 of %6's %7 (between spans both marked)")
                     .arg(name, v, n(c->both), a, n(c->a), b, n(c->b));
      else
        detail = tr("%1 undefined: neither related two spans both marked by %2").arg(name, type);
      break;
    case RowKind::Label:
      if (const double* k = entryOf(p.labelKappaByCategory, m_rows[row].type); k && !std::isnan(*k))
        detail = tr("%1 %2 over %3 documents both labelled").arg(name, v, n(p.labelledDocuments));
      else if (k)
        detail = tr("%1 undefined: the same answer on all %2 documents both labelled")
                     .arg(name, n(p.labelledDocuments));
      else
        detail = tr("%1 undefined: neither gave a document this label").arg(name);
      break;
  }
  return head + QLatin1Char('\n') + detail;
}

void AgreementHeatMap::setCurrentCell(int row, int column) {
  if (rowCount() == 0 || columnCount() == 0) return;
  row = std::clamp(row, 0, rowCount() - 1);
  column = std::clamp(column, 0, columnCount() - 1);
  if (row == m_currentRow && column == m_currentColumn) return;
  m_currentRow = row;
  m_currentColumn = column;
  update();
  announceCurrent();
  Q_EMIT currentCellChanged(row, column);
}

// Screen readers read the current cell as the map's description.
void AgreementHeatMap::announceCurrent() {
  const QString text = rowCount() && columnCount() ? cellToolTip(m_currentRow, m_currentColumn) : QString();
  setAccessibleDescription(text);
  if (hasFocus() && QAccessible::isActive()) {
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
  }
}

int AgreementHeatMap::labelWidth() const {
  int widest = 0;
  for (int r = 0; r < rowCount(); ++r) widest = std::max(widest, fontMetrics().horizontalAdvance(rowName(r)));
  return std::min(widest, 220) + 16;
}

int AgreementHeatMap::headerHeight() const { return fontMetrics().height() + 10; }

// Wide enough for a pair's names in one line (up to a limit; longer ones are elided) and for "0.00".
int AgreementHeatMap::columnWidth() const {
  int widest = fontMetrics().horizontalAdvance(QStringLiteral("0.00"));
  for (int c = 0; c < columnCount(); ++c)
    widest = std::max(widest, fontMetrics().horizontalAdvance(columnName(c)));
  return std::clamp(widest + 16, 64, 160);
}

int AgreementHeatMap::rowHeight() const { return fontMetrics().height() + 12; }

int AgreementHeatMap::legendHeight() const { return fontMetrics().height() + 16; }

QRect AgreementHeatMap::cellRect(int row, int column) const {
  const int w = columnWidth(), h = rowHeight();
  return QRect(labelWidth() + column * w, headerHeight() + row * h, w - 1, h - 1);
}

bool AgreementHeatMap::cellAt(const QPoint& pos, int* row, int* column) const {
  const int x = pos.x() - labelWidth(), y = pos.y() - headerHeight();
  if (x < 0 || y < 0) return false;
  const int r = y / rowHeight(), c = x / columnWidth();
  if (r >= rowCount() || c >= columnCount()) return false;
  *row = r;
  *column = c;
  return true;
}

QSize AgreementHeatMap::sizeHint() const {
  if (rowCount() == 0 || columnCount() == 0) return {320, 120};
  const QFontMetrics fm = fontMetrics();
  const int legendWidth = labelWidth() + fm.horizontalAdvance(QStringLiteral("01")) +
                          fm.horizontalAdvance(tr("undefined")) + kLegendBar + 60;
  return {std::max(labelWidth() + columnCount() * columnWidth(), legendWidth) + 8,
          headerHeight() + rowCount() * rowHeight() + legendHeight() + 8};
}

QSize AgreementHeatMap::minimumSizeHint() const {
  return {160, headerHeight() + rowHeight() + legendHeight()};
}

QColor AgreementHeatMap::colourOf(double value) {
  if (std::isnan(value)) return {};
  // Hue from red (0°) through yellow to green (120°), light enough for black figures on every shade.
  const double t = std::clamp(value, 0.0, 1.0);
  return QColor::fromHsvF(float(t * 120.0 / 360.0), 0.55f, 0.97f);
}

void AgreementHeatMap::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  const QFontMetrics fm = fontMetrics();
  if (rowCount() == 0 || columnCount() == 0) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     columnCount() == 0 ? tr("No agreement measured yet")
                                        : tr("Neither annotator marked anything to compare by type"));
    return;
  }
  const int lw = labelWidth(), cw = columnWidth(), rh = rowHeight(), hh = headerHeight();
  const QColor text = palette().color(QPalette::Text);
  painter.setPen(text);
  for (int c = 0; c < columnCount(); ++c)
    painter.drawText(QRect(lw + c * cw + 2, 0, cw - 4, hh), Qt::AlignCenter,
                     fm.elidedText(columnName(c), Qt::ElideMiddle, cw - 6));
  QFont bold = font();
  bold.setBold(true);
  for (int r = 0; r < rowCount(); ++r) {
    // A line between entity, relation and label rows.
    if (r > 0 && m_rows[r].kind != m_rows[r - 1].kind) {
      painter.setPen(palette().color(QPalette::Mid));
      painter.drawLine(4, hh + r * rh - 1, lw + columnCount() * cw, hh + r * rh - 1);
    }
    painter.setPen(text);
    painter.drawText(QRect(4, hh + r * rh, lw - 12, rh), Qt::AlignRight | Qt::AlignVCenter,
                     fm.elidedText(rowName(r), Qt::ElideRight, lw - 12));
    for (int c = 0; c < columnCount(); ++c) {
      const QRect cell = cellRect(r, c);
      const double v = value(r, c);
      if (std::isnan(v)) {
        painter.fillRect(cell, kUndefinedFill);
        painter.fillRect(cell, QBrush(kUndefinedHatch, Qt::BDiagPattern));
        painter.setPen(QColor(0x50, 0x50, 0x50));
      } else {
        painter.fillRect(cell, colourOf(v));
        painter.setPen(Qt::black);
      }
      painter.setFont(bold);
      painter.drawText(cell, Qt::AlignCenter, figure(v));
      painter.setFont(font());
    }
  }
  if (hasFocus()) {
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(cellRect(m_currentRow, m_currentColumn).adjusted(1, 1, -1, -1));
  }
  paintLegend(painter, hh + rowCount() * rh + 6);
}

// "0 [red … green] 1   [hatched] undefined" under the grid.
void AgreementHeatMap::paintLegend(QPainter& painter, int top) {
  const QFontMetrics fm = fontMetrics();
  const int h = fm.height(), x0 = labelWidth();
  painter.setPen(palette().color(QPalette::Text));
  const QString zero = QStringLiteral("0"), one = QStringLiteral("1");
  painter.drawText(QRect(x0, top, fm.horizontalAdvance(zero) + 2, h), Qt::AlignLeft | Qt::AlignVCenter, zero);
  const QRect bar(x0 + fm.horizontalAdvance(zero) + 6, top + 2, kLegendBar, h - 4);
  QLinearGradient gradient(bar.topLeft(), bar.topRight());
  for (int i = 0; i <= 4; ++i) gradient.setColorAt(i / 4.0, colourOf(i / 4.0));
  painter.fillRect(bar, gradient);
  painter.drawText(QRect(bar.right() + 6, top, fm.horizontalAdvance(one) + 2, h),
                   Qt::AlignLeft | Qt::AlignVCenter, one);
  const QRect swatch(bar.right() + 6 + fm.horizontalAdvance(one) + 16, top + 2, 20, h - 4);
  painter.fillRect(swatch, kUndefinedFill);
  painter.fillRect(swatch, QBrush(kUndefinedHatch, Qt::BDiagPattern));
  painter.drawText(QRect(swatch.right() + 6, top, width() - swatch.right() - 6, h),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("undefined"));
}

void AgreementHeatMap::mousePressEvent(QMouseEvent* event) {
  int r = 0, c = 0;
  if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &r, &c)) {
    setFocus(Qt::MouseFocusReason);
    setCurrentCell(r, c);
    Q_EMIT cellActivated(r, c);
    return;
  }
  QWidget::mousePressEvent(event);
}

void AgreementHeatMap::keyPressEvent(QKeyEvent* event) {
  if (rowCount() == 0 || columnCount() == 0) {
    QWidget::keyPressEvent(event);
    return;
  }
  switch (event->key()) {
    case Qt::Key_Left:
      setCurrentCell(m_currentRow, m_currentColumn - 1);
      break;
    case Qt::Key_Right:
      setCurrentCell(m_currentRow, m_currentColumn + 1);
      break;
    case Qt::Key_Up:
      setCurrentCell(m_currentRow - 1, m_currentColumn);
      break;
    case Qt::Key_Down:
      setCurrentCell(m_currentRow + 1, m_currentColumn);
      break;
    case Qt::Key_Home:
      setCurrentCell(m_currentRow, 0);
      break;
    case Qt::Key_End:
      setCurrentCell(m_currentRow, columnCount() - 1);
      break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
      Q_EMIT cellActivated(m_currentRow, m_currentColumn);
      break;
    default:
      QWidget::keyPressEvent(event);
      return;
  }
}

bool AgreementHeatMap::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    int r = 0, c = 0;
    if (cellAt(help->pos(), &r, &c))
      QToolTip::showText(help->globalPos(), cellToolTip(r, c), this, cellRect(r, c));
    else
      QToolTip::hideText();
    return true;
  }
  return QWidget::event(event);
}

// The grid's sizes follow the font.
void AgreementHeatMap::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange) updateGeometry();
}

}  // namespace quarry::ui
