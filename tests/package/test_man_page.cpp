// The manual pages are made from QCommandLineParser::helpText(): the reader must give back exactly the
// options a parser was given (wrapped descriptions, long names, values, arguments), and the pages must
// hold every command and option of quarry-cli.
#include <QRegularExpression>
#include <QTextStream>
#include <QtTest>

#include "cli/CliApplication.h"
#include "cli/CliManPage.h"
#include "cli/HelpText.h"
#include "cli/ManPage.h"

using quarry::cli::CliApplication;
using quarry::cli::HelpEntry;
using quarry::cli::HelpText;
using quarry::cli::ManPage;

namespace {

const QString kLongDescription = QStringLiteral(
    "A description long enough to be wrapped by Qt over three lines at least, because it goes on and on "
    "about "
    "what the option does, with a-hyphenated-word and a backslash \\ in it.");

bool hasEntry(const QList<HelpEntry>& entries, const QString& names, const QString& description) {
  for (const HelpEntry& e : entries)
    if (e.names == names && e.description == description) return true;
  return false;
}

QString dump(const QList<HelpEntry>& entries) {
  QString s;
  for (const HelpEntry& e : entries)
    s += QLatin1Char('[') + e.names + QLatin1String("] ") + e.description + u'\n';
  return s;
}

}  // namespace

