#pragma once
// QCommandLineParser::helpText() read back into its parts. Qt keeps a parser's options to itself; the
// text it prints for --help is the one public view of them, so the man pages are made from it and can
// never disagree with --help.

#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace quarry::cli {

// One row of an "Options:" or "Arguments:" block.
struct HelpEntry {
  QString names;        // "-o, --output <file>" or a positional argument's name
  QString description;  // the wrapped lines joined again
};

struct HelpText {
  QString syntax;  // the usage line after the program name: "[options] project"
  QString description;
  QList<HelpEntry> options;
  QList<HelpEntry> arguments;

  // Reads `text` as Qt lays it out (see qcommandlineparser.cpp: "Usage: <program> ...", the
  // description, then blocks of rows whose descriptions share one column).
  static HelpText parse(const QString& text);
  // What `parser` prints for --help.
  static HelpText of(const QCommandLineParser& parser);
  // The program name Qt writes after "Usage: " (argv[0] as the process was started).
  static QString programName();
};

// `parser`'s help text with the usage line naming `program` instead of argv[0] ("quarry-cli init").
QString helpTextFor(const QCommandLineParser& parser, const QString& program);

}  // namespace quarry::cli
