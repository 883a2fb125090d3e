// Packing and unpacking of co_linetable and co_exceptiontable in CPython 3.11's format.
// The location table is a run of entries: a first byte 1ccccnnn (code c, n+1 units)
// followed by the code's payload. The exception table is four varints per entry.
// CPython: Python/compile.c write_location_info_entry(), assemble_emit_exception_table_entry().
#include "bytecode/code_tables.hpp"

#include "bytecode/opcodes.hpp"

namespace terrarium {

namespace {

// Location codes. CPython: Include/cpython/code.h _PyCodeLocationInfoKind.
enum LocationCode : int { kShort0 = 0, kOneLine0 = 10, kNoColumns = 13, kLong = 14, kNone = 15 };

// Location-table varints: 6-bit groups, least significant first, bit 6 = more follows.
void put_varint(std::string& out, unsigned value) {
  while (value >= 64) {
    out += static_cast<char>(64 | (value & 63));
    value >>= 6;
  }
  out += static_cast<char>(value);
}
void put_signed_varint(std::string& out, int value) {
  put_varint(out, value < 0 ? (static_cast<unsigned>(-value) << 1) | 1 : static_cast<unsigned>(value) << 1);
}

struct Reader {
  std::string_view bytes;
  std::size_t pos = 0;
  bool ok = true;
  int byte() {
    if (pos >= bytes.size()) {
      ok = false;
      return 0;
    }
    return static_cast<unsigned char>(bytes[pos++]);
  }
  unsigned varint() {
    unsigned value = 0;
    for (int shift = 0;; shift += 6) {
      int b = byte();
      value |= static_cast<unsigned>(b & 63) << shift;
      if (!(b & 64) || !ok) return value;
    }
  }
  int signed_varint() {
    unsigned v = varint();
    return (v & 1) ? -static_cast<int>(v >> 1) : static_cast<int>(v >> 1);
  }
  // Exception-table varints: most significant group first.
  int except_varint() {
    int b = byte();
    int value = b & 63;
    while ((b & 64) && ok) {
      b = byte();
      value = (value << 6) | (b & 63);
    }
    return value;
  }
};

// The form CPython picks for one entry; `line` is the previous entry's line.
void put_location(std::string& out, const LocationEntry& e, int& line) {
  const Location& l = e.loc;
  auto first = [&](int code) { out += static_cast<char>(0x80 | (code << 3) | (e.units - 1)); };
  if (l.lineno < 0) {
    first(kNone);
    return;
  }
  int delta = l.lineno - line;
  if (l.col_offset < 0 || l.end_col_offset < 0) {
    if (l.end_lineno == l.lineno || l.end_lineno == -1) {
      first(kNoColumns);
      put_signed_varint(out, delta);
      line = l.lineno;
      return;
    }
  } else if (l.end_lineno == l.lineno) {
    int width = l.end_col_offset - l.col_offset;
    if (delta == 0 && l.col_offset < 80 && width >= 0 && width < 16) {
      first(kShort0 + (l.col_offset >> 3));
      out += static_cast<char>(((l.col_offset & 7) << 4) | width);
      return;
    }
    if (delta >= 0 && delta < 3 && l.col_offset < 128 && l.end_col_offset < 128) {
      first(kOneLine0 + delta);
      out += static_cast<char>(l.col_offset);
      out += static_cast<char>(l.end_col_offset);
      line = l.lineno;
      return;
    }
  }
  first(kLong);
  put_signed_varint(out, delta);
  put_varint(out, static_cast<unsigned>(l.end_lineno - l.lineno));
  put_varint(out, static_cast<unsigned>(l.col_offset + 1));
  put_varint(out, static_cast<unsigned>(l.end_col_offset + 1));
  line = l.lineno;
}

void put_except_varint(std::string& out, int value, int first_bit) {
  int shift = 24;
  while (shift > 0 && value < (1 << shift)) shift -= 6;
  for (; shift > 0; shift -= 6) {
    out += static_cast<char>(((value >> shift) & 63) | 64 | first_bit);
    first_bit = 0;
  }
  out += static_cast<char>((value & 63) | first_bit);
}

}  // namespace

std::vector<LocationEntry> location_entries(const CodeObject* code) {
  std::vector<LocationEntry> entries;
  const auto& units = code->co_code;
  for (std::size_t i = 0; i < units.size();) {
    std::size_t start = i;
    while (i < units.size() && units[i].opcode == op::EXTENDED_ARG) ++i;
    if (i < units.size()) i += 1 + static_cast<std::size_t>(cache_entries(units[i].opcode));
    i = std::min(i, units.size());
    for (std::size_t left = i - start; left > 0;) {
      int chunk = static_cast<int>(std::min<std::size_t>(left, 8));
      entries.push_back(LocationEntry{chunk, code->co_positions[start]});
      left -= static_cast<std::size_t>(chunk);
    }
  }
  return entries;
}

std::string encode_linetable(const std::vector<LocationEntry>& entries, int firstlineno) {
  std::string out;
  int line = firstlineno;
  for (const LocationEntry& e : entries) put_location(out, e, line);
  return out;
}

std::optional<std::vector<LocationEntry>> decode_linetable(std::string_view table, int firstlineno) {
  std::vector<LocationEntry> entries;
  Reader r{table};
  int line = firstlineno;
  while (r.pos < table.size()) {
    int first = r.byte();
    if (!(first & 0x80)) return std::nullopt;
    int code = (first >> 3) & 15;
    LocationEntry e{(first & 7) + 1, Location{}};
    Location& l = e.loc;
    if (code == kNone) {
      entries.push_back(e);
      continue;
    }
    if (code == kLong) {
      line += r.signed_varint();
      l.end_lineno = line + static_cast<int>(r.varint());
      l.col_offset = static_cast<int>(r.varint()) - 1;
      l.end_col_offset = static_cast<int>(r.varint()) - 1;
    } else if (code == kNoColumns) {
      line += r.signed_varint();
      l.end_lineno = line;
    } else if (code >= kOneLine0) {
      line += code - kOneLine0;
      l.end_lineno = line;
      l.col_offset = r.byte();
      l.end_col_offset = r.byte();
    } else {
      int second = r.byte();
      l.end_lineno = line;
      l.col_offset = code * 8 + (second >> 4);
      l.end_col_offset = l.col_offset + (second & 15);
    }
    l.lineno = line;
    if (!r.ok) return std::nullopt;
    entries.push_back(e);
  }
  return entries;
}

std::string encode_exception_table(const std::vector<ExceptionTableEntry>& entries) {
  std::string out;
  for (const ExceptionTableEntry& e : entries) {
    put_except_varint(out, e.start, 0x80);  // the high bit marks an entry's first byte
    put_except_varint(out, e.end - e.start, 0);
    put_except_varint(out, e.target, 0);
    put_except_varint(out, (e.depth << 1) | (e.lasti ? 1 : 0), 0);
  }
  return out;
}

std::optional<std::vector<ExceptionTableEntry>> decode_exception_table(std::string_view table) {
  std::vector<ExceptionTableEntry> entries;
  Reader r{table};
  while (r.pos < table.size()) {
    ExceptionTableEntry e{};
    e.start = r.except_varint();
    e.end = e.start + r.except_varint();
    e.target = r.except_varint();
    int depth_lasti = r.except_varint();
    e.depth = depth_lasti >> 1;
    e.lasti = depth_lasti & 1;
    if (!r.ok) return std::nullopt;
    entries.push_back(e);
  }
  return entries;
}

}  // namespace terrarium
