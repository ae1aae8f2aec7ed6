#include "annotation/AnnotationView.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QToolTip>
#include <algorithm>
#include <tuple>

#include "annotation/AnnotationHitTester.h"
#include "annotation/AnnotationPainter.h"
#include "annotation/AnnotationTooltips.h"
#include "annotation/LineNavigator.h"
#include "annotation/TextNavigator.h"

namespace quarry::ui {

namespace {

constexpr int kMarginX = 12;
constexpr int kMarginY = 8;

void addUnique(QVector<int>* v, const QVector<int>& more) {
  for (int x : more)
    if (!v->contains(x)) v->push_back(x);
}

// A checkable action of `view` with the shortcut Alt+`key`, active while the view has the focus.
QAction* addToggle(QWidget* view, const QString& text, const QString& name, Qt::Key key, bool checked) {
  auto* action = new QAction(text, view);
  action->setObjectName(name);
  action->setCheckable(true);
  action->setChecked(checked);
  action->setShortcut(QKeySequence(Qt::ALT | key));
  action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  view->addAction(action);
  return action;
}

}  // namespace

AnnotationView::AnnotationView(QWidget* parent) : QAbstractScrollArea(parent) {
  setObjectName(QStringLiteral("annotationView"));
  viewport()->setObjectName(QStringLiteral("annotationViewport"));
  setAccessibleName(tr("Document annotation view"));
  setAccessibleDescription(tr("Select text and press a type's hotkey to label it; Tab moves between spans."));
  setFocusPolicy(Qt::StrongFocus);
  viewport()->setMouseTracking(true);
  viewport()->setCursor(Qt::IBeamCursor);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);

  m_wordSnappingAction = addToggle(this, tr("Snap Selection to &Words"), QStringLiteral("wordSnappingAction"),
                                   Qt::Key_W, m_wordSnapping);
  connect(m_wordSnappingAction, &QAction::toggled, this, [this](bool on) {
    setWordSnapping(on);
    Q_EMIT statusMessage(on ? tr("Selection snaps to words.") : tr("Selection is character-precise."));
  });
  m_typeNamesAction = addToggle(this, tr("Show &Type Names on Spans"), QStringLiteral("typeNamesAction"),
                                Qt::Key_L, m_showTypeNames);
  connect(m_typeNamesAction, &QAction::toggled, this, &AnnotationView::setShowTypeNames);
  resetLayout();
}

AnnotationView::~AnnotationView() = default;

// ---- document and changes ------------------------------------------------------------------

void AnnotationView::setDocument(const Document& document, const Schema& schema) {
  cancelRelation();
  if (m_popup) m_popup->close();
  m_document = document;
  m_schema = schema;
  m_index.rebuild(m_document, m_schema);
  m_anchor = m_cursor = 0;
  m_currentSpan.clear();
  m_currentRelation.clear();
  m_hoverSpan.clear();
  m_hoverRelation.clear();
  QSet<QString> kept;
  for (const QString& k : std::as_const(m_misalignedKeys))
    if (m_index.spanIndex(k) >= 0) kept.insert(k);
  m_misalignedKeys = kept;
  m_searchMatches.clear();
  m_searchMatchesUtf16.clear();
  m_currentMatch = -1;
  m_suggestions.clear();
  m_suggestionMarks.clear();
  m_suggestedRelations.clear();
  m_currentSuggestion = -1;
  m_goalX = -1;
  refreshMisaligned();
  resetLayout();
  verticalScrollBar()->setValue(0);
  viewport()->update();
}

void AnnotationView::updateDocument(const Document& document, const Schema& schema) {
  if (document.text != m_document.text) {
    setDocument(document, schema);
    return;
  }
  m_document = document;
  m_schema = schema;
  indexAnnotations();
  if (m_index.spanIndex(m_currentSpan) < 0) m_currentSpan.clear();
  if (m_index.linkIndex(m_currentRelation) < 0) m_currentRelation.clear();
  if (m_index.spanIndex(m_relationHead) < 0) cancelRelation();
  m_hoverSpan.clear();
  m_hoverRelation.clear();
  refreshMisaligned();
  resetLayout();  // keeps the block at the top of the viewport where it was
  viewport()->update();
}

void AnnotationView::indexAnnotations() {
  if (m_suggestedRelations.isEmpty()) {
    m_index.rebuildAnnotations(m_document, m_schema);
    return;
  }
  Document document = m_document;
  Schema schema = m_schema;
  addSuggestedRelations(document, schema, m_suggestedRelations);
  m_index.rebuildAnnotations(document, schema);
}

void AnnotationView::spanInserted(int at) {
  if (at >= 0)
    m_cache.renumber(LineLayoutCache::Numbering::Spans, [at](int i) { return i >= at ? i + 1 : i; });
}

void AnnotationView::spanRemoved(int gone) {
  if (gone >= 0)
    m_cache.renumber(LineLayoutCache::Numbering::Spans,
                     [gone](int i) { return i == gone ? -1 : (i > gone ? i - 1 : i); });
}

void AnnotationView::relink() {
  QVector<int> moved;
  if (m_suggestedRelations.isEmpty()) {
    moved = m_index.rebuildLinks(m_document, m_schema);
  } else {  // the suggested relations' arcs are links too
    Document document = m_document;
    Schema schema = m_schema;
    addSuggestedRelations(document, schema, m_suggestedRelations);
    moved = m_index.rebuildLinks(document, schema);
  }
  for (int i = 0; i < moved.size(); ++i)
    if (moved[i] != i) {
      m_cache.renumber(LineLayoutCache::Numbering::Links, [&](int l) { return moved.value(l, -1); });
      break;
    }
}

void AnnotationView::applyEntityAdded(const EntitySpan& entity) {
  m_document.entities.push_back(entity);
  const int at = m_index.insertSpan(entity);
  spanInserted(at);
  refreshMisaligned();
  m_cache.invalidate(m_index.blocksOfSpan(at));
  viewport()->update();
  setCurrentSpanIndex(at);
}

