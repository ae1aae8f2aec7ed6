#include "annotation/DocumentSearch.h"

#include "corpus/TextOffsets.h"

namespace quarry::ui {
namespace {

bool isWordCharacter(const QString& text, qsizetype i) {
  if (i < 0 || i >= text.size()) return false;
  const QChar c = text.at(i);
  if (c.isSurrogate()) {
    // The whole pair decides.
    const qsizetype high = c.isLowSurrogate() ? i - 1 : i;
    if (high < 0 || high + 1 >= text.size()) return false;
    const char32_t cp = QChar::surrogateToUcs4(text.at(high), text.at(high + 1));
    return QChar::isLetterOrNumber(cp) || QChar::isMark(cp);
  }
  return c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('_');
}

}  // namespace

QVector<QPair<int, int>> DocumentSearch::find(const QString& text, const QString& query,
                                              const SearchOptions& options) {
  QVector<QPair<int, int>> out;
  if (query.isEmpty()) return out;
  const Qt::CaseSensitivity cs = options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
  const TextOffsets offsets(text);
  qsizetype from = 0;
  while (true) {
    const qsizetype at = text.indexOf(query, from, cs);
    if (at < 0) break;
    const qsizetype end = at + query.size();
    // A match is whole when no word continues across either of its ends.
    const bool whole = (!isWordCharacter(query, 0) || !isWordCharacter(text, at - 1)) &&
                       (!isWordCharacter(query, query.size() - 1) || !isWordCharacter(text, end));
    if (!options.wholeWords || whole) {
      out.push_back({offsets.toCodePoint(int(at)), offsets.toCodePoint(int(end))});
      from = end;
    } else {
      from = at + 1;
    }
  }
  return out;
}

}  // namespace quarry::ui
