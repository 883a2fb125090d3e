// Argument binding. Positional arguments fill parameters left to right, extras go to
// *args; keywords match by name (**kwargs takes the rest); then defaults fill the gaps.
#include "vm/call.hpp"

#include <cstdlib>
#include <string>
#include <vector>
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/eval.hpp"
#include "vm/frame_object.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string qualname_of(FunctionObject* f) { return std::string(str_view(f->qualname)); }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

void missing_arguments(ThreadState* ts, FunctionObject* f, const std::vector<std::string>& missing, bool kwonly) {
  std::size_t n = missing.size();
  raise(ts, &exc_TypeError, qualname_of(f) + "() missing " + std::to_string(n) + " required " +
                                (kwonly ? "keyword-only" : "positional") + " argument" + (n == 1 ? "" : "s") +
                                ": " + name_list(missing));
}

void too_many_positional(ThreadState* ts, FunctionObject* f, CodeObject* co, std::size_t given, Frame* frame) {
  Py_ssize_t defcount = f->defaults ? tuple_size(f->defaults) : 0;
  std::size_t kwonly_given = 0;
  for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; ++i)
    if (frame->localsplus[i]) ++kwonly_given;
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = "from " + std::to_string(co->co_argcount - defcount) + " to " + std::to_string(co->co_argcount);
  } else {
    plural = co->co_argcount != 1;
    sig = std::to_string(co->co_argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given)
    kwonly_sig = " positional argument" + std::string(given != 1 ? "s" : "") + " (and " + std::to_string(kwonly_given) +
                 " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
  raise(ts, &exc_TypeError, qualname_of(f) + "() takes " + sig + " positional argument" + (plural ? "s" : "") +
                                " but " + std::to_string(given) + kwonly_sig + " " +
                                (given == 1 && !kwonly_given ? "was" : "were") + " given");
}

int find_parameter(CodeObject* co, Object* name, int first, int end) {
  for (int i = first; i < end; ++i)
    if (co->co_localsplusnames[i] == name) return i;
  for (int i = first; i < end; ++i)
    if (str_equal(co->co_localsplusnames[i], name)) return i;
  return -1;
}

