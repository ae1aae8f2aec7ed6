#include "annotation/LineLayoutCache.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

#include "annotation/AnnotationIndex.h"

namespace quarry::ui {

void LineLayoutCache::reset(const AnnotationIndex* index, const LayoutMetrics& metrics) {
  m_index = index;
  m_metrics = metrics;
  m_layouts.clear();
  const int n = index ? int(index->blocks().size()) : 0;
  m_heights.resize(n);
  m_exact.fill(false, n);
  for (int b = 0; b < n; ++b) m_heights[b] = estimate(b);
  m_topsDirty = true;
}

int LineLayoutCache::estimate(int block) const {
  const auto& b = m_index->blocks()[block];
  const QFontMetricsF fm(m_metrics.font);
  const qreal charWidth = std::max<qreal>(1, fm.averageCharWidth());
  const int lines = std::max(1, int(std::ceil((b.end - b.start) * charWidth / m_metrics.width)));
  qreal perLine = fm.height() + m_metrics.lineGap + 2;
  if (!b.spans.isEmpty()) perLine += m_metrics.spanLaneHeight;
  qreal h = lines * perLine + m_metrics.blockGap;
  if (!b.links.isEmpty()) h += lines * m_metrics.arcLaneHeight;
  return int(std::ceil(h));
}

void LineLayoutCache::invalidate(const QVector<int>& blocks) {
  for (int b : blocks) {
    if (b < 0 || b >= m_heights.size()) continue;
    m_layouts.erase(b);
  }
}

void LineLayoutCache::renumber(Numbering what, const std::function<int(int)>& to) {
  for (auto it = m_layouts.begin(); it != m_layouts.end();) {
    BlockLayout& l = *it->second;
    bool gone = false;
    auto follow = [&](int& i) {
      i = to(i);
      gone = gone || i < 0;
    };
    switch (what) {
      case Numbering::Spans: {
        for (SpanPiece& p : l.spans) follow(p.span);
        QHash<int, int> lanes;
        for (auto lane = l.laneOfSpan.cbegin(); lane != l.laneOfSpan.cend(); ++lane) {
          int span = lane.key();
          follow(span);
          lanes.insert(span, lane.value());
        }
        l.laneOfSpan = lanes;
        break;
      }
      case Numbering::Links:
        for (ArcPiece& a : l.arcs) follow(a.link);
        break;
      case Numbering::Answers:
        for (AnswerPiece& a : l.answers) follow(a.answer);
        break;
    }
    it = gone ? m_layouts.erase(it) : std::next(it);
  }
}

const BlockLayout& LineLayoutCache::layout(int block) {
  auto it = m_layouts.find(block);
  if (it != m_layouts.end()) return *it->second;
  auto built = std::make_unique<BlockLayout>();
  built->build(*m_index, block, m_metrics);
  if (built->height != m_heights[block]) {
    m_heights[block] = built->height;
    m_topsDirty = true;
  }
  m_exact[block] = true;
  return *m_layouts.emplace(block, std::move(built)).first->second;
}

void LineLayoutCache::updateTops() {
  if (!m_topsDirty) return;
  m_tops.resize(m_heights.size() + 1);
  int y = 0;
  for (int b = 0; b < m_heights.size(); ++b) {
    m_tops[b] = y;
    y += m_heights[b];
  }
  m_tops[m_heights.size()] = y;
  m_topsDirty = false;
}

int LineLayoutCache::blockTop(int block) {
  updateTops();
  return m_tops[std::clamp(block, 0, int(m_heights.size()))];
}

int LineLayoutCache::totalHeight() {
  updateTops();
  return m_tops.isEmpty() ? 0 : m_tops.back();
}

int LineLayoutCache::blockAtY(int y) {
  updateTops();
  if (m_heights.isEmpty()) return -1;
  auto it = std::upper_bound(m_tops.cbegin(), m_tops.cend() - 1, y);
  return std::clamp(int(it - m_tops.cbegin()) - 1, 0, int(m_heights.size()) - 1);
}

void LineLayoutCache::trim(int first, int last) {
  if (int(m_layouts.size()) <= kMaxCached) return;
  QVector<QPair<int, int>> byDistance;  // (distance, block)
  for (const auto& kv : m_layouts) {
    const int b = kv.first;
    const int d = b < first ? first - b : (b > last ? b - last : 0);
    byDistance.push_back({d, b});
  }
  std::sort(byDistance.begin(), byDistance.end());
  for (int i = kMaxCached / 2; i < byDistance.size(); ++i)
    if (byDistance[i].first > 0) m_layouts.erase(byDistance[i].second);
}

}  // namespace quarry::ui
