// CPython: Python/ast_opt.c fold_binop, fold_unaryop, fold_tuple (3.11 limits).
#include "compiler/fold_constants.hpp"

#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/set.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr Py_ssize_t kMaxStrSize = 4096;     // CPython: MAX_STR_SIZE
constexpr std::uint64_t kMaxIntBits = 128;   // CPython: MAX_INT_SIZE
constexpr Py_ssize_t kMaxCollectionSize = 256;  // CPython: MAX_COLLECTION_SIZE

// CPython: safe_multiply, safe_power, safe_lshift, safe_mod. Refuses to fold operations
// whose result could be huge; str % x and bytes % x are never folded (formatting happens
// at run time).
bool folding_is_safe(BinaryOp op, Object* v, Object* w) {
  bool v_int = is_int(v), w_int = is_int(w);
  switch (op) {
    case BinaryOp::Multiply: {
      if (v_int && w_int) {
        if (int_value(v) && int_value(w)) return int_bit_length(v) + int_bit_length(w) <= kMaxIntBits;
        return true;
      }
      Object* n = v_int ? v : w;
      Object* seq = v_int ? w : v;
      if (!is_int(n)) return true;
      Py_ssize_t size = 0, limit = 0;
      if (is_str(seq)) size = static_cast<StrObject*>(seq)->length, limit = kMaxStrSize;
      else if (is_bytes(seq)) size = static_cast<BytesObject*>(seq)->size, limit = kMaxStrSize;
      else if (is_tuple(seq)) size = tuple_size(seq), limit = kMaxCollectionSize;
      else return true;
      if (!size) return true;
      std::int64_t count = int_value(n);
      return count >= 0 && count <= limit / size;
    }
    case BinaryOp::Power:
      if (v_int && w_int && int_value(v) && int_value(w) > 0) {
        std::uint64_t vbits = int_bit_length(v);
        return vbits <= kMaxIntBits / static_cast<std::uint64_t>(int_value(w));
      }
      return true;
    case BinaryOp::Lshift:
      if (v_int && w_int && int_value(v) && int_value(w)) {
        if (int_value(w) < 0) return true;  // raises ValueError, so it is not folded anyway
        auto wbits = static_cast<std::uint64_t>(int_value(w));
        return wbits <= kMaxIntBits && int_bit_length(v) <= kMaxIntBits - wbits;
      }
      return true;
    case BinaryOp::Remainder:
      return !is_str(v) && !is_bytes(v);
    default:
      return true;
  }
}

bool is_constant(const ExprPtr& e) { return e && e->kind == ExprKind::Constant; }

void replace_with_constant(Expr& e, Object* value) {
  NodeLocation loc = e.loc;
  bool parens = e.parenthesized;
  NodeLocation outer = e.outer;
  e.~Expr();
  new (&e) Expr(ExprKind::Constant, loc);
  e.value = value;
  e.parenthesized = parens;
  e.outer = outer;
}

// The result is kept only if evaluation raised nothing and it is not too large.
void adopt_result(ThreadState* ts, Expr& e, Object* result) {
  if (!result) {
    clear_error(ts);
    return;
  }
  if (is_str(result) && static_cast<StrObject*>(result)->length > kMaxStrSize) {
    decref(result);
    return;
  }
  replace_with_constant(e, result);
}

void fold_expr(ThreadState* ts, Expr& e);

// ---- '%'-formatting of a constant string with a tuple becomes an f-string -------------
// CPython: ast_opt.c optimize_format, for %s, %r and %a with simple flags/width/precision.
constexpr int kMaxFormatDigits = 3;

// Parses one %-unit after the '%'; false for anything this rewrite does not handle.
bool simple_format_unit(const std::string& fmt, std::size_t& pos, char& spec, bool& ljust, int& width, int& prec) {
  auto next = [&](char& ch) {
    if (pos >= fmt.size()) return false;
    ch = fmt[pos++];
    return true;
  };
  char ch;
  ljust = false;
  while (true) {
    if (!next(ch)) return false;
    if (ch == '-') ljust = true;
    else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
    else break;
  }
  if (ch >= '0' && ch <= '9') {
    width = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      width = width * 10 + (ch - '0');
      if (!next(ch)) return false;
      if (++digits >= kMaxFormatDigits) return false;
    }
  }
  if (ch == '.') {
    if (!next(ch)) return false;
    prec = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      prec = prec * 10 + (ch - '0');
      if (!next(ch)) return false;
      if (++digits >= kMaxFormatDigits) return false;
    }
  }
  spec = ch;
  return true;
}

ExprPtr literal_part(ThreadState* ts, const std::string& fmt, std::size_t& pos) {
  std::size_t start = pos;
  std::string text;
  while (pos < fmt.size()) {
    if (fmt[pos] != '%') {
      text += fmt[pos++];
    } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
      text += '%';
      pos += 2;
    } else {
      break;
    }
  }
  if (pos == start) return nullptr;
  // Literal pieces have no location of their own: they take the previous instruction's line.
  auto e = std::make_unique<Expr>(ExprKind::Constant, NodeLocation{-1, -1, -1, -1});
  e->value = new_str(ts, text);
  return e;
}

