#pragma once
// What the three data quality checks of `quarry-cli check` share, and the runner of each (CheckLeakage.cpp,
// CheckConsistency.cpp, CheckDrift.cpp). Internal to core/cli.

#include <QCommandLineParser>
#include <QString>
#include <string>

#include "cli/CheckCommand.h"
#include "common/Error.h"
#include "jobs/QualityDocuments.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::cli::check {

QString q(const std::string& s);
// A number option in [low, high] (fallback when not given), or an Error naming it.
Result<double> readNumber(const QCommandLineParser& parser, const QString& option, double fallback, double low,
                          double high);
Result<int> readCount(const QCommandLineParser& parser, const QString& option, int fallback, int low, int high);
// Document `document` shown in one line around [start, end); its name.
std::string contextOf(const jobs::QualityDocuments& docs, int32_t document, int32_t start, int32_t end);
QString documentName(const jobs::QualityDocuments& docs, int32_t document);

// Each check; the exit code. `store` is the project when the documents came from one (else null).
int runLeakage(const QCommandLineParser& parser, CliIo& io, const jobs::QualityDocuments& docs, ProjectStore* store,
               const CheckCommand& self, int examples, bool json);
int runConsistency(const QCommandLineParser& parser, CliIo& io, const jobs::QualityDocuments& docs, ProjectStore* store,
                   const CheckCommand& self, int examples, bool json);
// `model`: the model folder (empty with --run); `project`: the project file (empty with --data files).
int runDrift(const QCommandLineParser& parser, CliIo& io, const CheckCommand& self, int examples, bool json,
             const QString& model, const QString& project);

}  // namespace quarry::cli::check
