// The table of built-in C++ modules.
#include "modules/module_registry.hpp"

#include <cstring>

namespace terrarium {

namespace {
const BuiltinModule kBuiltinModules[] = {
    {"_ast", init_ast_module},
    {"_asyncio_loop", init_asyncio_loop_module},
    {"_interpreters", init_interpreters_module},
    {"_thread", init_thread_module},
    {"_weakref", init_weakref_module},
    {"gc", init_gc_module},
    {"_opcode", init_opcode_module},
    {"math", init_math_module},
    {"sys", init_sys_module},
    {"time", init_time_module},
};
}  // namespace

const BuiltinModule* find_builtin_module(std::string_view name) {
  for (const BuiltinModule& m : kBuiltinModules)
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace terrarium
