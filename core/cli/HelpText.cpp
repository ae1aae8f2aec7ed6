#include "cli/HelpText.h"

#include <QCoreApplication>
#include <QStringList>

namespace quarry::cli {
namespace {

bool isBlockHeader(const QString& line) {
  return !line.isEmpty() && !line.front().isSpace() && line.endsWith(u':');
}

// Qt pads every row's names to one width (at most 50), so a description starts in the same column on
// every row: the first column after a run of two or more spaces, on the rows where the names fit.
int descriptionColumn(const QStringList& rows) {
  int column = -1;
  for (const QString& row : rows) {
    if (row.size() < 3 || !row.startsWith(QLatin1String("  ")) || row.at(2).isSpace()) continue;
    const int gap = row.indexOf(QLatin1String("  "), 2);
    if (gap < 0) continue;
    int start = gap;
    while (start < row.size() && row.at(start) == u' ') ++start;
    if (start < row.size() && (column < 0 || start < column)) column = start;
  }
  return column;
}

void appendWords(QString& to, const QString& words) {
  if (words.isEmpty()) return;
  if (!to.isEmpty()) to += u' ';
  to += words;
}

QList<HelpEntry> readRows(const QStringList& rows, int column, bool options) {
  QList<HelpEntry> entries;
  for (const QString& row : rows) {
    const QString names = (column > 0 ? row.left(column) : row).trimmed();
    const QString description = column > 0 ? row.mid(column).trimmed() : QString();
    if (names.isEmpty() && description.isEmpty()) continue;
    if (names.isEmpty() && !entries.isEmpty()) {
      appendWords(entries.back().description, description);  // a wrapped description
    } else if (options && !names.startsWith(u'-') && !entries.isEmpty()) {
      entries.back().names += names;  // names longer than 50 characters, cut by Qt
      appendWords(entries.back().description, description);
    } else {
      entries.push_back({names, description});
    }
  }
  return entries;
}

}  // namespace

QString HelpText::programName() {
  return QCoreApplication::instance() ? QCoreApplication::arguments().constFirst()
                                      : QStringLiteral("<executable_name>");
}

HelpText HelpText::parse(const QString& text) {
  HelpText help;
  const QStringList lines = text.split(u'\n');
  if (lines.isEmpty()) return help;

  // "Usage: <program> [options] <arguments>"
  QString usage = lines.front();
  usage = usage.mid(usage.indexOf(QLatin1String(": ")) + 2);
  const QString program = programName();
  help.syntax =
      usage.startsWith(program) ? usage.mid(program.size()).trimmed() : usage.section(u' ', 1).trimmed();

  // The description runs to the blank line before the first block (or to the end).
  int i = 1;
  QStringList description;
  for (; i < lines.size(); ++i) {
    if (lines[i].isEmpty() && (i + 1 >= lines.size() || isBlockHeader(lines[i + 1]))) break;
    description << lines[i];
  }
  help.description = description.join(u'\n').trimmed();

  // Blocks: a header line ("Options:", "Arguments:") and its indented rows.
  QList<QStringList> blocks;
  QStringList allRows;
  for (; i < lines.size(); ++i) {
    if (isBlockHeader(lines[i])) {
      blocks.push_back({});
    } else if (!blocks.isEmpty() && lines[i].startsWith(u' ')) {
      blocks.back() << lines[i];
      allRows << lines[i];
    }
  }
  const int column = descriptionColumn(allRows);
  for (const QStringList& rows : blocks) {
    if (rows.isEmpty()) continue;
    const bool options = rows.front().trimmed().startsWith(u'-');
    (options ? help.options : help.arguments) += readRows(rows, column, options);
  }
  return help;
}

HelpText HelpText::of(const QCommandLineParser& parser) { return parse(parser.helpText()); }

QString helpTextFor(const QCommandLineParser& parser, const QString& program) {
  QString text = parser.helpText();
  const int lineEnd = text.indexOf(u'\n');
  const QString exe = HelpText::programName();
  const int at = text.left(lineEnd).indexOf(exe);
  if (at >= 0) text.replace(at, exe.size(), program);
  return text;
}

}  // namespace quarry::cli
