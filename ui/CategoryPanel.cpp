#include "CategoryPanel.h"

#include <QAction>
#include <QSignalBlocker>

#include "GuidelineText.h"

namespace quarry::ui {

CategoryPanel::CategoryPanel(QWidget* parent) : QListWidget(parent) {
  setObjectName(QStringLiteral("categoryPanel"));
  setSelectionMode(QAbstractItemView::NoSelection);
  setFocusPolicy(Qt::NoFocus);
  connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (m_updating) return;
    const QString category = item->data(Qt::UserRole).toString();
    const bool on = item->checkState() == Qt::Checked;
    // The entry shows what the store holds, not the click: the owner re-checks it after the edit.
    m_updating = true;
    item->setCheckState(on ? Qt::Unchecked : Qt::Checked);
    m_updating = false;
    Q_EMIT categoryToggled(category, on);
  });
}

void CategoryPanel::setSchema(const Schema& schema, QWidget* shortcutHost) {
  const QStringList kept = currentLabels();
  for (QAction* a : m_actions) delete a;
  m_actions.clear();
  m_updating = true;
  clear();
  for (int i = 0; i < schema.categories.size(); ++i) {
    const CategoryType& c = schema.categories[i];
    auto* item = new QListWidgetItem(i < 9 ? tr("%1   [Alt+%2]").arg(c.name).arg(i + 1) : c.name);
    item->setData(Qt::UserRole, c.name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(kept.contains(c.name) ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(guidelineTooltip(c.name, c.guideline));
    addItem(item);
    auto* action = new QAction(tr("Toggle Category %1").arg(c.name), shortcutHost);
    action->setObjectName(QStringLiteral("categoryAction_") + c.name);
    if (i < 9) action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [this, name = c.name] {
      Q_EMIT categoryToggled(name, !currentLabels().contains(name));
    });
    shortcutHost->addAction(action);
    m_actions.push_back(action);
  }
  m_updating = false;
}

void CategoryPanel::setCurrentLabels(const QStringList& categories) {
  const QSignalBlocker quiet(this);
  for (int i = 0; i < count(); ++i)
    item(i)->setCheckState(categories.contains(item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

QStringList CategoryPanel::currentLabels() const {
  QStringList out;
  for (int i = 0; i < count(); ++i)
    if (item(i)->checkState() == Qt::Checked) out << item(i)->data(Qt::UserRole).toString();
  return out;
}

void CategoryPanel::setEditable(bool editable) {
  // Changing flags also emits itemChanged.
  const QSignalBlocker quiet(this);
  for (int i = 0; i < count(); ++i)
    item(i)->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable);
}

}  // namespace quarry::ui
