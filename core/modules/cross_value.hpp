// Values that cross between isolated interpreters: a Python object is copied out of one
// heap into a plain C++ tree (no Object* inside), and the tree is turned into new objects
// in the other heap, so no object is ever shared. What crosses is what pickle handles for
// the usual built-in types; anything else is refused with pickle's own TypeError text.
// Does not own the transport (isolated_worker.hpp) nor the Python-facing module.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

class BigInt;

struct CrossValue {
  enum class Kind : std::uint8_t {
    None, True, False, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes, ByteArray,
    Tuple, List, Dict, Set, FrozenSet,
    Ref,     // the container met earlier at memo index `ref` (shared or recursive structure)
    Global,  // a function or class by reference: module `text`, qualified name `name`
    // An instance as pickle's default __reduce__ gives it: items = [class (Global), args
    // (Tuple), state (Dict or None)]. Exceptions are rebuilt as class(*args), instances
    // of plain classes by class.__new__(class); then the state fills their __dict__.
    Instance,
  };
  Kind kind = Kind::None;
  std::int64_t integer = 0;
  double real = 0, imag = 0;
  std::string text;                 // Str (UTF-8), Bytes, ByteArray; Global: the module
  std::string name;                 // Global: the qualified name within the module
  std::shared_ptr<BigInt> big;      // BigInt: immutable once made, safe to read from any thread
  std::vector<CrossValue> items;    // Tuple, List, Set, FrozenSet; Dict: key, value, key, value ...
  std::size_t ref = 0;              // Ref
};

// Copies `o` out of its heap. False with TypeError("cannot pickle 'X' object") for a type
// that cannot cross, or RecursionError for nesting deeper than the recursion limit.
// CPython: Modules/_pickle.c save() (which types it handles, and its messages).
[[nodiscard]] bool cross_encode(ThreadState* ts, Object* o, CrossValue& out);
// A function or class by reference, as pickle saves one (CPython: save_global).
CrossValue cross_global(std::string module, std::string qualname);
// What module.qualname names in the interpreter `ts` runs (new reference): "__main__" and
// "__mp_main__" both mean the program's main module (a worker's __mp_main__ is its
// caller's __main__), other modules are imported. Null with pickle's AttributeError
// ("Can't get attribute 'f' on <module ...>") when it is not there.
[[nodiscard]] Object* cross_find_global(ThreadState* ts, const std::string& module, const std::string& qualname);

// Builds the value in the heap of the interpreter `ts` runs. New reference, or null
// with an error set. CPython: Modules/_pickle.c load().
[[nodiscard]] Object* cross_decode(ThreadState* ts, const CrossValue& v);

}  // namespace terrarium
