// The embedding API: everything the CLI, the server and the browser bindings see of the
// interpreter. One Interpreter owns one Python runtime (builtins, output streams, the
// interrupt flag); it is not shared between host threads.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace terrarium {

// Where a program's output goes. `stream` is 1 for stdout and 2 for stderr.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void write(int stream, std::string_view text) = 0;
};

// Exit statuses as a shell sees them after `python3 prog.py`.
enum ExitStatus : int { kExitOk = 0, kExitError = 1, kExitInterrupted = 130 };

// One step of a cycle collection, as the heap pane shows it. `objects` is the size of
// the list the phase produced: the generation being collected after update_refs and
// subtract_refs, the unreachable objects from move_unreachable on.
struct GCPhase {
  const char* name;  // start, update_refs, subtract_refs, move_unreachable, handle_weakrefs,
                     // finalize, handle_resurrected, delete_garbage, done
  int generation;
  std::size_t objects;
};

// Told of every phase of every collection, on the interpreter's thread.
class GCObserver {
 public:
  virtual ~GCObserver() = default;
  virtual void on_gc_phase(const GCPhase& phase) = 0;
};

// What happened to one Python thread, for a lane-per-thread view of GIL ownership
// (Beazley's visualisation). `thread` numbers threads in start order (0: the main
// thread); `ident` is _thread.get_ident()'s value.
enum class ThreadEventKind {
  ThreadStart, ThreadEnd,
  GilRequested, GilAcquired, GilDropped,
  LockWaitBegin, LockWaitEnd,  // a lock acquire that has to block, and when it stops waiting
  ThreadNamed,  // threading told the thread's Python name (at its start, or a rename)
};
// Why a thread let the GIL go: another thread asked (the switch interval passed), it
// entered a blocking call (sleep, lock wait), or it ended.
enum class GilDropReason { Interval, BlockingCall, Exit };
struct ThreadEvent {
  ThreadEventKind kind;
  std::uint64_t thread;
  std::uint64_t ident;
  GilDropReason reason;  // GilDropped only
  const void* lock;      // LockWait* only: identifies the lock object
  // ThreadNamed only: the name in UTF-8. Valid only during the call: copy it to keep it.
  std::string_view name;
};

// Told of thread and GIL events ON THE THREAD THEY HAPPEN ON, so several threads may
// call it at once: implementations must be thread-safe. Not called at all when unset.
class ThreadObserver {
 public:
  virtual ~ThreadObserver() = default;
  virtual void on_thread_event(const ThreadEvent& event) = 0;
};

struct InterpreterState;
struct LoopHostHooks;  // core/modules/asyncio_loop_events.hpp
class TraceObserver;   // core/trace/observer.hpp
struct ThreadState;

class Interpreter {
 public:
  explicit Interpreter(OutputSink& out);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Compiles and runs a module. Output and tracebacks (CPython's format) go to the sink.
  // `show_source_lines` is false for `-c` code, where CPython shows no source lines.
  // `module_name` is "__mp_main__" for a worker that runs the main script's source so
  // its functions exist, as multiprocessing's spawn does; the module stays in sys.modules.
  int run_source(std::string_view source, const std::string& filename, bool show_source_lines = true,
                 const char* module_name = "__main__");

  // `python3 -m dis` output for the module; on a syntax error prints it to stream 2 and
  // returns false.
  [[nodiscard]] bool disassemble_source(std::string_view source, const std::string& filename, std::string& out);

  // Set bit 0 from any thread (fetch_or(1); in the browser, Atomics.or on its address;
  // the other bits are the VM's own, so never store a whole value):
  // the running program raises KeyboardInterrupt at its next eval-breaker check, and
  // every other Python thread ends (SystemExit) at its next check or blocking wait.
  std::atomic<std::uint8_t>& interrupt_flag();

  // Debug switches for the cycle collector: an observer of each phase (null to stop),
  // and stress mode, a generation-0 collection at the first safe point (the next
  // eval-breaker check) after every allocation of a tracked container. The environment
  // variable TERRARIUM_GC_STRESS=1 turns stress mode on for new interpreters.
  void set_gc_observer(GCObserver* observer);
  void set_gc_stress(bool on);
  // asyncio loops made from now on report their events to `hooks` and use its clock
  // choice (the virtual clock for the playground). Not owned; null detaches.
  void set_loop_hooks(LoopHostHooks* hooks);
  // Tells `observer` of every instruction, call, line, exception and GC phase from the
  // next frame entry on (core/trace); null detaches. Not owned. A debug session also sets
  // a virtual clock: the time module then reads *step_counter microseconds, so a replay
  // of the same steps sees the same times.
  void set_trace_observer(TraceObserver* observer);
  void set_virtual_clock(const std::uint64_t* step_counter);
  // The interpreter's thread state, for core/trace's snapshots (an opaque handle outside core).
  ThreadState* thread_state();
  // Thread and GIL events (see ThreadObserver); null detaches. Set it before threads start.
  void set_thread_observer(ThreadObserver* observer);
  // Python threads become green: fibers of the OS thread that runs the program, taking
  // turns where OS threads would hand the GIL over, chosen by a generator seeded with
  // `seed` (the same seed, the same interleaving). Each run starts a fresh scheduler and
  // ends by joining the program's threads, as at exit. False where fibers are missing
  // (a browser module linked without ASYNCIFY).
  [[nodiscard]] bool use_green_threads(std::uint64_t seed);

  // For core/ only (isolated workers call into the runtime directly); hosts never need it.
  InterpreterState* runtime() const { return state_.get(); }

 private:
  std::unique_ptr<InterpreterState> state_;
};

// "0.1.0": the Terrarium version; the Python language version is always 3.11.
const char* version();

}  // namespace terrarium
