# A lane: one thread of the parent that owns one worker (an isolated interpreter, see
# _interpreters.Worker) and feeds it tasks from the pool's queue, one at a time, so an
# idle worker takes the next task (load balancing as a process pool's shared queue
# gives it). The thread waits for each reply with its GIL released, so the parent's
# other threads run and the workers compute in parallel. Owns the call protocol; the
# pools (concurrent.futures.process, multiprocessing.pool) own the tasks and futures.
import functools
import threading
import types

import _interpreters

from . import process, reduction


def run_call(fn, args, kwargs):
    """Runs in the worker: every task crosses as this call, so fn may be any value
    that crosses (a function, a class, a functools.partial)."""
    return fn(*args, **kwargs)


def call_method(obj, name, /, *args, **kwargs):
    """Runs in the worker: getattr(obj, name)(...)."""
    return getattr(obj, name)(*args, **kwargs)


def portable(fn):
    """fn in a form that crosses: a bound method goes as its object and name, as pickle
    sends one; anything else as it is."""
    if isinstance(fn, types.MethodType):
        return functools.partial(call_method, fn.__self__, fn.__func__.__name__)
    return fn


def call_on(worker, fn, args, kwargs, traceback_class):
    """(True, result) or (False, exception): the exception raised here when the call
    cannot cross, else the worker's, with its traceback text as the cause."""
    try:
        worker.submit(run_call, (portable(fn), args, kwargs))
    except Exception as exc:
        return False, reduction.crossing_error(exc)
    outcome = worker.outcome()
    if outcome[0]:
        return True, outcome[1]
    exc, text = outcome[1], outcome[2]
    exc.__cause__ = traceback_class('\n"""\n' + text + '"""')
    return False, exc


def check_available():
    """Pools say at once, rather than as a broken pool later, when they cannot work."""
    if not _interpreters.available:
        raise NotImplementedError(
            "process pools need isolated interpreters, each on a thread of its own, and this "
            "build has no threads (a page that is not cross-origin isolated runs Python threads "
            "as green threads on one thread)")


class StartFailed(Exception):
    """A worker could not start: its program or its initializer raised."""


class Lane(threading.Thread):
    """Takes tasks from `tasks` until it meets a None. A task has begin() (False when
    it was cancelled), fn, args, kwargs and finish(ok, value).

    owner gives: name_prefix, daemon, initializer, initargs, max_tasks (or None),
    traceback_class, and start_failed(lane, exc, text) -> the exception for the tasks
    this lane cannot run."""

    def __init__(self, owner, tasks):
        super().__init__(name=f'{type(owner).__name__}-lane')
        self._owner = owner
        self._tasks = tasks
        # Named here, in the parent's order, so Pool(2)'s workers are -1 and -2.
        self.worker_name = process.next_name(owner.name_prefix)
        self.busy = False
        self._failure = None

    def _start_worker(self):
        owner = self._owner
        worker = _interpreters.Worker()
        worker.submit(process.become_worker,
                      (self.worker_name, owner.daemon, owner.initializer, tuple(owner.initargs)))
        outcome = worker.outcome()
        if outcome[0]:
            return worker
        worker.close()
        self._failure = owner.start_failed(self, outcome[1], outcome[2])
        return None

    def run(self):
        owner = self._owner
        try:
            worker = self._start_worker()
        except Exception as exc:  # the initializer or its arguments cannot cross
            worker = None
            self._failure = owner.start_failed(self, reduction.crossing_error(exc), '')
        done = 0
        while True:
            task = self._tasks.get()
            if task is None:
                break
            if not task.begin():
                continue  # cancelled while it waited
            if worker is None:
                task.finish(False, self._failure)
                continue
            self.busy = True
            ok, value = call_on(worker, task.fn, task.args, task.kwargs, owner.traceback_class)
            self.busy = False
            task.finish(ok, value)
            del task, value
            done += 1
            if owner.max_tasks is not None and done >= owner.max_tasks:
                # A fresh worker (and a new name) after max_tasks, as a new process.
                worker.close()
                self.worker_name = process.next_name(owner.name_prefix)
                worker = self._start_worker()
                done = 0
        if worker is not None:
            worker.close()
