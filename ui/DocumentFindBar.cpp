#include "DocumentFindBar.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "annotation/AnnotationView.h"
#include "annotation/DocumentSearch.h"

namespace quarry::ui {

DocumentFindBar::DocumentFindBar(AnnotationView* view, QWidget* parent) : QWidget(parent), m_view(view) {
  setObjectName(QStringLiteral("documentFindBar"));
  m_query = new QLineEdit(this);
  m_query->setObjectName(QStringLiteral("documentFindField"));
  m_query->setPlaceholderText(tr("Find in this document"));
  m_query->setClearButtonEnabled(true);
  m_query->setMinimumWidth(m_query->fontMetrics().averageCharWidth() * 16);
  m_search = new QWidget(this);
  m_options = new QWidget(this);
  m_labelling = new QWidget(this);
  auto* queryLabel = new QLabel(tr("F&ind:"), this);
  queryLabel->setBuddy(m_query);
  m_count = new QLabel(this);
  m_count->setObjectName(QStringLiteral("documentFindCount"));
  m_count->setMinimumWidth(
      m_count->fontMetrics().horizontalAdvance(tr("%1 of %n match(es)", nullptr, 888).arg(888)));
  m_previous = new QToolButton(this);
  m_previous->setArrowType(Qt::UpArrow);
  m_previous->setToolTip(tr("Previous match (Shift+Return, Shift+F3)"));
  m_next = new QToolButton(this);
  m_next->setArrowType(Qt::DownArrow);
  m_next->setToolTip(tr("Next match (Return, F3)"));
  m_matchCase = new QCheckBox(tr("Match &case"), this);
  m_wholeWords = new QCheckBox(tr("Whole w&ords"), this);
  m_wholeWords->setChecked(true);
  m_type = new QComboBox(this);
  m_type->setObjectName(QStringLiteral("documentFindType"));
  m_labelAll = new QPushButton(tr("Label &All as"), this);
  m_labelAll->setObjectName(QStringLiteral("documentFindLabelAll"));
  m_labelAll->setToolTip(tr("Label every match with the type beside it (one step to undo)"));
  m_close = new QToolButton(this);
  m_close->setText(QStringLiteral("\u2715"));
  m_close->setToolTip(tr("Close the find bar (Escape)"));
  m_close->setAutoRaise(true);

  auto* search = new QHBoxLayout(m_search);
  search->setContentsMargins(0, 0, 0, 0);
  search->addWidget(queryLabel);
  search->addWidget(m_query, 1);
  search->addWidget(m_previous);
  search->addWidget(m_next);
  search->addWidget(m_count);
  auto* options = new QHBoxLayout(m_options);
  options->setContentsMargins(0, 0, 0, 0);
  options->addWidget(m_matchCase);
  options->addWidget(m_wholeWords);
  auto* labelling = new QHBoxLayout(m_labelling);
  labelling->setContentsMargins(0, 0, 0, 0);
  labelling->addWidget(m_labelAll);
  labelling->addWidget(m_type);

  auto* rows = new QVBoxLayout(this);
  rows->setContentsMargins(6, 2, 6, 2);
  rows->setSpacing(2);
  for (QHBoxLayout*& row : m_rows) {
    row = new QHBoxLayout;
    row->setSpacing(12);
    rows->addLayout(row);
  }
  m_rows[0]->addWidget(m_search, 1);
  m_rows[0]->addWidget(m_options);
  m_rows[0]->addWidget(m_labelling);
  m_rows[0]->addWidget(m_close);

  connect(m_query, &QLineEdit::textChanged, this, &DocumentFindBar::search);
  connect(m_matchCase, &QCheckBox::toggled, this, &DocumentFindBar::search);
  connect(m_wholeWords, &QCheckBox::toggled, this, &DocumentFindBar::search);
  connect(m_next, &QToolButton::clicked, this, &DocumentFindBar::findNext);
  connect(m_previous, &QToolButton::clicked, this, &DocumentFindBar::findPrevious);
  connect(m_labelAll, &QPushButton::clicked, this, &DocumentFindBar::confirmLabelAll);
  connect(m_close, &QToolButton::clicked, this, &DocumentFindBar::dismiss);
  m_query->installEventFilter(this);
  hide();
}

void DocumentFindBar::setSchema(const Schema& schema) {
  const QString kept = m_type->currentText();
  m_type->clear();
  for (const EntityType& t : schema.entityTypes) m_type->addItem(t.name);
  if (const int at = m_type->findText(kept); at >= 0) m_type->setCurrentIndex(at);
  m_labelAll->setEnabled(m_type->count() > 0 && !m_matches.isEmpty());
}

void DocumentFindBar::activate() {
  // Label All offers the current span's type first: "label all like this one".
  if (const QString key = m_view->currentSpan(); !key.isEmpty())
    if (const EntitySpan* e = m_view->document().entity(key))
      if (const int at = m_type->findText(e->type); at >= 0) m_type->setCurrentIndex(at);
  show();
  m_query->setFocus(Qt::ShortcutFocusReason);
  m_query->selectAll();
  search();
}

void DocumentFindBar::dismiss() {
  hide();
  m_matches.clear();
  m_current = -1;
  m_view->setSearchMatches({}, -1);
  m_view->setFocus(Qt::ShortcutFocusReason);
}

void DocumentFindBar::refresh() {
  if (isVisible()) search();
}

void DocumentFindBar::search() {
  SearchOptions options;
  options.caseSensitive = m_matchCase->isChecked();
  options.wholeWords = m_wholeWords->isChecked();
  m_matches = DocumentSearch::find(m_view->document().text, m_query->text(), options);
  // Start at the first match at or after the caret, like an editor.
  const int caret = m_view->selection().first;
  int first = -1;
  for (int i = 0; i < m_matches.size() && first < 0; ++i)
    if (m_matches[i].first >= caret) first = i;
  showMatch(m_matches.isEmpty() ? -1 : (first < 0 ? 0 : first));
}

void DocumentFindBar::showMatch(int match) {
  m_current = match;
  m_view->setSearchMatches(m_matches, m_current);
  if (m_query->text().isEmpty())
    m_count->clear();
  else if (m_matches.isEmpty())
    m_count->setText(tr("No matches"));
  else
    m_count->setText(tr("%1 of %n match(es)", nullptr, int(m_matches.size())).arg(m_current + 1));
  m_labelAll->setEnabled(m_type->count() > 0 && !m_matches.isEmpty());
  m_previous->setEnabled(m_matches.size() > 1);
  m_next->setEnabled(m_matches.size() > 1);
  if (m_current < 0) return;
  m_view->setSelection(m_matches[m_current].first, m_matches[m_current].second);
  m_view->ensureCursorVisible();
}

void DocumentFindBar::findNext() {
  if (!m_matches.isEmpty()) showMatch((m_current + 1) % int(m_matches.size()));
}

void DocumentFindBar::findPrevious() {
  if (!m_matches.isEmpty()) showMatch((m_current - 1 + int(m_matches.size())) % int(m_matches.size()));
}

void DocumentFindBar::confirmLabelAll() {
  if (m_matches.isEmpty() || m_type->currentText().isEmpty()) return;
  const QString type = m_type->currentText();
  const int n = int(m_matches.size());
  const auto answer = QMessageBox::question(
      this, tr("Label All Matches"),
      tr("Label %n match(es) of \u201c%1\u201d as %2? One undo (Ctrl+Z) removes them all.", nullptr, n)
          .arg(m_query->text(), type),
      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
  if (answer == QMessageBox::Yes) Q_EMIT labelAllRequested(type, m_matches);
}

QSize DocumentFindBar::minimumSizeHint() const {
  // Wide enough for the widest group on a row of its own; as tall as the rows now need.
  const QMargins m = layout()->contentsMargins();
  const int first = m_search->minimumSizeHint().width() + m_rows[0]->spacing() + m_close->sizeHint().width();
  const int widest =
      std::max({first, m_options->minimumSizeHint().width(), m_labelling->minimumSizeHint().width()});
  return {widest + m.left() + m.right(), QWidget::minimumSizeHint().height()};
}

void DocumentFindBar::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  arrange(width());
}

void DocumentFindBar::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  // A new language or font changes what each group needs.
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) arrange(width());
}

