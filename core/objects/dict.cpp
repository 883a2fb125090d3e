// The compact dict: open addressing over an index array with CPython's perturbed probe
// sequence, entries kept in insertion order, growth when two-thirds full.
// CPython: Objects/dictobject.c (lookdict, insertdict, dictresize).
#include <atomic>
#include <cstdlib>
#include <string>
#include "objects/gc_object.hpp"
#include "objects/typeobject.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/dict_views.hpp"
#include "objects/exceptions.hpp"
#include "objects/descr.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr std::int32_t kEmpty = -1;
constexpr std::int32_t kDummy = -2;
constexpr std::size_t kPerturbShift = 5;

DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }

// Versions are unique in the process (the LOAD_GLOBAL cache compares them, and a dict
// may reuse a dead one's address), but taking each from one shared counter would make
// every dict write of interpreters running in parallel contend for one cache line: each
// OS thread takes a block of versions at a time. CPython 3.12: interp->dict_state.global_version.
constexpr std::uint64_t kVersionBlock = std::uint64_t{1} << 16;
std::atomic<std::uint64_t> version_blocks_taken{0};
struct VersionRange {
  std::uint64_t next = 0, end = 0;  // end exclusive; empty until the first write
};
thread_local VersionRange thread_versions;

// Finds the index slot for key: where it is, or the first free slot of its probe chain.
// Returns -1 with an error set if __eq__ failed. `found` tells which.
[[nodiscard]] Py_ssize_t find_slot(ThreadState* ts, DictObject* d, Object* key, Py_hash_t hash, bool& found) {
  auto& indices = *d->indices;
  auto& entries = *d->entries;
  std::size_t mask = indices.size() - 1;
  auto perturb = static_cast<std::size_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  Py_ssize_t free_slot = -1;
  for (;;) {
    std::int32_t ix = indices[i];
    if (ix == kEmpty) {
      found = false;
      return free_slot >= 0 ? free_slot : static_cast<Py_ssize_t>(i);
    }
    if (ix == kDummy) {
      if (free_slot < 0) free_slot = static_cast<Py_ssize_t>(i);
    } else {
      DictEntry& e = entries[ix];
      if (e.key == key) { found = true; return static_cast<Py_ssize_t>(i); }
      if (e.hash == hash) {
        bool eq;
        if (is_str(e.key) && is_str(key)) {
          eq = str_equal(e.key, key);
        } else {
          Object* k = newref(e.key);  // __eq__ may mutate the dict
          int r = object_equal(ts, k, key);
          decref(k);
          if (r < 0) return -1;
          eq = r == 1;
        }
        if (eq) { found = true; return static_cast<Py_ssize_t>(i); }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void rebuild(DictObject* d, std::size_t min_used) {
  std::size_t size = 8;
  while (size * 2 < min_used * 3) size <<= 1;  // keep load under two-thirds
  std::vector<DictEntry> compacted;
  compacted.reserve(d->used + 1);
  for (DictEntry& e : *d->entries)
    if (e.key) compacted.push_back(e);
  *d->entries = std::move(compacted);
  d->indices->assign(size, kEmpty);
  std::size_t mask = size - 1;
  auto& entries = *d->entries;
  for (std::size_t ix = 0; ix < entries.size(); ++ix) {
    auto perturb = static_cast<std::size_t>(entries[ix].hash);
    std::size_t i = perturb & mask;
    while ((*d->indices)[i] != kEmpty) {
      perturb >>= kPerturbShift;
      i = (i * 5 + perturb + 1) & mask;
    }
    (*d->indices)[i] = static_cast<std::int32_t>(ix);
  }
}

void dict_dealloc(Object* o) {
  DictObject* d = as_dict(o);
  if (d->entries) {
    for (DictEntry& e : *d->entries) {
      if (!e.key) continue;
      decref(e.key);
      decref(e.value);
    }
  }
  delete d->indices;
  delete d->entries;
  object_free(d);
}

void dict_traverse(Object* o, VisitProc visit, void* arg) {
  DictObject* d = as_dict(o);
  if (!d->entries) return;
  for (DictEntry& e : *d->entries) {
    if (!e.key) continue;
    visit(e.key, arg);
    if (e.value) visit(e.value, arg);
  }
}

void dict_clear_refs(Object* o) {
  DictObject* d = as_dict(o);
  if (!d->entries) return;
  std::vector<DictEntry> old;
  if (d->watched) invalidate_type_cache();
  dict_new_version(d);
  old.swap(*d->entries);  // empty before any key's or value's __del__ runs
  d->indices->assign(8, kEmpty);
  d->used = 0;
  for (DictEntry& e : old) {
    if (!e.key) continue;
    decref(e.key);
    xdecref(e.value);
  }
}

Object* dict_repr(ThreadState* ts, Object* o) {
  std::string out = "{";
  bool first = true;
  for (DictEntry& e : *as_dict(o)->entries) {
    if (!e.key) continue;
    if (!first) out += ", ";
    first = false;
    std::string k, v;
    if (!repr_string(ts, e.key, k) || !repr_string(ts, e.value, v)) return nullptr;
    out += k + ": " + v;
  }
  return new_str(ts, out + "}");
}

int dict_bool(ThreadState*, Object* o) { return as_dict(o)->used != 0; }
Py_ssize_t dict_length(ThreadState*, Object* o) { return as_dict(o)->used; }

Object* dict_subscript(ThreadState* ts, Object* o, Object* key) {
  Object* v = dict_get_item(ts, o, key);
  if (v) return newref(v);
  if (error_occurred(ts)) return nullptr;
  // A dict subclass may define __missing__ (collections.defaultdict, Counter).
  if (o->ob_type != &dict_type) {
    if (Object* missing = type_lookup_str(o->ob_type, "__missing__")) return call_unbound(ts, missing, o, &key, 1);
  }
  Object* args = new_tuple(ts, 1);
  tuple_set(args, 0, newref(key));
  Object* exc = new_exception(ts, &exc_KeyError, "");
  Object* old = static_cast<ExceptionObject*>(exc)->args;
  static_cast<ExceptionObject*>(exc)->args = args;
  decref(old);
  return raise_object(ts, exc);
}

int dict_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (value) return dict_set_item(ts, o, key, value) ? 0 : -1;
  int r = dict_del_item(ts, o, key);
  if (r == 0) {
    Object* exc = new_exception(ts, &exc_KeyError, "");
    Object* args = new_tuple(ts, 1);
    tuple_set(args, 0, newref(key));
    Object* old = static_cast<ExceptionObject*>(exc)->args;
    static_cast<ExceptionObject*>(exc)->args = args;
    decref(old);
    raise_object(ts, exc);
  }
  return r > 0 ? 0 : -1;
}

int dict_contains(ThreadState* ts, Object* o, Object* key) {
  Object* v = dict_get_item(ts, o, key);
  if (v) return 1;
  return error_occurred(ts) ? -1 : 0;
}

Object* dict_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_instance(a, &dict_type) || !is_instance(b, &dict_type) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return newref(py_not_implemented());
  bool eq = as_dict(a)->used == as_dict(b)->used;
  for (std::size_t i = 0; eq && i < as_dict(a)->entries->size(); ++i) {
    DictEntry e = (*as_dict(a)->entries)[i];
    if (!e.key) continue;
    incref(e.key), incref(e.value);
    Object* other = dict_get_item(ts, b, e.key);
    int r = 0;
    if (other) {
      incref(other);
      r = object_equal(ts, e.value, other);
      decref(other);
    } else if (error_occurred(ts)) {
      r = -1;
    }
    decref(e.key), decref(e.value);
    if (r < 0) return nullptr;
    eq = r == 1;
  }
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}

Object* dict_new(ThreadState* ts, TypeObject* type, Object* const*, std::size_t, Object*) {
  auto* d = static_cast<DictObject*>(object_alloc(type, type->tp_basicsize));
  d->indices = new std::vector<std::int32_t>(8, kEmpty);
  d->entries = new std::vector<DictEntry>();
  d->used = 0;
  dict_new_version(d);
  if (type == &dict_type) gc_untrack(d);  // tracked once it holds a container
  return d;
}

}  // namespace

bool dict_merge(ThreadState* ts, Object* dict, Object* other, bool override_existing) {
  if (is_instance(other, &dict_type)) {
    std::vector<DictEntry> snapshot;
    for (DictEntry& e : *as_dict(other)->entries)
      if (e.key) snapshot.push_back(e), incref(e.key), incref(e.value);
    bool ok = true;
    for (DictEntry& e : snapshot) {
      if (ok && (override_existing || !dict_get_item(ts, dict, e.key))) ok = dict_set_item(ts, dict, e.key, e.value);
      decref(e.key), decref(e.value);
    }
    return ok;
  }
  Object* keys_method = get_attr_str_or_null(ts, other, "keys");
  if (keys_method) {
    Object* keys = call_object(ts, keys_method, nullptr, 0, nullptr);
    decref(keys_method);
    if (!keys) return false;
    bool ok = for_each_item(ts, keys, [&](Object* k) {
      Object* v = get_item(ts, other, k);
      if (!v) return false;
      bool r = dict_set_item(ts, dict, k, v);
      decref(v);
      return r;
    });
    decref(keys);
    return ok;
  }
  if (error_occurred(ts)) return false;
  // A sequence of pairs.
  Py_ssize_t index = 0;
  return for_each_item(ts, other, [&](Object* pair) {
    std::vector<Object*> kv;
    bool ok = for_each_item(ts, pair, [&](Object* x) { kv.push_back(newref(x)); return true; });
    if (!ok) {
      if (ts->curexc && is_instance(ts->curexc, &exc_TypeError)) {
        clear_error(ts);
        raise(ts, &exc_TypeError, "cannot convert dictionary update sequence element #" + std::to_string(index) + " to a sequence");
      }
      for (Object* x : kv) decref(x);
      return false;
    }
    if (kv.size() != 2) {
      raise(ts, &exc_ValueError, "dictionary update sequence element #" + std::to_string(index) + " has length " +
                                     std::to_string(kv.size()) + "; 2 is required");
      for (Object* x : kv) decref(x);
      return false;
    }
    ok = dict_set_item(ts, dict, kv[0], kv[1]);
    decref(kv[0]), decref(kv[1]);
    ++index;
    return ok;
  });
}

namespace {
// d | other: a new dict with other's items winning (PEP 584). CPython: dict_or.
Object* dict_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_instance(a, &dict_type) || !is_instance(b, &dict_type)) return newref(py_not_implemented());
  Object* merged = new_dict(ts);
  if (!dict_merge(ts, merged, a, true) || !dict_merge(ts, merged, b, true)) {
    decref(merged);
    return nullptr;
  }
  return merged;
}
// d |= other: other may be any mapping or iterable of pairs, like update(). CPython: dict_ior.
Object* dict_ior(ThreadState* ts, Object* a, Object* b) {
  if (!dict_merge(ts, a, b, true)) return nullptr;
  return newref(a);
}
}  // namespace