void AnnotationView::applyEntityRemoved(const QString& key) {
  const bool related = !m_index.linksOfSpan(m_index.spanIndex(key)).isEmpty();
  m_cache.invalidate(m_index.blocksOfSpan(m_index.spanIndex(key)));
  auto& es = m_document.entities;
  es.erase(std::remove_if(es.begin(), es.end(), [&](const EntitySpan& e) { return e.key == key; }), es.end());
  auto& rs = m_document.relations;
  rs.erase(
      std::remove_if(rs.begin(), rs.end(), [&](const Relation& r) { return r.head == key || r.tail == key; }),
      rs.end());
  if (m_currentSpan == key) m_currentSpan.clear();
  if (m_hoverSpan == key) m_hoverSpan.clear();
  if (m_relationHead == key) cancelRelation();
  spanRemoved(m_index.removeSpan(key));
  if (related) relink();  // its relations went with it
  refreshMisaligned();
  viewport()->update();
  if (m_index.linkIndex(m_currentRelation) < 0) m_currentRelation.clear();
}

void AnnotationView::applyEntityChanged(const EntitySpan& entity) {
  m_cache.invalidate(m_index.blocksOfSpan(m_index.spanIndex(entity.key)));
  for (EntitySpan& e : m_document.entities)
    if (e.key == entity.key) e = entity;
  spanRemoved(m_index.removeSpan(entity.key));
  const int at = m_index.insertSpan(entity);
  spanInserted(at);
  relink();  // its links lost it on the way out
  refreshMisaligned();
  m_cache.invalidate(m_index.blocksOfSpan(at));
  viewport()->update();
}

void AnnotationView::applyRelationAdded(const Relation& relation) {
  m_document.relations.push_back(relation);
  relink();
  m_cache.invalidate(m_index.blocksOfLink(m_index.linkIndex(relation.key)));
  viewport()->update();
}

void AnnotationView::applyRelationRemoved(const QString& key) {
  m_cache.invalidate(m_index.blocksOfLink(m_index.linkIndex(key)));
  auto& rs = m_document.relations;
  rs.erase(std::remove_if(rs.begin(), rs.end(), [&](const Relation& r) { return r.key == key; }), rs.end());
  if (m_currentRelation == key) m_currentRelation.clear();
  if (m_hoverRelation == key) m_hoverRelation.clear();
  relink();
  viewport()->update();
}

QVector<int> AnnotationView::blocksOfAnswerField(const QString& field) const {
  QVector<int> out;
  for (const auto& a : m_index.answers()) {
    if (a.field != field) continue;
    for (int b = m_index.blockAt(a.start), last = m_index.blockAt(std::max(a.start, a.end - 1));
         b >= 0 && b <= last; ++b)
      addUnique(&out, {b});
  }
  return out;
}

void AnnotationView::reanswer() {
  const QVector<int> moved = m_index.rebuildAnswers(m_document);
  m_cache.renumber(LineLayoutCache::Numbering::Answers, [&](int a) { return moved.value(a, -1); });
  viewport()->update();
}

void AnnotationView::applyAnswerSet(const QaAnswer& answer) {
  m_cache.invalidate(blocksOfAnswerField(answer.field));
  auto& as = m_document.answers;
  as.erase(std::remove_if(as.begin(), as.end(), [&](const QaAnswer& a) { return a.field == answer.field; }),
           as.end());
  as.push_back(answer);
  reanswer();
  m_cache.invalidate(blocksOfAnswerField(answer.field));
}

void AnnotationView::applyAnswerCleared(const QString& field) {
  m_cache.invalidate(blocksOfAnswerField(field));
  auto& as = m_document.answers;
  as.erase(std::remove_if(as.begin(), as.end(), [&](const QaAnswer& a) { return a.field == field; }),
           as.end());
  reanswer();
}

void AnnotationView::setMisalignedSpans(const QSet<QString>& keys, const QString& explanation) {
  m_misalignedKeys = keys;
  m_misalignedExplanation = explanation;
  refreshMisaligned();
  // Marks add no height; repainting is enough.
  viewport()->update();
}

void AnnotationView::refreshMisaligned() {
  m_misaligned.clear();
  for (const QString& k : std::as_const(m_misalignedKeys)) {
    const int s = m_index.spanIndex(k);
    if (s >= 0) m_misaligned.insert(s);
  }
}

// ---- properties ----------------------------------------------------------------------------

void AnnotationView::setReadOnly(bool readOnly) {
  if (m_readOnly == readOnly) return;
  m_readOnly = readOnly;
  if (readOnly) cancelRelation();
  viewport()->update();
  Q_EMIT readOnlyChanged(readOnly);
}

void AnnotationView::setWordSnapping(bool on) {
  if (m_wordSnapping == on) return;
  m_wordSnapping = on;
  m_wordSnappingAction->setChecked(on);
  viewport()->update();
  Q_EMIT wordSnappingChanged(on);
  if (hasSelection()) {
    const auto sel = selection();
    Q_EMIT selectionChanged(sel.first, sel.second);
  }
}

void AnnotationView::setShowTypeNames(bool on) {
  if (m_showTypeNames == on) return;
  m_showTypeNames = on;
  m_typeNamesAction->setChecked(on);
  resetLayout();
  viewport()->update();
  Q_EMIT showTypeNamesChanged(on);
}

int AnnotationView::cursorPosition() const { return m_index.toCodePoint(m_cursor); }

void AnnotationView::setCursorPosition(int codePoint) {
  const int u = m_index.toUtf16(codePoint);
  setSelectionUtf16(u, u);
}

QPair<int, int> AnnotationView::selectionUtf16() const {
  int a = std::min(m_anchor, m_cursor), b = std::max(m_anchor, m_cursor);
  // With word snapping the highlight, the signals and a label all use the snapped range, so what is
  // stored is what was highlighted.
  if (a != b && m_wordSnapping) TextNavigator(m_index).snapToWords(&a, &b);
  return {a, b};
}

