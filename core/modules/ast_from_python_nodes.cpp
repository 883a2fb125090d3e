// One case per ast node class: reading a Python node's fields into the C++ node of the
// same shape (see compiler/ast.hpp for which C++ field holds which ast field).
// CPython: Python/Python-ast.c obj2ast_expr, obj2ast_stmt, obj2ast_pattern.
#include "modules/ast_from_python.hpp"

#include "objects/bytes.hpp"
#include "objects/complex.hpp"
#include "objects/float.hpp"
#include "objects/set.hpp"

namespace terrarium {

namespace {

// In BinaryOp order (objects/object.hpp), which is CPython's _nb_ops order, not the ASDL's.
const char* const kOperatorNames[] = {"Add", "BitAnd", "FloorDiv", "LShift", "MatMult", "Mult", "Mod",
                                      "BitOr", "Pow", "RShift", "Sub", "Div", "BitXor"};
const char* const kUnaryNames[] = {"Invert", "Not", "UAdd", "USub"};
const char* const kBoolNames[] = {"And", "Or"};
const char* const kCmpNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};

// CPython: Python/ast.c validate_constant.
bool valid_constant(Object* v) {
  if (v == py_none() || v == py_ellipsis() || v == py_true() || v == py_false()) return true;
  TypeObject* t = v->ob_type;
  if (t == &int_type || t == &float_type || t == &complex_type || t == &str_type || t == &bytes_type) return true;
  if (t == &tuple_type) {
    for (Py_ssize_t i = 0; i < tuple_size(v); ++i)
      if (!valid_constant(tuple_get(v, i))) return false;
    return true;
  }
  if (t == &frozenset_type) {
    bool ok = true;
    if (!for_each_item(nullptr, v, [&](Object* item) { return ok = valid_constant(item); })) return false;
    return ok;
  }
  return false;
}

}  // namespace

bool FromPython::arg(Object* obj, Arg& out) {
  return identifier(obj, "arg", "arg", out.name) && expr_field(obj, "annotation", "arg", out.annotation, true) &&
         location(obj, "arg", out.loc);
}

bool FromPython::arguments(Object* obj, std::shared_ptr<Arguments>& out) {
  out = std::make_shared<Arguments>();
  Arguments& a = *out;
  auto arg_list = [&](const char* name, std::vector<Arg>& v) {
    return each_item(obj, name, "arguments", [&](Object* item) {
      v.emplace_back();
      return arg(item, v.back());
    });
  };
  auto opt_arg = [&](const char* name, std::unique_ptr<Arg>& slot) {
    Object* v;
    if (!get(obj, name, "arguments", v, true)) return false;
    if (!v) return true;
    slot = std::make_unique<Arg>();
    bool ok = arg(v, *slot);
    decref(v);
    return ok;
  };
  return arg_list("posonlyargs", a.posonlyargs) && arg_list("args", a.args) && opt_arg("vararg", a.vararg) &&
         arg_list("kwonlyargs", a.kwonlyargs) &&
         expr_list(obj, "kw_defaults", "arguments", a.kw_defaults, ExprContext::Load, true) &&
         opt_arg("kwarg", a.kwarg) && expr_list(obj, "defaults", "arguments", a.defaults);
}

bool FromPython::keywords(Object* obj, const char* owner, std::vector<Keyword>& out) {
  return each_item(obj, "keywords", owner, [&](Object* item) {
    out.emplace_back();
    Keyword& k = out.back();
    return identifier(item, "arg", "keyword", k.arg, true) && expr_field(item, "value", "keyword", k.value) &&
           location(item, "keyword", k.loc);
  });
}

bool FromPython::comprehensions(Object* obj, const char* owner, std::vector<Comprehension>& out) {
  return each_item(obj, "generators", owner, [&](Object* item) {
    out.emplace_back();
    Comprehension& c = out.back();
    int is_async = 0;
    bool ok = expr_field(item, "target", "comprehension", c.target, false, ExprContext::Store) &&
              expr_field(item, "iter", "comprehension", c.iter) && expr_list(item, "ifs", "comprehension", c.ifs) &&
              integer(item, "is_async", "comprehension", is_async);
    c.is_async = is_async != 0;
    return ok;
  });
}

