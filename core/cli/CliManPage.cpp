#include "cli/CliManPage.h"

#include <QTextStream>

#include "cli/CliApplication.h"
#include "cli/HelpText.h"
#include "cli/ManPage.h"

namespace quarry::cli {
namespace {

// What `quarry-cli <arguments>` prints, run in-process.
QString outputOf(const CliApplication& application, const QStringList& arguments) {
  QString out, err;
  QTextStream outStream(&out), errStream(&err);
  CliIo io{outStream, errStream, false};
  application.run(QStringList{QStringLiteral("quarry-cli")} + arguments, io);
  outStream.flush();
  return out;
}

// `train --help-config` prints each key on its own line and its help indented below it.
void addTrainingConfiguration(ManPage& page, const QString& listing) {
  QString key, help;
  const auto flush = [&] {
    if (!key.isEmpty()) page.addItem(key, help);
    key.clear();
    help.clear();
  };
  for (const QString& line : listing.split(u'\n', Qt::SkipEmptyParts)) {
    if (line.front().isSpace()) {
      if (!help.isEmpty()) help += u' ';
      help += line.trimmed();
    } else {
      flush();
      key = line.trimmed();
    }
  }
  flush();
}

}  // namespace

QString cliManPage(const CliApplication& application) {
  ManPage page(QStringLiteral("quarry-cli"), 1, ManPage::buildDate(),
               QStringLiteral("quarry-cli ") + QStringLiteral(QUARRY_VERSION));
  page.addName(CliApplication::summary());
  page.addSynopsis(QStringLiteral("<command> [options] [arguments]"));
  page.addSection(QStringLiteral("DESCRIPTION"));
  page.addParagraph(QStringLiteral(
      "quarry-cli works on Quarry projects (one SQLite file, *.quarry, or a team's project in a PostgreSQL "
      "database, named by a postgresql://user@host:port/database URL wherever a project is asked for) "
      "without a display: it creates "
      "projects, imports and exports annotated documents in every supported format, validates corpora, and "
      "trains, evaluates and applies models, and exports and imports them as zips with a model card.\n\n"
      "Each command takes its own options; \"quarry-cli <command> --help\" prints them, as listed below."));

  page.addSection(QStringLiteral("COMMANDS"));
  for (const auto& command : application.commands()) {
    QCommandLineParser parser;
    CliApplication::configureParser(*command, parser);
    const HelpText help = HelpText::of(parser);
    page.addSubsection(QStringLiteral("quarry-cli ") + command->name() + u' ' + help.syntax);
    page.addParagraph(help.description);
    page.addHelpEntries(help.options);
    page.addHelpEntries(help.arguments);
  }

  const QString trainingOptions =
      outputOf(application, {QStringLiteral("train"), QStringLiteral("--help-config")});
  if (!trainingOptions.trimmed().isEmpty()) {
    page.addSection(QStringLiteral("TRAINING OPTIONS"));
    page.addParagraph(QStringLiteral(
        "Every training option, its default and meaning, as \"quarry-cli train --help-config\" lists them. "
        "Set one with \"--set key=value\" on train and cv."));
    addTrainingConfiguration(page, trainingOptions);
  }

  page.addSection(QStringLiteral("EXIT STATUS"));
  page.addItem(QString::number(kExitOk), QStringLiteral("Success."));
  page.addItem(QString::number(kExitFailure),
               QStringLiteral("The operation failed: bad input, an I/O error, validation problems."));
  page.addItem(QString::number(kExitUsage), QStringLiteral("Wrong arguments."));
  page.addItem(QString::number(kExitCancelled),
               QStringLiteral("Interrupted (Ctrl+C); training keeps its best model."));

  page.addSection(QStringLiteral("ENVIRONMENT"));
  page.addItem(QStringLiteral("QUARRY_LOG_LEVEL"),
               QStringLiteral("trace, debug, info, warn (the default), error, critical or off."));
  page.addSection(QStringLiteral("FILES"));
  page.addItem(QStringLiteral("~/.local/share/Quarry/quarry/logs/quarry-cli.log"),
               QStringLiteral("The log (under $XDG_DATA_HOME when it is set)."));

  page.addSection(QStringLiteral("EXAMPLES"));
  page.addExample(
      QStringLiteral("quarry-cli init my.quarry --schema /usr/share/quarry/demo/schema.json\n"
                     "quarry-cli import my.quarry /usr/share/quarry/demo/documents.jsonl --format jsonl\n"
                     "quarry-cli stats my.quarry --json\n"
                     "quarry-cli train --project my.quarry --from-scratch\n"
                     "quarry-cli runs --project my.quarry --log 1\n"
                     "quarry-cli export my.quarry my-backup.zip\n"
                     "quarry-cli export-model --project my.quarry --run 1 ner-model.zip\n"
                     "quarry-cli import-model ner-model.zip models/\n"
                     "quarry-cli migrate my.quarry postgresql://anna@db.example.org/oncology"));
  page.addSection(QStringLiteral("SEE ALSO"));
  page.addParagraph(QStringLiteral("quarry(1)"));
  return page.text();
}

}  // namespace quarry::cli
