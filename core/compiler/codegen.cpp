// Code generation, scope handling: one compiler unit per module, class, function, lambda
// and comprehension; name resolution through the symbol table into FAST/DEREF/GLOBAL/NAME
// instructions; the fast-locals layout and prefix instructions (COPY_FREE_VARS, MAKE_CELL)
// of each code object. CPython: Python/compile.c compiler_enter_scope, compiler_nameop,
// compiler_make_closure, assemble(), insert_prefix_instructions(), fix_cell_offsets().
#include "compiler/codegen.hpp"

#include <algorithm>
#include <cstring>
#include "compiler/codegen_impl.hpp"
#include "compiler/fold_constants.hpp"
#include "compiler/parser.hpp"
#include "objects/bytes.hpp"
#include "objects/complex.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// CPython: _PyCode_ConstantKey. 1, 1.0 and True are different constants; -0.0 is not 0.0.
bool same_constant(Object* a, Object* b) {
  if (a == b) return true;
  if (a->ob_type != b->ob_type) return false;
  if (a->ob_type == &int_type) {
    if (int_fits_int64(a) && int_fits_int64(b)) return int_value(a) == int_value(b);
    Object* eq = int_type.tp_richcompare(nullptr, a, b, CompareOp::Eq);  // exact ints never fail
    bool same = eq == py_true();
    xdecref(eq);
    return same;
  }
  if (a->ob_type == &float_type) {
    double x = float_value(a), y = float_value(b);
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  if (a->ob_type == &complex_type) {
    ComplexValue x = complex_value(a), y = complex_value(b);
    return std::memcmp(&x.real, &y.real, sizeof x.real) == 0 && std::memcmp(&x.imag, &y.imag, sizeof x.imag) == 0;
  }
  if (a->ob_type == &str_type) return str_equal(a, b);
  if (a->ob_type == &bytes_type) return bytes_view(a) == bytes_view(b);
  if (a->ob_type == &frozenset_type) {
    if (set_size(a) != set_size(b)) return false;
    Object* eq = frozenset_type.tp_richcompare(nullptr, a, b, CompareOp::Eq);  // constants never fail
    bool same = eq == py_true();
    xdecref(eq);
    return same;
  }
  if (a->ob_type == &tuple_type) {
    if (tuple_size(a) != tuple_size(b)) return false;
    for (Py_ssize_t i = 0; i < tuple_size(a); ++i)
      if (!same_constant(tuple_get(a, i), tuple_get(b, i))) return false;
    return true;
  }
  return false;
}

bool is_deref_opcode(int op) {
  return op == op::MAKE_CELL || op == op::LOAD_CLOSURE || op == op::LOAD_DEREF || op == op::STORE_DEREF ||
         op == op::DELETE_DEREF || op == op::LOAD_CLASSDEREF;
}

}  // namespace

int add_const_to(std::vector<Object*>& consts, Object* value) {  // steals
  for (std::size_t i = 0; i < consts.size(); ++i) {
    if (same_constant(consts[i], value)) {
      decref(value);
      return static_cast<int>(i);
    }
  }
  consts.push_back(value);
  return static_cast<int>(consts.size() - 1);
}

CodeGen::CodeGen(ThreadState* ts, std::string_view source, const std::string& filename, SymbolTable& symbols,
                 SyntaxErrorInfo& error)
    : ts_(ts), source_(source), filename_(filename), symbols_(symbols), error_(error) {}

CodeGen::~CodeGen() {
  for (auto& unit : units_) {
    for (Object* c : unit->consts) decref(c);
    for (Object* n : unit->names) decref(n);
  }
}

bool CodeGen::is_function_block() const { return units_.back()->ste->kind == BlockKind::Function; }

