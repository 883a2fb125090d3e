// CPython 3.11's packed per-code tables, as Python code sees them: the location table
// (co_linetable, read back by co_positions() and co_lines()) and the exception table
// (co_exceptiontable). We keep both unpacked in the CodeObject; these functions pack
// and unpack them in CPython's byte format. CPython: Objects/locations.md,
// Objects/exception_handling_notes.txt.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "bytecode/code.hpp"

namespace terrarium {

// One entry of the location table: `units` code units sharing one source range.
struct LocationEntry {
  int units;
  Location loc;  // lineno -1: no location
};

// Locations of instructions (EXTENDED_ARG prefixes, the opcode and its caches share one)
// in entries of at most 8 units, the way CPython's assembler writes them.
std::vector<LocationEntry> location_entries(const CodeObject* code);
std::string encode_linetable(const std::vector<LocationEntry>& entries, int firstlineno);
// Reads entries back, with CPython's view of them (a range without columns is (line,
// line, -1, -1)); nullopt if the bytes are malformed.
std::optional<std::vector<LocationEntry>> decode_linetable(std::string_view table, int firstlineno);

std::string encode_exception_table(const std::vector<ExceptionTableEntry>& entries);
std::optional<std::vector<ExceptionTableEntry>> decode_exception_table(std::string_view table);

}  // namespace terrarium
