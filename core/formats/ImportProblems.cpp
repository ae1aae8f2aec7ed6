#include "formats/ImportProblems.h"

#include <cstdlib>

namespace quarry {

ImportProblems::ImportProblems(const ImportOptions& options, ImportReport& report)
    : m_policy(options.policy), m_report(report) {}

bool ImportProblems::raise(const QString& file, long line, const QString& what, const QString& repair) {
  if (m_policy == ProblemPolicy::Reject) {
    m_error = lineError(file, line, what);
    return false;
  }
  const QString where = line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
  m_report.warnings << QStringLiteral("%1: %2 (%3)").arg(where, what, repair);
  return true;
}

int ImportProblems::nearestOccurrence(const QString& text, const QString& needle, int aroundUtf16) {
  if (needle.isEmpty()) return -1;
  int best = -1;
  for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || std::abs(i - aroundUtf16) < std::abs(best - aroundUtf16)) best = i;
    if (i > aroundUtf16) break;  // later hits are only farther away
  }
  return best;
}

Error ImportProblems::lineError(const QString& file, long line, const QString& what) {
  return Error(what.toStdString(), file.toStdString(), line);
}

}  // namespace quarry
