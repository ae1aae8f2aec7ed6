#include "cli/ManPage.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace quarry::cli {
namespace {

// A quoted macro argument ("A B" stays one argument).
QString quoted(const QString& text) {
  QString escaped = ManPage::escape(text);
  escaped.replace(u'"', QLatin1String("\\(dq"));
  return u'"' + escaped + u'"';
}

// "-o, --output <file>", "[options] <project>": option names bold, everything a user replaces
// italic; commas, brackets and ellipses stay plain.
QString formatNames(const QString& names) {
  QStringList words;
  for (const QString& word : names.split(u' ', Qt::SkipEmptyParts)) {
    int begin = 0, end = int(word.size());
    while (begin < end && word.at(begin) == u'[') ++begin;
    while (end > begin && (word.at(end - 1) == u']' || word.at(end - 1) == u',' || word.at(end - 1) == u'.'))
      --end;
    const QString core = word.mid(begin, end - begin);
    const QLatin1String font(core.startsWith(u'-') ? "\\fB" : "\\fI");
    QString roff = ManPage::escape(word.left(begin));
    if (!core.isEmpty()) roff += font + ManPage::escape(core) + QLatin1String("\\fR");
    roff += ManPage::escape(word.mid(end));
    words << roff;
  }
  return words.join(u' ');
}

}  // namespace

QString ManPage::escape(const QString& text) {
  QString out;
  out.reserve(text.size() + 8);
  for (const QChar c : text) {
    if (c == u'\\')
      out += QLatin1String("\\e");
    else if (c == u'-')
      out += QLatin1String("\\-");
    else
      out += c;
  }
  // A text line starting with a dot or a quote would be read as a request.
  QStringList lines = out.split(u'\n');
  for (QString& l : lines)
    if (l.startsWith(u'.') || l.startsWith(u'\'')) l.prepend(QLatin1String("\\&"));
  return lines.join(u'\n');
}

QDate ManPage::buildDate() {
  bool ok = false;
  const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
  if (ok) return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).date();
  return QDate::currentDate();
}

ManPage::ManPage(const QString& title, int section, const QDate& date, const QString& source)
    : m_title(title) {
  line(QLatin1String(".TH ") + quoted(title.toUpper()) + u' ' + QString::number(section) + u' ' +
       quoted(date.toString(Qt::ISODate)) + u' ' + quoted(source) + QLatin1String(" \"User Commands\""));
}

void ManPage::addName(const QString& summary) {
  addSection(QStringLiteral("NAME"));
  QString text = summary.trimmed();
  if (text.endsWith(u'.')) text.chop(1);  // whatis(1) lines carry no full stop
  line(escape(m_title) + QLatin1String(" \\- ") + escape(text));
}

void ManPage::addSynopsis(const QString& syntax) {
  addSection(QStringLiteral("SYNOPSIS"));
  line(QLatin1String("\\fB") + escape(m_title) + QLatin1String("\\fR ") + formatNames(syntax));
}

void ManPage::addSection(const QString& heading) { line(QLatin1String(".SH ") + quoted(heading)); }

void ManPage::addSubsection(const QString& heading) { line(QLatin1String(".SS ") + quoted(heading)); }

void ManPage::addParagraph(const QString& text) {
  for (const QString& paragraph : text.split(QLatin1String("\n\n"), Qt::SkipEmptyParts)) {
    line(QStringLiteral(".PP"));
    line(escape(paragraph.trimmed()));
  }
}

void ManPage::addItem(const QString& term, const QString& description) {
  line(QStringLiteral(".TP"));
  line(QLatin1String("\\fB") + escape(term) + QLatin1String("\\fR"));
  line(escape(description));
}

void ManPage::addHelpEntries(const QList<HelpEntry>& entries) {
  for (const HelpEntry& entry : entries) {
    line(QStringLiteral(".TP"));
    line(formatNames(entry.names));
    if (!entry.description.isEmpty()) line(escape(entry.description));
  }
}

void ManPage::addExample(const QString& text) {
  line(QStringLiteral(".PP"));
  line(QStringLiteral(".RS 4"));
  line(QStringLiteral(".nf"));
  line(escape(text.trimmed()));
  line(QStringLiteral(".fi"));
  line(QStringLiteral(".RE"));
}

void ManPage::line(const QString& roff) {
  m_text += roff;
  m_text += u'\n';
}

}  // namespace quarry::cli
