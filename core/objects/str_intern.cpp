// The interning table: one canonical object per string value, so names compare by
// identity and `sys.intern(a) is sys.intern(b)` whenever a == b. Code objects intern
// their names and identifier-like constants as CPython's PyCode_New does.
// CPython: Objects/unicodeobject.c (PyUnicode_InternInPlace), Objects/codeobject.c
// (intern_strings, intern_string_constants).
#include <cstring>
#include "objects/dict.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// CPython interns constants made only of ASCII letters, digits and '_'.
bool all_name_chars(Object* s) {
  if (!str_is_ascii(s)) return false;
  for (char c : str_view(s)) {
    bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!name_char) return false;
  }
  return true;
}

// CPython 3.11's parser builds one-character ASCII names and constants as their own
// objects, not the character cache (`"hello"[1] is "e"` is False there), and interns those.
Object* uncached_copy(Object* s) {
  StrObject* copy = str_impl::alloc_exact_str(1);
  copy->data[0] = str_view(s)[0];
  copy->length = 1;
  copy->is_ascii = true;
  return copy;
}

}  // namespace

namespace {

// Borrowed canonical object equal to s, or null (also when the table cannot be made).
Object* find_interned(ThreadState* ts, Object* s) {
  InterpreterState* interp = ts->interp;
  if (!interp) return nullptr;  // a bare compiler run (unit tests) has no table
  if (!interp->interned) {
    interp->interned = new_dict(ts);
    if (!interp->interned) { clear_error(ts); return nullptr; }
  }
  Object* found = dict_get_item(ts, interp->interned, s);
  if (!found) clear_error(ts);
  return found;
}

Object* adopt(ThreadState* ts, Object* s) {
  // Failing to intern only costs identity, never correctness: keep s.
  if (ts->interp && ts->interp->interned && !dict_set_item(ts, ts->interp->interned, s, s)) clear_error(ts);
  return s;
}

}  // namespace

namespace {

// `from_source`: names and constants the parser made, whose one-character ASCII strings
// are never the character cache.
Object* intern(ThreadState* ts, Object* s, bool from_source) {
  if (!is_exact_str(s)) return s;
  if (Object* canonical = find_interned(ts, s)) {
    Object* result = newref(canonical);
    decref(s);
    return result;
  }
  if (from_source && str_length(s) == 1 && str_is_ascii(s)) {
    Object* copy = uncached_copy(s);
    decref(s);
    s = copy;
  }
  return adopt(ts, s);
}

}  // namespace

Object* intern_str(ThreadState* ts, Object* s) { return intern(ts, s, false); }
Object* intern_source_str(ThreadState* ts, Object* s) { return intern(ts, s, true); }

Object* intern_constant_str(ThreadState* ts, Object* s) {
  if (!is_exact_str(s) || !all_name_chars(s)) return s;
  return intern_source_str(ts, s);
}

}  // namespace terrarium
