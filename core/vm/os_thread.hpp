// The OS-thread backend: starting a detached thread with a chosen stack size and the
// identifiers _thread reports. pthreads natively and in the threaded WASM build
// (Emscripten pthreads); in the single-threaded WASM build nothing can start.
// Not here: what a Python thread does once started (modules/thread_start.cpp).
#pragma once
#include <cstddef>
#include <cstdint>

namespace terrarium {

// False in builds without threads (wasm-st): _thread.start_new_thread says so.
bool os_threads_available();
// Runs entry(arg) on a new detached thread; stack_size 0 means the platform's
// default (raised where that default is too small for the eval loop). Sets `ident` to
// the new thread's os_thread_ident(). False when the thread could not be created.
[[nodiscard]] bool start_os_thread(void (*entry)(void*), void* arg, std::size_t stack_size, std::uint64_t& ident);
// _thread.get_ident(): pthread_self() as CPython reports it.
std::uint64_t os_thread_ident();
// _thread.get_native_id(): the kernel's id for the thread where there is one.
std::uint64_t os_native_thread_id();

}  // namespace terrarium
