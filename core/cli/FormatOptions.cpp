#include "cli/FormatOptions.h"

#include "formats/ConllFormat.h"
#include "formats/FormatRegistry.h"

namespace quarry::cli {
namespace {

QCommandLineOption formatOption() {
  return {{QStringLiteral("f"), QStringLiteral("format")},
          QStringLiteral("File format: %1 (default: guessed from the path).")
              .arg(FormatRegistry::instance().names().join(QStringLiteral(", "))),
          QStringLiteral("format")};
}

QCommandLineOption tagSchemeOption(const QString& help) {
  return {QStringLiteral("tag-scheme"), help, QStringLiteral("scheme")};
}

QCommandLineOption splitOption(const QString& help) { return {QStringLiteral("split"), help, QStringLiteral("split")}; }

// --split and --tag-scheme, shared by import and export.
Status readSplitAndScheme(const QCommandLineParser& parser, QString& split, QString& scheme) {
  split = parser.value(QStringLiteral("split"));
  Split parsed;
  if (!split.isEmpty() && !parseSplit(split, &parsed))
    return Error("must be train, dev, test or unassigned, not '" + split.toStdString() + "'", {}, 0, "--split");
  scheme = parser.value(QStringLiteral("tag-scheme")).toLower();
  if (!scheme.isEmpty() && scheme != QLatin1String("iob1") && scheme != QLatin1String("iob2") &&
      scheme != QLatin1String("bioes"))
    return Error("must be iob1, iob2 or bioes, not '" + scheme.toStdString() + "'", {}, 0, "--tag-scheme");
  return {};
}

}  // namespace

void addImportOptions(QCommandLineParser& parser) {
  parser.addOption(formatOption());
  parser.addOption(splitOption(QStringLiteral("Put every imported document in this split: train, dev, test or unassigned.")));
  parser.addOption(tagSchemeOption(QStringLiteral("CoNLL tag scheme: iob1, iob2 or bioes (default: detected).")));
  parser.addOption(
      {QStringLiteral("group-by"),
       QStringLiteral("CoNLL: which sentences make one document: sentence, docstart (-DOCSTART- "
                      "blocks), blank (two or more blank lines end a document) or column:N (the "
                      "document id in column N). Default: -DOCSTART- blocks when the file has them, "
                      "else one document per sentence."),
       QStringLiteral("grouping")});
  parser.addOption({QStringLiteral("policy"),
                    QStringLiteral("What to do with fixable problems (offsets that do not match the text, "
                                   "labels outside the schema, broken BIO): reject (default) stops at the first, "
                                   "repair fixes or drops them and lists each."),
                    QStringLiteral("reject|repair"), QStringLiteral("reject")});
  parser.addOption({QStringLiteral("strict-schema"),
                    QStringLiteral("Treat labels that are not in the project's schema as problems instead of adding them.")});
  parser.addOption({QStringLiteral("text-column"), QStringLiteral("CSV/TSV: the column holding the text (default: text)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("label-column"), QStringLiteral("CSV/TSV: the column holding the label(s) (default: label)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("label-separator"),
                    QStringLiteral("CSV/TSV: separator between several labels in one cell (default: |)."),
                    QStringLiteral("sep")});
}

void addExportOptions(QCommandLineParser& parser) {
  parser.addOption(formatOption());
  parser.addOption(splitOption(QStringLiteral("Export only the documents of this split.")));
  parser.addOption(tagSchemeOption(QStringLiteral("CoNLL tag scheme: iob1, iob2 (default) or bioes.")));
  parser.addOption({QStringLiteral("pretty"), QStringLiteral("JSON formats: indent the output.")});
}

Status readImportOptions(const QCommandLineParser& parser, ImportOptions& options) {
  const QString policy = parser.value(QStringLiteral("policy")).toLower();
  if (policy == QLatin1String("reject")) options.policy = ProblemPolicy::Reject;
  else if (policy == QLatin1String("repair")) options.policy = ProblemPolicy::Repair;
  else return Error("must be 'reject' or 'repair', not '" + policy.toStdString() + "'", {}, 0, "--policy");
  if (Status s = readSplitAndScheme(parser, options.split, options.tagScheme); !s) return s;
  options.conllGroupBy = parser.value(QStringLiteral("group-by"));
  if (Result<ConllGrouping> g = ConllGrouping::parse(options.conllGroupBy); !g) {
    Error e = g.error();
    e.field = "--group-by";
    return e;
  }
  options.allowNewTypes = !parser.isSet(QStringLiteral("strict-schema"));
  options.textColumn = parser.value(QStringLiteral("text-column"));
  options.labelColumn = parser.value(QStringLiteral("label-column"));
  options.labelSeparator = parser.value(QStringLiteral("label-separator"));
  return {};
}

Status readExportOptions(const QCommandLineParser& parser, ExportOptions& options) {
  if (Status s = readSplitAndScheme(parser, options.split, options.tagScheme); !s) return s;
  options.pretty = parser.isSet(QStringLiteral("pretty"));
  return {};
}

Result<const Format*> chooseFormat(const QCommandLineParser& parser, const QString& path, bool forWriting) {
  const FormatRegistry& registry = FormatRegistry::instance();
  const QString names = registry.names().join(QStringLiteral(", "));
  const Format* format = nullptr;
  if (parser.isSet(QStringLiteral("format"))) {
    const QString name = parser.value(QStringLiteral("format"));
    format = registry.byName(name);
    if (!format) return Error("unknown format '" + name.toStdString() + "'; known: " + names.toStdString(), {}, 0, "--format");
  } else {
    format = registry.guess(path);
    if (!format)
      return Error("cannot tell the format of this path; name it with --format (" + names.toStdString() + ")",
                   path.toStdString());
  }
  if (forWriting && !format->canWrite())
    return Error("format '" + format->name().toStdString() + "' can only be read", {}, 0, "--format");
  if (!forWriting && !format->canRead())
    return Error("format '" + format->name().toStdString() + "' can only be written", {}, 0, "--format");
  return format;
}

}  // namespace quarry::cli