bool FromPython::expr(Object* obj, ExprPtr& out, ExprContext want) {
  NodeLocation loc;
  if (!location(obj, "expr", loc)) return false;
  std::string kind = kind_of(obj);
  const char* k = kind.c_str();
  auto make = [&](ExprKind ek) {
    out = std::make_unique<Expr>(ek, loc);
    return out.get();
  };
  if (kind == "Constant") {
    Expr* e = make(ExprKind::Constant);
    Object* v = get_attr_str_or_null(ts_, obj, "value");
    if (!v) return has_error(ts_) ? false : fail_type("required field \"value\" missing from Constant");
    e->value = v;
    return valid_constant(v) || fail_type(std::string("got an invalid type in Constant: ") + v->ob_type->tp_name);
  }
  if (kind == "Name") {
    Expr* e = make(ExprKind::Name);
    return identifier(obj, "id", k, e->id) && context(obj, *e, want);
  }
  if (kind == "Attribute" || kind == "Subscript") {
    Expr* e = make(kind == "Attribute" ? ExprKind::Attribute : ExprKind::Subscript);
    bool ok = expr_field(obj, "value", k, e->left);
    ok = ok && (kind == "Attribute" ? identifier(obj, "attr", k, e->id) : expr_field(obj, "slice", k, e->right));
    return ok && context(obj, *e, want);
  }
  if (kind == "Starred") {
    Expr* e = make(ExprKind::Starred);
    return expr_field(obj, "value", k, e->left, false, want) && context(obj, *e, want);
  }
  if (kind == "List" || kind == "Tuple") {
    Expr* e = make(kind == "List" ? ExprKind::List : ExprKind::Tuple);
    return expr_list(obj, "elts", k, e->elts, want) && context(obj, *e, want);
  }
  if (want != ExprContext::Load) {
    raise(ts_, &exc_ValueError, std::string("expression which can't be assigned to in ") +
                                    kContextNames[static_cast<int>(want)] + " context");
    return false;
  }
  if (kind == "BinOp") {
    Expr* e = make(ExprKind::BinOp);
    int op = 0;
    bool ok = expr_field(obj, "left", k, e->left) && marker(obj, "op", k, kOperatorNames, "operator", op) &&
              expr_field(obj, "right", k, e->right);
    e->binop = static_cast<BinaryOp>(op);
    return ok;
  }
  if (kind == "UnaryOp") {
    Expr* e = make(ExprKind::UnaryOp);
    int op = 0;
    bool ok = marker(obj, "op", k, kUnaryNames, "unaryop", op) && expr_field(obj, "operand", k, e->left);
    e->unaryop = static_cast<UnaryOpKind>(op);
    return ok;
  }
  if (kind == "BoolOp") {
    Expr* e = make(ExprKind::BoolOp);
    int op = 0;
    bool ok = marker(obj, "op", k, kBoolNames, "boolop", op) && expr_list(obj, "values", k, e->elts);
    e->boolop = static_cast<BoolOpKind>(op);
    return ok;
  }
  if (kind == "Compare") {
    Expr* e = make(ExprKind::Compare);
    return expr_field(obj, "left", k, e->left) && each_item(obj, "ops", k, [&](Object* item) {
             int op = 0;
             if (!marker_value(item, kCmpNames, "cmpop", op)) return false;
             e->ops.push_back(static_cast<CmpOpKind>(op));
             return true;
           }) && expr_list(obj, "comparators", k, e->elts);
  }
  if (kind == "Call") {
    Expr* e = make(ExprKind::Call);
    return expr_field(obj, "func", k, e->left) && expr_list(obj, "args", k, e->elts) && keywords(obj, k, e->keywords);
  }
  if (kind == "IfExp") {
    Expr* e = make(ExprKind::IfExp);
    return expr_field(obj, "test", k, e->left) && expr_field(obj, "body", k, e->right) &&
           expr_field(obj, "orelse", k, e->orelse);
  }
  if (kind == "Set") return expr_list(obj, "elts", k, make(ExprKind::Set)->elts);
  if (kind == "Dict") {
    Expr* e = make(ExprKind::Dict);
    return expr_list(obj, "keys", k, e->elts, ExprContext::Load, true) && expr_list(obj, "values", k, e->values);
  }
  if (kind == "Slice") {
    Expr* e = make(ExprKind::Slice);
    return expr_field(obj, "lower", k, e->left, true) && expr_field(obj, "upper", k, e->right, true) &&
           expr_field(obj, "step", k, e->orelse, true);
  }
  if (kind == "Lambda") {
    Expr* e = make(ExprKind::Lambda);
    Object* args;
    if (!get(obj, "args", k, args, false)) return false;
    bool ok = arguments(args, e->args);
    decref(args);
    return ok && expr_field(obj, "body", k, e->left);
  }
  if (kind == "ListComp" || kind == "SetComp" || kind == "GeneratorExp") {
    Expr* e = make(kind == "ListComp" ? ExprKind::ListComp : kind == "SetComp" ? ExprKind::SetComp : ExprKind::GeneratorExp);
    return expr_field(obj, "elt", k, e->left) && comprehensions(obj, k, e->generators);
  }
  if (kind == "DictComp") {
    Expr* e = make(ExprKind::DictComp);
    return expr_field(obj, "key", k, e->left) && expr_field(obj, "value", k, e->right) &&
           comprehensions(obj, k, e->generators);
  }
  if (kind == "JoinedStr") return expr_list(obj, "values", k, make(ExprKind::JoinedStr)->elts);
  if (kind == "FormattedValue") {
    Expr* e = make(ExprKind::FormattedValue);
    return expr_field(obj, "value", k, e->left) && integer(obj, "conversion", k, e->conversion) &&
           expr_field(obj, "format_spec", k, e->right, true);
  }
  if (kind == "NamedExpr") {
    Expr* e = make(ExprKind::NamedExpr);
    return expr_field(obj, "target", k, e->left, false, ExprContext::Store) && expr_field(obj, "value", k, e->right);
  }
  if (kind == "Yield") return expr_field(obj, "value", k, make(ExprKind::Yield)->left, true);
  if (kind == "YieldFrom") return expr_field(obj, "value", k, make(ExprKind::YieldFrom)->left);
  if (kind == "Await") return expr_field(obj, "value", k, make(ExprKind::Await)->left);
  std::string text;
  if (repr_string(ts_, obj, text)) fail_type("expected some sort of expr, but got " + text);
  return false;
}

