// UnicodeEncodeError / UnicodeDecodeError: construction (from Python with CPython's
// argument checks, or from a codec), the attribute getters and setters, and __str__.
// UnicodeTranslateError is not provided. CPython: Objects/exceptions.c.
#include "objects/unicode_errors.hpp"

#include <cstdio>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

UnicodeErrorObject* as_unicode_error(Object* o) { return static_cast<UnicodeErrorObject*>(o); }

void unicode_error_dealloc(Object* o) {
  auto* e = as_unicode_error(o);
  xdecref(e->encoding);
  xdecref(e->object);
  xdecref(e->reason);
  exc_BaseException.tp_dealloc(o);
}

Object* unicode_error_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* o = exc_BaseException.tp_new(ts, type, args, nargs, kwnames);
  if (!o) return nullptr;
  auto* e = as_unicode_error(o);
  e->encoding = e->object = e->reason = nullptr;
  e->start = e->end = 0;
  return o;
}

// CPython parses "UOnnU" (encode) or "UOnnU" with a buffer object (decode).
int unicode_error_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames,
                       bool decode) {
  if (exc_BaseException.tp_init(ts, self, args, nargs, kwnames) < 0) return -1;
  if (nargs != 5) {
    raise(ts, &exc_TypeError, "function takes exactly 5 arguments (" + std::to_string(nargs) + " given)");
    return -1;
  }
  auto must_be_str = [&](int k) {
    if (is_str(args[k])) return true;
    raise(ts, &exc_TypeError, "argument " + std::to_string(k + 1) + " must be str, not " + clinic_type_name(args[k]));
    return false;
  };
  if (!must_be_str(0) || (!decode && !must_be_str(1))) return -1;
  std::int64_t start, end;
  if (!index_value(ts, args[2], start) || !index_value(ts, args[3], end) || !must_be_str(4)) return -1;
  Object* object;
  if (decode) {
    // Checked after the other arguments, as CPython converts the buffer last.
    std::string_view data;
    if (!expect_buffer(ts, args[1], data)) return -1;
    object = new_bytes(ts, data);  // a bytearray is copied, as CPython copies any buffer
  } else {
    object = newref(args[1]);
  }
  auto* e = as_unicode_error(self);
  xdecref(e->encoding), xdecref(e->object), xdecref(e->reason);
  e->encoding = newref(args[0]);
  e->object = object;
  e->start = static_cast<Py_ssize_t>(start);
  e->end = static_cast<Py_ssize_t>(end);
  e->reason = newref(args[4]);
  return 0;
}
int encode_error_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return unicode_error_init(ts, self, args, nargs, kwnames, false);
}
int decode_error_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return unicode_error_init(ts, self, args, nargs, kwnames, true);
}

std::string text_of(Object* o) { return o && is_str(o) ? std::string(str_view(o)) : std::string(); }

// "'ascii' codec can't encode character '\xe9' in position 3: ordinal not in range(128)"
Object* encode_error_str(ThreadState* ts, Object* o) {
  auto* e = as_unicode_error(o);
  if (!e->object) return new_str(ts, "");
  std::string head = "'" + text_of(e->encoding) + "' codec can't encode ";
  if (e->start >= 0 && e->start < str_length(e->object) && e->end == e->start + 1) {
    auto cp = static_cast<unsigned>(str_char_at(e->object, e->start));
    char buf[16];
    if (cp <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    return new_str(ts, head + "character '" + buf + "' in position " + std::to_string(e->start) + ": " +
                           text_of(e->reason));
  }
  return new_str(ts, head + "characters in position " + std::to_string(e->start) + "-" + std::to_string(e->end - 1) +
                         ": " + text_of(e->reason));
}

// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
Object* decode_error_str(ThreadState* ts, Object* o) {
  auto* e = as_unicode_error(o);
  if (!e->object) return new_str(ts, "");
  std::string head = "'" + text_of(e->encoding) + "' codec can't decode ";
  std::string_view data = bytes_view(e->object);
  if (e->start >= 0 && e->start < static_cast<Py_ssize_t>(data.size()) && e->end == e->start + 1) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(data[static_cast<std::size_t>(e->start)]));
    return new_str(ts, head + "byte " + buf + " in position " + std::to_string(e->start) + ": " + text_of(e->reason));
  }
  return new_str(ts, head + "bytes in position " + std::to_string(e->start) + "-" + std::to_string(e->end - 1) + ": " +
                         text_of(e->reason));
}

