#pragma once
// Staged batches (train/StagedBatch.h) built ahead of the step that takes them, on one background thread
// in batch order, so that laying out the next batches (and pinning them for a GPU) overlaps the current
// step instead of adding to it. At most `depth` built batches wait; depth 0 builds each batch when it is
// asked for, on the caller's thread. Either way the batches and their order are the same, so a run
// trains identically with and without prefetching.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "train/StagedBatch.h"

namespace quarry::train {

class BatchPrefetcher {
 public:
  using Build = std::function<StagedBatch(size_t index)>;

  // Batches first .. count-1 of `build`. `build` runs on the background thread: it may read only what
  // nothing changes while the prefetcher lives (the featurized inputs, the batch list).
  BatchPrefetcher(size_t first, size_t count, size_t depth, Build build);
  // Stops building (a batch under way is finished and dropped) and joins the thread.
  ~BatchPrefetcher();
  BatchPrefetcher(const BatchPrefetcher&) = delete;
  BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

  // The next batch in order, waiting for it if needed; rethrows what its build threw. Past the last
  // batch: std::out_of_range.
  StagedBatch next();

 private:
  void work();

  Build m_build;
  size_t m_next;   // the index next() returns
  size_t m_built;  // the index the thread builds next
  size_t m_count;
  size_t m_depth;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<StagedBatch> m_ready;
  std::exception_ptr m_failure;  // the build that threw (the thread stops there)
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace quarry::train
