// The match statement, compiled as CPython 3.11's compiler_match does so that `dis` shows
// the same instructions. A pattern leaves its captured values on the stack (under the
// items it is still working on) and binds them only once the whole case has matched; a
// failed check jumps to the "fail_pop" block that pops exactly what is on the stack at
// that point, so there is one fail_pop block per stack depth.
#include "compiler/codegen_impl.hpp"

#include <algorithm>
#include "bytecode/opcodes.hpp"
#include "objects/abstract.hpp"
#include "objects/int.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool is_wildcard(const Pattern& p) { return p.kind == PatternKind::MatchAs && !p.pattern && p.name.empty(); }
bool is_star_wildcard(const Pattern& p) { return p.kind == PatternKind::MatchStar && p.name.empty(); }

}  // namespace

// Makes sure fail_pop has a block for popping n items.
void CodeGen::ensure_fail_pop(PatternContext& pc, std::size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_block());
}

// On failure, pop what this pattern put on the stack and the captures made so far.
void CodeGen::jump_to_fail_pop(PatternContext& pc, int opcode) {
  std::size_t pops = pc.on_top + pc.stores.size();
  ensure_fail_pop(pc, pops);
  addop(opcode, 0, pc.fail_pop[pops]);
}

// Emits the fail_pop blocks, deepest first, each falling through to the next shallower.
void CodeGen::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (std::size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    use_next_block(pc.fail_pop[i]);
    addop(op::POP_TOP);
  }
  use_next_block(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

// CPython 3.11 has no ROT_N: moving TOS down by `count` is a run of SWAPs.
void CodeGen::pattern_rotate(int count) {
  while (count > 1) addop(op::SWAP, count--);
}

void CodeGen::pattern_store_name(const std::string& name, PatternContext& pc, const NodeLocation& loc) {
  if (name.empty()) {
    addop(op::POP_TOP);
    return;
  }
  if (name == "__debug__") fail("cannot assign to __debug__", loc);
  if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
    fail("multiple assignments to name '" + name + "' in pattern", loc);
  // Slide the value under the items still in use and the earlier captures.
  pattern_rotate(static_cast<int>(pc.on_top + pc.stores.size() + 1));
  pc.stores.push_back(name);
}

void CodeGen::visit_pattern(Pattern& p, PatternContext& pc) {
  set_loc(p.loc);
  switch (p.kind) {
    case PatternKind::MatchValue:
      if (p.value->kind != ExprKind::Constant && p.value->kind != ExprKind::Attribute)
        fail("patterns may only match literals and attribute lookups", p.loc);
      visit_expr(*p.value);
      add_compare(CmpOpKind::Eq);
      return jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
    case PatternKind::MatchSingleton:
      load_const(newref(p.singleton));
      add_compare(CmpOpKind::Is);
      return jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
    case PatternKind::MatchSequence: return visit_sequence_pattern(p, pc);
    case PatternKind::MatchMapping: return visit_mapping_pattern(p, pc);
    case PatternKind::MatchClass: return visit_class_pattern(p, pc);
    case PatternKind::MatchStar: return pattern_store_name(p.name, pc, p.loc);
    case PatternKind::MatchAs:
      if (!p.pattern) {
        if (!pc.allow_irrefutable) {
          if (!p.name.empty()) fail("name capture '" + p.name + "' makes remaining patterns unreachable", p.loc);
          fail("wildcard makes remaining patterns unreachable", p.loc);
        }
        return pattern_store_name(p.name, pc, p.loc);
      }
      // Keep a copy to bind once the inner pattern matched.
      ++pc.on_top;
      addop(op::COPY, 1);
      visit_pattern(*p.pattern, pc);
      --pc.on_top;
      return pattern_store_name(p.name, pc, p.loc);
    case PatternKind::MatchOr: return visit_or_pattern(p, pc);
  }
}

// A sub-pattern may be irrefutable even where the whole pattern may not.
void CodeGen::visit_subpattern(Pattern& p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  visit_pattern(p, pc);
  pc.allow_irrefutable = allow;
}

void CodeGen::visit_sequence_pattern(Pattern& p, PatternContext& pc) {
  auto size = static_cast<Py_ssize_t>(p.patterns.size());
  Py_ssize_t star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (Py_ssize_t i = 0; i < size; ++i) {
    Pattern& item = *p.patterns[static_cast<std::size_t>(i)];
    if (item.kind == PatternKind::MatchStar) {
      if (star >= 0) fail("multiple starred names in sequence pattern", p.loc);
      star_wildcard = is_star_wildcard(item);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= is_wildcard(item);
  }
  // The subject stays on top through the type and length checks.
  ++pc.on_top;
  addop(op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  if (star < 0) {
    addop(op::GET_LEN);
    load_const(new_int(ts_, size));
    add_compare(CmpOpKind::Eq);
    jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  } else if (size - 1 > 0) {
    addop(op::GET_LEN);
    load_const(new_int(ts_, size - 1));
    add_compare(CmpOpKind::GtE);
    jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  }
  --pc.on_top;
  if (only_wildcard) {
    addop(op::POP_TOP);  // [], [_], [*_], [_, *_]...: the checks were the whole match
  } else if (star_wildcard) {
    sequence_by_subscript(p, star, pc);
  } else {
    sequence_by_unpacking(p, pc);
  }
}

// Unpacks the subject and matches each item in turn.
void CodeGen::sequence_by_unpacking(Pattern& p, PatternContext& pc) {
  std::size_t size = p.patterns.size();
  bool seen_star = false;
  for (std::size_t i = 0; i < size; ++i) {
    if (p.patterns[i]->kind != PatternKind::MatchStar || seen_star) continue;
    if (i >= (1u << 8) || size - i - 1 >= (INT32_MAX >> 8))
      fail("too many expressions in star-unpacking sequence pattern", p.loc);
    addop(op::UNPACK_EX, static_cast<int>(i + ((size - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) addop(op::UNPACK_SEQUENCE, static_cast<int>(size));
  pc.on_top += size;
  for (auto& item : p.patterns) {
    --pc.on_top;
    visit_subpattern(*item, pc);
  }
}

// With a `*_` wildcard there is nothing to collect: index the items that matter instead
// of unpacking, counting from the end (len - k) after the star as the subject may not
// support negative indexes.
void CodeGen::sequence_by_subscript(Pattern& p, Py_ssize_t star, PatternContext& pc) {
  ++pc.on_top;
  auto size = static_cast<Py_ssize_t>(p.patterns.size());
  for (Py_ssize_t i = 0; i < size; ++i) {
    Pattern& item = *p.patterns[static_cast<std::size_t>(i)];
    if (is_wildcard(item) || i == star) continue;
    addop(op::COPY, 1);
    if (i < star) {
      load_const(new_int(ts_, i));
    } else {
      addop(op::GET_LEN);
      load_const(new_int(ts_, size - i));
      addop(op::BINARY_OP, static_cast<int>(BinaryOp::Subtract));
    }
    addop(op::BINARY_SUBSCR);
    visit_subpattern(item, pc);
  }
  --pc.on_top;
  addop(op::POP_TOP);
}

void CodeGen::visit_mapping_pattern(Pattern& p, PatternContext& pc) {
  std::size_t size = p.keys.size();
  ++pc.on_top;
  addop(op::MATCH_MAPPING);
  jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  if (size == 0 && p.name.empty()) {
    --pc.on_top;  // `{}` matches any mapping
    addop(op::POP_TOP);
    return;
  }
  if (size > 0) {
    addop(op::GET_LEN);
    load_const(new_int(ts_, static_cast<Py_ssize_t>(size)));
    add_compare(CmpOpKind::GtE);
    jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  }
  // Literal keys must be distinct; dotted names are only known at run time.
  Object* seen = new_set(ts_);
  for (auto& key : p.keys) {
    if (key->kind == ExprKind::Constant) {
      int found = set_contains(ts_, seen, key->value);
      if (found == 0 && !set_add(ts_, seen, key->value)) found = -1;
      if (found != 0) {
        decref(seen);
        if (found < 0) {
          clear_error(ts_);
          fail("unhashable mapping pattern key", key->loc);
        }
        Object* r = object_repr(ts_, key->value);
        std::string text = r ? std::string(str_view(r)) : "?";
        xdecref(r);
        fail("mapping pattern checks duplicate key (" + text + ")", p.loc);
      }
    } else if (key->kind != ExprKind::Attribute) {
      decref(seen);
      fail("mapping pattern keys may only match literals and attribute lookups", key->loc);
    }
    visit_expr(*key);
  }
  decref(seen);
  addop(op::BUILD_TUPLE, static_cast<int>(size));
  addop(op::MATCH_KEYS);
  // On top of the subject now: the keys and the values (or None).
  pc.on_top += 2;
  addop(op::COPY, 1);
  load_const(newref(py_none()));
  addop(op::IS_OP, 1);
  jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  addop(op::UNPACK_SEQUENCE, static_cast<int>(size));
  pc.on_top += size - 1;
  for (auto& item : p.patterns) {
    --pc.on_top;
    visit_subpattern(*item, pc);
  }
  pc.on_top -= 2;
  if (!p.name.empty()) {
    // rest = dict(subject); del rest[k] for each matched key
    addop(op::BUILD_MAP, 0);
    addop(op::SWAP, 3);
    addop(op::DICT_UPDATE, 2);
    addop(op::UNPACK_SEQUENCE, static_cast<int>(size));
    for (std::size_t left = size; left > 0; --left) {
      addop(op::COPY, static_cast<int>(1 + left));
      addop(op::SWAP, 2);
      addop(op::DELETE_SUBSCR);
    }
    pattern_store_name(p.name, pc, p.loc);
  } else {
    addop(op::POP_TOP);  // the keys
    addop(op::POP_TOP);  // the subject
  }
}

void CodeGen::visit_class_pattern(Pattern& p, PatternContext& pc) {
  std::size_t nargs = p.patterns.size(), nattrs = p.kwd_attrs.size();
  for (std::size_t i = 0; i < nattrs; ++i) {
    set_loc(p.kwd_patterns[i]->loc);
    if (p.kwd_attrs[i] == "__debug__") fail("cannot assign to __debug__", p.kwd_patterns[i]->loc);
    for (std::size_t j = i + 1; j < nattrs; ++j)
      if (p.kwd_attrs[i] == p.kwd_attrs[j])
        fail("attribute name repeated in class pattern: " + p.kwd_attrs[i], p.kwd_patterns[j]->loc);
  }
  set_loc(p.loc);
  visit_expr(*p.value);
  Object* names = new_tuple(ts_, static_cast<Py_ssize_t>(nattrs));
  for (std::size_t i = 0; i < nattrs; ++i) tuple_set(names, static_cast<Py_ssize_t>(i), new_str(ts_, p.kwd_attrs[i]));
  load_const(names);
  addop(op::MATCH_CLASS, static_cast<int>(nargs));
  addop(op::COPY, 1);
  load_const(newref(py_none()));
  addop(op::IS_OP, 1);
  // On top: the tuple of matched attributes, or None.
  ++pc.on_top;
  jump_to_fail_pop(pc, pseudo::POP_JUMP_IF_FALSE);
  addop(op::UNPACK_SEQUENCE, static_cast<int>(nargs + nattrs));
  pc.on_top += nargs + nattrs - 1;
  for (std::size_t i = 0; i < nargs + nattrs; ++i) {
    --pc.on_top;
    Pattern& item = i < nargs ? *p.patterns[i] : *p.kwd_patterns[i - nargs];
    if (is_wildcard(item)) {
      addop(op::POP_TOP);
      continue;
    }
    visit_subpattern(item, pc);
  }
}

// Each alternative works on its own copy of the subject with its own fail_pop blocks;
// every alternative must bind the same names, and the captures are reordered on the
// stack to the order of the first alternative's.
void CodeGen::visit_or_pattern(Pattern& p, PatternContext& pc) {
  BasicBlock* end = new_block();
  PatternContext outer = std::move(pc);
  std::vector<std::string> control;
  for (std::size_t i = 0; i < p.patterns.size(); ++i) {
    Pattern& alt = *p.patterns[i];
    set_loc(alt.loc);
    pc = PatternContext{};
    pc.allow_irrefutable = i + 1 == p.patterns.size() && outer.allow_irrefutable;
    addop(op::COPY, 1);
    visit_pattern(alt, pc);
    if (i == 0) {
      control = pc.stores;
    } else if (pc.stores.size() != control.size()) {
      fail_here("alternative patterns bind different names");
    } else {
      for (std::size_t icontrol = control.size(); icontrol-- > 0;) {
        auto it = std::find(pc.stores.begin(), pc.stores.end(), control[icontrol]);
        if (it == pc.stores.end()) fail_here("alternative patterns bind different names");
        auto istores = static_cast<std::size_t>(it - pc.stores.begin());
        if (icontrol == istores) continue;
        // Move the first istores+1 captures up to end at icontrol, on the stack and in
        // the name list alike.
        std::size_t rotations = istores + 1;
        std::vector<std::string> moved(pc.stores.begin(), pc.stores.begin() + static_cast<std::ptrdiff_t>(rotations));
        pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<std::ptrdiff_t>(rotations));
        pc.stores.insert(pc.stores.begin() + static_cast<std::ptrdiff_t>(icontrol - istores), moved.begin(),
                         moved.end());
        while (rotations--) pattern_rotate(static_cast<int>(icontrol + 1));
      }
    }
    addop(pseudo::JUMP, 0, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = std::move(outer);
  // No alternative matched: drop the copy of the subject and fail.
  addop(op::POP_TOP);
  jump_to_fail_pop(pc, pseudo::JUMP);
  use_next_block(end);
  // Between the new captures and their place: the subject copy, the items in use and
  // the earlier captures.
  int nrots = static_cast<int>(control.size() + 1 + pc.on_top + pc.stores.size());
  for (const std::string& name : control) {
    pattern_rotate(nrots);
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      fail("multiple assignments to name '" + name + "' in pattern", p.loc);
    pc.stores.push_back(name);
  }
  addop(op::POP_TOP);  // the copy of the subject
}

// CPython: compiler_match_inner.
void CodeGen::visit_match(Stmt& s) {
  visit_expr(*s.value);
  BasicBlock* end = new_block();
  std::size_t cases = s.cases.size();
  bool has_default = is_wildcard(*s.cases.back().pattern) && cases > 1;
  PatternContext pc;
  for (std::size_t i = 0; i + (has_default ? 1 : 0) < cases; ++i) {
    MatchCase& m = s.cases[i];
    set_loc(m.pattern->loc);
    bool last_tested = i + 1 == cases - (has_default ? 1 : 0);
    if (!last_tested) addop(op::COPY, 1);  // the next case needs the subject too
    pc.stores.clear();
    pc.allow_irrefutable = m.guard != nullptr || i + 1 == cases;
    pc.fail_pop.clear();
    pc.on_top = 0;
    visit_pattern(*m.pattern, pc);
    for (const std::string& name : pc.stores) nameop(name, ExprContext::Store);
    if (m.guard) {
      ensure_fail_pop(pc, 0);
      jump_if(*m.guard, pc.fail_pop[0], false);
    }
    if (!last_tested) addop(op::POP_TOP);
    visit_stmts(m.body);
    unset_loc();
    addop(pseudo::JUMP, 0, end);
    // A failed pattern's clean-up belongs to the pattern's line, not the body's last.
    set_loc(m.pattern->loc);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    MatchCase& m = s.cases.back();
    set_loc(m.pattern->loc);
    if (cases == 1) addop(op::POP_TOP);
    else addop(op::NOP);  // the line of `case _:` shows as covered
    if (m.guard) jump_if(*m.guard, end, false);
    visit_stmts(m.body);
    unset_loc();
  }
  use_next_block(end);
}

}  // namespace terrarium
