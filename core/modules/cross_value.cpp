// Copying values out of one interpreter's heap and into another's (see cross_value.hpp).
// Containers are remembered in the order they are first met (a memo, as pickle keeps),
// so shared and recursive structure arrives with the same shape.
#include "modules/cross_value.hpp"

#include <unordered_map>
#include "objects/bigint.hpp"
#include "objects/bytes.hpp"
#include "objects/complex.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/abstract.hpp"
#include "objects/function.hpp"
#include "objects/module.hpp"
#include "objects/typeobject.hpp"
#include "vm/import.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

using Kind = CrossValue::Kind;

Object* main_module(ThreadState* ts) {
  Object* modules = ts->interp->modules;
  if (!modules) return nullptr;
  for (const char* name : {"__main__", "__mp_main__"}) {
    Object* key = new_str(ts, name);
    Object* m = dict_get_str(modules, key);
    decref(key);
    if (m) return newref(m);
  }
  return nullptr;
}

Object* lookup_module(ThreadState* ts, const std::string& module) {
  if (module == "__main__" || module == "__mp_main__") {
    if (Object* m = main_module(ts)) return m;
    return raise(ts, &exc_ModuleNotFoundError, "No module named '" + module + "'");
  }
  return import_module(ts, module);
}

// The attribute named by one part of a qualified name, or null with pickle's message.
Object* attribute_of(ThreadState* ts, Object* owner, const std::string& part, const std::string& qualname) {
  Object* value = get_attr_str_or_null(ts, owner, part.c_str());
  if (value || error_occurred(ts)) return value;
  Object* repr = object_repr(ts, owner);
  if (!repr) return nullptr;
  std::string text = "Can't get attribute '" + qualname + "' on " + std::string(str_view(repr));
  decref(repr);
  return raise(ts, &exc_AttributeError, text);
}

// Functions and classes cross by reference, so only ones reachable by their module and
// qualified name can (not lambdas, not nested functions). CPython: save_global().
bool is_global_kind(Object* o) {
  TypeObject* type = o->ob_type;
  return type == &function_type || type == &builtin_function_type || is_instance(o, &type_type);
}

class Encoder {
 public:
  explicit Encoder(ThreadState* ts) : ts_(ts), depth_left_(ts->recursion_limit) {}

  bool encode(Object* o, CrossValue& out) {
    if (o == py_none()) return leaf(out, Kind::None);
    if (o == py_true()) return leaf(out, Kind::True);
    if (o == py_false()) return leaf(out, Kind::False);
    if (o == py_ellipsis()) return leaf(out, Kind::Ellipsis);
    TypeObject* type = o->ob_type;
    // Exact types only: a subclass (an IntEnum, a user's dict) would arrive as its base.
    if (type == &int_type) {
      if (int_fits_int64(o)) {
        out.kind = Kind::Int;
        out.integer = int_value(o);
      } else {
        out.kind = Kind::BigInt;
        out.big = std::make_shared<BigInt>(int_to_bigint(o));
      }
      return true;
    }
    if (type == &float_type) {
      out.kind = Kind::Float;
      out.real = float_value(o);
      return true;
    }
    if (type == &complex_type) {
      out.kind = Kind::Complex;
      out.real = complex_value(o).real;
      out.imag = complex_value(o).imag;
      return true;
    }
    if (type == &str_type) return text(out, Kind::Str, str_view(o));
    if (type == &bytes_type) return text(out, Kind::Bytes, bytes_view(o));
    if (is_global_kind(o)) return global(o, out);
    if (type == &tuple_type || type == &list_type || type == &dict_type || type == &set_type ||
        type == &frozenset_type || type == &bytearray_type || reducible(o))
      return container(o, out);
    raise(ts_, &exc_TypeError, std::string("cannot pickle '") + type_display_name(type) + "' object");
    return false;
  }

