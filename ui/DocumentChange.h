#pragma once
// What one change of the open document touched, so that those who show it bring only that in step
// instead of re-reading the whole document.

#include <QSet>
#include <QString>
#include <QVector>
#include <algorithm>

namespace quarry::ui {

struct DocumentChange {
  bool everything = false;  // another document, a re-read or a new schema: nothing is known to have stayed
  QSet<QString> entities;   // keys of spans added, removed or changed
  QSet<QString> relations;  // keys of relations added, removed or changed (those of a removed span too)
  QSet<QString> answers;    // QA fields whose answer was set or cleared
  bool labels = false;      // the document's categories
  bool status = false;      // the document's status

  bool isEmpty() const {
    return !everything && entities.isEmpty() && relations.isEmpty() && answers.isEmpty() && !labels &&
           !status;
  }
  static DocumentChange all() {
    DocumentChange c;
    c.everything = true;
    return c;
  }
};

// Positions in `list` of the items whose key (`keyOf(item)`) is in `keys`, ascending. For the few keys of
// an edit a look for each costs less than a hash lookup for every item of a long list.
template <typename T, typename KeyOf>
QVector<qsizetype> positionsOf(const QVector<T>& list, const QSet<QString>& keys, KeyOf keyOf) {
  QVector<qsizetype> out;
  if (keys.size() <= 8) {
    for (const QString& k : keys)
      for (qsizetype i = 0; i < list.size(); ++i)
        if (keyOf(list[i]) == k) {
          out.push_back(i);
          break;
        }
    std::sort(out.begin(), out.end());
  } else {
    for (qsizetype i = 0; i < list.size(); ++i)
      if (keys.contains(keyOf(list[i]))) out.push_back(i);
  }
  return out;
}

}  // namespace quarry::ui