bool FromPython::stmt(Object* obj, StmtPtr& out) {
  NodeLocation loc;
  if (!location(obj, "stmt", loc)) return false;
  std::string kind = kind_of(obj);
  const char* k = kind.c_str();
  auto make = [&](StmtKind sk) {
    out = std::make_unique<Stmt>(sk, loc);
    return out.get();
  };
  auto target = [&](Stmt* s, ExprContext ctx) {
    s->targets.emplace_back();
    return expr_field(obj, "target", k, s->targets.back(), false, ctx);
  };
  if (kind == "Expr") return expr_field(obj, "value", k, make(StmtKind::Expr)->value);
  if (kind == "Assign") {
    Stmt* s = make(StmtKind::Assign);
    return expr_list(obj, "targets", k, s->targets, ExprContext::Store) && expr_field(obj, "value", k, s->value);
  }
  if (kind == "AugAssign") {
    Stmt* s = make(StmtKind::AugAssign);
    int op = 0;
    bool ok = target(s, ExprContext::Store) && marker(obj, "op", k, kOperatorNames, "operator", op) &&
              expr_field(obj, "value", k, s->value);
    s->augop = static_cast<BinaryOp>(op + kBinaryOpCount);  // the in-place form, as the parser stores it
    return ok;
  }
  if (kind == "AnnAssign") {
    Stmt* s = make(StmtKind::AnnAssign);
    int simple = 0;
    bool ok = target(s, ExprContext::Store) && expr_field(obj, "annotation", k, s->annotation) &&
              expr_field(obj, "value", k, s->value, true) && integer(obj, "simple", k, simple);
    s->simple = simple != 0;
    return ok;
  }
  if (kind == "Pass") return make(StmtKind::Pass);
  if (kind == "Break") return make(StmtKind::Break);
  if (kind == "Continue") return make(StmtKind::Continue);
  if (kind == "Return") return expr_field(obj, "value", k, make(StmtKind::Return)->value, true);
  if (kind == "Delete") return expr_list(obj, "targets", k, make(StmtKind::Delete)->targets, ExprContext::Del);
  if (kind == "Raise") {
    Stmt* s = make(StmtKind::Raise);
    return expr_field(obj, "exc", k, s->value, true) && expr_field(obj, "cause", k, s->cause, true);
  }
  if (kind == "Assert") {
    Stmt* s = make(StmtKind::Assert);
    return expr_field(obj, "test", k, s->value) && expr_field(obj, "msg", k, s->cause, true);
  }
  if (kind == "Global" || kind == "Nonlocal")
    return names(obj, "names", k, make(kind == "Global" ? StmtKind::Global : StmtKind::Nonlocal)->names);
  if (kind == "Import" || kind == "ImportFrom") {
    Stmt* s = make(kind == "Import" ? StmtKind::Import : StmtKind::ImportFrom);
    if (kind == "ImportFrom" && !(identifier(obj, "module", k, s->name, true) && integer(obj, "level", k, s->level, true)))
      return false;
    return each_item(obj, "names", k, [&](Object* item) {
      s->aliases.emplace_back();
      Alias& a = s->aliases.back();
      return identifier(item, "name", "alias", a.name) && identifier(item, "asname", "alias", a.asname, true) &&
             location(item, "alias", a.loc);
    });
  }
  Stmt* s = make(StmtKind::Pass);  // replaced below by the compound statement's kind
  if (compound_stmt(obj, kind, *s)) return true;
  if (has_error(ts_)) return false;
  std::string text;
  if (repr_string(ts_, obj, text)) fail_type("expected some sort of stmt, but got " + text);
  return false;
}

