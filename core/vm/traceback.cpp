// Traceback formatting. The caret line follows traceback.c: the instruction's source range
// is re-parsed and, for a binary operation, the operator gets '^' and the operands '~';
// markers are left out when they would just underline the whole line.
#include "vm/traceback.hpp"

#include "bytecode/code.hpp"
#include "compiler/fold_constants.hpp"
#include "compiler/parser.hpp"
#include "objects/exceptions.hpp"
#include <algorithm>
#include "objects/dict.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/suggestions.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

// UTF-8 byte offset within `s` -> character offset.
int char_index(std::string_view s, int byte_offset) {
  int chars = 0;
  for (int i = 0; i < byte_offset && i < static_cast<int>(s.size()); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}
int char_count(std::string_view s) { return char_index(s, static_cast<int>(s.size())); }

// Character offset -> byte offset within `s`.
int byte_index(std::string_view s, int char_offset) {
  int chars = 0;
  for (int i = 0; i < static_cast<int>(s.size()); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == char_offset) return i;
      ++chars;
    }
  }
  return static_cast<int>(s.size());
}

// CPython: extract_anchors_from_line. Finds the operator of a binary operation in the
// segment; returns false when there is nothing to anchor on.
bool binop_anchors(ThreadState* ts, std::string_view segment, int& left, int& right) {
  Module module;
  SyntaxErrorInfo ignored;
  Object* saved = fetch_error(ts);
  bool parsed = parse_module(ts, segment, module, ignored);
  clear_error(ts);
  ts->curexc = saved;
  if (!parsed || module.body.size() != 1 || module.body[0]->kind != StmtKind::Expr) return false;
  if (!fold_constants(ts, module, ignored)) return false;
  const Expr& e = *module.body[0]->value;
  if (e.kind != ExprKind::BinOp || e.left->loc.end_lineno != 1 || e.right->loc.lineno != 1) return false;
  int from = e.left->loc.end_col_offset, to = e.right->loc.col_offset;
  for (int i = from; i < to; ++i) {
    if (is_space(segment[i])) continue;
    left = i;
    right = i + 1;
    if (i + 1 < to && !is_space(segment[i + 1])) ++right;
    if (i + 1 < to && segment[i] == ')') continue;
    left = char_index(segment, left);
    right = char_index(segment, right);
    return true;
  }
  return false;
}

void append_frame(ThreadState* ts, std::string& out, const TracebackEntry& entry) {
  const CodeObject* code = entry.code;
  const Location& loc = code->co_positions[entry.offset / 2];
  out += "  File \"" + code->co_filename + "\", line " + std::to_string(loc.lineno) + ", in " + code->co_name + "\n";
  std::string line;
  if (!source_line(code, loc.lineno, line)) return;
  std::size_t indent = 0;
  while (indent < line.size() && is_space(line[indent])) ++indent;
  std::string stripped = line.substr(indent);
  while (!stripped.empty() && is_space(stripped.back())) stripped.pop_back();
  if (stripped.empty()) return;
  out += "    " + stripped + "\n";
  if (loc.col_offset < 0 || loc.end_col_offset < 0 || loc.end_lineno < 0) return;
  int truncation = char_index(line, static_cast<int>(indent));
  int start = char_index(line, loc.col_offset);
  int end = char_index(line, loc.end_col_offset);
  int left = -1, right = -1;
  if (loc.lineno == loc.end_lineno) {
    std::string_view segment = std::string_view(line).substr(byte_index(line, start), loc.end_col_offset - byte_index(line, start));
    if (binop_anchors(ts, segment, left, right)) left += start, right += start;
  } else {
    end = char_count(std::string_view(line).substr(0, line.find_last_not_of(" \t\f\r\n") + 1));
  }
  bool has_anchors = left >= 0;
  if (end - start == char_count(stripped) && !has_anchors) return;
  std::string carets = "    ";
  for (int i = truncation; i < end; ++i) {
    if (i < start) carets += ' ';
    else if (has_anchors && i >= left && i < right) carets += '^';
    else carets += has_anchors ? '~' : '^';
  }
  out += carets + "\n";
}

std::vector<std::string> dict_keys(Object* dict) {
  std::vector<std::string> keys;
  for (const DictEntry& e : *static_cast<DictObject*>(dict)->entries)
    if (e.key && is_str(e.key)) keys.emplace_back(str_view(e.key));
  return keys;
}

