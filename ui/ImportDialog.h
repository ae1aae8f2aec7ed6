#pragma once
// Import into a project: choose files or a folder, the format (detected or chosen), the options the
// format needs and the problem policy; Preview reads everything WITHOUT writing (documents with their
// annotation counts, totals per type, types new to the schema, every problem with file and line);
// Import is possible only once a preview found nothing that blocks it, and writes the previewed
// corpus in one transaction on a worker thread (progress, Cancel = nothing written).

#include <QDialog>

#include "ImportPreview.h"
#include "store/ProjectStore.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTreeWidget;

namespace quarry::ui {

class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  // The store is only read here (schema, path); importing opens its own connection on the file.
  explicit ImportDialog(ProjectStore& store, QWidget* parent = nullptr);

  void setInputPaths(const QStringList& paths);
  QStringList inputPaths() const;
  // Selects a format by name ("" = detect, "archive" = project archive).
  void setFormat(const QString& name);
  ImportOptions importOptions() const;

  // Reads the inputs and shows what an import would do; returns false when the user cancelled.
  bool preview();
  bool previewed() const { return m_previewed; }
  const ImportPreview& lastPreview() const { return m_preview; }
  // Set after a successful import.
  const ImportSummary& summary() const { return m_summary; }

  QLineEdit* pathEdit() const { return m_path; }
  QComboBox* formatBox() const { return m_format; }
  QComboBox* tagSchemeBox() const { return m_tagScheme; }
  QComboBox* splitBox() const { return m_split; }
  QRadioButton* rejectButton() const { return m_reject; }
  QRadioButton* repairButton() const { return m_repair; }
  QPushButton* previewButton() const { return m_previewButton; }
  QPushButton* importButton() const { return m_import; }
  QTreeWidget* documentsView() const { return m_documents; }
  QTreeWidget* typesView() const { return m_types; }
  QTreeWidget* problemsView() const { return m_problems; }
  QLabel* statusLabel() const { return m_status; }

 public Q_SLOTS:
  void accept() override;

 private:
  QWidget* buildOptions();
  void chooseFiles();
  void chooseFolder();
  void invalidate();
  void updateOptionStates();
  void showPreview();

  ProjectStore& m_store;
  Schema m_schema;
  ImportPreview m_preview;
  ImportSummary m_summary;
  bool m_previewed = false;

  QLineEdit* m_path = nullptr;
  QComboBox* m_format = nullptr;
  QLabel* m_detected = nullptr;
  QComboBox* m_tagScheme = nullptr;
  QComboBox* m_split = nullptr;
  QLineEdit* m_textColumn = nullptr;
  QLineEdit* m_labelColumn = nullptr;
  QLineEdit* m_labelSeparator = nullptr;
  QCheckBox* m_allowNewTypes = nullptr;
  QRadioButton* m_reject = nullptr;
  QRadioButton* m_repair = nullptr;
  QPushButton* m_previewButton = nullptr;
  QPushButton* m_import = nullptr;
  QLabel* m_status = nullptr;
  QTabWidget* m_tabs = nullptr;
  QTreeWidget* m_documents = nullptr;
  QTreeWidget* m_types = nullptr;
  QTreeWidget* m_problems = nullptr;
};

}  // namespace quarry::ui
