// python_thread_name: threading._active[ident]._name, read without running Python code.
#include "vm/thread_names.hpp"

#include "objects/dict.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// Borrowed value of a str key in a dict, or null (errors cleared).
Object* lookup(ThreadState* ts, Object* dict, const char* key) {
  if (!dict) return nullptr;
  Object* k = new_str(ts, key);
  if (!k) {
    clear_error(ts);
    return nullptr;
  }
  Object* v = dict_get_item(ts, dict, k);
  decref(k);
  if (!v) clear_error(ts);
  return v;
}

}  // namespace

std::string python_thread_name(ThreadState* running, std::uint64_t ident) {
  Object* threading = lookup(running, running->interp->modules, "threading");
  if (!threading || !is_instance(threading, &module_type)) return "";
  Object* active = lookup(running, module_dict(threading), "_active");
  if (!active || !is_instance(active, &dict_type)) return "";
  Object* key = new_int(running, static_cast<std::int64_t>(ident));
  if (!key) {
    clear_error(running);
    return "";
  }
  Object* thread = dict_get_item(running, active, key);
  decref(key);
  if (!thread) {
    clear_error(running);
    return "";
  }
  Object* name = lookup(running, instance_dict(running, thread), "_name");
  return name && is_str(name) ? std::string(str_view(name)) : "";
}

}  // namespace terrarium
