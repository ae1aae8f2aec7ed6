#include "LabelPalette.h"

#include <QPainter>
#include <QPixmap>

#include "GuidelineText.h"
#include "SchemaEdits.h"

namespace quarry::ui {
namespace {

QIcon swatch(const QString& colour) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor::isValidColorName(colour) ? QColor::fromString(colour) : QColor(Qt::lightGray));
  p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
  return QIcon(pixmap);
}

}  // namespace

LabelPalette::LabelPalette(QWidget* parent) : QListWidget(parent) {
  setObjectName(QStringLiteral("labelPalette"));
  setSelectionMode(QAbstractItemView::NoSelection);
  setFocusPolicy(Qt::NoFocus);  // clicking keeps the keyboard and the selection in the document view
  connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const QString type = item->data(TypeNameRole).toString();
    if (!type.isEmpty()) Q_EMIT entityTypeChosen(type);
  });
}

void LabelPalette::setSchema(const Schema& schema) {
  clear();
  for (const EntityType& t : schema.entityTypes) {
    // A hotkey the document view reserves does nothing there: it is not offered, and the tooltip says so.
    const QString reserved = reservedKeyProblem(t.hotkey);
    auto* item = new QListWidgetItem(swatch(t.colour), t.hotkey.isEmpty() || !reserved.isEmpty()
                                                           ? t.name
                                                           : tr("%1   [%2]").arg(t.name, t.hotkey.toUpper()));
    item->setData(TypeNameRole, t.name);
    QString tip = guidelineTooltip(t.name, t.guideline);
    if (!reserved.isEmpty()) tip += QStringLiteral("<p><i>%1</i></p>").arg(reserved.toHtmlEscaped());
    item->setToolTip(tip);
    addItem(item);
  }
  auto addInfo = [this](const QString& text, const QString& tooltip) {
    auto* item = new QListWidgetItem(text);
    item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    item->setToolTip(tooltip);
    addItem(item);
  };
  for (const RelationType& t : schema.relationTypes)
    addInfo(tr("%1 (relation: R)").arg(t.name), guidelineTooltip(t.name, t.guideline));
  for (const QaField& f : schema.qaFields)
    // The field's name keeps the entry short; its question and guideline are in the tooltip.
    addInfo(tr("%1 (question: Q)").arg(f.name),
            (f.questions.isEmpty()
                 ? QString()
                 : QStringLiteral("<p><b>%1</b></p>").arg(f.questions.front().toHtmlEscaped())) +
                guidelineTooltip(f.name, f.guideline));
}

int LabelPalette::rowOfEntityType(const QString& name) const {
  for (int i = 0; i < count(); ++i)
    if (item(i)->data(TypeNameRole).toString() == name) return i;
  return -1;
}

}  // namespace quarry::ui
