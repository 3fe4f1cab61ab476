"""PyTorch as an oracle: one availability probe, one way to run it, only when installed.

Every hook that asks PyTorch goes through this module, in the manner of
einops' backends: :func:`have_torch` is the one probe (cached), and
:func:`quiet_torch` the one way to run it. The oracle hooks feed PyTorch tiny
tensors; on a small machine its worker threads then cost more than they
compute (they spin while waiting), so a hook runs with one intra-op thread,
restored afterwards, and with a forked random state, so seeding it leaves the
caller's generator untouched. :func:`torch_hook` wraps a hook ``fn(torch,
size, rng)`` into the claim's ``oracle(size, rng)``, which returns ``None``
without PyTorch (the tier is then skipped, never failed).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["have_torch", "quiet_torch", "torch_hook"]


@functools.cache
def have_torch() -> bool:
    """True when PyTorch can be imported (the optional ``[torch]`` extra); probed once."""
    return importlib.util.find_spec("torch") is not None


@contextmanager
def quiet_torch(seed: int | None = None) -> Iterator[Any]:
    """PyTorch on one thread with a private random state; yields the ``torch`` module.

    >>> if have_torch():
    ...     with quiet_torch(seed=0) as torch:
    ...         assert torch.get_num_threads() == 1
    """
    torch = importlib.import_module("torch")  # optional and slow to import: only when a hook runs
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.random.fork_rng(devices=[]):
            if seed is not None:
                torch.manual_seed(seed)
            yield torch
    finally:
        torch.set_num_threads(threads)


def torch_hook(hook: Callable[..., Any]) -> Callable[..., Any]:
    """The oracle hook ``oracle(*args)`` that runs ``hook(torch, *args)`` in :func:`quiet_torch`, or gives ``None``.

    >>> oracle = torch_hook(lambda torch, size, rng: torch.get_num_threads())
    >>> oracle(1, None) in (None, 1)
    True
    """

    @functools.wraps(hook)
    def run(*args, **kwargs) -> Any:
        if not have_torch():
            return None
        with quiet_torch() as torch:
            return hook(torch, *args, **kwargs)

    return run
