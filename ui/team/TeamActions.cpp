#include "team/TeamActions.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

#include "DocumentSession.h"
#include "MainWindow.h"
#include "annotation/AnnotationView.h"
#include "store/ProjectStore.h"
#include "team/AdjudicationDialog.h"
#include "team/AgreementDialog.h"

namespace quarry::ui {

TeamActions::TeamActions(MainWindow* window) : QObject(window), m_window(window) {
  m_menu = new QMenu(tr("&Team"), window);
  m_agreement = m_menu->addAction(tr("&Agreement…"), this, [this] { showAgreement(); });
  m_agreement->setObjectName(QStringLiteral("teamAgreement"));
  m_agreement->setStatusTip(tr("How far the annotators agree: per pair of annotators, per type and per document"));
  m_adjudicate = m_menu->addAction(tr("A&djudicate This Document…"), this, [this] { adjudicate(); });
  m_adjudicate->setObjectName(QStringLiteral("teamAdjudicate"));
  m_adjudicate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
  m_adjudicate->setStatusTip(tr("Walk the places where the annotators of this document disagree and choose a "
                                "version for the gold layer"));
  m_menu->addSeparator();
  m_teammates = m_menu->addAction(tr("Show &Teammates' Layers"));
  m_teammates->setObjectName(QStringLiteral("teamShowLayers"));
  m_teammates->setCheckable(true);
  m_teammates->setStatusTip(tr("On a project with separate layers: show every annotator's annotations of a "
                               "document released for adjudication, not only yours"));
  connect(m_teammates, &QAction::toggled, this, [this] { update(); });
  update();
}

TeamActions::LayerRules TeamActions::layerRules(qint64 documentId) {
  LayerRules rules;
  ProjectStore* store = m_window->store();
  if (!store) return rules;
  Result<ProjectInfo> info = store->info();
  rules.separate = info && info->separateLayers;
  if (!rules.separate || documentId <= 0) return rules;
  const QString me = m_window->annotator();
  if (Result<QVector<TeamMember>> members = store->teamMembers(); members)
    for (const TeamMember& m : members.value())
      if (m.name == me && (m.role == TeamRole::Adjudicator || m.role == TeamRole::Manager)) {
        rules.mayShowTeammates = true;
        return rules;
      }
  if (Result<QHash<qint64, QString>> adjudicated = store->adjudicatedDocuments();
      adjudicated && adjudicated->contains(documentId)) {
    rules.mayShowTeammates = true;
    return rules;
  }
  // Released for adjudication: everyone it was given to has finished it.
  Result<QVector<Assignment>> assigned = store->assignments();
  if (!assigned) return rules;
  int assignees = 0;
  for (const Assignment& a : assigned.value()) {
    if (a.documentId != documentId) continue;
    if (!a.done.isValid()) return rules;
    ++assignees;
  }
  rules.mayShowTeammates = assignees > 0;
  return rules;
}

void TeamActions::update() {
  ProjectStore* store = m_window->store();
  const qint64 current = m_window->currentDocument();
  m_agreement->setEnabled(store != nullptr);
  m_adjudicate->setEnabled(store != nullptr && current > 0 && !m_window->readOnlyMode());
  const LayerRules rules = layerRules(current);
  m_teammates->setEnabled(rules.separate && rules.mayShowTeammates);
  m_teammates->setToolTip(rules.separate && !rules.mayShowTeammates
                              ? tr("Teammates' layers show once every annotator of the document has finished it")
                              : QString());
  if (m_window->session()) m_window->session()->setOwnLayerOnly(rules.ownLayerOnly(m_teammates->isChecked()));
}

AdjudicationDialog* TeamActions::adjudicationDialog() const { return m_adjudication; }
AgreementDialog* TeamActions::agreementDialog() const { return m_agreementDialog; }

AgreementDialog* TeamActions::showAgreement() {
  if (!m_window->store()) return nullptr;
  if (m_agreementDialog && m_agreementProject != m_window->projectPath()) delete m_agreementDialog.data();
  if (!m_agreementDialog) {
    m_agreementProject = m_window->projectPath();
    m_agreementDialog = new AgreementDialog(m_agreementProject, m_window);
    m_agreementDialog->setAttribute(Qt::WA_DeleteOnClose);
    // A document to discuss: shown in the window.
    connect(m_agreementDialog, &AgreementDialog::documentActivated, this, [this](const QString& name) {
      ProjectStore* store = m_window->store();
      if (!store) return;
      Result<QVector<DocumentSummary>> documents = store->listDocuments();
      if (!documents) return;
      for (const DocumentSummary& d : documents.value())
        if (d.name == name) {
          m_window->showDocument(d.id);
          m_window->raise();
          m_window->activateWindow();
          return;
        }
    });
  }
  m_agreementDialog->show();
  m_agreementDialog->raise();
  m_agreementDialog->activateWindow();
  return m_agreementDialog;
}

AdjudicationDialog* TeamActions::adjudicate() {
  ProjectStore* store = m_window->store();
  const qint64 document = m_window->currentDocument();
  if (!store || document <= 0) {
    m_window->statusBar()->showMessage(tr("Open a document to adjudicate."), 8000);
    return nullptr;
  }
  if (m_adjudication &&
      (m_adjudication->documentId() != document || m_adjudication->adjudicator() != m_window->annotator()))
    delete m_adjudication.data();
  if (!m_adjudication) {
    m_adjudication = new AdjudicationDialog(store, m_window->annotator(), document, m_window);
    m_adjudication->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_adjudication, &AdjudicationDialog::editRequested, this, &TeamActions::showWindowForEditing);
    connect(m_adjudication, &AdjudicationDialog::goldLayerChanged, this, [this](qint64 documentId) {
      if (m_window->currentDocument() == documentId) m_window->refresh();
    });
    m_adjudication->reload();
  }
  m_adjudication->show();
  m_adjudication->raise();
  m_adjudication->activateWindow();
  return m_adjudication;
}

void TeamActions::showWindowForEditing(qint64 documentId, int start, int end) {
  if (m_window->currentDocument() != documentId && !m_window->showDocument(documentId)) return;
  if (start >= 0) m_window->annotationView()->setSelection(start, end);
  m_window->raise();
  m_window->activateWindow();
  m_window->annotationView()->setFocus();
  m_window->statusBar()->showMessage(
      start >= 0 ? tr("Edit %1's gold layer here; back in the adjudication view it shows.").arg(m_window->annotator())
                 : tr("Set the document's categories for %1's gold layer here.").arg(m_window->annotator()),
      8000);
}

}  // namespace quarry::ui
