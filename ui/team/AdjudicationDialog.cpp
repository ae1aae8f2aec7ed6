#include "team/AdjudicationDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFont>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include "corpus/TextOffsets.h"
#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

constexpr int kMaxKeyedVersions = 9;

QString windowLabel(const jobs::AdjudicationWindow& w) {
  const QString where = w.start < 0 ? AdjudicationDialog::tr("Whole document")
                                    : AdjudicationDialog::tr("Characters %1–%2").arg(w.start).arg(w.end);
  if (w.agreed) return AdjudicationDialog::tr("%1 · agreed").arg(where);
  if (w.decided) return AdjudicationDialog::tr("%1 · took %2's").arg(where, w.decidedFor);
  return AdjudicationDialog::tr("%1 · undecided").arg(where);
}

// The list's line for a window: where, and its state (undecided in bold).
void labelItem(QListWidgetItem* item, const jobs::AdjudicationWindow& w) {
  item->setText(windowLabel(w));
  QFont font = item->font();
  font.setBold(!w.agreed && !w.decided);
  item->setFont(font);
}

}  // namespace

AdjudicationDialog::AdjudicationDialog(ProjectStore* store, QString adjudicator, qint64 documentId, QWidget* parent)
    : QDialog(parent), m_store(store), m_adjudicator(std::move(adjudicator)), m_documentId(documentId) {
  setWindowTitle(tr("Adjudicate"));
  setObjectName(QStringLiteral("adjudicationDialog"));
  auto* layout = new QVBoxLayout(this);
  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("adjudicationSummary"));
  m_summary->setWordWrap(true);
  layout->addWidget(m_summary);
  m_roleWarning = new QLabel(this);
  m_roleWarning->setWordWrap(true);
  m_roleWarning->setStyleSheet(QStringLiteral("color: #a15c00"));
  m_roleWarning->hide();
  layout->addWidget(m_roleWarning);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  m_windows = new QListWidget(splitter);
  m_windows->setObjectName(QStringLiteral("adjudicationWindows"));
  m_windows->setAccessibleName(tr("Windows to adjudicate"));
  m_windows->setMinimumWidth(200);
  auto* right = new QWidget(splitter);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  m_windowText = new QPlainTextEdit(right);
  m_windowText->setObjectName(QStringLiteral("adjudicationText"));
  m_windowText->setReadOnly(true);
  m_windowText->setFocusPolicy(Qt::NoFocus);
  m_windowText->setMaximumHeight(110);
  rightLayout->addWidget(m_windowText);
  m_versionsRow = new QHBoxLayout;
  rightLayout->addLayout(m_versionsRow, 1);
  m_message = new QLabel(right);
  m_message->setObjectName(QStringLiteral("adjudicationMessage"));
  m_message->setWordWrap(true);
  rightLayout->addWidget(m_message);
  splitter->setStretchFactor(1, 3);
  layout->addWidget(splitter, 1);

  auto* bottom = new QHBoxLayout;
  m_showAgreed = new QCheckBox(tr("Show &agreed windows"), this);
  bottom->addWidget(m_showAgreed);
  bottom->addStretch();
  auto* previous = new QPushButton(tr("Previous (P)"), this);
  auto* next = new QPushButton(tr("Next (N)"), this);
  auto* edit = new QPushButton(tr("Edit in Document (E)"), this);
  m_finish = new QPushButton(tr("Finish Document (Ctrl+Return)"), this);
  m_finish->setObjectName(QStringLiteral("finishAdjudication"));
  auto* close = new QPushButton(tr("Close"), this);
  for (QPushButton* b : {previous, next, edit, m_finish, close}) {
    b->setAutoDefault(false);
    bottom->addWidget(b);
  }
  layout->addLayout(bottom);

  connect(m_windows, &QListWidget::currentRowChanged, this, [this] { showWindow(); });
  connect(m_showAgreed, &QCheckBox::toggled, this, [this] { fillList(); });
  connect(previous, &QPushButton::clicked, this, &AdjudicationDialog::previousWindow);
  connect(next, &QPushButton::clicked, this, &AdjudicationDialog::nextWindow);
  connect(edit, &QPushButton::clicked, this, &AdjudicationDialog::editWindow);
  connect(m_finish, &QPushButton::clicked, this, &AdjudicationDialog::finishDocument);
  connect(close, &QPushButton::clicked, this, &QDialog::close);
  // Keys work wherever the focus is in the dialog (shortcuts come before the window list's letter search).
  auto key = [this](const QKeySequence& sequence, auto slot) {
    auto* shortcut = new QShortcut(sequence, this);
    connect(shortcut, &QShortcut::activated, this, slot);
  };
  for (int i = 0; i < kMaxKeyedVersions; ++i)
    key(QKeySequence(Qt::Key_1 + i), [this, i] { acceptVersion(i); });
  key(QKeySequence(Qt::Key_N), [this] { nextWindow(); });
  key(QKeySequence(Qt::Key_P), [this] { previousWindow(); });
  key(QKeySequence(Qt::Key_E), [this] { editWindow(); });
  key(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { finishDocument(); });

  // Whose gold layer: the adjudicator's role, said plainly when it is not one that adjudicates.
  if (Result<QVector<TeamMember>> members = m_store->teamMembers(); members) {
    for (const TeamMember& m : members.value())
      if (m.name == m_adjudicator && m.role != TeamRole::Adjudicator && m.role != TeamRole::Manager) {
        m_roleWarning->setText(tr("%1's role is %2: adjudication is the work of an adjudicator or a manager. On a "
                                  "shared project the server refuses it.")
                                   .arg(m_adjudicator, teamRoleName(m.role)));
        m_roleWarning->show();
      }
  }
  resize(980, 560);
  m_windows->setFocus();
}

