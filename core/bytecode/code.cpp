// The code object's type: allocation, teardown and CPython's repr.
#include <cstdio>
#include "bytecode/code.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

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

}  // namespace

TypeObject code_type = [] {
  TypeObject t = make_static_type("code", sizeof(CodeObject), &object_type);
  t.tp_dealloc = code_dealloc;
  t.tp_repr = code_repr;
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
