#pragma once
// The adjudication view of one document (jobs/Adjudication.h): it walks only the windows where the
// annotators' layers differ (a sentence, or the whole document: labels, questions answered "none"), shows
// the window's text and each annotator's version side by side — items not in every version stand out —
// and takes a version into the gold layer (the adjudicator's own layer) with one key: 1…9 for the
// first…ninth annotator. E hands the window to the main view, where the adjudicator edits the gold layer
// by hand; N and P (or the list) move between windows; Ctrl+Return finishes the document, which then
// trains as adjudicated. Items everyone agrees on merge into the gold layer by themselves when the view
// opens and whenever it re-reads.

#include <QDialog>
#include <QStringList>
#include <QVector>

#include "jobs/Adjudication.h"

class QCheckBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace quarry::ui {

class AdjudicationDialog : public QDialog {
  Q_OBJECT
 public:
  // `store` (the window's) must outlive the dialog; `adjudicator` is whose layer becomes the gold layer.
  // Nothing is read until reload() (connect to goldLayerChanged first: the first reload merges).
  AdjudicationDialog(ProjectStore* store, QString adjudicator, qint64 documentId, QWidget* parent = nullptr);

  qint64 documentId() const { return m_documentId; }
  const QString& adjudicator() const { return m_adjudicator; }
  // Merges the agreed items and reads the windows again, keeping the current one where it still exists.
  bool reload();
  const jobs::DocumentAdjudication& state() const { return m_state; }
  // The windows listed (disagreements, and agreed ones too when showAgreed()), as indexes into
  // state().windows, and the current one (-1: none).
  const QVector<int>& listedWindows() const { return m_listed; }
  int currentWindow() const;
  void setCurrentWindow(int listedIndex);
  bool showAgreed() const;
  void setShowAgreed(bool on);
  // The last outcome or error shown under the versions.
  QString message() const;

  // Takes the `column`-th annotator's version (0-based, state().annotators order) of the current window into
  // the gold layer, then moves to the next undecided window. False (and message()) when refused.
  bool acceptVersion(int column);
  // Finishes the document; refused while a disagreement is undecided.
  bool finishDocument();
  void nextWindow();
  void previousWindow();
  // Asks the main view to show the current window for editing by hand (editRequested).
  void editWindow();

 Q_SIGNALS:
  // Show [start, end) code points of the document in the main view for editing (start -1: the whole
  // document).
  void editRequested(qint64 documentId, int start, int end);
  // The gold layer of the document changed (a version taken, agreed items merged, the document finished).
  void goldLayerChanged(qint64 documentId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  // reload() without the merge and the text (after a version taken: neither changed) when !mergeAndText.
  bool read(bool mergeAndText);
  Result<QString> documentText();
  void showWindow();
  void showMessage(const QString& text, bool error);
  void fillList();
  void updateSummary();  // the line above the list: annotators, windows, decisions

  ProjectStore* m_store;
  QString m_adjudicator;
  qint64 m_documentId;
  QString m_text;  // the document's text
  jobs::DocumentAdjudication m_state;
  QVector<int> m_listed;
  bool m_reloading = false;
  bool m_editing = false;  // the window was handed to the main view: re-read when the dialog is back

  QLabel* m_summary;
  QLabel* m_roleWarning;
  QListWidget* m_windows;
  QPlainTextEdit* m_windowText;
  QHBoxLayout* m_versionsRow;
  QVector<QGroupBox*> m_versionBoxes;
  QVector<QListWidget*> m_versionLists;
  QVector<QPushButton*> m_acceptButtons;
  QLabel* m_message;
  QCheckBox* m_showAgreed;
  QPushButton* m_finish;
};

}  // namespace quarry::ui
