#pragma once
// The document as the annotation view needs it: text cut into blocks (paragraphs, long ones split),
// every annotation converted from code points to UTF-16 indices of the text, and per block the
// annotations that touch it, so that painting one block never scans the whole document.

#include <QColor>
#include <QHash>
#include <QPair>
#include <QString>
#include <QVector>

#include "corpus/Document.h"
#include "corpus/Schema.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {

class AnnotationIndex {
 public:
  struct Span {
    QString key;
    QString type;
    QColor colour;
    QVector<QPair<int, int>> fragments;     // UTF-16 [start, end), sorted
    int start = 0;                          // UTF-16, first fragment's start
    int end = 0;                            // UTF-16, last fragment's end
  };
  struct Link {
    int relation = -1;                      // index into Document::relations
    QString key;
    QString type;
    int head = -1;                          // index into spans(); -1 when the key is unknown
    int tail = -1;
    bool directed = true;
    QColor colour;
  };
  struct Answer {
    int answer = -1;                        // index into Document::answers
    QString field;
    int start = 0;                          // UTF-16
    int end = 0;
  };
  struct Block {
    int start = 0;                          // UTF-16 [start, end) of the block's text, no newline
    int end = 0;
    QVector<int> spans;                     // spans with a fragment overlapping the block
    QVector<int> answers;
    QVector<int> links;                     // links whose head or tail anchor lies in the block
  };

  // Blocks longer than this many UTF-16 units are cut at a space, so no single QTextLayout is huge.
  static constexpr int kMaxBlockLength = 2000;

  AnnotationIndex();

  // Rebuilds everything from `document` (text and annotations).
  void rebuild(const Document& document, const Schema& schema);
  // Rebuilds the annotations only: the text must be the one of the last rebuild().
  void rebuildAnnotations(const Document& document, const Schema& schema);

  // One span changed, the text and the other spans as they were. Holders of span indices follow the
  // returned index: after removeSpan() the spans above it moved down by one, after insertSpan() those
  // at or above it moved up by one (the links follow by themselves; a link of a removed span is left
  // without it until rebuildLinks()).
  int removeSpan(const QString& key);        // the index it had; -1 when it was not indexed
  int insertSpan(const EntitySpan& entity);  // the index it got; -1 when it has no fragments
  // Re-indexes the relations (or the answers) of `document`, whose spans (or text) are indexed; returns
  // for each old link (answer) index the new one, -1 for those gone.
  QVector<int> rebuildLinks(const Document& document, const Schema& schema);
  QVector<int> rebuildAnswers(const Document& document);

  const QString& text() const { return m_text; }
  int toUtf16(int codePoint) const;       // clamps to the text
  int toCodePoint(int utf16) const;       // clamps to the text

  const QVector<Block>& blocks() const { return m_blocks; }
  const QVector<Span>& spans() const { return m_spans; }  // sorted by (start, longer first)
  const QVector<Link>& links() const { return m_links; }
  const QVector<Answer>& answers() const { return m_answers; }
  QString blockText(int block) const;

  // Block holding UTF-16 index `u` (the block before a newline for the newline itself); -1 if none.
  int blockAt(int utf16) const;
  int spanIndex(const QString& key) const { return m_spanByKey.value(key, -1); }
  int linkIndex(const QString& key) const { return m_linkByKey.value(key, -1); }
  // Blocks a span (and the arcs of its relations) is drawn in; for invalidating layouts.
  QVector<int> blocksOfSpan(int span) const;
  QVector<int> blocksOfLink(int link) const;
  // Indices of links whose head or tail is `span`.
  QVector<int> linksOfSpan(int span) const;
  QColor colourOf(const QString& entityType) const { return m_typeColours.value(entityType, QColor(Qt::gray)); }

 private:
  void splitBlocks();
  Span makeSpan(const EntitySpan& e) const;

  QString m_text;
  TextOffsets m_offsets;
  QVector<Block> m_blocks;
  QVector<Span> m_spans;
  QVector<Link> m_links;
  QVector<Answer> m_answers;
  QHash<QString, int> m_spanByKey;
  QHash<QString, int> m_linkByKey;
  QHash<QString, QColor> m_typeColours;
};

}  // namespace quarry::ui
