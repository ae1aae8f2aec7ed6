#pragma once
// Applies ImportOptions::policy to the problems a format finds line by line (quoted text that does
// not match the offsets, ...): Reject keeps the first one as an Error naming file and line, Repair
// lists every change as a warning. Also finds the nearest place a quoted text really occurs.

#include "formats/Format.h"

namespace quarry {

class ImportProblems {
 public:
  ImportProblems(const ImportOptions& options, ImportReport& report);

  // Reject: keeps "file:line: what" as error() and returns false (stop reading). Repair: adds the
  // warning "file:line: what (repair)" and returns true (go on, the caller applies the repair).
  bool raise(const QString& file, long line, const QString& what, const QString& repair);
  const Error& error() const { return m_error; }
  bool repairing() const { return m_policy == ProblemPolicy::Repair; }

  // UTF-16 index of the occurrence of `needle` in `text` closest to `aroundUtf16`; -1 when none.
  static int nearestOccurrence(const QString& text, const QString& needle, int aroundUtf16);
  // An Error for a line that cannot be read at all (never repairable).
  static Error lineError(const QString& file, long line, const QString& what);

 private:
  ProblemPolicy m_policy;
  ImportReport& m_report;
  Error m_error;
};

}  // namespace quarry