 private:
  static bool leaf(CrossValue& out, Kind kind) {
    out.kind = kind;
    return true;
  }
  static bool text(CrossValue& out, Kind kind, std::string_view data) {
    out.kind = kind;
    out.text.assign(data);
    return true;
  }
  // pickle names the type by its tp_name: '_thread.lock' for a built-in type of a
  // module, the bare name for a class (CPython: typeobject.c _PyObject_GetState).
  static const char* type_display_name(TypeObject* type) { return type->tp_name; }

  bool global(Object* o, CrossValue& out) {
    // Built-in functions here know no module: they are looked for among the builtins.
    std::string module = "builtins", qualname;
    if (!text_attr(o, "__module__", module, true) || !text_attr(o, "__qualname__", qualname, true) ||
        (qualname.empty() && !text_attr(o, "__name__", qualname, false)))
      return false;
    if (qualname.find("<locals>") != std::string::npos) {  // CPython: _pickle.c get_deep_attribute
      raise(ts_, &exc_AttributeError, "Can't pickle local object '" + qualname + "'");
      return false;
    }
    Object* found = cross_find_global(ts_, module, qualname);
    if (found) decref(found);  // compared by identity only
    if (found != o) {
      clear_error(ts_);
      Object* repr = object_repr(ts_, o);
      if (!repr) return false;
      std::string shown(str_view(repr));
      decref(repr);
      raise(ts_, &exc_TypeError, "Can't pickle " + shown + ": attribute lookup " + qualname + " on " + module + " failed");
      return false;
    }
    out = cross_global(std::move(module), std::move(qualname));
    return true;
  }

  // False with an error set; an absent attribute leaves `out` as it is when optional.
  bool text_attr(Object* o, const char* attr, std::string& out, bool optional) {
    Object* v = optional ? get_attr_str_or_null(ts_, o, attr) : get_attr_str(ts_, o, attr);
    if (!v) return !error_occurred(ts_);
    bool ok = is_str(v);
    if (ok) out.assign(str_view(v));
    else raise(ts_, &exc_TypeError, std::string(attr) + " is not a string");
    decref(v);
    return ok;
  }

  bool container(Object* o, CrossValue& out) {
    auto seen = memo_.find(o);
    if (seen != memo_.end()) {
      out.kind = Kind::Ref;
      out.ref = seen->second;
      return true;
    }
    memo_.emplace(o, memo_.size());
    if (--depth_left_ < 0) {
      raise(ts_, &exc_RecursionError, "maximum recursion depth exceeded while pickling an object");
      return false;
    }
    bool ok = fill(o, out);
    ++depth_left_;
    return ok;
  }

  bool fill(Object* o, CrossValue& out) {
    TypeObject* type = o->ob_type;
    if (reducible(o)) return reduce(o, out);
    if (type == &bytearray_type) return text(out, Kind::ByteArray, bytearray_buffer(o));
    if (type == &tuple_type) {
      out.kind = Kind::Tuple;
      return items(out, static_cast<TupleObject*>(o)->items, static_cast<std::size_t>(tuple_size(o)));
    }
    if (type == &list_type) {
      out.kind = Kind::List;
      // Copied first: encoding reads only, but the vector may not be relied on to stay put.
      std::vector<Object*> snapshot = list_items(o);
      return items(out, snapshot.data(), snapshot.size());
    }
    if (type == &dict_type) {
      out.kind = Kind::Dict;
      for (const DictEntry& e : *static_cast<DictObject*>(o)->entries) {
        if (!e.key || !e.value) continue;
        out.items.emplace_back();
        if (!encode(e.key, out.items.back())) return false;
        out.items.emplace_back();
        if (!encode(e.value, out.items.back())) return false;
      }
      return true;
    }
    out.kind = type == &set_type ? Kind::Set : Kind::FrozenSet;
    return for_each_item(ts_, o, [&](Object* item) {
      out.items.emplace_back();
      return encode(item, out.items.back());
    });
  }

