// _thread.RLock: a lock its owner may take again, counting how often; the methods
// threading.Condition uses to wait on it (_release_save, _acquire_restore, _is_owned).
// Owner and count change only while the GIL is held. CPython: _threadmodule.c rlock_*.
#include <new>
#include <string>
#include "modules/thread_lock.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/os_thread.hpp"

namespace terrarium {

namespace {

struct RLockObject : Object {
  LockCore core;
  std::uint64_t owner;  // get_ident() of the holder; 0 when free
  std::uint64_t count;
};

RLockObject* as_rlock(Object* o) { return static_cast<RLockObject*>(o); }

Object* rlock_new(ThreadState* ts, TypeObject* type, Object* const*, std::size_t, Object*) {
  auto* r = static_cast<RLockObject*>(object_alloc(type, type->tp_basicsize));
  new (&r->core) LockCore();
  r->owner = 0;
  r->count = 0;
  return r;
}

void rlock_dealloc(Object* o) {
  as_rlock(o)->core.~LockCore();
  object_free(o);
}

bool owned_by_caller(ThreadState* ts, RLockObject* r) { return r->count > 0 && r->owner == current_thread_ident(ts); }

Object* rlock_acquire(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire_args(ts, args, nargs, kwnames, timeout)) return nullptr;
  RLockObject* r = as_rlock(self);
  if (owned_by_caller(ts, r)) {
    ++r->count;
    return new_bool(true);
  }
  switch (lock_core_acquire(ts, r->core, timeout, self)) {
    case AcquireResult::Acquired:
      r->owner = current_thread_ident(ts);
      r->count = 1;
      return new_bool(true);
    case AcquireResult::TimedOut: return new_bool(false);
    case AcquireResult::Stopped: return raise_stop(ts);
  }
  return nullptr;
}

Object* rlock_release(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  RLockObject* r = as_rlock(self);
  if (!owned_by_caller(ts, r)) return raise(ts, &exc_RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    lock_core_release(r->core);
  }
  return newref(py_none());
}

Object* rlock_is_owned(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return new_bool(owned_by_caller(ts, as_rlock(self)));
}

Object* rlock_recursion_count(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  RLockObject* r = as_rlock(self);
  return new_int(ts, owned_by_caller(ts, r) ? static_cast<std::int64_t>(r->count) : 0);
}

// Gives the lock up entirely, returning (count, owner) for _acquire_restore.
Object* rlock_release_save(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  RLockObject* r = as_rlock(self);
  if (r->count == 0) return raise(ts, &exc_RuntimeError, "cannot release un-acquired lock");
  Object* state = new_tuple(ts, 2);
  tuple_set(state, 0, new_int(ts, static_cast<std::int64_t>(r->count)));
  tuple_set(state, 1, new_int(ts, static_cast<std::int64_t>(r->owner)));
  r->count = 0;
  r->owner = 0;
  lock_core_release(r->core);
  return state;
}

Object* rlock_acquire_restore(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1)
    return raise(ts, &exc_TypeError, "_acquire_restore() takes exactly one argument (" + std::to_string(nargs) + " given)");
  Object* state = args[0];
  if (!is_tuple(state) || tuple_size(state) != 2)
    return raise(ts, &exc_TypeError, std::string("_acquire_restore() argument 1 must be 2-item sequence, not ") +
                                         state->ob_type->tp_name);
  for (Py_ssize_t i = 0; i < 2; ++i)
    if (!is_int(tuple_get(state, i)))
      return raise(ts, &exc_TypeError, std::string("'") + tuple_get(state, i)->ob_type->tp_name +
                                           "' object cannot be interpreted as an integer");
  RLockObject* r = as_rlock(self);
  if (lock_core_acquire(ts, r->core, -1, self) == AcquireResult::Stopped) return raise_stop(ts);
  r->count = static_cast<std::uint64_t>(int_value(tuple_get(state, 0)));
  r->owner = static_cast<std::uint64_t>(int_value(tuple_get(state, 1)));
  return newref(py_none());
}

Object* rlock_repr(ThreadState* ts, Object* self) {
  RLockObject* r = as_rlock(self);
  return new_str(ts, std::string(r->count ? "<locked " : "<unlocked ") + self->ob_type->tp_name +
                         " object owner=" + std::to_string(r->owner) + " count=" + std::to_string(r->count) +
                         " at " + object_address(self) + ">");
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, METH_INSTANCE},
    {"release", rlock_release, METH_INSTANCE},
    {"__enter__", rlock_acquire, METH_INSTANCE},
    {"__exit__", rlock_release, METH_INSTANCE},
    {"_is_owned", rlock_is_owned, METH_INSTANCE},
    {"_recursion_count", rlock_recursion_count, METH_INSTANCE},
    {"_release_save", rlock_release_save, METH_INSTANCE},
    {"_acquire_restore", rlock_acquire_restore, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject thread_rlock_type = [] {
  TypeObject t = make_static_type("_thread.RLock", sizeof(RLockObject), &object_type);
  t.tp_flags |= TPFLAGS_BASETYPE;
  t.tp_dealloc = rlock_dealloc;
  t.tp_repr = rlock_repr;
  t.tp_methods = kRLockMethods;
  t.tp_new = rlock_new;
  return t;
}();

}  // namespace terrarium