void optimize_format(ThreadState* ts, Expr& node) {
  std::string fmt(str_view(node.left->value));
  std::vector<ExprPtr>& items = node.right->elts;
  std::vector<ExprPtr> parts;
  std::size_t pos = 0, used = 0;
  while (true) {
    if (ExprPtr lit = literal_part(ts, fmt, pos)) parts.push_back(std::move(lit));
    if (pos >= fmt.size()) break;
    if (used >= items.size()) return;  // more format units than items
    ++pos;  // the '%'
    char spec;
    bool ljust;
    int width = -1, prec = -1;
    if (!simple_format_unit(fmt, pos, spec, ljust, width, prec)) return;
    if (spec != 's' && spec != 'r' && spec != 'a') return;
    std::string buf;
    if (!ljust && width > 0) buf += '>';
    if (width >= 0) buf += std::to_string(width);
    if (prec >= 0) buf += "." + std::to_string(prec);
    // The argument moves into the f-string field (the node is replaced only on success,
    // so collect pointers and move at the end).
    auto field = std::make_unique<Expr>(ExprKind::FormattedValue, items[used]->loc);
    field->conversion = spec;
    if (!buf.empty()) {
      auto spec_node = std::make_unique<Expr>(ExprKind::JoinedStr, NodeLocation{-1, -1, -1, -1});
      auto c = std::make_unique<Expr>(ExprKind::Constant, NodeLocation{-1, -1, -1, -1});
      c->value = new_str(ts, buf);
      spec_node->elts.push_back(std::move(c));
      field->right = std::move(spec_node);
    }
    field->orelse = nullptr;
    field->id = std::to_string(used);  // remember which item to move in
    parts.push_back(std::move(field));
    ++used;
  }
  if (used < items.size()) return;  // more items than format units
  for (auto& p : parts)
    if (p->kind == ExprKind::FormattedValue) {
      p->left = std::move(items[static_cast<std::size_t>(std::stoi(p->id))]);
      p->id.clear();
    }
  NodeLocation loc = node.loc;
  bool parens = node.parenthesized;
  NodeLocation outer = node.outer;
  node.~Expr();
  new (&node) Expr(ExprKind::JoinedStr, loc);
  node.elts = std::move(parts);
  node.parenthesized = parens;
  node.outer = outer;
}

// CPython: fold_iter. A list display iterated over (for, comprehensions, `in`) becomes a
// tuple, constant when all its items are; a constant set display becomes a frozenset.
void fold_iter(ThreadState* ts, Expr& e) {
  bool all_const = true;
  for (auto& x : e.elts) {
    if (x->kind == ExprKind::Starred) return;
    if (x->kind != ExprKind::Constant) all_const = false;
  }
  if (e.kind == ExprKind::List) {
    e.kind = ExprKind::Tuple;
  } else if (e.kind != ExprKind::Set) {
    return;
  }
  if (!all_const) return;
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(e.elts.size()));
  for (std::size_t i = 0; i < e.elts.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(e.elts[i]->value));
  if (e.kind == ExprKind::Set) {
    Object* frozen = new_frozenset(ts, t);
    decref(t);
    if (!frozen) {
      clear_error(ts);
      return;
    }
    t = frozen;
  }
  replace_with_constant(e, t);
}

void fold_children(ThreadState* ts, Expr& e) {
  if (e.args) {
    for (auto& d : e.args->defaults) fold_expr(ts, *d);
    for (auto& d : e.args->kw_defaults)
      if (d) fold_expr(ts, *d);
  }
  if (e.left) fold_expr(ts, *e.left);
  if (e.right) fold_expr(ts, *e.right);
  if (e.orelse) fold_expr(ts, *e.orelse);
  for (auto& x : e.elts)
    if (x) fold_expr(ts, *x);  // a dict's **unpacking has no key
  for (auto& x : e.values) fold_expr(ts, *x);
  for (auto& k : e.keywords) fold_expr(ts, *k.value);
  for (auto& g : e.generators) {
    fold_expr(ts, *g.iter);
    for (auto& cond : g.ifs) fold_expr(ts, *cond);
  }
}

struct FoldTooDeep {};
constexpr int kMaxFoldDepth = 2990;  // CPython: 3 x the recursion limit, less what the caller used

