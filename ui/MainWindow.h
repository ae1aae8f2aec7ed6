#pragma once
// The workbench's main window: document list, the document view, the label palette, status counts.

#include <memory>

#include <QMainWindow>

#include "corpus/Schema.h"
#include "store/ProjectStore.h"

class QListWidget;
class QLabel;

namespace quarry::ui {

class DocumentTextView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;
  // Opens a project file; on failure shows nothing new and returns the error.
  Status openProject(const QString& path);
  QString projectPath() const { return m_projectPath; }
  QListWidget* documentList() const { return m_documents; }
  DocumentTextView* documentView() const { return m_view; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildActions();
  void refreshDocumentList();
  void refreshPalette();
  void showDocument(qint64 id);
  void updateTitle(const QString& documentName);
  void openProjectDialog();

  std::unique_ptr<ProjectStore> m_store;
  QString m_projectPath;
  Schema m_schema;
  QListWidget* m_documents = nullptr;
  QListWidget* m_palette = nullptr;
  DocumentTextView* m_view = nullptr;
  QLabel* m_counts = nullptr;
};

}  // namespace quarry::ui
