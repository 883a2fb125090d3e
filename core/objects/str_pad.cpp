// Padding and per-character rewriting: center/ljust/rjust/zfill, expandtabs,
// maketrans/translate, and encode.
// CPython: Objects/unicodeobject.c (pad, unicode_center_impl, unicode_zfill_impl,
// unicode_expandtabs_impl, unicode_maketrans_impl, _PyUnicode_TranslateCharmap).
#include "objects/abstract.hpp"
#include "objects/codecs.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "vm/thread_state.hpp"

namespace terrarium::str_impl {

namespace {

bool fill_char(ThreadState* ts, Object* o, std::string_view& out) {
  if (!is_str(o)) {
    raise(ts, &exc_TypeError, std::string("The fill character must be a unicode character, not ") + o->ob_type->tp_name);
    return false;
  }
  if (str_length(o) != 1) {
    raise(ts, &exc_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  out = str_view(o);
  return true;
}

Object* pad(ThreadState* ts, Object* self, Py_ssize_t left, Py_ssize_t right, std::string_view fill) {
  std::string out;
  out.reserve(str_view(self).size() + static_cast<std::size_t>(left + right) * fill.size());
  for (Py_ssize_t i = 0; i < left; ++i) out += fill;
  out += str_view(self);
  for (Py_ssize_t i = 0; i < right; ++i) out += fill;
  return new_str_with_length(ts, out, str_length(self) + left + right);
}

enum class Justify { Left, Right, Center };

Object* justify(ThreadState* ts, const char* name, const char* qualname, Object* self, Object* const* args,
                std::size_t nargs, Object* kwnames, Justify how) {
  if (!check_positional(ts, name, qualname, nargs, kwnames, 1, 2)) return nullptr;
  std::int64_t width;
  if (!ssize_arg(ts, args[0], width)) return nullptr;
  std::string_view fill = " ";
  if (nargs > 1 && !fill_char(ts, args[1], fill)) return nullptr;
  Py_ssize_t len = str_length(self);
  if (width <= len) return is_exact_str(self) ? newref(self) : new_str_with_length(ts, str_view(self), len);
  Py_ssize_t marg = static_cast<Py_ssize_t>(width) - len;
  switch (how) {
    case Justify::Left: return pad(ts, self, 0, marg, fill);
    case Justify::Right: return pad(ts, self, marg, 0, fill);
    case Justify::Center: {
      // CPython rounds the odd column to the left only when width is odd too.
      Py_ssize_t left = marg / 2 + (marg & static_cast<Py_ssize_t>(width) & 1);
      return pad(ts, self, left, marg - left, fill);
    }
  }
  return nullptr;
}

}  // namespace

Object* m_center(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "center", "str.center", self, a, n, kw, Justify::Center);
}
Object* m_ljust(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "ljust", "str.ljust", self, a, n, kw, Justify::Left);
}
Object* m_rjust(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "rjust", "str.rjust", self, a, n, kw, Justify::Right);
}

Object* m_zfill(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "str.zfill", nargs, kwnames)) return nullptr;
  std::int64_t width;
  if (!ssize_arg(ts, args[0], width)) return nullptr;
  Py_ssize_t len = str_length(self);
  if (width <= len) return is_exact_str(self) ? newref(self) : new_str_with_length(ts, str_view(self), len);
  std::string_view v = str_view(self);
  std::string out(static_cast<std::size_t>(width - len), '0');
  // A leading sign stays in front of the zeros.
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out += '0';
    out += v.substr(1);
  } else {
    out += v;
  }
  return new_str_with_length(ts, out, static_cast<Py_ssize_t>(width));
}

Object* m_expandtabs(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"tabsize"};
  Object* a[1];
  if (!unpack_keywords(ts, {"expandtabs", kNames, 1, 0, 1, 0}, args, nargs, kwnames, a)) return nullptr;
  std::int64_t tabsize = 8;
  if (a[0] && !c_int_arg(ts, a[0], tabsize)) return nullptr;
  std::string_view v = str_view(self);
  if (v.find('\t') == std::string_view::npos)
    return is_exact_str(self) ? newref(self) : new_str_with_length(ts, v, str_length(self));
  std::string out;
  std::int64_t column = 0;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t start = i;
    char32_t cp = unicode::decode_utf8(v.data(), i);
    if (cp == '\t') {
      if (tabsize > 0) {
        std::int64_t incr = tabsize - column % tabsize;
        column += incr;
        out.append(static_cast<std::size_t>(incr), ' ');
      }
    } else {
      out.append(v.substr(start, i - start));
      column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
    }
  }
  return new_str(ts, out);
}

