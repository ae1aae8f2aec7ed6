#pragma once
// The schema and guideline editor: tabs Entities / Relations / QA fields / Categories over a copy
// of the project's schema; OK writes it with ProjectStore::setSchema (which raises the guideline
// version when guideline text changed), Cancel drops every edit.

#include <QDialog>

#include "SchemaEdits.h"
#include "store/ProjectStore.h"

class QLabel;
class QTabWidget;

namespace quarry::ui {

class SchemaTypePage;

class SchemaEditorDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SchemaEditorDialog(ProjectStore& store, QWidget* parent = nullptr);

  const Schema& schema() const { return m_schema; }
  // Whether OK wrote a changed schema to the store.
  bool saved() const { return m_saved; }
  SchemaTypePage* page(SchemaKind kind) const;
  QTabWidget* tabs() const { return m_tabs; }
  QLabel* statusLabel() const { return m_status; }

 public Q_SLOTS:
  void accept() override;

 private:
  void updateStatus();

  ProjectStore& m_store;
  Schema m_original;
  Schema m_schema;
  bool m_saved = false;
  QTabWidget* m_tabs = nullptr;
  QLabel* m_status = nullptr;
  QVector<SchemaTypePage*> m_pages;
};

}  // namespace quarry::ui
