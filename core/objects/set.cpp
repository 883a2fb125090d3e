// The set table (insert, look up, delete, resize) and the set/frozenset types: creation,
// len/in/iteration, repr, comparison as subset tests, and frozenset's hash.
// Methods and operators are in set_ops.cpp. CPython: Objects/setobject.c.
#include "objects/set.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/list.hpp"
#include "objects/set_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr Py_ssize_t kMinSize = 8;       // CPython: PySet_MINSIZE
constexpr std::size_t kLinearProbes = 9;  // CPython: LINEAR_PROBES
constexpr int kPerturbShift = 5;

Object dummy_object{kImmortalRefcnt, &object_type};

SetEntry* alloc_table(Py_ssize_t size) {
  return static_cast<SetEntry*>(std::calloc(static_cast<std::size_t>(size), sizeof(SetEntry)));
}

// Places a key known to be absent into a table without dummies. CPython: set_insert_clean.
void insert_clean(SetEntry* table, std::size_t mask, Object* key, Py_hash_t hash) {
  auto perturb = static_cast<std::size_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (!entry->key) return void(*entry = {key, hash});
    if (i + kLinearProbes <= mask) {
      for (std::size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (!entry->key) return void(*entry = {key, hash});
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The slot holding key, or the empty slot ending its probe sequence (key null there);
// null with an error set when a comparison failed. CPython: set_lookkey.
SetEntry* lookkey(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash) {
restart:
  auto mask = static_cast<std::size_t>(so->mask);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::size_t>(hash);
  for (;;) {
    SetEntry* entry = &so->table[i];
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (entry->hash == 0 && !entry->key) return entry;
      if (entry->hash == hash) {
        Object* start = entry->key;
        if (start == key) return entry;
        if (is_exact_str(start) && is_exact_str(key)) {
          if (str_equal(start, key)) return entry;
        } else {
          SetEntry* table = so->table;
          incref(start);
          int eq = object_equal(ts, start, key);
          decref(start);
          if (eq < 0) return nullptr;
          if (table != so->table || entry->key != start) goto restart;  // mutated by __eq__
          if (eq > 0) return entry;
          mask = static_cast<std::size_t>(so->mask);
        }
      }
      if (probes-- == 0) break;
      ++entry;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

}  // namespace

Object* set_dummy() { return &dummy_object; }

namespace set_impl {

void set_table_resize(SetObject* so, Py_ssize_t minused) {
  Py_ssize_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* old = so->table;
  Py_ssize_t oldmask = so->mask;
  so->table = alloc_table(newsize);
  so->mask = newsize - 1;
  auto mask = static_cast<std::size_t>(so->mask);
  so->fill = so->used;  // dummies are not copied
  for (Py_ssize_t i = 0; i <= oldmask; ++i)
    if (old[i].key && old[i].key != &dummy_object) insert_clean(so->table, mask, old[i].key, old[i].hash);
  std::free(old);
}

// CPython: set_add_entry.
int set_add_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash) {
  incref(key);  // keeps key alive across __eq__ calls, and becomes the table's reference
restart:
  auto mask = static_cast<std::size_t>(so->mask);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::size_t>(hash);
  SetEntry* freeslot = nullptr;
  for (;;) {
    SetEntry* entry = &so->table[i];
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (entry->hash == 0 && !entry->key) {
        if (freeslot) {
          ++so->used;
          *freeslot = {key, hash};
          return 0;
        }
        ++so->fill;
        ++so->used;
        *entry = {key, hash};
        if (so->fill * 5 < static_cast<Py_ssize_t>(mask) * 3) return 0;
        set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
        return 0;
      }
      if (entry->hash == hash) {
        Object* start = entry->key;
        if (start == key) return decref(key), 0;
        if (is_exact_str(start) && is_exact_str(key)) {
          if (str_equal(start, key)) return decref(key), 0;
        } else {
          SetEntry* table = so->table;
          incref(start);
          int eq = object_equal(ts, start, key);
          decref(start);
          if (eq > 0) return decref(key), 0;
          if (eq < 0) return decref(key), -1;
          if (table != so->table || entry->key != start) goto restart;
          mask = static_cast<std::size_t>(so->mask);
        }
      } else if (entry->hash == -1 && !freeslot) {
        freeslot = entry;
      }
      if (probes-- == 0) break;
      ++entry;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int set_add_key(ThreadState* ts, SetObject* so, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  return set_add_entry(ts, so, key, hash);
}

int set_contains_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash) {
  SetEntry* entry = lookkey(ts, so, key, hash);
  if (!entry) return -1;
  return entry->key != nullptr;
}

int set_discard_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash) {
  SetEntry* entry = lookkey(ts, so, key, hash);
  if (!entry) return -1;
  if (!entry->key) return 0;
  Object* old = entry->key;
  *entry = {&dummy_object, -1};
  --so->used;
  decref(old);
  return 1;
}

void set_clear_internal(SetObject* so) {
  SetEntry* old = so->table;
  Py_ssize_t oldmask = so->mask;
  so->table = alloc_table(kMinSize);
  so->mask = kMinSize - 1;
  so->fill = so->used = 0;
  so->hash = -1;
  for (Py_ssize_t i = 0; i <= oldmask; ++i)
    if (old[i].key && old[i].key != &dummy_object) decref(old[i].key);
  std::free(old);
}

void set_swap_bodies(SetObject* a, SetObject* b) {
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap(a->table, b->table);
  std::swap(a->hash, b->hash);
}

// CPython: set_merge, with its two fast paths into an empty table.
int set_merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) set_table_resize(so, (so->used + other->used) * 2);
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (Py_ssize_t i = 0; i <= other->mask; ++i)
      if (Object* key = other->table[i].key) so->table[i] = {newref(key), other->table[i].hash};
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = so->used = other->used;
    for (Py_ssize_t i = 0; i <= other->mask; ++i) {
      Object* key = other->table[i].key;
      if (key && key != &dummy_object)
        insert_clean(so->table, static_cast<std::size_t>(so->mask), newref(key), other->table[i].hash);
    }
    return 0;
  }
  return -2;  // the caller inserts one by one
}

int set_update_internal(ThreadState* ts, SetObject* so, Object* other) {
  if (is_anyset(other)) {
    auto* o = static_cast<SetObject*>(other);
    int r = set_merge(so, o);
    if (r != -2) return r;
    for (Py_ssize_t i = 0; i <= o->mask; ++i) {
      Object* key = o->table[i].key;
      if (key && key != &dummy_object && set_add_entry(ts, so, key, o->table[i].hash) < 0) return -1;
    }
    return 0;
  }
  if (other->ob_type == &dict_type) {
    auto* d = static_cast<DictObject*>(other);
    if ((so->fill + d->used) * 5 >= so->mask * 3) set_table_resize(so, (so->used + d->used) * 2);
    for (std::size_t i = 0; i < d->entries->size(); ++i) {
      DictEntry e = (*d->entries)[i];
      if (e.key && set_add_entry(ts, so, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  bool ok = for_each_item(ts, other, [&](Object* key) { return set_add_key(ts, so, key) == 0; });
  return ok ? 0 : -1;
}

Object* make_new_set(ThreadState* ts, TypeObject* type, Object* iterable) {
  auto* so = static_cast<SetObject*>(object_alloc(type, type->tp_basicsize));
  so->table = alloc_table(kMinSize);
  so->mask = kMinSize - 1;
  so->fill = so->used = 0;
  so->hash = -1;
  so->finger = 0;
  if (iterable && set_update_internal(ts, so, iterable) < 0) {
    decref(so);
    return nullptr;
  }
  return so;
}

Object* make_new_set_basetype(ThreadState* ts, TypeObject* type, Object* iterable) {
  if (type != &set_type && type != &frozenset_type) type = is_subtype(type, &set_type) ? &set_type : &frozenset_type;
  return make_new_set(ts, type, iterable);
}

Object* set_copy(ThreadState* ts, Object* so) { return make_new_set_basetype(ts, so->ob_type, so); }

int with_frozen_key(ThreadState* ts, Object* key, int (*op)(ThreadState*, SetObject*, Object*), SetObject* so) {
  int r = op(ts, so, key);
  if (r >= 0 || !is_set(key) || !is_instance(ts->curexc, &exc_TypeError)) return r;
  clear_error(ts);
  Object* frozen = make_new_set(ts, &frozenset_type, key);
  if (!frozen) return -1;
  r = op(ts, so, frozen);
  decref(frozen);
  return r;
}

}  // namespace set_impl

using namespace set_impl;

bool set_next(Object* set, Py_ssize_t& pos, SetEntry*& entry) {
  auto* so = static_cast<SetObject*>(set);
  while (pos <= so->mask) {
    SetEntry* e = &so->table[pos++];
    if (e->key && e->key != &dummy_object) {
      entry = e;
      return true;
    }
  }
  return false;
}

Object* new_set(ThreadState* ts) { return make_new_set(ts, &set_type, nullptr); }

Object* new_frozenset(ThreadState* ts, Object* iterable) { return make_new_set(ts, &frozenset_type, iterable); }

bool set_add(ThreadState* ts, Object* set, Object* key) {
  return set_add_key(ts, static_cast<SetObject*>(set), key) == 0;
}

bool set_update(ThreadState* ts, Object* set, Object* iterable) {
  return set_update_internal(ts, static_cast<SetObject*>(set), iterable) == 0;
}

namespace {

int contains_key(ThreadState* ts, SetObject* so, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  return set_contains_entry(ts, so, key, hash);
}

int discard_key(ThreadState* ts, SetObject* so, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  return set_discard_entry(ts, so, key, hash);
}

}  // namespace

int set_contains(ThreadState* ts, Object* set, Object* key) {
  return with_frozen_key(ts, key, contains_key, static_cast<SetObject*>(set));
}

int set_discard(ThreadState* ts, Object* set, Object* key) {
  return with_frozen_key(ts, key, discard_key, static_cast<SetObject*>(set));
}

}  // namespace terrarium
