// Special-method table and the glue in both directions (see slots.hpp).
#include "objects/slots.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr const char* kBinaryNames[][3] = {
    {"__add__", "__radd__", "__iadd__"}, {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"}, {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"}, {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"}, {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"}};
constexpr const char* kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

std::vector<SlotDef> build_slot_defs() {
  std::vector<SlotDef> d = {
      {"__repr__", SlotKind::Repr, 0}, {"__str__", SlotKind::Str, 0}, {"__hash__", SlotKind::Hash, 0},
      {"__call__", SlotKind::Call, 0}, {"__iter__", SlotKind::Iter, 0}, {"__next__", SlotKind::Next, 0},
      {"__len__", SlotKind::Len, 0}, {"__getitem__", SlotKind::GetItem, 0},
      {"__setitem__", SlotKind::SetItem, 0}, {"__delitem__", SlotKind::DelItem, 0},
      {"__contains__", SlotKind::Contains, 0}, {"__bool__", SlotKind::Bool, 0},
      {"__neg__", SlotKind::Negative, 0}, {"__pos__", SlotKind::Positive, 0},
      {"__invert__", SlotKind::Invert, 0}, {"__index__", SlotKind::Index, 0},
      {"__init__", SlotKind::Init, 0}, {"__getattribute__", SlotKind::GetAttribute, 0},
      {"__getattr__", SlotKind::GetAttr, 0}, {"__setattr__", SlotKind::SetAttr, 0},
      {"__delattr__", SlotKind::DelAttr, 0}, {"__get__", SlotKind::DescrGet, 0},
      {"__set__", SlotKind::DescrSet, 0}, {"__delete__", SlotKind::DescrDelete, 0},
  };
  for (int i = 0; i < kBinaryOpCount; ++i) {
    d.push_back({kBinaryNames[i][0], SlotKind::Binary, i});
    d.push_back({kBinaryNames[i][1], SlotKind::BinaryReflected, i});
    d.push_back({kBinaryNames[i][2], SlotKind::Inplace, i});
  }
  for (int i = 0; i < 6; ++i) d.push_back({kCompareNames[i], SlotKind::RichCompare, i});
  return d;
}

// ---- Python dunders called from C slots -------------------------------------------
Object* lookup_dunder(TypeObject* type, const char* name) { return type_lookup_str(type, name); }

Object* call_found(ThreadState* ts, Object* func, Object* self, Object* const* args, std::size_t nargs) {
  return call_unbound(ts, func, self, args, nargs);
}

Object* dunder_or_not_implemented(ThreadState* ts, Object* self, const char* name, Object* const* args,
                                  std::size_t nargs) {
  Object* f = lookup_dunder(self->ob_type, name);
  if (!f) return newref(py_not_implemented());
  return call_found(ts, f, self, args, nargs);
}

