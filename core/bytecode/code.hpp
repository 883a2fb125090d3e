// The code object: CPython 3.11's compiled unit (bytecode with inline caches, constants,
// names, source positions per code unit) plus the source text for tracebacks.
// CPython: Include/cpython/code.h PyCodeObject.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

// A source range as CPython's co_positions() gives it; lineno -1 means "no location".
struct Location {
  int lineno = -1;
  int end_lineno = -1;
  int col_offset = -1;      // UTF-8 byte offsets, as CPython stores them
  int end_col_offset = -1;
};

// One 16-bit code unit, laid out as CPython's _Py_CODEUNIT: opcode byte then argument byte.
struct CodeUnit {
  std::uint8_t opcode;
  std::uint8_t arg;
};

// CPython: Include/cpython/code.h CO_* flags.
enum CodeFlags : int {
  CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
  CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
};

struct CodeObject : Object {
  std::vector<CodeUnit> co_code;
  std::vector<Location> co_positions;  // one per code unit (caches repeat their instruction's)
  std::vector<Object*> co_consts;      // strong references
  std::vector<Object*> co_names;       // str, strong references
  std::vector<Object*> co_varnames;
  std::string co_name;
  std::string co_qualname;
  std::string co_filename;
  int co_firstlineno = 1;
  int co_flags = 0;
  int co_stacksize = 0;
  int co_argcount = 0;
  int co_posonlyargcount = 0;
  int co_kwonlyargcount = 0;
  // The program text, for traceback source lines (CPython re-reads the file through
  // linecache; we keep it, which also works in the browser). Null for `-c` code.
  std::shared_ptr<const std::string> source;
};

extern TypeObject code_type;

[[nodiscard]] CodeObject* new_code(ThreadState* ts);
// Line `lineno` (1-based) of the source without its newline; false if unavailable.
bool source_line(const CodeObject* code, int lineno, std::string& out);

}  // namespace terrarium