QPair<int, int> AnnotationView::selection() const {
  const auto [a, b] = selectionUtf16();
  return {m_index.toCodePoint(a), m_index.toCodePoint(b)};
}

void AnnotationView::setSelection(int start, int end) {
  setSelectionUtf16(m_index.toUtf16(start), m_index.toUtf16(end));
}

void AnnotationView::ensureCursorVisible() {
  if (m_cache.blockCount() == 0) return;
  const LineNavigator::Caret c = LineNavigator(m_index, m_cache).caretAt(m_cursor);
  updateScrollBars();
  QScrollBar* bar = verticalScrollBar();
  // Content y plus the top margin is the scroll position; the first line shows its margin too.
  const int top = c.roomTop, bottom = kMarginY + c.bottom + kMarginY;
  if (top < bar->value())
    bar->setValue(top);
  else if (bottom > bar->value() + viewport()->height())
    bar->setValue(bottom - viewport()->height());
}

QRect AnnotationView::cursorRectangle() const {
  if (m_cache.blockCount() == 0) return {};
  const LineNavigator::Caret c = LineNavigator(m_index, m_cache).caretAt(m_cursor);
  const int top = kMarginY + c.textTop - verticalScrollBar()->value();
  const int height = std::max(1, c.bottom - c.textTop);
  return QRect(kMarginX + int(c.x), top, 1, height);
}

void AnnotationView::setSearchMatches(const QVector<QPair<int, int>>& matches, int current) {
  m_searchMatches = matches;
  m_searchMatchesUtf16.clear();
  for (const auto& [start, end] : matches)
    m_searchMatchesUtf16.push_back({m_index.toUtf16(start), m_index.toUtf16(end)});
  m_currentMatch = current >= 0 && current < matches.size() ? current : -1;
  viewport()->update();
}

void AnnotationView::setSuggestions(const QVector<SuggestedSpan>& suggestions, int current) {
  setSuggestions(suggestions, {}, current);
}

void AnnotationView::setSuggestions(const QVector<SuggestedSpan>& suggestions,
                                    const QVector<SuggestedRelation>& relations, int current) {
  if (!(relations == m_suggestedRelations)) {
    // Their arcs are laid out with the others: the blocks they were and are drawn in are laid out anew.
    QVector<int> blocks;
    auto addArcBlocks = [&] {
      for (int l = 0; l < m_index.links().size(); ++l)
        if (suggestedRelationOfLink(m_index, l) >= 0) addUnique(&blocks, m_index.blocksOfLink(l));
    };
    addArcBlocks();
    m_suggestedRelations = relations;
    indexAnnotations();
    addArcBlocks();
    m_cache.invalidate(blocks);
  }
  m_suggestions = suggestions;
  m_currentSuggestion = current >= 0 && current < suggestionCount() ? current : -1;
  m_suggestionMarks.clear();
  for (int i = 0; i < suggestions.size(); ++i)
    m_suggestionMarks.push_back({m_index.toUtf16(suggestions[i].start), m_index.toUtf16(suggestions[i].end),
                                 m_index.colourOf(suggestions[i].type), i == m_currentSuggestion,
                                 QString::number(suggestions[i].confidence, 'f', 2)});
  viewport()->update();
}

void AnnotationView::setCurrentSuggestion(int index) {
  m_currentSuggestion = index >= 0 && index < suggestionCount() ? index : -1;
  for (int i = 0; i < m_suggestionMarks.size(); ++i) m_suggestionMarks[i].current = i == m_currentSuggestion;
  if (m_currentSuggestion >= m_suggestions.size())
    ensureSpanVisible(m_suggestedRelations[m_currentSuggestion - m_suggestions.size()].head);
  else if (m_currentSuggestion >= 0)
    ensureTextVisible(m_suggestions[m_currentSuggestion].start);
  viewport()->update();
}

int AnnotationView::suggestionAt(const QPoint& pos) const {
  if (const int arc = suggestedRelationOfLink(m_index, linkAt(pos)); arc >= 0)
    return int(m_suggestions.size()) + arc;
  const int point = codePointAt(pos);
  if (point < 0) return -1;
  for (int i = 0; i < m_suggestions.size(); ++i)
    if (m_suggestions[i].start <= point && point < m_suggestions[i].end) return i;
  return -1;
}

int AnnotationView::suggestionToDecide() const {
  if (m_currentSuggestion >= 0) return m_currentSuggestion;
  const int caret = cursorPosition();
  // A relation lies where its first span starts and ends where its last span ends.
  auto rangeOf = [&](int i) -> QPair<int, int> {
    if (i < m_suggestions.size()) return {m_suggestions[i].start, m_suggestions[i].end};
    const SuggestedRelation& r = m_suggestedRelations[i - m_suggestions.size()];
    const EntitySpan *head = m_document.entity(r.head), *tail = m_document.entity(r.tail);
    if (!head || !tail) return {0, 0};
    return {std::min(head->start(), tail->start()), std::max(head->end(), tail->end())};
  };
  int best = -1;
  for (int i = 0; i < suggestionCount(); ++i)
    if (rangeOf(i).second > caret && (best < 0 || rangeOf(i).first < rangeOf(best).first)) best = i;
  return best >= 0 ? best : (suggestionCount() == 0 ? -1 : 0);
}

void AnnotationView::setSelectionUtf16(int anchor, int cursor) {
  const int n = int(m_index.text().size());
  anchor = std::clamp(anchor, 0, n);
  cursor = std::clamp(cursor, 0, n);
  m_goalX = -1;
  if (anchor == m_anchor && cursor == m_cursor) return;
  m_anchor = anchor;
  m_cursor = cursor;
  viewport()->update();
  const auto sel = selection();
  Q_EMIT selectionChanged(sel.first, sel.second);
}

void AnnotationView::setCurrentSpan(const QString& key) {
  setCurrentSpanIndex(m_index.spanIndex(key));
  ensureSpanVisible(key);
}

