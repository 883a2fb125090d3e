// The `_opcode` built-in module: CPython's stack_effect(), plus the instruction table
// (opcodes.def, through kOpcodeInfo) and the operator tables, so that the `opcode` and
// `dis` modules in core/pylib build their lists from the one definition instead of
// keeping a copy. CPython: Modules/_opcode.c (only stack_effect there; the rest is ours).
#include <algorithm>
#include <string>
#include "bytecode/opcodes.hpp"
#include "bytecode/stack_effect.hpp"
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

// stack_effect's oparg goes through PyLong_AsLong and is then cut to a C int.
bool long_arg(ThreadState* ts, Object* o, std::int64_t& out) {
  Object* n = number_index(ts, o);
  if (!n) return false;
  bool fits = int_fits_int64(n);
  out = int_value(n);
  decref(n);
  if (!fits) raise(ts, &exc_OverflowError, "Python int too large to convert to C long");
  return fits;
}

// stack_effect(opcode, oparg=None, /, *, jump=None)
Object* opcode_stack_effect_fn(ThreadState* ts, Object*, Object* const* args, std::size_t nargs,
                               Object* kwnames) {
  static const char* const kNames[] = {"", "", "jump"};
  static const KwSpec kSpec{"stack_effect", kNames, 3, 2, 2, 1};
  Object* a[3];
  if (!unpack_keywords(ts, kSpec, args, nargs, kwnames, a)) return nullptr;
  std::int64_t opcode;
  if (!c_int_arg(ts, a[0], opcode)) return nullptr;
  Object* oparg_obj = a[1] ? a[1] : py_none();
  Object* jump_obj = a[2] ? a[2] : py_none();
  std::int64_t oparg = 0;
  // CPython: HAS_ARG(op) is op >= HAVE_ARGUMENT (90), named or not.
  if (opcode >= op::STORE_NAME) {
    if (oparg_obj == py_none())
      return raise(ts, &exc_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    if (!long_arg(ts, oparg_obj, oparg)) return nullptr;
  } else if (oparg_obj != py_none()) {
    return raise(ts, &exc_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  if (jump_obj != py_none() && jump_obj != py_true() && jump_obj != py_false())
    return raise(ts, &exc_ValueError, "stack_effect: jump must be False, True or None");
  // Only the instructions CPython 3.11 names have an effect; the rest are invalid.
  bool known = opcode >= 0 && opcode < 256 && kOpcodeInfo[static_cast<std::size_t>(opcode)].name;
  int op32 = static_cast<int>(opcode), arg32 = static_cast<int>(static_cast<std::int32_t>(oparg));
  std::optional<int> taken = known ? opcode_stack_effect(op32, arg32, true) : std::nullopt;
  std::optional<int> not_taken = known ? opcode_stack_effect(op32, arg32, false) : std::nullopt;
  if (!taken || !not_taken) return raise(ts, &exc_ValueError, "invalid opcode or oparg");
  if (jump_obj == py_true()) return new_int(ts, *taken);
  if (jump_obj == py_false()) return new_int(ts, *not_taken);
  return new_int(ts, std::max(*taken, *not_taken));  // jump=None: the larger of the two
}

// The argument kinds opcode.py turns into hasconst, hasname, hasjrel, haslocal, hasfree
// and hascompare. JUMP_BACKWARD_REL counts as "jrel" as in CPython (dis tells the
// direction from the name).
Object* kinds_of(ThreadState* ts, std::uint16_t flags) {
  static const struct { std::uint16_t flag; const char* kind; } kKinds[] = {
      {opflag::HAS_CONST, "const"}, {opflag::HAS_NAME, "name"},
      {opflag::JUMP_FORWARD_REL | opflag::JUMP_BACKWARD_REL, "jrel"}, {opflag::HAS_LOCAL, "local"},
      {opflag::HAS_FREE, "free"}, {opflag::HAS_COMPARE, "compare"}, {opflag::HAS_ARG, "arg"},
  };
  const char* kinds[sizeof kKinds / sizeof kKinds[0]];
  Py_ssize_t count = 0;
  for (const auto& k : kKinds)
    if (flags & k.flag) kinds[count++] = k.kind;
  Object* t = new_tuple(ts, count);
  for (Py_ssize_t i = 0; i < count; ++i) tuple_set(t, i, new_str(ts, kinds[i]));
  return t;
}

// ((name, number, inline_cache_entries, kinds), ...) in number order.
Object* instruction_table(ThreadState* ts) {
  Py_ssize_t count = 0;
  for (const OpcodeInfo& info : kOpcodeInfo) count += info.name != nullptr;
  Object* table = new_tuple(ts, count);
  Py_ssize_t row = 0;
  for (std::size_t number = 0; number < kOpcodeInfo.size(); ++number) {
    const OpcodeInfo& info = kOpcodeInfo[number];
    if (!info.name) continue;
    Object* entry = new_tuple(ts, 4);
    tuple_set(entry, 0, new_str(ts, info.name));
    tuple_set(entry, 1, new_int(ts, static_cast<std::int64_t>(number)));
    tuple_set(entry, 2, new_int(ts, info.cache_entries));
    tuple_set(entry, 3, kinds_of(ts, info.flags));
    tuple_set(table, row++, entry);
  }
  return table;
}

// COMPARE_OP's argument order. CPython: opcode.cmp_op.
Object* compare_ops(ThreadState* ts) {
  constexpr int kCount = static_cast<int>(CompareOp::Ge) + 1;
  Object* t = new_tuple(ts, kCount);
  for (int i = 0; i < kCount; ++i) tuple_set(t, i, new_str(ts, compare_symbol(static_cast<CompareOp>(i))));
  return t;
}

// BINARY_OP's argument: (NB_* name, symbol) for each BinaryOp. CPython: opcode._nb_ops.
Object* nb_ops(ThreadState* ts) {
  static const char* const kNames[] = {"ADD", "AND", "FLOOR_DIVIDE", "LSHIFT", "MATRIX_MULTIPLY", "MULTIPLY",
                                       "REMAINDER", "OR", "POWER", "RSHIFT", "SUBTRACT", "TRUE_DIVIDE", "XOR"};
  static_assert(sizeof kNames / sizeof kNames[0] == kBinaryOpCount);
  Object* t = new_tuple(ts, 2 * kBinaryOpCount);
  for (int i = 0; i < 2 * kBinaryOpCount; ++i) {
    bool inplace = i >= kBinaryOpCount;
    Object* pair = new_tuple(ts, 2);
    tuple_set(pair, 0, new_str(ts, std::string(inplace ? "NB_INPLACE_" : "NB_") + kNames[i % kBinaryOpCount]));
    tuple_set(pair, 1, new_str(ts, binary_op_symbol(static_cast<BinaryOp>(i))));
    tuple_set(t, i, pair);
  }
  return t;
}

}  // namespace

Object* init_opcode_module(ThreadState* ts) {
  Object* m = new_module(ts, "_opcode");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = add_builtin_function(ts, d, "stack_effect", opcode_stack_effect_fn) &&
            add_builtin_object(ts, d, "_instruction_table", instruction_table(ts)) &&
            add_builtin_object(ts, d, "_compare_ops", compare_ops(ts)) &&
            add_builtin_object(ts, d, "_nb_ops", nb_ops(ts));
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
