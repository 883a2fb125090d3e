// The converter from Python ast node objects to our C++ syntax tree. This header holds
// the class and its field readers (required/optional fields, identifiers, ints, lists,
// positions, expression contexts), written inline because they are small; the node cases
// are in ast_from_python_nodes.cpp and the entry point in ast_from_python.cpp. Internal to
// modules/ast_*: the interface is modules/ast_module.hpp.
#pragma once
#include <string>
#include "modules/ast_module.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

inline const char* const kContextNames[] = {"Load", "Store", "Del"};

class FromPython {
 public:
  FromPython(ThreadState* ts, Object* classes) : ts_(ts), classes_(classes) {}

  // The name of the node class `obj` is an instance of ("" when none): a subclass of
  // ast.Name converts as a Name.
  std::string kind_of(Object* obj) {
    Object* mro = obj->ob_type->tp_mro;
    for (Py_ssize_t i = 0; mro && i < tuple_size(mro); ++i) {
      TypeObject* t = static_cast<TypeObject*>(tuple_get(mro, i));
      Object* key = new_str(ts_, t->tp_name);
      Object* registered = dict_get_str(classes_, key);
      decref(key);
      if (registered == t) return t->tp_name;
    }
    return "";
  }

  bool module(Object* obj, std::string_view mode, Module& out) {
    std::string kind = kind_of(obj);
    const char* want = mode == "eval" ? "Expression" : mode == "single" ? "Interactive" : "Module";
    if (kind != want) return fail_type(std::string("expected ") + want + " node, got " + obj->ob_type->tp_name);
    if (kind == "Expression") {
      auto s = std::make_unique<Stmt>(StmtKind::Expr, NodeLocation{});
      if (!expr_field(obj, "body", "Expression", s->value)) return false;
      s->loc = s->value->loc;
      out.body.push_back(std::move(s));
      return true;
    }
    return stmt_list(obj, "body", want, out.body);
  }

 private:
  bool fail_type(const std::string& msg) {
    raise(ts_, &exc_TypeError, msg);
    return false;
  }

  // The field's value (new reference), or null: missing or None is an error unless optional.
  bool get(Object* obj, const char* name, const char* owner, Object*& out, bool optional) {
    out = get_attr_str_or_null(ts_, obj, name);
    if (!out && has_error(ts_)) return false;
    if (out == py_none()) {
      decref(out);
      out = nullptr;
    }
    if (!out && !optional) return fail_type(std::string("required field \"") + name + "\" missing from " + owner);
    return true;
  }

  bool identifier(Object* obj, const char* name, const char* owner, std::string& out, bool optional = false) {
    Object* v;
    if (!get(obj, name, owner, v, optional)) return false;
    if (!v) return true;
    bool ok = is_str(v);
    if (ok) out = std::string(str_view(v));
    decref(v);
    return ok || fail_type("AST identifier must be of type str");
  }

  bool integer(Object* obj, const char* name, const char* owner, int& out, bool optional = false) {
    Object* v;
    if (!get(obj, name, owner, v, optional)) return false;
    if (!v) return true;
    bool ok = is_instance(v, &int_type);
    if (ok) out = static_cast<int>(int_value(v));
    std::string text;
    if (!ok && repr_string(ts_, v, text)) raise(ts_, &exc_ValueError, "invalid integer value: " + text);
    decref(v);
    return ok;
  }

  bool location(Object* obj, const char* owner, NodeLocation& loc) {
    loc.end_lineno = -1;
    loc.end_col_offset = -1;
    if (!integer(obj, "lineno", owner, loc.lineno) || !integer(obj, "col_offset", owner, loc.col_offset) ||
        !integer(obj, "end_lineno", owner, loc.end_lineno, true) ||
        !integer(obj, "end_col_offset", owner, loc.end_col_offset, true))
      return false;
    if (loc.end_lineno < 0) loc.end_lineno = loc.lineno;
    if (loc.end_col_offset < 0) loc.end_col_offset = loc.col_offset;
    return true;
  }