class TestManPage : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void readsBackWhatTheParserWasGiven() {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Does one thing."));
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    parser.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")}, kLongDescription, QStringLiteral("file")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({QStringLiteral("quiet"), QString()});
    QCommandLineOption hidden(QStringLiteral("secret"), QStringLiteral("Not shown."));
    hidden.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(hidden);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The project file."),
                                 QStringLiteral("<project>"));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to read."),
                                 QStringLiteral("[files...]"));

    const HelpText help = HelpText::of(parser);
    QCOMPARE(help.syntax, QStringLiteral("[options] <project> [files...]"));
    QCOMPARE(help.description, QStringLiteral("Does one thing."));
    QCOMPARE(help.options.size(), 4);
    QVERIFY2(hasEntry(help.options, QStringLiteral("-h, --help"), QStringLiteral("Show this help.")),
             qPrintable(dump(help.options)));
    QVERIFY2(hasEntry(help.options, QStringLiteral("-o, --output <file>"), kLongDescription),
             qPrintable(dump(help.options)));
    QVERIFY2(hasEntry(help.options, QStringLiteral("--json"), QStringLiteral("Print JSON.")),
             qPrintable(dump(help.options)));
    QVERIFY2(hasEntry(help.options, QStringLiteral("--quiet"), QString()), qPrintable(dump(help.options)));
    QCOMPARE(help.arguments.size(), 2);
    QVERIFY2(hasEntry(help.arguments, QStringLiteral("project"), QStringLiteral("The project file.")),
             qPrintable(dump(help.arguments)));
    QVERIFY2(hasEntry(help.arguments, QStringLiteral("files"), QStringLiteral("Files to read.")),
             qPrintable(dump(help.arguments)));
  }

  void readsNamesLongerThanQtsColumn() {
    // Qt caps the names column at 50 characters and cuts longer names over several lines.
    const QString longName = QStringLiteral("an-option-whose-name-is-far-longer-than-fifty-characters-wide");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("x"), QStringLiteral("Short one.")});
    parser.addOption({longName, kLongDescription, QStringLiteral("value")});
    const HelpText help = HelpText::of(parser);
    QCOMPARE(help.options.size(), 2);
    QVERIFY2(hasEntry(help.options, QStringLiteral("-x"), QStringLiteral("Short one.")),
             qPrintable(dump(help.options)));
    QVERIFY2(hasEntry(help.options, QStringLiteral("--") + longName + QStringLiteral(" <value>"),
                      kLongDescription),
             qPrintable(dump(help.options)));
  }

  void everyCommandsHelpIsReadWhole() {
    // Each option row of each command's --help (a row starting with "  -") is one entry, with its names
    // and a description that Qt's padding never leaks into.
    const CliApplication app;
    for (const auto& command : app.commands()) {
      QCommandLineParser parser;
      CliApplication::configureParser(*command, parser);
      const QString text = parser.helpText();
      const HelpText help = HelpText::parse(text);
      const QRegularExpression optionRow(QStringLiteral("^  (-[^ ,]+(?:, -[^ ,]+)*(?: <[^>]+>)?)"),
                                         QRegularExpression::MultilineOption);
      QStringList rows;
      for (auto it = optionRow.globalMatch(text); it.hasNext();) rows << it.next().captured(1);
      QStringList names;
      for (const HelpEntry& e : help.options) {
        names << e.names;
        QVERIFY2(!e.description.isEmpty(), qPrintable(command->name() + u' ' + e.names));
        QVERIFY2(!e.description.contains(QLatin1String("  ")),
                 qPrintable(command->name() + u' ' + e.description));
      }
      QCOMPARE(names, rows);
      QVERIFY2(help.syntax.startsWith(QLatin1String("[options]")), qPrintable(help.syntax));
      QCOMPARE(help.description, command->summary());
    }
  }

  void commandHelpNamesTheCommand() {
    QCommandLineParser parser;
    const CliApplication app;
    CliApplication::configureParser(*app.commands().front(), parser);
    const QString program = QStringLiteral("quarry-cli ") + app.commands().front()->name();
    QVERIFY(quarry::cli::helpTextFor(parser, program)
                .startsWith(QStringLiteral("Usage: ") + program + QStringLiteral(" [options]")));
  }

  void escapesRoff() {
    QCOMPARE(ManPage::escape(QStringLiteral("--set a\\b")), QStringLiteral("\\-\\-set a\\eb"));
    QCOMPARE(ManPage::escape(QStringLiteral(".hidden\n'quoted")), QStringLiteral("\\&.hidden\n\\&'quoted"));
    ManPage page(QStringLiteral("tool"), 1, QDate(2026, 1, 2), QStringLiteral("tool 1.0"));
    page.addHelpEntries(
        {{QStringLiteral("-o, --output <file>"), QStringLiteral("Where.")}, {QStringLiteral("project"), {}}});
    QVERIFY2(page.text().startsWith(
                 QStringLiteral(".TH \"TOOL\" 1 \"2026\\-01\\-02\" \"tool 1.0\" \"User Commands\"\n")),
             qPrintable(page.text()));
    QVERIFY2(
        page.text().contains(QStringLiteral("\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fI<file>\\fR\nWhere.\n")),
        qPrintable(page.text()));
    QVERIFY2(page.text().contains(QStringLiteral(".TP\n\\fIproject\\fR\n")), qPrintable(page.text()));
  }

  void cliPageHasEveryCommandOptionAndTrainingKey() {
    const CliApplication app;
    const QString page = quarry::cli::cliManPage(app);
    QVERIFY(page.startsWith(QLatin1String(".TH \"QUARRY\\-CLI\" 1 ")));
    for (const auto& command : app.commands()) {
      QVERIFY2(page.contains(QStringLiteral(".SS \"quarry\\-cli ") + ManPage::escape(command->name()) + u' '),
               qPrintable(command->name()));
      QCommandLineParser parser;
      CliApplication::configureParser(*command, parser);
      for (const HelpEntry& e : HelpText::of(parser).options)
        QVERIFY2(page.contains(ManPage::escape(e.description)), qPrintable(command->name() + u' ' + e.names));
    }
    // train --help-config's keys, each a tagged paragraph.
    QString out, err;
    QTextStream o(&out), e(&err);
    quarry::cli::CliIo io{o, e, false};
    QCOMPARE(
        app.run({QStringLiteral("quarry-cli"), QStringLiteral("train"), QStringLiteral("--help-config")}, io),
        0);
    o.flush();
    int keys = 0;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts)) {
      if (line.front().isSpace()) continue;
      ++keys;
      QVERIFY2(page.contains(QStringLiteral(".TP\n\\fB") + ManPage::escape(line.trimmed()) +
                             QStringLiteral("\\fR\n")),
               qPrintable(line));
    }
    QVERIFY(keys > 5);
  }
};

QTEST_GUILESS_MAIN(TestManPage)
#include "test_man_page.moc"
