#include "train/distributed/DistributedOptions.h"

#include <cstdlib>

namespace quarry::train {

Status DistributedOptions::check() const {
  if (worldSize < 1) return Error("the world size must be at least 1", "", 0, "world_size");
  if (rank < 0 || rank >= worldSize)
    return Error("rank " + std::to_string(rank) + " is outside a world of " + std::to_string(worldSize) +
                     " (ranks 0.." + std::to_string(worldSize - 1) + ")",
                 "", 0, "rank");
  if (masterPort < 1 || masterPort > 65535)
    return Error("the master port must be 1..65535, not " + std::to_string(masterPort), "", 0, "master");
  if (masterHost.empty()) return Error("the master host is empty", "", 0, "master");
  if (timeoutSeconds < 1) return Error("the timeout must be at least 1 second", "", 0, "timeout");
  return {};
}

Status DistributedOptions::setMaster(const std::string& hostAndPort) {
  const size_t colon = hostAndPort.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == hostAndPort.size())
    return Error("not HOST:PORT: \"" + hostAndPort + "\"", "", 0, "master");
  std::string host = hostAndPort.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = hostAndPort.substr(colon + 1);
  char* end = nullptr;
  const long value = std::strtol(port.c_str(), &end, 10);
  if (end == port.c_str() || *end != '\0' || value < 1 || value > 65535)
    return Error("not a port (1..65535): \"" + port + "\" in \"" + hostAndPort + "\"", "", 0, "master");
  masterHost = host;
  masterPort = static_cast<int>(value);
  return {};
}

}  // namespace quarry::train
