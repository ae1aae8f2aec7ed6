#include "SchemaTypePage.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "GuidelineEditor.h"
#include "annotation/AnnotationKeys.h"

namespace quarry::ui {
namespace {

QListWidget* checkList(QWidget* parent) {
  auto* list = new QListWidget(parent);
  list->setMaximumHeight(110);
  return list;
}

QStringList checkedNames(const QListWidget* list) {
  QStringList out;
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->checkState() == Qt::Checked) out << list->item(i)->text();
  return out;
}

void fillChecks(QListWidget* list, const QStringList& names, const QStringList& checked) {
  list->clear();
  for (const QString& n : names) {
    auto* item = new QListWidgetItem(n, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked.contains(n) ? Qt::Checked : Qt::Unchecked);
  }
}

}  // namespace

SchemaTypePage::SchemaTypePage(SchemaKind kind, Schema* schema, const QMap<QString, int>& usage,
                               QWidget* parent)
    : QWidget(parent), m_kind(kind), m_schema(schema), m_usage(usage) {
  m_list = new QListWidget(this);
  m_newName = new QLineEdit(this);
  m_newName->setPlaceholderText(tr("New %1 name").arg(kindLabel(kind)));
  m_add = new QPushButton(tr("&Add"), this);
  m_remove = new QPushButton(tr("Re&move"), this);
  auto* addRow = new QHBoxLayout;
  addRow->addWidget(m_newName, 1);
  addRow->addWidget(m_add);
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(m_list, 1);
  leftLayout->addLayout(addRow);
  leftLayout->addWidget(m_remove);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(buildDetails());
  splitter->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
  connect(m_add, &QPushButton::clicked, this, [this] {
    if (addType(m_newName->text())) m_newName->clear();
  });
  connect(m_newName, &QLineEdit::returnPressed, m_add, &QPushButton::click);
  connect(m_remove, &QPushButton::clicked, this, [this] { removeCurrent(); });
  refresh();
}

QWidget* SchemaTypePage::buildDetails() {
  m_details = new QWidget(this);
  m_name = new QLineEdit(m_details);
  m_colour = new QPushButton(m_details);
  m_hotkey = new QLineEdit(m_details);
  m_hotkey->setMaxLength(1);
  m_hotkey->setMaximumWidth(60);
  m_hotkey->setToolTip(tr("One key that applies this label; it must differ from every other type's key and "
                          "from the document view's own keys (%1)")
                           .arg(AnnotationKeys::reservedCharacters().join(QStringLiteral(", ")).toUpper()));
  m_problem = new QLabel(m_details);
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), m_name);
  if (m_kind != SchemaKind::QaField)
    form->addRow(tr("&Colour:"), m_colour);
  else
    m_colour->hide();
  form->addRow(tr("&Hotkey:"), m_hotkey);
  if (m_kind == SchemaKind::Relation) {
    m_directed = new QCheckBox(tr("Directed (head → tail); unchecked: symmetric"), m_details);
    m_head = checkList(m_details);
    m_tail = checkList(m_details);
    form->addRow(QString(), m_directed);
    form->addRow(tr("Head types:"), m_head);
    form->addRow(tr("Tail types:"), m_tail);
    form->addRow(QString(), new QLabel(tr("None checked: any entity type."), m_details));
    connect(m_directed, &QCheckBox::toggled, this, [this] { argumentsEdited(); });
    connect(m_head, &QListWidget::itemChanged, this, [this] { argumentsEdited(); });
    connect(m_tail, &QListWidget::itemChanged, this, [this] { argumentsEdited(); });
  }
  if (m_kind == SchemaKind::QaField) {
    m_questions = new QListWidget(m_details);
    m_questions->setMaximumHeight(110);
    auto* addQ = new QPushButton(tr("Add &question"), m_details);
    auto* removeQ = new QPushButton(tr("Remove q&uestion"), m_details);
    auto* qButtons = new QHBoxLayout;
    qButtons->addWidget(addQ);
    qButtons->addWidget(removeQ);
    qButtons->addStretch(1);
    form->addRow(tr("Questions (first = canonical):"), m_questions);
    form->addRow(QString(), qButtons);
    connect(m_questions, &QListWidget::itemChanged, this, [this] { questionsEdited(); });
    connect(addQ, &QPushButton::clicked, this, [this] {
      addQuestion(tr("New question?"));
      m_questions->editItem(m_questions->item(m_questions->count() - 1));
    });
    connect(removeQ, &QPushButton::clicked, this, [this] {
      delete m_questions->currentItem();
      questionsEdited();
    });
  }
  if (m_kind == SchemaKind::Category) {
    m_multiLabel = new QCheckBox(tr("A document may have several categories"), m_details);
    m_multiLabel->setChecked(m_schema->multiLabelCategories);
    form->addRow(QString(), m_multiLabel);
    connect(m_multiLabel, &QCheckBox::toggled, this, [this](bool on) {
      m_schema->multiLabelCategories = on;
      Q_EMIT edited();
    });
  }
  m_guideline = new GuidelineEditor(m_details);
  auto* layout = new QVBoxLayout(m_details);
  layout->addLayout(form);
  layout->addWidget(m_problem);
  layout->addWidget(m_guideline, 1);

  connect(m_name, &QLineEdit::editingFinished, this, [this] {
    const int i = current();
    if (i >= 0 && m_name->text().trimmed() != typeNames(*m_schema, m_kind).value(i))
      renameCurrent(m_name->text());
  });
  connect(m_hotkey, &QLineEdit::textEdited, this, [this](const QString& key) { setHotkey(key); });
  connect(m_hotkey, &QLineEdit::editingFinished, this, [this] {
    // A refused key does not stay in the field.
    const int i = current();
    if (i >= 0) m_hotkey->setText(*hotkeyOf(*m_schema, m_kind, i));
  });
  connect(m_colour, &QPushButton::clicked, this, &SchemaTypePage::chooseColour);
  connect(m_guideline, &GuidelineEditor::changed, this, [this] {
    const int i = current();
    if (i < 0 || m_loading) return;
    *guidelineOf(*m_schema, m_kind, i) = m_guideline->guideline();
    Q_EMIT edited();
  });
  return m_details;
}