TypeObject dict_type = [] {
  TypeObject t = make_static_type("dict", sizeof(DictObject), &object_type);
  t.tp_dealloc = dict_dealloc;
  t.tp_repr = dict_repr;
  t.tp_hash = nullptr;  // unhashable
  t.nb_bool = dict_bool;
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MAPPING | TPFLAGS_MATCH_SELF | TPFLAGS_HAVE_GC;
  t.tp_traverse = dict_traverse;
  t.tp_clear = dict_clear_refs;
  t.mp_length = dict_length;
  t.mp_subscript = dict_subscript;
  t.mp_ass_subscript = dict_ass_subscript;
  t.sq_contains = dict_contains;
  t.tp_richcompare = dict_richcompare;
  t.tp_new = dict_new;
  t.tp_init = dict_init;
  t.tp_iter = dict_iter_keys;
  t.tp_methods = kDictMethods;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = dict_or;
  t.nb_inplace[static_cast<int>(BinaryOp::Or)] = dict_ior;
  return t;
}();

Object* new_dict(ThreadState*) {
  auto* d = static_cast<DictObject*>(object_alloc(&dict_type, sizeof(DictObject)));
  d->indices = new std::vector<std::int32_t>(8, kEmpty);
  d->entries = new std::vector<DictEntry>();
  d->used = 0;
  d->watched = false;
  dict_new_version(d);
  // A dict of atomic values can be in no cycle: CPython tracks a dict only once it
  // holds a container (gc.is_tracked({'a': 1}) is False).
  gc_untrack(d);
  return d;
}

