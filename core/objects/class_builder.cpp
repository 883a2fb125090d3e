// Classes made at run time: type(name, bases, ns) and the `class` statement. Picks the
// metaclass and the layout base, computes the C3 MRO with CPython's error text, copies
// the namespace, wires dunders to slots, then runs __set_name__ and __init_subclass__.
// CPython: Objects/typeobject.c type_new(), mro_implementation(), subtype_dealloc().
#include <algorithm>
#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/class_slots.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/gc_object.hpp"
#include "objects/instance_lifecycle.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "objects/weakref.hpp"
#include "vm/frame.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::vector<TypeObject*> tuple_types(Object* t) {
  std::vector<TypeObject*> out;
  for (Py_ssize_t i = 0; i < tuple_size(t); ++i) out.push_back(static_cast<TypeObject*>(tuple_get(t, i)));
  return out;
}

// C3 linearisation. CPython: mro_implementation / pmerge.
bool c3_mro(ThreadState* ts, TypeObject* type, const std::vector<TypeObject*>& bases, std::vector<TypeObject*>& out) {
  std::vector<std::vector<TypeObject*>> seqs;
  for (TypeObject* b : bases) seqs.push_back(tuple_types(b->tp_mro));
  seqs.push_back(bases);
  out.push_back(type);
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return true;
    TypeObject* candidate = nullptr;
    for (auto& s : seqs) {
      TypeObject* head = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        if (std::find(other.begin() + 1, other.end(), head) != other.end()) in_tail = true;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) {
      std::string names;
      for (std::size_t i = 0; i < bases.size(); ++i) names += (i ? ", " : "") + type_qualname(bases[i]);
      raise(ts, &exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
      return false;
    }
    out.push_back(candidate);
    for (auto& s : seqs)
      if (s.front() == candidate) s.erase(s.begin());
  }
}

// The ancestor that fixes the instance layout: the nearest class that added __slots__
// fields, else the built-in base (object, int, list, ...). CPython: solid_base().
TypeObject* solid_base(TypeObject* t) {
  while ((t->tp_flags & TPFLAGS_HEAPTYPE) && t->tp_basicsize == t->tp_base->tp_basicsize) t = t->tp_base;
  return t;
}

TypeObject* best_base(ThreadState* ts, const std::vector<TypeObject*>& bases) {
  TypeObject* winner = nullptr;
  TypeObject* base = nullptr;
  for (TypeObject* b : bases) {
    if (!(b->tp_flags & TPFLAGS_BASETYPE)) {
      raise(ts, &exc_TypeError, "type '" + std::string(b->tp_name) + "' is not an acceptable base type");
      return nullptr;
    }
    TypeObject* candidate = solid_base(b);
    if (!winner || is_subtype(winner, candidate)) {
      if (!winner) winner = candidate, base = b;
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      raise(ts, &exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

}  // namespace

void heap_type_dealloc(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  gc_untrack(o);  // error paths of type creation come here directly
  clear_weakrefs(o);
  invalidate_type_cache();
  xdecref(t->tp_dict);
  xdecref(t->tp_mro);
  xdecref(t->tp_bases);
  xdecref(t->ht_name);
  xdecref(t->ht_qualname);
  xdecref(t->ht_module);
  if (t->tp_base) decref(t->tp_base);
  object_free(o);  // releases the metaclass too
}

// Classes are containers the collector sees: a class and its methods form cycles
// (a method's __class__ cell for super(), a class attribute holding an instance).
// CPython: type_traverse, type_clear.
void heap_type_traverse(Object* o, VisitProc visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->tp_flags & TPFLAGS_HEAPTYPE)) return;
  for (Object* r : {t->tp_dict, t->tp_mro, t->tp_bases, static_cast<Object*>(t->tp_base), t->ht_module})
    if (r) visit(r, arg);
}

void heap_type_clear(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->tp_flags & TPFLAGS_HEAPTYPE)) return;
  invalidate_type_cache();
  if (t->tp_dict) dict_type.tp_clear(t->tp_dict);
  Object* mro = t->tp_mro;
  t->tp_mro = nullptr;
  xdecref(mro);
}

