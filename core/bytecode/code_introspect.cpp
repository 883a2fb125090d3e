// What the dis module reads from a code object: the raw bytecode (co_code), the packed
// tables (co_linetable, co_exceptiontable), the iterators over them (co_lines(),
// co_positions()) and _varname_from_oparg(). The core keeps these unpacked; here they
// are packed on request. CPython: Objects/codeobject.c (code_getcode, lineiter, positionsiter).
#include "bytecode/code_introspect.hpp"

#include <string>
#include "bytecode/code_tables.hpp"
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

Object* int_or_none(ThreadState* ts, int v) { return v < 0 ? newref(py_none()) : new_int(ts, v); }

// An iterator over `items` (stolen), the way co_lines()/co_positions() hand them out.
Object* iterate(ThreadState* ts, std::vector<Object*>& items) {
  Object* list = new_list_steal(ts, items.data(), static_cast<int>(items.size()));
  if (!list) return nullptr;
  Object* it = get_iter(ts, list);
  decref(list);
  return it;
}

}  // namespace

Object* code_get_code(ThreadState* ts, Object* o) {
  const auto& units = as_code(o)->co_code;
  std::string raw;
  raw.reserve(2 * units.size());
  for (const CodeUnit& u : units) {
    raw += static_cast<char>(u.opcode);
    raw += static_cast<char>(u.arg);
  }
  return new_bytes(ts, raw);
}

Object* code_get_linetable(ThreadState* ts, Object* o) {
  CodeObject* code = as_code(o);
  return new_bytes(ts, encode_linetable(location_entries(code), code->co_firstlineno));
}

Object* code_get_exceptiontable(ThreadState* ts, Object* o) {
  return new_bytes(ts, encode_exception_table(as_code(o)->co_exceptiontable));
}

// co_lines(): (start, end, line) byte ranges, one per location entry, line None where
// the entry has no location. Empty ranges are skipped as CPython's lineiter does.
Object* code_co_lines(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "code.co_lines", nargs, kwnames)) return nullptr;
  std::vector<Object*> ranges;
  int offset = 0;
  for (const LocationEntry& e : location_entries(as_code(self))) {
    Object* t = new_tuple(ts, 3);
    tuple_set(t, 0, new_int(ts, offset));
    offset += 2 * e.units;
    tuple_set(t, 1, new_int(ts, offset));
    tuple_set(t, 2, int_or_none(ts, e.loc.lineno));
    ranges.push_back(t);
  }
  return iterate(ts, ranges);
}

// co_positions(): one (lineno, end_lineno, col_offset, end_col_offset) per code unit,
// read back from the packed table so that they agree with co_linetable exactly.
Object* code_co_positions(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "code.co_positions", nargs, kwnames)) return nullptr;
  CodeObject* code = as_code(self);
  std::string table = encode_linetable(location_entries(code), code->co_firstlineno);
  std::vector<LocationEntry> entries = decode_linetable(table, code->co_firstlineno).value_or(
      std::vector<LocationEntry>{});
  std::vector<Object*> positions;
  for (const LocationEntry& e : entries) {
    for (int i = 0; i < e.units; ++i) {
      Object* t = new_tuple(ts, 4);
      tuple_set(t, 0, int_or_none(ts, e.loc.lineno));
      tuple_set(t, 1, int_or_none(ts, e.loc.lineno < 0 ? -1 : e.loc.end_lineno));
      tuple_set(t, 2, int_or_none(ts, e.loc.lineno < 0 ? -1 : e.loc.col_offset));
      tuple_set(t, 3, int_or_none(ts, e.loc.lineno < 0 ? -1 : e.loc.end_col_offset));
      positions.push_back(t);
    }
  }
  return iterate(ts, positions);
}

// _varname_from_oparg(i): the name of fast-locals slot i (locals, then cells, then frees).
Object* code_varname_from_oparg(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs,
                                Object* kwnames) {
  if (!one_arg(ts, "code._varname_from_oparg", nargs, kwnames)) return nullptr;
  std::int64_t i;
  if (!c_int_arg(ts, args[0], i)) return nullptr;
  const auto& names = as_code(self)->co_localsplusnames;
  if (i < 0 || i >= static_cast<std::int64_t>(names.size())) return raise(ts, &exc_IndexError, "tuple index out of range");
  return newref(names[static_cast<std::size_t>(i)]);
}

}  // namespace terrarium
