#pragma once
// Where one process stands in a data-parallel training run (train/distributed/DataParallelGroup.h):
// how many processes train together, which one this is, and where they meet. A world of one (the
// default) trains alone, exactly as without these options.

#include <string>

#include "common/Error.h"

namespace quarry::train {

struct DistributedOptions {
  int worldSize = 1;   // processes training together (one per machine or device)
  int rank = 0;        // this process, 0 .. worldSize-1; rank 0 evaluates and writes the output folder
  std::string masterHost = "127.0.0.1";  // where rank 0 listens (c10d's TCPStore)
  int masterPort = 29500;
  int timeoutSeconds = 1800;  // how long a rank waits for the others (rendezvous, a step, rank 0's evaluation)

  bool active() const { return worldSize > 1; }
  // Refuses a world size below 1, a rank outside it, a port outside 1..65535, a timeout below 1 s.
  Status check() const;
  // "host:port" ("127.0.0.1:29500", "[::1]:29500") into masterHost and masterPort.
  Status setMaster(const std::string& hostAndPort);
};

}  // namespace quarry::train
