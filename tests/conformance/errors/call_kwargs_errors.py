# ** errors name the callee as module.qualname() (CPython: _PyObject_FunctionStr).
def call(**k): pass
class C:
  def m(self, **k): pass
for f in (call, C().m, print, C.m, lambda **k: 0):
  try: f(**{'a':1}, **{'a':2})
  except TypeError as e: print(e)
try: call(**{'a':1}, **[1])
except TypeError as e: print(e)
