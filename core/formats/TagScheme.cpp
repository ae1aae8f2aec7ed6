#include "formats/TagScheme.h"

#include <algorithm>

namespace quarry {

QString tagSchemeName(TagScheme s) {
  switch (s) {
    case TagScheme::Iob1:
      return QStringLiteral("iob1");
    case TagScheme::Bioes:
      return QStringLiteral("bioes");
    case TagScheme::Iob2:
      break;
  }
  return QStringLiteral("iob2");
}

bool parseTagScheme(const QString& name, TagScheme* out) {
  const QString n = name.trimmed().toLower();
  if (n == QLatin1String("iob1"))
    *out = TagScheme::Iob1;
  else if (n == QLatin1String("iob2") || n == QLatin1String("bio"))
    *out = TagScheme::Iob2;
  else if (n == QLatin1String("bioes") || n == QLatin1String("iobes"))
    *out = TagScheme::Bioes;
  else
    return false;
  return true;
}

bool splitTag(const QString& tag, QChar* prefix, QString* type) {
  if (tag == QLatin1String("O")) {
    *prefix = QLatin1Char('O');
    type->clear();
    return true;
  }
  if (tag.size() < 3 || tag.at(1) != QLatin1Char('-')) return false;
  const QChar p = tag.at(0);
  if (p != QLatin1Char('B') && p != QLatin1Char('I') && p != QLatin1Char('E') && p != QLatin1Char('S'))
    return false;
  *prefix = p;
  *type = tag.mid(2);
  return true;
}

TagScheme detectTagScheme(const QVector<QStringList>& sentences) {
  bool iob1 = false;
  for (const QStringList& tags : sentences) {
    QChar prevPrefix = QLatin1Char('O');
    QString prevType;
    for (const QString& tag : tags) {
      QChar p;
      QString type;
      if (!splitTag(tag, &p, &type)) continue;
      if (p == QLatin1Char('E') || p == QLatin1Char('S')) return TagScheme::Bioes;
      if (p == QLatin1Char('I') && (prevPrefix == QLatin1Char('O') || prevType != type)) iob1 = true;
      prevPrefix = p;
      prevType = type;
    }
  }
  return iob1 ? TagScheme::Iob1 : TagScheme::Iob2;
}

namespace {

const QString kNewEntity = QStringLiteral("read as the start of a new entity");
const QString kClosed = QStringLiteral("the open entity ends at its last token");

QString describePrevious(int i, QChar prefix, const QString& type) {
  if (i == 0) return QStringLiteral("starts the sentence");
  if (prefix == QLatin1Char('O')) return QStringLiteral("follows O");
  return QStringLiteral("follows %1-%2").arg(prefix).arg(type);
}

}  // namespace

QVector<TokenSpan> decodeTags(const QStringList& tags, TagScheme scheme, QVector<TagProblem>* problems,
                              int* badTag) {
  QVector<TokenSpan> spans;
  *badTag = -1;
  bool open = false;
  TokenSpan current;
  auto close = [&](int end) {
    if (!open) return;
    current.end = end;
    spans.push_back(current);
    open = false;
  };
  auto start = [&](int i, const QString& type) {
    current = TokenSpan{i, i + 1, type};
    open = true;
  };
  QChar prevPrefix = QLatin1Char('O');
  QString prevType;
  for (int i = 0; i < tags.size(); ++i) {
    QChar p;
    QString type;
    if (!splitTag(tags[i], &p, &type) ||
        (scheme != TagScheme::Bioes && (p == QLatin1Char('E') || p == QLatin1Char('S')))) {
      *badTag = i;
      return spans;
    }
    const bool continues = open && current.type == type;
    const QString tag = tags[i];
    if (p == QLatin1Char('O')) {
      if (scheme == TagScheme::Bioes && open)
        problems->push_back(
            {i, QStringLiteral("B-%1 is not closed by E-%1 before O").arg(current.type), kClosed});
      close(i);
    } else if (p == QLatin1Char('B')) {
      if (scheme == TagScheme::Bioes && open)
        problems->push_back({i,
                             QStringLiteral("%1 %2 without E-%3 before it")
                                 .arg(tag, describePrevious(i, prevPrefix, prevType), current.type),
                             kClosed});
      close(i);
      start(i, type);
    } else if (p == QLatin1Char('I')) {
      if (!continues) {
        if (scheme != TagScheme::Iob1)
          problems->push_back(
              {i, QStringLiteral("%1 %2").arg(tag, describePrevious(i, prevPrefix, prevType)), kNewEntity});
        close(i);
        start(i, type);
      }
    } else if (p == QLatin1Char('E')) {
      if (!continues) {
        problems->push_back(
            {i, QStringLiteral("%1 %2").arg(tag, describePrevious(i, prevPrefix, prevType)), kNewEntity});
        close(i);
        start(i, type);
      }
      close(i + 1);
    } else {  // S
      if (open)
        problems->push_back({i,
                             QStringLiteral("%1 %2 without E-%3 before it")
                                 .arg(tag, describePrevious(i, prevPrefix, prevType), current.type),
                             kClosed});
      close(i);
      start(i, type);
      close(i + 1);
    }
    prevPrefix = p;
    prevType = type;
  }
  if (scheme == TagScheme::Bioes && open)
    problems->push_back(
        {int(tags.size()) - 1,
         QStringLiteral("B-%1 is not closed by E-%1 at the end of the sentence").arg(current.type), kClosed});
  close(int(tags.size()));
  return spans;
}

QStringList encodeTags(QVector<TokenSpan> spans, int tokenCount, TagScheme scheme) {
  std::sort(spans.begin(), spans.end(),
            [](const TokenSpan& a, const TokenSpan& b) { return a.first < b.first; });
  QStringList tags;
  tags.reserve(tokenCount);
  for (int i = 0; i < tokenCount; ++i) tags << QStringLiteral("O");
  for (int k = 0; k < spans.size(); ++k) {
    const TokenSpan& s = spans[k];
    const QString b = QStringLiteral("B-") + s.type, in = QStringLiteral("I-") + s.type;
    for (int i = s.first; i < s.end; ++i) tags[i] = in;
    switch (scheme) {
      case TagScheme::Iob2:
        tags[s.first] = b;
        break;
      case TagScheme::Iob1:
        if (k > 0 && spans[k - 1].end == s.first && spans[k - 1].type == s.type) tags[s.first] = b;
        break;
      case TagScheme::Bioes:
        if (s.end - s.first == 1) {
          tags[s.first] = QStringLiteral("S-") + s.type;
        } else {
          tags[s.first] = b;
          tags[s.end - 1] = QStringLiteral("E-") + s.type;
        }
        break;
    }
  }
  return tags;
}

}  // namespace quarry
