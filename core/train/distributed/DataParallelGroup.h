#pragma once
// Data-parallel training on PyTorch's own distributed engine (c10d), as torch.distributed does it: the
// processes meet at rank 0's TCPStore, form a Gloo process group, and then every optimizer step sums
// their gradients with one all-reduce, so that every rank applies the same update to the same weights.
//
// WHAT EACH RANK TRAINS ON: every rank builds the same batches (the order depends only on the seed and
// the epoch) and trains on its share of each (shard(): every worldSize-th item from its rank on). Its
// loss is weighted by its share of the batch's items before the backward pass, so that the summed
// gradient is the gradient of the whole batch's mean loss: two ranks on half batches take the step one
// process takes on the whole batch (exactly for losses that are a mean over items, up to float
// rounding; for token-mean losses the halves are weighted by items, not tokens).
//
// A world of one (the default group) never touches the network: every call returns at once.
// Failures (a rank that never comes, a rank that dies, a timeout) come back as Errors naming the rank.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "common/Error.h"
#include "train/distributed/DistributedOptions.h"

namespace quarry::train {

class DataParallelGroup {
 public:
  DataParallelGroup();  // a world of one
  ~DataParallelGroup();
  DataParallelGroup(DataParallelGroup&&) noexcept;
  DataParallelGroup& operator=(DataParallelGroup&&) noexcept;

  // Joins the world `options` describe: rank 0 listens at the master address, the others connect to it,
  // each waiting up to the timeout for all of them. A world of one joins nothing. Gloo carries the CPU
  // collectives; a model on a CUDA `device` has its weights and gradients summed by NCCL on the device
  // where LibTorch has c10d's NCCL backend (ncclAvailable()), else through Gloo via host memory.
  static Result<DataParallelGroup> join(const DistributedOptions& options,
                                        const c10::Device& device = c10::Device(c10::kCPU));
  // Whether this build has c10d's Gloo backend (Debian's LibTorch has; a build without it trains alone).
  static bool available();
  // Whether this build has c10d's NCCL backend (a CUDA LibTorch built with NCCL).
  static bool ncclAvailable();
  // "nccl" when the weights and gradients travel through NCCL, else "gloo".
  const char* tensorBackend() const;

  int rank() const { return m_rank; }
  int worldSize() const { return m_worldSize; }
  bool active() const { return m_worldSize > 1; }
  // Rank 0 evaluates, keeps best/ and last/ and writes the run record.
  bool writes() const { return m_rank == 0; }

  // This rank's items of a batch: batch[rank], batch[rank + worldSize], ...
  std::vector<int32_t> shard(const std::vector<int32_t>& batch) const;
  // Copies rank 0's values into `tensors` on every rank (in place; the same shapes everywhere).
  Status broadcast(const std::vector<at::Tensor>& tensors);
  // Sums every parameter's gradient over the ranks, in place (a gradient no rank has stays undefined),
  // and `scalars` with them.
  Status sumGradients(const std::vector<at::Tensor>& parameters, std::vector<double>& scalars);
  // Resuming on machines that share no folder: rank 0 sends every file under `folder` (its last/) through
  // the TCPStore in chunks; a rank with `receive` true writes them under its own `folder` (replacing what
  // was there), the others take no part. Every rank calls it with the same sequence of calls.
  Status copyFolderFromRankZero(const std::string& folder, bool receive);
  // The largest and smallest of `value` over the ranks.
  Result<int64_t> maxOverRanks(int64_t value);
  Result<int64_t> minOverRanks(int64_t value);

 private:
  struct Connection;
  std::unique_ptr<Connection> m_connection;
  int m_rank = 0;
  int m_worldSize = 1;
  int m_timeoutSeconds = 1800;
  int m_folderCopies = 0;  // copyFolderFromRankZero calls so far: its store keys
};

}  // namespace quarry::train
