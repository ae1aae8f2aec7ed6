#include "jobs/Adjudication.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <algorithm>

#include "corpus/TextOffsets.h"
#include "text/SentenceSplitter.h"

namespace quarry::jobs {
namespace {

constexpr int kLabelWindow = -1;
// The choice recorded for an agreed window merged into the gold layer (no annotator's name can be this).
constexpr const char* kMergedAgreed = "(agreed, merged)";

// One item of a layer: what identifies it across layers, how it reads, and where it is in the document.
struct Item {
  QString key;
  QString description;
  int window = 0;
  enum Kind { Span, Relation, Answer, Label } kind = Span;
  int index = 0;  // into the stored document's entities, relations, answers or labels
};

QString spanKey(const EntitySpan& e) {
  QStringList parts{QStringLiteral("S"), e.type};
  for (const Fragment& f : e.fragments) parts << QString::number(f.start) + QLatin1Char('-') + QString::number(f.end);
  return parts.join(QLatin1Char('|'));
}

QString answerKey(const QaAnswer& a) {
  return QStringList{QStringLiteral("Q"), a.field, a.questionId,
                     a.noAnswer ? QStringLiteral("none")
                                : QString::number(a.start) + QLatin1Char('-') + QString::number(a.end)}
      .join(QLatin1Char('|'));
}

struct Layers {
  StoredDocument stored;
  bool whole = true;          // the whole document, else one window's stretch (loadDocumentRange)
  QVector<int> windowStarts;  // sentence starts, ascending
  QVector<int> windowEnds;
  QHash<QString, QMap<int, QVector<Item>>> items;  // annotator -> window -> items (sorted by key)
};

int windowOf(const Layers& l, int position) {
  auto it = std::upper_bound(l.windowStarts.cbegin(), l.windowStarts.cend(), position);
  return it == l.windowStarts.cbegin() ? l.windowStarts.value(0, 0) : *(it - 1);
}

// The layers of the whole document; or, given the windows of an earlier review, of the one window starting
// at `window` (its items and what they need: ProjectStore::loadDocumentRange).
Result<Layers> readLayers(ProjectStore& store, qint64 documentId, QStringList* annotators,
                          const DocumentAdjudication* windows = nullptr, int window = 0) {
  Layers l;
  Result<StoredDocument> stored =
      windows ? store.loadDocumentRange(documentId, window, windows->windowEnd(window))
              : store.loadDocument(documentId);
  if (!stored) return stored.error();
  l.stored = std::move(stored.value());
  l.whole = !windows;
  const Document& d = l.stored.document;
  if (windows) {
    l.windowStarts = windows->sentenceStarts;
    l.windowEnds = windows->sentenceEnds;
  } else {
    std::vector<text::Span> protectedSpans;
    for (const EntitySpan& e : d.entities) protectedSpans.push_back({e.start(), e.end()});
    const QVector<uint> ucs4 = d.text.toUcs4();
    const std::u32string cps(ucs4.begin(), ucs4.end());
    for (const text::Span& s : text::splitSentences(cps, {}, protectedSpans)) {
      l.windowStarts << s.start;
      l.windowEnds << s.end;
    }
  }
  const TextOffsets offsets(d.text);
  auto surface = [&](const EntitySpan& e) { return offsets.slice(d.text, e.start(), e.end()); };
  QHash<QString, const EntitySpan*> byKey;
  for (const EntitySpan& e : d.entities) byKey.insert(e.key, &e);
  for (int i = 0; i < d.entities.size(); ++i) {
    const EntitySpan& e = d.entities[i];
    l.items[e.provenance.annotator][windowOf(l, e.start())].push_back(
        {spanKey(e), QStringLiteral("%1 '%2' %3-%4").arg(e.type, surface(e)).arg(e.start()).arg(e.end()),
         windowOf(l, e.start()), Item::Span, i});
  }
  for (int i = 0; i < d.relations.size(); ++i) {
    const Relation& r = d.relations[i];
    const EntitySpan* head = byKey.value(r.head);
    const EntitySpan* tail = byKey.value(r.tail);
    if (!head || !tail) continue;
    l.items[r.provenance.annotator][windowOf(l, head->start())].push_back(
        {QStringLiteral("R|%1|%2|%3").arg(r.type, spanKey(*head), spanKey(*tail)),
         QStringLiteral("%1 '%2' -> '%3'").arg(r.type, surface(*head), surface(*tail)), windowOf(l, head->start()),
         Item::Relation, i});
  }
  for (int i = 0; i < d.answers.size(); ++i) {
    const QaAnswer& a = d.answers[i];
    const QString question = a.questionId.isEmpty() ? a.field : a.field + QLatin1Char(' ') + a.questionId;
    const int window = a.noAnswer ? kLabelWindow : windowOf(l, a.start);
    l.items[a.provenance.annotator][window].push_back(
        {answerKey(a),
         a.noAnswer ? QStringLiteral("answer %1: none").arg(question)
                    : QStringLiteral("answer %1 '%2' %3-%4")
                          .arg(question, offsets.slice(d.text, a.start, a.end))
                          .arg(a.start)
                          .arg(a.end),
         window, Item::Answer, i});
  }
  for (int i = 0; i < d.labels.size(); ++i) {
    const DocumentLabel& label = d.labels[i];
    l.items[label.provenance.annotator][kLabelWindow].push_back(
        {QStringLiteral("L|") + label.category, QStringLiteral("label %1").arg(label.category), kLabelWindow,
         Item::Label, i});
  }
  for (auto& windows : l.items)
    for (auto& list : windows)
      std::sort(list.begin(), list.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
  // Whose layers: the document's assignees, else everyone with an item here (the adjudicator aside); for one
  // window, those of the review.
  if (windows) *annotators = windows->annotators;
  if (annotators->isEmpty()) {
    Result<QVector<Assignment>> assigned = store.assignments();
    if (!assigned) return assigned.error();
    for (const Assignment& a : assigned.value())
      if (a.documentId == documentId) *annotators << a.annotator;
  }
  if (annotators->isEmpty()) annotators->append(l.items.keys());
  return l;
}

QStringList keysOf(const QVector<Item>& items) {
  QStringList keys;
  for (const Item& i : items) keys << i.key;
  return keys;
}

// The document's windows (Adjudication::review), and in `read` the layers they were made from.
Result<DocumentAdjudication> reviewLayers(ProjectStore& store, const QString& adjudicator, qint64 documentId,
                                          Layers* read) {
  DocumentAdjudication out;
  out.documentId = documentId;
  Result<Layers> layers = readLayers(store, documentId, &out.annotators);
  if (!layers) return layers.error();
  out.annotators.removeAll(adjudicator);
  out.annotators.removeDuplicates();
  out.annotators.sort();
  out.document = layers->stored.document.name;
  out.sentenceStarts = layers->windowStarts;
  out.sentenceEnds = layers->windowEnds;
  Result<QVector<AdjudicationDecision>> decisions = store.adjudicationDecisions(documentId);
  if (!decisions) return decisions.error();
  QHash<int, QString> decided;
  for (const AdjudicationDecision& d : decisions.value()) decided.insert(d.windowStart, d.chosen);
  QSet<int> windows;
  for (const QString& a : out.annotators) {
    const QMap<int, QVector<Item>> windowsOfA = layers->items.value(a);
    for (auto it = windowsOfA.cbegin(); it != windowsOfA.cend(); ++it) windows.insert(it.key());
  }
  QList<int> ordered(windows.cbegin(), windows.cend());
  std::sort(ordered.begin(), ordered.end());
  for (int start : ordered) {
    AdjudicationWindow w;
    w.start = start;
    w.end = out.windowEnd(start);
    w.annotators = out.annotators;
    QSet<QString> distinct;
    for (const QString& a : out.annotators) {
      const QVector<Item> items = layers->items.value(a).value(start);
      QStringList described;
      for (const Item& i : items) described << i.description;
      w.versions << described;
      distinct.insert(keysOf(items).join(QLatin1Char('\n')));
    }
    w.agreed = distinct.size() == 1;
    // An agreed window once merged is recorded as such; should it differ later (someone edited their layer),
    // it is undecided again.
    w.decidedFor = decided.value(start);
    w.decided = decided.contains(start);
    if (w.decided && w.decidedFor == QLatin1String(kMergedAgreed)) {
      w.decided = w.agreed;
      w.decidedFor.clear();
    }
    if (w.agreed) ++out.agreedWindows;
    else if (!w.decided) ++out.undecided;
    out.windows << w;
  }
  Result<QHash<qint64, QString>> adjudicated = store.adjudicatedDocuments();
  if (!adjudicated) return adjudicated.error();
  out.adjudicatedBy = adjudicated->value(documentId);
  *read = std::move(layers.value());
  return out;
}

// Copies `items` of the stored document `sd` (as the store holds it now) into the adjudicator's layer: the
// spans in one transaction, then the labels, then the relations between gold spans.
Result<int> copyItems(ProjectStore& store, const StoredDocument& sd, bool whole, const QVector<Item>& items,
                      const QString& adjudicator, const QSet<QString>& alreadyGold) {
  int copied = 0;
  // New keys continue the document's T<n> and R<n> (every layer's), so the store need not search for one
  // each; given a stretch of the document only, the store finds them.
  qint64 lastKey = 0, lastRelationKey = 0;
  if (whole) {
    for (const EntitySpan& e : sd.document.entities)
      if (e.key.startsWith(QLatin1Char('T'))) lastKey = std::max(lastKey, e.key.mid(1).toLongLong());
    for (const Relation& r : sd.document.relations)
      if (r.key.startsWith(QLatin1Char('R')))
        lastRelationKey = std::max(lastRelationKey, r.key.mid(1).toLongLong());
  }
  auto spanKeyAfter = [&] { return whole ? QStringLiteral("T%1").arg(++lastKey) : QString(); };
  auto relationKeyAfter = [&] { return whole ? QStringLiteral("R%1").arg(++lastRelationKey) : QString(); };
  QVector<EntitySpan> spans;  // written together, in one transaction
  for (const Item& i : items) {
    if (alreadyGold.contains(i.key)) continue;
    if (i.kind == Item::Span) {
      EntitySpan span = sd.document.entities[i.index];
      span.key = spanKeyAfter();
      spans << span;
    } else if (i.kind == Item::Answer) {
      Result<qint64> id = store.setAnswer(sd.id, sd.document.answers[i.index], adjudicator, Origin::Manual);
      if (!id) return id.error();
      ++copied;
    } else if (i.kind == Item::Label) {
      Result<qint64> id = store.addLabel(sd.id, sd.document.labels[i.index].category, adjudicator, Origin::Manual);
      if (!id) return id.error();
      ++copied;
    }
  }
  Result<QVector<qint64>> spanIds = store.addEntities(sd.id, spans, adjudicator, Origin::Manual);
  if (!spanIds) return spanIds.error();
  copied += int(spans.size());
  // The gold layer's spans now: those it had, and those just written.
  QHash<QString, qint64> goldSpanIds;  // span key -> id of the adjudicator's span
  for (int i = 0; i < sd.document.entities.size(); ++i)
    if (sd.document.entities[i].provenance.annotator == adjudicator)
      goldSpanIds.insert(spanKey(sd.document.entities[i]), sd.entityIds[i]);
  for (int k = 0; k < spans.size(); ++k) goldSpanIds.insert(spanKey(spans[k]), spanIds->at(k));
  QHash<QString, const EntitySpan*> byKey;
  for (const EntitySpan& e : sd.document.entities) byKey.insert(e.key, &e);
  for (const Item& i : items) {
    if (i.kind != Item::Relation || alreadyGold.contains(i.key)) continue;
    const Relation& r = sd.document.relations[i.index];
    const qint64 head = goldSpanIds.value(spanKey(*byKey.value(r.head)), 0);
    const qint64 tail = goldSpanIds.value(spanKey(*byKey.value(r.tail)), 0);
    if (!head || !tail) continue;  // an argument the gold layer does not have (another window's choice)
    Result<qint64> id =
        store.addRelation(sd.id, r.type, head, tail, adjudicator, Origin::Manual, relationKeyAfter());
    if (!id) return id.error();
    ++copied;
  }
  return copied;
}

QSet<QString> goldKeys(const Layers& l, const QString& adjudicator, int window) {
  QSet<QString> keys;
  for (const Item& i : l.items.value(adjudicator).value(window)) keys.insert(i.key);
  return keys;
}

}  // namespace

int DocumentAdjudication::windowEnd(int start) const {
  if (start < 0) return kLabelWindow;
  const auto it = std::lower_bound(sentenceStarts.cbegin(), sentenceStarts.cend(), start);
  return it != sentenceStarts.cend() && *it == start ? sentenceEnds[int(it - sentenceStarts.cbegin())]
                                                     : start;
}

Result<DocumentAdjudication> Adjudication::review(qint64 documentId) {
  Layers layers;
  return reviewLayers(m_store, m_adjudicator, documentId, &layers);
}

Result<int> Adjudication::mergeAgreed(qint64 documentId) {
  Layers read;
  Result<DocumentAdjudication> state = reviewLayers(m_store, m_adjudicator, documentId, &read);
  if (!state) return state.error();
  // Every agreed window's items at once: spans first, then relations, so that a relation whose tail lies in a
  // later window still finds its arguments.
  // A window merged once is recorded, and never merged again: what the adjudicator then removed from the gold
  // layer by hand stays removed.
  QVector<Item> items;
  QSet<QString> alreadyGold;
  QVector<const AdjudicationWindow*> merged;
  for (const AdjudicationWindow& w : state->windows) {
    if (!w.agreed || w.decided || w.annotators.isEmpty()) continue;
    items += read.items.value(w.annotators.front()).value(w.start);
    alreadyGold += goldKeys(read, m_adjudicator, w.start);
    merged << &w;
  }
  Result<int> copied = copyItems(m_store, read.stored, read.whole, items, m_adjudicator, alreadyGold);
  if (!copied) return copied;
  QVector<AdjudicationDecision> decisions;
  for (const AdjudicationWindow* w : merged)
    decisions.push_back({w->start, w->end, QLatin1String(kMergedAgreed), m_adjudicator, {}});
  if (Status s = m_store.recordAdjudicationDecisions(documentId, decisions); !s) return s.error();
  return copied;
}

Status Adjudication::accept(qint64 documentId, int windowStart, const QString& annotator) {
  Result<DocumentAdjudication> state = review(documentId);
  if (!state) return state.error();
  return accept(*state, windowStart, annotator);
}

Status Adjudication::accept(const DocumentAdjudication& state, int windowStart, const QString& annotator) {
  const qint64 documentId = state.documentId;
  const auto w = std::find_if(state.windows.cbegin(), state.windows.cend(),
                              [&](const AdjudicationWindow& x) { return x.start == windowStart; });
  if (w == state.windows.cend())
    return Error(QStringLiteral("document '%1' has no window at %2")
                     .arg(state.document)
                     .arg(windowStart)
                     .toStdString());
  if (!annotator.isEmpty() && !state.annotators.contains(annotator))
    return Error(QStringLiteral("'%1' is not one of the annotators of '%2' (%3)")
                     .arg(annotator, state.document, state.annotators.join(QStringLiteral(", ")))
                     .toStdString());
  // Only this window's stretch of the document is read, so that a key costs the same in a long document.
  QStringList annotators;
  Result<Layers> read = readLayers(m_store, documentId, &annotators, &state, windowStart);
  if (!read) return read.error();
  // The gold layer's items in the window give way to the chosen version (relations go with their spans).
  const QVector<Item> chosen = read->items.value(annotator).value(windowStart);
  const QStringList chosenKeys = keysOf(chosen);
  const QSet<QString> keepKeys(chosenKeys.cbegin(), chosenKeys.cend());
  bool removedAny = false;
  for (const Item& i : read->items.value(m_adjudicator).value(windowStart)) {
    if (keepKeys.contains(i.key)) continue;
    removedAny = true;
    const StoredDocument& sd = read->stored;
    Status removed = i.kind == Item::Span ? m_store.removeEntity(sd.entityIds[i.index], m_adjudicator)
                     : i.kind == Item::Relation
                         ? m_store.removeRelation(sd.relationIds[i.index], m_adjudicator)
                     : i.kind == Item::Answer ? m_store.removeAnswer(sd.answerIds[i.index], m_adjudicator)
                                              : m_store.removeLabel(sd.labelIds[i.index], m_adjudicator);
    if (!removed && i.kind != Item::Relation) return removed;  // a relation may have gone with its span
  }
  // The window as it is now: read again only when something was removed (row ids and gold keys changed).
  Result<Layers> now =
      removedAny ? readLayers(m_store, documentId, &annotators, &state, windowStart) : std::move(read);
  if (!now) return now.error();
  Result<int> copied =
      copyItems(m_store, now->stored, now->whole, now->items.value(annotator).value(windowStart),
                m_adjudicator, goldKeys(*now, m_adjudicator, windowStart));
  if (!copied) return copied.error();
  return m_store.recordAdjudicationDecision(documentId, {windowStart, w->end, annotator, m_adjudicator, {}});
}

Status Adjudication::finish(qint64 documentId) {
  if (Result<int> merged = mergeAgreed(documentId); !merged) return merged.error();
  Result<DocumentAdjudication> state = review(documentId);
  if (!state) return state.error();
  if (state->undecided > 0) {
    QStringList open;
    for (const AdjudicationWindow& w : state->windows)
      if (!w.agreed && !w.decided)
        open << (w.start < 0 ? QStringLiteral("document") : QString::number(w.start));
    return Error(QStringLiteral("'%1' still has %2 undecided disagreement(s), at %3")
                     .arg(state->document)
                     .arg(state->undecided)
                     .arg(open.join(QStringLiteral(", ")))
                     .toStdString());
  }
  return m_store.setAdjudicated(documentId, m_adjudicator, true);
}

}  // namespace quarry::jobs
