#pragma once
// A manual page in roff (man(7) macros), built section by section. Text is escaped here, so callers
// pass plain strings: help lines, option names, file paths.

#include <QDate>
#include <QString>

#include "cli/HelpText.h"

namespace quarry::cli {

class ManPage {
 public:
  // `title` is the program ("quarry-cli"), `source` the footer ("quarry-cli 0.1.0").
  ManPage(const QString& title, int section, const QDate& date, const QString& source);

  // NAME: "title \- summary" (without a closing full stop).
  void addName(const QString& summary);
  // SYNOPSIS: the program in bold followed by `syntax` ("[options] <command>").
  void addSynopsis(const QString& syntax);
  void addSection(const QString& heading);     // .SH
  void addSubsection(const QString& heading);  // .SS
  // A paragraph; blank lines in `text` start new paragraphs.
  void addParagraph(const QString& text);
  // A tagged paragraph: `term` in bold, `description` below it, indented.
  void addItem(const QString& term, const QString& description);
  // Option rows ("-o, --output <file>") with option names bold and <values> italic.
  void addHelpEntries(const QList<HelpEntry>& entries);
  // Text shown as typed (no filling), e.g. a command line.
  void addExample(const QString& text);

  QString text() const { return m_text; }

  // `text` safe for a roff text line (backslashes, minus signs, a leading dot or quote).
  static QString escape(const QString& text);
  // The date a generated page carries: SOURCE_DATE_EPOCH when set (reproducible builds), else today.
  static QDate buildDate();

 private:
  void line(const QString& roff);
  QString m_title;
  QString m_text;
};

}  // namespace quarry::cli
