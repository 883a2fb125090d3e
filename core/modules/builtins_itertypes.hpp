// The lazy iterator types behind the built-ins enumerate, zip, map, filter and reversed.
// They are types (so isinstance(x, enumerate) works and reprs read <zip object at ...>),
// readied at start-up from objects/type_registry.cpp. CPython: Objects/enumobject.c,
// Python/bltinmodule.c (map, filter, zip).
#pragma once
#include "objects/object.hpp"

namespace terrarium {

extern TypeObject enumerate_type;
extern TypeObject zip_type;
extern TypeObject map_type;
extern TypeObject filter_type;
extern TypeObject reversed_type;
extern TypeObject callable_iterator_type;

// iter(callable, sentinel): calls callable until it returns sentinel.
[[nodiscard]] Object* new_callable_iterator(ThreadState* ts, Object* callable, Object* sentinel);

}  // namespace terrarium
