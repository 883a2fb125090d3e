// dict: CPython's compact, insertion-ordered hash table (an index array of slots into
// a dense entry array), with full-width hashes and growth at two-thirds load so large
// dicts stay O(1). CPython: Objects/dictobject.c.
#pragma once
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct DictEntry {
  Py_hash_t hash;
  Object* key;    // null for a deleted entry
  Object* value;
};

struct DictObject : Object {
  std::vector<std::int32_t>* indices;  // -1 empty, -2 dummy, else entry index
  std::vector<DictEntry>* entries;
  Py_ssize_t used;
  bool watched;  // a class's namespace: changes invalidate the attribute cache
  // Changes on every mutation, to a value no dict ever had before (CPython's PEP 509
  // version tag), so (dict, version) names one state of one dict: LOAD_GLOBAL caches
  // lookups by it.
  std::uint64_t version;
};
void dict_new_version(DictObject* d);

extern TypeObject dict_type;

[[nodiscard]] Object* new_dict(ThreadState* ts);
// Borrowed result; null with no error set when missing, null with an error set on failure.
[[nodiscard]] Object* dict_get_item(ThreadState* ts, Object* dict, Object* key);
// Does not steal: takes its own references. Returns false with an error set on failure.
[[nodiscard]] bool dict_set_item(ThreadState* ts, Object* dict, Object* key, Object* value);
// Returns 1 deleted, 0 missing, -1 error.
[[nodiscard]] int dict_del_item(ThreadState* ts, Object* dict, Object* key);
// Fast paths for str keys (globals, builtins): never fail.
Object* dict_get_str(Object* dict, Object* key);
inline Py_ssize_t dict_size(Object* d) { return static_cast<DictObject*>(d)->used; }
// dict.update(other): a mapping (keys() + []) or an iterable of pairs.
[[nodiscard]] bool dict_merge(ThreadState* ts, Object* dict, Object* other, bool override_existing);

}  // namespace terrarium
