// str storage: construction, the singletons, the code-point index, hashing, equality and
// the type object with its slots. Methods live in str_*.cpp (listed in str_internal.hpp).
// CPython: Objects/unicodeobject.c (unicode_new, get_latin1_char, unicode_hash).
#include "objects/str.hpp"

#include <cstdlib>
#include <cstring>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"

namespace terrarium {

namespace {

// Room for the longest one-character Latin-1 string (2 UTF-8 bytes and the NUL).
struct SmallStr {
  StrObject s;
  char room[4];
};

struct Singletons {
  SmallStr empty;
  SmallStr latin1[256];
};

void init_small(SmallStr& out, char32_t cp, bool empty) {
  StrObject& s = out.s;
  s.ob_refcnt = kImmortalRefcnt;
  s.ob_type = &str_type;
  s.hash = -1;
  s.index = nullptr;
  std::string utf8;
  if (!empty) unicode::append_utf8(utf8, cp);
  s.length = empty ? 0 : 1;
  s.is_ascii = cp < 0x80;
  s.utf8_size = utf8.size();
  std::memcpy(s.data, utf8.data(), utf8.size());
  s.data[utf8.size()] = '\0';
  // Hashed now: every interpreter on every thread shares the singletons, so nothing may
  // write to them once they are published.
  (void)str_hash(&s);
}

// Immortal, built on first use (a function-local static, so the order in which
// translation units are initialised cannot matter). CPython: get_latin1_char().
Singletons& singletons() {
  static Singletons* table = [] {
    auto* t = new Singletons;
    init_small(t->empty, 0, true);
    for (char32_t c = 0; c < 256; ++c) init_small(t->latin1[c], c, false);
    return t;
  }();
  return *table;
}

inline std::size_t lead_width(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

StrObject* alloc_str(TypeObject* type, std::size_t size) {
  auto* s = static_cast<StrObject*>(object_alloc(type, sizeof(StrObject) + size));
  s->hash = -1;
  s->index = nullptr;
  s->utf8_size = size;
  s->data[size] = '\0';
  return s;
}

void str_dealloc(Object* o) {
  std::free(static_cast<StrObject*>(o)->index);
  object_free(o);
}

// index[k] = byte offset of code point k * kStrIndexStride.
void build_index(StrObject* s) {
  std::size_t entries = static_cast<std::size_t>(s->length / kStrIndexStride) + 1;
  auto* index = static_cast<std::uint32_t*>(std::malloc(entries * sizeof(std::uint32_t)));
  std::size_t k = 0, byte = 0;
  for (Py_ssize_t cp = 0; cp <= s->length && k < entries; ++cp) {
    if (cp % kStrIndexStride == 0) index[k++] = static_cast<std::uint32_t>(byte);
    if (byte < s->utf8_size) byte += lead_width(static_cast<unsigned char>(s->data[byte]));
  }
  s->index = index;
}

}  // namespace

void str_fill_lazy_fields(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  (void)str_hash(o);
  if (!s->is_ascii && s->length > kStrIndexStride && !s->index) build_index(s);
}

Object* new_str_with_length(ThreadState*, std::string_view utf8, Py_ssize_t length) {
  if (utf8.empty()) return newref<Object>(&singletons().empty.s);
  if (length == 1) {
    std::size_t i = 0;
    char32_t cp = unicode::decode_utf8(utf8.data(), i);
    if (cp < 256) return newref<Object>(&singletons().latin1[cp].s);
  }
  StrObject* s = alloc_str(&str_type, utf8.size());
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->length = length;
  s->is_ascii = static_cast<std::size_t>(length) == utf8.size();
  return s;
}

Object* new_str(ThreadState* ts, std::string_view utf8) {
  return new_str_with_length(ts, utf8, str_impl::count_chars(utf8));
}

Object* new_str_from_char(ThreadState* ts, char32_t cp) {
  if (cp < 256) return newref<Object>(&singletons().latin1[cp].s);
  std::string utf8;
  unicode::append_utf8(utf8, cp);
  return new_str_with_length(ts, utf8, 1);
}

std::size_t str_byte_offset(Object* o, Py_ssize_t i) {
  auto* s = static_cast<StrObject*>(o);
  if (s->is_ascii) return static_cast<std::size_t>(i);
  if (i >= s->length) return s->utf8_size;
  std::size_t byte = 0;
  Py_ssize_t skip = i;
  // Short strings are scanned from the start: at most a stride of steps either way.
  if (s->length > kStrIndexStride) {
    if (!s->index) build_index(s);
    byte = s->index[i / kStrIndexStride];
    skip = i % kStrIndexStride;
  }
  for (; skip > 0; --skip) byte += lead_width(static_cast<unsigned char>(s->data[byte]));
  return byte;
}

Py_ssize_t str_char_index(Object* o, std::size_t byte_offset) {
  auto* s = static_cast<StrObject*>(o);
  if (s->is_ascii) return static_cast<Py_ssize_t>(byte_offset);
  std::size_t from = 0;
  Py_ssize_t base = 0;
  if (s->length > kStrIndexStride) {
    if (!s->index) build_index(s);
    // The last index entry at or before byte_offset.
    std::size_t lo = 0, hi = static_cast<std::size_t>(s->length / kStrIndexStride) + 1;
    while (hi - lo > 1) {
      std::size_t mid = (lo + hi) / 2;
      if (s->index[mid] <= byte_offset) lo = mid;
      else hi = mid;
    }
    from = s->index[lo];
    base = static_cast<Py_ssize_t>(lo) * kStrIndexStride;
  }
  return base + str_impl::count_chars(std::string_view(s->data + from, byte_offset - from));
}

char32_t str_char_at(Object* o, Py_ssize_t i) {
  std::size_t byte = str_byte_offset(o, i);
  return unicode::decode_utf8(static_cast<StrObject*>(o)->data, byte);
}

Object* str_substring(ThreadState* ts, Object* s, Py_ssize_t start, Py_ssize_t stop) {
  if (start == 0 && stop == str_length(s) && is_exact_str(s)) return newref(s);
  if (start >= stop) return newref<Object>(&singletons().empty.s);
  std::size_t b0 = str_byte_offset(s, start);
  std::size_t b1 = stop - start == 1 ? b0 + lead_width(static_cast<unsigned char>(static_cast<StrObject*>(s)->data[b0]))
                                     : str_byte_offset(s, stop);
  return new_str_with_length(ts, str_view(s).substr(b0, b1 - b0), stop - start);
}

Py_hash_t str_hash(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  if (s->hash != -1) return s->hash;
  // FNV-1a over the UTF-8 bytes, full 64-bit width. CPython randomises str hashes per
  // process, so no program can depend on the values, only on their quality.
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < s->utf8_size; ++i) {
    h ^= static_cast<unsigned char>(s->data[i]);
    h *= 1099511628211ull;
  }
  auto r = static_cast<Py_hash_t>(h);
  if (r == -1) r = -2;
  s->hash = r;
  return r;
}

bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  if (x->utf8_size != y->utf8_size) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data, y->data, x->utf8_size) == 0;
}

