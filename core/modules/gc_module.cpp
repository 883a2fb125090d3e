// The gc module: the cycle collector's controls and introspection.
// CPython: Modules/gcmodule.c.
#include <string>
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/gc_state.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

GCState& state(ThreadState* ts) { return ts->interp->gc; }

// The value of an optional argument given by position or by keyword `name`; null if absent.
bool optional_arg(ThreadState* ts, const char* fn, const char* name, Object* const* a, std::size_t n, Object* kwnames,
                  Object*& out) {
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  out = n >= 1 ? a[0] : nullptr;
  for (std::size_t i = 0; i < nkw; ++i) {
    std::string_view key = str_view(tuple_get(kwnames, static_cast<Py_ssize_t>(i)));
    if (key != name || out) {
      raise(ts, &exc_TypeError, std::string(fn) + "() got an unexpected keyword argument '" + std::string(key) + "'");
      return false;
    }
    out = a[n + i];
  }
  if (n > 1) {
    raise(ts, &exc_TypeError, std::string(fn) + "() takes at most 1 argument (" + std::to_string(n) + " given)");
    return false;
  }
  return true;
}

bool int_arg(ThreadState* ts, Object* o, std::int64_t& out) {
  if (!is_int(o) || !int_fits_int64(o)) {
    raise(ts, &exc_TypeError, "'" + std::string(o->ob_type->tp_name) + "' object cannot be interpreted as an integer");
    return false;
  }
  out = int_value(o);
  return true;
}

bool no_args(ThreadState* ts, const char* fn, std::size_t n, Object* kwnames) {
  if (n == 0 && !(kwnames && tuple_size(kwnames))) return true;
  raise(ts, &exc_TypeError, std::string(fn) + "() takes no arguments (" + std::to_string(n) + " given)");
  return false;
}

Object* gc_enable(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "enable", n, kw)) return nullptr;
  state(ts).enabled = true;
  return newref(py_none());
}
Object* gc_disable(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "disable", n, kw)) return nullptr;
  state(ts).enabled = false;
  return newref(py_none());
}
Object* gc_isenabled(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "isenabled", n, kw)) return nullptr;
  return new_bool(state(ts).enabled);
}

Object* gc_collect_fn(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kwnames) {
  Object* arg;
  if (!optional_arg(ts, "collect", "generation", a, n, kwnames, arg)) return nullptr;
  std::int64_t generation = kGenerations - 1;
  if (arg && !int_arg(ts, arg, generation)) return nullptr;
  if (generation < 0 || generation >= kGenerations) return raise(ts, &exc_ValueError, "invalid generation");
  if (state(ts).collecting) return new_int(ts, 0);  // CPython: already collecting, do nothing
  Py_ssize_t found = gc_collect(ts, static_cast<int>(generation));
  if (found < 0) return nullptr;
  return new_int(ts, found);
}

Object* gc_get_count(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "get_count", n, kw)) return nullptr;
  Object* t = new_tuple(ts, kGenerations);
  for (int i = 0; i < kGenerations; ++i) tuple_set(t, i, new_int(ts, state(ts).generations[i].count));
  return t;
}

Object* gc_get_threshold(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "get_threshold", n, kw)) return nullptr;
  Object* t = new_tuple(ts, kGenerations);
  for (int i = 0; i < kGenerations; ++i) tuple_set(t, i, new_int(ts, state(ts).generations[i].threshold));
  return t;
}

Object* gc_set_threshold(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(ts, &exc_TypeError, "set_threshold() takes no keyword arguments");
  if (n < 1 || n > 3)
    return raise(ts, &exc_TypeError, n < 1 ? "set_threshold() takes at least 1 argument (0 given)"
                                           : "set_threshold() takes at most 3 arguments (" + std::to_string(n) + " given)");
  std::int64_t values[kGenerations];
  for (std::size_t i = 0; i < n; ++i)
    if (!int_arg(ts, a[i], values[i])) return nullptr;
  for (std::size_t i = 0; i < n; ++i) state(ts).generations[i].threshold = static_cast<int>(values[i]);
  return newref(py_none());
}

Object* gc_get_debug(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "get_debug", n, kw)) return nullptr;
  return new_int(ts, state(ts).debug);
}
Object* gc_set_debug(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kwnames) {
  if (n != 1 || (kwnames && tuple_size(kwnames)))
    return raise(ts, &exc_TypeError, "set_debug() takes exactly one argument (" + std::to_string(n) + " given)");
  std::int64_t flags;
  if (!int_arg(ts, a[0], flags)) return nullptr;
  state(ts).debug = static_cast<int>(flags);
  return newref(py_none());
}

Object* gc_is_tracked_fn(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "is_tracked() takes exactly one argument (" + std::to_string(n) + " given)");
  return new_bool(gc_is_tracked(a[0]));
}
Object* gc_is_finalized(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "is_finalized() takes exactly one argument (" + std::to_string(n) + " given)");
  return new_bool(has_gc_header(a[0]) && (gc_head(a[0])->flags & GC_FINALIZED));
}

bool append_list(ThreadState* ts, GCHead* list, Object* out) {
  for (GCHead* g = list->next; g != list; g = g->next)
    if (!list_append(ts, out, gc_object(g))) return false;
  return true;
}

