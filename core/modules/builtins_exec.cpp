// compile(), exec(), eval(), globals() and locals(): running code built at run time in
// chosen namespaces. CPython: Python/bltinmodule.c builtin_compile_impl, builtin_exec_impl.
#include <string>
#include "bytecode/code.hpp"
#include "compiler/codegen.hpp"
#include "modules/ast_module.hpp"
#include "modules/builtins_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/eval.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// A SyntaxError instance with CPython's attributes (msg, filename, lineno, offset, text,
// end_lineno, end_offset) as args, so str() reads "msg (file, line N)".
std::nullptr_t raise_compile_error(ThreadState* ts, const SyntaxErrorInfo& e, const std::string& filename,
                                   std::string_view source) {
  if (e.type == "RecursionError") return raise(ts, &exc_RecursionError, e.message);
  if (e.type == "MemoryError") return raise(ts, &exc_MemoryError, e.message);
  std::string line;
  std::size_t p = 0;
  for (int l = 1; l < e.lineno && p != std::string_view::npos; ++l) {
    p = source.find('\n', p);
    if (p != std::string_view::npos) ++p;
  }
  if (p != std::string_view::npos && p <= source.size()) {
    std::size_t end = source.find('\n', p);
    line = std::string(source.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p + 1));
  }
  Object* details = new_tuple(ts, 6);
  tuple_set(details, 0, new_str(ts, filename));
  tuple_set(details, 1, new_int(ts, e.lineno));
  tuple_set(details, 2, new_int(ts, e.offset));
  tuple_set(details, 3, new_str(ts, line));
  tuple_set(details, 4, new_int(ts, e.end_lineno));
  tuple_set(details, 5, new_int(ts, e.end_offset));
  Object* msg = new_str(ts, e.message);
  Object* args[2] = {msg, details};
  Object* exc = call_object(ts, e.type == "IndentationError" ? &exc_IndentationError : &exc_SyntaxError, args, 2, nullptr);
  decref(msg);
  decref(details);
  if (!exc) return nullptr;
  return raise_object(ts, exc);
}

bool text_of(ThreadState* ts, Object* source, const char* fn, std::string& out) {
  if (is_str(source)) {
    out = std::string(str_view(source));
    return true;
  }
  raise(ts, &exc_TypeError, std::string(fn) + "() arg 1 must be a string, bytes or code object");
  return false;
}

