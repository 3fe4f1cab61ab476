"""Compiled NumPy versions of SymPy expressions, built once and cached.

Every sampled check goes through :func:`compile_expr`: one ``lambdify`` per
(expression, argument order), then vectorised evaluation over all instances.
A per-instance ``subs``/``evalf`` loop is 10^4 to 10^5 times slower.

Float64 overflows where the value itself is finite: ``log(1 + exp(x))`` at
x = 1000 is 1000, not inf. :func:`evaluate` computes such entries again with
mpmath (50 digits, no exponent limit), so a formula written the textbook way
is not refuted for its rounding; entries that are undefined stay NaN.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import mpmath
import numpy as np
import sympy as sp

from ..latex.long_sums import long_sums
from ..latex.normalise import shown

__all__ = ["CSE_FROM", "compile_expr", "evaluate", "heaviside"]


def heaviside(value, at_zero=0.5) -> np.ndarray:
    """``np.heaviside`` (0 below zero, ``at_zero`` at it, 1 above, NaN for NaN), five times faster.

    NumPy's own runs a generic loop and was the slowest step of a Q4 gradient.

    >>> heaviside(np.array([-1.0, 0.0, 2.0, np.nan]), 1).tolist()
    [0.0, 1.0, 1.0, nan]
    """
    value = np.asarray(value, dtype=float)
    if np.ndim(at_zero):
        return np.heaviside(value, at_zero)
    out = np.array(value > 0, dtype=float)
    out[value == 0] = at_zero
    out[np.isnan(value)] = np.nan
    return out[()]  # a scalar for a scalar, as NumPy's


def _gamma(value: float) -> float:
    try:
        return math.gamma(value)
    except ValueError:  # a pole (0, -1, -2, ...)
        return math.nan
    except OverflowError:
        return math.inf


# NumPy has no erf or gamma: lambdify would fall back to math.erf and math.gamma, which reject arrays.
_MISSING_IN_NUMPY = {
    "gamma": np.vectorize(_gamma, otypes=[float]),
    "Heaviside": heaviside,
    "erf": np.vectorize(math.erf, otypes=[float]),
    "erfc": np.vectorize(math.erfc, otypes=[float]),
}


# From this many instances on, common subexpressions are computed once: that costs ~10 ms more per
# compile (a loss at the default 2000 instances) and makes a Q4 gradient ~3 times faster to evaluate.
CSE_FROM = 50_000


# mpmath has no exponent limit: x^(x^(x^(x^x))) at x = 5 would never finish. A power whose result
# has more than 2^20 binary digits of exponent (about 10^315,000) is left as float64 gave it (inf).
_MAX_MAGNITUDE_BITS = 20


class _GuardedPow(sp.Function):
    """A power with a variable exponent, computed by :func:`_guarded_pow` in the mpmath redo."""

    nargs = 2


def _guarded_pow(base, exponent):
    """``base ** exponent`` in mpmath, refused (OverflowError) when the result is astronomically large.

    >>> _guarded_pow(mpmath.mpf(5), mpmath.mpf(5) ** 3125)
    Traceback (most recent call last):
    ...
    OverflowError: the power is too large to compute
    """
    size = abs(mpmath.log(abs(base))) * abs(exponent) if base not in (0, 1) and exponent != 0 else 0
    if size and mpmath.mag(size) > _MAX_MAGNITUDE_BITS:
        raise OverflowError("the power is too large to compute")
    return base**exponent


@lru_cache(maxsize=4096)
def _compiled(expr: sp.Basic, args: tuple[sp.Symbol, ...], cse: bool = False, backend: str = "numpy"):
    """The one lambdify cache of convproof: NumPy for evaluation, mpmath to redo float64 overflows."""
    if backend == "mpmath":
        guarded = expr.replace(lambda e: e.is_Pow and not e.exp.is_number, lambda e: _GuardedPow(e.base, e.exp))
        try:
            return sp.lambdify(args, guarded, modules=[{"_GuardedPow": _guarded_pow}, "mpmath"])
        except (NameError, TypeError, ValueError, NotImplementedError):  # a function mpmath does not print
            return None
    # the mapping first: lambdify gives the first module priority, and its "numpy" maps Heaviside to np.heaviside
    return sp.lambdify(args, expr, modules=[_MISSING_IN_NUMPY, "numpy"], cse=cse)


def compile_expr(expr: sp.Basic, args: Sequence[sp.Symbol], *, cse: bool = False):
    """A NumPy function of ``args`` computing ``expr`` (cached); ``cse`` computes repeated parts once.

    A sum or product of more than ``MAX_TERMS`` terms is computed from its closed form, never by
    a Python loop over its terms; one without a closed form is refused.

    >>> import sympy as sp
    >>> x, i = sp.symbols("x i", integer=True)
    >>> compile_expr(x**2 + 1, [x])(np.array([1.0, 2.0]))
    array([2., 5.])
    >>> compile_expr(sp.Sum(i, (i, 1, 10**9)), [])()
    500000000500000000
    """
    expr = sp.sympify(expr)
    return _compiled(long_sums(expr, shown(str(expr))), tuple(args), bool(cse))


def _redo_overflows(part: sp.Basic, args: Sequence[sp.Symbol], columns: list[np.ndarray], value: np.ndarray) -> None:
    """Entries of ``value`` that are not finite while their inputs are: computed again with mpmath, in place.

    >>> x = sp.Symbol("x")
    >>> value = np.array([np.inf, 2.0])
    >>> _redo_overflows(sp.log(1 + sp.exp(x)), [x], [np.array([1000.0, 2.0])], value)
    >>> value.tolist()
    [1000.0, 2.0]
    """
    rows = np.flatnonzero(~np.isfinite(value))
    if rows.size == 0:
        return
    inputs_finite = np.all([np.isfinite(column[rows]) for column in columns], axis=0) if columns else True
    rows = rows[inputs_finite]
    function = _compiled(part, tuple(args), False, "mpmath") if rows.size else None
    if function is None:
        return
    with mpmath.workdps(50):
        for row in rows:
            try:
                value[row] = float(function(*(mpmath.mpf(float(column[row])) for column in columns)))
            except (ArithmeticError, TypeError, ValueError):  # undefined there (a pole, a complex value)
                continue


def evaluate(expr: sp.Basic, args: Sequence[sp.Symbol], columns: Sequence[np.ndarray], size: int) -> np.ndarray:
    """Evaluate ``expr`` on every instance; the result has shape (size,) or (size, n) for a Tuple.

    >>> x = sp.Symbol("x")
    >>> evaluate(sp.log(1 / (1 + sp.exp(-x))), [x], [np.array([-1000.0, 0.0])], 2)[:, 0].tolist()
    [-1000.0, -0.6931471805599453]
    """
    parts = list(expr) if isinstance(expr, (sp.Tuple, tuple)) else [expr]
    out = np.empty((size, len(parts)))
    wide = [np.broadcast_to(np.asarray(column, dtype=float), (size,)) for column in columns]
    with np.errstate(all="ignore"):
        for col, part in enumerate(parts):
            value = compile_expr(part, args, cse=size >= CSE_FROM)(*columns)
            out[:, col] = np.broadcast_to(np.asarray(value, dtype=float), (size,))
            _redo_overflows(part, args, wide, out[:, col])
    return out