  // Instances of classes made by `class` whose layout is object's (state in __dict__
  // only), and exceptions (state in args, and __dict__ if any).
  static bool reducible(Object* o) {
    if (is_instance(o, &exc_BaseException)) return true;
    TypeObject* t = o->ob_type;
    if (!(t->tp_flags & TPFLAGS_HEAPTYPE) || (t->tp_flags & TPFLAGS_DICTLESS_PREFIX)) return false;
    while (t && (t->tp_flags & TPFLAGS_HEAPTYPE)) t = t->tp_base;
    return t == &object_type;
  }

  bool reduce(Object* o, CrossValue& out) {
    out.kind = Kind::Instance;
    out.items.resize(3);
    if (!global(o->ob_type, out.items[0])) return false;
    bool is_exc = is_instance(o, &exc_BaseException);
    Object* args = is_exc ? newref(static_cast<ExceptionObject*>(o)->args) : new_tuple(ts_, 0);
    bool ok = encode(args, out.items[1]);
    decref(args);
    Object* dict = (o->ob_type->tp_flags & TPFLAGS_MANAGED_DICT) ? *managed_dict_slot(o) : nullptr;
    if (dict && dict_size(dict) > 0) return ok && encode(dict, out.items[2]);
    return ok;  // items[2] stays None
  }

  bool items(CrossValue& out, Object* const* first, std::size_t n) {
    out.items.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      if (!encode(first[i], out.items[i])) return false;
    return true;
  }

  ThreadState* ts_;
  int depth_left_;
  std::unordered_map<Object*, std::size_t> memo_;
};

class Decoder {
 public:
  explicit Decoder(ThreadState* ts) : ts_(ts) {}
  ~Decoder() {
    for (Object* o : memo_) xdecref(o);
  }

  Object* decode(const CrossValue& v) {
    switch (v.kind) {
      case Kind::None: return newref(py_none());
      case Kind::True: return newref(py_true());
      case Kind::False: return newref(py_false());
      case Kind::Ellipsis: return newref(py_ellipsis());
      case Kind::Int: return new_int(ts_, v.integer);
      case Kind::BigInt: return new_int_from_bigint(ts_, *v.big);
      case Kind::Float: return new_float(ts_, v.real);
      case Kind::Complex: return new_complex(ts_, v.real, v.imag);
      case Kind::Str: return new_str(ts_, v.text);
      case Kind::Bytes: return new_bytes(ts_, v.text);
      case Kind::Global: return cross_find_global(ts_, v.text, v.name);
      case Kind::Ref: {
        Object* o = v.ref < memo_.size() ? memo_[v.ref] : nullptr;
        // Only a tuple or frozenset that contains itself (through a list) is met before
        // it exists; pickle rebuilds those with a trick we do without.
        if (!o) return raise(ts_, &exc_ValueError, "cannot copy a tuple or frozenset that contains itself");
        return newref(o);
      }
      default: return container(v);
    }
  }

 private:
  // Mutable containers are remembered before their items are built, so items can refer
  // back to them; tuples and frozensets only once complete.
  Object* container(const CrossValue& v) {
    std::size_t slot = memo_.size();
    memo_.push_back(nullptr);
    Object* o = nullptr;
    switch (v.kind) {
      case Kind::ByteArray: o = new_bytearray(ts_, v.text); break;
      case Kind::List: o = remember(slot, new_list(ts_)); break;
      case Kind::Dict: o = remember(slot, new_dict(ts_)); break;
      case Kind::Set: o = remember(slot, new_set(ts_)); break;
      case Kind::Tuple: o = new_tuple(ts_, static_cast<Py_ssize_t>(v.items.size())); break;
      case Kind::FrozenSet: o = new_set(ts_); break;
      case Kind::Instance: return instance(slot, v);
      default: return raise(ts_, &exc_SystemError, "unknown kind of copied value");
    }
    if (!o || !fill(o, v)) {
      xdecref(o);
      return nullptr;
    }
    if (v.kind == Kind::FrozenSet) {
      Object* frozen = new_frozenset(ts_, o);
      decref(o);
      if (!frozen) return nullptr;
      o = frozen;
    }
    if (!memo_[slot]) remember(slot, o);
    return o;
  }

