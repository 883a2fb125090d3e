// Finding and loading modules (see import.hpp).
#include "vm/import.hpp"

#include <fstream>
#include <sstream>
#include "compiler/codegen.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/eval.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/traceback.hpp"

namespace terrarium {

namespace {

std::nullptr_t module_not_found(ThreadState* ts, const std::string& name) {
  Object* exc = new_exception(ts, &exc_ModuleNotFoundError, "No module named '" + name + "'");
  static_cast<ExceptionObject*>(exc)->name = new_str(ts, name);
  return raise_object(ts, exc);
}

bool set_str_item(ThreadState* ts, Object* dict, const char* key, Object* value) {  // steals value
  Object* k = new_str(ts, key);
  bool ok = dict_set_item(ts, dict, k, value);
  decref(k);
  decref(value);
  return ok;
}

Object* get_str_item(Object* dict, const char* key) {
  Object* k = new_str(nullptr, key);
  Object* v = dict_get_str(dict, k);
  decref(k);
  return v;
}

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Compiles and runs `source` as the body of `module` (already in sys.modules).
bool exec_module_source(ThreadState* ts, Object* module, const std::string& source, const std::string& filename) {
  CompileResult compiled = compile_module(ts, source, filename, true);
  if (!compiled.code) {
    const SyntaxErrorInfo& e = compiled.error;
    if (e.type == "RecursionError" || e.type == "MemoryError") {
      raise(ts, e.type == "MemoryError" ? &exc_MemoryError : &exc_RecursionError, e.message);
      return false;
    }
    Object* exc = new_exception(ts, e.type == "IndentationError" ? &exc_IndentationError : &exc_SyntaxError,
                                e.message + " (" + filename + ", line " + std::to_string(e.lineno) + ")");
    raise_object(ts, exc);
    return false;
  }
  Object* globals = module_dict(module);
  Object* r = eval_code(ts, compiled.code, globals, ts->interp->builtins, globals);
  decref(compiled.code);
  if (!r) return false;
  decref(r);
  return true;
}

// Loads one module whose parent (if any) is already imported. Null without an error
// set when it cannot be found.
Object* load_module(ThreadState* ts, const std::string& name, Object* parent_path) {
  Object* modules = ts->interp->modules;
  std::string tail = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  if (const BuiltinModule* b = find_builtin_module(name)) {
    Object* m = b->init(ts);
    if (!m) return nullptr;
    Object* key = new_str(ts, name);
    bool ok = dict_set_item(ts, modules, key, m);
    decref(key);
    if (!ok) {
      decref(m);
      return nullptr;
    }
    return m;
  }
  std::string source, filename;
  bool is_package = false;
  if (const EmbeddedModule* e = find_embedded_module(name)) {
    source = e->source;
    is_package = e->is_package;
    std::string rel = name;
    for (char& c : rel)
      if (c == '.') c = '/';
    filename = "/terrarium/lib/" + rel + (is_package ? "/__init__.py" : ".py");
  } else {
    // Files: sys.path for top-level modules, the parent's __path__ for submodules.
    Object* search = parent_path;
    if (!search) search = get_str_item(module_dict(ts->interp->sys_module), "path");
    bool found = false;
    if (search && is_list(search)) {
      for (Object* entry : list_items(search)) {
        if (!is_str(entry)) continue;
        std::string dir(str_view(entry));
        std::string base = (dir.empty() ? std::string(".") : dir) + "/" + tail;
        if (read_text(base + "/__init__.py", source)) {
          filename = base + "/__init__.py";
          is_package = true;
          found = true;
          break;
        }
        if (read_text(base + ".py", source)) {
          filename = base + ".py";
          found = true;
          break;
        }
      }
    }
    if (!found) return nullptr;
  }
  Object* m = new_module(ts, name);
  if (!m) return nullptr;
  Object* dict = module_dict(m);
  std::string package = is_package ? name : name.substr(0, name.rfind('.') == std::string::npos ? 0 : name.rfind('.'));
  bool ok = set_str_item(ts, dict, "__file__", new_str(ts, filename)) &&
            set_str_item(ts, dict, "__package__", new_str(ts, package)) &&
            set_str_item(ts, dict, "__builtins__", newref(ts->interp->builtins));
  if (ok && is_package) {
    Object* path = new_list(ts);
    Object* dir = new_str(ts, filename.substr(0, filename.rfind('/')));
    ok = list_append(ts, path, dir);
    decref(dir);
    ok = ok && set_str_item(ts, dict, "__path__", path);
  }
  Object* key = new_str(ts, name);
  ok = ok && dict_set_item(ts, modules, key, m);
  if (ok && !exec_module_source(ts, m, source, filename)) {
    // A module that failed to run is removed again, as CPython does.
    Object* saved = fetch_error(ts);
    if (dict_del_item(ts, modules, key) < 0) clear_error(ts);
    ts->curexc = saved;
    ok = false;
  }
  decref(key);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  // The module may have replaced itself in sys.modules.
  key = new_str(ts, name);
  Object* final_module = dict_get_str(modules, key);
  decref(key);
  Object* result = final_module ? newref(final_module) : m;
  if (final_module) decref(m);
  return result;
}

std::string resolve_relative(ThreadState* ts, Frame* frame, const std::string& name, std::int64_t level, bool& ok) {
  ok = false;
  Object* globals = frame->globals;
  Object* package = get_str_item(globals, "__package__");
  std::string base;
  if (package && is_str(package)) {
    base = std::string(str_view(package));
  } else {
    Object* modname = get_str_item(globals, "__name__");
    if (modname && is_str(modname)) {
      base = std::string(str_view(modname));
      if (!get_str_item(globals, "__path__")) base = base.substr(0, base.rfind('.') == std::string::npos ? 0 : base.rfind('.'));
    }
  }
  if (base.empty()) {
    raise(ts, &exc_ImportError, "attempted relative import with no known parent package");
    return "";
  }
  for (std::int64_t i = 1; i < level; ++i) {
    std::size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(ts, &exc_ImportError, "attempted relative import beyond top-level package");
      return "";
    }
    base = base.substr(0, dot);
  }
  ok = true;
  return name.empty() ? base : base + "." + name;
}

}  // namespace

