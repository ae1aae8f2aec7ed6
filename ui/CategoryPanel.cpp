#include "CategoryPanel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "GuidelineText.h"

namespace quarry::ui {
namespace {

const char* const kCategoryProperty = "category";

QString categoryOf(const QAbstractButton* b) { return b->property(kCategoryProperty).toString(); }

}  // namespace

CategoryPanel::CategoryPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("categoryPanel"));
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(6, 4, 6, 4);
  m_suggestionBox = new QWidget(this);
  m_suggestionBox->setObjectName(QStringLiteral("categorySuggestions"));
  auto* suggestions = new QVBoxLayout(m_suggestionBox);
  suggestions->setContentsMargins(0, 4, 0, 0);
  m_suggestionBox->hide();
  m_layout->addWidget(m_suggestionBox);
  m_layout->addStretch(1);
}

void CategoryPanel::setSchema(const Schema& schema, QWidget* shortcutHost) {
  const QStringList kept = currentLabels();
  for (QAction* a : std::as_const(m_actions)) delete a;
  m_actions.clear();
  for (QAbstractButton* b : std::as_const(m_buttons)) delete b;
  m_buttons.clear();
  delete m_none;
  m_none = nullptr;
  delete m_group;
  m_group = nullptr;
  m_multiLabel = schema.multiLabelCategories;

  auto addShortcut = [&](QAction* action, int digit) {
    if (digit <= 9) action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + digit)));
    action->setShortcutContext(Qt::WindowShortcut);
    shortcutHost->addAction(action);
    m_actions.push_back(action);
  };
  if (!m_multiLabel && !schema.categories.isEmpty()) {
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
  }
  int row = 0;
  for (int i = 0; i < schema.categories.size(); ++i) {
    const CategoryType& c = schema.categories[i];
    const QString text = i < 9 ? tr("%1   [Alt+%2]").arg(c.name).arg(i + 1) : c.name;
    QAbstractButton* b = m_multiLabel ? static_cast<QAbstractButton*>(new QCheckBox(text, this))
                                      : static_cast<QAbstractButton*>(new QRadioButton(text, this));
    b->setObjectName(QStringLiteral("category_") + c.name);
    b->setProperty(kCategoryProperty, c.name);
    b->setFocusPolicy(Qt::NoFocus);  // the keyboard stays in the document view
    b->setToolTip(guidelineTooltip(c.name, c.guideline));
    if (m_group) m_group->addButton(b);
    m_layout->insertWidget(row++, b);
    m_buttons.push_back(b);
    // A click asks; the button shows what the store holds once the owner says so.
    connect(b, &QAbstractButton::clicked, this, [this, name = c.name] {
      if (m_multiLabel)
        request(name, !m_labels.contains(name));
      else
        choose(name);
    });
    auto* action =
        new QAction(m_multiLabel ? tr("Toggle Category %1").arg(c.name) : tr("Set Category %1").arg(c.name),
                    shortcutHost);
    action->setObjectName(QStringLiteral("categoryAction_") + c.name);
    connect(action, &QAction::triggered, this, [this, name = c.name] {
      if (m_multiLabel)
        request(name, !m_labels.contains(name));
      else
        choose(name);
    });
    addShortcut(action, i + 1);
  }
  if (m_group) {
    m_none = new QRadioButton(tr("No category   [Alt+0]"), this);
    m_none->setObjectName(QStringLiteral("category_none"));
    m_none->setFocusPolicy(Qt::NoFocus);
    m_group->addButton(m_none);
    m_layout->insertWidget(row++, m_none);
    connect(m_none, &QAbstractButton::clicked, this, [this] { clearChoice(); });
    auto* action = new QAction(tr("Clear the Category"), shortcutHost);
    action->setObjectName(QStringLiteral("categoryAction_none"));
    connect(action, &QAction::triggered, this, [this] { clearChoice(); });
    addShortcut(action, 0);
  }
  setCurrentLabels(kept);
  setEditable(m_editable);
}

void CategoryPanel::request(const QString& category, bool on) {
  showLabels();  // a click moved a button; it shows the store's state until the owner answers
  Q_EMIT categoryToggled(category, on);
}

