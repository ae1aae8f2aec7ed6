#pragma once
// Runs quarry-cli in-process for tests: the exit code and what it printed.

#include <QString>
#include <QStringList>
#include <QTextStream>

#include "cli/CliApplication.h"

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

inline CliRun cli(const QStringList& args) {
  CliRun r;
  QTextStream out(&r.out), err(&r.err);
  quarry::cli::CliIo io{out, err, false};
  r.code = quarry::cli::CliApplication().run(QStringList{QStringLiteral("quarry-cli")} + args, io);
  out.flush();
  err.flush();
  return r;
}
