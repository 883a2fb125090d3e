# reversed(dict) walks keys newest first and notices resizing; list iterators report __length_hint__.
d={"a":1,"b":2,"c":3}
del d["b"]
d["z"]=0
print(list(reversed(d)), type(reversed(d)).__name__)
it=iter([1,2,3]); next(it); print(it.__length_hint__())
r=reversed(d); d["q"]=1
try: next(r)
except RuntimeError as e: print(e)