namespace {



Object* heap_get_dict(ThreadState* ts, Object* obj) {
  Object* d = instance_dict(ts, obj);
  if (!d) return raise(ts, &exc_AttributeError, "This object has no __dict__");
  return newref(d);
}
int heap_set_dict(ThreadState* ts, Object* obj, Object* value) {
  if (!is_instance(value, &dict_type)) {
    raise(ts, &exc_TypeError, std::string("__dict__ must be set to a dictionary, not a '") + value->ob_type->tp_name + "'");
    return -1;
  }
  Object** slot = managed_dict_slot(obj);
  Object* old = *slot;
  *slot = newref(value);
  xdecref(old);
  return 0;
}
Object* heap_get_weakref(ThreadState*, Object* obj) {
  Object* w = *managed_weaklist_slot(obj);
  return newref(w ? w : py_none());
}
const GetSetDef kHeapDictGetSet = {"__dict__", heap_get_dict, heap_set_dict};
const GetSetDef kHeapWeakrefGetSet = {"__weakref__", heap_get_weakref, nullptr};

bool set_item_str(ThreadState* ts, Object* dict, const char* key, Object* value) {
  Object* k = new_str(ts, key);
  bool ok = dict_set_item(ts, dict, k, value);
  decref(k);
  return ok;
}

// Wraps a plain function stored under `name` in staticmethod/classmethod, as type_new does
// for __new__, __init_subclass__ and __class_getitem__.
bool wrap_implicit(ThreadState* ts, Object* dict, const char* name, TypeObject* wrapper) {
  Object* key = new_str(ts, name);
  Object* f = dict_get_str(dict, key);
  bool ok = true;
  if (f && f->ob_type == &function_type) {
    Object* w = call_object(ts, wrapper, &f, 1, nullptr);
    ok = w && dict_set_item(ts, dict, key, w);
    xdecref(w);
  }
  decref(key);
  return ok;
}

// CPython 3.11 type_new_set_names(): an error in __set_name__ becomes the cause of a
// RuntimeError naming the value, the attribute and the class (3.12 dropped the wrapping).
// Always returns false, with the RuntimeError set.
bool wrap_set_name_error(ThreadState* ts, Object* value, Object* key, TypeObject* type) {
  Object* cause = fetch_error(ts);
  Object* key_repr = object_repr(ts, key);
  if (!key_repr) {
    decref(cause);
    return false;
  }
  std::string message = std::string("Error calling __set_name__ on '") + value->ob_type->tp_name +
                        "' instance " + std::string(str_view(key_repr)) + " in '" + type->tp_name + "'";
  decref(key_repr);
  Object* exc = new_exception(ts, &exc_RuntimeError, message);
  if (exc) {
    set_exception_cause(exc, cause);
    set_exception_context(exc, cause);
    raise_object(ts, exc);
  }
  decref(cause);
  return false;
}

bool call_set_name(ThreadState* ts, TypeObject* type) {
  // Iterate over a snapshot: __set_name__ may change the namespace.
  std::vector<std::pair<Object*, Object*>> items;
  for (const DictEntry& e : *static_cast<DictObject*>(type->tp_dict)->entries)
    if (e.key) items.emplace_back(newref(e.key), newref(e.value));
  bool ok = true;
  for (auto& [key, value] : items) {
    if (ok) {
      if (Object* set_name = type_lookup_str(value->ob_type, "__set_name__")) {
        Object* args[2] = {type, key};
        Object* r = call_unbound(ts, set_name, value, args, 2);
        if (!r) ok = wrap_set_name_error(ts, value, key, type);
        xdecref(r);
      }
    }
    decref(key);
    decref(value);
  }
  return ok;
}

bool call_init_subclass(ThreadState* ts, TypeObject* type, Object* const* kwvalues, Object* kwnames) {
  // super(type, type).__init_subclass__(**kwargs): the first definition after `type` in its MRO.
  Object* mro = type->tp_mro;
  Object* key = new_str(ts, "__init_subclass__");
  Object* found = nullptr;
  for (Py_ssize_t i = 1; i < tuple_size(mro) && !found; ++i)
    found = dict_get_str(static_cast<TypeObject*>(tuple_get(mro, i))->tp_dict, key);
  decref(key);
  if (!found) return true;
  DescrGetFunc get = found->ob_type->tp_descr_get;
  Object* bound = get ? get(ts, found, nullptr, type) : newref(found);
  if (!bound) return false;
  Object* r = call_object(ts, bound, kwvalues, 0, kwnames);
  decref(bound);
  if (!r) return false;
  decref(r);
  return true;
}

}  // namespace

