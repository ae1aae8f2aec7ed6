#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "DocumentTextView.h"
#include "GuidelineText.h"

namespace quarry::ui {
namespace {
constexpr int kDocumentIdRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("MainWindow"));
  m_view = new DocumentTextView(this);
  setCentralWidget(m_view);

  m_documents = new QListWidget(this);
  m_documents->setObjectName(QStringLiteral("documentList"));
  auto* documentsDock = new QDockWidget(tr("Documents"), this);
  documentsDock->setObjectName(QStringLiteral("documentsDock"));
  documentsDock->setWidget(m_documents);
  addDockWidget(Qt::LeftDockWidgetArea, documentsDock);

  m_palette = new QListWidget(this);
  m_palette->setObjectName(QStringLiteral("labelPalette"));
  auto* paletteDock = new QDockWidget(tr("Labels"), this);
  paletteDock->setObjectName(QStringLiteral("paletteDock"));
  paletteDock->setWidget(m_palette);
  addDockWidget(Qt::RightDockWidgetArea, paletteDock);

  m_counts = new QLabel(this);
  statusBar()->addPermanentWidget(m_counts);

  connect(m_documents, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
    if (item) showDocument(item->data(kDocumentIdRole).toLongLong());
  });
  buildActions();
  updateTitle({});

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
  if (!settings.contains(QStringLiteral("mainWindow/geometry"))) resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Project…"), this, &MainWindow::openProjectDialog);
  open->setShortcut(QKeySequence::Open);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::openProjectDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), {}, tr("Quarry projects (*.quarry)"));
  if (path.isEmpty()) return;
  if (Status s = openProject(path); !s)
    QMessageBox::warning(this, tr("Cannot open project"), QString::fromStdString(s.error().toString()));
}

Status MainWindow::openProject(const QString& path) {
  auto opened = ProjectStore::open(path);
  if (!opened) return opened.error();
  Result<Schema> schema = opened.value()->schema();
  if (!schema) return schema.error();
  m_store = std::move(opened.value());
  m_schema = schema.value();
  m_projectPath = path;
  QSettings().setValue(QStringLiteral("recentProject"), path);
  refreshPalette();
  refreshDocumentList();
  if (m_documents->count() > 0) m_documents->setCurrentRow(0);
  return {};
}

void MainWindow::refreshPalette() {
  m_palette->clear();
  for (const EntityType& t : m_schema.entityTypes) {
    auto* item = new QListWidgetItem(t.hotkey.isEmpty() ? t.name : QStringLiteral("%1  [%2]").arg(t.name, t.hotkey));
    if (QColor::isValidColorName(t.colour)) item->setBackground(QColor::fromString(t.colour).lighter(150));
    item->setToolTip(guidelineTooltip(t.name, t.guideline));
    m_palette->addItem(item);
  }
  for (const RelationType& t : m_schema.relationTypes) {
    auto* item = new QListWidgetItem(tr("%1 (relation)").arg(t.name));
    item->setToolTip(guidelineTooltip(t.name, t.guideline));
    m_palette->addItem(item);
  }
  for (const QaField& f : m_schema.qaFields) {
    auto* item = new QListWidgetItem(tr("%1 (question)").arg(f.questions.isEmpty() ? f.name : f.questions.front()));
    item->setToolTip(guidelineTooltip(f.name, f.guideline));
    m_palette->addItem(item);
  }
}

void MainWindow::refreshDocumentList() {
  m_documents->clear();
  Result<QVector<DocumentSummary>> list = m_store->listDocuments(DocumentListFilter{});
  if (!list) {
    statusBar()->showMessage(QString::fromStdString(list.error().toString()));
    return;
  }
  int annotations = 0;
  for (const DocumentSummary& d : list.value()) {
    auto* item = new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(d.name, splitName(d.split)));
    item->setData(kDocumentIdRole, d.id);
    item->setToolTip(tr("%n entities", nullptr, d.entities) + QStringLiteral(", ") +
                     tr("%n relations", nullptr, d.relations));
    m_documents->addItem(item);
    annotations += d.entities + d.relations + d.answers + d.labels;
  }
  m_counts->setText(tr("%n documents", nullptr, int(list->size())) + QStringLiteral(" · ") +
                    tr("%n annotations", nullptr, annotations));
}

void MainWindow::showDocument(qint64 id) {
  Result<StoredDocument> stored = m_store->loadDocument(id);
  if (!stored) {
    statusBar()->showMessage(QString::fromStdString(stored.error().toString()));
    return;
  }
  Result<Document> document = stored->document;
  if (!document) {
    statusBar()->showMessage(QString::fromStdString(document.error().toString()));
    return;
  }
  m_view->showDocument(document.value(), m_schema);
  updateTitle(document->name);
}

void MainWindow::updateTitle(const QString& documentName) {
  QString title = QStringLiteral("Quarry");
  if (!m_projectPath.isEmpty()) title = QFileInfo(m_projectPath).completeBaseName() + QStringLiteral(" — ") + title;
  if (!documentName.isEmpty()) title = documentName + QStringLiteral(" — ") + title;
  setWindowTitle(title);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
  event->accept();
}

}  // namespace quarry::ui