Object* gc_get_objects(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kwnames) {
  Object* arg;
  if (!optional_arg(ts, "get_objects", "generation", a, n, kwnames, arg)) return nullptr;
  std::int64_t generation = -1;
  if (arg && arg != py_none()) {
    if (!int_arg(ts, arg, generation)) return nullptr;
    if (generation >= kGenerations)
      return raise(ts, &exc_ValueError, "generation parameter must be less than the number of available generations (" +
                                            std::to_string(kGenerations) + ")");
    if (generation < 0) return raise(ts, &exc_ValueError, "generation parameter cannot be negative");
  }
  Object* out = new_list(ts);
  for (int i = 0; i < kGenerations; ++i) {
    if (generation >= 0 && i != generation) continue;
    if (!append_list(ts, &state(ts).generations[i].head, out)) {
      decref(out);
      return nullptr;
    }
  }
  return out;
}

struct ReferentsVisit {
  ThreadState* ts;
  Object* out;
  bool ok = true;
};
void append_referent(Object* o, void* arg) {
  auto* v = static_cast<ReferentsVisit*>(arg);
  v->ok = v->ok && list_append(v->ts, v->out, o);
}

Object* gc_get_referents(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  ReferentsVisit v{ts, new_list(ts)};
  for (std::size_t i = 0; i < n && v.ok; ++i)
    if (has_gc_header(a[i]) && a[i]->ob_type->tp_traverse) a[i]->ob_type->tp_traverse(a[i], append_referent, &v);
  if (!v.ok) {
    decref(v.out);
    return nullptr;
  }
  return v.out;
}

struct ReferrersVisit {
  Object* const* targets;
  std::size_t count;
  bool found = false;
};
void check_referent(Object* o, void* arg) {
  auto* v = static_cast<ReferrersVisit*>(arg);
  for (std::size_t i = 0; i < v->count; ++i)
    if (v->targets[i] == o) v->found = true;
}

Object* gc_get_referrers(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  Object* out = new_list(ts);
  for (int i = 0; i < kGenerations; ++i) {
    GCHead* list = &state(ts).generations[i].head;
    for (GCHead* g = list->next; g != list; g = g->next) {
      Object* o = gc_object(g);
      if (o == out || !o->ob_type->tp_traverse) continue;
      ReferrersVisit v{a, n};
      o->ob_type->tp_traverse(o, check_referent, &v);
      if (v.found && !list_append(ts, out, o)) {
        decref(out);
        return nullptr;
      }
    }
  }
  return out;
}

Object* gc_freeze(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "freeze", n, kw)) return nullptr;
  for (GCGeneration& g : state(ts).generations) {
    gc_list_merge(&g.head, &state(ts).permanent);
    g.count = 0;
  }
  return newref(py_none());
}
Object* gc_unfreeze(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "unfreeze", n, kw)) return nullptr;
  gc_list_merge(&state(ts).permanent, &state(ts).generations[kGenerations - 1].head);
  return newref(py_none());
}
Object* gc_get_freeze_count(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "get_freeze_count", n, kw)) return nullptr;
  return new_int(ts, static_cast<std::int64_t>(gc_list_size(&state(ts).permanent)));
}

Object* gc_get_stats(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "get_stats", n, kw)) return nullptr;
  Object* out = new_list(ts);
  for (const GCStats& s : state(ts).stats) {
    Object* d = new_dict(ts);
    const std::pair<const char*, std::size_t> fields[] = {
        {"collections", s.collections}, {"collected", s.collected}, {"uncollectable", s.uncollectable}};
    for (const auto& [name, value] : fields) {
      Object* k = new_str(ts, name);
      Object* v = new_int(ts, static_cast<std::int64_t>(value));
      bool ok = dict_set_item(ts, d, k, v);
      decref(k);
      decref(v);
      if (!ok) clear_error(ts);
    }
    if (!list_append(ts, out, d)) clear_error(ts);
    decref(d);
  }
  return out;
}

}  // namespace

Object* init_gc_module(ThreadState* ts) {
  Object* m = new_module(ts, "gc");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  GCState& gc = state(ts);
  if (!gc.garbage) gc.garbage = new_list(ts);
  if (!gc.callbacks) gc.callbacks = new_list(ts);
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"enable", gc_enable}, {"disable", gc_disable}, {"isenabled", gc_isenabled}, {"collect", gc_collect_fn},
      {"get_count", gc_get_count}, {"get_threshold", gc_get_threshold}, {"set_threshold", gc_set_threshold},
      {"get_debug", gc_get_debug}, {"set_debug", gc_set_debug}, {"is_tracked", gc_is_tracked_fn},
      {"is_finalized", gc_is_finalized}, {"get_objects", gc_get_objects}, {"get_referents", gc_get_referents},
      {"get_referrers", gc_get_referrers}, {"freeze", gc_freeze}, {"unfreeze", gc_unfreeze},
      {"get_freeze_count", gc_get_freeze_count}, {"get_stats", gc_get_stats},
  };
  bool ok = true;
  for (const Fn& f : kFunctions) ok = ok && add_builtin_function(ts, d, f.name, f.impl);
  const std::pair<const char*, int> kFlags[] = {{"DEBUG_STATS", GC_DEBUG_STATS},
                                                {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
                                                {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE},
                                                {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
                                                {"DEBUG_LEAK", GC_DEBUG_LEAK}};
  for (const auto& [name, value] : kFlags) ok = ok && add_builtin_object(ts, d, name, new_int(ts, value));
  ok = ok && add_builtin_object(ts, d, "garbage", newref(gc.garbage)) &&
       add_builtin_object(ts, d, "callbacks", newref(gc.callbacks));
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