void CategoryPanel::choose(const QString& category) {
  showLabels();
  if (m_labels == QStringList{category}) {
    Q_EMIT statusMessage(tr("The document already has the category %1 (Alt+0: no category).").arg(category));
    return;
  }
  request(category, true);  // the store replaces the other category of a single-label schema
}

void CategoryPanel::clearChoice() {
  showLabels();
  if (m_labels.isEmpty()) {
    Q_EMIT statusMessage(tr("The document has no category."));
    return;
  }
  const QStringList now = m_labels;
  for (const QString& category : now) request(category, false);
}

void CategoryPanel::setCurrentLabels(const QStringList& categories) {
  m_labels.clear();
  for (const QAbstractButton* b : std::as_const(m_buttons))
    if (categories.contains(categoryOf(b))) m_labels << categoryOf(b);
  showLabels();
}

void CategoryPanel::showLabels() {
  if (m_group) m_group->setExclusive(false);
  for (QAbstractButton* b : std::as_const(m_buttons)) {
    const QSignalBlocker quiet(b);
    b->setChecked(m_labels.contains(categoryOf(b)));
  }
  if (m_none) {
    const QSignalBlocker quiet(m_none);
    m_none->setChecked(m_labels.isEmpty());
  }
  if (m_group) m_group->setExclusive(true);
}

QAbstractButton* CategoryPanel::button(const QString& category) const {
  for (QAbstractButton* b : m_buttons)
    if (categoryOf(b) == category) return b;
  return nullptr;
}

void CategoryPanel::setEditable(bool editable) {
  m_editable = editable;
  for (QAbstractButton* b : std::as_const(m_buttons)) b->setEnabled(editable);
  if (m_none) m_none->setEnabled(editable);
  updateSuggestionButtons();
}

void CategoryPanel::setDecidingWhileReadOnly(bool on) {
  m_decidingWhileReadOnly = on;
  updateSuggestionButtons();
}

void CategoryPanel::updateSuggestionButtons() {
  for (QPushButton* b : m_suggestionBox->findChildren<QPushButton*>())
    b->setEnabled(m_editable || m_decidingWhileReadOnly);
}

void CategoryPanel::setSuggestions(const QVector<SuggestedCategory>& suggestions) {
  m_suggestions = suggestions;
  // Later: a row's button may be the one whose click brought these suggestions.
  for (QWidget* row : m_suggestionBox->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
    row->hide();
    row->setParent(nullptr);
    row->deleteLater();
  }
  auto* rows = static_cast<QVBoxLayout*>(m_suggestionBox->layout());
  for (const SuggestedCategory& s : suggestions) {
    auto* row = new QWidget(m_suggestionBox);
    auto* line = new QHBoxLayout(row);
    line->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Suggested: %1 (%2)").arg(s.category).arg(s.confidence, 0, 'f', 2), row);
    label->setObjectName(QStringLiteral("categorySuggestion_") + s.category);
    label->setToolTip(tr("The model suggests the category %1 with confidence %2")
                          .arg(s.category)
                          .arg(s.confidence, 0, 'f', 2));
    line->addWidget(label, 1);
    auto addButton = [&](const QString& text, const QString& name, auto signal) {
      auto* b = new QPushButton(text, row);
      b->setObjectName(name + s.category);
      b->setFocusPolicy(Qt::NoFocus);  // the keyboard stays in the document view
      b->setEnabled(m_editable || m_decidingWhileReadOnly);
      connect(b, &QPushButton::clicked, this, [this, signal, id = s.id] { Q_EMIT(this->*signal)(id); });
      line->addWidget(b);
    };
    addButton(tr("Accept"), QStringLiteral("acceptCategorySuggestion_"), &CategoryPanel::suggestionAccepted);
    addButton(tr("Reject"), QStringLiteral("rejectCategorySuggestion_"), &CategoryPanel::suggestionRejected);
    rows->addWidget(row);
    row->show();  // the box may be on screen already
  }
  m_suggestionBox->setVisible(!suggestions.isEmpty());
}

}  // namespace quarry::ui
