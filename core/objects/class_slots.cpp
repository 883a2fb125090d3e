#include "objects/class_slots.hpp"

#include <algorithm>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/member_descriptor.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (unsigned char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80))
      return false;
  return true;
}

// Private names (__x) are stored under _Class__x, as the compiler mangles them.
std::string mangle(std::string_view class_name, std::string_view name) {
  if (name.size() < 2 || name.substr(0, 2) != "__" || (name.size() >= 4 && name.substr(name.size() - 2) == "__"))
    return std::string(name);
  std::size_t start = class_name.find_first_not_of('_');
  if (start == std::string_view::npos) return std::string(name);
  return "_" + std::string(class_name.substr(start)) + std::string(name);
}

// Types whose instances end in a variable number of items (int counts, as in CPython)
// cannot take slot fields.
bool variable_size(TypeObject* t) {
  for (; t; t = t->tp_base)
    if (t == &tuple_type || t == &str_type || t == &bytes_type || t == &int_type) return true;
  return false;
}

}  // namespace

SlotLayout::~SlotLayout() {
  for (Object* n : names) decref(n);
}

bool instances_have_dict(TypeObject* base) {
  return (base->tp_flags & TPFLAGS_MANAGED_DICT) && !(base->tp_flags & TPFLAGS_DICTLESS_PREFIX);
}
bool instances_have_weakrefs(TypeObject* base) { return (base->tp_flags & TPFLAGS_MANAGED_DICT) != 0; }

bool read_slots(ThreadState* ts, Object* ns, Object* class_name, TypeObject* base, SlotLayout& out) {
  Object* key = new_str(ts, "__slots__");
  Object* spec = dict_get_item(ts, ns, key);
  decref(key);
  if (!spec) return !error_occurred(ts);
  out.declared = true;
  Object* items;
  if (is_str(spec)) {
    items = new_tuple(ts, 1);
    tuple_set(items, 0, newref(spec));
  } else {
    items = call_object(ts, reinterpret_cast<Object*>(&tuple_type), &spec, 1, nullptr);
    if (!items) return false;
  }
  bool ok = true;
  std::vector<std::string> seen;
  for (Py_ssize_t i = 0; ok && i < tuple_size(items); ++i) {
    Object* item = tuple_get(items, i);
    if (!is_str(item)) {
      raise(ts, &exc_TypeError, std::string("__slots__ items must be strings, not '") + item->ob_type->tp_name + "'");
      ok = false;
      break;
    }
    std::string_view name = str_view(item);
    if (!is_identifier(name)) {
      raise(ts, &exc_TypeError, "__slots__ must be identifiers");
      ok = false;
    } else if (name == "__dict__") {
      if (out.add_dict || instances_have_dict(base)) {
        raise(ts, &exc_TypeError, "__dict__ slot disallowed: we already got one");
        ok = false;
      }
      out.add_dict = true;
    } else if (name == "__weakref__") {
      if (out.add_weakref || instances_have_weakrefs(base)) {
        raise(ts, &exc_TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        ok = false;
      }
      out.add_weakref = true;
    } else {
      if (dict_get_item(ts, ns, item)) {
        std::string r;
        if (!repr_string(ts, item, r)) clear_error(ts);
        raise(ts, &exc_ValueError, r + " in __slots__ conflicts with class variable");
        ok = false;
        break;
      }
      std::string mangled = mangle(str_view(class_name), name);
      out.names.push_back(new_str(ts, mangled));
    }
  }
  decref(items);
  if (!ok) return false;
  std::sort(out.names.begin(), out.names.end(), [](Object* a, Object* b) { return str_view(a) < str_view(b); });
  if (!out.names.empty() && variable_size(base)) {
    raise(ts, &exc_TypeError, std::string("nonempty __slots__ not supported for subtype of '") + base->tp_name + "'");
    return false;
  }
  return true;
}

bool add_slot_members(ThreadState* ts, TypeObject* type, const SlotLayout& slots) {
  for (Object* name : slots.names) {
    Object* member = new_member_descriptor(ts, type, name, type->tp_basicsize);
    type->tp_basicsize += sizeof(Object*);
    bool ok = dict_set_item(ts, type->tp_dict, name, member);
    decref(member);
    if (!ok) return false;
  }
  return true;
}

}  // namespace terrarium
