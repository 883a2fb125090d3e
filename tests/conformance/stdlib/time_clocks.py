# The time module: clock types, sleep duration and argument errors (values vary, so only relations are printed).
import time
t=time.perf_counter(); time.sleep(0.05); d=time.perf_counter()-t
print(0.05 <= d < 0.5, type(time.time()).__name__, type(time.time_ns()).__name__, time.monotonic() > 0)
try: time.sleep(-1)
except ValueError as e: print(e)
try: time.sleep("a")
except TypeError as e: print(e)
print(time.process_time() >= 0)
