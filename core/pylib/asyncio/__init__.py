# asyncio for Terrarium: the parts the courses use, with CPython 3.11's behaviour and
# ready-queue order. The loop core (ready queue, timers, clock, events for the trace) is
# C++ (_asyncio_loop); everything here is Python on top of it. Coroutines here are
# @types.coroutine generators, so they work with or without native `async def`.
from .exceptions import *
from .coroutines import iscoroutine, iscoroutinefunction
from .events import (Handle, TimerHandle, get_running_loop, get_event_loop, set_event_loop,
                     new_event_loop, _get_running_loop, _set_running_loop)
from .futures import Future, isfuture, wrap_future
from .tasks import Task, create_task, ensure_future, current_task, all_tasks, sleep
from .waiting import (gather, shield, wait, wait_for, as_completed,
                      FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
from .locks import Lock, Event, Condition, Semaphore, BoundedSemaphore
from .queues import Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty
from .timeouts import Timeout, timeout, timeout_at
from .taskgroups import TaskGroup
from .threads import to_thread
from .runners import Runner, run
from .base_events import EventLoop

AbstractEventLoop = EventLoop
BaseEventLoop = EventLoop
SelectorEventLoop = EventLoop
