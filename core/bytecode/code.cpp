// The code object's type: allocation, teardown and CPython's repr.
#include <cstdio>
#include "bytecode/code.hpp"
#include "bytecode/code_introspect.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/int.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

void code_dealloc(Object* o) {
  auto* code = static_cast<CodeObject*>(o);
  for (Object* c : code->co_consts) decref(c);
  for (Object* n : code->co_names) decref(n);
  for (Object* n : code->co_varnames) decref(n);
  for (Object* n : code->co_cellvars) decref(n);
  for (Object* n : code->co_freevars) decref(n);
  for (Object* n : code->co_localsplusnames) decref(n);
  delete code;
}

Object* code_repr(ThreadState* ts, Object* o) {
  auto* code = static_cast<CodeObject*>(o);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(ts, "<code object " + code->co_name + " at " + addr + ", file \"" + code->co_filename +
                         "\", line " + std::to_string(code->co_firstlineno) + ">");
}

CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

Object* tuple_of(ThreadState* ts, const std::vector<Object*>& items) {
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(items.size()));
  for (std::size_t i = 0; i < items.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(items[i]));
  return t;
}

Object* get_consts(ThreadState* ts, Object* o) { return tuple_of(ts, as_code(o)->co_consts); }
Object* get_names(ThreadState* ts, Object* o) { return tuple_of(ts, as_code(o)->co_names); }
Object* get_varnames(ThreadState* ts, Object* o) { return tuple_of(ts, as_code(o)->co_varnames); }
Object* get_cellvars(ThreadState* ts, Object* o) { return tuple_of(ts, as_code(o)->co_cellvars); }
Object* get_freevars(ThreadState* ts, Object* o) { return tuple_of(ts, as_code(o)->co_freevars); }
Object* get_name(ThreadState* ts, Object* o) { return new_str(ts, as_code(o)->co_name); }
Object* get_qualname(ThreadState* ts, Object* o) { return new_str(ts, as_code(o)->co_qualname); }
Object* get_filename(ThreadState* ts, Object* o) { return new_str(ts, as_code(o)->co_filename); }
Object* get_flags(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_flags); }
Object* get_argcount(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_argcount); }
Object* get_posonlyargcount(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_posonlyargcount); }
Object* get_kwonlyargcount(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_kwonlyargcount); }
Object* get_nlocals(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_nlocals); }
Object* get_stacksize(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_stacksize); }
Object* get_firstlineno(ThreadState* ts, Object* o) { return new_int(ts, as_code(o)->co_firstlineno); }

const GetSetDef kCodeGetSet[] = {
    {"co_consts", get_consts, nullptr},       {"co_names", get_names, nullptr},
    {"co_varnames", get_varnames, nullptr},   {"co_cellvars", get_cellvars, nullptr},
    {"co_freevars", get_freevars, nullptr},   {"co_name", get_name, nullptr},
    {"co_qualname", get_qualname, nullptr},   {"co_filename", get_filename, nullptr},
    {"co_flags", get_flags, nullptr},         {"co_argcount", get_argcount, nullptr},
    {"co_posonlyargcount", get_posonlyargcount, nullptr}, {"co_kwonlyargcount", get_kwonlyargcount, nullptr},
    {"co_nlocals", get_nlocals, nullptr},     {"co_stacksize", get_stacksize, nullptr},
    {"co_firstlineno", get_firstlineno, nullptr},
    {"co_code", code_get_code, nullptr},      {"_co_code_adaptive", code_get_code, nullptr},
    {"co_linetable", code_get_linetable, nullptr}, {"co_exceptiontable", code_get_exceptiontable, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kCodeMethods[] = {
    {"co_lines", code_co_lines, METH_INSTANCE},
    {"co_positions", code_co_positions, METH_INSTANCE},
    {"_varname_from_oparg", code_varname_from_oparg, METH_INSTANCE},
    {"replace", code_replace, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject code_type = [] {
  TypeObject t = make_static_type("code", sizeof(CodeObject), &object_type);
  t.tp_dealloc = code_dealloc;
  t.tp_repr = code_repr;
  t.tp_getset = kCodeGetSet;
  t.tp_methods = kCodeMethods;
  return t;
}();

CodeObject* new_code(ThreadState*) {
  auto* code = new CodeObject();
  code->ob_refcnt = 1;
  code->ob_type = &code_type;
  return code;
}

bool source_line(const CodeObject* code, int lineno, std::string& out) {
  if (!code->source || lineno < 1) return false;
  const std::string& src = *code->source;
  std::size_t pos = 0;
  for (int line = 1; line < lineno; ++line) {
    pos = src.find('\n', pos);
    if (pos == std::string::npos) return false;
    ++pos;
  }
  if (pos > src.size()) return false;
  std::size_t end = src.find('\n', pos);
  out = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

}  // namespace terrarium
