// Our C++ syntax tree (compiler/ast.hpp) as Python ast node objects, the classes of
// core/pylib/_ast_nodes.py. Fields absent in the C++ tree ("" names, null children)
// become None as in CPython; async statements become their Async* classes.
// CPython: Python/Python-ast.c ast2obj_mod() and friends.
#include <initializer_list>
#include <utility>
#include "modules/ast_module.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/import.hpp"

namespace terrarium {

namespace {

using Field = std::pair<const char*, Object*>;  // the value is stolen; null means "failed"

const char* operator_class(BinaryOp op) {
  // An augmented assignment holds the in-place form; its ast node names the plain operator.
  if (static_cast<int>(op) >= kBinaryOpCount) op = static_cast<BinaryOp>(static_cast<int>(op) - kBinaryOpCount);
  switch (op) {
    case BinaryOp::Add: return "Add";
    case BinaryOp::And: return "BitAnd";
    case BinaryOp::FloorDivide: return "FloorDiv";
    case BinaryOp::Lshift: return "LShift";
    case BinaryOp::MatrixMultiply: return "MatMult";
    case BinaryOp::Multiply: return "Mult";
    case BinaryOp::Remainder: return "Mod";
    case BinaryOp::Or: return "BitOr";
    case BinaryOp::Power: return "Pow";
    case BinaryOp::Rshift: return "RShift";
    case BinaryOp::Subtract: return "Sub";
    case BinaryOp::TrueDivide: return "Div";
    case BinaryOp::Xor: return "BitXor";
    default: return "Add";
  }
}

const char* const kCmpClasses[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
const char* const kUnaryClasses[] = {"Invert", "Not", "UAdd", "USub"};
const char* const kContextClasses[] = {"Load", "Store", "Del"};

class ToPython {
 public:
  ToPython(ThreadState* ts, Object* classes) : ts_(ts), classes_(classes) {}

  Object* mod(Module& m, std::string_view mode) {
    if (mode == "eval") return node("Expression", {{"body", expr(m.body[0]->value.get())}});
    if (mode == "single") return node("Interactive", {{"body", stmts(m.body)}});
    return node("Module", {{"body", stmts(m.body)}, {"type_ignores", new_list(ts_)}});
  }

 private:
  // An instance of class `cls` with `fields` set, and the four position attributes when
  // `loc` is given. Steals every field value, even on failure.
  Object* node(const char* cls, std::initializer_list<Field> fields, const NodeLocation* loc = nullptr) {
    Object* type = class_named(cls);
    Object* obj = nullptr;
    bool ok = type != nullptr;
    for (const Field& f : fields) ok = ok && f.second;
    if (ok) obj = call_object(ts_, type, nullptr, 0, nullptr);
    ok = ok && obj;
    for (const Field& f : fields) {
      if (ok) ok = set_field(obj, f.first, f.second);
      xdecref(f.second);
    }
    if (ok && loc) {
      ok = set_field(obj, "lineno", new_int(ts_, loc->lineno)) &&
           set_field(obj, "col_offset", new_int(ts_, loc->col_offset)) &&
           set_field(obj, "end_lineno", new_int(ts_, loc->end_lineno)) &&
           set_field(obj, "end_col_offset", new_int(ts_, loc->end_col_offset));
    }
    if (!ok) {
      xdecref(obj);
      return nullptr;
    }
    return obj;
  }

  bool set_field(Object* obj, const char* name, Object* value, bool steal = false) {
    Object* key = new_str(ts_, name);
    bool ok = set_attr(ts_, obj, key, value) == 0;
    decref(key);
    if (steal) decref(value);
    return ok;
  }

  Object* class_named(const char* name) {
    Object* key = new_str(ts_, name);
    Object* cls = dict_get_str(classes_, key);
    decref(key);
    if (!cls) raise(ts_, &exc_SystemError, std::string("_ast has no node class ") + name);
    return cls;
  }

  // Operators and contexts carry no fields: a fresh instance each time, as equal to any other.
  Object* marker(const char* cls) { return node(cls, {}); }

  static Object* none() { return newref(py_none()); }
  Object* name_or_none(const std::string& s) { return s.empty() ? none() : new_str(ts_, s); }

  template <class T, class F>
  Object* list_of(std::vector<T>& items, F convert) {
    Object* list = new_list(ts_);
    for (T& item : items) {
      Object* v = convert(item);
      if (!v || !list_append(ts_, list, v)) {
        xdecref(v);
        decref(list);
        return nullptr;
      }
      decref(v);
    }
    return list;
  }
  Object* exprs(std::vector<ExprPtr>& v) {
    return list_of(v, [&](ExprPtr& e) { return e ? expr(e.get()) : none(); });
  }
  Object* stmts(std::vector<StmtPtr>& v) {
    return list_of(v, [&](StmtPtr& s) { return stmt(*s); });
  }
  Object* names(std::vector<std::string>& v) {
    return list_of(v, [&](std::string& s) { return new_str(ts_, s); });
  }
  Object* opt(Expr* e) { return e ? expr(e) : none(); }

  Object* arg(Arg& a) {
    return node("arg", {{"arg", new_str(ts_, a.name)}, {"annotation", opt(a.annotation.get())}, {"type_comment", none()}},
                &a.loc);
  }
  Object* opt_arg(std::unique_ptr<Arg>& a) { return a ? arg(*a) : none(); }
  Object* arguments(Arguments& a) {
    auto conv = [&](Arg& x) { return arg(x); };
    return node("arguments", {{"posonlyargs", list_of(a.posonlyargs, conv)},
                              {"args", list_of(a.args, conv)},
                              {"vararg", opt_arg(a.vararg)},
                              {"kwonlyargs", list_of(a.kwonlyargs, conv)},
                              {"kw_defaults", exprs(a.kw_defaults)},
                              {"kwarg", opt_arg(a.kwarg)},
                              {"defaults", exprs(a.defaults)}});
  }
  Object* keywords(std::vector<Keyword>& v) {
    return list_of(v, [&](Keyword& k) {
      return node("keyword", {{"arg", name_or_none(k.arg)}, {"value", expr(k.value.get())}}, &k.loc);
    });
  }
  Object* comprehensions(std::vector<Comprehension>& v) {
    return list_of(v, [&](Comprehension& c) {
      return node("comprehension", {{"target", expr(c.target.get())},
                                    {"iter", expr(c.iter.get())},
                                    {"ifs", exprs(c.ifs)},
                                    {"is_async", new_int(ts_, c.is_async ? 1 : 0)}});
    });
  }

  Object* expr(Expr* e);
  Object* stmt(Stmt& s);
  Object* pattern(Pattern& p);
  Object* patterns(std::vector<PatternPtr>& v) {
    return list_of(v, [&](PatternPtr& p) { return pattern(*p); });
  }

  ThreadState* ts_;
  Object* classes_;  // the dict of _ast_nodes
};

Object* ToPython::expr(Expr* e) {
  const NodeLocation* l = &e->loc;
  auto ctx = [&] { return marker(kContextClasses[static_cast<int>(e->ctx)]); };
  switch (e->kind) {
    case ExprKind::Constant: return node("Constant", {{"value", newref(e->value)}, {"kind", none()}}, l);
    case ExprKind::Name: return node("Name", {{"id", new_str(ts_, e->id)}, {"ctx", ctx()}}, l);
    case ExprKind::BinOp:
      return node("BinOp", {{"left", expr(e->left.get())}, {"op", marker(operator_class(e->binop))},
                            {"right", expr(e->right.get())}}, l);
    case ExprKind::UnaryOp:
      return node("UnaryOp", {{"op", marker(kUnaryClasses[static_cast<int>(e->unaryop)])},
                              {"operand", expr(e->left.get())}}, l);
    case ExprKind::BoolOp:
      return node("BoolOp", {{"op", marker(e->boolop == BoolOpKind::And ? "And" : "Or")}, {"values", exprs(e->elts)}}, l);
    case ExprKind::Compare:
      return node("Compare", {{"left", expr(e->left.get())},
                              {"ops", list_of(e->ops, [&](CmpOpKind k) { return marker(kCmpClasses[static_cast<int>(k)]); })},
                              {"comparators", exprs(e->elts)}}, l);
    case ExprKind::Call:
      return node("Call", {{"func", expr(e->left.get())}, {"args", exprs(e->elts)}, {"keywords", keywords(e->keywords)}}, l);
    case ExprKind::IfExp:
      return node("IfExp", {{"test", expr(e->left.get())}, {"body", expr(e->right.get())},
                            {"orelse", expr(e->orelse.get())}}, l);
    case ExprKind::Tuple: return node("Tuple", {{"elts", exprs(e->elts)}, {"ctx", ctx()}}, l);
    case ExprKind::List: return node("List", {{"elts", exprs(e->elts)}, {"ctx", ctx()}}, l);
    case ExprKind::Set: return node("Set", {{"elts", exprs(e->elts)}}, l);
    case ExprKind::Dict: return node("Dict", {{"keys", exprs(e->elts)}, {"values", exprs(e->values)}}, l);
    case ExprKind::Attribute:
      return node("Attribute", {{"value", expr(e->left.get())}, {"attr", new_str(ts_, e->id)}, {"ctx", ctx()}}, l);
    case ExprKind::Subscript:
      return node("Subscript", {{"value", expr(e->left.get())}, {"slice", expr(e->right.get())}, {"ctx", ctx()}}, l);
    case ExprKind::Slice:
      return node("Slice", {{"lower", opt(e->left.get())}, {"upper", opt(e->right.get())}, {"step", opt(e->orelse.get())}},
                  l);
    case ExprKind::Starred: return node("Starred", {{"value", expr(e->left.get())}, {"ctx", ctx()}}, l);
    case ExprKind::Lambda: return node("Lambda", {{"args", arguments(*e->args)}, {"body", expr(e->left.get())}}, l);
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp: {
      const char* cls = e->kind == ExprKind::ListComp ? "ListComp" : e->kind == ExprKind::SetComp ? "SetComp" : "GeneratorExp";
      return node(cls, {{"elt", expr(e->left.get())}, {"generators", comprehensions(e->generators)}}, l);
    }
    case ExprKind::DictComp:
      return node("DictComp", {{"key", expr(e->left.get())}, {"value", expr(e->right.get())},
                               {"generators", comprehensions(e->generators)}}, l);
    case ExprKind::JoinedStr: return node("JoinedStr", {{"values", exprs(e->elts)}}, l);
    case ExprKind::FormattedValue:
      return node("FormattedValue", {{"value", expr(e->left.get())}, {"conversion", new_int(ts_, e->conversion)},
                                     {"format_spec", opt(e->right.get())}}, l);
    case ExprKind::NamedExpr:
      return node("NamedExpr", {{"target", expr(e->left.get())}, {"value", expr(e->right.get())}}, l);
    case ExprKind::Yield: return node("Yield", {{"value", opt(e->left.get())}}, l);
    case ExprKind::YieldFrom: return node("YieldFrom", {{"value", expr(e->left.get())}}, l);
    case ExprKind::Await: return node("Await", {{"value", expr(e->left.get())}}, l);
  }
  return raise(ts_, &exc_SystemError, "unknown expression kind");
}

Object* ToPython::stmt(Stmt& s) {
  const NodeLocation* l = &s.loc;
  auto target0 = [&] { return expr(s.targets[0].get()); };
  switch (s.kind) {
    case StmtKind::Expr: return node("Expr", {{"value", expr(s.value.get())}}, l);
    case StmtKind::Assign:
      return node("Assign", {{"targets", exprs(s.targets)}, {"value", expr(s.value.get())}, {"type_comment", none()}}, l);
    case StmtKind::AugAssign:
      return node("AugAssign", {{"target", target0()}, {"op", marker(operator_class(s.augop))}, {"value", expr(s.value.get())}},
                  l);
    case StmtKind::AnnAssign:
      return node("AnnAssign", {{"target", target0()}, {"annotation", expr(s.annotation.get())},
                                {"value", opt(s.value.get())}, {"simple", new_int(ts_, s.simple ? 1 : 0)}}, l);
    case StmtKind::If:
    case StmtKind::While:
      return node(s.kind == StmtKind::If ? "If" : "While",
                  {{"test", expr(s.value.get())}, {"body", stmts(s.body)}, {"orelse", stmts(s.orelse)}}, l);
    case StmtKind::For:
      return node(s.is_async ? "AsyncFor" : "For", {{"target", target0()}, {"iter", expr(s.value.get())},
                                                    {"body", stmts(s.body)}, {"orelse", stmts(s.orelse)},
                                                    {"type_comment", none()}}, l);
    case StmtKind::Pass: return node("Pass", {}, l);
    case StmtKind::Break: return node("Break", {}, l);
    case StmtKind::Continue: return node("Continue", {}, l);
    case StmtKind::FunctionDef:
      return node(s.is_async ? "AsyncFunctionDef" : "FunctionDef",
                  {{"name", new_str(ts_, s.name)}, {"args", arguments(*s.args)}, {"body", stmts(s.body)},
                   {"decorator_list", exprs(s.decorators)}, {"returns", opt(s.annotation.get())},
                   {"type_comment", none()}}, l);
    case StmtKind::ClassDef:
      return node("ClassDef", {{"name", new_str(ts_, s.name)}, {"bases", exprs(s.bases)}, {"keywords", keywords(s.keywords)},
                               {"body", stmts(s.body)}, {"decorator_list", exprs(s.decorators)}}, l);
    case StmtKind::Return: return node("Return", {{"value", opt(s.value.get())}}, l);
    case StmtKind::Delete: return node("Delete", {{"targets", exprs(s.targets)}}, l);
    case StmtKind::Raise: return node("Raise", {{"exc", opt(s.value.get())}, {"cause", opt(s.cause.get())}}, l);
    case StmtKind::Try:
    case StmtKind::TryStar: {
      Object* handlers = list_of(s.handlers, [&](ExceptHandler& h) {
        return node("ExceptHandler", {{"type", opt(h.type.get())}, {"name", name_or_none(h.name)}, {"body", stmts(h.body)}},
                    &h.loc);
      });
      return node(s.kind == StmtKind::Try ? "Try" : "TryStar",
                  {{"body", stmts(s.body)}, {"handlers", handlers}, {"orelse", stmts(s.orelse)},
                   {"finalbody", stmts(s.finalbody)}}, l);
    }
    case StmtKind::Assert: return node("Assert", {{"test", expr(s.value.get())}, {"msg", opt(s.cause.get())}}, l);
    case StmtKind::Global: return node("Global", {{"names", names(s.names)}}, l);
    case StmtKind::Nonlocal: return node("Nonlocal", {{"names", names(s.names)}}, l);
    case StmtKind::Import:
    case StmtKind::ImportFrom: {
      Object* aliases = list_of(s.aliases, [&](Alias& a) {
        return node("alias", {{"name", new_str(ts_, a.name)}, {"asname", name_or_none(a.asname)}}, &a.loc);
      });
      if (s.kind == StmtKind::Import) return node("Import", {{"names", aliases}}, l);
      return node("ImportFrom", {{"module", name_or_none(s.name)}, {"names", aliases}, {"level", new_int(ts_, s.level)}}, l);
    }
    case StmtKind::With: {
      Object* items = list_of(s.items, [&](WithItem& w) {
        return node("withitem", {{"context_expr", expr(w.context_expr.get())}, {"optional_vars", opt(w.optional_vars.get())}});
      });
      return node(s.is_async ? "AsyncWith" : "With", {{"items", items}, {"body", stmts(s.body)}, {"type_comment", none()}},
                  l);
    }
    case StmtKind::Match: {
      Object* cases = list_of(s.cases, [&](MatchCase& c) {
        return node("match_case", {{"pattern", pattern(*c.pattern)}, {"guard", opt(c.guard.get())}, {"body", stmts(c.body)}});
      });
      return node("Match", {{"subject", expr(s.value.get())}, {"cases", cases}}, l);
    }
  }
  return raise(ts_, &exc_SystemError, "unknown statement kind");
}

Object* ToPython::pattern(Pattern& p) {
  const NodeLocation* l = &p.loc;
  switch (p.kind) {
    case PatternKind::MatchValue: return node("MatchValue", {{"value", expr(p.value.get())}}, l);
    case PatternKind::MatchSingleton: return node("MatchSingleton", {{"value", newref(p.singleton)}}, l);
    case PatternKind::MatchSequence: return node("MatchSequence", {{"patterns", patterns(p.patterns)}}, l);
    case PatternKind::MatchMapping:
      return node("MatchMapping", {{"keys", exprs(p.keys)}, {"patterns", patterns(p.patterns)}, {"rest", name_or_none(p.name)}},
                  l);
    case PatternKind::MatchClass:
      return node("MatchClass", {{"cls", expr(p.value.get())}, {"patterns", patterns(p.patterns)},
                                 {"kwd_attrs", names(p.kwd_attrs)}, {"kwd_patterns", patterns(p.kwd_patterns)}}, l);
    case PatternKind::MatchStar: return node("MatchStar", {{"name", name_or_none(p.name)}}, l);
    case PatternKind::MatchAs:
      return node("MatchAs", {{"pattern", p.pattern ? pattern(*p.pattern) : none()}, {"name", name_or_none(p.name)}}, l);
    case PatternKind::MatchOr: return node("MatchOr", {{"patterns", patterns(p.patterns)}}, l);
  }
  return raise(ts_, &exc_SystemError, "unknown pattern kind");
}

}  // namespace

Object* module_to_ast_object(ThreadState* ts, Module& module, std::string_view mode) {
  Object* classes = import_module(ts, "_ast_nodes");
  if (!classes) return nullptr;
  Object* result = ToPython(ts, module_dict(classes)).mod(module, mode);
  decref(classes);
  return result;
}

}  // namespace terrarium
