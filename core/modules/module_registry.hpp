// The modules the interpreter provides without a file: built-in modules written in C++
// (one init function each) and library modules written in Python under core/pylib/,
// embedded in the binary at build time by scripts/embed_pylib.py.
#pragma once
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

using ModuleInit = Object* (*)(ThreadState*);  // a new module, or null with an error set

struct BuiltinModule {
  const char* name;
  ModuleInit init;
};
// Null when `name` is not a built-in module.
const BuiltinModule* find_builtin_module(std::string_view name);

struct EmbeddedModule {
  const char* name;    // dotted name
  const char* source;  // Python source text
  bool is_package;     // from a package's __init__.py
};
// Null when `name` is not an embedded library module.
const EmbeddedModule* find_embedded_module(std::string_view name);

// Built-in module initialisers (modules/*_module.cpp).
Object* init_sys_module(ThreadState* ts);
Object* init_time_module(ThreadState* ts);
Object* init_math_module(ThreadState* ts);
Object* init_ast_module(ThreadState* ts);
Object* init_gc_module(ThreadState* ts);
Object* init_weakref_module(ThreadState* ts);
Object* init_opcode_module(ThreadState* ts);
Object* init_asyncio_loop_module(ThreadState* ts);
Object* init_interpreters_module(ThreadState* ts);
Object* init_thread_module(ThreadState* ts);

}  // namespace terrarium
