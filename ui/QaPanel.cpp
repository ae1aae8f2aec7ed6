#include "QaPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "DocumentSession.h"
#include "GuidelineText.h"
#include "annotation/AnnotationView.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {
namespace {

constexpr int kFieldRole = Qt::UserRole + 1;

const QaAnswer* answerTo(const Document& d, const QString& field) {
  for (const QaAnswer& a : d.answers)
    if (a.field == field) return &a;
  return nullptr;
}

}  // namespace

QaPanel::QaPanel(DocumentSession* session, AnnotationView* view, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_view(view),
      m_list(new QTreeWidget(this)),
      m_hint(new QLabel(this)),
      m_useSelection(new QPushButton(tr("&Use Selection"), this)),
      m_noAnswer(new QPushButton(tr("&No Answer"), this)),
      m_clear(new QPushButton(tr("Clea&r"), this)),
      m_acceptSuggestion(new QPushButton(tr("&Accept Suggestion"), this)),
      m_rejectSuggestion(new QPushButton(tr("Re&ject Suggestion"), this)) {
  setObjectName(QStringLiteral("qaPanel"));
  m_list->setObjectName(QStringLiteral("qaList"));
  m_list->setHeaderLabels({tr("Field"), tr("Answer"), tr("Question")});
  m_list->setRootIsDecorated(false);
  m_list->setAlternatingRowColors(true);
  m_list->setUniformRowHeights(true);
  m_list->header()->setStretchLastSection(true);
  m_list->installEventFilter(this);
  m_useSelection->setToolTip(
      tr("Answer the current question with the text selected in the document (Enter)"));
  m_noAnswer->setToolTip(tr("Record that the document does not answer the current question (N)"));
  m_clear->setToolTip(tr("Remove the answer, or the no-answer mark, of the current question (Delete)"));
  m_acceptSuggestion->setObjectName(QStringLiteral("acceptAnswerSuggestion"));
  m_acceptSuggestion->setToolTip(tr("Answer the current question as the model suggests (A)"));
  m_rejectSuggestion->setObjectName(QStringLiteral("rejectAnswerSuggestion"));
  m_rejectSuggestion->setToolTip(tr("Reject the model's suggested answer to the current question (X)"));
  m_hint->setWordWrap(true);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_useSelection);
  buttons->addWidget(m_noAnswer);
  buttons->addWidget(m_clear);
  buttons->addStretch(1);
  buttons->addWidget(m_acceptSuggestion);
  buttons->addWidget(m_rejectSuggestion);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(m_list, 1);
  layout->addLayout(buttons);
  layout->addWidget(m_hint);

  connect(m_useSelection, &QPushButton::clicked, this, &QaPanel::answerWithSelection);
  connect(m_noAnswer, &QPushButton::clicked, this, &QaPanel::markNoAnswer);
  connect(m_clear, &QPushButton::clicked, this, &QaPanel::clearAnswer);
  connect(m_acceptSuggestion, &QPushButton::clicked, this, &QaPanel::acceptSuggestion);
  connect(m_rejectSuggestion, &QPushButton::clicked, this, &QaPanel::rejectSuggestion);
  connect(m_list, &QTreeWidget::currentItemChanged, this, &QaPanel::updateSuggestionButtons);
  connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    const QString field = item->data(FieldColumn, kFieldRole).toString();
    if (m_view->showAnswer(field)) return;
    if (const SuggestedAnswer* s = suggestionFor(field); s && !s->noAnswer) {
      m_view->setSelection(s->start, s->end);
      m_view->ensureTextVisible(s->start);
    }
  });
  // Only answers show here: a span or category edit leaves the list as it is.
  connect(m_session, &DocumentSession::documentChanged, this, [this](const DocumentChange& change) {
    if (change.everything || !change.answers.isEmpty()) reload();
  });
  reload();
}

QString QaPanel::currentField() const {
  const QTreeWidgetItem* item = m_list->currentItem();
  return item ? item->data(FieldColumn, kFieldRole).toString() : QString();
}

bool QaPanel::selectField(const QString& field) {
  for (int i = 0; i < m_list->topLevelItemCount(); ++i)
    if (m_list->topLevelItem(i)->data(FieldColumn, kFieldRole).toString() == field) {
      m_list->setCurrentItem(m_list->topLevelItem(i));
      return true;
    }
  return false;
}

