"""Interval arithmetic for the GELU bounds: SymPy expressions evaluated in Arb.

:func:`arb_function` compiles a SymPy expression of one variable into a
Python function on python-flint ``arb`` balls, so every evaluation encloses
the true value (rounding included). :func:`certified_sup` bounds the maximum
of ``|f|`` over a closed interval by branch and bound with the mean-value
form ``|f(I)| <= |f(m)| + r |f'(I)|`` on ``I = [m - r, m + r]``.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import flint
import sympy as sp

from ..errors import BadInputError

__all__ = ["SupBound", "arb_function", "certified_sup"]

ArbFunction = Callable[[flint.arb], flint.arb]

_UNARY = {
    sp.exp: flint.arb.exp,
    sp.log: flint.arb.log,
    sp.tanh: flint.arb.tanh,
    sp.erf: flint.arb.erf,
    sp.erfc: flint.arb.erfc,
    sp.Abs: abs,
    sp.sin: flint.arb.sin,
    sp.cos: flint.arb.cos,
}


def _constant(expr: sp.Basic) -> flint.arb:
    if expr is sp.pi:
        return flint.arb.pi()
    if expr is sp.E:
        return flint.arb.const_e()
    if isinstance(expr, sp.Rational):
        return flint.arb(flint.fmpq(int(expr.p), int(expr.q)))
    if isinstance(expr, sp.Float):
        # A Float parsed from the report stands for the decimal it is written as (0.044715).
        return flint.arb(str(expr))
    raise BadInputError(f"cannot evaluate the constant {expr} in interval arithmetic")


def _compile(expr: sp.Basic, x: sp.Symbol) -> ArbFunction:
    if expr == x:
        return lambda v: v
    if not expr.has(x):
        # a constant subexpression is evaluated once, at compile time
        value = _constant(expr) if expr.is_Atom else _build(expr, x)(flint.arb(0))
        return lambda v: value
    return _build(expr, x)


def _build(expr: sp.Basic, x: sp.Symbol) -> ArbFunction:
    if isinstance(expr, (sp.Add, sp.Mul)):
        parts = [_compile(arg, x) for arg in expr.args]
        if isinstance(expr, sp.Add):

            def add(v):
                total = parts[0](v)
                for part in parts[1:]:
                    total = total + part(v)
                return total

            return add

        def mul(v):
            total = parts[0](v)
            for part in parts[1:]:
                total = total * part(v)
            return total

        return mul
    if isinstance(expr, sp.Pow):
        base, exponent = _compile(expr.base, x), expr.exp
        if exponent.is_Integer:
            n = int(exponent)
            return (lambda v: base(v) ** n) if n > 0 else (lambda v: 1 / base(v) ** (-n))
        if exponent == sp.Rational(1, 2):
            return lambda v: base(v).sqrt()
        if exponent == -sp.Rational(1, 2):
            return lambda v: base(v).rsqrt()
        power = _compile(exponent, x)
        return lambda v: (power(v) * base(v).log()).exp()
    function = _UNARY.get(expr.func)
    if function is not None:
        argument = _compile(expr.args[0], x)
        return lambda v: function(argument(v))
    raise BadInputError(f"cannot evaluate {expr.func.__name__} in interval arithmetic (in {expr})")


def arb_function(expr: sp.Basic, x: sp.Symbol) -> ArbFunction:
    """A function on Arb balls enclosing ``expr`` as a function of ``x``.

    Supports sums, products, powers, exp, log, tanh, erf, erfc, abs, sin,
    cos, pi and E; a ``Float`` stands for the decimal it prints as.

    >>> x = sp.Symbol("x")
    >>> f = arb_function(sp.erf(x / sp.sqrt(2)) + sp.Float("0.5"), x)
    >>> f(flint.arb(0)).contains(flint.arb("0.5"))
    True
    """
    if not isinstance(expr, sp.Basic) or not isinstance(x, sp.Symbol):
        raise BadInputError(f"arb_function needs a SymPy expression and a Symbol, got {expr!r} and {x!r}")
    extra = expr.free_symbols - {x}
    if extra:
        raise BadInputError(f"{expr} has symbols {sorted(map(str, extra))} besides {x}: substitute them first")
    return _compile(expr, x)


@dataclass(frozen=True)
class SupBound:
    """A certified enclosure ``lower <= max |f| <= upper`` on [low, high]."""

    lower: float
    upper: float
    argmax: float
    low: float
    high: float
    evaluations: int


def _ball(low: flint.arb, high: flint.arb) -> tuple[flint.arb, flint.arb, flint.arb]:
    """Exact midpoint, radius bound and the ball covering [low, high] (exact endpoints)."""
    mid = flint.arb(((low + high) / 2).mid())
    radius = max(mid - low, high - mid).upper()
    return mid, radius, flint.arb(mid, radius)


def certified_sup(
    f: ArbFunction,
    df: ArbFunction,
    low: float,
    high: float,
    *,
    rtol: float = 1e-10,
    atol: float = 1e-15,
    pieces: int = 64,
    max_evaluations: int = 200_000,
) -> SupBound:
    """Enclose ``max |f|`` over ``[low, high]``; ``df`` must enclose ``f'``.

    Branch and bound: each piece gets the upper bound ``|f(m)| + r |f'(I)|``
    and the lower bound ``|f(m)|`` at its midpoint; the piece with the
    largest upper bound is split until that bound is within ``rtol``
    (relative) or ``atol`` of the best lower bound.

    >>> x = sp.Symbol("x")
    >>> bound = certified_sup(arb_function(x - x**3, x), arb_function(1 - 3 * x**2, x), 0, 1)
    >>> round(bound.upper, 9), round(bound.argmax, 4)  # 2 / (3 sqrt 3) at 1 / sqrt 3
    (0.384900179, 0.5774)
    """
    if not low < high:
        raise BadInputError(f"certified_sup needs low < high, got [{low}, {high}]")
    edges = [flint.arb(low + (high - low) * k / pieces) for k in range(pieces)] + [flint.arb(high)]
    heap: list[tuple[float, int, flint.arb, flint.arb]] = []
    best, argmax, evaluations, counter = 0.0, float(low), 0, 0

    def push(a: flint.arb, b: flint.arb) -> None:
        nonlocal best, argmax, evaluations, counter
        mid, radius, ball = _ball(a, b)
        value = abs(f(mid))
        upper = float((value + radius * abs(df(ball))).upper())
        evaluations += 2
        if float(value.lower()) > best:
            best, argmax = float(value.lower()), float(mid.mid())
        counter += 1
        heapq.heappush(heap, (-upper, counter, a, b))

    for a, b in itertools.pairwise(edges):
        push(a, b)
    while True:
        upper = -heap[0][0]
        if upper - best <= max(atol, rtol * best):
            return SupBound(best, upper, argmax, float(low), float(high), evaluations)
        if evaluations > max_evaluations:
            raise BadInputError(
                f"certified_sup did not converge in {max_evaluations} evaluations on [{low}, {high}] "
                f"(bounds {best:.6g} .. {upper:.6g}); loosen rtol or check that df encloses f'"
            )
        _, _, a, b = heapq.heappop(heap)
        mid = _ball(a, b)[0]
        push(a, mid)
        push(mid, b)