Object* import_module(ThreadState* ts, const std::string& name) {
  Object* modules = ts->interp->modules;
  Object* parent = nullptr;
  Object* module = nullptr;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = name.find('.', start);
    std::string prefix = name.substr(0, dot);
    Object* key = new_str(ts, prefix);
    Object* existing = dict_get_str(modules, key);
    decref(key);
    Object* next;
    if (existing && existing != py_none()) {
      next = newref(existing);
    } else {
      Object* parent_path = parent ? get_str_item(module_dict(parent), "__path__") : nullptr;
      if (parent && !parent_path) {
        xdecref(parent);
        Object* exc = new_exception(ts, &exc_ModuleNotFoundError,
                                    "No module named '" + prefix + "'; '" + name.substr(0, start - 1) + "' is not a package");
        static_cast<ExceptionObject*>(exc)->name = new_str(ts, prefix);
        return raise_object(ts, exc);
      }
      next = load_module(ts, prefix, parent_path);
      if (!next) {
        xdecref(parent);
        if (ts->curexc) return nullptr;
        return module_not_found(ts, prefix);
      }
      if (parent) {
        Object* attr = new_str(ts, prefix.substr(start));
        if (set_attr(ts, parent, attr, next) < 0) clear_error(ts);
        decref(attr);
      }
    }
    xdecref(parent);
    parent = next;
    module = next;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return module;
}

Object* import_name(ThreadState* ts, Frame* frame, Object* name_obj, Object* fromlist, Object* level_obj) {
  std::string name(str_view(name_obj));
  std::int64_t level = is_int(level_obj) ? int_value(level_obj) : 0;
  std::string absolute = name;
  if (level > 0) {
    bool ok;
    absolute = resolve_relative(ts, frame, name, level, ok);
    if (!ok) return nullptr;
  } else if (name.empty()) {
    return raise(ts, &exc_ValueError, "Empty module name");
  }
  Object* leaf = import_module(ts, absolute);
  if (!leaf) return nullptr;
  bool has_fromlist = fromlist && fromlist != py_none() && (!is_tuple(fromlist) || tuple_size(fromlist) > 0);
  if (has_fromlist || level > 0 || absolute.find('.') == std::string::npos) return leaf;
  // `import a.b.c` binds the top-level package `a`.
  decref(leaf);
  return import_module(ts, absolute.substr(0, absolute.find('.')));
}

Object* import_from(ThreadState* ts, Object* module, Object* name) {
  std::string attr(str_view(name));
  Object* v = get_attr_str_or_null(ts, module, attr.c_str());
  if (v || ts->curexc) return v;
  // A submodule not imported yet: `from package import submodule`.
  Object* modname = is_module(module) ? get_str_item(module_dict(module), "__name__") : nullptr;
  if (modname && is_str(modname)) {
    std::string full = std::string(str_view(modname)) + "." + attr;
    Object* sub = import_module(ts, full);
    if (sub) return sub;
    if (ts->curexc && !is_instance(ts->curexc, &exc_ModuleNotFoundError)) return nullptr;
    clear_error(ts);
  }
  std::string from = modname && is_str(modname) ? std::string(str_view(modname)) : "<unknown module name>";
  Object* file = is_module(module) ? get_str_item(module_dict(module), "__file__") : nullptr;
  std::string where = file && is_str(file) ? " (" + std::string(str_view(file)) + ")" : " (unknown location)";
  Object* exc = new_exception(ts, &exc_ImportError, "cannot import name '" + attr + "' from '" + from + "'" + where);
  static_cast<ExceptionObject*>(exc)->name = new_str(ts, from);
  return raise_object(ts, exc);
}

bool import_star(ThreadState* ts, Object* module, Object* locals) {
  Object* dict = is_module(module) ? module_dict(module) : nullptr;
  if (!dict) {
    raise(ts, &exc_TypeError, "import * expects a module");
    return false;
  }
  Object* all = get_str_item(dict, "__all__");
  if (all) {
    return for_each_item(ts, all, [&](Object* n) {
      Object* v = get_attr(ts, module, n);
      if (!v) return false;
      bool ok = dict_set_item(ts, locals, n, v);
      decref(v);
      return ok;
    });
  }
  std::vector<std::pair<Object*, Object*>> items;
  for (const DictEntry& e : *static_cast<DictObject*>(dict)->entries)
    if (e.key && is_str(e.key) && !str_view(e.key).empty() && str_view(e.key)[0] != '_') items.emplace_back(e.key, e.value);
  for (auto& [k, v] : items)
    if (!dict_set_item(ts, locals, k, v)) return false;
  return true;
}

}  // namespace terrarium
