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

// Kinds of fast-locals slots (CPython 3.11: co_localspluskinds).
enum LocalKind : std::uint8_t { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };

// One row of the 3.11 exception table: instructions [start, end) (code-unit indices) are
// covered by the handler at `target`; unwinding pops the stack to `depth` and, with
// `lasti`, pushes the offset of the raising instruction.
struct ExceptionTableEntry {
  int start;
  int end;
  int target;
  int depth;
  bool lasti;
};

struct CodeObject : Object {
  std::vector<CodeUnit> co_code;
  std::vector<Location> co_positions;  // one per code unit (caches repeat their instruction's)
  std::vector<Object*> co_consts;      // strong references
  std::vector<Object*> co_names;       // str, strong references
  std::vector<Object*> co_varnames;
  std::vector<Object*> co_cellvars;
  std::vector<Object*> co_freevars;
  // The fast-locals layout: one name and kind per slot (locals, then cells, then frees).
  std::vector<Object*> co_localsplusnames;
  std::vector<std::uint8_t> co_localspluskinds;
  std::vector<ExceptionTableEntry> co_exceptiontable;
  // LOAD_GLOBAL's memory, one entry per name: the value found when the globals and
  // builtins dicts had these versions (CPython 3.11 keeps the same in the instruction's
  // inline cache). Filled lazily by the eval loop.
  struct GlobalCacheEntry {
    const Object* globals = nullptr;
    std::uint64_t globals_version = 0;
    const Object* builtins = nullptr;
    std::uint64_t builtins_version = 0;
    Object* value = nullptr;  // borrowed from one of the two dicts
  };
  mutable std::vector<GlobalCacheEntry> global_cache;
  std::string co_name;
  std::string co_qualname;
  std::string co_filename;
  int co_firstlineno = 1;
  int co_flags = 0;
  int co_stacksize = 0;
  int co_argcount = 0;
  int co_posonlyargcount = 0;
  int co_kwonlyargcount = 0;
  int co_nlocals = 0;
  bool has_docstring = false;
  int nlocalsplus() const { return static_cast<int>(co_localsplusnames.size()); }
  // The program text, for traceback source lines (CPython re-reads the file through
  // linecache; we keep it, which also works in the browser). Null for `-c` code.
  std::shared_ptr<const std::string> source;
};

extern TypeObject code_type;

[[nodiscard]] CodeObject* new_code(ThreadState* ts);
// Line `lineno` (1-based) of the source without its newline; false if unavailable.
bool source_line(const CodeObject* code, int lineno, std::string& out);

}  // namespace terrarium
