"""Compiled NumPy versions of SymPy expressions, built once and cached.

Every sampled check goes through :func:`compile_expr`: one ``lambdify`` per
(expression, argument order), then vectorised evaluation over all instances.
A per-instance ``subs``/``evalf`` loop is 10^4 to 10^5 times slower.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import sympy as sp

__all__ = ["compile_expr", "evaluate"]


# NumPy has no erf: lambdify would fall back to math.erf, which rejects arrays.
_MISSING_IN_NUMPY = {
    "Heaviside": lambda v, h=0.5: np.heaviside(v, h),
    "erf": np.vectorize(math.erf, otypes=[float]),
    "erfc": np.vectorize(math.erfc, otypes=[float]),
}


@lru_cache(maxsize=4096)
def _compiled(expr: sp.Basic, args: tuple[sp.Symbol, ...]):
    return sp.lambdify(args, expr, modules=["numpy", _MISSING_IN_NUMPY])


def compile_expr(expr: sp.Basic, args: Sequence[sp.Symbol]):
    """A NumPy function of ``args`` computing ``expr`` (cached).

    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> compile_expr(x**2 + 1, [x])(np.array([1.0, 2.0]))
    array([2., 5.])
    """
    return _compiled(sp.sympify(expr), tuple(args))


def evaluate(expr: sp.Basic, args: Sequence[sp.Symbol], columns: Sequence[np.ndarray], size: int) -> np.ndarray:
    """Evaluate ``expr`` on every instance; the result has shape (size,) or (size, n) for a Tuple."""
    parts = list(expr) if isinstance(expr, (sp.Tuple, tuple)) else [expr]
    out = np.empty((size, len(parts)))
    with np.errstate(all="ignore"):
        for col, part in enumerate(parts):
            value = compile_expr(part, args)(*columns)
            out[:, col] = np.broadcast_to(np.asarray(value, dtype=float), (size,))
    return out