bool AdjudicationDialog::reload() { return read(true); }

bool AdjudicationDialog::read(bool mergeAndText) {
  if (m_reloading) return false;
  m_reloading = true;
  const int previousStart = currentWindow() >= 0 ? m_state.windows[currentWindow()].start : INT_MIN;
  jobs::Adjudication adjudication(*m_store, m_adjudicator);
  Result<int> merged = mergeAndText ? adjudication.mergeAgreed(m_documentId) : Result<int>(0);
  Result<jobs::DocumentAdjudication> state =
      merged ? adjudication.review(m_documentId) : Result<jobs::DocumentAdjudication>(merged.error());
  Result<QString> text = !state          ? Result<QString>(state.error())
                         : mergeAndText ? documentText()
                                        : Result<QString>(m_text);
  m_reloading = false;
  if (!text) {
    showMessage(QString::fromStdString(text.error().toString()), true);
    return false;
  }
  m_text = std::move(text.value());
  m_state = std::move(state.value());
  if (*merged > 0) Q_EMIT goldLayerChanged(m_documentId);
  setWindowTitle(tr("Adjudicate %1").arg(m_state.document));
  fillList();
  for (int i = 0; i < m_listed.size(); ++i)
    if (m_state.windows[m_listed[i]].start == previousStart) setCurrentWindow(i);
  if (*merged > 0) showMessage(tr("%n agreed item(s) merged into the gold layer.", nullptr, *merged), false);
  return true;
}

Result<QString> AdjudicationDialog::documentText() {
  Result<StoredDocument> stored = m_store->loadDocument(m_documentId);
  if (!stored) return stored.error();
  return stored->document.text;
}

void AdjudicationDialog::updateSummary() {
  const int disagreements = m_state.windows.size() - m_state.agreedWindows;
  QString summary = tr("%1: %2 annotators (%3); %4 window(s) differ, %5 undecided; %6 agreed, merged into "
                       "%7's gold layer.")
                        .arg(m_state.document)
                        .arg(m_state.annotators.size())
                        .arg(m_state.annotators.join(QStringLiteral(", ")))
                        .arg(disagreements)
                        .arg(m_state.undecided)
                        .arg(m_state.agreedWindows)
                        .arg(m_adjudicator);
  if (!m_state.adjudicatedBy.isEmpty()) summary += QLatin1Char(' ') + tr("Finished by %1.").arg(m_state.adjudicatedBy);
  m_summary->setText(summary);
}

