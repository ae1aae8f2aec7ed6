#pragma once
// File > Export: writes the project in any format quarry-cli writes (documents of one split or all;
// CoNLL tag scheme; indented JSON) or as a project archive (.zip). The export runs on a worker thread
// with its own read-only connection, its progress in the dialog's bar (Cancel stops it, leaving no
// half-written file); the dialog then says what was written where, or why not, naming the file.

#include <QDialog>

#include "BackgroundTask.h"
#include "project/ProjectExport.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace quarry::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ExportDialog(const QString& projectPath, QWidget* parent = nullptr);

  // Selects a format by name ("archive" = project archive) and suggests an output path for it.
  void setFormat(const QString& name);
  QString format() const;
  void setOutputPath(const QString& path);
  QString outputPath() const;
  ExportOptions exportOptions() const;
  // Whether the format writes a folder of files rather than one file.
  static bool writesFolder(const QString& format);

  bool exported() const { return m_exported; }
  const ExportSummary& summary() const { return m_summary; }

  QComboBox* formatBox() const { return m_format; }
  QLineEdit* pathEdit() const { return m_path; }
  QComboBox* splitBox() const { return m_split; }
  QComboBox* tagSchemeBox() const { return m_tagScheme; }
  QCheckBox* prettyBox() const { return m_pretty; }
  QPushButton* exportButton() const { return m_export; }
  QPushButton* closeButton() const { return m_close; }
  QProgressBar* progressBar() const { return m_progress; }
  QLabel* statusLabel() const { return m_status; }

 public Q_SLOTS:
  // Writes the export (asks before replacing an existing file); the outcome shows in statusLabel().
  void startExport();
  // While exporting: cancels the export instead of closing.
  void reject() override;

 private:
  void updateOptionStates();
  void chooseOutput();

  QString m_projectPath;
  ExportSummary m_summary;
  bool m_exported = false;
  bool m_running = false;
  bool m_cancelRequested = false;
  QComboBox* m_format = nullptr;
  QLineEdit* m_path = nullptr;
  QComboBox* m_split = nullptr;
  QComboBox* m_tagScheme = nullptr;
  QCheckBox* m_pretty = nullptr;
  QWidget* m_options = nullptr;
  QLabel* m_status = nullptr;
  QProgressBar* m_progress = nullptr;
  QPushButton* m_export = nullptr;
  QPushButton* m_close = nullptr;
};

}  // namespace quarry::ui
