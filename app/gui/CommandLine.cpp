#include "CommandLine.h"

#include <cstdio>

#include <QCoreApplication>

#include "cli/HelpText.h"
#include "cli/ManPage.h"

namespace quarry::app {
namespace {

const QString kMan = QStringLiteral("man");

}  // namespace

void configureParser(QCommandLineParser& parser) {
  parser.setApplicationDescription(
      QCoreApplication::translate("main", "Annotate domain text and train the models that extract it."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption(
      {QStringLiteral("demo"), QCoreApplication::translate("main", "Open the bundled demo project.")});
  parser.addOption(
      {QStringLiteral("read-only"),
       QCoreApplication::translate("main", "Open the project read-only (reviewers): no edit is saved.")});
  QCommandLineOption man(kMan, QStringLiteral("Print the manual page (roff) and exit."));
  man.setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOption(man);
  parser.addPositionalArgument(QStringLiteral("project"),
                               QCoreApplication::translate("main", "A project file (*.quarry) to open."),
                               QStringLiteral("[project]"));
}

bool wantsTextOnly(const QStringList& arguments) {
  QCommandLineParser parser;
  configureParser(parser);
  // Unknown options are no error here: Qt's own (-platform, -style, ...) are only known to QApplication.
  parser.parse(arguments);
  for (const QString& name : parser.optionNames())
    if (name == QLatin1String("h") || name == QLatin1String("help") || name == QLatin1String("?") ||
        name == QLatin1String("help-all") || name == QLatin1String("v") || name == QLatin1String("version") ||
        name == kMan)
      return true;
  return false;
}

int answerTextOnly() {
  QCommandLineParser parser;
  configureParser(parser);
  parser.parse(QCoreApplication::arguments());
  if (parser.isSet(kMan)) {
    std::fputs(manPage(parser).toLocal8Bit().constData(), stdout);
    return 0;
  }
  parser.process(*QCoreApplication::instance());  // prints --help, --help-all or --version and exits
  return 0;
}

QString manPage(const QCommandLineParser& parser) {
  const cli::HelpText help = cli::HelpText::of(parser);
  cli::ManPage page(QStringLiteral("quarry"), 1, cli::ManPage::buildDate(),
                    QStringLiteral("quarry ") + QStringLiteral(QUARRY_VERSION));
  page.addName(help.description);
  page.addSynopsis(help.syntax);
  page.addSection(QStringLiteral("DESCRIPTION"));
  page.addParagraph(QStringLiteral(
      "Quarry is a desktop workbench in which domain experts (clinicians, lawyers, analysts) annotate domain "
      "text (entity spans, relations, answers to questions, document categories) and train the Hugging Face "
      "encoders that extract it.\n\n"
      "A project is one file (*.quarry). Given none, quarry reopens the last project, or shows the start "
      "window (recent projects, New, Open, the demo). quarry-cli(1) does everything headless."));
  page.addSection(QStringLiteral("OPTIONS"));
  page.addHelpEntries(help.options);
  page.addHelpEntries(help.arguments);
  page.addSection(QStringLiteral("ENVIRONMENT"));
  page.addItem(QStringLiteral("QUARRY_LOG_LEVEL"),
               QStringLiteral("trace, debug, info (the default), warn, error, critical or off."));
  page.addItem(QStringLiteral("QT_QPA_PLATFORM"),
               QStringLiteral("Qt's window system: xcb, wayland, or offscreen to run without a display."));
  page.addSection(QStringLiteral("FILES"));
  page.addItem(QStringLiteral("~/.local/share/Quarry/quarry/demo/quarry-demo.quarry"),
               QStringLiteral("The demo project that --demo creates on first use and reopens after."));
  page.addItem(QStringLiteral("~/.local/share/Quarry/quarry/logs/quarry.log"), QStringLiteral("The log."));
  page.addItem(
      QStringLiteral("~/.config/Quarry/quarry.conf"),
      QStringLiteral("Settings: recent projects, the last document of each project, the annotator name."));
  page.addParagraph(
      QStringLiteral("$XDG_DATA_HOME and $XDG_CONFIG_HOME replace ~/.local/share and ~/.config "
                     "when they are set."));
  page.addSection(QStringLiteral("EXAMPLES"));
  page.addExample(QStringLiteral("quarry --demo\nquarry my.quarry\nquarry --read-only shared/review.quarry"));
  page.addSection(QStringLiteral("SEE ALSO"));
  page.addParagraph(QStringLiteral("quarry-cli(1)"));
  return page.text();
}

}  // namespace quarry::app
