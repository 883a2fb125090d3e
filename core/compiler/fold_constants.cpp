// CPython: Python/ast_opt.c fold_binop, fold_unaryop, fold_tuple (3.11 limits).
#include "compiler/fold_constants.hpp"

#include "objects/abstract.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr Py_ssize_t kMaxStrSize = 4096;  // CPython: MAX_STR_SIZE

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

void fold_children(ThreadState* ts, Expr& e) {
  if (e.left) fold_expr(ts, *e.left);
  if (e.right) fold_expr(ts, *e.right);
  if (e.orelse) fold_expr(ts, *e.orelse);
  for (auto& x : e.elts) fold_expr(ts, *x);
  for (auto& k : e.keywords) fold_expr(ts, *k.value);
}

void fold_expr(ThreadState* ts, Expr& e) {
  fold_children(ts, e);
  switch (e.kind) {
    case ExprKind::BinOp: {
      if (!is_constant(e.left) || !is_constant(e.right)) return;
      Object* l = e.left->value;
      Object* r = e.right->value;
      // CPython guards repetition of sequences against huge results before computing.
      if (e.binop == BinaryOp::Multiply && (is_str(l) || is_str(r))) {
        Object* seq = is_str(l) ? l : r;
        Object* n = is_str(l) ? r : l;
        if (is_instance(n, &int_type) && int_value(n) > 0 &&
            static_cast<StrObject*>(seq)->length * int_value(n) > kMaxStrSize)
          return;
      }
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

void fold_stmts(ThreadState* ts, std::vector<StmtPtr>& stmts) {
  for (auto& s : stmts) {
    if (s->value) fold_expr(ts, *s->value);
    fold_stmts(ts, s->body);
    fold_stmts(ts, s->orelse);
  }
}

}  // namespace

void fold_constants(ThreadState* ts, Module& module) { fold_stmts(ts, module.body); }

}  // namespace terrarium
