// Type readiness, MRO, lookup, attribute access on instances and calling types.
#include "objects/typeobject.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exception_group.hpp"
#include "objects/exceptions.hpp"
#include "objects/immortal.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool dict_set_str_key(ThreadState* ts, Object* dict, const char* key, Object* value) {  // steals value
  Object* k = new_str(ts, key);
  bool ok = dict_set_item(ts, dict, k, value);
  decref(k);
  decref(value);
  return ok;
}

Object* make_tuple_of(ThreadState* ts, const std::vector<TypeObject*>& types) {
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(types.size()));
  for (std::size_t i = 0; i < types.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref<Object>(types[i]));
  return t;
}

// Static types have single inheritance: the MRO is the base chain.
Object* static_mro(ThreadState* ts, TypeObject* type) {
  std::vector<TypeObject*> chain;
  for (TypeObject* t = type; t; t = t->tp_base) chain.push_back(t);
  return make_tuple_of(ts, chain);
}

// Copies slots the type leaves empty from its base, as CPython's inherit_slots does.
void inherit_slots(TypeObject* type, TypeObject* base) {
#define TERRARIUM_INHERIT(slot) if (!type->slot) type->slot = base->slot;
  TERRARIUM_INHERIT(tp_repr) TERRARIUM_INHERIT(tp_str) TERRARIUM_INHERIT(tp_call)
  TERRARIUM_INHERIT(tp_getattro) TERRARIUM_INHERIT(tp_setattro) TERRARIUM_INHERIT(tp_descr_get)
  TERRARIUM_INHERIT(tp_descr_set) TERRARIUM_INHERIT(tp_iter) TERRARIUM_INHERIT(tp_iternext)
  TERRARIUM_INHERIT(mp_length) TERRARIUM_INHERIT(mp_subscript) TERRARIUM_INHERIT(mp_ass_subscript)
  TERRARIUM_INHERIT(sq_contains) TERRARIUM_INHERIT(nb_bool) TERRARIUM_INHERIT(nb_negative)
  TERRARIUM_INHERIT(nb_positive) TERRARIUM_INHERIT(nb_invert) TERRARIUM_INHERIT(nb_index)
  TERRARIUM_INHERIT(tp_init) TERRARIUM_INHERIT(tp_new)
#undef TERRARIUM_INHERIT
  // Comparison and hashing are inherited together: a type that defines one keeps its own.
  if (!type->tp_richcompare && !type->tp_hash) {
    type->tp_richcompare = base->tp_richcompare;
    type->tp_hash = base->tp_hash;
  }
  for (int i = 0; i < kBinaryOpCount; ++i) {
    if (!type->nb_binary[i]) type->nb_binary[i] = base->nb_binary[i];
    if (!type->nb_inplace[i]) type->nb_inplace[i] = base->nb_inplace[i];
  }
}

// X.__new__(cls, ...): calls X's tp_new for a subtype cls. CPython: tp_new_wrapper.
Object* tp_new_wrapper(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* type = reinterpret_cast<TypeObject*>(self);
  if (nargs < 1) return raise(ts, &exc_TypeError, std::string(type->tp_name) + ".__new__(): not enough arguments");
  if (!is_instance(args[0], &type_type))
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + ".__new__(X): X is not a type object (" +
                                         args[0]->ob_type->tp_name + ")");
  auto* subtype = static_cast<TypeObject*>(args[0]);
  if (!is_subtype(subtype, type))
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + ".__new__(" + subtype->tp_name + "): " +
                                         subtype->tp_name + " is not a subtype of " + type->tp_name);
  // object.__new__(D) for a dict subclass D would skip dict's own set-up.
  TypeObject* static_base = subtype;
  while (static_base->tp_base && has_python_new(static_base)) static_base = static_base->tp_base;
  if (static_base->tp_new != type->tp_new)
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + ".__new__(" + subtype->tp_name +
                                         ") is not safe, use " + static_base->tp_name + ".__new__()");
  return type->tp_new(ts, subtype, args + 1, nargs - 1, kwnames);
}
const MethodDef kNewWrapperDef = {"__new__", tp_new_wrapper, METH_STATIC};

