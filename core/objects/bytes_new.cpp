// The constructors: bytes(source, encoding, errors) and bytearray(...).__init__, and the
// conversions they are built from (an int count, a str with its encoding, __bytes__, a
// buffer, an iterable of ints). CPython: Objects/bytesobject.c (bytes_new_impl,
// PyBytes_FromObject, _PyBytes_FromIterator), Objects/bytearrayobject.c (bytearray___init___impl).
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/codecs.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace bytes_impl {

bool collect_ints(ThreadState* ts, Object* iterable, std::string& out, const char* range_message) {
  return for_each_item(ts, iterable, [&](Object* item) {
    Object* n = number_index(ts, item);
    if (!n) return false;
    bool ok = int_fits_int64(n) && int_value(n) >= 0 && int_value(n) <= 255;
    if (ok) out += static_cast<char>(int_value(n));
    decref(n);
    if (!ok) raise(ts, &exc_ValueError, range_message);
    return ok;
  });
}

}  // namespace bytes_impl

namespace {

using namespace bytes_impl;

const char* const kSourceNames[] = {"source", "encoding", "errors"};

// The checks bytes() and bytearray() make of encoding and errors before anything else.
bool check_codec_args(ThreadState* ts, const char* fname, Object* const* a) {
  for (int k = 1; k < 3; ++k)
    if (a[k] && !is_str(a[k])) {
      raise(ts, &exc_TypeError, std::string(fname) + "() argument '" + kSourceNames[k] + "' must be str, not " +
                                    clinic_type_name(a[k]));
      return false;
    }
  return true;
}

// bytes(str, encoding[, errors]) / bytearray(...): the encoded text into out.
bool encode_source(ThreadState* ts, Object* const* a, std::string& out) {
  Object* b = encode_str(ts, a[0], a[1] ? str_view(a[1]) : "utf-8", a[2] ? str_view(a[2]) : "strict");
  if (!b) return false;
  out.assign(bytes_view(b));
  decref(b);
  return true;
}

// An int source: that many zero bytes.
bool count_source(ThreadState* ts, Object* source, std::string& out) {
  std::int64_t count;
  if (!index_value(ts, source, count)) return false;
  if (count < 0) {
    raise(ts, &exc_ValueError, "negative count");
    return false;
  }
  out.assign(static_cast<std::size_t>(count), '\0');
  return true;
}

// A buffer or an iterable of ints (CPython: PyBytes_FromObject / bytearray's fallbacks).
bool sequence_source(ThreadState* ts, Object* source, const char* kind, const char* range_message, std::string& out) {
  std::string_view v;
  if (buffer_view(source, v)) return out.assign(v), true;
  if (!source->ob_type->tp_iter && !type_lookup_str(source->ob_type, "__getitem__")) {
    raise(ts, &exc_TypeError, std::string("cannot convert '") + source->ob_type->tp_name + "' object to " + kind);
    return false;
  }
  return collect_ints(ts, source, out, range_message);
}

// source.__bytes__(), which must return bytes. Returns null without an error when the
// type has no __bytes__.
Object* call_dunder_bytes(ThreadState* ts, Object* source, bool& found) {
  Object* method = type_lookup_str(source->ob_type, "__bytes__");
  found = method != nullptr;
  if (!method) return nullptr;
  Object* r = call_object(ts, method, &source, 1, nullptr);
  if (r && !is_bytes(r)) {
    raise(ts, &exc_TypeError, std::string("__bytes__ returned non-bytes (type ") + r->ob_type->tp_name + ")");
    decref(r);
    return nullptr;
  }
  return r;
}

}  // namespace

Object* bytes_from_object(ThreadState* ts, Object* o) {
  if (is_exact_bytes(o)) return newref(o);
  bool found;
  Object* r = call_dunder_bytes(ts, o, found);
  if (found) return r;
  if (is_str(o)) return raise(ts, &exc_TypeError, "cannot convert 'str' object to bytes");
  std::string out;
  if (!sequence_source(ts, o, "bytes", "bytes must be in range(0, 256)", out)) return nullptr;
  return new_bytes(ts, out);
}

Object* bytes_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!unpack_keywords(ts, {"bytes", kSourceNames, 3, 0, 3, 0}, args, nargs, kwnames, a)) return nullptr;
  if (!check_codec_args(ts, "bytes", a)) return nullptr;
  const char* without_string = a[1] ? "encoding without a string argument" : "errors without a string argument";
  std::string out;
  if (!a[0]) {
    if (a[1] || a[2]) return raise(ts, &exc_TypeError, without_string);
  } else if (a[1]) {
    if (!is_str(a[0])) return raise(ts, &exc_TypeError, without_string);
    if (!encode_source(ts, a, out)) return nullptr;
  } else if (a[2]) {
    return raise(ts, &exc_TypeError, is_str(a[0]) ? "string argument without an encoding" : without_string);
  } else {
    bool found;
    Object* r = call_dunder_bytes(ts, a[0], found);
    if (found) {
      if (!r || type == &bytes_type) return r;
      out.assign(bytes_view(r));
      decref(r);
    } else if (is_str(a[0])) {
      return raise(ts, &exc_TypeError, "string argument without an encoding");
    } else if (a[0]->ob_type->nb_index) {
      if (!count_source(ts, a[0], out)) return nullptr;
    } else if (!sequence_source(ts, a[0], "bytes", "bytes must be in range(0, 256)", out)) {
      return nullptr;
    }
  }
  return bytes_impl::new_bytes_of_type(ts, type, out);
}

// bytearray.__init__(source=None, encoding=None, errors=None): replaces the contents.
int bytearray_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!unpack_keywords(ts, {"bytearray", kSourceNames, 3, 0, 3, 0}, args, nargs, kwnames, a)) return -1;
  if (!check_codec_args(ts, "bytearray", a)) return -1;
  std::string out;
  if (a[0] && is_str(a[0])) {
    if (!a[1]) return raise(ts, &exc_TypeError, "string argument without an encoding"), -1;
    if (!encode_source(ts, a, out)) return -1;
  } else if (a[1] || a[2]) {
    raise(ts, &exc_TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
    return -1;
  } else if (a[0] && a[0]->ob_type->nb_index) {
    if (!count_source(ts, a[0], out)) return -1;
  } else if (a[0] && !sequence_source(ts, a[0], "bytearray", "byte must be in range(0, 256)", out)) {
    return -1;
  }
  bytearray_buffer(self) = std::move(out);
  return 0;
}

}  // namespace terrarium