bool bind_arguments(ThreadState* ts, FunctionObject* f, Frame* frame, Object* const* args, std::size_t nargs,
                    Object* kwnames) {
  CodeObject* co = f->code;
  Object** locals = frame->localsplus;
  int argcount = co->co_argcount;
  int total = argcount + co->co_kwonlyargcount;
  bool has_varargs = co->co_flags & CO_VARARGS;
  bool has_varkw = co->co_flags & CO_VARKEYWORDS;
  // The common call: exactly the positional parameters, nothing else to sort out.
  if (!kwnames && nargs == static_cast<std::size_t>(argcount) && total == argcount && !has_varargs && !has_varkw) {
    for (std::size_t i = 0; i < nargs; ++i) locals[i] = newref(args[i]);
    return true;
  }
  Object* kwdict = nullptr;
  if (has_varkw) {
    kwdict = new_dict(ts);
    locals[total + (has_varargs ? 1 : 0)] = kwdict;
  }
  std::size_t n = nargs < static_cast<std::size_t>(argcount) ? nargs : static_cast<std::size_t>(argcount);
  for (std::size_t i = 0; i < n; ++i) locals[i] = newref(args[i]);
  if (has_varargs) {
    Object* rest = new_tuple(ts, static_cast<Py_ssize_t>(nargs - n));
    for (std::size_t i = n; i < nargs; ++i) tuple_set(rest, static_cast<Py_ssize_t>(i - n), newref(args[i]));
    locals[total] = rest;
  }
  Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; ++k) {
    Object* name = tuple_get(kwnames, k);
    Object* value = args[nargs + k];
    int slot = find_parameter(co, name, co->co_posonlyargcount, total);
    if (slot < 0) {
      if (kwdict) {
        if (!dict_set_item(ts, kwdict, name, value)) return false;
        continue;
      }
      if (find_parameter(co, name, 0, co->co_posonlyargcount) >= 0) {
        raise(ts, &exc_TypeError, qualname_of(f) + "() got some positional-only arguments passed as keyword arguments: '" +
                                      std::string(str_view(name)) + "'");
      } else {
        raise(ts, &exc_TypeError, qualname_of(f) + "() got an unexpected keyword argument '" +
                                      std::string(str_view(name)) + "'");
      }
      return false;
    }
    if (locals[slot]) {
      raise(ts, &exc_TypeError, qualname_of(f) + "() got multiple values for argument '" +
                                    std::string(str_view(name)) + "'");
      return false;
    }
    locals[slot] = newref(value);
  }
  if (nargs > static_cast<std::size_t>(argcount) && !has_varargs) {
    too_many_positional(ts, f, co, nargs, frame);
    return false;
  }
  if (nargs < static_cast<std::size_t>(argcount)) {
    Py_ssize_t defcount = f->defaults ? tuple_size(f->defaults) : 0;
    int first_default = argcount - static_cast<int>(defcount);
    std::vector<std::string> missing;
    for (int i = static_cast<int>(nargs); i < first_default; ++i)
      if (!locals[i]) missing.emplace_back(str_view(co->co_localsplusnames[i]));
    if (!missing.empty()) {
      missing_arguments(ts, f, missing, false);
      return false;
    }
    for (int i = std::max(first_default, static_cast<int>(nargs)); i < argcount; ++i)
      if (!locals[i]) locals[i] = newref(tuple_get(f->defaults, i - first_default));
  }
  if (co->co_kwonlyargcount) {
    std::vector<std::string> missing;
    for (int i = argcount; i < total; ++i) {
      if (locals[i]) continue;
      Object* def = f->kwdefaults ? dict_get_str(f->kwdefaults, co->co_localsplusnames[i]) : nullptr;
      if (def) locals[i] = newref(def);
      else missing.emplace_back(str_view(co->co_localsplusnames[i]));
    }
    if (!missing.empty()) {
      missing_arguments(ts, f, missing, true);
      return false;
    }
  }
  return true;
}

}  // namespace

Frame* make_function_frame(ThreadState* ts, FunctionObject* func, Object* const* args, std::size_t nargs,
                           Object* kwnames) {
  CodeObject* co = func->code;
  Frame* frame = ts->frames.push(co);
  if (!frame) {
    raise(ts, &exc_MemoryError, "");
    return nullptr;
  }
  incref(co);
  frame->func = func;
  incref(func);
  frame->globals = func->globals;
  frame->builtins = func->builtins;
  frame->locals = nullptr;
  frame->previous = nullptr;
  frame->lasti = 0;
  frame->resume = 0;
  frame->stack_depth = 0;
  frame->is_entry = false;
  frame->owned_by_generator = false;
  frame->suspended = false;
  frame->owner = nullptr;
  if (!bind_arguments(ts, func, frame, args, nargs, kwnames)) {
    release_frame(ts, frame);
    return nullptr;
  }
  return frame;
}

void release_frame(ThreadState* ts, Frame* frame) {
  if (frame->frame_obj) frame_object_detach(ts, frame);  // before the locals go
  int n = frame->code->nlocalsplus();
  for (int i = 0; i < n; ++i) xdecref(frame->localsplus[i]);
  Object** stack = frame->stack_base();
  for (int i = 0; i < frame->stack_depth; ++i) xdecref(stack[i]);
  xdecref(frame->locals);
  xdecref(frame->func);
  CodeObject* code = frame->code;
  if (frame->owned_by_generator) std::free(frame);
  else ts->frames.pop(frame);
  decref(code);
}

Object* function_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  Frame* frame = make_function_frame(ts, static_cast<FunctionObject*>(callable), args, nargs, kwnames);
  if (!frame) return nullptr;
  return eval_frame(ts, frame);
}

}  // namespace terrarium