// Static types get a __new__ bound to themselves, as CPython's add_tp_new_wrapper does.
bool add_new_wrapper(ThreadState* ts, TypeObject* type) {
  Object* key = new_str(ts, "__new__");
  bool ok = true;
  if (!dict_get_str(type->tp_dict, key)) {
    Object* descr = new_method_descriptor(ts, type, &kNewWrapperDef);
    Object* bound = bind_builtin(ts, descr, reinterpret_cast<Object*>(type));
    decref(descr);
    ok = bound && dict_set_item(ts, type->tp_dict, key, bound);
    xdecref(bound);
  }
  decref(key);
  return ok;
}

}  // namespace

bool type_ready(ThreadState* ts, TypeObject* type) {
  if (type->tp_flags & TPFLAGS_READY) return true;
  if (type->tp_base && !type_ready(ts, type->tp_base)) return false;
  if (!type->tp_getattro) type->tp_getattro = generic_getattr;
  if (!type->tp_setattro) type->tp_setattro = generic_setattr;
  if (type->tp_base) inherit_slots(type, type->tp_base);
  type->tp_dict = new_dict(ts);
  static_cast<DictObject*>(type->tp_dict)->watched = true;
  if (!type->tp_bases) {
    std::vector<TypeObject*> bases;
    if (type->tp_base) bases.push_back(type->tp_base);
    type->tp_bases = make_tuple_of(ts, bases);
  }
  if (!type->tp_mro) type->tp_mro = static_mro(ts, type);
  for (const MethodDef* m = type->tp_methods; m && m->name; ++m)
    if (!dict_set_str_key(ts, type->tp_dict, m->name, new_method_descriptor(ts, type, m))) return false;
  for (const GetSetDef* g = type->tp_getset; g && g->name; ++g)
    if (!dict_set_str_key(ts, type->tp_dict, g->name, new_getset_descriptor(ts, type, g))) return false;
  if (!add_slot_wrappers(ts, type)) return false;
  if (type->tp_new && !add_new_wrapper(ts, type)) return false;
  // A type's own __doc__ getset (function, property) wins over its tp_doc.
  // CPython: type_dict_set_doc() only fills a missing key.
  Object* doc_key = new_str(ts, "__doc__");
  bool has_doc = dict_get_str(type->tp_dict, doc_key) != nullptr;
  decref(doc_key);
  if (!has_doc) {
    Object* doc = type->tp_doc ? new_str(ts, type->tp_doc) : newref(py_none());
    if (!dict_set_str_key(ts, type->tp_dict, "__doc__", doc)) return false;
  }
  // An unhashable static type (list, dict, set ...) says so as `__hash__ = None`, which
  // is what dataclasses and collections.abc.Hashable look at. CPython: type_ready_set_hash().
  if (!type->tp_hash && type->tp_base) {
    Object* hash_key = new_str(ts, "__hash__");
    bool has_hash = dict_get_str(type->tp_dict, hash_key) != nullptr;
    decref(hash_key);
    if (!has_hash && !dict_set_str_key(ts, type->tp_dict, "__hash__", newref(py_none()))) return false;
  }
  type->tp_flags |= TPFLAGS_READY;
  return true;
}

namespace {

// Attribute lookups along the MRO dominate method calls and attribute access, so their
// results are remembered, keyed by (type, name object). An entry is valid while the
// epoch it was made in is current; the epoch moves on any change to a class namespace
// (those dicts are "watched"), when a heap class dies (its address may be reused) and
// when an MRO changes. The cache holds a reference to the name, so a name object's
// address cannot be reused while cached.
struct TypeCacheEntry {
  TypeObject* type;
  Object* name;
  Object* value;
  std::uint64_t epoch;
};
constexpr std::size_t kTypeCacheSize = 4096;
thread_local TypeCacheEntry type_cache[kTypeCacheSize];
std::atomic<std::uint64_t> type_cache_epoch{1};

void release_type_cache_names() {
  for (TypeCacheEntry& e : type_cache) {
    Object* name = e.name;
    e = TypeCacheEntry{};
    xdecref(name);
  }
}

// Gives back the cache's names when the thread ends. Touched only when the cache takes
// a new name, so the lookup path stays free of thread-local guards.
struct TypeCacheRelease {
  ~TypeCacheRelease() { release_type_cache_names(); }
};
thread_local TypeCacheRelease type_cache_release;

Object* type_lookup_uncached(TypeObject* type, Object* name) {
  Object* mro = type->tp_mro;
  if (!mro) {
    for (TypeObject* t = type; t; t = t->tp_base)
      if (t->tp_dict)
        if (Object* v = dict_get_str(t->tp_dict, name)) return v;
    return nullptr;
  }
  Py_ssize_t n = tuple_size(mro);
  for (Py_ssize_t i = 0; i < n; ++i) {
    auto* t = static_cast<TypeObject*>(tuple_get(mro, i));
    if (Object* v = dict_get_str(t->tp_dict, name)) return v;
  }
  return nullptr;
}

}  // namespace

