// BaseException and the built-in exception hierarchy, plus the helpers that raise them.
// A raised exception lives on the thread state (ts->curexc) and functions that fail
// return null/false, as in CPython; Python exceptions are never C++ exceptions.
#pragma once
#include <string>
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct CodeObject;

// One traceback entry: the code and the instruction offset where the exception passed.
struct TracebackEntry {
  CodeObject* code;  // strong reference
  int offset;        // byte offset of the instruction
  Object* globals;   // strong reference: the frame's globals, for "Did you mean" at print time
};

struct ExceptionObject : Object {
  Object* args;  // tuple
  std::vector<TracebackEntry>* traceback;  // innermost first (the order unwinding adds them)
  Object* name;  // NameError.name / AttributeError.name (str) or null
  Object* cause;    // __cause__ or null
  Object* context;  // __context__ or null
  bool suppress_context;
  Object* notes;    // __notes__ (list) or null
};

// X-macro: EXCEPTION(c_name, python_name, base_c_name)
#define TERRARIUM_EXCEPTIONS(EXCEPTION)                                  \
  EXCEPTION(Exception, "Exception", BaseException)                        \
  EXCEPTION(KeyboardInterrupt, "KeyboardInterrupt", BaseException)        \
  EXCEPTION(SystemExit, "SystemExit", BaseException)                      \
  EXCEPTION(ArithmeticError, "ArithmeticError", Exception)                \
  EXCEPTION(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)      \
  EXCEPTION(OverflowError, "OverflowError", ArithmeticError)              \
  EXCEPTION(AssertionError, "AssertionError", Exception)                  \
  EXCEPTION(AttributeError, "AttributeError", Exception)                  \
  EXCEPTION(LookupError, "LookupError", Exception)                        \
  EXCEPTION(IndexError, "IndexError", LookupError)                        \
  EXCEPTION(KeyError, "KeyError", LookupError)                            \
  EXCEPTION(NameError, "NameError", Exception)                            \
  EXCEPTION(RuntimeError, "RuntimeError", Exception)                      \
  EXCEPTION(RecursionError, "RecursionError", RuntimeError)               \
  EXCEPTION(NotImplementedError, "NotImplementedError", RuntimeError)     \
  EXCEPTION(SyntaxError, "SyntaxError", Exception)                        \
  EXCEPTION(IndentationError, "IndentationError", SyntaxError)            \
  EXCEPTION(SystemError, "SystemError", Exception)                        \
  EXCEPTION(TypeError, "TypeError", Exception)                            \
  EXCEPTION(ValueError, "ValueError", Exception)                          \
  EXCEPTION(MemoryError, "MemoryError", Exception)                        \
  EXCEPTION(GeneratorExit, "GeneratorExit", BaseException)                \
  EXCEPTION(StopIteration, "StopIteration", Exception)                    \
  EXCEPTION(StopAsyncIteration, "StopAsyncIteration", Exception)          \
  EXCEPTION(UnboundLocalError, "UnboundLocalError", NameError)            \
  EXCEPTION(ImportError, "ImportError", Exception)                        \
  EXCEPTION(ModuleNotFoundError, "ModuleNotFoundError", ImportError)      \
  EXCEPTION(UnicodeError, "UnicodeError", ValueError)                     \
  EXCEPTION(BufferError, "BufferError", Exception)                        \
  EXCEPTION(EOFError, "EOFError", Exception)                              \
  EXCEPTION(OSError, "OSError", Exception)                                \
  EXCEPTION(ConnectionError, "ConnectionError", OSError)                  \
  EXCEPTION(TimeoutError, "TimeoutError", OSError)                        \
  EXCEPTION(TabError, "TabError", IndentationError)                       \
  EXCEPTION(FloatingPointError, "FloatingPointError", ArithmeticError)    \
  EXCEPTION(Warning, "Warning", Exception)                                \
  EXCEPTION(UserWarning, "UserWarning", Warning)                          \
  EXCEPTION(DeprecationWarning, "DeprecationWarning", Warning)            \
  EXCEPTION(RuntimeWarning, "RuntimeWarning", Warning)                    \
  EXCEPTION(FileNotFoundError, "FileNotFoundError", OSError)              \
  EXCEPTION(FileExistsError, "FileExistsError", OSError)                  \
  EXCEPTION(PermissionError, "PermissionError", OSError)                  \
  EXCEPTION(ReferenceError, "ReferenceError", Exception)

extern TypeObject exc_BaseException;
#define TERRARIUM_DECLARE_EXC(c_name, py_name, base) extern TypeObject exc_##c_name;
TERRARIUM_EXCEPTIONS(TERRARIUM_DECLARE_EXC)
#undef TERRARIUM_DECLARE_EXC

inline bool is_exception_type(TypeObject* t) { return t == &exc_BaseException || is_subtype(t, &exc_BaseException); }

// Sets ts->curexc to a new `type(message)`. Always returns null, for `return raise(...)`.
std::nullptr_t raise(ThreadState* ts, TypeObject* type, const std::string& message);
// Raises an already-built exception instance (steals the reference).
std::nullptr_t raise_object(ThreadState* ts, Object* exc);
[[nodiscard]] Object* new_exception(ThreadState* ts, TypeObject* type, const std::string& message);
// str(exc): the message as CPython's BaseException.__str__ gives it.
std::string exception_message(ThreadState* ts, Object* exc);
void add_traceback_entry(Object* exc, CodeObject* code, int offset, Object* globals);
// exc.__traceback__ (traceback_object.cpp): the outermost traceback object, or None.
extern TypeObject traceback_type;
[[nodiscard]] Object* exception_traceback(Object* exc);
// Sets exc.__context__ (taking a reference), as raising inside an except block does.
void set_exception_context(Object* exc, Object* context);
void set_exception_cause(Object* exc, Object* cause);  // also sets __suppress_context__
// Gives dst the traceback entries of src, as setting dst.__traceback__ = src.__traceback__.
void copy_exception_traceback(Object* dst, Object* src);
// Whether two exceptions carry the same traceback (our stand-in for CPython comparing
// traceback objects by identity when it tells a re-raise from a new raise).
bool same_traceback(Object* a, Object* b);

}  // namespace terrarium