  // Calls each(item) for the items of the list field `name`.
  template <class F>
  bool each_item(Object* obj, const char* name, const char* owner, F each) {
    Object* v;
    if (!get(obj, name, owner, v, false)) return false;
    if (!is_list(v)) {
      fail_type(std::string(owner) + " field \"" + name + "\" must be a list, not a " + v->ob_type->tp_name);
      decref(v);
      return false;
    }
    std::vector<Object*> items = list_items(v);  // a snapshot: conversion runs Python code
    for (Object* item : items) incref(item);
    bool ok = true;
    for (Object* item : items) {
      if (ok) ok = each(item);
      decref(item);
    }
    decref(v);
    return ok;
  }

  bool expr_field(Object* obj, const char* name, const char* owner, ExprPtr& out, bool optional = false,
                  ExprContext ctx = ExprContext::Load) {
    Object* v;
    if (!get(obj, name, owner, v, optional)) return false;
    if (!v) return true;
    bool ok = expr(v, out, ctx);
    decref(v);
    return ok;
  }

  bool expr_list(Object* obj, const char* name, const char* owner, std::vector<ExprPtr>& out,
                 ExprContext ctx = ExprContext::Load, bool allow_none = false) {
    return each_item(obj, name, owner, [&](Object* item) {
      out.emplace_back();
      if (allow_none && item == py_none()) return true;
      return expr(item, out.back(), ctx);
    });
  }

  bool stmt_list(Object* obj, const char* name, const char* owner, std::vector<StmtPtr>& out) {
    return each_item(obj, name, owner, [&](Object* item) {
      out.emplace_back();
      return stmt(item, out.back());
    });
  }

  bool names(Object* obj, const char* name, const char* owner, std::vector<std::string>& out) {
    return each_item(obj, name, owner, [&](Object* item) {
      if (!is_str(item)) return fail_type("AST identifier must be of type str");
      out.emplace_back(str_view(item));
      return true;
    });
  }

  // The index among `names` of the marker class (Load, Add, Eq ...) `v` is an instance of.
  template <std::size_t N>
  bool marker_value(Object* v, const char* const (&names)[N], const char* sort, int& out) {
    std::string kind = kind_of(v);
    for (std::size_t i = 0; i < N; ++i) {
      if (kind == names[i]) {
        out = static_cast<int>(i);
        return true;
      }
    }
    std::string text;
    if (repr_string(ts_, v, text)) fail_type(std::string("expected some sort of ") + sort + ", but got " + text);
    return false;
  }
  template <std::size_t N>
  bool marker(Object* obj, const char* name, const char* owner, const char* const (&names)[N], const char* sort,
              int& out) {
    Object* v;
    if (!get(obj, name, owner, v, false)) return false;
    bool ok = marker_value(v, names, sort, out);
    decref(v);
    return ok;
  }

  bool context(Object* obj, Expr& e, ExprContext want) {
    int ctx;
    if (!marker(obj, "ctx", obj->ob_type->tp_name, kContextNames, "expr_context", ctx)) return false;
    e.ctx = static_cast<ExprContext>(ctx);
    if (e.ctx == want) return true;
    raise(ts_, &exc_ValueError, std::string("expression must have ") + kContextNames[static_cast<int>(want)] +
                                     " context but has " + kContextNames[ctx] + " instead");
    return false;
  }

  bool arg(Object* obj, Arg& out);
  bool arguments(Object* obj, std::shared_ptr<Arguments>& out);
  bool keywords(Object* obj, const char* owner, std::vector<Keyword>& out);
  bool comprehensions(Object* obj, const char* owner, std::vector<Comprehension>& out);
  bool expr(Object* obj, ExprPtr& out, ExprContext ctx);
  bool stmt(Object* obj, StmtPtr& out);
  bool compound_stmt(Object* obj, const std::string& kind, Stmt& s);
  bool pattern(Object* obj, PatternPtr& out);
  bool pattern_list(Object* obj, const char* name, const char* owner, std::vector<PatternPtr>& out) {
    return each_item(obj, name, owner, [&](Object* item) {
      out.emplace_back();
      return pattern(item, out.back());
    });
  }

  ThreadState* ts_;
  Object* classes_;  // the dict of _ast_nodes
};

}  // namespace terrarium
