// The import system: sys.modules, then built-in C++ modules, then library modules
// embedded from core/pylib, then .py files on sys.path (natively). Relative imports
// resolve against the importing module's __package__. CPython: Python/import.c,
// Lib/importlib/_bootstrap.py (_gcd_import, _handle_fromlist).
#pragma once
#include <string>
#include "vm/frame.hpp"

namespace terrarium {

// IMPORT_NAME: the top-level package for `import a.b`, the leaf module with a fromlist.
[[nodiscard]] Object* import_name(ThreadState* ts, Frame* frame, Object* name, Object* fromlist, Object* level);
// IMPORT_FROM: module.name, importing the submodule `module.name` when it is missing.
[[nodiscard]] Object* import_from(ThreadState* ts, Object* module, Object* name);
// IMPORT_STAR: copies the public names into `locals`.
[[nodiscard]] bool import_star(ThreadState* ts, Object* module, Object* locals);
// Imports `name` (absolute, dotted) and returns the module itself.
[[nodiscard]] Object* import_module(ThreadState* ts, const std::string& name);

}  // namespace terrarium
