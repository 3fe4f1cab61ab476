"""Time limits for ``convproof check``: the whole check, and each costly step inside it.

:func:`time_limit` raises :class:`OutOfTime` in the middle of whatever runs
(SymPy is pure Python: a timer signal interrupts it) once the limit has
passed. Limits nest: an inner one never outlasts the outer. Signals reach only
the main thread; elsewhere the code runs without a limit.

>>> with time_limit(5):
...     sum(range(10))
45
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["OutOfTime", "attempt", "time_limit"]


class OutOfTime(BaseException):
    """A time limit of :func:`time_limit` has passed."""


_deadlines: list[float] = []


def _raise(signum, frame):
    raise OutOfTime()


def _arm() -> None:
    if _deadlines:
        signal.setitimer(signal.ITIMER_REAL, max(min(_deadlines) - time.monotonic(), 1e-4))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`OutOfTime` inside the block after ``seconds`` (None: no limit of its own)."""
    usable = seconds is not None and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    _deadlines.append(time.monotonic() + seconds)
    mine = len(_deadlines) - 1
    try:
        _arm()
        yield
    finally:
        del _deadlines[mine:]
        _arm()
        if not _deadlines:
            signal.signal(signal.SIGALRM, previous)


def attempt(seconds: float, step, *args, default=None):
    """``step(*args)``, or ``default`` when it takes longer than ``seconds`` or fails.

    Only this step's own limit is absorbed: an outer limit that passes propagates.

    >>> attempt(1, int, "7")
    7
    >>> attempt(1, int, "seven", default=-1)
    -1
    """
    outer = min(_deadlines) if _deadlines else None
    try:
        with time_limit(seconds):
            return step(*args)
    except OutOfTime:
        if outer is not None and time.monotonic() >= outer - 1e-3:
            raise
        return default
    except (Exception, RecursionError):  # SymPy raises its own kinds too (PolificationFailed, ...)
        return default
