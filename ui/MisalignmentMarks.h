#pragma once
// The spans of the open document that the NER engine would not train as annotated, with the engine's
// reason for each (jobs::misalignedEntities), kept up to date edit by edit.
//
// Whether a span is trained as annotated depends only on the words at its ends and on the spans it
// overlaps (after widening to words); words never cross a line break. So after an edit only the lines the
// edited spans lie on, grown until no span crosses their edge, are checked again, with the spans on
// them, by the same engine step; the offsets its reasons name are moved to where the lines start, so
// the reasons read as over the whole document.

#include <QHash>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringView>
#include <QVector>

#include "corpus/Document.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {

class MisalignmentMarks {
 public:
  MisalignmentMarks();

  // Checks the whole of `document`.
  void reset(const Document& document);
  // After an edit of `document` (same text as the last reset()): `keys` are the entities the edit added,
  // removed or changed, `ranges` the [start, end) code points they covered before and after it. True
  // when a reason came, went or changed.
  bool update(const Document& document, const QVector<QString>& keys, const QVector<QPair<int, int>>& ranges);

  // Entity key -> the engine's reason; spans trained as annotated are absent.
  const QHash<QString, QString>& reasons() const { return m_reasons; }
  const QSet<QString>& keys() const { return m_keys; }
  // "<key>: <reason>", one line a span, sorted.
  QString listing() const;

 private:
  void set(const QString& key, const QString& reason);
  // The reason of `key` taken out; none: empty.
  QString take(const QString& key);

  // [start, end) code points of the whole lines holding code points start .. end - 1.
  QPair<int, int> lines(int start, int end) const;
  // The engine's reasons for `spans` on `lines`, the text at code point `from` of document `name`.
  static QHash<QString, QString> check(const QString& name, QStringView lines, int from,
                                       const QVector<EntitySpan>& spans);

  QString m_text;
  TextOffsets m_offsets;
  QHash<QString, QString> m_reasons;
  QSet<QString> m_keys;            // of m_reasons
  QMap<QString, QString> m_lines;  // "<key>: " -> reason, so the lines come sorted
};

}  // namespace quarry::ui
