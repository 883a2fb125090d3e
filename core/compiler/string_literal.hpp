// Decoding of backslash escapes in (non-raw) string literals. CPython: Parser/string_parser.c.
#pragma once
#include <string>
#include <string_view>

namespace terrarium {

// Returns the literal's value as UTF-8. Unknown escapes are kept verbatim, as CPython does.
std::string decode_escapes(std::string_view body);
// The value of a (non-raw) bytes literal's ASCII body: \xhh and \ooo give bytes, and \u,
// \U and \N are not escapes there. CPython: Objects/bytesobject.c _PyBytes_DecodeEscape.
std::string decode_bytes_escapes(std::string_view body);

}  // namespace terrarium
