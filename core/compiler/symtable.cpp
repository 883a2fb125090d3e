// Symbol table construction (one pass over the AST recording definitions and uses per
// block) and analysis (resolving each name's scope from the innermost block outward).
#include "compiler/symtable.hpp"

#include <set>

namespace terrarium {

std::string mangle(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 3 || name.compare(0, 2, "__") != 0) return name;
  if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;  // dunder
  if (name.find('.') != std::string::npos) return name;
  std::size_t start = private_name.find_first_not_of('_');
  if (start == std::string::npos) return name;  // class name of only underscores
  return "_" + private_name.substr(start) + name;
}

struct SymtableFailure {};

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, std::string_view source, SyntaxErrorInfo& error)
      : table_(table), source_(source), error_(error) {}

  bool run(Module& module) {
    try {
      table_.top_ = std::make_unique<SymbolTableEntry>();
      cur_ = table_.top_.get();
      cur_->kind = BlockKind::Module;
      cur_->name = "top";
      cur_->node = &module;
      table_.by_node_[&module] = cur_;
      for (auto& s : module.body) visit_stmt(*s);
      analyze(table_.top_.get(), nullptr, {}, {});
      return true;
    } catch (const SymtableFailure&) {
      return false;
    }
  }

 private:
  int expr_depth_ = 0;

  [[noreturn]] void fail(const std::string& msg, const NodeLocation& l) {
    error_.type = "SyntaxError";
    error_.message = msg;
    error_.lineno = l.lineno;
    error_.end_lineno = l.end_lineno;
    // 1-based character offsets of the statement, as CPython reports these errors.
    std::size_t p = 0;
    for (int line = 1; line < l.lineno && p != std::string_view::npos; ++line) {
      p = source_.find('\n', p);
      if (p != std::string_view::npos) ++p;
    }
    auto chars = [&](int col) {
      int c = 0;
      for (int i = 0; i < col && p + i < source_.size(); ++i)
        if ((static_cast<unsigned char>(source_[p + i]) & 0xC0) != 0x80) ++c;
      return c + 1;
    };
    error_.offset = chars(l.col_offset);
    error_.end_offset = l.end_lineno == l.lineno ? chars(l.end_col_offset) : 0;
    throw SymtableFailure{};
  }

  SymbolTableEntry* enter(BlockKind kind, const std::string& name, const void* node, int lineno) {
    auto entry = std::make_unique<SymbolTableEntry>();
    entry->kind = kind;
    entry->name = name;
    entry->node = node;
    entry->lineno = lineno;
    entry->nested = cur_->kind == BlockKind::Function || cur_->nested;
    entry->private_name = kind == BlockKind::Class ? name : cur_->private_name;
    SymbolTableEntry* raw = entry.get();
    cur_->children.push_back(std::move(entry));
    table_.by_node_[node] = raw;
    stack_.push_back(cur_);
    cur_ = raw;
    return raw;
  }
  void leave() {
    cur_ = stack_.back();
    stack_.pop_back();
  }

  void add_def(const std::string& raw_name, unsigned flag, const NodeLocation& loc) {
    std::string name = mangle(cur_->private_name, raw_name);
    auto [it, inserted] = cur_->symbols.try_emplace(name);
    if (inserted) cur_->order.push_back(name);
    Symbol& s = it->second;
    if ((flag & DEF_PARAM) && (s.flags & DEF_PARAM)) fail("duplicate argument '" + name + "' in function definition", loc);
    s.flags |= flag;
  }

  void declare(const Stmt& st, bool is_global) {
    for (const std::string& raw : st.names) {
      std::string name = mangle(cur_->private_name, raw);
      auto it = cur_->symbols.find(name);
      unsigned flags = it == cur_->symbols.end() ? 0 : it->second.flags;
      const char* kw = is_global ? "global" : "nonlocal";
      if (flags & (DEF_PARAM | DEF_LOCAL | USE)) {
        if (flags & DEF_PARAM) fail("name '" + name + "' is parameter and " + kw, st.loc);
        if (flags & USE) fail("name '" + name + "' is used prior to " + kw + " declaration", st.loc);
        fail("name '" + name + "' is assigned to before " + kw + " declaration", st.loc);
      }
      if (!is_global && cur_->kind == BlockKind::Module) fail("nonlocal declaration not allowed at module level", st.loc);
      if (is_global && (flags & DEF_NONLOCAL)) fail("name '" + name + "' is nonlocal and global", st.loc);
      if (!is_global && (flags & DEF_GLOBAL)) fail("name '" + name + "' is nonlocal and global", st.loc);
      add_def(raw, is_global ? DEF_GLOBAL : DEF_NONLOCAL, st.loc);
      if (is_global && cur_ != table_.top_.get()) {
        // CPython records global declarations in the module's own table too (st_global),
        // so module-level code then uses LOAD_GLOBAL/STORE_GLOBAL for the name.
        SymbolTableEntry* top = table_.top_.get();
        auto [it2, inserted] = top->symbols.try_emplace(name);
        if (inserted) top->order.push_back(name);
        it2->second.flags |= DEF_GLOBAL;
      }
    }
  }

  void visit_stmts(std::vector<StmtPtr>& body) {
    for (auto& s : body) visit_stmt(*s);
  }

  void visit_arguments_defaults(Arguments& a) {
    for (auto& d : a.defaults) visit_expr(*d);
    for (auto& d : a.kw_defaults)
      if (d) visit_expr(*d);
  }
  void visit_annotations(Arguments& a) {
    auto ann = [&](Arg& arg) { if (arg.annotation) visit_expr(*arg.annotation); };
    for (auto& x : a.posonlyargs) ann(x);
    for (auto& x : a.args) ann(x);
    if (a.vararg) ann(*a.vararg);
    for (auto& x : a.kwonlyargs) ann(x);
    if (a.kwarg) ann(*a.kwarg);
  }
  void define_params(Arguments& a) {
    auto param = [&](const Arg& arg) {
      add_def(arg.name, DEF_PARAM, arg.loc);
      cur_->params.push_back(mangle(cur_->private_name, arg.name));
    };
    for (auto& x : a.posonlyargs) param(x);
    for (auto& x : a.args) param(x);
    for (auto& x : a.kwonlyargs) param(x);
    if (a.vararg) {
      param(*a.vararg);
      cur_->has_varargs = true;
    }
    if (a.kwarg) {
      param(*a.kwarg);
      cur_->has_varkeywords = true;
    }
  }

  void visit_stmt(Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: {
        add_def(s.name, DEF_LOCAL, s.loc);
        visit_arguments_defaults(*s.args);
        visit_annotations(*s.args);
        if (s.annotation) visit_expr(*s.annotation);
        for (auto& d : s.decorators) visit_expr(*d);
        enter(BlockKind::Function, s.name, &s, s.loc.lineno);
        cur_->is_coroutine = s.is_async;
        define_params(*s.args);
        visit_stmts(s.body);
        leave();
        return;
      }
      case StmtKind::ClassDef: {
        add_def(s.name, DEF_LOCAL, s.loc);
        for (auto& b : s.bases) visit_expr(*b);
        for (auto& k : s.keywords) visit_expr(*k.value);
        for (auto& d : s.decorators) visit_expr(*d);
        std::string saved_private = cur_->private_name;
        enter(BlockKind::Class, s.name, &s, s.loc.lineno);
        visit_stmts(s.body);
        leave();
        return;
      }
      case StmtKind::Return:
      case StmtKind::Expr:
        if (s.value) visit_expr(*s.value);
        return;
      case StmtKind::Delete:
      case StmtKind::Assign:
        if (s.value) visit_expr(*s.value);
        for (auto& t : s.targets) visit_expr(*t);
        return;
      case StmtKind::AugAssign:
        visit_expr(*s.targets[0]);
        visit_expr(*s.value);
        return;
      case StmtKind::AnnAssign:
        if (s.targets[0]->kind == ExprKind::Name && s.simple) add_def(s.targets[0]->id, DEF_LOCAL, s.loc);
        else visit_expr(*s.targets[0]);
        visit_expr(*s.annotation);
        if (s.value) visit_expr(*s.value);
        return;
      case StmtKind::For:
        visit_expr(*s.targets[0]);
        visit_expr(*s.value);
        visit_stmts(s.body);
        visit_stmts(s.orelse);
        return;
      case StmtKind::While:
      case StmtKind::If:
        visit_expr(*s.value);
        visit_stmts(s.body);
        visit_stmts(s.orelse);
        return;
      case StmtKind::Raise:
        if (s.value) visit_expr(*s.value);
        if (s.cause) visit_expr(*s.cause);
        return;
      case StmtKind::Match:
        visit_expr(*s.value);
        for (auto& c : s.cases) {
          visit_pattern(*c.pattern);
          if (c.guard) visit_expr(*c.guard);
          visit_stmts(c.body);
        }
        return;
      case StmtKind::Try:
      case StmtKind::TryStar:
        visit_stmts(s.body);
        for (auto& h : s.handlers) {
          if (h.type) visit_expr(*h.type);
          if (!h.name.empty()) add_def(h.name, DEF_LOCAL, h.loc);
          visit_stmts(h.body);
        }
        visit_stmts(s.orelse);
        visit_stmts(s.finalbody);
        return;
      case StmtKind::Assert:
        visit_expr(*s.value);
        if (s.cause) visit_expr(*s.cause);
        return;
      case StmtKind::Global: declare(s, true); return;
      case StmtKind::Nonlocal: declare(s, false); return;
      case StmtKind::Import:
      case StmtKind::ImportFrom:
        for (auto& a : s.aliases) {
          if (a.name == "*") {
            if (cur_->kind != BlockKind::Module) fail("import * only allowed at module level", s.loc);
            continue;
          }
          std::string bound = !a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.'));
          add_def(bound, DEF_IMPORT, a.loc);
        }
        return;
      case StmtKind::With:
        for (auto& item : s.items) {
          visit_expr(*item.context_expr);
          if (item.optional_vars) visit_expr(*item.optional_vars);
        }
        visit_stmts(s.body);
        return;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        return;
    }
  }

  void visit_pattern(Pattern& p) {
    if (p.value) visit_expr(*p.value);
    for (auto& k : p.keys) visit_expr(*k);
    for (auto& sub : p.patterns) visit_pattern(*sub);
    for (auto& sub : p.kwd_patterns) visit_pattern(*sub);
    if (p.pattern) visit_pattern(*p.pattern);
    bool binds = p.kind == PatternKind::MatchAs || p.kind == PatternKind::MatchStar || p.kind == PatternKind::MatchMapping;
    if (binds && !p.name.empty()) add_def(p.name, DEF_LOCAL, p.loc);
  }

  void visit_comprehension(Expr& e, const char* name) {
    // The first iterable is evaluated in the enclosing scope; the rest run inside.
    visit_expr(*e.generators[0].iter);
    enter(BlockKind::Function, name, &e, e.loc.lineno);
    cur_->is_comprehension = true;
    cur_->is_generator = e.kind == ExprKind::GeneratorExp;
    // `async for` in any clause, or an `await` inside, makes the comprehension
    // asynchronous; a non-generator one then makes its enclosing scope await it.
    for (auto& c : e.generators)
      if (c.is_async) cur_->is_coroutine = true;
    add_def(".0", DEF_PARAM, e.loc);
    cur_->params.push_back(".0");
    for (std::size_t i = 0; i < e.generators.size(); ++i) {
      Comprehension& c = e.generators[i];
      visit_expr(*c.target);
      if (i > 0) visit_expr(*c.iter);
      for (auto& cond : c.ifs) visit_expr(*cond);
    }
    if (e.right) visit_expr(*e.right);
    visit_expr(*e.left);
    bool awaits = cur_->is_coroutine && e.kind != ExprKind::GeneratorExp;
    leave();
    if (awaits && cur_->is_comprehension) cur_->is_coroutine = true;
  }

  // CPython gives up on expressions nested deeper than its compiler's recursion budget
  // (3 x the recursion limit of 1000) with RecursionError, and so do we: deeper trees
  // would also overflow the C++ stack in the passes that follow.
  static constexpr int kMaxExprDepth = 2990;
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  };

  void visit_expr(Expr& e) {
    DepthGuard guard(expr_depth_);
    if (expr_depth_ > kMaxExprDepth) {
      error_ = SyntaxErrorInfo{};
      error_.type = "RecursionError";
      error_.message = "maximum recursion depth exceeded during compilation";
      throw SymtableFailure{};
    }
    switch (e.kind) {
      case ExprKind::Name:
        add_def(e.id, e.ctx == ExprContext::Load ? USE : DEF_LOCAL, e.loc);
        // super() and __class__ in a method make the class body keep a __class__ cell.
        if (e.ctx == ExprContext::Load && cur_->kind == BlockKind::Function && e.id == "super")
          add_def("__class__", USE, e.loc);
        return;
      case ExprKind::Lambda:
        visit_arguments_defaults(*e.args);
        enter(BlockKind::Function, "lambda", &e, e.loc.lineno);
        cur_->is_lambda = true;
        define_params(*e.args);
        visit_expr(*e.left);
        leave();
        return;
      case ExprKind::ListComp: visit_comprehension(e, "listcomp"); return;
      case ExprKind::SetComp: visit_comprehension(e, "setcomp"); return;
      case ExprKind::DictComp: visit_comprehension(e, "dictcomp"); return;
      case ExprKind::GeneratorExp: visit_comprehension(e, "genexpr"); return;
      case ExprKind::NamedExpr: {
        // The target binds in the nearest enclosing non-comprehension scope (PEP 572).
        visit_expr(*e.right);
        std::size_t depth = stack_.size();
        SymbolTableEntry* saved = cur_;
        while (cur_->is_comprehension && depth > 0) cur_ = stack_[--depth];
        add_def(e.left->id, DEF_LOCAL, e.left->loc);
        SymbolTableEntry* target_scope = cur_;
        cur_ = saved;
        if (target_scope != saved) add_def(e.left->id, DEF_NONLOCAL, e.left->loc);  // visible to the comprehension
        return;
      }
      case ExprKind::Await:
        if (e.left) visit_expr(*e.left);
        // CPython marks any scope; we mark comprehensions only, since our code generator
        // reads is_coroutine as "async def" for functions.
        if (cur_->is_comprehension) cur_->is_coroutine = true;
        return;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (cur_->is_comprehension)
          fail("'yield' inside " + std::string(cur_->name == "genexpr" ? "generator expression" : cur_->name == "listcomp"
                                                   ? "list comprehension" : cur_->name == "setcomp" ? "set comprehension"
                                                   : "dict comprehension"), e.loc);
        cur_->is_generator = true;
        if (e.left) visit_expr(*e.left);
        return;
      default:
        break;
    }
    if (e.left) visit_expr(*e.left);
    if (e.right) visit_expr(*e.right);
    if (e.orelse) visit_expr(*e.orelse);
    for (auto& x : e.elts)
      if (x) visit_expr(*x);
    for (auto& x : e.values) visit_expr(*x);
    for (auto& k : e.keywords) visit_expr(*k.value);
  }

  // ---- analysis ---------------------------------------------------------------------
  // CPython: analyze_block. `bound` holds names bound by enclosing function scopes,
  // `global` names declared global in enclosing scopes. Returns the names free in this
  // block (to be cells or pass-through frees in the enclosing one).
  std::set<std::string> analyze(SymbolTableEntry* e, SymbolTableEntry* parent, std::set<std::string> bound,
                                std::set<std::string> globals) {
    std::set<std::string> local, free;
    for (auto& [name, sym] : e->symbols) {
      if (sym.flags & DEF_GLOBAL) {
        sym.scope = Scope::GlobalExplicit;
        globals.insert(name);
        bound.erase(name);
      } else if (sym.flags & DEF_NONLOCAL) {
        if (!bound.count(name)) {
          error_.type = "SyntaxError";
          fail_nonlocal(e, name);
        }
        sym.scope = Scope::Free;
        free.insert(name);
      } else if (sym.flags & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) {
        sym.scope = Scope::Local;
        local.insert(name);
        globals.erase(name);
      } else if (bound.count(name)) {
        sym.scope = Scope::Free;
        free.insert(name);
      } else if (e->kind == BlockKind::Class && name == "__class__") {
        sym.scope = Scope::GlobalImplicit;  // replaced by the class cell below if a method needs it
      } else {
        sym.scope = Scope::GlobalImplicit;
      }
    }
    // What children see: a function's locals become bindable; a class's do not.
    std::set<std::string> child_bound = bound;
    if (e->kind == BlockKind::Function)
      for (const std::string& n : local) child_bound.insert(n);
    if (e->kind == BlockKind::Class) child_bound.insert("__class__");
    std::set<std::string> child_free;
    for (auto& child : e->children) {
      std::set<std::string> f = analyze(child.get(), e, child_bound, globals);
      child_free.insert(f.begin(), f.end());
    }
    if (e->kind == BlockKind::Class && child_free.count("__class__")) {
      e->needs_class_closure = true;
      child_free.erase("__class__");
    }
    for (const std::string& name : child_free) {
      auto it = e->symbols.find(name);
      if (e->kind == BlockKind::Function && local.count(name)) {
        it->second.scope = Scope::Cell;
      } else if (it != e->symbols.end() && it->second.scope == Scope::GlobalExplicit) {
        // declared global here: children resolve it globally too (handled by their globals set)
      } else {
        if (it == e->symbols.end()) {
          e->symbols[name].scope = Scope::Free;
          e->symbols[name].flags |= DEF_FREE_CLASS;
          e->order.push_back(name);
        } else if (e->kind == BlockKind::Class) {
          it->second.flags |= DEF_FREE_CLASS;  // class body uses LOAD_CLASSDEREF for it
          if (!(it->second.flags & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT))) it->second.scope = Scope::Free;
        } else if (it->second.scope != Scope::Local) {
          it->second.scope = Scope::Free;
        }
        free.insert(name);
      }
    }
    (void)parent;
    return free;
  }

  [[noreturn]] void fail_nonlocal(SymbolTableEntry* e, const std::string& name) {
    NodeLocation loc{e->lineno, 0, e->lineno, 0};
    fail("no binding for nonlocal '" + name + "' found", loc);
  }

  SymbolTable& table_;
  std::string_view source_;
  SyntaxErrorInfo& error_;
  SymbolTableEntry* cur_ = nullptr;
  std::vector<SymbolTableEntry*> stack_;
};

bool SymbolTable::build(Module& module, std::string_view source, SyntaxErrorInfo& error) {
  return SymtableBuilder(*this, source, error).run(module);
}

SymbolTableEntry* SymbolTable::lookup(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace terrarium
