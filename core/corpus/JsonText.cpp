#include "corpus/JsonText.h"

#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace quarry {
namespace {

// Arrays and objects nested deeper than this are refused (a document nests three or four levels; `meta`
// may hold more).
constexpr int kMaxDepth = 128;

// Walks bytes like a const char*, remembering in *reached how far the parser has read, so that a problem
// the check finds itself (a repeated key, too deep) is placed on its line.
struct CountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char** reached = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    *reached = ++at;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& o) const { return at == o.at; }
  bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

// What QJsonDocument::fromJson accepts that RFC 8259 does not, checked first so that it is an error
// rather than a silent change: an unknown escape ("\q" read as "q"), a raw control character inside a
// string, "1." and ".5", and a key twice in one object (the last one silently wins). No value is built.
class StrictJsonCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return open(); }
  bool key(string_t& key) override {
    if (m_keys.back().insert(key).second) return true;
    m_problem = QStringLiteral("the key \"%1\" appears twice in one object").arg(QString::fromStdString(key).left(60));
    return false;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    m_position = position;
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value -
    // invalid string: forbidden character after backslash; last read: '"\q'": the reason alone.
    std::string what = e.what();
    if (const std::size_t id = what.find("] "); what.rfind("[json.exception.", 0) == 0 && id != std::string::npos)
      what.erase(0, id + 2);
    if (const std::size_t at = what.find("parse error at line "); at == 0)
      if (const std::size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    if (const std::size_t last = what.find("; last read:"); last != std::string::npos) what.erase(last);
    m_problem = QString::fromStdString(what);
    return false;
  }

  // Byte offset (0-based) of the problem where the parser reported one, else -1.
  qsizetype position() const { return m_position > 0 ? qsizetype(m_position) - 1 : -1; }
  const QString& problem() const { return m_problem; }

 private:
  bool open() {
    if (++m_depth > kMaxDepth) {
      m_problem = QStringLiteral("arrays and objects are nested more than %1 levels deep").arg(kMaxDepth);
      return false;
    }
    m_keys.emplace_back();  // arrays have an unused set, so that back() is always the innermost object's
    return true;
  }
  bool close() {
    --m_depth;
    if (!m_keys.empty()) m_keys.pop_back();
    return true;
  }

  int m_depth = 0;
  std::vector<std::set<std::string>> m_keys;
  std::size_t m_position = 0;
  QString m_problem;
};

// The line of `file` holding byte `at` of `text` (whose first byte is on `firstLine`), and the byte's
// place within that line.
Error errorAt(const QByteArray& text, qsizetype at, const QString& file, long firstLine, const QString& why) {
  at = qBound(qsizetype(0), at, text.size());
  const qsizetype lineStart = at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
  const long errorLine = firstLine + long(text.left(at).count('\n'));
  return Error(QStringLiteral("invalid JSON at byte %1 of the line: %2").arg(at - lineStart + 1).arg(why).toStdString(),
               file.toStdString(), errorLine);
}

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
  StrictJsonCheck check;
  const char* reached = text.constData();
  const CountingIterator first{text.constData(), &reached};
  const CountingIterator last{text.constData() + text.size(), &reached};
  if (!nlohmann::json::sax_parse(first, last, &check)) {
    // The parser's own errors carry their byte; the check's are placed where reading stopped (the lexer
    // reads one byte ahead).
    const qsizetype at = check.position() >= 0 ? check.position() : qsizetype(reached - text.constData()) - 1;
    return errorAt(text, at, file, firstLine, check.problem());
  }
  QJsonParseError pe;
  QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
  if (pe.error != QJsonParseError::NoError) return errorAt(text, pe.offset, file, firstLine, pe.errorString());
  return doc;
}

}  // namespace quarry
