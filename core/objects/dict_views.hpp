// dict's methods, its iterators and the keys()/values()/items() views.
// CPython: Objects/dictobject.c (dictiter_*, dictview_*).
#pragma once
#include "objects/object.hpp"

namespace terrarium {

extern TypeObject dict_keys_type;
extern TypeObject dict_values_type;
extern TypeObject dict_items_type;
extern TypeObject dict_iterator_type;
extern TypeObject dict_reverse_iterator_type;
extern const MethodDef kDictMethods[];

int dict_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_iter_keys(ThreadState* ts, Object* dict);

}  // namespace terrarium