Object* builtin_compile(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
  Object* a[7] = {};
  if (!unpack_keywords(ts, KwSpec{"compile", kNames, 7, 0, 6, 3}, args, nargs, kwnames, a)) return nullptr;
  if (!is_str(a[1]) || !is_str(a[2])) return raise(ts, &exc_TypeError, "compile() arguments 2 and 3 must be str");
  std::int64_t flags = 0;
  if (a[3] && !c_int_arg(ts, a[3], flags)) return nullptr;
  std::string filename(str_view(a[1]));
  std::string_view mode = str_view(a[2]);
  if (mode != "exec" && mode != "eval" && mode != "single") {
    if (flags & kPyCF_ONLY_AST)
      return raise(ts, &exc_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
    return raise(ts, &exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  int is_tree = is_ast_object(ts, a[0]);
  if (is_tree < 0) return nullptr;
  if (is_tree) {  // compile(ast_tree, ...): the tree itself, or code from it
    if (flags & kPyCF_ONLY_AST) return newref(a[0]);
    if (mode == "single") return raise(ts, &exc_NotImplementedError, "compile(mode='single') is not supported yet");
    CompileResult r = compile_ast_object(ts, a[0], filename, mode);
    if (!r.code && !has_error(ts)) return raise_compile_error(ts, r.error, filename, "");
    return r.code;
  }
  std::string source;
  if (!text_of(ts, a[0], "compile", source)) return nullptr;
  if (flags & kPyCF_ONLY_AST) {
    SyntaxErrorInfo error;
    Object* tree = parse_to_ast_object(ts, source, mode, error);
    if (!tree && !has_error(ts)) return raise_compile_error(ts, error, filename, source);
    return tree;
  }
  CompileResult r;
  if (mode == "exec") r = compile_module(ts, source, filename, false);
  else if (mode == "eval") r = compile_expression(ts, source, filename);
  else return raise(ts, &exc_NotImplementedError, "compile(mode='single') is not supported yet");
  if (!r.code) return raise_compile_error(ts, r.error, filename, source);
  return r.code;
}

// The namespaces exec()/eval() run in: the caller's unless given; __builtins__ is added
// to globals that lack it, and decides the builtins the code sees.
bool namespaces(ThreadState* ts, Object* const* args, std::size_t nargs, const char* fn, Object*& globals,
                Object*& locals, Object*& builtins) {
  globals = nargs > 1 && args[1] != py_none() ? args[1] : nullptr;
  locals = nargs > 2 && args[2] != py_none() ? args[2] : nullptr;
  if (globals && !is_instance(globals, &dict_type)) {
    raise(ts, &exc_TypeError, std::string(fn) + "() globals must be a dict, not " + globals->ob_type->tp_name);
    return false;
  }
  Frame* caller = ts->frame;
  if (!globals) {
    if (!caller) {
      raise(ts, &exc_SystemError, std::string(fn) + "(): no current frame");
      return false;
    }
    globals = caller->globals;
    if (!locals) locals = caller->locals ? caller->locals : globals;
  }
  if (!locals) locals = globals;
  Object* key = new_str(ts, "__builtins__");
  Object* b = dict_get_str(globals, key);
  if (!b) {
    bool ok = dict_set_item(ts, globals, key, ts->interp->builtins);
    b = ts->interp->builtins;
    if (!ok) {
      decref(key);
      return false;
    }
  }
  decref(key);
  builtins = is_module(b) ? module_dict(b) : b;
  if (!is_instance(builtins, &dict_type)) builtins = ts->interp->builtins;
  return true;
}

Object* run_code(ThreadState* ts, Object* const* args, std::size_t nargs, Object* kwnames, bool is_eval) {
  const char* fn = is_eval ? "eval" : "exec";
  if (nargs < 1 || nargs > 3) return raise(ts, &exc_TypeError, std::string(fn) + " expected at least 1 argument, got 0");
  Object *globals, *locals, *builtins;
  if (!namespaces(ts, args, nargs, fn, globals, locals, builtins)) return nullptr;
  CodeObject* code;
  if (args[0]->ob_type == &code_type) {
    code = static_cast<CodeObject*>(newref(args[0]));
  } else {
    std::string source;
    if (!text_of(ts, args[0], fn, source)) return nullptr;
    std::string filename = "<string>";
    CompileResult r = is_eval ? compile_expression(ts, source, filename) : compile_module(ts, source, filename, false);
    if (!r.code) return raise_compile_error(ts, r.error, filename, source);
    code = r.code;
  }
  Object* result = eval_code(ts, code, globals, builtins, locals);
  decref(code);
  if (!result || is_eval) return result;
  decref(result);
  return newref(py_none());
}

Object* builtin_exec(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return run_code(ts, args, nargs, kwnames, false);
}
Object* builtin_eval(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return run_code(ts, args, nargs, kwnames, true);
}

Object* builtin_globals(ThreadState* ts, Object*, Object* const*, std::size_t, Object*) {
  if (!ts->frame) return raise(ts, &exc_SystemError, "globals(): no current frame");
  return newref(ts->frame->globals);
}

// locals(): the namespace dict of a module/class body, or a snapshot of a function's
// fast locals and cells.
Object* builtin_locals(ThreadState* ts, Object*, Object* const*, std::size_t, Object*) {
  Frame* f = ts->frame;
  if (!f) return raise(ts, &exc_SystemError, "locals(): no current frame");
  if (f->locals) return newref(f->locals);
  Object* d = new_dict(ts);
  CodeObject* code = f->code;
  for (int i = 0; i < code->nlocalsplus(); ++i) {
    Object* v = f->localsplus[i];
    std::uint8_t kind = code->co_localspluskinds[static_cast<std::size_t>(i)];
    if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && v->ob_type == &cell_type) v = static_cast<CellObject*>(v)->contents;
    if (!v) continue;
    if ((kind & CO_FAST_FREE) && !(code->co_flags & CO_OPTIMIZED)) continue;
    if (!dict_set_item(ts, d, code->co_localsplusnames[static_cast<std::size_t>(i)], v)) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

}  // namespace

Object* current_locals(ThreadState* ts) { return builtin_locals(ts, nullptr, nullptr, 0, nullptr); }

bool register_exec_builtins(ThreadState* ts, Object* dict) {
  return add_builtin_function(ts, dict, "compile", builtin_compile) &&
         add_builtin_function(ts, dict, "exec", builtin_exec) && add_builtin_function(ts, dict, "eval", builtin_eval) &&
         add_builtin_function(ts, dict, "globals", builtin_globals) &&
         add_builtin_function(ts, dict, "locals", builtin_locals);
}

}  // namespace terrarium