int SchemaTypePage::current() const {
  const int i = m_list->currentRow();
  return i >= 0 && i < typeNames(*m_schema, m_kind).size() ? i : -1;
}

int SchemaTypePage::usageOf(const QString& name) const { return m_usage.value(usageKey(m_kind, name)); }

void SchemaTypePage::say(const QString& problem) { m_problem->setText(problem); }

void SchemaTypePage::refresh() {
  const int row = m_list->currentRow();
  m_loading = true;
  m_list->clear();
  for (const QString& name : typeNames(*m_schema, m_kind)) {
    const int uses = usageOf(name);
    auto* item = new QListWidgetItem(name, m_list);
    item->setToolTip(tr("%n annotation(s) in the project", nullptr, uses));
  }
  m_loading = false;
  m_list->setCurrentRow(qMin(qMax(row, 0), m_list->count() - 1));
  showCurrent();
}

void SchemaTypePage::selectType(const QString& name) {
  const int i = typeNames(*m_schema, m_kind).indexOf(name);
  if (i >= 0) m_list->setCurrentRow(i);
}

void SchemaTypePage::showCurrent() {
  if (m_loading) return;
  const int i = current();
  m_details->setEnabled(i >= 0);
  m_remove->setEnabled(i >= 0);
  m_loading = true;
  if (i < 0) {
    m_name->clear();
    m_hotkey->clear();
    m_guideline->setGuideline(QString(), Guideline{});
    m_loading = false;
    return;
  }
  const QString name = typeNames(*m_schema, m_kind).at(i);
  m_name->setText(name);
  m_hotkey->setText(*hotkeyOf(*m_schema, m_kind, i));
  if (QString* colour = colourOf(*m_schema, m_kind, i)) {
    QPixmap swatch(28, 14);
    swatch.fill(colour->isEmpty() ? QColor(Qt::transparent) : QColor(*colour));
    m_colour->setIcon(swatch);
    m_colour->setText(colour->isEmpty() ? tr("Choose…") : *colour);
  }
  if (m_kind == SchemaKind::Relation) {
    const RelationType& r = m_schema->relationTypes[i];
    const QStringList entities = typeNames(*m_schema, SchemaKind::Entity);
    m_directed->setChecked(r.directed);
    fillChecks(m_head, entities, r.headTypes);
    fillChecks(m_tail, entities, r.tailTypes);
  }
  if (m_kind == SchemaKind::QaField) {
    m_questions->clear();
    for (const QString& q : m_schema->qaFields[i].questions) {
      auto* item = new QListWidgetItem(q, m_questions);
      item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
  }
  m_guideline->setGuideline(name, *guidelineOf(*m_schema, m_kind, i));
  m_loading = false;
  say(QString());
}

bool SchemaTypePage::addType(const QString& rawName) {
  const QString name = rawName.trimmed();
  if (name.isEmpty()) {
    say(tr("Enter a name for the new %1.").arg(kindLabel(m_kind)));
    return false;
  }
  if (typeNames(*m_schema, m_kind).contains(name)) {
    say(tr("There already is a %1 named %2.").arg(kindLabel(m_kind), name));
    return false;
  }
  ui::addType(*m_schema, m_kind, name);
  refresh();
  m_list->setCurrentRow(m_list->count() - 1);
  Q_EMIT typesChanged();
  Q_EMIT edited();
  return true;
}

bool SchemaTypePage::renameCurrent(const QString& rawName) {
  const int i = current();
  if (i < 0) return false;
  const QString old = typeNames(*m_schema, m_kind).at(i);
  const QString name = rawName.trimmed();
  auto refuse = [&](const QString& why) {
    m_name->setText(old);
    say(why);
    return false;
  };
  if (name.isEmpty()) return refuse(tr("A %1 needs a name.").arg(kindLabel(m_kind)));
  if (name == old) return true;
  if (typeNames(*m_schema, m_kind).contains(name))
    return refuse(tr("There already is a %1 named %2.").arg(kindLabel(m_kind), name));
  if (const int uses = usageOf(old); uses > 0)
    return refuse(
        tr("%1 is used by %n annotation(s), which keep their type name; it cannot be renamed.", nullptr, uses)
            .arg(old));
  ui::renameType(*m_schema, m_kind, i, name);
  refresh();
  Q_EMIT typesChanged();
  Q_EMIT edited();
  return true;
}

bool SchemaTypePage::removeCurrent() {
  const int i = current();
  if (i < 0) return false;
  const QString name = typeNames(*m_schema, m_kind).at(i);
  if (const int uses = usageOf(name); uses > 0) {
    const QString why = tr("%1 is used by %n annotation(s) in this project. Remove or relabel them first; "
                           "the %2 stays.",
                           nullptr, uses)
                            .arg(name, kindLabel(m_kind));
    say(why);
    QMessageBox::warning(this, tr("Remove %1").arg(name), why);
    return false;
  }
  ui::removeType(*m_schema, m_kind, i);
  refresh();
  Q_EMIT typesChanged();
  Q_EMIT edited();
  return true;
}

bool SchemaTypePage::setHotkey(const QString& rawKey) {
  const int i = current();
  if (i < 0) return false;
  const QString key = rawKey.trimmed();
  if (const QString reserved = reservedKeyProblem(key); !reserved.isEmpty()) {
    say(reserved);
    return false;
  }
  if (const QString owner = hotkeyOwner(*m_schema, key, m_kind, i); !owner.isEmpty()) {
    say(tr("The key %1 already belongs to %2.").arg(key, owner));
    return false;
  }
  *hotkeyOf(*m_schema, m_kind, i) = key;
  say(QString());
  Q_EMIT edited();
  return true;
}

void SchemaTypePage::setColour(const QString& colour) {
  const int i = current();
  QString* target = i >= 0 ? colourOf(*m_schema, m_kind, i) : nullptr;
  if (!target) return;
  *target = colour;
  showCurrent();
  Q_EMIT edited();
}

void SchemaTypePage::chooseColour() {
  const int i = current();
  QString* target = i >= 0 ? colourOf(*m_schema, m_kind, i) : nullptr;
  if (!target) return;
  const QColor chosen = QColorDialog::getColor(QColor(*target), this, tr("Colour of %1").arg(m_name->text()),
                                               QColorDialog::DontUseNativeDialog);
  if (chosen.isValid()) setColour(chosen.name());
}

void SchemaTypePage::addQuestion(const QString& question) {
  if (m_kind != SchemaKind::QaField || current() < 0) return;
  auto* item = new QListWidgetItem(question, m_questions);
  item->setFlags(item->flags() | Qt::ItemIsEditable);
  questionsEdited();
}

void SchemaTypePage::argumentsEdited() {
  const int i = current();
  if (i < 0 || m_loading) return;
  RelationType& r = m_schema->relationTypes[i];
  r.directed = m_directed->isChecked();
  r.headTypes = checkedNames(m_head);
  r.tailTypes = checkedNames(m_tail);
  Q_EMIT edited();
}

void SchemaTypePage::questionsEdited() {
  const int i = current();
  if (i < 0 || m_loading) return;
  QStringList questions;
  for (int q = 0; q < m_questions->count(); ++q)
    if (!m_questions->item(q)->text().trimmed().isEmpty())
      questions << m_questions->item(q)->text().trimmed();
  m_schema->qaFields[i].questions = questions;
  Q_EMIT edited();
}

}  // namespace quarry::ui
