#pragma once
// Import into a project: choose files or a folder, the format (detected or chosen), the options the
// format needs (CoNLL: tag scheme and how sentences make documents) and the problem policy; Preview
// reads everything WITHOUT writing (documents with their annotation counts and the picked document's
// text as it will be stored and exported, totals per type, types new to the schema, every problem with
// file and line); Import is possible only once a preview found nothing that blocks it, and writes the
// previewed corpus in one transaction on a worker thread. Reading and writing show their progress in
// the dialog's bar (Cancel = nothing written); a finished import says what it added, then Close.

#include <QDialog>

#include "BackgroundTask.h"
#include "DocumentTextPreview.h"
#include "ImportPreview.h"
#include "store/ProjectStore.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
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
  // The import finished; the dialog now shows what it added until Close.
  bool finished() const { return m_finished; }

  QLineEdit* pathEdit() const { return m_path; }
  QComboBox* formatBox() const { return m_format; }
  QComboBox* tagSchemeBox() const { return m_tagScheme; }
  QComboBox* splitBox() const { return m_split; }
  QComboBox* groupingBox() const { return m_grouping; }
  QSpinBox* groupColumnBox() const { return m_groupColumn; }
  QProgressBar* progressBar() const { return m_progress; }
  QPushButton* closeButton() const { return m_close; }
  DocumentTextPreview* textPreview() const { return m_text; }
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
  // While reading or importing: cancels that (nothing is written) instead of closing.
  void reject() override;

 private:
  QWidget* buildOptions();
  QWidget* buildDocumentsTab();
  // Runs `work` on a worker thread, its progress in the dialog's bar, the inputs disabled meanwhile.
  bool runInBackground(const QString& label, const BackgroundTask::Work& work);
  void showDocumentText();
  void showFinished();
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
  bool m_running = false;
  bool m_cancelRequested = false;
  bool m_finished = false;

  QLineEdit* m_path = nullptr;
  QComboBox* m_format = nullptr;
  QLabel* m_detected = nullptr;
  QComboBox* m_tagScheme = nullptr;
  QComboBox* m_split = nullptr;
  QComboBox* m_grouping = nullptr;
  QSpinBox* m_groupColumn = nullptr;
  QLineEdit* m_textColumn = nullptr;
  QLineEdit* m_labelColumn = nullptr;
  QLineEdit* m_labelSeparator = nullptr;
  QCheckBox* m_allowNewTypes = nullptr;
  QRadioButton* m_reject = nullptr;
  QRadioButton* m_repair = nullptr;
  QPushButton* m_previewButton = nullptr;
  QPushButton* m_import = nullptr;
  QPushButton* m_close = nullptr;
  QWidget* m_options = nullptr;
  QLabel* m_status = nullptr;
  QProgressBar* m_progress = nullptr;
  DocumentTextPreview* m_text = nullptr;
  QTabWidget* m_tabs = nullptr;
  QTreeWidget* m_documents = nullptr;
  QTreeWidget* m_types = nullptr;
  QTreeWidget* m_problems = nullptr;
};

}  // namespace quarry::ui