Object* dict_get_item(ThreadState* ts, Object* dict, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return nullptr;
  DictObject* d = as_dict(dict);
  bool found;
  Py_ssize_t slot = find_slot(ts, d, key, hash, found);
  if (slot < 0 || !found) return nullptr;
  return (*d->entries)[(*d->indices)[slot]].value;
}

Object* dict_get_str(Object* dict, Object* key) {
  DictObject* d = as_dict(dict);
  bool found;
  // str keys hash and compare without calling Python code, so this cannot fail.
  Py_ssize_t slot = find_slot(nullptr, d, key, str_hash(key), found);
  if (!found) return nullptr;
  return (*d->entries)[(*d->indices)[slot]].value;
}

bool dict_set_item(ThreadState* ts, Object* dict, Object* key, Object* value) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return false;
  DictObject* d = as_dict(dict);
  bool found;
  Py_ssize_t slot = find_slot(ts, d, key, hash, found);
  if (slot < 0) return false;
  incref(value);
  if (found) {
    DictEntry& e = (*d->entries)[(*d->indices)[slot]];
    Object* old = e.value;
    if (d->watched) invalidate_type_cache();
    dict_new_version(d);
    if (!gc_is_tracked(d) && gc_may_be_tracked(value)) gc_track(d);
    e.value = value;
    decref(old);  // last: the old value's __del__ may run and see a consistent dict
    return true;
  }
  if (d->watched) invalidate_type_cache();
  dict_new_version(d);
  if (!gc_is_tracked(d) && (gc_may_be_tracked(key) || gc_may_be_tracked(value))) gc_track(d);
  incref(key);
  d->entries->push_back(DictEntry{hash, key, value});
  (*d->indices)[slot] = static_cast<std::int32_t>(d->entries->size() - 1);
  ++d->used;
  if (d->entries->size() * 3 >= d->indices->size() * 2) rebuild(d, d->used * 2);
  return true;
}

int dict_del_item(ThreadState* ts, Object* dict, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  DictObject* d = as_dict(dict);
  bool found;
  Py_ssize_t slot = find_slot(ts, d, key, hash, found);
  if (slot < 0) return -1;
  if (!found) return 0;
  DictEntry& e = (*d->entries)[(*d->indices)[slot]];
  Object* old_key = e.key;
  Object* old_value = e.value;
  if (d->watched) invalidate_type_cache();
  dict_new_version(d);
  e.key = nullptr;
  e.value = nullptr;
  (*d->indices)[slot] = kDummy;
  --d->used;
  decref(old_key);
  decref(old_value);
  return 1;
}

void dict_new_version(DictObject* d) {
  VersionRange& r = thread_versions;
  if (r.next == r.end) [[unlikely]] {
    std::uint64_t base = version_blocks_taken.fetch_add(kVersionBlock, std::memory_order_relaxed);
    r.next = base + 1;  // 0 stays "never versioned"
    r.end = base + kVersionBlock + 1;
  }
  d->version = r.next++;
}

}  // namespace terrarium