void AnnotationView::setCurrentRelation(const QString& key) {
  const int l = m_index.linkIndex(key);
  if (l < 0) return;
  setCurrentSpanIndex(-1);
  m_currentRelation = key;
  ensureSpanVisible(m_index.spans()[m_index.links()[l].head].key);
  viewport()->update();
  Q_EMIT currentRelationChanged(key);
}

bool AnnotationView::showAnswer(const QString& field) {
  for (const QaAnswer& a : m_document.answers) {
    if (a.field != field || a.noAnswer) continue;
    setSelection(a.start, a.end);
    ensureTextVisible(a.start);
    return true;
  }
  return false;
}

void AnnotationView::setCurrentSpanIndex(int span) {
  const QString key = span >= 0 ? m_index.spans()[span].key : QString();
  if (!key.isEmpty()) m_currentRelation.clear();
  if (key == m_currentSpan) return;
  m_currentSpan = key;
  viewport()->update();
  Q_EMIT currentSpanChanged(key);
}

QMenu* AnnotationView::activePopup() const {
  return m_popup && m_popup->isVisible() ? m_popup.data() : nullptr;
}

// ---- layout and painting -------------------------------------------------------------------

void AnnotationView::resetLayout() {
  // Keep the block at the top of the viewport in place across the relayout.
  const int oldScroll = verticalScrollBar()->value();
  const int topBlock = m_cache.blockCount() > 0 ? m_cache.blockAtY(std::max(0, oldScroll - kMarginY)) : 0;
  const int offset = m_cache.blockCount() > 0 ? oldScroll - kMarginY - m_cache.blockTop(topBlock) : 0;
  const qreal width = std::max(40, viewport()->width() - 2 * kMarginX);
  m_cache.reset(&m_index, LayoutMetrics::forFont(font(), width, m_showTypeNames));
  m_lastWidth = viewport()->width();
  updateScrollBars();
  if (m_cache.blockCount() > 0 && topBlock < m_cache.blockCount())
    verticalScrollBar()->setValue(m_cache.blockTop(topBlock) + kMarginY + std::max(0, offset));
}

void AnnotationView::updateScrollBars() {
  const int total = m_cache.totalHeight() + 2 * kMarginY;
  const int page = viewport()->height();
  QScrollBar* bar = verticalScrollBar();
  bar->setRange(0, std::max(0, total - page));
  bar->setPageStep(page);
  bar->setSingleStep(std::max(8, QFontMetrics(font()).height() * 2));
}

void AnnotationView::scrollContentsBy(int, int) { viewport()->update(); }

void AnnotationView::resizeEvent(QResizeEvent* event) {
  QAbstractScrollArea::resizeEvent(event);
  if (viewport()->width() != m_lastWidth)
    resetLayout();
  else
    updateScrollBars();
}

void AnnotationView::changeEvent(QEvent* event) {
  QAbstractScrollArea::changeEvent(event);
  if (event->type() == QEvent::FontChange) {
    resetLayout();
    viewport()->update();
  }
}

void AnnotationView::paintEvent(QPaintEvent*) {
  QPainter p(viewport());
  QPalette pal = palette();
  QColor background = pal.color(QPalette::Base);
  if (m_readOnly) background = background.darker(104);
  p.fillRect(viewport()->rect(), background);
  const int blocks = m_cache.blockCount();
  int scroll = verticalScrollBar()->value();
  if (blocks > 0) {
    // Scrolling up into blocks known only by estimate: when the block cut by the viewport's top edge
    // gets its real height, keep what lies below it where it was on screen.
    const int first = m_cache.blockAtY(std::max(0, scroll - kMarginY));
    if (!m_cache.isExact(first) && kMarginY + m_cache.blockTop(first) < scroll) {
      const int before = m_cache.blockHeight(first);
      m_cache.layout(first);
      const int delta = m_cache.blockHeight(first) - before;
      if (delta != 0) {
        updateScrollBars();
        const QSignalBlocker blocker(verticalScrollBar());
        verticalScrollBar()->setValue(scroll + delta);
        scroll = verticalScrollBar()->value();
      }
    }
  }
  const int height = viewport()->height();
  const int totalBefore = m_cache.totalHeight();

  PaintState state;
  std::tie(state.selectionStart, state.selectionEnd) = selectionUtf16();
  state.cursor = m_cursor;
  state.showCursor = hasFocus() && !m_readOnly;
  state.currentSpan = m_index.spanIndex(m_currentSpan);
  state.hoverSpan = m_index.spanIndex(m_hoverSpan);
  state.currentLink = m_index.linkIndex(m_currentRelation);
  state.hoverLink = m_index.linkIndex(m_hoverRelation);
  state.relationHead = m_index.spanIndex(m_relationHead);
  state.misaligned = &m_misaligned;
  state.searchMatches = &m_searchMatchesUtf16;
  state.currentMatch = m_currentMatch;
  state.suggestions = &m_suggestionMarks;
  state.currentSuggestedRelation = m_currentSuggestion - int(m_suggestions.size());
  state.palette = pal;

  int first = blocks > 0 ? m_cache.blockAtY(std::max(0, scroll - kMarginY)) : 0, last = first;
  for (int b = first; b < blocks; ++b) {
    const int top = kMarginY + m_cache.blockTop(b) - scroll;
    if (top > height) break;
    const BlockLayout& layout = m_cache.layout(b);
    AnnotationPainter::paintBlock(p, m_index, b, layout, m_cache.metrics(), QPointF(kMarginX, top), state);
    last = b;
  }
  m_cache.trim(first, last);

  if (m_readOnly) {
    QFont f = font();
    f.setPointSizeF(std::max<qreal>(6, f.pointSizeF() * 0.8));
    p.setFont(f);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(viewport()->rect().adjusted(0, 2, -6, 0), Qt::AlignTop | Qt::AlignRight, tr("Read-only"));
  }
  if (blocks == 0 || m_index.text().isEmpty()) {
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No document"));
  }
  if (m_cache.totalHeight() != totalBefore) updateScrollBars();
}

