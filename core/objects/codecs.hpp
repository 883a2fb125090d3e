// Text encodings: str -> bytes and bytes -> str for the codecs Terrarium has built in
// (utf-8, ascii, latin-1 and their aliases), with the error handlers strict, ignore,
// replace, backslashreplace, xmlcharrefreplace (encoding only) and surrogateescape.
// There is no codec registry: an unknown name is a LookupError, as in CPython.
// CPython: Objects/unicodeobject.c (PyUnicode_AsEncodedString, PyUnicode_Decode,
// unicode_encode_ucs1, the utf-8 codec), Python/codecs.c (the error handlers).
#pragma once
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

// str.encode(): a new bytes, or null with UnicodeEncodeError / LookupError set.
[[nodiscard]] Object* encode_str(ThreadState* ts, Object* str, std::string_view encoding, std::string_view errors);
// bytes.decode(): a new str, or null with UnicodeDecodeError / LookupError set.
[[nodiscard]] Object* decode_bytes(ThreadState* ts, std::string_view data, std::string_view encoding,
                                   std::string_view errors);

}  // namespace terrarium