// Statements with bodies. False without an error set when `kind` is not one of them.
bool FromPython::compound_stmt(Object* obj, const std::string& kind, Stmt& s) {
  const char* k = kind.c_str();
  auto body = [&](const char* name, std::vector<StmtPtr>& v) { return stmt_list(obj, name, k, v); };
  if (kind == "If" || kind == "While") {
    s.kind = kind == "If" ? StmtKind::If : StmtKind::While;
    return expr_field(obj, "test", k, s.value) && body("body", s.body) && body("orelse", s.orelse);
  }
  if (kind == "For" || kind == "AsyncFor") {
    s.kind = StmtKind::For;
    s.is_async = kind == "AsyncFor";
    s.targets.emplace_back();
    return expr_field(obj, "target", k, s.targets[0], false, ExprContext::Store) && expr_field(obj, "iter", k, s.value) &&
           body("body", s.body) && body("orelse", s.orelse);
  }
  if (kind == "FunctionDef" || kind == "AsyncFunctionDef") {
    s.kind = StmtKind::FunctionDef;
    s.is_async = kind == "AsyncFunctionDef";
    Object* args;
    if (!identifier(obj, "name", k, s.name) || !get(obj, "args", k, args, false)) return false;
    bool ok = arguments(args, s.args);
    decref(args);
    return ok && body("body", s.body) && expr_list(obj, "decorator_list", k, s.decorators) &&
           expr_field(obj, "returns", k, s.annotation, true);
  }
  if (kind == "ClassDef") {
    s.kind = StmtKind::ClassDef;
    return identifier(obj, "name", k, s.name) && expr_list(obj, "bases", k, s.bases) && keywords(obj, k, s.keywords) &&
           body("body", s.body) && expr_list(obj, "decorator_list", k, s.decorators);
  }
  if (kind == "Try" || kind == "TryStar") {
    s.kind = kind == "Try" ? StmtKind::Try : StmtKind::TryStar;
    return body("body", s.body) &&
           each_item(obj, "handlers", k, [&](Object* item) {
             if (kind_of(item) != "ExceptHandler") {
               std::string text;
               if (repr_string(ts_, item, text)) fail_type("expected some sort of excepthandler, but got " + text);
               return false;
             }
             s.handlers.emplace_back();
             ExceptHandler& h = s.handlers.back();
             return location(item, "excepthandler", h.loc) && expr_field(item, "type", "ExceptHandler", h.type, true) &&
                    identifier(item, "name", "ExceptHandler", h.name, true) &&
                    stmt_list(item, "body", "ExceptHandler", h.body);
           }) &&
           body("orelse", s.orelse) && body("finalbody", s.finalbody);
  }
  if (kind == "With" || kind == "AsyncWith") {
    s.kind = StmtKind::With;
    s.is_async = kind == "AsyncWith";
    return each_item(obj, "items", k, [&](Object* item) {
             s.items.emplace_back();
             WithItem& w = s.items.back();
             return expr_field(item, "context_expr", "withitem", w.context_expr) &&
                    expr_field(item, "optional_vars", "withitem", w.optional_vars, true, ExprContext::Store);
           }) && body("body", s.body);
  }
  if (kind == "Match") {
    s.kind = StmtKind::Match;
    return expr_field(obj, "subject", k, s.value) && each_item(obj, "cases", k, [&](Object* item) {
             s.cases.emplace_back();
             MatchCase& c = s.cases.back();
             Object* p;
             if (!get(item, "pattern", "match_case", p, false)) return false;
             bool ok = pattern(p, c.pattern);
             decref(p);
             return ok && expr_field(item, "guard", "match_case", c.guard, true) &&
                    stmt_list(item, "body", "match_case", c.body);
           });
  }
  return false;
}

