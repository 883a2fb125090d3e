// Decoding of backslash escapes in (non-raw) string literals. CPython: Parser/string_parser.c.
#pragma once
#include <string>
#include <string_view>

namespace terrarium {

// Returns the literal's value as UTF-8. Unknown escapes are kept verbatim, as CPython does.
std::string decode_escapes(std::string_view body);

}  // namespace terrarium
