#pragma once
// The Team menu of the main window, and what a team's project changes in it:
//   - Agreement… (AgreementDialog): how far the annotators agree, per pair and type;
//   - Adjudicate This Document… (AdjudicationDialog) for the window's annotator as adjudicator; its E key
//     shows the window's text selected in the main view, where the gold layer is edited by hand;
//   - on a project with separate layers, each annotator sees only their own layer of a document until it
//     is released for adjudication (every annotator assigned to it has marked it done) or adjudicated;
//     "Show Teammates' Layers" then shows everyone's. Adjudicators and managers may always show them.

#include <QAction>
#include <QObject>
#include <QPointer>
#include <QString>

class QMenu;

namespace quarry::ui {

class AdjudicationDialog;
class AgreementDialog;
class MainWindow;

class TeamActions : public QObject {
  Q_OBJECT
 public:
  explicit TeamActions(MainWindow* window);

  QMenu* menu() const { return m_menu; }
  QAction* agreementAction() const { return m_agreement; }
  QAction* adjudicateAction() const { return m_adjudicate; }
  QAction* teammatesLayersAction() const { return m_teammates; }

  // Whether the window shows only its annotator's own layer of `documentId` (see above).
  bool ownLayerOnly(qint64 documentId) { return layerRules(documentId).ownLayerOnly(m_teammates->isChecked()); }

  // Opens (or raises) the dialogs; null without a project or document.
  AgreementDialog* showAgreement();
  AdjudicationDialog* adjudicate();
  AdjudicationDialog* adjudicationDialog() const;
  AgreementDialog* agreementDialog() const;

  // The window opened or closed a project, or shows another document or annotator: the actions follow.
  void update();

 private:
  // What a document of the open project allows: separate layers, and teammates' layers shown to the
  // window's annotator (their role, or the document released or adjudicated). Read from the store once.
  struct LayerRules {
    bool separate = false;
    bool mayShowTeammates = false;
    bool ownLayerOnly(bool teammatesWanted) const { return separate && !(teammatesWanted && mayShowTeammates); }
  };
  LayerRules layerRules(qint64 documentId);
  void showWindowForEditing(qint64 documentId, int start, int end);

  MainWindow* m_window;
  QMenu* m_menu;
  QAction* m_agreement;
  QAction* m_adjudicate;
  QAction* m_teammates;
  QPointer<AdjudicationDialog> m_adjudication;
  QPointer<AgreementDialog> m_agreementDialog;
  QString m_agreementProject;  // the project it measures
};

}  // namespace quarry::ui
