#pragma once
// Inter-annotator agreement of a project (jobs/AnnotatorAgreement, as `quarry-cli agreement` prints it):
// which annotators and which split to compare, then a table of the pairs (documents compared, span F1
// exact and overlapping, token κ, relation F1, QA F1, label κ), Fleiss' κ when three or more annotators
// labelled the same documents, the heat map of agreement per type and pair, and the documents of the
// chosen pair least agreement first, so that a manager sees what to discuss. Measuring reads the project
// through its own read-only connection on a worker thread; the dialog stays live meanwhile (it is meant to
// be shown non-modal beside the main window) and can be closed at any time.

#include <memory>

#include <QDialog>
#include <QString>
#include <QStringList>

#include "corpus/Document.h"
#include "eval/Agreement.h"

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTableWidget;
class QThread;
class QVBoxLayout;

namespace quarry::ui {

class AgreementHeatMap;

class AgreementDialog : public QDialog {
  Q_OBJECT
 public:
  // `projectPath`: a project file or a postgresql:// URL. Measuring starts at once, for everyone who
  // annotated and every split.
  explicit AgreementDialog(const QString& projectPath, QWidget* parent = nullptr);
  ~AgreementDialog() override;

  // Measures again with the chosen annotators and split (after teammates' edits, say). Asked while a
  // measurement runs, it measures once more when that one ends.
  void refresh();
  bool isMeasuring() const { return m_thread != nullptr; }
  // The pair shown in the document table (index into the report's pairs), -1 when none.
  int selectedPair() const { return m_selectedPair; }
  void selectPair(int pair);
  // The pair table as tab-separated text, a header line first (what "Copy as TSV" copies).
  QString pairTableTsv() const;
  const eval::AgreementReport& report() const { return m_report; }

  QListWidget* annotatorList() const { return m_annotators; }
  QComboBox* splitBox() const { return m_split; }
  QComboBox* spansByBox() const { return m_spansBy; }
  QPushButton* refreshButton() const { return m_refresh; }
  QPushButton* copyButton() const { return m_copy; }
  QLabel* messageLabel() const { return m_message; }
  QLabel* fleissLabel() const { return m_fleiss; }
  QTableWidget* pairTable() const { return m_pairTable; }
  QTableWidget* documentTable() const { return m_documentTable; }
  AgreementHeatMap* heatMap() const { return m_heatMap; }

 Q_SIGNALS:
  // A measurement ended, with figures to show (`ok`) or with a message saying why not.
  void measured(bool ok);
  // A document of the document table was double-clicked or Enter pressed on it: its name.
  void documentActivated(const QString& documentName);

 private:
  struct Measurement;

  void buildLayout();
  void showMeasurement(const Measurement& m);
  void showMessage(const QString& text, bool error);
  void fillAnnotators(const QStringList& all);
  void fillPairTable();
  void fillDocumentTable();
  void fillFleiss();
  void spansByChanged();
  void copyTsv();
  // On the worker thread: touches no widget.
  static void measure(Measurement& m, const QString& path, const QVector<Split>& splits,
                      const QStringList& leftOut);

  QString m_projectPath;
  eval::AgreementReport m_report;
  QStringList m_knownAnnotators;  // in the list, as the project named them last
  QStringList m_unchecked;        // left out by the user: stays left out across refreshes
  int m_selectedPair = -1;
  QThread* m_thread = nullptr;
  bool m_refreshPending = false;

  QListWidget* m_annotators = nullptr;
  QComboBox* m_split = nullptr;
  QComboBox* m_spansBy = nullptr;
  QPushButton* m_refresh = nullptr;
  QPushButton* m_copy = nullptr;
  QProgressBar* m_busy = nullptr;
  QLabel* m_message = nullptr;
  QWidget* m_results = nullptr;  // a vertical QSplitter: the pairs above the heat map and the documents
  QVBoxLayout* m_layout = nullptr;
  QTableWidget* m_pairTable = nullptr;
  QLabel* m_fleiss = nullptr;
  AgreementHeatMap* m_heatMap = nullptr;
  QScrollArea* m_heatMapScroll = nullptr;
  QSplitter* m_lower = nullptr;  // the heat map beside the documents
  bool m_splitSized = false;     // the heat map's share was set once, when results first showed
  QLabel* m_documentsTitle = nullptr;
  QTableWidget* m_documentTable = nullptr;
};

}  // namespace quarry::ui
