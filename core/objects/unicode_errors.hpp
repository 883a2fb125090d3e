// UnicodeEncodeError and UnicodeDecodeError: the exceptions codecs raise, carrying the
// encoding, the object being converted, the failing range [start, end) and the reason.
// CPython: Objects/exceptions.c (UnicodeEncodeError_init, UnicodeEncodeError_str, ...).
#pragma once
#include <string_view>
#include "objects/exceptions.hpp"

namespace terrarium {

struct UnicodeErrorObject : ExceptionObject {
  Object* encoding;  // str
  Object* object;    // str (encode) or bytes (decode)
  Py_ssize_t start;
  Py_ssize_t end;
  Object* reason;    // str
};

extern TypeObject exc_UnicodeEncodeError;
extern TypeObject exc_UnicodeDecodeError;

// New exceptions as a codec raises them (args is the 5-tuple, as in CPython).
[[nodiscard]] Object* new_unicode_encode_error(ThreadState* ts, std::string_view encoding, Object* str,
                                               Py_ssize_t start, Py_ssize_t end, std::string_view reason);
[[nodiscard]] Object* new_unicode_decode_error(ThreadState* ts, std::string_view encoding, std::string_view data,
                                               Py_ssize_t start, Py_ssize_t end, std::string_view reason);

}  // namespace terrarium