// CPython: offer_suggestions_for_name_error. Looks in the innermost frame's locals,
// globals and builtins, in that order.
std::string name_error_hint(ThreadState* ts, ExceptionObject* e) {
  if (!e->name || !e->traceback || e->traceback->empty()) return "";
  const TracebackEntry& innermost = e->traceback->front();
  std::string_view name = str_view(e->name);
  std::vector<std::string> varnames;
  for (Object* v : innermost.code->co_varnames) varnames.emplace_back(str_view(v));
  std::string hint = closest_name(name, varnames);
  if (hint.empty() && innermost.globals) hint = closest_name(name, dict_keys(innermost.globals));
  if (hint.empty() && ts->interp->builtins) hint = closest_name(name, dict_keys(ts->interp->builtins));
  return hint.empty() ? "" : ". Did you mean: '" + hint + "'?";
}

}  // namespace

namespace {
std::string format_single(ThreadState* ts, Object* exc);
void format_chain(ThreadState* ts, Object* exc, std::vector<Object*>& seen, std::string& out) {
  seen.push_back(exc);
  auto* e = static_cast<ExceptionObject*>(exc);
  auto unseen = [&](Object* o) { return std::find(seen.begin(), seen.end(), o) == seen.end(); };
  if (e->cause && unseen(e->cause)) {
    format_chain(ts, e->cause, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context && !e->suppress_context && unseen(e->context)) {
    format_chain(ts, e->context, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  out += format_single(ts, exc);
}
}  // namespace

// CPython: print_exception_recursive — causes and contexts first, oldest at the top.
std::string format_exception(ThreadState* ts, Object* exc) {
  std::vector<Object*> seen;
  std::string out;
  format_chain(ts, exc, seen, out);
  return out;
}

namespace {
std::string format_single(ThreadState* ts, Object* exc) {
  std::string out;
  auto* e = static_cast<ExceptionObject*>(exc);
  if (e->traceback && !e->traceback->empty()) {
    out += "Traceback (most recent call last):\n";
    // Entries were added innermost first while unwinding; print outermost first.
    for (auto it = e->traceback->rbegin(); it != e->traceback->rend(); ++it) append_frame(ts, out, *it);
  }
  std::string message = exception_message(ts, exc);
  out += qualified_type_name(exc->ob_type);
  if (is_instance(exc, &exc_NameError)) message += name_error_hint(ts, e);
  if (!message.empty()) out += ": " + message;
  out += "\n";
  if (e->notes && is_list(e->notes)) {
    for (Object* note : list_items(e->notes)) {
      if (is_str(note)) out += std::string(str_view(note)) + "\n";
    }
  }
  return out;
}
}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& error, const std::string& filename, std::string_view source) {
  // Errors without a location (source nested too deeply) print as a bare exception line.
  if (error.type == "RecursionError" || error.type == "MemoryError")
    return error.type + (error.message.empty() ? "" : ": " + error.message) + "\n";
  std::string out = "  File \"" + filename + "\", line " + std::to_string(error.lineno) + "\n";
  std::size_t p = 0;
  for (int l = 1; l < error.lineno && p != std::string_view::npos; ++l) {
    p = source.find('\n', p);
    if (p != std::string_view::npos) ++p;
  }
  if (p != std::string_view::npos && p <= source.size()) {
    std::size_t e = source.find('\n', p);
    std::string line(source.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // CPython: print_error_text. Offsets are 1-based characters; leading blanks are dropped.
    int offset = error.offset - 1;
    int end_offset = error.end_offset > 0 ? error.end_offset - 1 : -1;
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) ++lead;
    offset -= static_cast<int>(lead);
    if (end_offset >= 0 && error.end_lineno == error.lineno) end_offset -= static_cast<int>(lead);
    else end_offset = -1;
    std::string text = line.substr(lead);
    int len = char_count(text);
    if (offset > len) offset = len;
    out += "    " + text + "\n";
    if (offset >= 0) {
      int width = end_offset > offset ? std::min(end_offset, len + 1) - offset : 1;
      if (width < 1) width = 1;
      out += "    " + std::string(static_cast<std::size_t>(offset), ' ') + std::string(static_cast<std::size_t>(width), '^') + "\n";
    }
  }
  out += error.type + ": " + error.message + "\n";
  return out;
}

}  // namespace terrarium