void invalidate_type_cache() { type_cache_epoch.fetch_add(1, std::memory_order_relaxed); }

Object* type_lookup(TypeObject* type, Object* name) {
  if (name->ob_type != &str_type) return type_lookup_uncached(type, name);
  auto key = (reinterpret_cast<std::uintptr_t>(type) >> 3) ^ (reinterpret_cast<std::uintptr_t>(name) >> 3) * 31;
  TypeCacheEntry& e = type_cache[key & (kTypeCacheSize - 1)];
  std::uint64_t epoch = type_cache_epoch.load(std::memory_order_relaxed);
  if (e.type == type && e.name == name && e.epoch == epoch) return e.value;
  Object* value = type_lookup_uncached(type, name);
  if (e.name != name) {
    (void)&type_cache_release;  // constructed with the first name this thread caches
    incref(name);
    Object* old = e.name;
    e.name = name;
    xdecref(old);
  }
  e.type = type;
  e.value = value;
  e.epoch = epoch;
  return value;
}

namespace {

// One immortal str per literal for the whole process: interpreters on any thread may
// hold it, so its count is never written (make_immortal also computes its hash now).
Object* shared_literal_name(const char* name) {
  static std::mutex mutex;
  static auto* by_literal = new std::unordered_map<const char*, Object*>();  // never freed
  std::lock_guard<std::mutex> lock(mutex);
  Object*& s = (*by_literal)[name];
  if (!s) {
    s = new_str(nullptr, name);
    make_immortal(s);
  }
  return s;
}

}  // namespace

// The names C++ code looks up are string literals: each gets one str object, made on
// first use and kept for the life of the process, so a lookup allocates nothing and the
// attribute cache (keyed by the name object) hits.
Object* literal_name(const char* name) {
  struct Recent {
    const char* literal;
    Object* name;
  };
  thread_local Recent recent[64];  // most lookups hit a handful of names: no lock, no hashing
  Recent& r = recent[(reinterpret_cast<std::uintptr_t>(name) >> 3) & 63];
  if (r.literal == name) return r.name;
  r = {name, shared_literal_name(name)};
  return r.name;
}

void release_thread_caches() { release_type_cache_names(); }

Object* type_lookup_str(TypeObject* type, const char* name) { return type_lookup(type, literal_name(name)); }

Object* instance_dict(ThreadState* ts, Object* obj) {
  if (!(obj->ob_type->tp_flags & TPFLAGS_MANAGED_DICT) || (obj->ob_type->tp_flags & TPFLAGS_DICTLESS_PREFIX))
    return nullptr;
  Object** slot = managed_dict_slot(obj);
  if (!*slot) *slot = new_dict(ts);
  return *slot;
}

std::string type_qualname(TypeObject* type) {
  if (type->ht_qualname) return std::string(str_view(type->ht_qualname));
  return type->tp_name;
}

std::nullptr_t raise_attribute_error(ThreadState* ts, Object* obj, Object* name) {
  Object* exc;
  if (is_instance(obj, &type_type)) {
    exc = new_exception(ts, &exc_AttributeError,
                        "type object '" + type_qualname(static_cast<TypeObject*>(obj)) + "' has no attribute '" +
                            std::string(str_view(name)) + "'");
  } else {
    exc = new_exception(ts, &exc_AttributeError,
                        std::string("'") + obj->ob_type->tp_name + "' object has no attribute '" +
                            std::string(str_view(name)) + "'");
  }
  static_cast<ExceptionObject*>(exc)->name = newref(name);
  return raise_object(ts, exc);
}