// ---- hit testing ---------------------------------------------------------------------------

AnnotationView::BlockHit AnnotationView::hitBlock(const QPoint& pos) const {
  BlockHit hit;
  if (m_cache.blockCount() == 0) return hit;
  const int y = pos.y() + verticalScrollBar()->value() - kMarginY;
  hit.block = m_cache.blockAtY(std::max(0, y));
  m_cache.layout(hit.block);
  hit.local = QPointF(pos.x() - kMarginX, y - m_cache.blockTop(hit.block));
  return hit;
}

QStringList AnnotationView::spansAt(const QPoint& pos) const {
  QStringList out;
  const BlockHit hit = hitBlock(pos);
  if (hit.block < 0) return out;
  for (int s : AnnotationHitTester::spansAt(m_index, m_cache.layout(hit.block), hit.local))
    out.push_back(m_index.spans()[s].key);
  return out;
}

QString AnnotationView::spanAt(const QPoint& pos) const {
  const QStringList all = spansAt(pos);
  return all.isEmpty() ? QString() : all.front();
}

int AnnotationView::spanIndexAt(const QPoint& pos) const { return m_index.spanIndex(spanAt(pos)); }

int AnnotationView::linkAt(const QPoint& pos) const {
  const BlockHit hit = hitBlock(pos);
  return hit.block < 0 ? -1 : AnnotationHitTester::linkAt(m_cache.layout(hit.block), hit.local);
}

QString AnnotationView::relationAt(const QPoint& pos) const {
  const int link = linkAt(pos);
  return link < 0 || suggestedRelationOfLink(m_index, link) >= 0 ? QString() : m_index.links()[link].key;
}

QString AnnotationView::answerAt(const QPoint& pos) const {
  const BlockHit hit = hitBlock(pos);
  const int answer = hit.block < 0 ? -1 : AnnotationHitTester::answerAt(m_cache.layout(hit.block), hit.local);
  return answer < 0 ? QString() : m_index.answers()[answer].field;
}

int AnnotationView::codePointAt(const QPoint& pos) const {
  const BlockHit hit = hitBlock(pos);
  if (hit.block < 0) return 0;
  const int local = m_cache.layout(hit.block).cursorAt(hit.local);
  return m_index.toCodePoint(m_index.blocks()[hit.block].start + local);
}

QString AnnotationView::toolTipAt(const QPoint& pos) const {
  const QString relation = relationAt(pos);
  if (!relation.isEmpty()) {
    const auto& link = m_index.links()[m_index.linkIndex(relation)];
    const auto& head = m_index.spans()[link.head];
    const auto& tail = m_index.spans()[link.tail];
    auto label = [&](const AnnotationIndex::Span& s) {
      return QStringLiteral("%1 (%2)").arg(
          AnnotationTooltips::excerpt(m_index.text().mid(s.start, s.end - s.start), 40), s.type);
    };
    return AnnotationTooltips::relation(link.type, label(head), label(tail),
                                        m_schema.relationType(link.type));
  }
  const QString key = spanAt(pos);
  if (!key.isEmpty()) {
    const int s = m_index.spanIndex(key);
    const auto& span = m_index.spans()[s];
    QStringList parts;
    for (const auto& f : span.fragments) parts.push_back(m_index.text().mid(f.first, f.second - f.first));
    return AnnotationTooltips::span(parts.join(QStringLiteral(" \u2026 ")), span.type,
                                    m_schema.entityType(span.type),
                                    m_misaligned.contains(s) ? m_misalignedExplanation : QString());
  }
  const QString field = answerAt(pos);
  if (!field.isEmpty()) return AnnotationTooltips::answer(field, m_schema.qaField(field));
  const int suggestion = suggestionAt(pos);
  if (suggestion >= m_suggestions.size()) {
    const SuggestedRelation& r = m_suggestedRelations[suggestion - m_suggestions.size()];
    return tr("Suggested relation %1 (confidence %2): A accepts, X rejects")
        .arg(r.type)
        .arg(r.confidence, 0, 'f', 2);
  }
  if (suggestion >= 0)
    return tr("Suggested %1 (confidence %2): A accepts, X rejects")
        .arg(m_suggestions[suggestion].type)
        .arg(m_suggestions[suggestion].confidence, 0, 'f', 2);
  return {};
}

QRect AnnotationView::spanRect(const QString& key) const {
  const int s = m_index.spanIndex(key);
  if (s < 0) return {};
  const int block = m_index.blockAt(m_index.spans()[s].start);
  for (const SpanPiece& p : m_cache.layout(block).spans)
    if (p.span == s && p.firstOfSpan)
      return p.textRect
          .translated(kMarginX, kMarginY + m_cache.blockTop(block) - verticalScrollBar()->value())
          .toAlignedRect();
  return {};
}

QRect AnnotationView::answerTagRect(const QString& field) const {
  for (int a = 0; a < int(m_index.answers().size()); ++a) {
    if (m_index.answers()[a].field != field) continue;
    const int block = m_index.blockAt(m_index.answers()[a].start);
    for (const AnswerPiece& p : m_cache.layout(block).answers)
      if (p.answer == a && p.tagRect.isValid())
        return p.tagRect
            .translated(kMarginX, kMarginY + m_cache.blockTop(block) - verticalScrollBar()->value())
            .toAlignedRect();
  }
  return {};
}

QVector<QRect> AnnotationView::relationRects(const QString& key) const {
  QVector<QRect> out;
  const int l = m_index.linkIndex(key);
  if (l < 0) return out;
  const auto& link = m_index.links()[l];
  const int first =
      m_index.blockAt(std::min(m_index.spans()[link.head].start, m_index.spans()[link.tail].start));
  const int last =
      m_index.blockAt(std::max(m_index.spans()[link.head].start, m_index.spans()[link.tail].start));
  for (int block = first; block >= 0 && block <= last; ++block)
    for (const ArcPiece& a : m_cache.layout(block).arcs) {
      if (a.link != l) continue;
      // As AnnotationPainter draws it: arrowheads 3.5 to each side of a leg, chevrons 3 above and
      // below the stroke, legs down to their feet.
      const QRectF stroke(QPointF(a.x1 - 3.5, a.y - 3),
                          QPointF(a.x2 + 3.5, std::max({a.y + 3, a.footY, a.footY2})));
      out.push_back(
          stroke.united(a.labelRect)
              .translated(kMarginX, kMarginY + m_cache.blockTop(block) - verticalScrollBar()->value())
              .toAlignedRect());
    }
  return out;
}

