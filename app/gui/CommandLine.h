#pragma once
// quarry's command line, declared once: parsed at start, printed by --help, written to the manual page by
// the hidden --man. --help, --version and --man need no display, so main() asks wantsTextOnly() before it
// creates a QApplication (which aborts where there is no display).

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace quarry::app {

// Adds --help, --version, --demo, --read-only, the hidden --man and the project argument.
void configureParser(QCommandLineParser& parser);
// True when `arguments` (argv, program first) ask for --help, --help-all, --version or --man.
bool wantsTextOnly(const QStringList& arguments);
// Answers those with a QCoreApplication running: prints and returns the exit code.
int answerTextOnly();
// quarry's manual page in roff.
QString manPage(const QCommandLineParser& parser);

}  // namespace quarry::app
