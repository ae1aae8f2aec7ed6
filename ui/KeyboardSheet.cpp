#include "KeyboardSheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "SchemaEdits.h"
#include "annotation/AnnotationKeys.h"

namespace quarry::ui {
namespace {

// "&Next Document…" -> "Next Document"; "&&" stays one ampersand.
QString plain(QString text) {
  text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
  text.remove(QLatin1Char('&'));
  text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
  if (text.endsWith(QChar(0x2026))) text.chop(1);
  return text.trimmed();
}

QString keysOf(const QList<QKeySequence>& keys) {
  QStringList names;
  for (const QKeySequence& k : keys)
    if (!k.isEmpty()) names << k.toString(QKeySequence::NativeText);
  return names.join(QStringLiteral(", "));
}

// The menu an action sits in, or nullptr.
const QMenu* menuOf(const QAction* action) {
  for (const QObject* o : action->associatedObjects())
    if (const auto* menu = qobject_cast<const QMenu*>(o)) return menu;
  return nullptr;
}

void addMenu(const QMenu* menu, const QString& section, QVector<ShortcutRow>* rows,
             QList<const QAction*>* seen) {
  for (const QAction* a : menu->actions()) {
    if (a->menu()) {
      addMenu(a->menu(), section + QStringLiteral(" \u203a ") + plain(a->menu()->title()), rows, seen);
      continue;
    }
    if (a->isSeparator() || seen->contains(a)) continue;
    seen->push_back(a);
    if (!a->shortcuts().isEmpty()) rows->push_back({section, keysOf(a->shortcuts()), plain(a->text())});
  }
}

}  // namespace

QVector<ShortcutRow> KeyboardSheet::collect(const QWidget* window, const Schema& schema) {
  QVector<ShortcutRow> rows;
  QList<const QAction*> seen;
  if (const auto* main = qobject_cast<const QMainWindow*>(window); main && main->menuWidget())
    if (const auto* bar = qobject_cast<const QMenuBar*>(main->menuWidget()))
      for (const QAction* top : bar->actions())
        if (top->menu()) addMenu(top->menu(), plain(top->menu()->title()), &rows, &seen);
  // Actions outside the menus (category shortcuts, a view's toggles) and plain shortcuts.
  const QString elsewhere = tr("Anywhere in the window");
  QList<QAction*> actions = window->findChildren<QAction*>();
  for (QAction* a : window->actions())
    if (!actions.contains(a)) actions.push_back(a);
  for (const QAction* a : std::as_const(actions)) {
    if (seen.contains(a) || a->shortcuts().isEmpty()) continue;
    seen.push_back(a);
    const QMenu* menu = menuOf(a);
    rows.push_back({menu ? plain(menu->title()) : elsewhere, keysOf(a->shortcuts()), plain(a->text())});
  }
  for (const QShortcut* s : window->findChildren<QShortcut*>())
    if (!s->key().isEmpty())
      rows.push_back(
          {elsewhere, keysOf(s->keys()), s->whatsThis().isEmpty() ? s->objectName() : s->whatsThis()});

  const QString view = tr("Document view");
  QVector<ViewCommand> listed;
  for (const ViewKey& k : AnnotationKeys::all()) {
    if (listed.contains(k.command)) continue;
    listed.push_back(k.command);
    rows.push_back({view, AnnotationKeys::keyNames(k.command).join(QStringLiteral(", ")),
                    AnnotationKeys::description(k.command)});
  }
  const QString labels = tr("Labels (with a selection: label it; on the current span: change its type)");
  for (const EntityType& t : schema.entityTypes)
    if (!t.hotkey.isEmpty() && reservedKeyProblem(t.hotkey).isEmpty())
      rows.push_back({labels, t.hotkey.toUpper(), t.name});
  return rows;
}

KeyboardSheet::KeyboardSheet(const QWidget* window, const Schema& schema, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("keyboardSheet"));
  setWindowTitle(tr("Keyboard Shortcuts"));
  m_filter = new QLineEdit(this);
  m_filter->setObjectName(QStringLiteral("keyboardSheetFilter"));
  m_filter->setPlaceholderText(tr("Type to filter"));
  m_filter->setClearButtonEnabled(true);
  auto* filterLabel = new QLabel(tr("&Filter:"), this);
  filterLabel->setBuddy(m_filter);
  m_tree = new QTreeWidget(this);
  m_tree->setObjectName(QStringLiteral("keyboardSheetTree"));
  m_tree->setColumnCount(2);
  m_tree->setHeaderLabels({tr("Keys"), tr("Action")});
  m_tree->setRootIsDecorated(false);
  m_tree->setAlternatingRowColors(true);
  m_tree->setSelectionMode(QAbstractItemView::NoSelection);
  m_tree->setFocusPolicy(Qt::NoFocus);
  m_tree->setWordWrap(true);
  QTreeWidgetItem* section = nullptr;
  for (const ShortcutRow& row : collect(window, schema)) {
    if (!section || section->text(0) != row.section) {
      section = new QTreeWidgetItem(m_tree, {row.section});
      section->setFirstColumnSpanned(true);
      QFont bold = section->font(0);
      bold.setBold(true);
      section->setFont(0, bold);
    }
    new QTreeWidgetItem(section, {row.keys, row.description});
  }
  m_tree->expandAll();
  m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_tree->header()->setStretchLastSection(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* filterRow = new QHBoxLayout;
  filterRow->addWidget(filterLabel);
  filterRow->addWidget(m_filter, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(filterRow);
  layout->addWidget(m_tree, 1);
  layout->addWidget(buttons);
  connect(m_filter, &QLineEdit::textChanged, this, &KeyboardSheet::applyFilter);
  resize(760, 640);
}

void KeyboardSheet::applyFilter(const QString& text) {
  for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
    QTreeWidgetItem* section = m_tree->topLevelItem(i);
    int shown = 0;
    for (int j = 0; j < section->childCount(); ++j) {
      QTreeWidgetItem* row = section->child(j);
      const bool match = text.isEmpty() || row->text(0).contains(text, Qt::CaseInsensitive) ||
                         row->text(1).contains(text, Qt::CaseInsensitive) ||
                         section->text(0).contains(text, Qt::CaseInsensitive);
      row->setHidden(!match);
      shown += match ? 1 : 0;
    }
    section->setHidden(shown == 0);
  }
}

QString KeyboardSheet::plainText() const {
  QStringList lines;
  for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* section = m_tree->topLevelItem(i);
    lines << section->text(0);
    for (int j = 0; j < section->childCount(); ++j)
      lines << section->child(j)->text(0) + QLatin1Char('\t') + section->child(j)->text(1);
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace quarry::ui
