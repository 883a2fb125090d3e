// The built-in codecs and error handlers behind str.encode and bytes.decode. An encoder
// groups each run of characters it cannot encode into one error [start, end), and the
// utf-8 decoder reports each invalid sequence as CPython's does (invalid start byte,
// invalid continuation byte, unexpected end of data), so messages, exception attributes and
// the number of replacement characters all match.
// CPython: Objects/unicodeobject.c (unicode_encode_ucs1, unicode_encode_utf8,
// unicode_decode_utf8), Objects/stringlib/codecs.h, Python/codecs.c, Lib/encodings/aliases.py.
#include "objects/codecs.hpp"

#include <cstdio>
#include <initializer_list>
#include <string>
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/str.hpp"
#include "objects/str_unicode.hpp"
#include "objects/unicode_errors.hpp"

namespace terrarium {

namespace {

struct Codec {
  const char* name;     // as error messages spell it
  char32_t limit;       // code points below this encode (utf-8: all but surrogates)
  const char* reason;   // the encode (and ascii decode) error reason
};
const Codec kUtf8 = {"utf-8", 0x110000, "surrogates not allowed"};
const Codec kAscii = {"ascii", 0x80, "ordinal not in range(128)"};
const Codec kLatin1 = {"latin-1", 0x100, "ordinal not in range(256)"};

// CPython: encodings.normalize_encoding (runs of punctuation become one '_', ends trimmed),
// after codecs.lookup lower-cases the name.
std::string normalize_encoding(std::string_view name) {
  std::string out;
  bool punct = false;
  for (char c : name) {
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (alnum || c == '.') {
      if (punct && !out.empty()) out += '_';
      out += alnum && c <= 'Z' && c >= 'A' ? static_cast<char>(c | 0x20) : c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

bool in(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (n == name) return true;
  return false;
}

// The module name (utf_8, ascii, latin_1) or an alias from Lib/encodings/aliases.py; aliases
// are also tried with '.' read as '_', as the encodings search function does.
const Codec* find_codec(std::string_view requested) {
  std::string norm = normalize_encoding(requested);
  std::string dotless = norm;
  for (char& c : dotless)
    if (c == '.') c = '_';
  auto alias = [&](std::initializer_list<std::string_view> names) { return in(norm, names) || in(dotless, names); };
  if (norm == "utf_8" || alias({"u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4", "cp65001"})) return &kUtf8;
  if (norm == "ascii" || alias({"646", "ansi_x3_4_1968", "ansi_x3_4_1986", "cp367", "csascii", "ibm367", "iso646_us",
                                "iso_646_irv_1991", "iso_ir_6", "us", "us_ascii"}))
    return &kAscii;
  if (norm == "latin_1" || alias({"8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1",
                                  "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"}))
    return &kLatin1;
  return nullptr;
}

bool unknown_encoding(ThreadState* ts, std::string_view name) {
  raise(ts, &exc_LookupError, "unknown encoding: " + std::string(name));
  return false;
}
bool unknown_handler(ThreadState* ts, std::string_view errors) {
  raise(ts, &exc_LookupError, "unknown error handler name '" + std::string(errors) + "'");
  return false;
}

void append_hex_escape(std::string& out, char32_t cp) {
  char buf[16];
  if (cp <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  else if (cp <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  out += buf;
}

bool encodable(const Codec& codec, char32_t cp) {
  if (&codec == &kUtf8) return cp < 0xD800 || cp > 0xDFFF;
  return cp < codec.limit;
}

// Handles the unencodable characters run[] at [start, end) of str. CPython: the built-in
// error handlers of Python/codecs.c as unicode_encode_ucs1 and the utf-8 encoder apply them.
bool encode_error(ThreadState* ts, const Codec& codec, std::string_view errors, Object* str, Py_ssize_t start,
                  Py_ssize_t end, const std::u32string& run, std::string& out) {
  auto strict = [&] {
    Object* e = new_unicode_encode_error(ts, codec.name, str, start, end, codec.reason);
    if (e) raise_object(ts, e);
    return false;
  };
  if (errors == "strict") return strict();
  if (errors == "ignore") return true;
  if (errors == "replace") return out.append(run.size(), '?'), true;
  if (errors == "backslashreplace") {
    for (char32_t cp : run) append_hex_escape(out, cp);
    return true;
  }
  if (errors == "xmlcharrefreplace") {
    for (char32_t cp : run) out += "&#" + std::to_string(static_cast<unsigned long>(cp)) + ";";
    return true;
  }
  if (errors == "surrogateescape") {
    // Only the lone surrogates U+DC80..U+DCFF that decoding made stand for bytes.
    for (char32_t cp : run)
      if (cp < 0xDC80 || cp > 0xDCFF) return strict();
    for (char32_t cp : run) out += static_cast<char>(cp - 0xDC00);
    return true;
  }
  return unknown_handler(ts, errors);
}

// Handles the undecodable bytes data[start, end).
bool decode_error(ThreadState* ts, const Codec& codec, std::string_view errors, std::string_view data,
                  std::size_t start, std::size_t end, const char* reason, std::string& out) {
  if (errors == "strict") {
    Object* e = new_unicode_decode_error(ts, codec.name, data, static_cast<Py_ssize_t>(start),
                                         static_cast<Py_ssize_t>(end), reason);
    if (e) raise_object(ts, e);
    return false;
  }
  if (errors == "ignore") return true;
  if (errors == "replace") return unicode::append_utf8(out, 0xFFFD), true;
  if (errors == "backslashreplace" || errors == "surrogateescape") {
    for (std::size_t i = start; i < end; ++i) {
      auto b = static_cast<unsigned char>(data[i]);
      if (errors == "surrogateescape") unicode::append_utf8(out, 0xDC00 + b);
      else append_hex_escape(out, b);
    }
    return true;
  }
  return unknown_handler(ts, errors);
}

// The well-formed UTF-8 sequence starting at data[i]: true with end just past it, or false
// with the error range's end and reason. CPython: Objects/stringlib/codecs.h utf8_decode.
bool utf8_sequence(std::string_view data, std::size_t i, std::size_t& end, const char*& reason) {
  auto b = static_cast<unsigned char>(data[i]);
  int need;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range narrows for some leads
  if (b < 0x80) return end = i + 1, true;
  if (b < 0xC2 || b > 0xF4) return end = i + 1, reason = "invalid start byte", false;
  if (b < 0xE0) {
    need = 1;
  } else if (b < 0xF0) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else {
    need = 3;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= data.size()) return end = data.size(), reason = "unexpected end of data", false;
    auto c = static_cast<unsigned char>(data[i + k]);
    if (c < lo || c > hi) return end = i + k, reason = "invalid continuation byte", false;
    lo = 0x80, hi = 0xBF;
  }
  end = i + need + 1;
  return true;
}

}  // namespace

Object* encode_str(ThreadState* ts, Object* str, std::string_view encoding, std::string_view errors) {
  const Codec* codec = find_codec(encoding);
  if (!codec) return unknown_encoding(ts, encoding), nullptr;
  std::string_view text = str_view(str);
  std::string out;
  out.reserve(text.size());
  Py_ssize_t pos = 0;  // code points so far
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    char32_t cp = unicode::decode_utf8(text.data(), i);
    if (encodable(*codec, cp)) {
      if (codec == &kUtf8) out.append(text.substr(at, i - at));
      else out += static_cast<char>(cp);
      ++pos;
      continue;
    }
    Py_ssize_t start = pos++;
    std::u32string run(1, cp);
    for (std::size_t j = i; j < text.size(); i = j, ++pos) {
      cp = unicode::decode_utf8(text.data(), j);
      if (encodable(*codec, cp)) break;
      run += cp;
    }
    if (!encode_error(ts, *codec, errors, str, start, pos, run, out)) return nullptr;
  }
  return new_bytes(ts, out);
}

Object* decode_bytes(ThreadState* ts, std::string_view data, std::string_view encoding, std::string_view errors) {
  const Codec* codec = find_codec(encoding);
  if (!codec) return unknown_encoding(ts, encoding), nullptr;
  std::string out;
  out.reserve(data.size());
  for (std::size_t i = 0; i < data.size();) {
    auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (codec == &kLatin1) {
      unicode::append_utf8(out, b);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    const char* reason = codec->reason;
    if (codec == &kUtf8 && utf8_sequence(data, i, end, reason)) {
      out.append(data.substr(i, end - i));
    } else if (!decode_error(ts, *codec, errors, data, i, end, reason, out)) {
      return nullptr;
    }
    i = end;
  }
  return new_str(ts, out);
}

}  // namespace terrarium