void fold_expr(ThreadState* ts, Expr& e) {
  struct Guard {
    int& depth;
    explicit Guard(int& d) : depth(d) { ++depth; }
    ~Guard() { --depth; }
  } guard(ts->ast_depth);
  if (ts->ast_depth > kMaxFoldDepth) throw FoldTooDeep{};
  fold_children(ts, e);
  for (auto& g : e.generators) fold_iter(ts, *g.iter);
  if (e.kind == ExprKind::Compare && (e.ops.back() == CmpOpKind::In || e.ops.back() == CmpOpKind::NotIn))
    fold_iter(ts, *e.elts.back());
  switch (e.kind) {
    case ExprKind::BinOp: {
      if (!is_constant(e.left)) return;
      if (e.binop == BinaryOp::Remainder && is_str(e.left->value) && e.right->kind == ExprKind::Tuple) {
        for (auto& x : e.right->elts)
          if (x->kind == ExprKind::Starred) return;
        optimize_format(ts, e);
        return;
      }
      if (!is_constant(e.right)) return;
      Object* l = e.left->value;
      Object* r = e.right->value;
      if (!folding_is_safe(e.binop, l, r)) return;
      adopt_result(ts, e, binary_op(ts, l, r, e.binop));
      return;
    }
    case ExprKind::UnaryOp: {
      if (!is_constant(e.left)) {
        // `not (a is b)` becomes `a is not b`, as ast_opt.c rewrites it.
        if (e.unaryop == UnaryOpKind::Not && e.left->kind == ExprKind::Compare && e.left->ops.size() == 1) {
          CmpOpKind k = e.left->ops[0];
          CmpOpKind flipped = k;
          switch (k) {
            case CmpOpKind::Is: flipped = CmpOpKind::IsNot; break;
            case CmpOpKind::IsNot: flipped = CmpOpKind::Is; break;
            case CmpOpKind::In: flipped = CmpOpKind::NotIn; break;
            case CmpOpKind::NotIn: flipped = CmpOpKind::In; break;
            default: return;
          }
          // CPython's COPY_NODE: the node becomes the comparison, location included.
          ExprPtr inner = std::move(e.left);
          inner->ops[0] = flipped;
          e.kind = ExprKind::Compare;
          e.loc = inner->loc;
          e.left = std::move(inner->left);
          e.elts = std::move(inner->elts);
          e.ops = std::move(inner->ops);
        }
        return;
      }
      Object* v = e.left->value;
      Object* result = nullptr;
      switch (e.unaryop) {
        case UnaryOpKind::USub: result = unary_negative(ts, v); break;
        case UnaryOpKind::UAdd: result = unary_positive(ts, v); break;
        case UnaryOpKind::Invert: result = unary_invert(ts, v); break;
        case UnaryOpKind::Not: {
          int t = object_is_true(ts, v);
          result = t < 0 ? nullptr : new_bool(!t);
          break;
        }
      }
      adopt_result(ts, e, result);
      return;
    }
    case ExprKind::Subscript: {
      // A constant indexed by a constant: 'ab'[0], b'ab'[0], (1, 2)[-1]. CPython: fold_subscr.
      if (e.ctx != ExprContext::Load || !is_constant(e.left) || !is_constant(e.right)) return;
      adopt_result(ts, e, get_item(ts, e.left->value, e.right->value));
      return;
    }
    case ExprKind::Tuple: {
      if (e.ctx != ExprContext::Load) return;
      for (auto& x : e.elts)
        if (!is_constant(x)) return;
      Object* t = new_tuple(ts, static_cast<Py_ssize_t>(e.elts.size()));
      for (std::size_t i = 0; i < e.elts.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(e.elts[i]->value));
      replace_with_constant(e, t);
      return;
    }
    default:
      return;
  }
}

void fold_pattern(ThreadState* ts, Pattern& p) {
  if (p.value) fold_expr(ts, *p.value);
  for (auto& k : p.keys) fold_expr(ts, *k);
  for (auto& sub : p.patterns) fold_pattern(ts, *sub);
  for (auto& sub : p.kwd_patterns) fold_pattern(ts, *sub);
  if (p.pattern) fold_pattern(ts, *p.pattern);
}

void fold_stmts(ThreadState* ts, std::vector<StmtPtr>& stmts) {
  for (auto& s : stmts) {
    for (auto& c : s->cases) {
      fold_pattern(ts, *c.pattern);
      if (c.guard) fold_expr(ts, *c.guard);
      fold_stmts(ts, c.body);
    }
    if (s->value) fold_expr(ts, *s->value);
    if (s->cause) fold_expr(ts, *s->cause);
    for (auto& t : s->targets) fold_expr(ts, *t);
    for (auto& b : s->bases) fold_expr(ts, *b);
    for (auto& d : s->decorators) fold_expr(ts, *d);
    for (auto& k : s->keywords) fold_expr(ts, *k.value);
    for (auto& item : s->items) fold_expr(ts, *item.context_expr);
    if (s->args) {
      for (auto& d : s->args->defaults) fold_expr(ts, *d);
      for (auto& d : s->args->kw_defaults)
        if (d) fold_expr(ts, *d);
    }
    fold_stmts(ts, s->body);
    fold_stmts(ts, s->orelse);
    fold_stmts(ts, s->finalbody);
    if (s->kind == StmtKind::For) fold_iter(ts, *s->value);
    for (auto& h : s->handlers) {
      if (h.type) fold_expr(ts, *h.type);
      fold_stmts(ts, h.body);
    }
  }
}

}  // namespace

bool fold_constants(ThreadState* ts, Module& module, SyntaxErrorInfo& error) {
  try {
    fold_stmts(ts, module.body);
  } catch (const FoldTooDeep&) {
    error = SyntaxErrorInfo{};
    error.type = "RecursionError";
    error.message = "maximum recursion depth exceeded during compilation";
    return false;
  }
  return true;
}

}  // namespace terrarium