void DocumentFindBar::arrange(int width) {
  const QMargins m = layout()->contentsMargins();
  const int inner = width - m.left() - m.right(), gap = m_rows[0]->spacing();
  // The first row keeps the query at its preferred width before it takes another group.
  int used = m_search->sizeHint().width() + gap + m_close->sizeHint().width();
  int row = 0;
  int rowOf[2];
  QWidget* groups[2] = {m_options, m_labelling};
  for (int g = 0; g < 2; ++g) {
    const int w = groups[g]->sizeHint().width();
    if (used + gap + w > inner && used > 0) {
      ++row;
      used = 0;
    }
    used += (used > 0 ? gap : 0) + w;
    rowOf[g] = row;
  }
  if (rowOf[0] == m_rowOf[0] && rowOf[1] == m_rowOf[1]) return;
  for (QWidget* w : {m_options, m_labelling, static_cast<QWidget*>(m_close)})
    for (QHBoxLayout* r : m_rows) r->removeWidget(w);
  for (QHBoxLayout* r : m_rows)  // the stretches that closed the lower rows
    while (r->count() > 0 && r->itemAt(r->count() - 1)->spacerItem()) delete r->takeAt(r->count() - 1);
  for (int g = 0; g < 2; ++g) {
    m_rowOf[g] = rowOf[g];
    m_rows[rowOf[g]]->addWidget(groups[g]);
  }
  m_rows[0]->addWidget(m_close);
  for (int r = 1; r < 3; ++r)
    if (m_rows[r]->count() > 0) m_rows[r]->addStretch(1);
}

bool DocumentFindBar::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_query && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool shift = key->modifiers() & Qt::ShiftModifier;
    switch (key->key()) {
      case Qt::Key_Return:
      case Qt::Key_Enter:
      case Qt::Key_F3:
        shift ? findPrevious() : findNext();
        return true;
      case Qt::Key_Escape:
        dismiss();
        return true;
      default:
        break;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace quarry::ui
