expr = compile("price * qty - discount", "<pricing>", "eval")
print("eval:", eval(expr, {"__builtins__": {}}, {"price": 4.5, "qty": 3, "discount": 1}))
namespace = {}
exec(compile("def twice(v):\n    return v * 2\nresult = twice(21)", "<lab>", "exec"), namespace)
print("exec defined:", sorted(k for k in namespace if k != "__builtins__"), namespace["result"])
try:
    eval(compile("len('abc')", "<x>", "eval"), {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
try:
    compile("return 1", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError", e, e.lineno, e.msg)
def f():
    a = 1
    b = [a]
    return sorted(locals())
print(f(), eval("1 + 2"), eval("x * 2", {"x": 5}))
x = 10
exec("y = x + 1")
print(y, "y" in globals())
for src in ["1 +", "a b"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e)
