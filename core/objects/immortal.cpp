// The initialisation window (see immortal.hpp). CPython 3.12 does the same for its
// static objects and interned strings (Objects/object.c _Py_SetImmortal).
#include "objects/immortal.hpp"

#include <mutex>
#include <thread>
#include <unordered_set>
#include "objects/bytes.hpp"
#include "objects/gc_object.hpp"
#include "objects/str.hpp"

namespace terrarium {

std::atomic<bool> immortal_window_open{false};

namespace {

// Written by the thread that opens the window, before it opens (release/acquire on
// immortal_window_open orders them), so other threads never touch `born`.
std::thread::id window_owner;
std::unordered_set<Object*>* born = nullptr;

bool in_owner_thread() {
  return immortal_window_open.load(std::memory_order_acquire) && std::this_thread::get_id() == window_owner;
}

}  // namespace

void make_immortal(Object* o) {
  if (is_immortal(o)) return;
  // Untrack first: has_gc_header() is false for immortal objects, so afterwards the
  // collector could no longer unlink it.
  if (has_gc_header(o)) gc_untrack(o);
  // Shared objects are only read from now on: fill what would be filled on first use.
  if (is_str(o)) str_fill_lazy_fields(o);
  if (is_bytes(o)) (void)bytes_hash(o);
  o->ob_refcnt = kImmortalRefcnt;
}

void immortal_window_begin() {
  window_owner = std::this_thread::get_id();
  born = new std::unordered_set<Object*>();
  immortal_window_open.store(true, std::memory_order_release);
}

void immortal_window_end() {
  immortal_window_open.store(false, std::memory_order_release);
  for (Object* o : *born) make_immortal(o);
  delete born;
  born = nullptr;
}

void immortal_window_allocated(Object* o) {
  if (in_owner_thread()) born->insert(o);
}

void immortal_window_freed(Object* o) {
  if (in_owner_thread()) born->erase(o);
}

}  // namespace terrarium