int AnnotationView::relationLane(const QString& key) const {
  const int l = m_index.linkIndex(key);
  if (l < 0) return -1;
  const auto& link = m_index.links()[l];
  const int first = std::min(m_index.spans()[link.head].start, m_index.spans()[link.tail].start);
  for (const ArcPiece& a : m_cache.layout(m_index.blockAt(first)).arcs)
    if (a.link == l) return a.lane;
  return -1;
}

void AnnotationView::ensureSpanVisible(const QString& key) {
  const QRect r = spanRect(key);
  if (r.isNull()) return;
  updateScrollBars();
  const int margin = m_cache.metrics().arcLaneHeight > 0 ? int(m_cache.metrics().arcLaneHeight * 3) : 40;
  if (r.top() - margin < 0 || r.bottom() + margin > viewport()->height()) {
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() + r.top() - viewport()->height() / 3);
  }
}

void AnnotationView::ensureTextVisible(int codePoint) {
  const int u = m_index.toUtf16(codePoint);
  const int block = m_index.blockAt(u);
  if (block < 0 || block >= m_cache.blockCount()) return;
  updateScrollBars();
  const BlockLayout& layout = m_cache.layout(block);
  const int local = u - m_index.blocks()[block].start;
  qreal top = 0, bottom = layout.height;
  for (const LinePlacement& line : layout.lines)
    if (local >= line.textStart && local <= line.textEnd) {
      top = line.top;
      bottom = line.bottom;
      break;
    }
  const int y = kMarginY + m_cache.blockTop(block) - verticalScrollBar()->value();
  if (y + top < 0 || y + bottom > viewport()->height()) {
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() + y + int(top) - viewport()->height() / 3);
  }
}

// ---- input ---------------------------------------------------------------------------------

bool AnnotationView::focusNextPrevChild(bool) { return false; }  // Tab moves between spans

bool AnnotationView::refuseIfReadOnly() {
  if (!m_readOnly) return false;
  Q_EMIT statusMessage(tr("This document is read-only."));
  return true;
}

void AnnotationView::moveCaret(int pos, bool extend) { setSelectionUtf16(extend ? m_anchor : pos, pos); }

void AnnotationView::moveCurrent(int step) {
  const int n = int(m_index.spans().size());
  if (n == 0) {
    Q_EMIT statusMessage(tr("This document has no spans yet."));
    return;
  }
  int cur = m_index.spanIndex(m_currentSpan);
  if (cur < 0) {
    // Start from the caret: the first span at or after it (or before it, going back).
    const auto& spans = m_index.spans();
    auto it = std::lower_bound(spans.cbegin(), spans.cend(), m_cursor,
                               [](const AnnotationIndex::Span& s, int u) { return s.start < u; });
    cur = int(it - spans.cbegin());
    cur = step > 0 ? cur % n : (cur - 1 + n) % n;
  } else {
    cur = (cur + step + n) % n;
  }
  setCurrentSpanIndex(cur);
  ensureSpanVisible(m_currentSpan);
}

void AnnotationView::keyPressEvent(QKeyEvent* event) {
  bool extend = false;
  if (const ViewCommand command = AnnotationKeys::commandFor(*event, &extend); command != ViewCommand::None) {
    runCommand(command, extend);
    return;
  }
  if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
    event->ignore();  // Ctrl+Z and friends belong to the owner
    return;
  }
  if (!event->text().isEmpty() && handleHotkey(event->text())) return;
  QAbstractScrollArea::keyPressEvent(event);
}

void AnnotationView::runCommand(ViewCommand command, bool extend) {
  switch (command) {
    case ViewCommand::None:
      return;
    case ViewCommand::MoveLeft:
    case ViewCommand::MoveRight:
    case ViewCommand::MoveUp:
    case ViewCommand::MoveDown:
    case ViewCommand::LineStart:
    case ViewCommand::LineEnd:
    case ViewCommand::DocumentStart:
    case ViewCommand::DocumentEnd:
    case ViewCommand::PageUp:
    case ViewCommand::PageDown:
      moveBy(command, extend);
      return;
    case ViewCommand::NextSpan:
      moveCurrent(1);
      return;
    case ViewCommand::PreviousSpan:
      moveCurrent(-1);
      return;
    case ViewCommand::Remove:
      if (refuseIfReadOnly()) return;
      if (!m_currentRelation.isEmpty())
        Q_EMIT relationRemovalRequested(m_currentRelation);
      else if (!m_currentSpan.isEmpty())
        Q_EMIT entityRemovalRequested(m_currentSpan);
      else
        Q_EMIT statusMessage(tr("Nothing to delete: pick a span with Tab or a click first."));
      return;
    case ViewCommand::Cancel:
      if (isRelationPending()) {
        cancelRelation();
        Q_EMIT statusMessage(tr("Relation cancelled."));
      } else if (hasSelection()) {
        setSelectionUtf16(m_cursor, m_cursor);
      } else {
        setCurrentSpanIndex(-1);
        m_currentRelation.clear();
        viewport()->update();
      }
      return;
    case ViewCommand::Confirm:
      if (isRelationPending()) completeRelation(m_index.spanIndex(m_currentSpan));
      return;
    case ViewCommand::MarkDone:
      if (!refuseIfReadOnly()) Q_EMIT markDoneRequested();
      return;
    case ViewCommand::StartRelation:
      startRelation();
      return;
    case ViewCommand::Answer:
      openQaPopup();
      return;
    case ViewCommand::NextDocument:
      Q_EMIT nextDocumentRequested();
      return;
    case ViewCommand::PreviousDocument:
      Q_EMIT previousDocumentRequested();
      return;
    case ViewCommand::KeyboardSheet:
      Q_EMIT keyboardSheetRequested();
      return;
    case ViewCommand::AcceptSuggestion:
    case ViewCommand::RejectSuggestion: {
      if (!m_decidingWhileReadOnly && refuseIfReadOnly()) return;
      const int index = suggestionToDecide();
      if (index < 0) {
        Q_EMIT statusMessage(tr("No suggestion in this document: Model ▸ Suggest asks the latest model."));
        return;
      }
      if (command == ViewCommand::AcceptSuggestion)
        Q_EMIT suggestionAcceptRequested(index);
      else
        Q_EMIT suggestionRejectRequested(index);
      return;
    }
    case ViewCommand::AcceptAllSuggestions:
      if (m_decidingWhileReadOnly || !refuseIfReadOnly()) Q_EMIT acceptAllSuggestionsRequested();
      return;
  }
}

