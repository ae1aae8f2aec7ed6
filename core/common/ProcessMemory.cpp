#include "common/ProcessMemory.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace quarry {

double peakResidentMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;  // "VmHWM:   12345 kB"
  return -1;
}

}  // namespace quarry
