#pragma once
// The Data Quality dock: the three checks of core/quality on the open project, run in the background
// (jobs/QualityDocuments.h, jobs/DriftJob.h), their findings in one tree.
//   Split leakage    pairs of near-duplicate documents across splits, and sentences in several splits.
//   Inconsistent labels  each finding (a surface, argument pair or repeated text labelled more than one
//                    way) with its occurrences in context. On an occurrence: Enter opens the document at
//                    it; R relabels it with the finding's most frequent label (adding, changing or removing
//                    the annotation — a relation between the same two mentions — as that label says); Delete
//                    removes its annotation; I marks the whole
//                    finding as intended (kept in the project: later checks hide it). Each fix goes through
//                    the open document's undo stack, and the selection moves to the next occurrence that
//                    disagrees.
//   Drift            a training run's model on the project's unassigned documents against its train and dev
//                    splits: each feature's PSI, the verdict, and the documents to annotate next.

#include <functional>

#include <QString>
#include <QWidget>

#include "jobs/QualityDocuments.h"
#include "quality/DriftCheck.h"
#include "quality/LabelConsistency.h"
#include "quality/LeakageCheck.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

// An edit a consistency fix asks of the document: the annotation of `kind` at [start, end) labelled `from`
// becomes labelled `to` ("none": unannotated; for categories a label set joined by " + "; for relations
// "T" from [start, end) to [tailStart, tailEnd), "T (reversed)" the other way).
struct QualityFix {
  qint64 documentId = 0;
  int start = 0;
  int end = 0;
  QString kind;  // "entity", "relation" or "category"
  QString from;
  QString to;
  int tailStart = -1;  // relations: the second argument
  int tailEnd = -1;
};

class QualityPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Check { Leakage = 0, Consistency = 1, Drift = 2 };

  explicit QualityPanel(QWidget* parent = nullptr);

  // The project (null store = none: the panel empties). `store` is the window's; checks read through
  // connections of their own.
  void setProject(const QString& path, ProjectStore* store);
  // Re-reads the training runs that have a checkpoint (the models drift is checked for).
  void refreshRuns();
  // Applies a fix to the document; returns why it could not, empty when done (MainWindow's session).
  void setFixer(std::function<QString(const QualityFix&)> fixer) { m_fixer = std::move(fixer); }
  // Who marks findings as intended (the window's annotator).
  void setAnnotatorSource(std::function<QString()> annotator) { m_annotator = std::move(annotator); }

  // Runs `check` in the background while events flow; false when there is no project, it was cancelled or
  // it failed (summaryLabel() says why).
  bool runCheck(Check check);
  // Checks drift for run `runId`'s model.
  bool checkDrift(qint64 runId);
  bool isRunning() const { return m_running; }
  // After a leakage check: moves documents so that every group of near duplicates lies in one split, in
  // `shares` ("train=0.8,dev=0.1,test=0.1" or "current"), seeded; one transaction, then checks again.
  // Re-split… asks for the shares and confirms the proposal first. False (and why) when it cannot.
  bool resplit(const QString& shares, quint64 seed = 1);

  // The consistency keys, on the current occurrence: false (and a message) when they do not apply.
  bool activateCurrent();
  bool relabelCurrent();
  bool removeCurrent();
  bool markCurrentIntended();

  const quality::LeakageReport& leakage() const { return m_leakage; }
  const quality::ConsistencyReport& consistency() const { return m_consistency; }
  const quality::DriftReport& drift() const { return m_drift; }

  QComboBox* checkBox() const { return m_check; }
  QComboBox* runBox() const { return m_runBox; }
  QPushButton* runButton() const { return m_run; }
  QPushButton* resplitButton() const { return m_resplit; }
  QTreeWidget* tree() const { return m_tree; }
  QLabel* summaryLabel() const { return m_summary; }

  QSize sizeHint() const override;

 Q_SIGNALS:
  // Open document `documentId` at code points [start, end) (end <= start: at its beginning).
  void documentActivated(qint64 documentId, int start, int end);
  void message(const QString& text);
  // Documents moved between splits (a re-split): the document list should re-read them.
  void splitsChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Occurrence {
    int finding = -1;  // index into the shown findings
    int occurrence = -1;
  };
  void showLeakage();
  void showConsistency();
  void showDrift();
  void updateControls();
  void fitColumns();
  void askResplit();  // the first columns as wide as their text, within limits
  // The finding and occurrence of the current tree item; finding -1 when it is no consistency occurrence.
  Occurrence currentOccurrence() const;
  const quality::ConsistencyFinding* findingAt(int index) const;
  QString documentName(int document) const;
  void markFixed(QTreeWidgetItem* item, const QString& note);
  void selectNextDisagreeing(QTreeWidgetItem* from);
  // R (the finding's most frequent label) or Delete ("none") on the current occurrence.
  bool fixCurrent(bool remove);

  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  std::function<QString(const QualityFix&)> m_fixer;
  std::function<QString()> m_annotator;
  bool m_running = false;
  bool m_cancelRequested = false;

  jobs::QualityDocuments m_docs;     // what leakage and consistency read
  jobs::DocumentSet m_incoming;      // what drift read as incoming
  quality::LeakageReport m_leakage;
  quality::ConsistencyReport m_consistency;
  std::vector<quality::ConsistencyFinding> m_findings;  // shown: entities, relations, categories
  quality::DriftReport m_drift;

  QComboBox* m_check = nullptr;
  QComboBox* m_runBox = nullptr;
  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_resplit = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_summary = nullptr;
  QTreeWidget* m_tree = nullptr;
};

}  // namespace quarry::ui