void AnnotationView::moveBy(ViewCommand command, bool extend) {
  const TextNavigator words(m_index);
  LineNavigator lines(m_index, m_cache);
  qreal goal = m_goalX;
  int pos = m_cursor;
  const bool forward = command == ViewCommand::MoveDown || command == ViewCommand::PageDown;
  switch (command) {
    case ViewCommand::MoveRight:
      pos = m_wordSnapping ? words.nextWordEnd(m_cursor) : words.nextCharacter(m_cursor);
      break;
    case ViewCommand::MoveLeft:
      pos = m_wordSnapping ? words.previousWordStart(m_cursor) : words.previousCharacter(m_cursor);
      break;
    case ViewCommand::MoveUp:
    case ViewCommand::MoveDown:
      if (goal < 0) goal = lines.caretAt(m_cursor).x;
      pos = lines.verticalMove(m_cursor, forward ? 1 : -1, goal);
      break;
    case ViewCommand::LineStart:
      pos = lines.lineStart(m_cursor);
      break;
    case ViewCommand::LineEnd:
      pos = lines.lineEnd(m_cursor);
      break;
    case ViewCommand::DocumentStart:
      pos = 0;
      break;
    case ViewCommand::DocumentEnd:
      pos = int(m_index.text().size());
      break;
    case ViewCommand::PageUp:
    case ViewCommand::PageDown: {
      // The caret keeps its place on screen while the page turns under it.
      const LineNavigator::Caret caret = lines.caretAt(m_cursor);
      if (goal < 0) goal = caret.x;
      const int page = std::max(1, viewport()->height() - QFontMetrics(font()).height() * 2);
      const int y = caret.textTop + (forward ? page : -page);
      if (y < 0)
        pos = 0;
      else if (y >= m_cache.totalHeight())
        pos = int(m_index.text().size());
      else
        pos = lines.positionAt(y, goal);
      QScrollBar* bar = verticalScrollBar();
      bar->setValue(bar->value() + (forward ? page : -page));
      break;
    }
    default:
      return;
  }
  moveCaret(pos, extend);
  if (command == ViewCommand::MoveUp || command == ViewCommand::MoveDown || command == ViewCommand::PageUp ||
      command == ViewCommand::PageDown)
    m_goalX = goal;
  ensureCursorVisible();
}

bool AnnotationView::handleHotkey(const QString& text) {
  const QString k = text.toLower();
  const EntityType* type = nullptr;
  for (const EntityType& t : m_schema.entityTypes)
    if (!t.hotkey.isEmpty() && t.hotkey.toLower() == k) type = &t;
  if (!type) return false;
  if (hasSelection()) {
    labelSelection(type->name);
  } else if (m_currentSpan.isEmpty()) {
    Q_EMIT statusMessage(tr("Select some text first, then press %1 to label it %2.").arg(text, type->name));
  } else if (!refuseIfReadOnly()) {
    Q_EMIT entityTypeChangeRequested(m_currentSpan, type->name);
  }
  return true;
}

void AnnotationView::labelSelection(const QString& type) {
  if (refuseIfReadOnly()) return;
  const auto [a, b] = selectionUtf16();
  QVector<Fragment> fragments;
  Fragment f;
  f.start = m_index.toCodePoint(a);
  f.end = m_index.toCodePoint(b);
  fragments.push_back(f);
  setSelectionUtf16(b, b);
  Q_EMIT entityRequested(type, fragments);
}

void AnnotationView::startRelation() {
  if (refuseIfReadOnly()) return;
  if (m_currentSpan.isEmpty()) {
    Q_EMIT statusMessage(tr("Pick the head span first (Tab or a click), then press R."));
    return;
  }
  if (m_schema.relationTypes.isEmpty()) {
    Q_EMIT statusMessage(tr("The schema has no relation types."));
    return;
  }
  m_relationHead = m_currentSpan;
  viewport()->update();
  Q_EMIT statusMessage(
      tr("Relation from %1: pick the tail with Tab or a click, Enter to confirm, Escape to cancel.")
          .arg(m_relationHead));
}

void AnnotationView::cancelRelation() {
  if (m_relationHead.isEmpty()) return;
  m_relationHead.clear();
  viewport()->update();
}