bool str_concat_in_place(ThreadState* ts, Object** left, Object* right) {
  auto* s = static_cast<StrObject*>(*left);
  std::size_t add = str_view(right).size();
  // Sole owner of an exact, mortal str: grow it. Exact str objects come straight from
  // malloc (no managed-dict prefix), so realloc is valid for them.
  if (s->ob_refcnt == 1 && is_exact_str(s) && is_str(right) && add > 0) {
    auto* grown = static_cast<StrObject*>(std::realloc(s, sizeof(StrObject) + s->utf8_size + add));
    if (!grown) return (*left = nullptr), decref(s), raise(ts, &exc_MemoryError, ""), false;
    std::memcpy(grown->data + grown->utf8_size, str_view(right).data(), add);
    grown->utf8_size += add;
    grown->data[grown->utf8_size] = '\0';
    grown->length += str_length(right);
    grown->is_ascii = grown->is_ascii && str_is_ascii(right);
    grown->hash = -1;
    std::free(grown->index);
    grown->index = nullptr;
    *left = grown;
    return true;
  }
  Object* r = binary_op(ts, *left, right, BinaryOp::Add);
  decref(*left);
  *left = r;
  return r != nullptr;
}

namespace str_impl {

StrObject* alloc_exact_str(std::size_t bytes) { return alloc_str(&str_type, bytes); }

Py_ssize_t count_chars(std::string_view utf8) {
  Py_ssize_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

Object* result_or_self(ThreadState* ts, Object* self, std::string&& text) {
  if (is_exact_str(self) && text.size() == str_view(self).size() && text == str_view(self)) return newref(self);
  return new_str(ts, text);
}

}  // namespace str_impl

// ---- the type's slots (str_ops.cpp holds the operators, str_index.cpp indexing) ---------
Object* str_repr_slot(ThreadState* ts, Object* o);
Object* str_str_slot(ThreadState* ts, Object* o);
Object* str_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op);
Object* str_add(ThreadState* ts, Object* a, Object* b);
Object* str_multiply(ThreadState* ts, Object* a, Object* b);
int str_contains(ThreadState* ts, Object* o, Object* item);
Object* str_subscript(ThreadState* ts, Object* o, Object* key);
Object* str_iter(ThreadState* ts, Object* o);
Object* str_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames);

namespace {

Py_hash_t str_hash_slot(ThreadState*, Object* o) { return str_hash(o); }
int str_bool(ThreadState*, Object* o) { return str_length(o) != 0; }
Py_ssize_t str_len(ThreadState*, Object* o) { return str_length(o); }

const MethodDef kStrMethods[] = {
#define TERRARIUM_STR_METHOD_ENTRY(py_name, c_name, flags) {py_name, str_impl::c_name, flags},
    TERRARIUM_STR_METHODS(TERRARIUM_STR_METHOD_ENTRY)
#undef TERRARIUM_STR_METHOD_ENTRY
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject str_type = [] {
  TypeObject t = make_static_type("str", sizeof(StrObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF;
  t.tp_dealloc = str_dealloc;
  t.tp_repr = str_repr_slot;
  t.tp_str = str_str_slot;
  t.tp_hash = str_hash_slot;
  t.tp_richcompare = str_richcompare;
  t.nb_bool = str_bool;
  t.mp_length = str_len;
  t.mp_subscript = str_subscript;
  t.sq_contains = str_contains;
  t.tp_iter = str_iter;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = str_add;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = str_multiply;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = str_impl::str_remainder;
  t.tp_new = str_new;
  t.tp_methods = kStrMethods;
  t.tp_doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from "
      "the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be "
      "decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if "
      "defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'.";
  return t;
}();

}  // namespace terrarium
