#include "corpus/JsonText.h"

namespace quarry {
namespace {

// The UTF-16 unit of the four hex digits at bytes[at], or -1 when they are not four hex digits.
int hexUnit(const QByteArray& bytes, qsizetype at) {
  if (at + 4 > bytes.size()) return -1;
  int unit = 0;
  for (qsizetype k = at; k < at + 4; ++k) {
    const char c = bytes[k];
    int digit = 0;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

bool isHigh(int unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool isLow(int unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

}  // namespace

Result<QJsonDocument> parseJson(const QByteArray& bytes, const QString& file, long firstLine,
                                QStringList* repairs) {
  QByteArray text = bytes;
  long line = firstLine;
  // Escapes only occur inside strings (a backslash elsewhere is invalid JSON, which the parser reports),
  // so a scan that steps over every two-character escape sees each \u escape exactly once.
  for (qsizetype i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c != '\\' || i + 1 >= text.size()) continue;
    if (text[i + 1] != 'u') {
      if (text[i + 1] != '\n') ++i;
      continue;
    }
    const int unit = hexUnit(text, i + 2);
    if (unit < 0) continue;  // not an escape the parser accepts; it reports it
    if (isHigh(unit) && i + 7 < text.size() && text[i + 6] == '\\' && text[i + 7] == 'u' &&
        isLow(hexUnit(text, i + 8))) {
      i += 11;  // a proper pair
      continue;
    }
    if (!isHigh(unit) && !isLow(unit)) {
      i += 5;
      continue;
    }
    const QString what =
        QStringLiteral("lone surrogate escape \\u%1 (half of a UTF-16 pair, not a character)")
            .arg(QString::fromLatin1(text.mid(i + 2, 4)));
    if (!repairs) return Error(what.toStdString(), file.toStdString(), line);
    *repairs << QStringLiteral("%1:%2: %3 (replaced with U+FFFD)").arg(file).arg(line).arg(what);
    text.replace(i, 6, "\\ufffd");
    i += 5;
  }
  QJsonParseError pe;
  QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
  if (pe.error != QJsonParseError::NoError) {
    const qsizetype at = qBound(qsizetype(0), qsizetype(pe.offset), text.size());
    const qsizetype lineStart = at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
    const long errorLine = firstLine + long(text.left(at).count('\n'));
    return Error(QStringLiteral("invalid JSON at byte %1 of the line: %2")
                     .arg(at - lineStart + 1)
                     .arg(pe.errorString())
                     .toStdString(),
                 file.toStdString(), errorLine);
  }
  return doc;
}

}  // namespace quarry
