# multiprocessing on isolated interpreters: Pool and the start-method contexts, with
# workers that are _interpreters.Workers (own heap, own GIL, own OS thread) instead of
# OS processes. The module-level functions are the default context's, as in CPython.
# CPython: Lib/multiprocessing/__init__.py.
from . import context
from .process import current_process, parent_process, active_children

__all__ = ['Pool', 'cpu_count', 'current_process', 'parent_process', 'active_children',
           'get_context', 'get_start_method', 'set_start_method', 'get_all_start_methods',
           'freeze_support', 'TimeoutError', 'ProcessError']


ProcessError = context.ProcessError
TimeoutError = context.TimeoutError
_default = context._default_context
Pool = _default.Pool
cpu_count = _default.cpu_count
freeze_support = _default.freeze_support
get_context = _default.get_context
get_start_method = _default.get_start_method
set_start_method = _default.set_start_method
get_all_start_methods = _default.get_all_start_methods
