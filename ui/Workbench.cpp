#include "Workbench.h"
#include "store/ProjectLocation.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>

#include "AnnotatorDialog.h"
#include "AnnotatorSettings.h"
#include "MainWindow.h"
#include "ProjectLauncher.h"
#include "StartWindow.h"
#include "common/Log.h"
#include "store/ProjectStore.h"

namespace quarry::ui {

Workbench::Workbench(bool readOnly, QObject* parent)
    : QObject(parent), m_main(std::make_unique<MainWindow>()), m_start(std::make_unique<StartWindow>()) {
  m_main->setReadOnlyMode(readOnly);
  connect(m_start.get(), &StartWindow::projectChosen, this, [this](const QString& path) { openProject(path); });
  connect(m_main.get(), &MainWindow::newProjectRequested, this, &Workbench::newProject);
  connect(m_main.get(), &MainWindow::importRequested, this, &Workbench::importDocuments);
  connect(m_main.get(), &MainWindow::schemaEditRequested, this, &Workbench::editSchema);
  connect(m_main.get(), &MainWindow::projectClosed, this, &Workbench::showStartWindow);
}

Workbench::~Workbench() = default;

void Workbench::start(const QString& path) {
  if (!(!path.isEmpty() && ProjectLocation::mayExist(path) && openProject(path))) showStartWindow();
  // At first start nobody has said who annotates: ask once the window is up (not blocking here).
  if (AnnotatorSettings::global().isEmpty())
    QTimer::singleShot(0, this, &Workbench::askAnnotatorAtFirstStart);
}

void Workbench::showStartWindow() {
  m_main->hide();
  m_start->refresh();
  m_start->show();
}

void Workbench::askAnnotatorAtFirstStart() {
  QWidget* parent = m_main->isVisible() ? static_cast<QWidget*>(m_main.get()) : m_start.get();
  auto* dialog = new AnnotatorDialog(m_main->projectPath(), parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowModality(Qt::WindowModal);
  // Cancelled, the login name stands, and is kept so the question is not asked again.
  connect(dialog, &QDialog::rejected, this, [] {
    if (AnnotatorSettings::global().isEmpty()) AnnotatorSettings::setGlobal(AnnotatorSettings::loginName());
  });
  connect(dialog, &QDialog::finished, m_main.get(), [this] { m_main->setAnnotator({}); });
  dialog->open();
}

bool Workbench::openProject(const QString& path) {
  if (Status s = m_main->openProject(path); !s) {
    log::get("ui")->error("cannot open {}: {}", path.toStdString(), s.error().toString());
    if (!m_main->openCancelled())
      QMessageBox::warning(m_start->isVisible() ? static_cast<QWidget*>(m_start.get()) : m_main.get(),
                           tr("Cannot Open Project"), QString::fromStdString(s.error().toString()));
    return false;
  }
  m_start->hide();
  m_main->show();
  m_main->raise();
  return true;
}

void Workbench::newProject() {
  const QString path = ProjectLauncher::newProject(m_main.get());
  if (!path.isEmpty()) openProject(path);
}

void Workbench::importDocuments() {
  ProjectStore* store = m_main->store();
  if (!store) return;
  if (store->isReadOnly()) {
    QMessageBox::information(m_main.get(), tr("Read-Only Project"), tr("The project is open read-only; nothing can be imported."));
    return;
  }
  if (ProjectLauncher::importInto(m_main.get(), *store)) m_main->reloadProject();
}

void Workbench::editSchema() {
  ProjectStore* store = m_main->store();
  if (!store) return;
  if (store->isReadOnly()) {
    QMessageBox::information(m_main.get(), tr("Read-Only Project"), tr("The project is open read-only; the schema cannot be changed."));
    return;
  }
  if (ProjectLauncher::editSchema(m_main.get(), *store)) m_main->reloadProject();
}

}  // namespace quarry::ui
