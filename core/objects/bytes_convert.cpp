// Conversions between bytes and text: decode (through codecs.cpp), hex(sep, bytes_per_sep)
// and the class method fromhex, and bytes.__getnewargs__ for copy and pickle.
// CPython: Objects/bytesobject.c (bytes_decode_impl, bytes_fromhex_impl,
// _PyBytes_FromHex), Python/pystrhex.c (_Py_strhex_impl).
#include <cstdlib>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/codecs.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium::bytes_impl {

namespace {

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

}  // namespace

Object* m_decode(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"encoding", "errors"};
  Object* a[2];
  if (!unpack_keywords(ts, {"decode", kNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return nullptr;
  for (int k = 0; k < 2; ++k)
    if (a[k] && !is_str(a[k]))
      return raise(ts, &exc_TypeError, std::string("decode() argument '") + kNames[k] + "' must be str, not " +
                                           clinic_type_name(a[k]));
  std::string data(self_view(self));
  return decode_bytes(ts, data, a[0] ? str_view(a[0]) : "utf-8", a[1] ? str_view(a[1]) : "strict");
}

// hex(sep=None, bytes_per_sep=1): a separator every |bytes_per_sep| bytes, counted from the
// right when it is positive and from the left when negative.
Object* m_hex(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"sep", "bytes_per_sep"};
  Object* a[2];
  if (!unpack_keywords(ts, {"hex", kNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return nullptr;
  std::string_view sep;
  if (a[0]) {
    if (is_str(a[0])) {
      if (str_length(a[0]) != 1) return raise(ts, &exc_ValueError, "sep must be length 1.");
      if (!str_is_ascii(a[0])) return raise(ts, &exc_ValueError, "sep must be ASCII.");
      sep = str_view(a[0]);
    } else if (buffer_view(a[0], sep)) {
      if (sep.size() != 1) return raise(ts, &exc_ValueError, "sep must be length 1.");
      if (static_cast<unsigned char>(sep[0]) >= 0x80) return raise(ts, &exc_ValueError, "sep must be ASCII.");
    } else {
      // CPython takes len(sep) first, so anything without a length fails there.
      return raise(ts, &exc_TypeError, std::string("object of type '") + a[0]->ob_type->tp_name + "' has no len()");
    }
  }
  std::int64_t per = 1;
  if (a[1] && !c_int_arg(ts, a[1], per)) return nullptr;
  std::string data(self_view(self));
  static const char kDigits[] = "0123456789abcdef";
  std::size_t group = sep.empty() || per == 0 ? 0 : static_cast<std::size_t>(std::llabs(per));
  std::string out;
  out.reserve(data.size() * 3);
  for (std::size_t i = 0; i < data.size(); ++i) {
    // Bytes remaining (positive per) or bytes done (negative) decide where separators go.
    std::size_t counted = per > 0 ? data.size() - i : i;
    if (group && i > 0 && counted % group == 0) out += sep;
    auto b = static_cast<unsigned char>(data[i]);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return new_str_with_length(ts, out, static_cast<Py_ssize_t>(out.size()));
}

// fromhex(string), a class method: pairs of hex digits, with ASCII whitespace allowed
// between pairs. The result is cls(bytes) for subclasses, as CPython makes it.
Object* m_fromhex(ThreadState* ts, Object* cls, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* type = reinterpret_cast<TypeObject*>(cls);
  bool bytearray_kind = is_subtype(type, &bytearray_type) || type == &bytearray_type;
  if (!one_arg(ts, bytearray_kind ? "bytearray.fromhex" : "bytes.fromhex", nargs, kwnames)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("fromhex() argument must be str, not ") + args[0]->ob_type->tp_name);
  Object* text = args[0];
  Py_ssize_t len = str_length(text);
  std::string out;
  for (Py_ssize_t i = 0; i < len;) {
    char32_t c = str_char_at(text, i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      continue;
    }
    int hi = hex_digit(c);
    int lo = i + 1 < len ? hex_digit(str_char_at(text, i + 1)) : -1;
    if (hi < 0 || lo < 0)
      return raise(ts, &exc_ValueError,
                   "non-hexadecimal number found in fromhex() arg at position " + std::to_string(hi < 0 ? i : i + 1));
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  Object* result = bytearray_kind ? new_bytearray(ts, out) : new_bytes(ts, out);
  if (type == &bytes_type || type == &bytearray_type) return result;
  Object* instance = call_object(ts, cls, &result, 1, nullptr);
  decref(result);
  return instance;
}

Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "bytes.__getnewargs__", nargs, kwnames)) return nullptr;
  Object* t = new_tuple(ts, 1);
  tuple_set(t, 0, new_bytes(ts, bytes_view(self)));
  return t;
}

}  // namespace terrarium::bytes_impl