void CodeGen::fail(const std::string& message, const NodeLocation& l) {
  auto char_offset = [&](int lineno, int byte_col) {
    std::size_t p = 0;
    for (int line = 1; line < lineno && p != std::string_view::npos; ++line) {
      p = source_.find('\n', p);
      if (p != std::string_view::npos) ++p;
    }
    int chars = 0;
    for (int i = 0; i < byte_col && p + i < source_.size(); ++i)
      if ((static_cast<unsigned char>(source_[p + i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
  };
  error_.type = "SyntaxError";
  error_.message = message;
  error_.lineno = l.lineno;
  error_.offset = char_offset(l.lineno, l.col_offset);
  error_.end_lineno = l.end_lineno;
  error_.end_offset = char_offset(l.end_lineno, l.end_col_offset);
  throw CodegenFailure{};
}

// ---- emission ----------------------------------------------------------------------
void CodeGen::addop(int opcode, int oparg, BasicBlock* target) {
  CompilerUnit& unit = u();
  unit.cur->instrs.push_back(Instr{opcode, oparg, target, unit.loc});
  // CPython: NEXT_BLOCK after every jump and scope exit keeps them last in their block.
  bool block_push = opcode == pseudo::SETUP_FINALLY || opcode == pseudo::SETUP_CLEANUP || opcode == pseudo::SETUP_WITH;
  if ((target && !block_push) || is_scope_exit(opcode)) use_next_block(new_block());
}

void CodeGen::addop_noline(int opcode, int oparg, BasicBlock* target) {
  Location saved = u().loc;
  unset_loc();
  addop(opcode, oparg, target);
  u().loc = saved;
}

void CodeGen::addop_name(int opcode, const std::string& name) {
  addop(opcode, add_name(mangle(u().ste->private_name, name)));
}

void CodeGen::load_const(Object* value) { addop(op::LOAD_CONST, add_const(value)); }

void CodeGen::use_next_block(BasicBlock* b) {
  u().cur->next = b;
  u().cur = b;
}

int CodeGen::add_const(Object* value) { return add_const_to(u().consts, value); }

int CodeGen::add_name(const std::string& name) {
  auto& names = u().names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (str_view(names[i]) == name) return static_cast<int>(i);
  names.push_back(new_str(ts_, name));
  return static_cast<int>(names.size() - 1);
}

int CodeGen::varname_index(const std::string& name) {
  auto& v = u().varnames;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] == name) return static_cast<int>(i);
  v.push_back(name);
  return static_cast<int>(v.size() - 1);
}

// CPython: compiler_nameop.
void CodeGen::nameop(const std::string& raw, ExprContext ctx) {
  CompilerUnit& unit = u();
  std::string name = mangle(unit.ste->private_name, raw);
  if (name == "__debug__" && ctx != ExprContext::Load) fail("cannot assign to __debug__", NodeLocation{});
  Scope scope = unit.ste->scope_of(name);
  enum { OpName, OpFast, OpGlobal, OpDeref } optype = OpName;
  int arg = 0;
  switch (scope) {
    case Scope::Free: {
      optype = OpDeref;
      auto it = std::find(unit.freevars.begin(), unit.freevars.end(), name);
      arg = static_cast<int>(unit.cellvars.size() + (it - unit.freevars.begin()));
      break;
    }
    case Scope::Cell: {
      optype = OpDeref;
      auto it = std::find(unit.cellvars.begin(), unit.cellvars.end(), name);
      arg = static_cast<int>(it - unit.cellvars.begin());
      break;
    }
    case Scope::Local:
      if (is_function_block()) optype = OpFast;
      break;
    case Scope::GlobalImplicit:
      if (is_function_block()) optype = OpGlobal;
      break;
    case Scope::GlobalExplicit:
      optype = OpGlobal;
      break;
    default:
      break;
  }
  // A class body sees names free in it (bound in an enclosing function) through cells.
  if (optype == OpName && unit.kind == UnitKind::Class) {
    auto sym = unit.ste->symbols.find(name);
    if (sym != unit.ste->symbols.end() && (sym->second.flags & DEF_FREE_CLASS) && ctx == ExprContext::Load) {
      auto it = std::find(unit.freevars.begin(), unit.freevars.end(), name);
      if (it != unit.freevars.end()) {
        addop(op::LOAD_CLASSDEREF, static_cast<int>(unit.cellvars.size() + (it - unit.freevars.begin())));
        return;
      }
    }
  }
  switch (optype) {
    case OpDeref:
      addop(ctx == ExprContext::Load ? (unit.kind == UnitKind::Class ? op::LOAD_CLASSDEREF : op::LOAD_DEREF)
            : ctx == ExprContext::Store ? op::STORE_DEREF : op::DELETE_DEREF,
            arg);
      return;
    case OpFast:
      addop(ctx == ExprContext::Load ? op::LOAD_FAST : ctx == ExprContext::Store ? op::STORE_FAST : op::DELETE_FAST,
            varname_index(name));
      return;
    case OpGlobal: {
      int idx = add_name(name);
      if (ctx == ExprContext::Load) addop(op::LOAD_GLOBAL, idx << 1);
      else addop(ctx == ExprContext::Store ? op::STORE_GLOBAL : op::DELETE_GLOBAL, idx);
      return;
    }
    case OpName:
      addop(ctx == ExprContext::Load ? op::LOAD_NAME : ctx == ExprContext::Store ? op::STORE_NAME : op::DELETE_NAME,
            add_name(name));
      return;
  }
}

// ---- scopes -------------------------------------------------------------------------
std::string CodeGen::qualname_for(const std::string& name, UnitKind kind) {
  if (units_.size() < 2) return name;
  CompilerUnit& parent = *units_[units_.size() - 2];
  if (kind == UnitKind::Function || kind == UnitKind::Class) {
    std::string mangled = mangle(parent.ste->private_name, name);
    if (parent.ste->scope_of(mangled) == Scope::GlobalExplicit) return name;
  }
  if (parent.kind == UnitKind::Module) return name;
  if (parent.kind == UnitKind::Function || parent.kind == UnitKind::Lambda) return parent.qualname + ".<locals>." + name;
  return parent.qualname + "." + name;
}

void CodeGen::enter_scope(UnitKind kind, const std::string& name, const void* node, int firstlineno) {
  auto unit = std::make_unique<CompilerUnit>();
  unit->kind = kind;
  unit->ste = symbols_.lookup(node);
  unit->name = name;
  unit->firstlineno = firstlineno;
  unit->graph.entry = unit->cur = unit->graph.new_block();
  for (auto& [sym_name, sym] : unit->ste->symbols) {
    if (sym.scope == Scope::Cell) unit->cellvars.push_back(sym_name);
    if (sym.scope == Scope::Free || (sym.flags & DEF_FREE_CLASS)) unit->freevars.push_back(sym_name);
  }
  if (unit->ste->needs_class_closure) unit->cellvars.push_back("__class__");
  std::sort(unit->cellvars.begin(), unit->cellvars.end());
  std::sort(unit->freevars.begin(), unit->freevars.end());
  unit->varnames = unit->ste->params;
  units_.push_back(std::move(unit));
  u().qualname = kind == UnitKind::Module ? "<module>" : qualname_for(name, kind);
  // CPython puts a module's RESUME on line 0 and a function's on its first line.
  u().loc = kind == UnitKind::Module ? Location{0, 1, 0, 0} : Location{firstlineno, firstlineno, 0, 0};
  if (kind == UnitKind::Module) u().loc = Location{0, 1, 0, 0};
  addop(op::RESUME, 0);
  if (kind == UnitKind::Module) unset_loc();
}

CodeObject* CodeGen::exit_scope(bool add_none) {
  CompilerUnit& unit = u();
  // Falling off the end returns None; the instructions have no line of their own.
  if (unit.cur->instrs.empty() || !is_scope_exit(unit.cur->instrs.back().opcode)) {
    unset_loc();
    if (add_none) load_const(newref(py_none()));
    addop(op::RETURN_VALUE);
  }
  // The fast-locals layout: varnames, then cells that are not parameters, then frees.
  std::vector<std::string> plus = unit.varnames;
  std::vector<std::uint8_t> kinds(plus.size(), CO_FAST_LOCAL);
  std::vector<int> fixed(unit.cellvars.size() + unit.freevars.size());
  for (std::size_t i = 0; i < unit.cellvars.size(); ++i) {
    auto it = std::find(plus.begin(), plus.end(), unit.cellvars[i]);
    if (it != plus.end() && it - plus.begin() < static_cast<long>(unit.varnames.size())) {
      kinds[static_cast<std::size_t>(it - plus.begin())] |= CO_FAST_CELL;
      fixed[i] = static_cast<int>(it - plus.begin());
    } else {
      fixed[i] = static_cast<int>(plus.size());
      plus.push_back(unit.cellvars[i]);
      kinds.push_back(CO_FAST_CELL);
    }
  }
  for (std::size_t i = 0; i < unit.freevars.size(); ++i) {
    fixed[unit.cellvars.size() + i] = static_cast<int>(plus.size());
    plus.push_back(unit.freevars[i]);
    kinds.push_back(CO_FAST_FREE);
  }
  for (auto& b : unit.graph.blocks)
    for (Instr& i : b->instrs)
      if (is_deref_opcode(i.opcode)) i.oparg = fixed[static_cast<std::size_t>(i.oparg)];
  // Prefix instructions without a line: COPY_FREE_VARS, then MAKE_CELL in slot order.
  std::vector<Instr> prefix;
  bool generator = (unit.ste->is_generator || unit.ste->is_coroutine) && unit.kind != UnitKind::Module &&
                   unit.kind != UnitKind::Class;
  if (!unit.freevars.empty()) prefix.push_back(Instr{op::COPY_FREE_VARS, static_cast<int>(unit.freevars.size())});
  std::vector<int> cell_slots;
  for (std::size_t i = 0; i < unit.cellvars.size(); ++i) cell_slots.push_back(fixed[i]);
  std::sort(cell_slots.begin(), cell_slots.end());
  for (int slot : cell_slots) prefix.push_back(Instr{op::MAKE_CELL, slot});
  if (generator) {
    // A generator's frame starts by turning itself into a generator object.
    Location first{unit.firstlineno, unit.firstlineno, -1, -1};
    prefix.push_back(Instr{op::RETURN_GENERATOR, 0, nullptr, first});
    prefix.push_back(Instr{op::POP_TOP, 0, nullptr, first});
  }
  auto& entry = unit.graph.entry->instrs;
  entry.insert(entry.begin(), prefix.begin(), prefix.end());

  if (!optimize_cfg(unit.graph, unit.consts, ts_)) throw CodegenFailure{};
  int flags = 0;
  if (unit.kind == UnitKind::Function || unit.kind == UnitKind::Lambda || unit.kind == UnitKind::Comprehension) {
    flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (unit.ste->nested) flags |= CO_NESTED;
    if (unit.ste->has_varargs) flags |= CO_VARARGS;
    if (unit.ste->has_varkeywords) flags |= CO_VARKEYWORDS;
    if (unit.ste->is_coroutine) flags |= unit.ste->is_generator ? CO_ASYNC_GENERATOR : CO_COROUTINE;
    else if (unit.ste->is_generator) flags |= CO_GENERATOR;
  }
  AssembleInput in{unit.graph, unit.consts, unit.names, filename_, unit.name.c_str(), unit.qualname.c_str(),
                   unit.firstlineno, flags, unit.argcount, unit.posonlyargcount, unit.kwonlyargcount};
  CodeObject* code = assemble(ts_, in);
  unit.consts.clear();
  unit.names.clear();
  for (std::size_t i = 0; i < plus.size(); ++i) {
    Object* n = intern_source_str(ts_, new_str(ts_, plus[i]));
    code->co_localsplusnames.push_back(n);
    code->co_localspluskinds.push_back(kinds[i]);
    if (kinds[i] & CO_FAST_LOCAL) code->co_varnames.push_back(newref(n));
    if (kinds[i] & CO_FAST_CELL) code->co_cellvars.push_back(newref(n));
    if (kinds[i] & CO_FAST_FREE) code->co_freevars.push_back(newref(n));
  }
  code->co_nlocals = static_cast<int>(unit.varnames.size());
  code->has_docstring = unit.has_docstring;
  units_.pop_back();
  return code;
}

// CPython: compiler_make_closure. Pushes the function made from `code`.
void CodeGen::make_closure(CodeObject* code, int flags, Object* qualname) {
  if (!code->co_freevars.empty()) {
    for (Object* free : code->co_freevars) {
      std::string name(str_view(free));
      // The cell is the enclosing unit's cell or free variable of the same name.
      CompilerUnit& unit = u();
      int arg;
      auto c = std::find(unit.cellvars.begin(), unit.cellvars.end(), name);
      if (c != unit.cellvars.end()) {
        arg = static_cast<int>(c - unit.cellvars.begin());
      } else {
        auto f = std::find(unit.freevars.begin(), unit.freevars.end(), name);
        if (f == unit.freevars.end()) fail("internal error: no cell for free variable '" + name + "'", NodeLocation{});
        arg = static_cast<int>(unit.cellvars.size() + (f - unit.freevars.begin()));
      }
      addop(op::LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    addop(op::BUILD_TUPLE, static_cast<int>(code->co_freevars.size()));
  }
  (void)qualname;
  load_const(code);
  addop(op::MAKE_FUNCTION, flags);
}

CodeObject* CodeGen::compile_module(Module& module) {
  try {
    enter_scope(UnitKind::Module, "<module>", &module, 1);
    body(module.body, true);
    return exit_scope(true);
  } catch (const CodegenFailure&) {
    return nullptr;
  }
}

CodeObject* CodeGen::compile_expression(Module& module) {
  try {
    enter_scope(UnitKind::Module, "<module>", &module, 1);
    Stmt& s = *module.body[0];
    visit_expr(*s.value);
    set_loc(s.value->loc);
    addop(op::RETURN_VALUE);
    return exit_scope(false);
  } catch (const CodegenFailure&) {
    return nullptr;
  }
}

CompileResult compile_expression(ThreadState* ts, std::string_view source, const std::string& filename) {
  CompileResult result;
  Module module;
  // Leading whitespace is allowed in eval input; the grammar is one expression.
  std::size_t start = source.find_first_not_of(" \t");
  std::string_view text = start == std::string_view::npos ? std::string_view() : source.substr(start);
  if (!parse_module(ts, text, module, result.error)) return result;
  if (module.body.size() != 1 || module.body[0]->kind != StmtKind::Expr) {
    result.error.type = "SyntaxError";
    result.error.message = "invalid syntax";
    result.error.lineno = module.body.empty() ? 1 : module.body[0]->loc.lineno;
    result.error.offset = module.body.empty() ? 1 : module.body[0]->loc.col_offset + 1;
    return result;
  }
  return compile_module_tree(ts, module, text, filename, true);
}

CompileResult compile_module_tree(ThreadState* ts, Module& module, std::string_view source, const std::string& filename,
                                  bool is_expression) {
  CompileResult result;
  if (!fold_constants(ts, module, result.error)) return result;
  SymbolTable symbols;
  if (!symbols.build(module, source, result.error)) return result;
  CodeGen gen(ts, source, filename, symbols, result.error);
  result.code = is_expression ? gen.compile_expression(module) : gen.compile_module(module);
  return result;
}

CompileResult compile_module(ThreadState* ts, std::string_view source, const std::string& filename, bool keep_source) {
  CompileResult result;
  Module module;
  if (!parse_module(ts, source, module, result.error)) return result;
  result = compile_module_tree(ts, module, source, filename, false);
  if (result.code && keep_source) {
    // Every nested code object shares the text for its tracebacks.
    auto text = std::make_shared<const std::string>(source);
    std::vector<CodeObject*> todo{result.code};
    while (!todo.empty()) {
      CodeObject* c = todo.back();
      todo.pop_back();
      c->source = text;
      for (Object* k : c->co_consts)
        if (k->ob_type == &code_type) todo.push_back(static_cast<CodeObject*>(k));
    }
  }
  return result;
}

}  // namespace terrarium
