// The generic iteration protocol: iter() with the __getitem__ fallback (a sequence
// iterator) and next(). CPython: Objects/iterobject.c, Objects/abstract.c PyObject_GetIter.
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/typing_hooks.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

struct SeqIterObject : Object {
  Object* seq;  // null once exhausted
  std::int64_t index;
};
extern TypeObject seq_iterator_type;

namespace {

void seqiter_dealloc(Object* o) {
  xdecref(static_cast<SeqIterObject*>(o)->seq);
  object_free(o);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* seqiter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  if (!it->seq) return nullptr;
  Object* index = new_int(ts, it->index);
  Object* v = get_item(ts, it->seq, index);
  decref(index);
  if (v) {
    ++it->index;
    return v;
  }
  if (ts->curexc && (is_instance(ts->curexc, &exc_IndexError) || is_instance(ts->curexc, &exc_StopIteration))) {
    clear_error(ts);
    Object* seq = it->seq;
    it->seq = nullptr;
    decref(seq);
  }
  return nullptr;
}

}  // namespace

TypeObject seq_iterator_type = [] {
  TypeObject t = make_static_type("iterator", sizeof(SeqIterObject), &object_type);
  t.tp_dealloc = seqiter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = seqiter_next;
  return t;
}();

Object* get_iter(ThreadState* ts, Object* o) {
  if (UnaryFunc f = o->ob_type->tp_iter) {
    Object* it = f(ts, o);
    if (it && !it->ob_type->tp_iternext) {
      raise(ts, &exc_TypeError, std::string("iter() returned non-iterator of type '") + it->ob_type->tp_name + "'");
      decref(it);
      return nullptr;
    }
    return it;
  }
  if (o->ob_type->mp_subscript) {
    auto* it = static_cast<SeqIterObject*>(object_alloc(&seq_iterator_type, sizeof(SeqIterObject)));
    it->seq = newref(o);
    it->index = 0;
    return it;
  }
  return raise(ts, &exc_TypeError, std::string("'") + o->ob_type->tp_name + "' object is not iterable");
}

// A generator's return value travels in StopIteration even from tp_iternext (as in
// CPython); here, as in CPython's PyIter_Next, it just means "exhausted".
Object* iter_next(ThreadState* ts, Object* it) {
  Object* r = it->ob_type->tp_iternext(ts, it);
  if (!r && ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) clear_error(ts);
  return r;
}

bool has_error(ThreadState* ts) { return ts->curexc != nullptr; }

Object* get_item(ThreadState* ts, Object* container, Object* key) {
  if (BinaryFunc f = container->ob_type->mp_subscript) return f(ts, container, key);
  if (is_instance(container, &type_type)) {
    Object* cg = get_attr_str_or_null(ts, container, "__class_getitem__");
    if (cg) {
      Object* r = call_object(ts, cg, &key, 1, nullptr);
      decref(cg);
      return r;
    }
    if (has_error(ts)) return nullptr;
    // list[int], dict[str, int] ...: CPython's built-in classes have a __class_getitem__.
    if (is_builtin_generic(static_cast<TypeObject*>(container))) return new_builtin_generic_alias(ts, container, key);
    return raise(ts, &exc_TypeError, std::string("type '") + static_cast<TypeObject*>(container)->tp_name +
                                         "' is not subscriptable");
  }
  return raise(ts, &exc_TypeError, std::string("'") + container->ob_type->tp_name + "' object is not subscriptable");
}

int set_item(ThreadState* ts, Object* container, Object* key, Object* value) {
  if (ObjObjArgFunc f = container->ob_type->mp_ass_subscript) return f(ts, container, key, value);
  if (value)
    raise(ts, &exc_TypeError, std::string("'") + container->ob_type->tp_name + "' object does not support item assignment");
  else
    raise(ts, &exc_TypeError, std::string("'") + container->ob_type->tp_name + "' object does not support item deletion");
  return -1;
}

int sequence_contains(ThreadState* ts, Object* container, Object* item) {
  if (ContainsFunc f = container->ob_type->sq_contains) return f(ts, container, item);
  if (!container->ob_type->tp_iter && !container->ob_type->mp_subscript) {
    raise(ts, &exc_TypeError, std::string("argument of type '") + container->ob_type->tp_name + "' is not iterable");
    return -1;
  }
  Object* it = get_iter(ts, container);
  if (!it) return -1;
  int found = 0;
  while (Object* v = iter_next(ts, it)) {
    int eq = object_equal(ts, v, item);
    decref(v);
    if (eq != 0) {
      found = eq;
      break;
    }
  }
  decref(it);
  if (found == 0 && has_error(ts)) return -1;
  return found;
}

Py_ssize_t object_length(ThreadState* ts, Object* o) {
  if (LenFunc f = o->ob_type->mp_length) return f(ts, o);
  raise(ts, &exc_TypeError, std::string("object of type '") + o->ob_type->tp_name + "' has no len()");
  return -1;
}

}  // namespace terrarium
