# The current process as multiprocessing names it. In Terrarium a "process" is an
# isolated interpreter (_interpreters.Worker): the parent numbers its workers from one
# counter, as CPython numbers child processes, and each worker learns its name in its
# first call (become_worker). Does not start workers: that is _lanes.py.
# CPython: Lib/multiprocessing/process.py.
import itertools
import sys

__all__ = ['current_process', 'parent_process', 'active_children']

_BOOTSTRAP_ERROR = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''

# Shared by every kind of child, as CPython's _process_counter is: ForkPoolWorker-1 and
# ForkProcess-2 can come from the same program.
_process_counter = itertools.count(1)


class _ProcessView:
    """What current_process() tells: a name, whether it is a pool's daemonic worker."""

    def __init__(self, name, daemon, kind):
        self.name = name
        self.daemon = daemon
        self._kind = kind

    def is_alive(self):
        return True

    def __repr__(self):
        parent = ' parent=None' if self._kind == '_MainProcess' else ''
        daemon = ' daemon' if self.daemon else ''
        return f'<{self._kind} name={self.name!r}{parent} started{daemon}>'


_current = _ProcessView('MainProcess', False, '_MainProcess')


def current_process():
    """The process (here: the interpreter) this code runs in."""
    return _current


def parent_process():
    # None in the main process, as CPython says; a worker's parent is not an object here.
    return None


def active_children():
    return []


def in_worker():
    # A worker runs the program as __mp_main__ (see _interpreters.Worker).
    return '__mp_main__' in sys.modules


def check_can_start(daemonic_parent_check):
    """Raises CPython's errors for starting a child where none may start."""
    if in_worker() and '__main__' not in sys.modules:
        # Still running the program as __mp_main__: an unguarded pool would start
        # workers that start workers without end, as spawn would.
        raise RuntimeError(_BOOTSTRAP_ERROR)
    if daemonic_parent_check and _current.daemon:
        raise AssertionError('daemonic processes are not allowed to have children')


def next_name(prefix):
    """The name of the next child: 'ForkPoolWorker-3', 'SpawnProcess-1' ..."""
    return f'{prefix}-{next(_process_counter)}'


def become_worker(name, daemon, initializer, initargs):
    """A worker's first call: take the name the parent gave it, then run the initializer."""
    global _current
    kind = name.rsplit('-', 1)[0].replace('PoolWorker', 'Process')
    _current = _ProcessView(name, daemon, kind)
    if initializer is not None:
        initializer(*initargs)
    return True
