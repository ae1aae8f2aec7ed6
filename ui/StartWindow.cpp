#include "StartWindow.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ProjectLauncher.h"
#include "RecentProjects.h"

namespace quarry::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kExistsRole = Qt::UserRole + 1;

}  // namespace

StartWindow::StartWindow(QSettings* settings, QWidget* parent) : QWidget(parent), m_settings(settings) {
  setWindowTitle(tr("Quarry"));
  auto* title = new QLabel(
      tr("<h2>Quarry</h2><p>Annotate domain text and train the models that extract it.</p>"), this);
  auto* recentLabel = new QLabel(tr("&Recent projects:"), this);
  m_recent = new QTreeWidget(this);
  m_recent->setColumnCount(3);
  m_recent->setHeaderLabels({tr("Name"), tr("Path"), tr("Last opened")});
  m_recent->setRootIsDecorated(false);
  m_recent->setAllColumnsShowFocus(true);
  m_recent->header()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_recent->installEventFilter(this);
  recentLabel->setBuddy(m_recent);

  m_new = new QPushButton(tr("&New project…"), this);
  m_open = new QPushButton(tr("&Open…"), this);
  m_demo = new QPushButton(tr("Open &demo"), this);
  m_remove = new QPushButton(tr("Re&move from list"), this);
  m_removeMissing = new QPushButton(tr("Remove &missing"), this);
  m_remove->setToolTip(tr("Forget the selected project (the file stays where it is)"));
  m_removeMissing->setToolTip(tr("Forget every project whose file is gone"));

  auto* side = new QVBoxLayout;
  for (QPushButton* b : {m_new, m_open, m_demo}) side->addWidget(b);
  side->addStretch(1);
  for (QPushButton* b : {m_remove, m_removeMissing}) side->addWidget(b);

  auto* body = new QHBoxLayout;
  auto* listColumn = new QVBoxLayout;
  listColumn->addWidget(recentLabel);
  listColumn->addWidget(m_recent, 1);
  body->addLayout(listColumn, 1);
  body->addLayout(side);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addLayout(body, 1);

  connect(m_recent, &QTreeWidget::itemActivated, this, [this] { openSelected(); });
  connect(m_recent, &QTreeWidget::currentItemChanged, this, [this] { updateButtons(); });
  connect(m_new, &QPushButton::clicked, this, &StartWindow::newProject);
  connect(m_open, &QPushButton::clicked, this, &StartWindow::openFile);
  connect(m_demo, &QPushButton::clicked, this, &StartWindow::openDemo);
  connect(m_remove, &QPushButton::clicked, this, &StartWindow::removeSelected);
  connect(m_removeMissing, &QPushButton::clicked, this, &StartWindow::removeMissing);
  resize(760, 420);
  refresh();
}

void StartWindow::refresh() {
  m_recent->clear();
  const QLocale locale;
  for (const RecentProject& p : RecentProjects(m_settings).list()) {
    const bool exists = p.exists();
    auto* item = new QTreeWidgetItem(m_recent, {p.name, QDir::toNativeSeparators(p.path),
                                                locale.toString(p.lastOpened, QLocale::ShortFormat)});
    item->setData(0, kPathRole, p.path);
    item->setData(0, kExistsRole, exists);
    if (!exists) {
      for (int c = 0; c < 3; ++c) item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
      item->setToolTip(0, tr("The file is gone: %1").arg(QDir::toNativeSeparators(p.path)));
      item->setToolTip(1, item->toolTip(0));
    }
  }
  m_recent->resizeColumnToContents(0);
  if (m_recent->topLevelItemCount() > 0) m_recent->setCurrentItem(m_recent->topLevelItem(0));
  updateButtons();
}

void StartWindow::updateButtons() {
  m_remove->setEnabled(m_recent->currentItem() != nullptr);
  bool anyMissing = false;
  for (int i = 0; i < m_recent->topLevelItemCount(); ++i)
    anyMissing = anyMissing || !m_recent->topLevelItem(i)->data(0, kExistsRole).toBool();
  m_removeMissing->setEnabled(anyMissing);
}

void StartWindow::openSelected() {
  QTreeWidgetItem* item = m_recent->currentItem();
  if (!item) return;
  const QString path = item->data(0, kPathRole).toString();
  if (!item->data(0, kExistsRole).toBool()) {
    QMessageBox::warning(this, tr("Quarry"),
                         tr("%1 is no longer there. Remove it from the list with Delete.")
                             .arg(QDir::toNativeSeparators(path)));
    return;
  }
  Q_EMIT projectChosen(path);
}

void StartWindow::removeSelected() {
  QTreeWidgetItem* item = m_recent->currentItem();
  if (!item) return;
  const int row = m_recent->indexOfTopLevelItem(item);
  RecentProjects(m_settings).remove(item->data(0, kPathRole).toString());
  refresh();
  if (m_recent->topLevelItemCount() > 0)
    m_recent->setCurrentItem(m_recent->topLevelItem(qMin(row, m_recent->topLevelItemCount() - 1)));
}

void StartWindow::removeMissing() {
  RecentProjects(m_settings).removeMissing();
  refresh();
}

void StartWindow::newProject() {
  const QString path = ProjectLauncher::newProject(this);
  if (!path.isEmpty()) Q_EMIT projectChosen(path);
}

void StartWindow::openFile() {
  const QString path = ProjectLauncher::chooseProjectFile(this);
  if (!path.isEmpty()) Q_EMIT projectChosen(path);
}

void StartWindow::openDemo() {
  Result<QString> demo = ProjectLauncher::demoProject();
  if (!demo) {
    QMessageBox::warning(
        this, tr("Quarry"),
        tr("Cannot open the demo project: %1").arg(QString::fromStdString(demo.error().toString())));
    return;
  }
  Q_EMIT projectChosen(demo.value());
}

bool StartWindow::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_recent && event->type() == QEvent::KeyPress) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
      openSelected();
      return true;
    }
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
      removeSelected();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace quarry::ui
