#pragma once
// What this process has used of the machine's memory, for benches and run reports.

namespace quarry {

// The peak resident set size of this process in MiB (VmHWM of /proc/self/status), -1 where unknown.
double peakResidentMiB();

}  // namespace quarry
