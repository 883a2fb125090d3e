// Case conversion and character-class predicates: upper/lower/capitalize/title/swapcase/
// casefold with full (multi-character) mappings and the Final_Sigma rule, and the is*()
// methods. CPython: Objects/unicodeobject.c (do_upper, do_lower, lower_ucs4,
// handle_capital_sigma, do_title, unicode_isupper ...).
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"

namespace terrarium::str_impl {

namespace {

using namespace unicode;

void append_mapped(std::string& out, char32_t cp, Mapping which) {
  char32_t mapped[3];
  int n = map_case(cp, which, mapped);
  for (int k = 0; k < n; ++k) append_utf8(out, mapped[k]);
}

// U+03A3 lowercases to final sigma when it ends a word: preceded by a cased letter (with
// case-ignorable characters between) and not followed by one. `at` is its byte offset.
char32_t capital_sigma(std::string_view v, std::size_t at) {
  std::size_t j = at;
  bool final_sigma = false;
  while (j > 0) {
    char32_t c = decode_utf8_before(v.data(), j);
    if (!has(c, CASE_IGNORABLE)) {
      final_sigma = has(c, CASED);
      break;
    }
  }
  if (final_sigma) {
    std::size_t k = at + 2;  // U+03A3 is two bytes
    while (k < v.size()) {
      char32_t c = decode_utf8(v.data(), k);
      if (!has(c, CASE_IGNORABLE)) {
        final_sigma = !has(c, CASED);
        break;
      }
    }
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

// CPython: lower_ucs4.
void append_lower(std::string& out, std::string_view v, std::size_t at, char32_t cp) {
  if (cp == 0x3A3) append_utf8(out, capital_sigma(v, at));
  else append_mapped(out, cp, kLower);
}

enum class CaseOp { Lower, Upper, Fold, Capitalize, Title, Swap };

Object* convert_case(ThreadState* ts, Object* self, CaseOp op) {
  std::string_view v = str_view(self);
  std::string out;
  out.reserve(v.size());
  if (str_is_ascii(self) && op != CaseOp::Capitalize && op != CaseOp::Title) {
    for (char c : v) {
      bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      bool to_lower = up && (op == CaseOp::Lower || op == CaseOp::Fold || op == CaseOp::Swap);
      bool to_upper = low && (op == CaseOp::Upper || op == CaseOp::Swap);
      out += to_lower ? static_cast<char>(c + 32) : to_upper ? static_cast<char>(c - 32) : c;
    }
    return new_str_with_length(ts, out, str_length(self));
  }
  bool previous_is_cased = false;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t at = i;
    char32_t cp = decode_utf8(v.data(), i);
    switch (op) {
      case CaseOp::Lower: append_lower(out, v, at, cp); break;
      case CaseOp::Upper: append_mapped(out, cp, kUpper); break;
      case CaseOp::Fold: append_mapped(out, cp, kFold); break;
      case CaseOp::Capitalize:
        if (at == 0) append_mapped(out, cp, kTitle);
        else append_lower(out, v, at, cp);
        break;
      case CaseOp::Title:
        if (previous_is_cased) append_lower(out, v, at, cp);
        else append_mapped(out, cp, kTitle);
        previous_is_cased = has(cp, CASED);
        break;
      case CaseOp::Swap:
        if (has(cp, UPPER)) append_lower(out, v, at, cp);
        else if (has(cp, LOWER)) append_mapped(out, cp, kUpper);
        else append_utf8(out, cp);
        break;
    }
  }
  return new_str(ts, out);
}

Object* case_method(ThreadState* ts, const char* qualname, Object* self, std::size_t nargs, Object* kwnames,
                    CaseOp op) {
  if (!no_args(ts, qualname, nargs, kwnames)) return nullptr;
  return convert_case(ts, self, op);
}

// True when every code point has one of `flags` (and there is at least one).
Object* all_have(ThreadState* ts, const char* qualname, Object* self, std::size_t nargs, Object* kwnames,
                 std::uint16_t flags) {
  if (!no_args(ts, qualname, nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  if (v.empty()) return new_bool(false);
  for (std::size_t i = 0; i < v.size();)
    if (!has(decode_utf8(v.data(), i), flags)) return new_bool(false);
  return new_bool(true);
}

}  // namespace

Object* m_upper(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.upper", self, n, kw, CaseOp::Upper);
}
Object* m_lower(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.lower", self, n, kw, CaseOp::Lower);
}
Object* m_casefold(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.casefold", self, n, kw, CaseOp::Fold);
}
Object* m_capitalize(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.capitalize", self, n, kw, CaseOp::Capitalize);
}
Object* m_title(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.title", self, n, kw, CaseOp::Title);
}
Object* m_swapcase(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return case_method(ts, "str.swapcase", self, n, kw, CaseOp::Swap);
}

Object* m_isdigit(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isdigit", self, n, kw, DIGIT);
}
Object* m_isalpha(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isalpha", self, n, kw, ALPHA);
}
Object* m_isalnum(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isalnum", self, n, kw, ALPHA | DECIMAL | DIGIT | NUMERIC);
}
Object* m_isdecimal(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isdecimal", self, n, kw, DECIMAL);
}
Object* m_isnumeric(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isnumeric", self, n, kw, NUMERIC);
}
Object* m_isspace(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  return all_have(ts, "str.isspace", self, n, kw, SPACE);
}

Object* m_isprintable(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.isprintable", nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  for (std::size_t i = 0; i < v.size();)
    if (!is_printable(decode_utf8(v.data(), i))) return new_bool(false);
  return new_bool(true);
}

Object* m_isascii(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.isascii", nargs, kwnames)) return nullptr;
  return new_bool(str_is_ascii(self));
}

// CPython: unicode_isupper / unicode_islower: no cased character of the other kind (or
// titlecase), and at least one of this kind.
Object* m_isupper(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.isupper", nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  bool cased = false;
  for (std::size_t i = 0; i < v.size();) {
    char32_t cp = decode_utf8(v.data(), i);
    if (has(cp, LOWER | TITLE)) return new_bool(false);
    cased = cased || has(cp, UPPER);
  }
  return new_bool(cased);
}

Object* m_islower(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.islower", nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  bool cased = false;
  for (std::size_t i = 0; i < v.size();) {
    char32_t cp = decode_utf8(v.data(), i);
    if (has(cp, UPPER | TITLE)) return new_bool(false);
    cased = cased || has(cp, LOWER);
  }
  return new_bool(cased);
}

// Uppercase and titlecase letters only after uncased characters, lowercase only after
// cased ones. CPython: unicode_istitle.
Object* m_istitle(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.istitle", nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  bool cased = false, previous_is_cased = false;
  for (std::size_t i = 0; i < v.size();) {
    char32_t cp = decode_utf8(v.data(), i);
    if (has(cp, UPPER | TITLE)) {
      if (previous_is_cased) return new_bool(false);
      previous_is_cased = cased = true;
    } else if (has(cp, LOWER)) {
      if (!previous_is_cased) return new_bool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return new_bool(cased);
}

Object* m_isidentifier(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.isidentifier", nargs, kwnames)) return nullptr;
  std::string_view v = str_view(self);
  if (v.empty()) return new_bool(false);
  std::size_t i = 0;
  char32_t first = decode_utf8(v.data(), i);
  if (first != '_' && !has(first, XID_START)) return new_bool(false);
  while (i < v.size())
    if (!has(decode_utf8(v.data(), i), XID_CONTINUE)) return new_bool(false);
  return new_bool(true);
}

}  // namespace terrarium::str_impl
