#include "MisalignmentMarks.h"

#include <QStringView>
#include <algorithm>
#include <climits>

#include "jobs/TrainingAlignment.h"

namespace quarry::ui {

MisalignmentMarks::MisalignmentMarks() : m_offsets(QString()) {}

void MisalignmentMarks::reset(const Document& document) {
  m_text = document.text;
  m_offsets = TextOffsets(m_text);
  m_reasons.clear();
  m_keys.clear();
  m_lines.clear();
  const QHash<QString, QString> found = jobs::misalignedEntities(document);
  for (auto it = found.cbegin(); it != found.cend(); ++it) set(it.key(), it.value());
}

void MisalignmentMarks::set(const QString& key, const QString& reason) {
  m_reasons.insert(key, reason);
  m_keys.insert(key);
  m_lines.insert(key + QStringLiteral(": "), reason);
}

QString MisalignmentMarks::take(const QString& key) {
  const QString reason = m_reasons.take(key);
  if (m_keys.remove(key)) m_lines.remove(key + QStringLiteral(": "));
  return reason;
}

namespace {

// `spans` moved by `delta` code points.
QVector<EntitySpan> moved(QVector<EntitySpan> spans, int delta) {
  for (EntitySpan& e : spans)
    for (Fragment& f : e.fragments) {
      f.start += delta;
      f.end += delta;
    }
  return spans;
}

// `reason` as the engine words it when its text starts `offset` code points further on: `shifted` is its
// wording with the text one code point further on, so the numbers one greater there are offsets. Null
// when the two differ otherwise.
QString atOffset(const QString& reason, const QString& shifted, int offset) {
  QString out;
  qsizetype i = 0, j = 0;
  while (i < reason.size() && j < shifted.size()) {
    if (!reason.at(i).isDigit() || !shifted.at(j).isDigit()) {
      if (reason.at(i) != shifted.at(j)) return {};
      out += reason.at(i++);
      ++j;
      continue;
    }
    const qsizetype a = i, b = j;
    while (i < reason.size() && reason.at(i).isDigit()) ++i;
    while (j < shifted.size() && shifted.at(j).isDigit()) ++j;
    const qlonglong n = QStringView(reason).mid(a, i - a).toLongLong();
    const qlonglong m = QStringView(shifted).mid(b, j - b).toLongLong();
    if (m == n)
      out += QStringView(reason).mid(a, i - a);
    else if (m == n + 1)
      out += QString::number(n + offset);
    else
      return {};
  }
  return i == reason.size() && j == shifted.size() ? out : QString();
}

}  // namespace

QHash<QString, QString> MisalignmentMarks::check(const QString& name, QStringView lines, int from,
                                                 const QVector<EntitySpan>& spans) {
  // The lines alone, and once more a code point further on: a reason naming no offset reads the same in
  // both, one naming offsets has them one greater in the second, and gets them moved to `from`.
  Document alone;
  alone.name = name;
  alone.text = lines.toString();
  alone.entities = moved(spans, -from);
  Document further = alone;
  further.text.prepend(QLatin1Char(' '));
  further.entities = moved(spans, 1 - from);
  QHash<QString, QString> found = jobs::misalignedEntities(alone);
  const QHash<QString, QString> shifted = jobs::misalignedEntities(further);
  bool worded = found.size() == shifted.size();
  for (auto it = found.begin(); worded && it != found.end(); ++it) {
    const QString other = shifted.value(it.key());
    if (other == it.value()) continue;
    it.value() = atOffset(it.value(), other, from);
    worded = !it.value().isNull();
  }
  if (worded) return found;
  // Worded some other way: the engine sees the lines at their own offsets, spaces before them.
  Document padded;
  padded.name = name;
  padded.text.reserve(from + lines.size());
  padded.text.fill(QLatin1Char(' '), from);
  padded.text += lines;
  padded.entities = spans;
  return jobs::misalignedEntities(padded);
}

QString MisalignmentMarks::listing() const {
  QString out;
  for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
    if (!out.isEmpty()) out += QLatin1Char('\n');
    out += it.key() + it.value();
  }
  return out;
}

QPair<int, int> MisalignmentMarks::lines(int start, int end) const {
  const int n = m_offsets.codePointCount();
  start = std::clamp(start, 0, n);
  end = std::clamp(end, start, n);
  const int first = m_offsets.toUtf16(start);
  const int last = m_offsets.toUtf16(std::max(start, end - 1));
  const qsizetype from = first == 0 ? 0 : m_text.lastIndexOf(QLatin1Char('\n'), first - 1) + 1;
  const qsizetype newline = m_text.indexOf(QLatin1Char('\n'), last);
  const qsizetype to = newline < 0 ? m_text.size() : newline + 1;  // the line break belongs to its line
  return {m_offsets.toCodePoint(int(from)), m_offsets.toCodePoint(int(to))};
}

bool MisalignmentMarks::update(const Document& document, const QVector<QString>& keys,
                               const QVector<QPair<int, int>>& ranges) {
  if (document.text.constData() != m_text.constData() && document.text != m_text) {
    reset(document);
    return true;
  }
  if (ranges.isEmpty()) {
    bool removed = false;
    for (const QString& k : keys) removed = !take(k).isNull() || removed;
    return removed;
  }
  const int n = m_offsets.codePointCount();
  int from = INT_MAX, to = -1;
  for (const auto& [start, end] : ranges) {
    const QPair<int, int> l = lines(start, end);
    from = std::min(from, l.first);
    to = std::max(to, l.second);
  }
  // The spans on those lines; a span reaching past them brings its lines in, until none does.
  QVector<int> inside;
  for (bool grown = true; grown;) {
    grown = false;
    inside.clear();
    for (int i = 0; i < document.entities.size(); ++i) {
      const EntitySpan& e = document.entities[i];
      if (e.fragments.isEmpty()) continue;
      const int start = e.start(), end = e.end();
      if (!(start < to && (end > from || (start == end && start >= from)))) continue;
      if (start < 0 || end > n || end < start) {  // the engine's reason names the text's length
        reset(document);
        return true;
      }
      inside.push_back(i);
      const QPair<int, int> l = lines(start, end);
      if (l.first < from || l.second > to) {
        from = std::min(from, l.first);
        to = std::max(to, l.second);
        grown = true;
      }
    }
  }
  QVector<EntitySpan> spans;
  spans.reserve(inside.size());
  for (int i : std::as_const(inside)) spans.push_back(document.entities[i]);
  const int first = m_offsets.toUtf16(from), last = m_offsets.toUtf16(to);
  const QHash<QString, QString> found =
      check(document.name, QStringView(m_text).mid(first, last - first), from, spans);
  QHash<QString, QString> before;
  auto takeBefore = [&](const QString& key) {
    if (const QString reason = take(key); !reason.isNull()) before.insert(key, reason);
  };
  for (const QString& k : keys) takeBefore(k);
  for (const EntitySpan& e : std::as_const(spans)) takeBefore(e.key);
  for (auto it = found.cbegin(); it != found.cend(); ++it) set(it.key(), it.value());
  return found != before;
}

}  // namespace quarry::ui
