// Appends stamped thread events to the fixed array; see the header for the layout.
#include "trace/thread_event_recorder.hpp"

#include <algorithm>
#include <cstring>

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

namespace {

// `name` cut to at most kMaxThreadNameBytes without splitting a UTF-8 character
// (continuation bytes look like 10xxxxxx).
std::string_view cut_name(std::string_view name) {
  if (name.size() <= kMaxThreadNameBytes) return name;
  std::size_t end = kMaxThreadNameBytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return name.substr(0, end);
}

}  // namespace

// The time of an event arriving now. In the browser each pthread's steady clock is its
// own worker's performance.now(); if two disagree by a hair, clamping keeps a drop
// before the acquire it allowed.
std::uint32_t ThreadEventRecorder::stamp() {
  using namespace std::chrono;
  auto elapsed = duration_cast<microseconds>(steady_clock::now() - start_).count();
  auto time_us = static_cast<std::uint32_t>(std::clamp<std::int64_t>(elapsed, 0, UINT32_MAX));
  last_time_us_ = std::max(last_time_us_, time_us);
  return last_time_us_;
}

void ThreadEventRecorder::on_thread_event(const ThreadEvent& event) {
  std::lock_guard<std::mutex> guard(mutex_);
  bool is_named = event.kind == ThreadEventKind::ThreadNamed;
  std::string_view name = is_named ? cut_name(event.name) : std::string_view();
  auto name_bytes = static_cast<std::uint32_t>(name.size());
  std::uint32_t continuations = (name_bytes + 15) / 16;
  std::uint32_t count = header_.count.load(std::memory_order_relaxed);
  if (header_.capacity - count < 1 + continuations) {
    header_.dropped.fetch_add(1, std::memory_order_release);
    return;
  }
  bool is_lock_wait = event.kind == ThreadEventKind::LockWaitBegin || event.kind == ThreadEventKind::LockWaitEnd;
  records_[count] = ThreadEventRecord{
      stamp(),
      static_cast<std::uint32_t>(event.kind) | static_cast<std::uint32_t>(event.reason) << 8,
      static_cast<std::uint32_t>(event.thread),
      is_lock_wait ? lock_number(event.lock) : name_bytes,
  };
  for (std::uint32_t i = 0; i < continuations; ++i) {
    ThreadEventRecord& words = records_[count + 1 + i];
    words = ThreadEventRecord{};
    std::memcpy(&words, name.data() + 16 * i, std::min<std::size_t>(16, name.size() - 16 * i));
  }
  // Publishes the record and its continuations: a reader that loads the count
  // (acquire) sees all their words.
  header_.count.store(count + 1 + continuations, std::memory_order_release);
}

std::vector<ThreadEventRecord> ThreadEventRecorder::records() const {
  std::lock_guard<std::mutex> guard(mutex_);
  std::uint32_t count = header_.count.load(std::memory_order_relaxed);
  return std::vector<ThreadEventRecord>(records_.get(), records_.get() + count);
}

std::string thread_name_of(const std::vector<ThreadEventRecord>& records, std::size_t i) {
  std::string name(records[i].lock, '\0');
  std::memcpy(name.data(), records.data() + i + 1, name.size());
  return name;
}

}  // namespace terrarium
