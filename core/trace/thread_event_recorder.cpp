// Appends stamped thread events to the fixed array; see the header for the layout.
#include "trace/thread_event_recorder.hpp"

#include <algorithm>

namespace terrarium {

ThreadEventRecorder::ThreadEventRecorder(std::uint32_t capacity)
    : records_(std::make_unique<ThreadEventRecord[]>(capacity)), start_(std::chrono::steady_clock::now()) {
  header_.capacity = capacity;
}

void ThreadEventRecorder::start_run() {
  std::lock_guard<std::mutex> guard(mutex_);
  header_.count.store(0, std::memory_order_release);
  header_.dropped.store(0, std::memory_order_release);
  lock_numbers_.clear();
  last_time_us_ = 0;
  start_ = std::chrono::steady_clock::now();
  // Last: a reader that sees the new run number sees the emptied array.
  header_.run.fetch_add(1, std::memory_order_acq_rel);
}

std::uint32_t ThreadEventRecorder::lock_number(const void* lock) {
  if (!lock) return 0;
  auto [it, inserted] = lock_numbers_.try_emplace(lock, static_cast<std::uint32_t>(lock_numbers_.size() + 1));
  return it->second;
}

void ThreadEventRecorder::on_thread_event(const ThreadEvent& event) {
  using namespace std::chrono;
  std::lock_guard<std::mutex> guard(mutex_);
  std::uint32_t count = header_.count.load(std::memory_order_relaxed);
  if (count >= header_.capacity) {
    header_.dropped.fetch_add(1, std::memory_order_release);
    return;
  }
  // In the browser each pthread's steady clock is its own worker's performance.now();
  // if two disagree by a hair, clamping keeps a drop before the acquire it allowed.
  auto elapsed = duration_cast<microseconds>(steady_clock::now() - start_).count();
  auto time_us = static_cast<std::uint32_t>(std::clamp<std::int64_t>(elapsed, 0, UINT32_MAX));
  last_time_us_ = std::max(last_time_us_, time_us);
  bool is_lock_wait = event.kind == ThreadEventKind::LockWaitBegin || event.kind == ThreadEventKind::LockWaitEnd;
  records_[count] = ThreadEventRecord{
      last_time_us_,
      static_cast<std::uint32_t>(event.kind) | static_cast<std::uint32_t>(event.reason) << 8,
      static_cast<std::uint32_t>(event.thread),
      is_lock_wait ? lock_number(event.lock) : 0,
  };
  // Publishes the record: a reader that loads the count (acquire) sees its words.
  header_.count.store(count + 1, std::memory_order_release);
}

std::vector<ThreadEventRecord> ThreadEventRecorder::records() const {
  std::lock_guard<std::mutex> guard(mutex_);
  std::uint32_t count = header_.count.load(std::memory_order_relaxed);
  return std::vector<ThreadEventRecord>(records_.get(), records_.get() + count);
}

}  // namespace terrarium