Object* or_none(Object* o) { return newref(o ? o : py_none()); }
Object* get_encoding(ThreadState*, Object* o) { return or_none(as_unicode_error(o)->encoding); }
Object* get_object(ThreadState*, Object* o) { return or_none(as_unicode_error(o)->object); }
Object* get_reason(ThreadState*, Object* o) { return or_none(as_unicode_error(o)->reason); }
Object* get_start(ThreadState* ts, Object* o) { return new_int(ts, as_unicode_error(o)->start); }
Object* get_end(ThreadState* ts, Object* o) { return new_int(ts, as_unicode_error(o)->end); }

int set_position(ThreadState* ts, Object* value, Py_ssize_t& field) {
  std::int64_t v;
  if (!index_value(ts, value, v)) return -1;
  field = static_cast<Py_ssize_t>(v);
  return 0;
}
int set_start(ThreadState* ts, Object* o, Object* v) { return set_position(ts, v, as_unicode_error(o)->start); }
int set_end(ThreadState* ts, Object* o, Object* v) { return set_position(ts, v, as_unicode_error(o)->end); }
int set_str_field(ThreadState* ts, Object* value, Object*& field, const char* name) {
  if (!is_str(value)) {
    raise(ts, &exc_TypeError, std::string(name) + " attribute must be unicode");
    return -1;
  }
  Object* old = field;
  field = newref(value);
  xdecref(old);
  return 0;
}
int set_reason(ThreadState* ts, Object* o, Object* v) { return set_str_field(ts, v, as_unicode_error(o)->reason, "reason"); }
int set_encoding(ThreadState* ts, Object* o, Object* v) {
  return set_str_field(ts, v, as_unicode_error(o)->encoding, "encoding");
}

const GetSetDef kUnicodeErrorGetSet[] = {
    {"encoding", get_encoding, set_encoding}, {"object", get_object, nullptr}, {"start", get_start, set_start},
    {"end", get_end, set_end},                {"reason", get_reason, set_reason}, {nullptr, nullptr, nullptr},
};

TypeObject make_unicode_error_type(const char* name, InitFunc init, UnaryFunc str) {
  TypeObject t = make_static_type(name, sizeof(UnicodeErrorObject), &exc_UnicodeError);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_repr = nullptr;  // inherited from BaseException when the type is readied
  t.tp_dealloc = unicode_error_dealloc;
  t.tp_new = unicode_error_new;
  t.tp_init = init;
  t.tp_str = str;
  t.tp_getset = kUnicodeErrorGetSet;
  return t;
}

// The exception as a codec makes it: fields set directly, args the same five values.
Object* new_codec_error(ThreadState* ts, TypeObject* type, std::string_view encoding, Object* object,
                        Py_ssize_t start, Py_ssize_t end, std::string_view reason) {
  Object* items[5] = {new_str(ts, encoding), object, new_int(ts, start), new_int(ts, end), new_str(ts, reason)};
  Object* e = call_object(ts, type, items, 5, nullptr);
  for (Object* item : items) decref(item);
  return e;
}

}  // namespace

TypeObject exc_UnicodeEncodeError = make_unicode_error_type("UnicodeEncodeError", encode_error_init, encode_error_str);
TypeObject exc_UnicodeDecodeError = make_unicode_error_type("UnicodeDecodeError", decode_error_init, decode_error_str);

Object* new_unicode_encode_error(ThreadState* ts, std::string_view encoding, Object* str, Py_ssize_t start,
                                 Py_ssize_t end, std::string_view reason) {
  return new_codec_error(ts, &exc_UnicodeEncodeError, encoding, newref(str), start, end, reason);
}

Object* new_unicode_decode_error(ThreadState* ts, std::string_view encoding, std::string_view data, Py_ssize_t start,
                                 Py_ssize_t end, std::string_view reason) {
  return new_codec_error(ts, &exc_UnicodeDecodeError, encoding, new_bytes(ts, data), start, end, reason);
}

}  // namespace terrarium