// str.encode(encoding='utf-8', errors='strict'); the codecs live in codecs.cpp.
Object* m_encode(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"encoding", "errors"};
  Object* a[2];
  if (!unpack_keywords(ts, {"encode", kNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return nullptr;
  for (int k = 0; k < 2; ++k)
    if (a[k] && !is_str(a[k]))
      return raise(ts, &exc_TypeError, std::string("encode() argument '") + kNames[k] + "' must be str, not " +
                                           clinic_type_name(a[k]));
  return encode_str(ts, self, a[0] ? str_view(a[0]) : "utf-8", a[1] ? str_view(a[1]) : "strict");
}

// str.maketrans(x, y=None, z=None), a static method (bound as a class method here so both
// str.maketrans and 'x'.maketrans work; the class is ignored).
Object* m_maketrans(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "maketrans", "str.maketrans", nargs, kwnames, 1, 3)) return nullptr;
  if (nargs > 1 && !expect_str(ts, args[1], "maketrans() argument 2 ")) return nullptr;
  if (nargs > 2 && !expect_str(ts, args[2], "maketrans() argument 3 ")) return nullptr;
  Object* table = new_dict(ts);
  auto put = [&](Object* key, Object* value) {
    bool ok = dict_set_item(ts, table, key, value);
    decref(key);
    return ok;
  };
  if (nargs == 1) {
    Object* x = args[0];
    if (!is_instance(x, &dict_type)) {
      decref(table);
      return raise(ts, &exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    for (const DictEntry& e : *static_cast<DictObject*>(x)->entries) {
      if (!e.key) continue;
      Object* key;
      if (is_str(e.key)) {
        if (str_length(e.key) != 1) {
          decref(table);
          return raise(ts, &exc_ValueError, "string keys in translate table must be of length 1");
        }
        key = new_int(ts, str_char_at(e.key, 0));
      } else if (is_int(e.key)) {
        key = newref(e.key);
      } else {
        decref(table);
        return raise(ts, &exc_TypeError, "keys in translate table must be strings or integers");
      }
      if (!put(key, e.value)) return decref(table), nullptr;
    }
    return table;
  }
  if (!is_str(args[0])) {
    decref(table);
    return raise(ts, &exc_TypeError, "first maketrans argument must be a string if there is a second argument");
  }
  if (str_length(args[0]) != str_length(args[1])) {
    decref(table);
    return raise(ts, &exc_ValueError, "the first two maketrans arguments must have equal length");
  }
  std::string_view x = str_view(args[0]), y = str_view(args[1]);
  for (std::size_t i = 0, j = 0; i < x.size();) {
    Object* value = new_int(ts, unicode::decode_utf8(y.data(), j));
    bool ok = put(new_int(ts, unicode::decode_utf8(x.data(), i)), value);
    decref(value);
    if (!ok) return decref(table), nullptr;
  }
  if (nargs > 2) {
    std::string_view z = str_view(args[2]);
    for (std::size_t i = 0; i < z.size();)
      if (!put(new_int(ts, unicode::decode_utf8(z.data(), i)), py_none())) return decref(table), nullptr;
  }
  return table;
}

// str.translate(table): table[ord(c)] is None (drop), an int (a code point) or a str;
// LookupError keeps the character.
Object* m_translate(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "str.translate", nargs, kwnames)) return nullptr;
  Object* table = args[0];
  std::string_view v = str_view(self);
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t start = i;
    char32_t cp = unicode::decode_utf8(v.data(), i);
    Object* key = new_int(ts, cp);
    Object* mapped = get_item(ts, table, key);
    decref(key);
    if (!mapped) {
      if (!is_instance(ts->curexc, &exc_LookupError)) return nullptr;
      clear_error(ts);
      out.append(v.substr(start, i - start));
      continue;
    }
    if (mapped == py_none()) {
      // dropped
    } else if (is_int(mapped)) {
      std::int64_t c;
      bool ok = index_value(ts, mapped, c);
      if (!ok || c < 0 || c > 0x10FFFF) {
        decref(mapped);
        if (!ok) clear_error(ts);
        return raise(ts, &exc_ValueError, "character mapping must be in range(0x110000)");
      }
      unicode::append_utf8(out, static_cast<char32_t>(c));
    } else if (is_str(mapped)) {
      out += str_view(mapped);
    } else {
      decref(mapped);
      return raise(ts, &exc_TypeError, "character mapping must return integer, None or str");
    }
    decref(mapped);
  }
  return new_str(ts, out);
}

}  // namespace terrarium::str_impl