bool FromPython::pattern(Object* obj, PatternPtr& out) {
  NodeLocation loc;
  if (!location(obj, "pattern", loc)) return false;
  std::string kind = kind_of(obj);
  const char* k = kind.c_str();
  auto make = [&](PatternKind pk) {
    out = std::make_unique<Pattern>(pk, loc);
    return out.get();
  };
  if (kind == "MatchValue") return expr_field(obj, "value", k, make(PatternKind::MatchValue)->value);
  if (kind == "MatchSingleton") {
    Pattern* p = make(PatternKind::MatchSingleton);
    Object* v = get_attr_str_or_null(ts_, obj, "value");
    if (!v) return has_error(ts_) ? false : fail_type("required field \"value\" missing from MatchSingleton");
    decref(v);  // None, True or False are immortal, so the pattern may borrow them
    if (v != py_none() && v != py_true() && v != py_false())
      return raise(ts_, &exc_ValueError, "MatchSingleton can only contain True, False and None"), false;
    p->singleton = v;
    return true;
  }
  if (kind == "MatchSequence") return pattern_list(obj, "patterns", k, make(PatternKind::MatchSequence)->patterns);
  if (kind == "MatchOr") return pattern_list(obj, "patterns", k, make(PatternKind::MatchOr)->patterns);
  if (kind == "MatchMapping") {
    Pattern* p = make(PatternKind::MatchMapping);
    return expr_list(obj, "keys", k, p->keys) && pattern_list(obj, "patterns", k, p->patterns) &&
           identifier(obj, "rest", k, p->name, true);
  }
  if (kind == "MatchClass") {
    Pattern* p = make(PatternKind::MatchClass);
    return expr_field(obj, "cls", k, p->value) && pattern_list(obj, "patterns", k, p->patterns) &&
           names(obj, "kwd_attrs", k, p->kwd_attrs) && pattern_list(obj, "kwd_patterns", k, p->kwd_patterns);
  }
  if (kind == "MatchStar") return identifier(obj, "name", k, make(PatternKind::MatchStar)->name, true);
  if (kind == "MatchAs") {
    Pattern* p = make(PatternKind::MatchAs);
    Object* sub;
    if (!get(obj, "pattern", k, sub, true)) return false;
    bool ok = !sub || pattern(sub, p->pattern);
    xdecref(sub);
    return ok && identifier(obj, "name", k, p->name, true);
  }
  std::string text;
  if (repr_string(ts_, obj, text)) fail_type("expected some sort of pattern, but got " + text);
  return false;
}

}  // namespace terrarium
