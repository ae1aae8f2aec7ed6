#include "train/BatchPrefetcher.h"

#include <stdexcept>
#include <string>

namespace quarry::train {

BatchPrefetcher::BatchPrefetcher(size_t first, size_t count, size_t depth, Build build)
    : m_build(std::move(build)), m_next(first), m_built(first), m_count(count), m_depth(depth) {
  if (m_depth > 0 && m_built < m_count) m_thread = std::thread([this] { work(); });
}

BatchPrefetcher::~BatchPrefetcher() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void BatchPrefetcher::work() {
  for (;;) {
    size_t index = 0;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_depth; });
      if (m_stop || m_built >= m_count) return;
      index = m_built;
    }
    StagedBatch batch;
    std::exception_ptr failure;
    try {
      batch = m_build(index);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (failure) {
        m_failure = failure;
      } else {
        m_ready.push_back(std::move(batch));
        ++m_built;
      }
    }
    m_changed.notify_all();
    if (failure) return;
  }
}

StagedBatch BatchPrefetcher::next() {
  if (m_next >= m_count)
    throw std::out_of_range("no batch " + std::to_string(m_next) + " of " + std::to_string(m_count));
  if (m_depth == 0) return m_build(m_next++);
  std::unique_lock<std::mutex> lock(m_mutex);
  m_changed.wait(lock, [&] { return !m_ready.empty() || m_failure; });
  if (m_ready.empty()) std::rethrow_exception(m_failure);  // the batches before the failure were taken
  StagedBatch batch = std::move(m_ready.front());
  m_ready.pop_front();
  ++m_next;
  lock.unlock();
  m_changed.notify_all();
  return batch;
}

}  // namespace quarry::train