void AdjudicationDialog::fillList() {
  updateSummary();
  m_listed.clear();
  for (int i = 0; i < m_state.windows.size(); ++i)
    if (!m_state.windows[i].agreed || m_showAgreed->isChecked()) m_listed << i;
  const QSignalBlocker block(m_windows);
  m_windows->clear();
  for (int i : m_listed) labelItem(new QListWidgetItem(m_windows), m_state.windows[i]);
  // Open on the first undecided window.
  int first = 0;
  for (int k = 0; k < m_listed.size(); ++k)
    if (!m_state.windows[m_listed[k]].agreed && !m_state.windows[m_listed[k]].decided) {
      first = k;
      break;
    }
  m_windows->setCurrentRow(m_listed.isEmpty() ? -1 : first);
  showWindow();
}

int AdjudicationDialog::currentWindow() const {
  const int row = m_windows ? m_windows->currentRow() : -1;
  return row >= 0 && row < m_listed.size() ? m_listed[row] : -1;
}

void AdjudicationDialog::setCurrentWindow(int listedIndex) {
  if (listedIndex >= 0 && listedIndex < m_listed.size()) m_windows->setCurrentRow(listedIndex);
}

bool AdjudicationDialog::showAgreed() const { return m_showAgreed->isChecked(); }
void AdjudicationDialog::setShowAgreed(bool on) { m_showAgreed->setChecked(on); }
QString AdjudicationDialog::message() const { return m_message->text(); }

void AdjudicationDialog::showMessage(const QString& text, bool error) {
  m_message->setText(text);
  m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void AdjudicationDialog::showWindow() {
  for (QGroupBox* box : m_versionBoxes) box->deleteLater();
  m_versionBoxes.clear();
  m_versionLists.clear();
  m_acceptButtons.clear();
  const int index = currentWindow();
  if (index < 0) {
    m_windowText->setPlainText(m_state.windows.isEmpty() ? tr("No annotator has annotated this document.")
                                                         : tr("Every window agrees: finish the document."));
    m_finish->setEnabled(m_state.undecided == 0);
    return;
  }
  const jobs::AdjudicationWindow& w = m_state.windows[index];
  if (w.start < 0) {
    m_windowText->setPlainText(
        tr("The document as a whole: its labels, and the questions answered \"none\"."));
  } else {
    const TextOffsets offsets(m_text);
    m_windowText->setPlainText(offsets.slice(m_text, w.start, w.end));
  }
  // An item stands out when some other annotator's version lacks it.
  QHash<QString, int> inVersions;
  for (const QStringList& version : w.versions)
    for (const QString& item : QSet<QString>(version.cbegin(), version.cend())) ++inVersions[item];
  for (int column = 0; column < w.annotators.size(); ++column) {
    const QString& annotator = w.annotators[column];
    const bool chosen = w.decided && w.decidedFor == annotator;
    auto* box = new QGroupBox(column < kMaxKeyedVersions ? tr("%1 · %2").arg(column + 1).arg(annotator) : annotator);
    if (chosen) box->setTitle(box->title() + QStringLiteral(" ✓"));
    box->setObjectName(QStringLiteral("version-") + annotator);
    auto* boxLayout = new QVBoxLayout(box);
    auto* list = new QListWidget(box);
    list->setFocusPolicy(Qt::NoFocus);
    list->setAccessibleName(tr("%1's version").arg(annotator));
    if (w.versions[column].isEmpty()) new QListWidgetItem(tr("(nothing)"), list);
    for (const QString& item : w.versions[column]) {
      auto* row = new QListWidgetItem(item, list);
      if (inVersions.value(item) < w.annotators.size()) {
        QFont bold = row->font();
        bold.setBold(true);
        row->setFont(bold);
        row->setForeground(QColor(0xb0, 0x3a, 0x00));
        row->setToolTip(tr("Not in every annotator's version"));
      }
    }
    boxLayout->addWidget(list);
    auto* accept = new QPushButton(column < kMaxKeyedVersions ? tr("Take %1's (%2)").arg(annotator).arg(column + 1)
                                                               : tr("Take %1's").arg(annotator),
                                   box);
    accept->setAutoDefault(false);
    accept->setObjectName(QStringLiteral("take-") + annotator);
    connect(accept, &QPushButton::clicked, this, [this, column] { acceptVersion(column); });
    boxLayout->addWidget(accept);
    if (chosen) box->setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; }"));
    m_versionsRow->addWidget(box, 1);
    m_versionBoxes << box;
    m_versionLists << list;
    m_acceptButtons << accept;
  }
  m_finish->setEnabled(m_state.undecided == 0);
}

