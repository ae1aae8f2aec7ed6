#pragma once
// Lays out blocks on demand and remembers them, so that only the blocks a person looks at are ever
// laid out. Blocks not laid out yet get an estimated height, which the layout replaces once known;
// the vertical position of every block comes from these heights.

#include <QVector>
#include <functional>
#include <memory>
#include <unordered_map>

#include "annotation/BlockLayout.h"

namespace quarry::ui {

class AnnotationIndex;

class LineLayoutCache {
 public:
  // Layouts kept at most; the ones farthest from the last requested block are dropped first.
  static constexpr int kMaxCached = 400;

  // Drops every layout and re-estimates all heights; call after a new document, width or font.
  void reset(const AnnotationIndex* index, const LayoutMetrics& metrics);
  // Drops the layouts of `blocks` (their annotations changed); their heights stay until re-laid out.
  void invalidate(const QVector<int>& blocks);
  // The index renumbered its spans, links or answers (`to`: old index -> new, -1 when gone); the layouts
  // kept follow, and one that showed something gone is dropped.
  enum class Numbering { Spans, Links, Answers };
  void renumber(Numbering what, const std::function<int(int)>& to);

  const LayoutMetrics& metrics() const { return m_metrics; }
  int blockCount() const { return int(m_heights.size()); }
  // The layout of `block`, built now when needed. The reference stays valid until the next call
  // that builds, resets, invalidates or trims.
  const BlockLayout& layout(int block);
  bool isLaidOut(int block) const { return m_layouts.count(block) != 0; }
  int laidOutCount() const { return int(m_layouts.size()); }
  bool isExact(int block) const { return m_exact[block]; }

  int blockTop(int block);           // content y of the block's top
  int blockHeight(int block) const { return m_heights[block]; }
  int totalHeight();
  int blockAtY(int y);               // block containing content y (clamped)
  // Keeps at most kMaxCached layouts, preferring those near [first, last].
  void trim(int first, int last);

 private:
  int estimate(int block) const;
  void updateTops();

  const AnnotationIndex* m_index = nullptr;
  LayoutMetrics m_metrics;
  std::unordered_map<int, std::unique_ptr<BlockLayout>> m_layouts;
  QVector<int> m_heights;
  QVector<bool> m_exact;
  QVector<int> m_tops;     // prefix sums of m_heights, one more entry than blocks
  bool m_topsDirty = true;
};

}  // namespace quarry::ui
