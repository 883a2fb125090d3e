// Tearing down expression trees without recursion. CPython frees its AST with the arena
// that holds it; our nodes own their children, so a deep chain is dismantled through a
// worklist instead of nested destructor calls.
#include "compiler/ast.hpp"

namespace terrarium {

void Expr::detach_operands(std::vector<ExprPtr>& out) {
  if (left) out.push_back(std::move(left));
  if (right) out.push_back(std::move(right));
  if (orelse) out.push_back(std::move(orelse));
  for (ExprPtr& e : elts)
    if (e) out.push_back(std::move(e));
  for (ExprPtr& e : values)
    if (e) out.push_back(std::move(e));
  elts.clear();
  values.clear();
}

Expr::~Expr() {
  xdecref(value);
  if (!left && !right && !orelse && elts.empty() && values.empty()) return;
  std::vector<ExprPtr> pending;
  detach_operands(pending);
  while (!pending.empty()) {
    ExprPtr node = std::move(pending.back());
    pending.pop_back();
    node->detach_operands(pending);
  }  // each node is destroyed here with no operands left, so nothing nests
}

}  // namespace terrarium