Object* slot_repr(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__repr__", nullptr, 0); }
Object* slot_str(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__str__", nullptr, 0); }

Py_hash_t slot_hash(ThreadState* ts, Object* self) {
  Object* r = call_dunder(ts, self, "__hash__", nullptr, 0);
  if (!r) return -1;
  if (!is_int(r)) {
    decref(r);
    raise(ts, &exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // CPython: slot_tp_hash() uses a result that fits Py_ssize_t as is (only -1, the error
  // marker, becomes -2) and hashes larger ints, so hash(x) == x.__hash__() where it can.
  Py_hash_t h;
  if (int_fits_int64(r)) {
    h = static_cast<Py_hash_t>(int_value(r));
    if (h == -1) h = -2;
  } else {
    h = int_type.tp_hash(ts, r);
  }
  decref(r);
  return h;
}

Object* slot_call(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* f = lookup_dunder(self->ob_type, "__call__");
  if (!f) return raise(ts, &exc_TypeError, std::string("'") + self->ob_type->tp_name + "' object is not callable");
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  std::vector<Object*> full(nargs + nkw + 1);
  full[0] = self;
  for (std::size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  if (is_method_like(f)) return call_object(ts, f, full.data(), nargs + 1, kwnames);
  return call_object(ts, f, full.data() + 1, nargs, kwnames);
}

Object* slot_iter(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__iter__", nullptr, 0); }
Object* slot_iternext(ThreadState* ts, Object* self) {
  Object* r = call_dunder(ts, self, "__next__", nullptr, 0);
  if (!r && ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) clear_error(ts);  // exhausted
  return r;
}

Py_ssize_t slot_len(ThreadState* ts, Object* self) {
  Object* r = call_dunder(ts, self, "__len__", nullptr, 0);
  if (!r) return -1;
  if (!is_int(r)) {
    raise(ts, &exc_TypeError, std::string("'") + r->ob_type->tp_name + "' object cannot be interpreted as an integer");
    decref(r);
    return -1;
  }
  std::int64_t n = int_value(r);
  decref(r);
  if (n < 0) {
    raise(ts, &exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return static_cast<Py_ssize_t>(n);
}

Object* slot_getitem(ThreadState* ts, Object* self, Object* key) { return call_dunder(ts, self, "__getitem__", &key, 1); }
int slot_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
  Object* args[2] = {key, value};
  Object* r = value ? call_dunder(ts, self, "__setitem__", args, 2) : call_dunder(ts, self, "__delitem__", args, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}
int slot_contains(ThreadState* ts, Object* self, Object* item) {
  Object* r = call_dunder(ts, self, "__contains__", &item, 1);
  if (!r) return -1;
  int t = object_is_true(ts, r);
  decref(r);
  return t;
}

int slot_bool(ThreadState* ts, Object* self) {
  if (Object* f = lookup_dunder(self->ob_type, "__bool__")) {
    Object* r = call_found(ts, f, self, nullptr, 0);
    if (!r) return -1;
    if (r != py_true() && r != py_false()) {
      raise(ts, &exc_TypeError, std::string("__bool__ should return bool, returned ") + r->ob_type->tp_name);
      decref(r);
      return -1;
    }
    int t = r == py_true();
    decref(r);
    return t;
  }
  if (lookup_dunder(self->ob_type, "__len__")) {
    Py_ssize_t n = slot_len(ts, self);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

Object* slot_neg(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__neg__", nullptr, 0); }
Object* slot_pos(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__pos__", nullptr, 0); }
Object* slot_invert(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__invert__", nullptr, 0); }
Object* slot_index(ThreadState* ts, Object* self) { return call_dunder(ts, self, "__index__", nullptr, 0); }

// CPython: SLOT1BINFULL. Receives (a, b) in source order whichever operand's type owns it.
template <int Op>
Object* slot_binary(ThreadState* ts, Object* a, Object* b) {
  const char* name = kBinaryNames[Op][0];
  const char* rname = kBinaryNames[Op][1];
  bool a_has = a->ob_type->nb_binary[Op] == &slot_binary<Op>;
  bool do_other = a->ob_type != b->ob_type && b->ob_type->nb_binary[Op] == &slot_binary<Op> &&
                  lookup_dunder(b->ob_type, rname);
  if (a_has) {
    if (do_other && is_subtype(b->ob_type, a->ob_type)) {
      Object* r = dunder_or_not_implemented(ts, b, rname, &a, 1);
      if (r != py_not_implemented()) return r;
      decref(r);
      do_other = false;
    }
    Object* r = dunder_or_not_implemented(ts, a, name, &b, 1);
    if (r != py_not_implemented() || a->ob_type == b->ob_type) return r;
    decref(r);
  }
  if (do_other) return dunder_or_not_implemented(ts, b, rname, &a, 1);
  return newref(py_not_implemented());
}

template <int Op>
Object* slot_inplace(ThreadState* ts, Object* a, Object* b) {
  return dunder_or_not_implemented(ts, a, kBinaryNames[Op][2], &b, 1);
}

Object* slot_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  return dunder_or_not_implemented(ts, self, kCompareNames[static_cast<int>(op)], &other, 1);
}

int slot_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* f = lookup_dunder(self->ob_type, "__init__");
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  std::vector<Object*> full(nargs + nkw + 1);
  full[0] = self;
  for (std::size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  Object* r = call_object(ts, f, full.data(), nargs + 1, kwnames);
  if (!r) return -1;
  if (r != py_none()) {
    raise(ts, &exc_TypeError, std::string("__init__() should return None, not '") + r->ob_type->tp_name + "'");
    decref(r);
    return -1;
  }
  decref(r);
  return 0;
}

// A class's own __new__ (a staticmethod): __new__(cls, *args, **kwargs). CPython: slot_tp_new.
Object* slot_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* func = type_lookup_str(type, "__new__");
  if (!func) return raise(ts, &exc_TypeError, "cannot create instances");
  Object* callable = func;
  if (DescrGetFunc get = func->ob_type->tp_descr_get) callable = get(ts, func, nullptr, reinterpret_cast<Object*>(type));
  else incref(callable);
  if (!callable) return nullptr;
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  std::vector<Object*> full(nargs + nkw + 1);
  full[0] = type;
  for (std::size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  Object* r = call_object(ts, callable, full.data(), nargs + 1, kwnames);
  decref(callable);
  return r;
}

Object* slot_getattro(ThreadState* ts, Object* self, Object* name) {
  Object* getattribute = lookup_dunder(self->ob_type, "__getattribute__");
  Object* r;
  if (getattribute && getattribute->ob_type == &wrapper_descriptor_type) {
    r = generic_getattr(ts, self, name);  // object.__getattribute__: the generic path
  } else {
    r = call_found(ts, getattribute, self, &name, 1);
  }
  if (r || !is_instance(ts->curexc, &exc_AttributeError)) return r;
  Object* getattr = lookup_dunder(self->ob_type, "__getattr__");
  if (!getattr) return nullptr;
  clear_error(ts);
  return call_found(ts, getattr, self, &name, 1);
}

int slot_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
  Object* args[2] = {name, value};
  Object* r = value ? call_dunder(ts, self, "__setattr__", args, 2) : call_dunder(ts, self, "__delattr__", args, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* slot_descr_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  Object* args[2] = {obj ? obj : py_none(), type ? type : py_none()};
  return call_dunder(ts, self, "__get__", args, 2);
}
int slot_descr_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  Object* args[2] = {obj, value};
  Object* r = value ? call_dunder(ts, self, "__set__", args, 2) : call_dunder(ts, self, "__delete__", args, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

template <int... Ops>
void set_binary_slots(TypeObject* t, std::integer_sequence<int, Ops...>, bool* defined_binary, bool* defined_inplace) {
  ((defined_binary[Ops] ? (t->nb_binary[Ops] = &slot_binary<Ops>) : nullptr), ...);
  ((defined_inplace[Ops] ? (t->nb_inplace[Ops] = &slot_inplace<Ops>) : nullptr), ...);
}

// The class's own (or a Python base's) definition, as opposed to a built-in's wrapper.
bool defined_in_python(TypeObject* type, const char* name) {
  Object* v = type_lookup_str(type, name);
  return v && v->ob_type != &wrapper_descriptor_type;
}

}  // namespace

bool has_python_new(TypeObject* type) { return type->tp_new == slot_new; }

const std::vector<SlotDef>& slot_defs() {
  static const std::vector<SlotDef> defs = build_slot_defs();
  return defs;
}

void fixup_slots(TypeObject* t) {
  auto has = [&](const char* name) { return defined_in_python(t, name); };
  if (has("__repr__")) t->tp_repr = slot_repr;
  if (has("__str__")) t->tp_str = slot_str;
  if (has("__call__")) t->tp_call = slot_call;
  if (has("__iter__")) t->tp_iter = slot_iter;
  if (has("__next__")) t->tp_iternext = slot_iternext;
  if (has("__len__")) t->mp_length = slot_len;
  if (has("__getitem__")) t->mp_subscript = slot_getitem;
  if (has("__setitem__") || has("__delitem__")) t->mp_ass_subscript = slot_ass_subscript;
  if (has("__contains__")) t->sq_contains = slot_contains;
  if (has("__bool__") || has("__len__")) t->nb_bool = slot_bool;
  if (has("__neg__")) t->nb_negative = slot_neg;
  if (has("__pos__")) t->nb_positive = slot_pos;
  if (has("__invert__")) t->nb_invert = slot_invert;
  if (has("__index__")) t->nb_index = slot_index;
  if (has("__init__")) t->tp_init = slot_init;
  {
    // __new__ defined in Python (not one of the built-in wrappers) takes over instance creation.
    Object* n = type_lookup_str(t, "__new__");
    if (n && n->ob_type != &bound_builtin_type) t->tp_new = slot_new;
  }
  if (has("__getattribute__") || has("__getattr__")) t->tp_getattro = slot_getattro;
  if (has("__setattr__") || has("__delattr__")) t->tp_setattro = slot_setattro;
  if (has("__get__")) t->tp_descr_get = slot_descr_get;
  if (has("__set__") || has("__delete__")) t->tp_descr_set = slot_descr_set;
  for (const char* n : kCompareNames)
    if (has(n)) t->tp_richcompare = slot_richcompare;
  // __hash__ = None (set explicitly, or implied by defining __eq__ alone) makes instances unhashable.
  Object* h = type_lookup_str(t, "__hash__");
  if (h == py_none()) t->tp_hash = nullptr;
  else if (has("__hash__")) t->tp_hash = slot_hash;
  bool binary[kBinaryOpCount], inplace[kBinaryOpCount];
  for (int i = 0; i < kBinaryOpCount; ++i) {
    binary[i] = has(kBinaryNames[i][0]) || has(kBinaryNames[i][1]);
    inplace[i] = has(kBinaryNames[i][2]);
  }
  set_binary_slots(t, std::make_integer_sequence<int, kBinaryOpCount>{}, binary, inplace);
}

Object* call_dunder(ThreadState* ts, Object* self, const char* name, Object* const* args, std::size_t nargs) {
  Object* f = lookup_dunder(self->ob_type, name);
  if (!f) {
    Object* key = new_str(ts, name);
    raise_attribute_error(ts, self, key);
    decref(key);
    return nullptr;
  }
  return call_found(ts, f, self, args, nargs);
}

bool add_slot_wrappers(ThreadState* ts, TypeObject* t) {
  TypeObject* base = t->tp_base;
  for (const SlotDef& s : slot_defs()) {
    bool present = false, inherited = false;
    switch (s.kind) {
#define TERRARIUM_SLOT_CASE(kind, field) \
  case SlotKind::kind: present = t->field != nullptr; inherited = base && base->field == t->field; break;
      TERRARIUM_SLOT_CASE(Repr, tp_repr) TERRARIUM_SLOT_CASE(Str, tp_str) TERRARIUM_SLOT_CASE(Hash, tp_hash)
      TERRARIUM_SLOT_CASE(Call, tp_call) TERRARIUM_SLOT_CASE(Iter, tp_iter) TERRARIUM_SLOT_CASE(Next, tp_iternext)
      TERRARIUM_SLOT_CASE(Len, mp_length) TERRARIUM_SLOT_CASE(GetItem, mp_subscript)
      TERRARIUM_SLOT_CASE(SetItem, mp_ass_subscript) TERRARIUM_SLOT_CASE(DelItem, mp_ass_subscript)
      TERRARIUM_SLOT_CASE(Contains, sq_contains) TERRARIUM_SLOT_CASE(Bool, nb_bool)
      TERRARIUM_SLOT_CASE(Negative, nb_negative) TERRARIUM_SLOT_CASE(Positive, nb_positive)
      TERRARIUM_SLOT_CASE(Invert, nb_invert) TERRARIUM_SLOT_CASE(Index, nb_index)
      TERRARIUM_SLOT_CASE(Init, tp_init) TERRARIUM_SLOT_CASE(GetAttribute, tp_getattro)
      TERRARIUM_SLOT_CASE(SetAttr, tp_setattro) TERRARIUM_SLOT_CASE(DelAttr, tp_setattro)
      TERRARIUM_SLOT_CASE(DescrGet, tp_descr_get) TERRARIUM_SLOT_CASE(DescrSet, tp_descr_set)
      TERRARIUM_SLOT_CASE(DescrDelete, tp_descr_set) TERRARIUM_SLOT_CASE(RichCompare, tp_richcompare)
#undef TERRARIUM_SLOT_CASE
      case SlotKind::Binary:
      case SlotKind::BinaryReflected:
        present = t->nb_binary[s.index] != nullptr;
        inherited = base && base->nb_binary[s.index] == t->nb_binary[s.index];
        break;
      case SlotKind::Inplace:
        present = t->nb_inplace[s.index] != nullptr;
        inherited = base && base->nb_inplace[s.index] == t->nb_inplace[s.index];
        break;
      case SlotKind::GetAttr:
        break;  // no C slot of its own: __getattr__ exists only in Python
    }
    if (!present || inherited) continue;
    Object* key = new_str(ts, s.name);
    if (dict_get_str(t->tp_dict, key)) {
      decref(key);
      continue;
    }
    Object* w = new_wrapper_descriptor(ts, t, &s);
    bool ok = dict_set_item(ts, t->tp_dict, key, w);
    decref(key);
    decref(w);
    if (!ok) return false;
  }
  return true;
}

}  // namespace terrarium

namespace terrarium {

namespace {
std::nullptr_t wrapper_arity(ThreadState* ts, const SlotDef* slot, std::size_t expected, std::size_t got) {
  return raise(ts, &exc_TypeError, std::string("expected ") + std::to_string(expected) + " argument" +
                                       (expected == 1 ? "" : "s") + ", got " + std::to_string(got));
}
Object* int_or_error(ThreadState* ts, Py_ssize_t n) { return n < 0 ? nullptr : new_int(ts, n); }
Object* none_or_error(int r) { return r < 0 ? nullptr : newref(py_none()); }
}  // namespace

Object* call_slot_wrapper(ThreadState* ts, const SlotDef* slot, TypeObject* owner, Object* self, Object* const* args,
                          std::size_t nargs, Object* kwnames) {
  bool has_kw = kwnames && tuple_size(kwnames) > 0;
  if (has_kw && slot->kind != SlotKind::Init && slot->kind != SlotKind::Call)
    return raise(ts, &exc_TypeError, std::string("wrapper ") + slot->name + "() takes no keyword arguments");
  auto need = [&](std::size_t n) { return nargs == n ? true : (wrapper_arity(ts, slot, n, nargs), false); };
  switch (slot->kind) {
    case SlotKind::Repr: return need(0) ? owner->tp_repr(ts, self) : nullptr;
    case SlotKind::Str: return need(0) ? owner->tp_str(ts, self) : nullptr;
    case SlotKind::Hash: {
      if (!need(0)) return nullptr;
      Py_hash_t h = owner->tp_hash(ts, self);
      return h == -1 ? nullptr : new_int(ts, h);
    }
    case SlotKind::Call: return owner->tp_call(ts, self, args, nargs, kwnames);
    case SlotKind::Iter: return need(0) ? owner->tp_iter(ts, self) : nullptr;
    case SlotKind::Next: {
      if (!need(0)) return nullptr;
      Object* r = owner->tp_iternext(ts, self);
      if (!r && !ts->curexc) raise_object(ts, new_exception(ts, &exc_StopIteration, ""));
      return r;
    }
    case SlotKind::Len: return need(0) ? int_or_error(ts, owner->mp_length(ts, self)) : nullptr;
    case SlotKind::GetItem: return need(1) ? owner->mp_subscript(ts, self, args[0]) : nullptr;
    case SlotKind::SetItem: return need(2) ? none_or_error(owner->mp_ass_subscript(ts, self, args[0], args[1])) : nullptr;
    case SlotKind::DelItem: return need(1) ? none_or_error(owner->mp_ass_subscript(ts, self, args[0], nullptr)) : nullptr;
    case SlotKind::Contains: {
      if (!need(1)) return nullptr;
      int r = owner->sq_contains(ts, self, args[0]);
      return r < 0 ? nullptr : new_bool(r);
    }
    case SlotKind::Bool: {
      if (!need(0)) return nullptr;
      int r = owner->nb_bool(ts, self);
      return r < 0 ? nullptr : new_bool(r);
    }
    case SlotKind::Negative: return need(0) ? owner->nb_negative(ts, self) : nullptr;
    case SlotKind::Positive: return need(0) ? owner->nb_positive(ts, self) : nullptr;
    case SlotKind::Invert: return need(0) ? owner->nb_invert(ts, self) : nullptr;
    case SlotKind::Index: return need(0) ? owner->nb_index(ts, self) : nullptr;
    case SlotKind::Binary: return need(1) ? owner->nb_binary[slot->index](ts, self, args[0]) : nullptr;
    case SlotKind::BinaryReflected: return need(1) ? owner->nb_binary[slot->index](ts, args[0], self) : nullptr;
    case SlotKind::Inplace: return need(1) ? owner->nb_inplace[slot->index](ts, self, args[0]) : nullptr;
    case SlotKind::RichCompare:
      return need(1) ? owner->tp_richcompare(ts, self, args[0], static_cast<CompareOp>(slot->index)) : nullptr;
    case SlotKind::Init: return none_or_error(owner->tp_init(ts, self, args, nargs, kwnames));
    case SlotKind::GetAttribute: {
      if (!need(1)) return nullptr;
      if (!is_str(args[0]))
        return raise(ts, &exc_TypeError, std::string("attribute name must be string, not '") + args[0]->ob_type->tp_name + "'");
      return owner->tp_getattro(ts, self, args[0]);
    }
    case SlotKind::SetAttr: return need(2) ? none_or_error(owner->tp_setattro(ts, self, args[0], args[1])) : nullptr;
    case SlotKind::DelAttr: return need(1) ? none_or_error(owner->tp_setattro(ts, self, args[0], nullptr)) : nullptr;
    case SlotKind::DescrGet: {
      if (nargs < 1 || nargs > 2) return wrapper_arity(ts, slot, 2, nargs);
      Object* obj = args[0] == py_none() ? nullptr : args[0];
      Object* type = nargs == 2 && args[1] != py_none() ? args[1] : nullptr;
      return owner->tp_descr_get(ts, self, obj, type);
    }
    case SlotKind::DescrSet: return need(2) ? none_or_error(owner->tp_descr_set(ts, self, args[0], args[1])) : nullptr;
    case SlotKind::DescrDelete: return need(1) ? none_or_error(owner->tp_descr_set(ts, self, args[0], nullptr)) : nullptr;
    case SlotKind::GetAttr: break;
  }
  return raise(ts, &exc_SystemError, std::string("slot wrapper ") + slot->name + " cannot be called");
}

}  // namespace terrarium
