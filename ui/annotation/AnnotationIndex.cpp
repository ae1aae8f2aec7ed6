#include "annotation/AnnotationIndex.h"

#include <algorithm>
#include <iterator>

#include "annotation/TypeColours.h"

namespace quarry::ui {

namespace {

void addUnique(QVector<int>* v, int x) {
  if (!v->contains(x)) v->push_back(x);
}

}  // namespace

AnnotationIndex::AnnotationIndex() : m_offsets(QString()) {}

void AnnotationIndex::rebuild(const Document& document, const Schema& schema) {
  m_text = document.text;
  m_offsets = TextOffsets(m_text);
  splitBlocks();
  rebuildAnnotations(document, schema);
}

void AnnotationIndex::splitBlocks() {
  m_blocks.clear();
  const int n = int(m_text.size());
  int start = 0;
  while (start <= n) {
    int nl = int(m_text.indexOf(QLatin1Char('\n'), start));
    const int paraEnd = nl < 0 ? n : nl;
    // A long paragraph becomes several blocks, cut after a space where there is one.
    int s = start;
    while (paraEnd - s > kMaxBlockLength) {
      int cut = s + kMaxBlockLength;
      const int space = int(m_text.lastIndexOf(QLatin1Char(' '), cut - 1));
      if (space > s + kMaxBlockLength / 2)
        cut = space + 1;
      else if (m_text.at(cut - 1).isHighSurrogate())
        --cut;
      Block b;
      b.start = s;
      b.end = cut;
      m_blocks.push_back(b);
      s = cut;
    }
    Block b;
    b.start = s;
    b.end = (paraEnd > s && m_text.at(paraEnd - 1) == QLatin1Char('\r')) ? paraEnd - 1 : paraEnd;
    m_blocks.push_back(b);
    if (nl < 0) break;
    start = nl + 1;
  }
}

void AnnotationIndex::rebuildAnnotations(const Document& document, const Schema& schema) {
  m_typeColours.clear();
  // Types without a colour get one far from every colour already given.
  QVector<QColor> taken;
  for (const EntityType& t : schema.entityTypes)
    if (QColor(t.colour).isValid()) taken.push_back(QColor(t.colour));
  for (const EntityType& t : schema.entityTypes) {
    QColor c(t.colour);
    if (!c.isValid()) {
      c = TypeColours::distinctColour(taken);
      taken.push_back(c);
    }
    m_typeColours.insert(t.name, c);
  }
  for (Block& b : m_blocks) b.spans.clear();
  m_spans.clear();
  m_spans.reserve(document.entities.size());
  for (const EntitySpan& e : document.entities)
    if (!e.fragments.isEmpty()) m_spans.push_back(makeSpan(e));
  std::stable_sort(m_spans.begin(), m_spans.end(), [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  m_spanByKey.clear();
  m_spanByKey.reserve(m_spans.size());
  for (int i = 0; i < m_spans.size(); ++i) {
    m_spanByKey.insert(m_spans[i].key, i);
    for (const auto& f : m_spans[i].fragments) {
      const int first = blockAt(f.first), last = blockAt(std::max(f.first, f.second - 1));
      for (int b = first; b >= 0 && b <= last; ++b) addUnique(&m_blocks[b].spans, i);
    }
  }
  rebuildAnswers(document);
  rebuildLinks(document, schema);
}

AnnotationIndex::Span AnnotationIndex::makeSpan(const EntitySpan& e) const {
  Span s;
  s.key = e.key;
  s.type = e.type;
  s.colour = m_typeColours.value(e.type, QColor(Qt::gray));
  for (const Fragment& f : e.fragments) s.fragments.push_back({toUtf16(f.start), toUtf16(f.end)});
  std::sort(s.fragments.begin(), s.fragments.end());
  s.start = s.fragments.front().first;
  s.end = s.fragments.back().second;
  return s;
}

int AnnotationIndex::removeSpan(const QString& key) {
  const int gone = spanIndex(key);
  if (gone < 0) return -1;
  m_spans.remove(gone);
  m_spanByKey.remove(key);
  for (auto it = m_spanByKey.begin(); it != m_spanByKey.end(); ++it)
    if (it.value() > gone) --it.value();
  for (Block& b : m_blocks) {
    b.spans.removeOne(gone);
    for (int& s : b.spans)
      if (s > gone) --s;
  }
  for (Link& l : m_links) {
    l.head = l.head == gone ? -1 : (l.head > gone ? l.head - 1 : l.head);
    l.tail = l.tail == gone ? -1 : (l.tail > gone ? l.tail - 1 : l.tail);
  }
  return gone;
}

int AnnotationIndex::insertSpan(const EntitySpan& entity) {
  if (entity.fragments.isEmpty()) return -1;
  Span span = makeSpan(entity);
  // After the spans that sort equal, as the stable sort of a rebuild puts the newest.
  const int at = int(std::upper_bound(m_spans.cbegin(), m_spans.cend(), span,
                                      [](const Span& a, const Span& b) {
                                        return a.start != b.start ? a.start < b.start : a.end > b.end;
                                      }) -
                     m_spans.cbegin());
  for (auto it = m_spanByKey.begin(); it != m_spanByKey.end(); ++it)
    if (it.value() >= at) ++it.value();
  for (Block& b : m_blocks)
    for (int& s : b.spans)
      if (s >= at) ++s;
  for (Link& l : m_links) {
    if (l.head >= at) ++l.head;
    if (l.tail >= at) ++l.tail;
  }
  for (const auto& f : span.fragments) {
    const int first = blockAt(f.first), last = blockAt(std::max(f.first, f.second - 1));
    for (int b = first; b >= 0 && b <= last; ++b) {
      QVector<int>& spans = m_blocks[b].spans;
      const auto pos = std::lower_bound(spans.begin(), spans.end(), at);
      if (pos == spans.end() || *pos != at) spans.insert(pos, at);
    }
  }
  m_spanByKey.insert(span.key, at);
  m_spans.insert(at, std::move(span));
  return at;
}

QVector<int> AnnotationIndex::rebuildAnswers(const Document& document) {
  QVector<int> moved(m_answers.size(), -1);
  const QVector<Answer> before = m_answers;
  for (Block& b : m_blocks) b.answers.clear();
  m_answers.clear();
  for (int i = 0; i < document.answers.size(); ++i) {
    const QaAnswer& a = document.answers[i];
    if (a.noAnswer) continue;
    Answer x;
    x.answer = i;
    x.field = a.field;
    x.start = toUtf16(a.start);
    x.end = toUtf16(a.end);
    const int first = blockAt(x.start), last = blockAt(std::max(x.start, x.end - 1));
    for (int b = first; b >= 0 && b <= last; ++b) m_blocks[b].answers.push_back(int(m_answers.size()));
    m_answers.push_back(x);
  }
  // An answer is known by its field (the view shows one per field).
  for (int old = 0; old < before.size(); ++old)
    for (int now = 0; now < m_answers.size() && moved[old] < 0; ++now)
      if (m_answers[now].field == before[old].field) moved[old] = now;
  return moved;
}

QVector<int> AnnotationIndex::rebuildLinks(const Document& document, const Schema& schema) {
  QVector<int> moved(m_links.size(), -1);
  const QVector<Link> before = m_links;
  for (Block& b : m_blocks) b.links.clear();
  m_links.clear();
  m_linkByKey.clear();
  for (int i = 0; i < document.relations.size(); ++i) {
    const Relation& r = document.relations[i];
    Link l;
    l.relation = i;
    l.key = r.key;
    l.type = r.type;
    l.head = spanIndex(r.head);
    l.tail = spanIndex(r.tail);
    const RelationType* rt = schema.relationType(r.type);
    l.directed = rt ? rt->directed : true;
    l.colour = rt && QColor(rt->colour).isValid() ? QColor(rt->colour) : QColor(0x44, 0x44, 0x55);
    if (l.head < 0 || l.tail < 0) continue;  // dangling: nothing to draw between
    const int idx = int(m_links.size());
    m_linkByKey.insert(l.key, idx);
    m_links.push_back(l);
    addUnique(&m_blocks[blockAt(m_spans[l.head].start)].links, idx);
    addUnique(&m_blocks[blockAt(m_spans[l.tail].start)].links, idx);
  }
  for (int old = 0; old < before.size(); ++old) moved[old] = linkIndex(before[old].key);
  return moved;
}

int AnnotationIndex::toUtf16(int codePoint) const {
  const int u = m_offsets.toUtf16(std::clamp(codePoint, 0, m_offsets.codePointCount()));
  return u < 0 ? 0 : u;
}

int AnnotationIndex::toCodePoint(int utf16) const {
  const int cp = m_offsets.toCodePoint(std::clamp(utf16, 0, int(m_text.size())));
  return cp < 0 ? 0 : cp;
}

QString AnnotationIndex::blockText(int block) const {
  const Block& b = m_blocks[block];
  return m_text.mid(b.start, b.end - b.start);
}

int AnnotationIndex::blockAt(int utf16) const {
  if (m_blocks.isEmpty()) return -1;
  auto it = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), utf16,
                             [](int u, const Block& b) { return u < b.start; });
  if (it == m_blocks.cbegin()) return 0;
  return int(it - m_blocks.cbegin()) - 1;
}

QVector<int> AnnotationIndex::blocksOfSpan(int span) const {
  QVector<int> out;
  if (span < 0 || span >= m_spans.size()) return out;
  for (const auto& f : m_spans[span].fragments)
    for (int b = blockAt(f.first), last = blockAt(std::max(f.first, f.second - 1)); b >= 0 && b <= last; ++b)
      addUnique(&out, b);
  for (int l : linksOfSpan(span))
    for (int b : blocksOfLink(l)) addUnique(&out, b);
  return out;
}

QVector<int> AnnotationIndex::blocksOfLink(int link) const {
  QVector<int> out;
  if (link < 0 || link >= m_links.size()) return out;
  addUnique(&out, blockAt(m_spans[m_links[link].head].start));
  addUnique(&out, blockAt(m_spans[m_links[link].tail].start));
  return out;
}

QVector<int> AnnotationIndex::linksOfSpan(int span) const {
  QVector<int> out;
  if (span < 0 || span >= m_spans.size()) return out;
  for (int b : {blockAt(m_spans[span].start)})
    for (int l : m_blocks[b].links)
      if (m_links[l].head == span || m_links[l].tail == span) out.push_back(l);
  return out;
}

}  // namespace quarry::ui
