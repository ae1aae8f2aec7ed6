#pragma once
// The command-line options that map onto ImportOptions / ExportOptions, declared once and shared by
// import, export and validate.

#include <QCommandLineParser>

#include "common/Error.h"
#include "formats/Format.h"

namespace quarry::cli {

void addImportOptions(QCommandLineParser& parser);
void addExportOptions(QCommandLineParser& parser);
// Fills `options` from the parsed arguments; an Error names the bad option.
Status readImportOptions(const QCommandLineParser& parser, ImportOptions& options);
Status readExportOptions(const QCommandLineParser& parser, ExportOptions& options);
// The format named by --format, or guessed from `path`; an Error lists the formats.
Result<const Format*> chooseFormat(const QCommandLineParser& parser, const QString& path, bool forWriting);

}  // namespace quarry::cli
