#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli check leakage|consistency|drift: the data quality checks (core/quality) on a project's splits or on
// files. leakage: near-duplicate documents and duplicate sentences across splits, and a group-aware
// re-split that keeps near duplicates together (--resplit, written with --apply). consistency: the same
// text labelled differently (entity surfaces, relation argument pairs, categories of identical texts), each
// finding with its occurrences in context and the guidelines of the types involved. drift: a trained
// model's view of incoming documents against its training and dev documents (jobs/DriftJob.h).
class CheckCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("check"); }
  QString summary() const override {
    return QStringLiteral("Check data quality: split leakage, inconsistent labels, or drift of new documents.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;

  // For the checks' own functions: a usage error (exit 2) and a failure (exit 1), printed as every command does.
  int usageError(CliIo& io, const QString& message) const { return usage(io, message); }
  int failWith(CliIo& io, const Error& error) const { return fail(io, error); }
};

}  // namespace quarry::cli