Object* generic_getattr_or_null(ThreadState* ts, Object* obj, Object* name) {
  TypeObject* type = obj->ob_type;
  Object* descr = type_lookup(type, name);
  DescrGetFunc get = nullptr;
  if (descr) {
    incref(descr);
    get = descr->ob_type->tp_descr_get;
    if (get && descr->ob_type->tp_descr_set) {  // a data descriptor wins over the instance dict
      Object* r = get(ts, descr, obj, type);
      decref(descr);
      return r;
    }
  }
  if (type->tp_flags & TPFLAGS_MANAGED_DICT) {
    Object* dict = *managed_dict_slot(obj);
    if (dict) {
      if (Object* v = dict_get_str(dict, name)) {
        xdecref(descr);
        return newref(v);
      }
    }
  }
  if (get) {
    Object* r = get(ts, descr, obj, type);
    decref(descr);
    return r;
  }
  return descr;  // plain class attribute (already a new reference) or null
}

Object* generic_getattr(ThreadState* ts, Object* obj, Object* name) {
  Object* r = generic_getattr_or_null(ts, obj, name);
  if (!r && !error_occurred(ts)) return raise_attribute_error(ts, obj, name);
  return r;
}

int generic_setattr(ThreadState* ts, Object* obj, Object* name, Object* value) {
  TypeObject* type = obj->ob_type;
  Object* descr = type_lookup(type, name);
  if (descr && descr->ob_type->tp_descr_set) {
    incref(descr);
    int r = descr->ob_type->tp_descr_set(ts, descr, obj, value);
    decref(descr);
    return r;
  }
  Object* dict = instance_dict(ts, obj);
  if (!dict) {
    if (descr)
      raise(ts, &exc_AttributeError, std::string("'") + type->tp_name + "' object attribute '" +
                                         std::string(str_view(name)) + "' is read-only");
    else
      raise_attribute_error(ts, obj, name);
    return -1;
  }
  if (value) return dict_set_item(ts, dict, name, value) ? 0 : -1;
  int r = dict_del_item(ts, dict, name);
  if (r == 0) {
    raise_attribute_error(ts, obj, name);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

Object* get_attr(ThreadState* ts, Object* obj, Object* name) { return obj->ob_type->tp_getattro(ts, obj, name); }

Object* get_attr_str(ThreadState* ts, Object* obj, const char* name) {
  Object* key = new_str(ts, name);
  Object* r = get_attr(ts, obj, key);
  decref(key);
  return r;
}

Object* get_attr_str_or_null(ThreadState* ts, Object* obj, const char* name) {
  Object* r = get_attr_str(ts, obj, name);
  if (!r && ts->curexc && is_instance(ts->curexc, &exc_AttributeError)) clear_error(ts);
  return r;
}

int set_attr(ThreadState* ts, Object* obj, Object* name, Object* value) {
  SetattroFunc f = obj->ob_type->tp_setattro;
  if (!f) {
    raise(ts, &exc_AttributeError, std::string("'") + obj->ob_type->tp_name + "' object has no attribute '" +
                                       std::string(str_view(name)) + "'");
    return -1;
  }
  return f(ts, obj, name, value);
}

int get_method(ThreadState* ts, Object* obj, Object* name, Object** method) {
  TypeObject* type = obj->ob_type;
  if (type->tp_getattro == generic_getattr) {
    Object* descr = type_lookup(type, name);
    if (descr && is_method_like(descr)) {
      // Shadowed by an instance attribute? Then the attribute wins.
      Object* dict = (type->tp_flags & TPFLAGS_MANAGED_DICT) ? *managed_dict_slot(obj) : nullptr;
      if (!dict || !dict_get_str(dict, name)) {
        *method = newref(descr);
        return 1;
      }
    }
  }
  *method = get_attr(ts, obj, name);
  return *method ? 0 : -1;
}

bool ready_builtin_types(ThreadState* ts) {
  static std::once_flag once;
  static bool ok = true;
  std::call_once(once, [&] {
    // Everything readying allocates (dicts, MRO tuples, descriptors, names) is shared
    // by all interpreters from now on: immortal.
    immortal_window_begin();
    for (TypeObject* t : builtin_static_types()) {
      if (!type_ready(ts, t)) {
        ok = false;
        break;
      }
    }
    ok = ok && ready_exception_group_types(ts);
    immortal_window_end();
  });
  return ok;
}

}  // namespace terrarium
