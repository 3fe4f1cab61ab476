"""Running PyTorch as an oracle: only when installed, imported late, on one thread.

The oracle hooks feed PyTorch tiny tensors. On a small machine its worker
threads then cost more than they compute (they spin while waiting), so a
hook runs with one intra-op thread, restored afterwards, and with a forked
random state, so seeding it leaves the caller's generator untouched.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["have_torch", "quiet_torch", "torch_hook"]


def have_torch() -> bool:
    """True when PyTorch can be imported (the optional ``[torch]`` extra)."""
    return importlib.util.find_spec("torch") is not None


@contextmanager
def quiet_torch(seed: int | None = None) -> Iterator[Any]:
    """PyTorch on one thread with a private random state; yields the ``torch`` module.

    >>> if have_torch():
    ...     with quiet_torch(seed=0) as torch:
    ...         assert torch.get_num_threads() == 1
    """
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.random.fork_rng(devices=[]):
            if seed is not None:
                torch.manual_seed(seed)
            yield torch
    finally:
        torch.set_num_threads(threads)


def torch_hook(hook: Callable[..., dict]) -> Callable[..., dict | None]:
    """An oracle hook that returns ``None`` without PyTorch and otherwise runs in :func:`quiet_torch`.

    >>> torch_hook(lambda size, rng: {"passed": True})(1, None) in (None, {"passed": True})
    True
    """

    @functools.wraps(hook)
    def run(*args, **kwargs) -> dict | None:
        if not have_torch():
            return None
        with quiet_torch():
            return hook(*args, **kwargs)

    return run
