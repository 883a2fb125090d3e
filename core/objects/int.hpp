// int: arbitrary precision, stored two ways. Values that fit int64 (almost all of them)
// live in `value` so small-int arithmetic is a type check, an overflow-checked machine
// operation and an allocation; larger values also own a BigInt. The small-int cache
// (-5..256) makes `is` answer as in CPython. CPython: Objects/longobject.c.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include "objects/bigint.hpp"
#include "objects/object.hpp"

namespace terrarium {

// Invariant: `big` is non-null exactly when the value does not fit int64 (so equal values
// have equal representations). Then `value` holds INT64_MAX or INT64_MIN by the sign, so
// code that reads int_value() of a huge int sees "as large as it gets", never a wrong
// small number.
struct IntObject : Object {
  std::int64_t value;
  BigInt* big = nullptr;  // owned
};

extern TypeObject int_type;
// Sets int's behaviour slots on t (int itself and its subclass bool).
void fill_int_slots(TypeObject& t);

// sys.get_int_max_str_digits(): the most decimal digits int<->str conversion handles,
// 0 for no limit. CPython 3.11's default is 4300.
constexpr std::size_t kDefaultIntMaxStrDigits = 4300;
std::size_t int_max_str_digits(ThreadState* ts);
// False with CPython's ValueError when an int of `digits` decimal digits may not be
// converted to text (to_text) or parsed from text (!to_text, which names the count).
[[nodiscard]] bool int_str_digits_allowed(ThreadState* ts, std::size_t digits, bool to_text);

[[nodiscard]] Object* new_int(ThreadState* ts, std::int64_t v);  // never fails
// Normalises to the int64 form (and the small-int cache) when the value fits.
[[nodiscard]] Object* new_int_from_bigint(ThreadState* ts, BigInt v);
inline bool is_int(Object* o) { return is_instance(o, &int_type); }
// The value when int_fits_int64(o); otherwise saturated (see IntObject).
inline std::int64_t int_value(Object* o) { return static_cast<IntObject*>(o)->value; }
inline bool int_fits_int64(Object* o) { return static_cast<IntObject*>(o)->big == nullptr; }
BigInt int_to_bigint(Object* o);
int int_sign(Object* o);                    // -1, 0, 1
int int_compare(Object* a, Object* b);      // -1, 0, 1; both ints
std::uint64_t int_bit_length(Object* o);    // int.bit_length()
// int -> double, correctly rounded; OverflowError "int too large to convert to float".
[[nodiscard]] bool int_to_double(ThreadState* ts, Object* o, double& out);
// Compares the int exactly with a finite double: -1, 0, 1 (CPython: float_richcompare).
int int_compare_double(Object* o, double x);
// int(x) for a finite double (truncating); ValueError/OverflowError for nan/inf as CPython.
[[nodiscard]] Object* new_int_from_double(ThreadState* ts, double v);
// An exact int with the value of o (an int or subclass instance); o itself if exact.
[[nodiscard]] Object* int_exact(ThreadState* ts, Object* o);
// str(int): decimal text, or ValueError past sys.get_int_max_str_digits().
[[nodiscard]] bool int_to_decimal_string(ThreadState* ts, Object* o, std::string& out);

// PyNumber_Index: an exact int from an int or an object with __index__; TypeError
// "'float' object cannot be interpreted as an integer" otherwise.
[[nodiscard]] Object* number_index(ThreadState* ts, Object* o);
// PyNumber_Long: int(o) with one argument (__int__, __index__, __trunc__, str).
[[nodiscard]] Object* number_long(ThreadState* ts, Object* o);
// int(text, base) for str text (base 0 or 2..36). `original` is the str for messages.
[[nodiscard]] Object* int_from_text(ThreadState* ts, std::string_view text, int base, Object* original);
// bin(), oct(), hex(): '-0b101'. o must be an int.
[[nodiscard]] Object* int_to_prefixed_string(ThreadState* ts, Object* o, int base);
// pow(base, exp, mod) for three ints (CPython's messages, modular inverse for exp < 0).
[[nodiscard]] Object* int_pow_mod(ThreadState* ts, Object* base, Object* exp, Object* mod);
// divmod(a, b) for two ints: a (q, r) tuple.
[[nodiscard]] Object* int_divmod(ThreadState* ts, Object* a, Object* b);

// Parses an int literal's text as the tokenizer gives it (underscores, 0x/0o/0b).
// Fails only for a decimal literal over sys.get_int_max_str_digits() digits (ValueError, int()'s
// message; CPython reports it as a SyntaxError).
[[nodiscard]] Object* int_from_literal(ThreadState* ts, const std::string& text);

}  // namespace terrarium
