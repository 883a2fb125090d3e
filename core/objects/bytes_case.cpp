// bytes and bytearray case mapping and classification: upper/lower/capitalize/title/
// swapcase and the is*() predicates. Only ASCII letters, digits and whitespace count; other
// bytes are left alone, whatever the locale. CPython: Objects/bytes_methods.c.
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"

namespace terrarium::bytes_impl {

namespace {

template <class F>
Object* map_bytes(ThreadState* ts, Object* self, std::size_t nargs, Object* kwnames, const char* method, F&& f) {
  if (!no_args(ts, qualname(self, method).c_str(), nargs, kwnames)) return nullptr;
  std::string out(self_view(self));
  f(out);
  return new_like(ts, self, out);
}

template <class F>
Object* all_bytes(ThreadState* ts, Object* self, std::size_t nargs, Object* kwnames, const char* method, F&& pred) {
  if (!no_args(ts, qualname(self, method).c_str(), nargs, kwnames)) return nullptr;
  std::string_view v = self_view(self);
  if (v.empty()) return new_bool(false);
  for (unsigned char c : v)
    if (!pred(c)) return new_bool(false);
  return new_bool(true);
}

// isupper/islower: at least one cased byte, and none of the other case.
Object* cased(ThreadState* ts, Object* self, std::size_t nargs, Object* kwnames, const char* method, bool upper) {
  if (!no_args(ts, qualname(self, method).c_str(), nargs, kwnames)) return nullptr;
  bool any = false;
  for (unsigned char c : self_view(self)) {
    if (upper ? is_lower(c) : is_upper(c)) return new_bool(false);
    any = any || (upper ? is_upper(c) : is_lower(c));
  }
  return new_bool(any);
}

}  // namespace

Object* m_upper(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return map_bytes(ts, self, n, kw, "upper", [](std::string& s) { for (char& c : s) c = to_upper(c); });
}
Object* m_lower(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return map_bytes(ts, self, n, kw, "lower", [](std::string& s) { for (char& c : s) c = to_lower(c); });
}
Object* m_swapcase(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return map_bytes(ts, self, n, kw, "swapcase", [](std::string& s) {
    for (char& c : s) c = is_upper(c) ? to_lower(c) : to_upper(c);
  });
}
Object* m_capitalize(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return map_bytes(ts, self, n, kw, "capitalize", [](std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? to_upper(s[i]) : to_lower(s[i]);
  });
}
// A letter after a non-letter starts a word, so b"they're" becomes b"They'Re" as in CPython.
Object* m_title(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return map_bytes(ts, self, n, kw, "title", [](std::string& s) {
    bool previous_cased = false;
    for (char& c : s) {
      c = previous_cased ? to_lower(c) : to_upper(c);
      previous_cased = is_alpha(c);
    }
  });
}

Object* m_isdigit(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_bytes(ts, self, n, kw, "isdigit", [](unsigned char c) { return is_digit(c); });
}
Object* m_isalpha(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_bytes(ts, self, n, kw, "isalpha", [](unsigned char c) { return is_alpha(c); });
}
Object* m_isalnum(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_bytes(ts, self, n, kw, "isalnum", [](unsigned char c) { return is_alpha(c) || is_digit(c); });
}
Object* m_isspace(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_bytes(ts, self, n, kw, "isspace", [](unsigned char c) { return is_space(c); });
}
Object* m_isupper(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return cased(ts, self, n, kw, "isupper", true);
}
Object* m_islower(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return cased(ts, self, n, kw, "islower", false);
}
// isascii is true for b'' (unlike the others).
Object* m_isascii(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, qualname(self, "isascii").c_str(), n, kw)) return nullptr;
  for (unsigned char c : self_view(self))
    if (c >= 0x80) return new_bool(false);
  return new_bool(true);
}

// Title case: every uppercase byte follows an uncased one, every lowercase a cased one.
Object* m_istitle(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, qualname(self, "istitle").c_str(), n, kw)) return nullptr;
  bool previous_cased = false, any = false;
  for (unsigned char c : self_view(self)) {
    if (is_upper(c)) {
      if (previous_cased) return new_bool(false);
      previous_cased = any = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return new_bool(false);
      previous_cased = any = true;
    } else {
      previous_cased = false;
    }
  }
  return new_bool(any);
}

}  // namespace terrarium::bytes_impl
