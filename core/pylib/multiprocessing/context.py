# Start-method contexts. Every start method runs its workers the same way here (an
# isolated interpreter that runs the program as __mp_main__, like spawn); the method
# only names the workers ('ForkPoolWorker-1', 'SpawnProcess-2') as CPython on Linux
# does, where 'fork' is the default. CPython: Lib/multiprocessing/context.py.
from . import process

__all__ = ['get_context', 'get_start_method', 'set_start_method', 'get_all_start_methods']


class ProcessError(Exception):
    pass


class TimeoutError(ProcessError):
    pass


class BaseContext:
    ProcessError = ProcessError
    TimeoutError = TimeoutError

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        """Returns the number of CPUs in the system"""
        import _interpreters
        num = _interpreters.cpu_count()
        if num is None:
            raise NotImplementedError('cannot determine number of cpus')
        return num

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        """Returns a process pool object"""
        from .pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self.get_context())

    def freeze_support(self):
        pass  # only frozen Windows executables need it

    def get_context(self, method=None):
        if method is None:
            return self
        try:
            return _concrete_contexts[method]
        except KeyError:
            raise ValueError('cannot find context for %r' % method) from None

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')

    def get_all_start_methods(self):
        return ['fork', 'spawn', 'forkserver']


class ForkContext(BaseContext):
    _name = 'fork'
    _process_prefix = 'Fork'


class SpawnContext(BaseContext):
    _name = 'spawn'
    _process_prefix = 'Spawn'


class ForkServerContext(BaseContext):
    _name = 'forkserver'
    _process_prefix = 'ForkServer'


_concrete_contexts = {
    'fork': ForkContext(),
    'spawn': SpawnContext(),
    'forkserver': ForkServerContext(),
}


class DefaultContext(BaseContext):
    """The module-level functions' context: 'fork' until set_start_method() says else."""

    def __init__(self, context):
        self._default_context = context
        self._actual_context = None

    def get_context(self, method=None):
        if method is None:
            if self._actual_context is None:
                self._actual_context = self._default_context
            return self._actual_context
        return super().get_context(method)

    def set_start_method(self, method, force=False):
        if self._actual_context is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._actual_context = None
            return
        self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._actual_context is None:
            if allow_none:
                return None
            self._actual_context = self._default_context
        return self._actual_context._name


_default_context = DefaultContext(_concrete_contexts['fork'])
