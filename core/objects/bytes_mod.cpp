// bytes % values and bytearray % values: the printf-style formatter str uses, run in its
// bytes mode over the format's bytes read as the code points U+0000..U+00FF, so every
// code point of the result is one byte again. CPython: Objects/bytesobject.c _PyBytes_FormatEx.
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/str_internal.hpp"  // printf_format
#include "objects/str_unicode.hpp"

namespace terrarium::bytes_impl {

Object* remainder(ThreadState* ts, Object* format, Object* values) {
  if (!is_bytes(format) && !is_bytearray(format)) return newref(py_not_implemented());
  std::string text;
  for (unsigned char c : self_view(format)) unicode::append_utf8(text, c);
  std::string out;
  if (!str_impl::printf_format(ts, text, values, true, out)) return nullptr;
  std::string data;
  data.reserve(out.size());
  for (std::size_t i = 0; i < out.size();) data += static_cast<char>(unicode::decode_utf8(out.data(), i));
  return new_like(ts, format, data);
}

}  // namespace terrarium::bytes_impl
