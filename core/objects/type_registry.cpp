// The list of built-in static types readied at start-up (bases before subclasses).
#include <vector>
#include "bytecode/code.hpp"
#include "objects/bytes.hpp"
#include "objects/unicode_errors.hpp"
#include "objects/descr.hpp"
#include "objects/complex.hpp"
#include "objects/dict.hpp"
#include "objects/dict_views.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/function.hpp"
#include "objects/generator.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "modules/builtins_itertypes.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

extern TypeObject range_type;
extern TypeObject range_iterator_type;
extern TypeObject seq_iterator_type;
extern TypeObject super_type;
extern TypeObject std_stream_type;
extern TypeObject module_type;
extern TypeObject weakref_type;
extern TypeObject member_descriptor_type;
extern TypeObject coroutine_wrapper_type;
extern TypeObject async_gen_asend_type;
extern TypeObject async_gen_athrow_type;
extern TypeObject async_gen_wrapped_value_type;
extern TypeObject frame_type;
extern TypeObject anext_awaitable_type;
extern TypeObject loop_core_type;
extern TypeObject worker_type;
extern TypeObject thread_lock_type;
extern TypeObject thread_rlock_type;
extern TypeObject thread_local_type;

const std::vector<TypeObject*>& builtin_static_types() {
  static const std::vector<TypeObject*> types = [] {
    std::vector<TypeObject*> t = {
        &object_type, &type_type, &int_type, &bool_type, &float_type, &str_type, &tuple_type, &tuple_iterator_type,
        &list_type, &list_iterator_type, &dict_type, &dict_keys_type, &dict_values_type, &dict_items_type,
        &dict_iterator_type, &dict_reverse_iterator_type, &none_type, &not_implemented_type, &ellipsis_type, &slice_type, &traceback_type, &range_type, &range_iterator_type,
        &seq_iterator_type, &function_type, &builtin_function_type, &method_type, &cell_type, &staticmethod_type,
        &classmethod_type, &property_type, &super_type, &generator_type, &std_stream_type, &module_type, &method_descriptor_type, &classmethod_descriptor_type,
        &getset_descriptor_type, &wrapper_descriptor_type, &bound_builtin_type, &method_wrapper_type, &code_type,
        &str_iterator_type, &str_ascii_iterator_type, &set_type, &frozenset_type, &set_iterator_type,
        &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type, &callable_iterator_type,
        &exc_BaseException,
    };
    t.push_back(&complex_type);
    t.push_back(&weakref_type);
    t.push_back(&member_descriptor_type);
    // _asyncio_loop.Loop: readied here, not on import, as two interpreters may import it at once.
    t.push_back(&loop_core_type);
    t.push_back(&worker_type);  // _interpreters.Worker
    // _thread's types: ready before any interpreter imports _thread, so that objects
    // readying makes are immortal and two interpreters importing it at once never race.
    for (TypeObject* thread_type : {&thread_lock_type, &thread_rlock_type, &thread_local_type})
      t.push_back(thread_type);
    for (TypeObject* async_type : {&coroutine_type, &coroutine_wrapper_type, &async_generator_type, &async_gen_asend_type,
                                   &async_gen_athrow_type, &async_gen_wrapped_value_type, &frame_type,
                                   &anext_awaitable_type})
      t.push_back(async_type);
#define TERRARIUM_LIST_EXC(c_name, py_name, base) t.push_back(&exc_##c_name);
    TERRARIUM_EXCEPTIONS(TERRARIUM_LIST_EXC)
#undef TERRARIUM_LIST_EXC
    for (TypeObject* extra : {&bytes_type, &bytearray_type, &bytes_iterator_type, &bytearray_iterator_type,
                              &exc_UnicodeEncodeError, &exc_UnicodeDecodeError})
      t.push_back(extra);
    return t;
  }();
  return types;
}

}  // namespace terrarium
