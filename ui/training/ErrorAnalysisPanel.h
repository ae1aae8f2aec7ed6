#pragma once
// The error view: where a trained model errs on the documents it was scored on (jobs/ErrorAnalysisJob.h,
// in the background). Per-type precision/recall/F1; the confusion matrix, "none" included, as a heat map
// whose cells filter the error list; the count of each kind of error as a bar chart; and every error with
// its document, gold and predicted side, confidence and context, filtered by kind and type. The current
// error shows gold and predicted side by side in its text; a click (or Enter) opens the document at it.
// Compared with a second run (Compare with), the list can show what the analysed run fixed and what it
// broke, and the per-type table both runs' F1. The report exports as HTML (charts included) and CSV.

#include <memory>

#include <QVector>
#include <QWidget>

#include "eval/ErrorAnalysis.h"
#include "jobs/ErrorAnalysisJob.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTextBrowser;

class QChartView;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class ConfusionHeatMap;

class ErrorAnalysisPanel : public QWidget {
  Q_OBJECT
 public:
  // What the error list can show.
  enum class ErrorSource { All, Fixed, Broken };

  explicit ErrorAnalysisPanel(QWidget* parent = nullptr);
  ~ErrorAnalysisPanel() override;

  // The project whose training runs are offered (null = none: the view empties).
  void setProject(const QString& path, ProjectStore* store);
  // Re-reads the training runs that have a checkpoint (after a run ends).
  void refreshRuns();
  // Analyses run `runId` in the background and, when compareWith > 0, that run too, to compare; false when
  // an analysis runs or there is no project.
  bool analyse(qint64 runId, qint64 compareWith = 0);
  // Analyses the newest training run that has a checkpoint; false when there is none (or one runs).
  bool analyseLatest();
  void cancel();
  bool isAnalysing() const;
  bool hasAnalysis() const { return m_main && m_main->analysis; }
  const jobs::ErrorAnalysisOutcome* outcome() const { return m_main.get(); }
  const jobs::ErrorAnalysisOutcome* comparedOutcome() const { return m_other.get(); }
  const eval::ErrorDifference& difference() const { return m_difference; }

  void setErrorSource(ErrorSource source);
  // Lists only the errors of matrix cell (gold, predicted) (indexes into the matrix labels); -1 = all.
  void filterByCell(int gold, int predicted);
  // The errors listed, in table order.
  int shownErrorCount() const { return int(m_shown.size()); }
  const eval::AnalysedError& shownError(int row) const { return m_shown[row].error; }
  // Opens the document of listed error `row` (errorActivated); false when there is none.
  bool activateError(int row);

  // The report as HTML / CSV (errors at `path`, the per-type table beside it as <name>-per-type.csv); an
  // empty path asks where. False (the reason shown) when it cannot be written.
  bool exportHtml(const QString& path = QString());
  bool exportCsv(const QString& path = QString());

  QComboBox* runBox() const { return m_runBox; }
  QComboBox* compareBox() const { return m_compareBox; }
  QPushButton* analyseButton() const { return m_analyse; }
  QComboBox* sourceBox() const { return m_source; }
  QComboBox* kindBox() const { return m_kind; }
  QComboBox* typeBox() const { return m_type; }
  QTableWidget* typeTable() const { return m_typeTable; }
  QTableWidget* errorTable() const { return m_errorTable; }
  ConfusionHeatMap* heatMap() const { return m_heatMap; }
  QTabWidget* tabs() const { return m_tabs; }
  QTextBrowser* goldView() const { return m_goldView; }
  QTextBrowser* predictedView() const { return m_predictedView; }
  QLabel* summaryLabel() const { return m_summary; }

  // As tall as the model panels it is docked with: the bottom dock area is sized by the tallest hint.
  QSize sizeHint() const override;

 Q_SIGNALS:
  // Open document `documentId` at code points [start, end) (end <= start: at its beginning).
  void errorActivated(qint64 documentId, int start, int end);
  void analysisFinished(const quarry::jobs::ErrorAnalysisOutcome& outcome);
  void message(const QString& text);

 private:
  struct ShownError {
    eval::AnalysedError error;
    qint64 documentId = 0;
  };

  void startJob(qint64 runId);
  void jobFinished(const jobs::ErrorAnalysisOutcome& outcome);
  void showAnalysis();
  void fillTypeTable();
  void fillKindChart();
  void fillFilters();
  void fillErrors();
  void showCurrentError();
  void updateButtons();
  QString matrixLabelOf(const std::string& type) const;
  QString reportTitle() const;

  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  std::unique_ptr<jobs::ErrorAnalysisJob> m_job;
  qint64 m_pendingCompare = 0;  // the run to analyse once the first analysis ends
  std::unique_ptr<jobs::ErrorAnalysisOutcome> m_main;
  std::unique_ptr<jobs::ErrorAnalysisOutcome> m_other;
  eval::ErrorDifference m_difference;
  QVector<ShownError> m_shown;
  QString m_cellGold, m_cellPredicted;  // the heat map cell filter; empty = none

  QComboBox* m_runBox = nullptr;
  QComboBox* m_compareBox = nullptr;
  QPushButton* m_analyse = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_exportHtml = nullptr;
  QPushButton* m_exportCsv = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_summary = nullptr;
  QTabWidget* m_tabs = nullptr;
  QTableWidget* m_typeTable = nullptr;
  ConfusionHeatMap* m_heatMap = nullptr;
  QChartView* m_kindChart = nullptr;
  QComboBox* m_source = nullptr;
  QComboBox* m_kind = nullptr;
  QComboBox* m_type = nullptr;
  QLabel* m_cellFilter = nullptr;
  QTableWidget* m_errorTable = nullptr;
  QTextBrowser* m_goldView = nullptr;
  QTextBrowser* m_predictedView = nullptr;
};

}  // namespace quarry::ui
