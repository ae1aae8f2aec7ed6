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
  // The engine sees those lines at their own offsets: spaces stand for the text before them.
  Document part;
  part.name = document.name;
  const int first = m_offsets.toUtf16(from), last = m_offsets.toUtf16(to);
  part.text.reserve(from + (last - first));
  part.text.fill(QLatin1Char(' '), from);
  part.text += QStringView(m_text).mid(first, last - first);
  part.entities.reserve(inside.size());
  for (int i : std::as_const(inside)) part.entities.push_back(document.entities[i]);
  QHash<QString, QString> before;
  auto takeBefore = [&](const QString& key) {
    if (const QString reason = take(key); !reason.isNull()) before.insert(key, reason);
  };
  for (const QString& k : keys) takeBefore(k);
  for (const EntitySpan& e : std::as_const(part.entities)) takeBefore(e.key);
  const QHash<QString, QString> found = jobs::misalignedEntities(part);
  for (auto it = found.cbegin(); it != found.cend(); ++it) set(it.key(), it.value());
  return found != before;
}

}  // namespace quarry::ui
