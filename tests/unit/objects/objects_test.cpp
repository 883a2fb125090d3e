// Guards core/objects: float repr, int semantics, dict growth and deletion.
#include <catch2/catch.hpp>

#include <cmath>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

using namespace terrarium;

TEST_CASE("float repr is the shortest round-trip text, in CPython's layout") {
  CHECK(float_repr_string(0.1) == "0.1");
  CHECK(float_repr_string(0.1 + 0.2) == "0.30000000000000004");
  CHECK(float_repr_string(1e16) == "1e+16");
  CHECK(float_repr_string(1e15) == "1000000000000000.0");
  CHECK(float_repr_string(1e-5) == "1e-05");
  CHECK(float_repr_string(0.0001) == "0.0001");
  CHECK(float_repr_string(-0.0) == "-0.0");
  CHECK(float_repr_string(1.5e300) == "1.5e+300");
  CHECK(float_repr_string(123456789.0) == "123456789.0");
  CHECK(float_repr_string(INFINITY) == "inf");
  CHECK(float_repr_string(NAN) == "nan");
}

TEST_CASE("small ints are cached so `is` matches CPython") {
  ThreadState ts;
  Object* a = new_int(&ts, 256);
  Object* b = new_int(&ts, 256);
  Object* c = new_int(&ts, 257);
  Object* d = new_int(&ts, 257);
  CHECK(a == b);
  CHECK(c != d);
  decref(a), decref(b), decref(c), decref(d);
}

TEST_CASE("floor division and modulo follow the divisor's sign") {
  ThreadState ts;
  Object* a = new_int(&ts, -7);
  Object* b = new_int(&ts, 2);
  Object* q = binary_op(&ts, a, b, BinaryOp::FloorDivide);
  Object* r = binary_op(&ts, a, b, BinaryOp::Remainder);
  CHECK(int_value(q) == -4);
  CHECK(int_value(r) == 1);
  decref(a), decref(b), decref(q), decref(r);
}

TEST_CASE("a dict keeps insertion order and stays correct across growth and deletion") {
  ThreadState ts;
  Object* d = new_dict(&ts);
  constexpr int kCount = 20000;
  for (int i = 0; i < kCount; ++i) {
    Object* k = new_str(&ts, "key" + std::to_string(i));
    Object* v = new_int(&ts, i);
    REQUIRE(dict_set_item(&ts, d, k, v));
    decref(k), decref(v);
  }
  CHECK(dict_size(d) == kCount);
  for (int i = 0; i < kCount; i += 2) {
    Object* k = new_str(&ts, "key" + std::to_string(i));
    CHECK(dict_del_item(&ts, d, k) == 1);
    decref(k);
  }
  CHECK(dict_size(d) == kCount / 2);
  for (int i = 0; i < kCount; ++i) {
    Object* k = new_str(&ts, "key" + std::to_string(i));
    Object* v = dict_get_str(d, k);
    if (i % 2) {
      REQUIRE(v);
      CHECK(int_value(v) == i);
    } else {
      CHECK(v == nullptr);
    }
    decref(k);
  }
  // Entries come back in insertion order.
  auto& entries = *static_cast<DictObject*>(d)->entries;
  int last = -1;
  for (auto& e : entries) {
    if (!e.key) continue;
    CHECK(int_value(e.value) > last);
    last = static_cast<int>(int_value(e.value));
  }
  decref(d);
}