void AnnotationView::completeRelation(int tailSpan) {
  const int head = m_index.spanIndex(m_relationHead);
  if (head < 0) {
    cancelRelation();
    return;
  }
  if (tailSpan < 0 || tailSpan == head) {
    Q_EMIT statusMessage(tr("Pick a tail span other than the head (Tab or a click), or Escape to cancel."));
    return;
  }
  const auto& h = m_index.spans()[head];
  const auto& t = m_index.spans()[tailSpan];
  QStringList valid;
  for (const RelationType& rt : m_schema.relationTypes)
    if (rt.allows(h.type, t.type)) valid.push_back(rt.name);
  const QString headKey = h.key, tailKey = t.key;
  cancelRelation();
  setCurrentSpanIndex(tailSpan);
  if (valid.isEmpty()) {
    Q_EMIT statusMessage(tr("No relation type in the schema allows a %1 head with a %2 tail (%3 \u2192 %4).")
                             .arg(h.type, t.type, headKey, tailKey));
    return;
  }
  // The "pick the tail" prompt is over: the status bar says what was made.
  const QString made = tr("Relation %1: %2 \u2192 %3.");
  if (valid.size() == 1) {
    Q_EMIT relationRequested(valid.front(), headKey, tailKey);
    Q_EMIT statusMessage(made.arg(valid.front(), headKey, tailKey));
    return;
  }
  Q_EMIT statusMessage(tr("Pick the relation type for %1 \u2192 %2.").arg(headKey, tailKey));
  QMenu* menu = newPopup(QStringLiteral("relationTypePopup"));
  menu->setTitle(tr("Relation type"));
  for (const QString& name : std::as_const(valid)) {
    QAction* action = menu->addAction(name);
    action->setData(name);
    connect(action, &QAction::triggered, this, [this, name, headKey, tailKey, made]() {
      if (m_popup) m_popup->close();
      Q_EMIT relationRequested(name, headKey, tailKey);
      Q_EMIT statusMessage(made.arg(name, headKey, tailKey));
    });
  }
  menu->popup(popupPosition());
}

void AnnotationView::openQaPopup() {
  if (refuseIfReadOnly()) return;
  if (m_schema.qaFields.isEmpty()) {
    Q_EMIT statusMessage(tr("The schema has no QA fields."));
    return;
  }
  if (!hasSelection()) {
    Q_EMIT statusMessage(tr("Select the answer text first, then press Q."));
    return;
  }
  const auto [start, end] = selection();
  QMenu* menu = newPopup(QStringLiteral("qaFieldPopup"));
  menu->setTitle(tr("Answer field"));
  for (const QaField& field : std::as_const(m_schema.qaFields)) {
    const QString label =
        field.questions.isEmpty() ? field.name : tr("%1 \u2014 %2").arg(field.name, field.questions.front());
    QAction* action = menu->addAction(label);
    action->setData(field.name);
    const QString name = field.name;
    connect(action, &QAction::triggered, this, [this, name, start, end]() {
      if (m_popup) m_popup->close();
      Q_EMIT answerRequested(name, start, end);
    });
  }
  menu->popup(popupPosition());
}

QMenu* AnnotationView::newPopup(const QString& objectName) {
  if (m_popup) m_popup->close();
  auto* menu = new QMenu(this);
  menu->setObjectName(objectName);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  m_popup = menu;
  return menu;
}

QPoint AnnotationView::popupPosition() const {
  QRect r = spanRect(m_currentSpan);
  if (r.isNull() || !viewport()->rect().intersects(r)) r = QRect(viewport()->rect().center(), QSize(1, 1));
  return viewport()->mapToGlobal(r.bottomLeft());
}

void AnnotationView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
  setFocus(Qt::MouseFocusReason);
  const QPoint pos = event->position().toPoint();
  const QString relation = relationAt(pos);
  if (!relation.isEmpty() && !isRelationPending()) {
    setCurrentSpanIndex(-1);
    m_currentRelation = relation;
    viewport()->update();
    return;
  }
  const int span = spanIndexAt(pos);
  if (isRelationPending() && span >= 0) {
    completeRelation(span);
    return;
  }
  const BlockHit hit = hitBlock(pos);
  if (hit.block < 0) return;
  const int u = m_index.blocks()[hit.block].start + m_cache.layout(hit.block).cursorAt(hit.local);
  m_pressPos = u;
  m_pressPoint = pos;
  m_dragging = true;
  setSelectionUtf16(u, u);
  if (!isRelationPending()) {
    m_currentRelation.clear();
    setCurrentSpanIndex(span);
  }
}

void AnnotationView::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  if (m_dragging && (event->buttons() & Qt::LeftButton)) {
    if ((pos - m_pressPoint).manhattanLength() < QApplication::startDragDistance()) return;
    const BlockHit hit = hitBlock(pos);
    if (hit.block < 0) return;
    const int u = m_index.blocks()[hit.block].start + m_cache.layout(hit.block).cursorAt(hit.local);
    int a = std::min(m_pressPos, u), b = std::max(m_pressPos, u);
    if (m_wordSnapping) TextNavigator(m_index).snapToWords(&a, &b);
    if (u >= m_pressPos)
      setSelectionUtf16(a, b);
    else
      setSelectionUtf16(b, a);
    return;
  }
  const QString relation = relationAt(pos);
  const QString span = relation.isEmpty() ? spanAt(pos) : QString();
  if (relation != m_hoverRelation || span != m_hoverSpan) {
    m_hoverRelation = relation;
    m_hoverSpan = span;
    viewport()->update();
  }
}

void AnnotationView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) m_dragging = false;
  event->accept();
}

void AnnotationView::mouseDoubleClickEvent(QMouseEvent* event) {
  const BlockHit hit = hitBlock(event->position().toPoint());
  if (hit.block < 0) return;
  const int u = m_index.blocks()[hit.block].start + m_cache.layout(hit.block).cursorAt(hit.local);
  int a = 0, b = 0;
  // A click on the right half of a word's last letter puts the caret just after the word.
  const TextNavigator nav(m_index);
  if (nav.wordAt(u, &a, &b) || (u > 0 && nav.wordAt(u - 1, &a, &b))) setSelectionUtf16(a, b);
}

bool AnnotationView::viewportEvent(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString tip = toolTipAt(help->pos());
    if (tip.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), tip, viewport());
    return true;
  }
  if (event->type() == QEvent::Leave && (!m_hoverSpan.isEmpty() || !m_hoverRelation.isEmpty())) {
    m_hoverSpan.clear();
    m_hoverRelation.clear();
    viewport()->update();
  }
  return QAbstractScrollArea::viewportEvent(event);
}

}  // namespace quarry::ui