void QaPanel::reload() {
  const QString kept = currentField();
  const Document& d = m_session->document();
  const QVector<QaField> fields = m_session->isOpen() ? m_session->schema().qaFields : QVector<QaField>();
  m_list->clear();
  const TextOffsets offsets(d.text);
  for (const QaField& f : fields) {
    auto* item = new QTreeWidgetItem(m_list);
    item->setData(FieldColumn, kFieldRole, f.name);
    item->setText(FieldColumn, f.name);
    item->setText(QuestionColumn, f.questions.isEmpty() ? QString() : f.questions.front());
    item->setToolTip(FieldColumn, guidelineTooltip(f.name, f.guideline));
    item->setToolTip(QuestionColumn, f.questions.join(QLatin1Char('\n')));
    QFont font = item->font(AnswerColumn);
    if (const QaAnswer* a = answerTo(d, f.name)) {
      if (a->noAnswer) {
        item->setText(AnswerColumn, tr("✗ no answer"));
        item->setToolTip(AnswerColumn,
                         tr("Recorded: the text does not answer this (by %1)").arg(a->provenance.annotator));
        font.setItalic(true);
        item->setForeground(AnswerColumn, QColor(0xb0, 0x00, 0x20));
      } else {
        const QString text = offsets.slice(d.text, a->start, a->end).simplified();
        item->setText(AnswerColumn, QStringLiteral("“%1”").arg(text));
        item->setToolTip(AnswerColumn,
                         tr("%1–%2, by %3").arg(a->start).arg(a->end).arg(a->provenance.annotator));
      }
    } else if (const SuggestedAnswer* s = suggestionFor(f.name)) {
      const QString suggested =
          s->noAnswer ? tr("✗ no answer") : QStringLiteral("“%1”").arg(s->text.simplified());
      item->setText(AnswerColumn, tr("Suggested: %1 (%2)").arg(suggested).arg(s->confidence, 0, 'f', 2));
      item->setToolTip(AnswerColumn,
                       tr("The model suggests this answer (confidence %1): Accept Suggestion (A) "
                          "or Reject Suggestion (X)")
                           .arg(s->confidence, 0, 'f', 2));
      font.setItalic(true);
      item->setForeground(AnswerColumn, QColor(0x8e, 0x44, 0xad));
    } else {
      item->setText(AnswerColumn, tr("— not answered"));
      item->setForeground(AnswerColumn, palette().color(QPalette::Disabled, QPalette::Text));
    }
    item->setFont(AnswerColumn, font);
  }
  if (!selectField(kept) && m_list->topLevelItemCount() > 0) m_list->setCurrentItem(m_list->topLevelItem(0));
  m_list->resizeColumnToContents(FieldColumn);
  m_list->resizeColumnToContents(AnswerColumn);
  const bool usable = m_session->isOpen() && !fields.isEmpty();
  for (QPushButton* b : {m_useSelection, m_noAnswer, m_clear}) b->setEnabled(usable);
  updateSuggestionButtons();
  if (!m_session->isOpen())
    m_hint->setText(tr("No document is open."));
  else if (fields.isEmpty())
    m_hint->setText(tr("The schema asks no questions (QA fields)."));
  else
    m_hint->setText(m_suggestions.isEmpty()
                        ? tr("Enter: answer with the selected text · N: no answer · Delete: clear")
                        : tr("Enter: answer with the selected text · N: no answer · Delete: clear · "
                             "A / X: accept / reject the suggestion"));
}

void QaPanel::setSuggestions(const QVector<SuggestedAnswer>& suggestions) {
  m_suggestions = suggestions;
  reload();
}

const SuggestedAnswer* QaPanel::suggestionFor(const QString& field) const {
  if (answerTo(m_session->document(), field)) return nullptr;  // answered: nothing to suggest
  for (const SuggestedAnswer& s : m_suggestions)
    if (s.field == field) return &s;
  return nullptr;
}

const SuggestedAnswer* QaPanel::currentSuggestion() const {
  return m_session->isOpen() ? suggestionFor(currentField()) : nullptr;
}

void QaPanel::updateSuggestionButtons() {
  const bool suggested = currentSuggestion() != nullptr;
  m_acceptSuggestion->setEnabled(suggested);
  m_rejectSuggestion->setEnabled(suggested);
}

const SuggestedAnswer* QaPanel::suggestionToDecide() {
  if (refuse(true)) return nullptr;
  const SuggestedAnswer* s = currentSuggestion();
  if (!s) Q_EMIT statusMessage(tr("The model suggests no answer to %1.").arg(currentField()));
  return s;
}

void QaPanel::acceptSuggestion() {
  if (const SuggestedAnswer* s = suggestionToDecide()) Q_EMIT suggestionAccepted(s->id);
}

void QaPanel::rejectSuggestion() {
  if (const SuggestedAnswer* s = suggestionToDecide()) Q_EMIT suggestionRejected(s->id);
}

bool QaPanel::refuse(bool deciding) {
  if (!m_session->isOpen() || currentField().isEmpty()) return true;
  if (!m_view->isReadOnly() || (deciding && m_decidingWhileReadOnly)) return false;
  Q_EMIT statusMessage(tr("This window is read-only: answers cannot be changed."));
  return true;
}

QaAnswer QaPanel::newAnswer() const {
  QaAnswer a;
  a.field = currentField();
  // The same question id as the answer it replaces (SQuAD ids), so the store replaces, not adds.
  if (const QaAnswer* before = answerTo(m_session->document(), a.field)) a.questionId = before->questionId;
  return a;
}

void QaPanel::answerWithSelection() {
  if (refuse()) return;
  const QPair<int, int> selection = m_view->selection();
  if (selection.first == selection.second) {
    Q_EMIT statusMessage(tr("Select the answer in the text first, then press Enter here."));
    return;
  }
  QaAnswer a = newAnswer();
  a.start = selection.first;
  a.end = selection.second;
  m_session->setAnswer(a);
}

void QaPanel::markNoAnswer() {
  if (refuse()) return;
  QaAnswer a = newAnswer();
  a.noAnswer = true;
  m_session->setAnswer(a);
}

void QaPanel::clearAnswer() {
  if (refuse()) return;
  if (!answerTo(m_session->document(), currentField())) {
    Q_EMIT statusMessage(tr("%1 has no answer to clear.").arg(currentField()));
    return;
  }
  m_session->clearAnswer(currentField());
}

bool QaPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_list && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
      switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
          answerWithSelection();
          return true;
        case Qt::Key_N:
          markNoAnswer();
          return true;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
          clearAnswer();
          return true;
        case Qt::Key_A:
          acceptSuggestion();
          return true;
        case Qt::Key_X:
          rejectSuggestion();
          return true;
        default:
          break;
      }
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace quarry::ui