bool AdjudicationDialog::acceptVersion(int column) {
  const int index = currentWindow();
  if (index < 0) return false;
  const jobs::AdjudicationWindow w = m_state.windows[index];
  if (column < 0 || column >= w.annotators.size()) {
    showMessage(tr("There is no annotator %1 here.").arg(column + 1), true);
    return false;
  }
  jobs::Adjudication adjudication(*m_store, m_adjudicator);
  if (Status s = adjudication.accept(m_state, w.start, w.annotators[column]); !s) {
    showMessage(QString::fromStdString(s.error().toString()), true);
    return false;
  }
  Q_EMIT goldLayerChanged(m_documentId);
  // The annotators' layers did not change, only the decision: no need to read the document again.
  jobs::AdjudicationWindow& decided = m_state.windows[index];
  if (!decided.decided) --m_state.undecided;
  decided.decided = true;
  decided.decidedFor = w.annotators[column];
  // Only this window's line and the summary change (a 1 MB document lists thousands of windows).
  updateSummary();
  if (QListWidgetItem* item = m_windows->currentItem()) labelItem(item, decided);
  // On to the next undecided window after this one (the list shows it); else stay, shown as decided now.
  int next = -1;
  for (int k = m_windows->currentRow() + 1; k < m_listed.size() && next < 0; ++k)
    if (!m_state.windows[m_listed[k]].agreed && !m_state.windows[m_listed[k]].decided) next = k;
  if (next >= 0)
    setCurrentWindow(next);
  else
    showWindow();
  showMessage(tr("Took %1's version of %2.").arg(w.annotators[column], windowLabel(w).section(QStringLiteral(" · "), 0, 0)),
              false);
  return true;
}

bool AdjudicationDialog::finishDocument() {
  jobs::Adjudication adjudication(*m_store, m_adjudicator);
  if (Status s = adjudication.finish(m_documentId); !s) {
    showMessage(QString::fromStdString(s.error().toString()), true);
    return false;
  }
  Q_EMIT goldLayerChanged(m_documentId);
  read(false);
  showMessage(tr("%1 is adjudicated: training reads %2's gold layer.").arg(m_state.document, m_adjudicator), false);
  return true;
}

void AdjudicationDialog::nextWindow() {
  if (m_windows->currentRow() + 1 < m_listed.size()) m_windows->setCurrentRow(m_windows->currentRow() + 1);
}

void AdjudicationDialog::previousWindow() {
  if (m_windows->currentRow() > 0) m_windows->setCurrentRow(m_windows->currentRow() - 1);
}

void AdjudicationDialog::editWindow() {
  const int index = currentWindow();
  if (index < 0) return;
  m_editing = true;
  Q_EMIT editRequested(m_documentId, m_state.windows[index].start, m_state.windows[index].end);
}

void AdjudicationDialog::changeEvent(QEvent* event) {
  QDialog::changeEvent(event);
  // Back from editing in the main view: what the adjudicator did there shows here.
  if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_editing) {
    m_editing = false;
    reload();
  }
}

}  // namespace quarry::ui
