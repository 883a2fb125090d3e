// Parameter lists of def and lambda, with CPython's messages for misplaced defaults,
// slashes and stars.
#include "compiler/parser_internal.hpp"

namespace terrarium {

Arg Parser::parameter(bool allow_annotation) {
  if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
  const Token& n = advance();
  Arg a;
  a.name = n.text;
  a.loc = token_loc(n);
  if (allow_annotation && at_op(":")) {
    advance();
    a.annotation = expression();
    a.loc = span(a.loc, extent(a.annotation));
  }
  return a;
}

// The parameter list of def (annotations allowed) or lambda (not), up to `closer`.
std::shared_ptr<Arguments> Parser::parameters(bool is_lambda, const char* closer) {
  auto a = std::make_shared<Arguments>();
  bool seen_default = false, seen_star = false, seen_slash = false;
  std::vector<Arg> plain;
  std::vector<std::string> names;
  auto check_dup = [&](const Arg& arg) {
    for (const std::string& n : names)
      if (n == arg.name) fail("duplicate argument '" + arg.name + "' in function definition", arg.loc);
    names.push_back(arg.name);
  };
  while (!at_op(closer)) {
    if (at_op("/")) {
      const Token& slash = advance();
      if (seen_slash) fail("/ may appear only once", token_loc(slash));
      if (seen_star) fail("/ must be ahead of *", token_loc(slash));
      if (plain.empty()) fail("at least one argument must precede /", token_loc(slash));
      seen_slash = true;
      a->posonlyargs = std::move(plain);
      plain.clear();
    } else if (at_op("**")) {
      advance();
      a->kwarg = std::make_unique<Arg>(parameter(!is_lambda));
      check_dup(*a->kwarg);
      if (at_op(",")) advance();
      if (!at_op(closer)) fail("arguments cannot follow var-keyword argument", token_loc(cur()));
      break;
    } else if (at_op("*")) {
      const Token& star = advance();
      if (seen_star) fail("* argument may appear only once", token_loc(star));
      seen_star = true;
      if (!at_op(",") && !at_op(closer)) {
        a->vararg = std::make_unique<Arg>(parameter(!is_lambda));
        check_dup(*a->vararg);
      } else if (at_op(closer) || (at_op(",") && ahead(1).kind == TokenKind::Op && ahead(1).text == closer)) {
        fail("named arguments must follow bare *", token_loc(star));
      }
    } else {
      Arg arg = parameter(!is_lambda);
      check_dup(arg);
      ExprPtr def;
      if (at_op("=")) {
        advance();
        def = expression();
      }
      if (seen_star) {
        a->kwonlyargs.push_back(std::move(arg));
        a->kw_defaults.push_back(std::move(def));
      } else {
        if (def) {
          seen_default = true;
          a->defaults.push_back(std::move(def));
        } else if (seen_default) {
          fail("non-default argument follows default argument", arg.loc);
        }
        plain.push_back(std::move(arg));
      }
    }
    if (!at_op(",")) break;
    advance();
  }
  a->args = std::move(plain);
  return a;
}

}  // namespace terrarium
