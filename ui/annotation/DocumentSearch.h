#pragma once
// Finds every occurrence of a query in a document's text, for the view's find bar. Matches are
// [start, end) in code points, like every offset Quarry stores, in text order and never overlapping.

#include <QPair>
#include <QString>
#include <QVector>

namespace quarry::ui {

struct SearchOptions {
  bool caseSensitive = false;  // false: "Aspirin" also finds "aspirin"
  bool wholeWords = true;      // true: "in" does not match inside "insulin"
};

class DocumentSearch {
 public:
  static QVector<QPair<int, int>> find(const QString& text, const QString& query,
                                       const SearchOptions& options = {});
};

}  // namespace quarry::ui
