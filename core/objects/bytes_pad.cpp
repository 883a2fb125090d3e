// bytes and bytearray padding and per-byte rewriting: center/ljust/rjust/zfill,
// expandtabs, and translate with its table maker maketrans.
// CPython: Objects/stringlib/transmogrify.h (pad, zfill, expandtabs),
// Objects/bytesobject.c (bytes_translate_impl, _Py_bytes_maketrans).
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"

namespace terrarium::bytes_impl {

namespace {

enum class Justify { Left, Right, Center };

Object* justify(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                Object* kwnames, Justify how) {
  if (!check_positional(ts, name, qualname(self, name).c_str(), nargs, kwnames, 1, 2)) return nullptr;
  std::int64_t width;
  if (!ssize_arg(ts, args[0], width)) return nullptr;
  char fill = ' ';
  if (nargs > 1) {
    std::string_view f;
    if (!buffer_view(args[1], f) || f.size() != 1)
      return raise(ts, &exc_TypeError, std::string(name) + "() argument 2 must be a byte string of length 1, not " +
                                           args[1]->ob_type->tp_name);
    fill = f[0];
  }
  std::string_view v = self_view(self);
  auto len = static_cast<std::int64_t>(v.size());
  if (width <= len) return unchanged(ts, self);
  auto marg = static_cast<std::size_t>(width - len);
  std::size_t left = 0;
  switch (how) {
    case Justify::Left: left = 0; break;
    case Justify::Right: left = marg; break;
    // CPython rounds the odd column to the left only when width is odd too.
    case Justify::Center: left = marg / 2 + (marg & static_cast<std::size_t>(width) & 1); break;
  }
  std::string out(left, fill);
  out.append(v).append(marg - left, fill);
  return new_like(ts, self, out);
}

}  // namespace

Object* m_center(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "center", self, a, n, kw, Justify::Center);
}
Object* m_ljust(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "ljust", self, a, n, kw, Justify::Left);
}
Object* m_rjust(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return justify(ts, "rjust", self, a, n, kw, Justify::Right);
}

// A leading sign stays in front of the zeros.
Object* m_zfill(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, qualname(self, "zfill").c_str(), nargs, kwnames)) return nullptr;
  std::int64_t width;
  if (!ssize_arg(ts, args[0], width)) return nullptr;
  std::string_view v = self_view(self);
  if (width <= static_cast<std::int64_t>(v.size())) return unchanged(ts, self);
  std::string out(static_cast<std::size_t>(width) - v.size(), '0');
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out += '0';
    out += v.substr(1);
  } else {
    out += v;
  }
  return new_like(ts, self, out);
}

Object* m_expandtabs(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"tabsize"};
  Object* a[1];
  if (!unpack_keywords(ts, {"expandtabs", kNames, 1, 0, 1, 0}, args, nargs, kwnames, a)) return nullptr;
  std::int64_t tabsize = 8;
  if (a[0] && !c_int_arg(ts, a[0], tabsize)) return nullptr;
  std::string out;
  std::int64_t column = 0;
  for (char c : self_view(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        std::int64_t incr = tabsize - column % tabsize;
        column += incr;
        out.append(static_cast<std::size_t>(incr), ' ');
      }
    } else {
      out += c;
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return new_like(ts, self, out);
}

// translate(table, /, delete=b''): table is None (keep every byte) or 256 bytes.
Object* m_translate(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"", "delete"};
  Object* a[2];
  if (!unpack_keywords(ts, {"translate", kNames, 2, 1, 2, 1}, args, nargs, kwnames, a)) return nullptr;
  std::string_view table_view, delete_view;
  bool identity = a[0] == py_none();
  if (!identity && !expect_buffer(ts, a[0], table_view)) return nullptr;
  if (!identity && table_view.size() != 256)
    return raise(ts, &exc_ValueError, "translation table must be 256 characters long");
  if (a[1] && !expect_buffer(ts, a[1], delete_view)) return nullptr;
  std::string table(table_view), deleted(delete_view);
  std::string out;
  for (char c : self_view(self)) {
    if (deleted.find(c) != std::string::npos) continue;
    out += identity ? c : table[static_cast<unsigned char>(c)];
  }
  return new_like(ts, self, out);
}

// maketrans(frm, to), a static method: a 256-byte table mapping frm[i] to to[i]. Always
// bytes, also when called on bytearray.
Object* m_maketrans(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "maketrans", "maketrans", nargs, kwnames, 2, 2)) return nullptr;
  std::string_view from, to;
  if (!expect_buffer(ts, args[0], from) || !expect_buffer(ts, args[1], to)) return nullptr;
  if (from.size() != to.size()) return raise(ts, &exc_ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<std::size_t>(i)] = static_cast<char>(i);
  for (std::size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return new_bytes(ts, table);
}

}  // namespace terrarium::bytes_impl