  Object* instance(std::size_t slot, const CrossValue& v) {
    Object* cls = decode(v.items[0]);
    if (!cls) return nullptr;
    Object* args = decode(v.items[1]);
    Object* o = nullptr;
    if (args && is_instance(cls, &type_type) && is_exception_type(static_cast<TypeObject*>(cls))) {
      o = call_object(ts_, cls, static_cast<TupleObject*>(args)->items, static_cast<std::size_t>(tuple_size(args)), nullptr);
    } else if (args) {
      Object* new_fn = get_attr_str(ts_, cls, "__new__");  // copyreg.__newobj__: cls.__new__(cls)
      if (new_fn) o = call_object(ts_, new_fn, &cls, 1, nullptr);
      xdecref(new_fn);
    }
    xdecref(args);
    decref(cls);
    if (!o || !remember(slot, o)) return nullptr;
    if (v.items[2].kind == Kind::None) return o;
    Object* state = decode(v.items[2]);
    Object* dict = state ? instance_dict(ts_, o) : nullptr;
    bool ok = dict && dict_merge(ts_, dict, state, true);
    if (state && !dict && !error_occurred(ts_)) raise(ts_, &exc_TypeError, "the copied instance has no __dict__");
    xdecref(state);
    if (ok) return o;
    decref(o);
    return nullptr;
  }

  Object* remember(std::size_t slot, Object* o) {
    if (o) memo_[slot] = newref(o);
    return o;
  }

  bool fill(Object* o, const CrossValue& v) {
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      Object* item = decode(v.items[i]);
      if (!item) return false;
      bool ok = true;
      switch (v.kind) {
        case Kind::Tuple:
          tuple_set(o, static_cast<Py_ssize_t>(i), item);  // steals
          continue;
        case Kind::List: ok = list_append(ts_, o, item); break;
        case Kind::Set:
        case Kind::FrozenSet: ok = set_add(ts_, o, item); break;
        case Kind::Dict: {
          Object* value = decode(v.items[++i]);
          ok = value && dict_set_item(ts_, o, item, value);
          xdecref(value);
          break;
        }
        default: break;
      }
      decref(item);
      if (!ok) return false;
    }
    return true;
  }

  ThreadState* ts_;
  std::vector<Object*> memo_;  // owned references
};

}  // namespace

CrossValue cross_global(std::string module, std::string qualname) {
  CrossValue v;
  v.kind = Kind::Global;
  v.text = std::move(module);
  v.name = std::move(qualname);
  return v;
}

Object* cross_find_global(ThreadState* ts, const std::string& module, const std::string& qualname) {
  std::size_t dot = qualname.find('.');
  Object* owner = nullptr;
  if (module == "builtins") {  // the interpreter's builtins namespace, not a module import
    Object* key = new_str(ts, qualname.substr(0, dot));
    owner = dict_get_str(ts->interp->builtins, key);
    decref(key);
    if (!owner)
      return raise(ts, &exc_AttributeError, "Can't get attribute '" + qualname + "' on <module 'builtins' (built-in)>");
    incref(owner);
  } else {
    Object* m = lookup_module(ts, module);
    if (!m) return nullptr;
    owner = attribute_of(ts, m, qualname.substr(0, dot), qualname);
    decref(m);
  }
  while (owner && dot != std::string::npos) {
    std::size_t next = qualname.find('.', dot + 1);
    Object* inner = attribute_of(ts, owner, qualname.substr(dot + 1, next - dot - 1), qualname);
    decref(owner);
    owner = inner;
    dot = next;
  }
  return owner;
}

bool cross_encode(ThreadState* ts, Object* o, CrossValue& out) { return Encoder(ts).encode(o, out); }

Object* cross_decode(ThreadState* ts, const CrossValue& v) { return Decoder(ts).decode(v); }

}  // namespace terrarium
