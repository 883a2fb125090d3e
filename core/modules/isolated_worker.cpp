// The worker thread's life (see isolated_worker.hpp): make an Interpreter, run the main
// source as __mp_main__, answer calls until closed, end the Interpreter on the same thread.
// Invariant: the worker's objects are touched by the worker thread only; everything that
// crosses the mutex is a CrossValue or plain text.
#include "modules/isolated_worker.hpp"

#include <utility>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "terrarium/interpreter.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/traceback.hpp"

namespace terrarium {

namespace {

// Keeps what the worker prints, in order, until a reply carries it to the caller.
class BufferSink : public OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    if (!chunks_.empty() && chunks_.back().stream == stream)
      chunks_.back().text.append(text);
    else
      chunks_.push_back({stream, std::string(text)});
  }
  std::vector<WorkerOutput> take() { return std::exchange(chunks_, {}); }

 private:
  std::vector<WorkerOutput> chunks_;
};

Object* main_module(ThreadState* ts, const std::string& module_name) {
  Object* key = new_str(ts, module_name);
  Object* m = ts->interp->modules ? dict_get_str(ts->interp->modules, key) : nullptr;
  decref(key);
  return m;
}

// Spawned children see their main module under both names, so code that looks up
// sys.modules['__main__'] finds the script's functions. CPython: multiprocessing/spawn.py.
void alias_as_main(ThreadState* ts, const std::string& module_name) {
  Object* m = main_module(ts, module_name);
  Object* key = new_str(ts, "__main__");
  if (m && !dict_set_item(ts, ts->interp->modules, key, m)) clear_error(ts);
  decref(key);
}

Object* call_function(ThreadState* ts, const WorkerCall& call) {
  Object* fn = cross_decode(ts, call.function);
  if (!fn) return nullptr;
  Object* args = cross_decode(ts, call.args);
  Object* kwargs = args ? cross_decode(ts, call.kwargs) : nullptr;
  Object* result = nullptr;
  if (args && kwargs) {
    std::vector<Object*> argv(static_cast<TupleObject*>(args)->items,
                              static_cast<TupleObject*>(args)->items + tuple_size(args));
    Object* kwnames = nullptr;
    if (kwargs != py_none()) {
      kwnames = new_tuple(ts, dict_size(kwargs));
      Py_ssize_t i = 0;
      for (const DictEntry& e : *static_cast<DictObject*>(kwargs)->entries) {
        if (!e.key || !e.value) continue;
        tuple_set(kwnames, i++, newref(e.key));
        argv.push_back(e.value);
      }
    }
    result = call_object(ts, fn, argv.data(), static_cast<std::size_t>(tuple_size(args)), kwnames);
    xdecref(kwnames);
  }
  xdecref(kwargs);
  xdecref(args);
  decref(fn);
  return result;
}

// Describes the raised exception in terms that can cross: the caller rebuilds it.
void describe_error(ThreadState* ts, WorkerReply& reply) {
  Object* exc = fetch_error(ts);
  TypeObject* type = exc->ob_type;
  reply.exc_qualname = type_qualname(type);
  Object* module = get_attr_str(ts, type, "__module__");
  reply.exc_module = module && is_str(module) ? std::string(str_view(module)) : "builtins";
  xdecref(module);
  clear_error(ts);
  reply.exc_message = exception_message(ts, exc);
  clear_error(ts);
  reply.has_args = cross_encode(ts, static_cast<ExceptionObject*>(exc)->args, reply.exc_args);
  clear_error(ts);
  reply.traceback = format_exception(ts, exc);
  clear_error(ts);
  decref(exc);
}

WorkerReply answer(ThreadState* ts, const WorkerCall& call) {
  WorkerReply reply;
  Object* result = call_function(ts, call);
  if (result) {
    reply.ok = cross_encode(ts, result, reply.value);
    decref(result);
  }
  if (!reply.ok) describe_error(ts, reply);
  return reply;
}

}  // namespace

IsolatedWorker::IsolatedWorker(std::string source, std::string filename, std::string module_name)
    : source_(std::move(source)), filename_(std::move(filename)), module_name_(std::move(module_name)) {
  thread_ = std::thread([this] { run(); });
}

IsolatedWorker::~IsolatedWorker() { (void)close(); }

void IsolatedWorker::run() {
  BufferSink sink;
  {
    Interpreter interp(sink);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      runtime_ = interp.runtime()->runtime;
    }
    bool started = interp.run_source(source_, filename_, true, module_name_.c_str()) == kExitOk;
    ThreadState* ts = &interp.runtime()->main_thread;
    ThreadRuntime& gil = *ts->runtime;
    // The worker's GIL is held while it answers and free while it waits for a call, so
    // threads its functions started keep running in between.
    set_current_thread_state(ts);
    take_gil(gil, ts);
    if (started) alias_as_main(ts, module_name_);
    for (;;) {
      WorkerCall call;
      drop_gil(gil, ts, GilDropReason::BlockingCall);
      {
        std::unique_lock<std::mutex> lock(mutex_);
        has_call_.wait(lock, [this] { return closing_ || !calls_.empty(); });
        if (!calls_.empty()) {
          call = std::move(calls_.front());
          calls_.pop_front();
          running_ = true;
        }
      }
      take_gil(gil, ts);
      if (call.function.kind != CrossValue::Kind::Global) break;  // closing, nothing left
      WorkerReply reply;
      if (started) {
        reply = answer(ts, call);
      } else {
        reply.exc_module = "builtins";
        reply.exc_qualname = "RuntimeError";
        reply.exc_message = "the worker's main module raised an exception";
      }
      reply.output = sink.take();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        replies_.push_back(std::move(reply));
        running_ = false;
        // An interrupt that came too late for this call must not hit the next one.
        gil.eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakInterrupt), std::memory_order_acq_rel);
      }
      has_reply_.notify_all();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      runtime_.reset();
    }
    release_thread_caches();  // names of this heap, given back with the GIL held
    drop_gil(gil, ts, GilDropReason::BlockingCall);
    set_current_thread_state(nullptr);
  }  // the interpreter ends here, on the thread that ran it
  std::lock_guard<std::mutex> lock(mutex_);
  final_output_ = sink.take();
}

void IsolatedWorker::submit(WorkerCall call) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_.push_back(std::move(call));
    ++unanswered_;
  }
  has_call_.notify_one();
}

bool IsolatedWorker::wait_reply(WorkerReply& out, std::chrono::milliseconds slice) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!has_reply_.wait_for(lock, slice, [this] { return !replies_.empty(); })) return false;
  out = std::move(replies_.front());
  replies_.pop_front();
  --unanswered_;
  return true;
}

std::size_t IsolatedWorker::unanswered() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return unanswered_;
}

void IsolatedWorker::interrupt() {
  std::lock_guard<std::mutex> lock(mutex_);
  unanswered_ -= calls_.size();
  calls_.clear();
  if (runtime_ && running_) runtime_->eval_breaker.fetch_or(kBreakInterrupt, std::memory_order_release);
}

std::vector<WorkerOutput> IsolatedWorker::close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closing_) return {};
    closing_ = true;
  }
  has_call_.notify_one();
  thread_.join();
  std::vector<WorkerOutput> output;
  for (WorkerReply& r : replies_)  // answered but never collected: only the printing is kept
    for (WorkerOutput& o : r.output) output.push_back(std::move(o));
  replies_.clear();
  for (WorkerOutput& o : final_output_) output.push_back(std::move(o));
  final_output_.clear();
  return output;
}

}  // namespace terrarium