Object* type_new_with_keywords(ThreadState* ts, TypeObject* meta, Object* name, Object* bases_tuple, Object* ns,
                               Object* const* kwvalues, Object* kwnames) {
  std::vector<TypeObject*> bases = tuple_types(bases_tuple);
  for (TypeObject* b : bases)
    if (!is_instance(b, &type_type)) {
      // Only the class statement resolves __mro_entries__ (PEP 560); type() refuses such bases.
      Object* entries = get_attr_str_or_null(ts, b, "__mro_entries__");
      if (entries) {
        decref(entries);
        return raise(ts, &exc_TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
      }
      if (ts->curexc) return nullptr;
      return raise(ts, &exc_TypeError, "bases must be types");
    }
  if (bases.empty()) bases.push_back(&object_type);
  // The most derived metaclass among `meta` and the bases' metaclasses.
  TypeObject* winner = meta;
  for (TypeObject* b : bases) {
    TypeObject* bm = b->ob_type;
    if (is_subtype(winner, bm)) continue;
    if (is_subtype(bm, winner)) {
      winner = bm;
      continue;
    }
    return raise(ts, &exc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                 "metaclasses of all its bases");
  }
  TypeObject* base = best_base(ts, bases);
  if (!base) return nullptr;

  SlotLayout slots;
  if (!read_slots(ts, ns, name, base, slots)) return nullptr;

  // Zeroed, with the collector's header: classes take part in cycles.
  auto* type = static_cast<TypeObject*>(object_alloc(winner, sizeof(TypeObject)));
  // Instances of a metaclass are classes: their namespace is tp_dict, and type_new
  // allocates them without the managed-dict prefix.
  bool is_metaclass = is_subtype(base, &type_type);
  // Without __slots__ instances get a __dict__ and weak references; with them, only
  // what __slots__ names or a base already provides.
  bool want_dict = !is_metaclass && (!slots.declared || slots.add_dict || instances_have_dict(base));
  bool want_weakrefs = !is_metaclass && (!slots.declared || slots.add_weakref || instances_have_weakrefs(base));
  type->tp_flags = TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC |
                   (want_dict || want_weakrefs ? TPFLAGS_MANAGED_DICT : 0) |
                   (want_weakrefs && !want_dict ? TPFLAGS_DICTLESS_PREFIX : 0);
  type->tp_base = base;
  incref(base);
  type->tp_basicsize = base->tp_basicsize;
  type->tp_dealloc = subtype_dealloc;
  type->tp_traverse = subtype_traverse;
  type->tp_clear = subtype_clear;
  type->ht_name = newref(name);
  type->tp_name = static_cast<StrObject*>(name)->data;
  Object* bt = new_tuple(ts, static_cast<Py_ssize_t>(bases.size()));
  for (std::size_t i = 0; i < bases.size(); ++i) tuple_set(bt, static_cast<Py_ssize_t>(i), newref<Object>(bases[i]));
  type->tp_bases = bt;
  type->tp_dict = new_dict(ts);
  static_cast<DictObject*>(type->tp_dict)->watched = true;
  Object* qualname_key = new_str(ts, "__qualname__");
  for (const DictEntry& e : *static_cast<DictObject*>(ns)->entries) {
    if (!e.key) continue;
    if (is_str(e.key) && str_view(e.key) == "__abc_tpflags__" && is_int(e.value)) {
      // collections.abc's Sequence and Mapping mark themselves (and so their
      // subclasses) for match statements this way; the key is consumed, as in _abc.
      type->tp_flags |= static_cast<std::uint32_t>(int_value(e.value)) & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING);
      continue;
    }
    if (is_str(e.key) && str_equal(e.key, qualname_key)) {
      if (!is_str(e.value)) {
        decref(qualname_key);
        heap_type_dealloc(type);
        return raise(ts, &exc_TypeError, std::string("type __qualname__ must be a str, not ") + e.value->ob_type->tp_name);
      }
      type->ht_qualname = newref(e.value);
      continue;
    }
    if (!dict_set_item(ts, type->tp_dict, e.key, e.value)) {
      decref(qualname_key);
      heap_type_dealloc(type);
      return nullptr;
    }
  }
  decref(qualname_key);
  if (!type->ht_qualname) type->ht_qualname = newref(name);
  auto ensure = [&](const char* key, Object* value) {  // steals value
    Object* k = new_str(ts, key);
    bool ok = true;
    if (!dict_get_str(type->tp_dict, k)) ok = dict_set_item(ts, type->tp_dict, k, value);
    decref(k);
    decref(value);
    return ok;
  };
  bool ok = ensure("__doc__", newref(py_none())) && add_slot_members(ts, type, slots);
  // type(name, bases, ns) without __module__: the module of the code calling type().
  // CPython: type_new_set_module().
  if (ok && ts->frame && ts->frame->globals) {
    Object* name_key = new_str(ts, "__name__");
    Object* module = dict_get_str(ts->frame->globals, name_key);
    decref(name_key);
    if (module) ok = ensure("__module__", newref(module));
  }
  if (ok && want_dict && !instances_have_dict(base))
    ok = ensure("__dict__", new_getset_descriptor(ts, type, &kHeapDictGetSet));
  if (ok && want_weakrefs && !instances_have_weakrefs(base))
    ok = ensure("__weakref__", new_getset_descriptor(ts, type, &kHeapWeakrefGetSet));
  ok = ok && wrap_implicit(ts, type->tp_dict, "__new__", &staticmethod_type) &&
       wrap_implicit(ts, type->tp_dict, "__init_subclass__", &classmethod_type) &&
       wrap_implicit(ts, type->tp_dict, "__class_getitem__", &classmethod_type);
  // __eq__ without __hash__ makes instances unhashable, as in CPython.
  if (ok) {
    Object* eq = new_str(ts, "__eq__");
    Object* hash = new_str(ts, "__hash__");
    if (dict_get_str(type->tp_dict, eq) && !dict_get_str(type->tp_dict, hash))
      ok = dict_set_item(ts, type->tp_dict, hash, py_none());
    decref(eq);
    decref(hash);
  }
  std::vector<TypeObject*> mro;
  if (!ok || !c3_mro(ts, type, std::vector<TypeObject*>(tuple_types(bt)), mro)) {
    heap_type_dealloc(type);
    return nullptr;
  }
  Object* mro_tuple = new_tuple(ts, static_cast<Py_ssize_t>(mro.size()));
  for (std::size_t i = 0; i < mro.size(); ++i) tuple_set(mro_tuple, static_cast<Py_ssize_t>(i), newref<Object>(mro[i]));
  type->tp_mro = mro_tuple;
  invalidate_type_cache();  // lookups made before the MRO existed followed tp_base only
  for (std::size_t i = 1; i < mro.size(); ++i) {
    // Copy slots from every ancestor, nearest first (CPython inherits along the MRO).
    TypeObject* saved_base = type->tp_base;
    (void)saved_base;
    TypeObject* b = mro[i];
#define TERRARIUM_INHERIT(slot) if (!type->slot) type->slot = b->slot;
    TERRARIUM_INHERIT(tp_repr) TERRARIUM_INHERIT(tp_str) TERRARIUM_INHERIT(tp_call) TERRARIUM_INHERIT(tp_getattro)
    TERRARIUM_INHERIT(tp_setattro) TERRARIUM_INHERIT(tp_descr_get) TERRARIUM_INHERIT(tp_descr_set)
    TERRARIUM_INHERIT(tp_iter) TERRARIUM_INHERIT(tp_iternext) TERRARIUM_INHERIT(mp_length)
    TERRARIUM_INHERIT(mp_subscript) TERRARIUM_INHERIT(mp_ass_subscript) TERRARIUM_INHERIT(sq_contains)
    TERRARIUM_INHERIT(nb_bool) TERRARIUM_INHERIT(nb_negative) TERRARIUM_INHERIT(nb_positive)
    TERRARIUM_INHERIT(nb_invert) TERRARIUM_INHERIT(nb_index) TERRARIUM_INHERIT(tp_init) TERRARIUM_INHERIT(tp_new)
    TERRARIUM_INHERIT(tp_richcompare) TERRARIUM_INHERIT(tp_hash)
#undef TERRARIUM_INHERIT
    for (int k = 0; k < kBinaryOpCount; ++k) {
      if (!type->nb_binary[k]) type->nb_binary[k] = b->nb_binary[k];
      if (!type->nb_inplace[k]) type->nb_inplace[k] = b->nb_inplace[k];
    }
  }
  // CPython: inherit_special and inherit_patma_flags.
  type->tp_flags |= base->tp_flags & TPFLAGS_MATCH_SELF;
  if (!(type->tp_flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING)))
    type->tp_flags |= base->tp_flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING);
  type->tp_flags |= TPFLAGS_READY;
  fixup_slots(type);
  Object* result = type;
  if (!call_set_name(ts, type) || !call_init_subclass(ts, type, kwvalues, kwnames)) {
    decref(result);
    return nullptr;
  }
  return result;
}

Object* type_new(ThreadState* ts, TypeObject* meta, Object* name, Object* bases, Object* ns) {
  return type_new_with_keywords(ts, meta, name, bases, ns, nullptr, nullptr);
}

}  // namespace terrarium
