#include "RecentProjectsMenu.h"

#include <QDir>

#include "RecentProjects.h"

namespace quarry::ui {

RecentProjectsMenu::RecentProjectsMenu(QWidget* parent, QSettings* settings)
    : QMenu(tr("Open &Recent"), parent), m_settings(settings) {
  setObjectName(QStringLiteral("recentProjectsMenu"));
  connect(this, &QMenu::aboutToShow, this, &RecentProjectsMenu::rebuild);
  rebuild();
}

void RecentProjectsMenu::rebuild() {
  clear();
  const QVector<RecentProject> projects = RecentProjects(m_settings).list();
  for (int i = 0; i < projects.size(); ++i) {
    const RecentProject& p = projects[i];
    // "&1 name — path"; "&&" keeps an ampersand in a name from becoming a mnemonic.
    QString name = p.name;
    name.replace(QLatin1Char('&'), QStringLiteral("&&"));
    const QString number =
        i < 9 ? QStringLiteral("&%1 ").arg(i + 1) : (i == 9 ? QStringLiteral("1&0 ") : QString());
    QAction* action = addAction(number + tr("%1 — %2").arg(name, QDir::toNativeSeparators(p.path)));
    action->setData(p.path);
    if (!p.exists()) {
      action->setEnabled(false);
      action->setText(action->text() + QLatin1Char(' ') + tr("(missing)"));
    }
    connect(action, &QAction::triggered, this, [this, path = p.path] { Q_EMIT projectChosen(path); });
  }
  if (projects.isEmpty()) addAction(tr("No recent projects"))->setEnabled(false);
  addSeparator();
  QAction* clearList = addAction(tr("&Clear Menu"), this, [this] {
    RecentProjects recent(m_settings);
    for (const RecentProject& p : recent.list()) recent.remove(p.path);
    rebuild();
  });
  clearList->setEnabled(!projects.isEmpty());
}

}  // namespace quarry::ui
