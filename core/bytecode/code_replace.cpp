// code.replace(**changes): a copy of a code object with some fields swapped, with
// CPython's keyword checks. Packed tables (co_code, co_linetable, co_exceptiontable) are
// unpacked into the CodeObject's own form. CPython: Objects/codeobject.c code_replace_impl().
#include <string>
#include "bytecode/code_introspect.hpp"
#include "bytecode/code_tables.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

const char* const kFields[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
    "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
};
enum Field { kArgcount, kPosonly, kKwonly, kNlocals, kStacksize, kFlags, kFirstlineno, kCode, kConsts, kNames,
             kVarnames, kFreevars, kCellvars, kFilename, kName, kQualname, kLinetable, kExceptiontable, kCount };

bool wrong_type(ThreadState* ts, const char* field, const char* expected, Object* got) {
  raise(ts, &exc_TypeError, std::string("replace() argument '") + field + "' must be " + expected + ", not " +
                                clinic_type_name(got));
  return false;
}

// A strong copy of `from`, with fresh references to every object it holds.
CodeObject* copy_code(ThreadState* ts, const CodeObject* from) {
  CodeObject* c = new_code(ts);
  Object header = *c;  // the copy's own refcount and type, not the original's
  *c = *from;
  static_cast<Object&>(*c) = header;
  for (auto* list : {&c->co_consts, &c->co_names, &c->co_varnames, &c->co_cellvars, &c->co_freevars,
                     &c->co_localsplusnames})
    for (Object* o : *list) incref(o);
  return c;
}

void replace_objects(std::vector<Object*>& field, Object* tuple) {
  for (Object* o : field) decref(o);
  field.clear();
  for (Py_ssize_t i = 0; i < tuple_size(tuple); ++i) field.push_back(newref(tuple_get(tuple, i)));
}

// New names for the variables of one kind; the fast-locals slots follow the renaming.
// Changing how many there are would change the frame layout, which we do not rebuild.
bool rename_variables(ThreadState* ts, CodeObject* c, std::vector<Object*>& field, Object* tuple, const char* what) {
  if (static_cast<std::size_t>(tuple_size(tuple)) != field.size()) {
    raise(ts, &exc_ValueError, std::string("code: changing the number of ") + what + " is not supported");
    return false;
  }
  for (std::size_t i = 0; i < field.size(); ++i) {
    Object* renamed = tuple_get(tuple, static_cast<Py_ssize_t>(i));
    for (Object*& slot : c->co_localsplusnames) {
      if (slot != field[i] && str_view(slot) != str_view(field[i])) continue;
      decref(slot);
      slot = newref(renamed);
    }
  }
  replace_objects(field, tuple);
  return true;
}

bool apply_tuple(ThreadState* ts, CodeObject* c, int field, Object* v) {
  if (!is_tuple(v)) return wrong_type(ts, kFields[field], "tuple", v);
  if (field != kConsts) {
    for (Py_ssize_t i = 0; i < tuple_size(v); ++i) {
      if (is_str(tuple_get(v, i))) continue;
      raise(ts, &exc_SystemError, "non-string found in code slot");
      return false;
    }
  }
  switch (field) {
    case kConsts: replace_objects(c->co_consts, v); return true;
    case kNames: replace_objects(c->co_names, v); return true;
    case kVarnames: {
      int params = c->co_argcount + c->co_kwonlyargcount + ((c->co_flags & CO_VARARGS) != 0) +
                   ((c->co_flags & CO_VARKEYWORDS) != 0);
      if (tuple_size(v) < params) {
        raise(ts, &exc_ValueError, "code: co_varnames is too small");
        return false;
      }
      if (tuple_size(v) != c->co_nlocals) {
        raise(ts, &exc_ValueError, "code: co_nlocals != len(co_varnames)");
        return false;
      }
      return rename_variables(ts, c, c->co_varnames, v, "co_varnames");
    }
    case kFreevars: return rename_variables(ts, c, c->co_freevars, v, "co_freevars");
    default: return rename_variables(ts, c, c->co_cellvars, v, "co_cellvars");
  }
}

bool apply_bytes(ThreadState* ts, CodeObject* c, int field, Object* v) {
  if (!is_bytes(v)) return wrong_type(ts, kFields[field], "bytes", v);
  std::string_view raw = bytes_view(v);
  if (field == kCode) {
    if (raw.size() % 2 != 0) {
      raise(ts, &exc_ValueError, "code: co_code is malformed");
      return false;
    }
    c->co_code.clear();
    for (std::size_t i = 0; i < raw.size(); i += 2)
      c->co_code.push_back(CodeUnit{static_cast<std::uint8_t>(raw[i]), static_cast<std::uint8_t>(raw[i + 1])});
    c->co_positions.resize(c->co_code.size());
    return true;
  }
  if (field == kExceptiontable) {
    auto entries = decode_exception_table(raw);
    if (!entries) {
      raise(ts, &exc_ValueError, "code: co_exceptiontable is malformed");
      return false;
    }
    c->co_exceptiontable = std::move(*entries);
    return true;
  }
  auto entries = decode_linetable(raw, c->co_firstlineno);
  if (!entries) {
    raise(ts, &exc_ValueError, "code: co_linetable is malformed");
    return false;
  }
  c->co_positions.clear();
  for (const LocationEntry& e : *entries) c->co_positions.insert(c->co_positions.end(), e.units, e.loc);
  c->co_positions.resize(c->co_code.size());  // units the table does not reach have no location
  return true;
}

bool apply(ThreadState* ts, CodeObject* c, int field, Object* v) {
  if (field <= kFirstlineno) {
    std::int64_t n;
    if (!c_int_arg(ts, v, n)) return false;
    int* targets[] = {&c->co_argcount, &c->co_posonlyargcount, &c->co_kwonlyargcount, &c->co_nlocals,
                      &c->co_stacksize, &c->co_flags, &c->co_firstlineno};
    *targets[field] = static_cast<int>(n);
    return true;
  }
  if (field >= kFilename && field <= kQualname) {
    if (!is_str(v)) return wrong_type(ts, kFields[field], "str", v);
    std::string* targets[] = {&c->co_filename, &c->co_name, &c->co_qualname};
    *targets[field - kFilename] = std::string(str_view(v));
    return true;
  }
  if (field == kCode || field == kLinetable || field == kExceptiontable) return apply_bytes(ts, c, field, v);
  return apply_tuple(ts, c, field, v);
}

}  // namespace

Object* code_replace(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const KwSpec kSpec{"replace", kFields, kCount, 0, 0, 0};
  Object* given[kCount];
  if (!unpack_keywords(ts, kSpec, args, nargs, kwnames, given)) return nullptr;
  CodeObject* c = copy_code(ts, static_cast<CodeObject*>(self));
  // co_firstlineno first: a new co_linetable is read relative to it, and the old one,
  // being relative too, moves every line with it.
  if (given[kFirstlineno]) {
    int old_first = c->co_firstlineno;
    if (!apply(ts, c, kFirstlineno, given[kFirstlineno])) {
      decref(c);
      return nullptr;
    }
    int shift = c->co_firstlineno - old_first;
    for (Location& l : c->co_positions) {
      if (l.lineno >= 0) l.lineno += shift;
      if (l.end_lineno >= 0) l.end_lineno += shift;
    }
  }
  for (int field = 0; field < kCount; ++field) {
    if (!given[field] || field == kFirstlineno) continue;
    if (!apply(ts, c, field, given[field])) {
      decref(c);
      return nullptr;
    }
  }
  return c;
}

}  // namespace terrarium
