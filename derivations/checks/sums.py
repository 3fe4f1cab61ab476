"""Sums written out: the one way convproof turns a ``Sum`` with numeric limits into its terms.

``Sum.doit`` looks for a closed form first, which is slow and may not find
one; a check that needs the terms of ``sum_{j=1}^{3} alpha_j u_{j+1}`` writes
them out instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from ..errors import BadInputError

__all__ = ["unroll"]


def unroll(expr: sp.Basic, sizes: Mapping[sp.Symbol, int] | None = None) -> sp.Basic:
    """``expr`` with ``sizes`` substituted and every ``Sum`` written out term by term.

    >>> u, j, n = sp.IndexedBase("u"), sp.Symbol("j", integer=True), sp.Symbol("n", integer=True)
    >>> unroll(sp.Sum(u[j], (j, 1, n)) / n, {n: 2})
    u[1]/2 + u[2]/2
    >>> unroll(sp.Sum(u[j], (j, 1, n)))
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: unroll needs sums with numeric limits, not Sum(u[j], (j, 1, n)); give the sizes
    """
    for symbol, size in (sizes or {}).items():
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise BadInputError(f"size {symbol} must be a positive integer, got {size!r}")

    def write_out(total: sp.Sum) -> sp.Basic:
        (index, low, high), body = total.limits[0], total.function
        if len(total.limits) != 1 or not (low.is_Integer and high.is_Integer):
            raise BadInputError(f"unroll needs sums with numeric limits, not {total}; give the sizes")
        return sp.Add(*(body.xreplace({index: sp.Integer(v)}) for v in range(int(low), int(high) + 1)))

    substituted = expr.xreplace({symbol: sp.Integer(size) for symbol, size in (sizes or {}).items()})
    return substituted.replace(lambda e: isinstance(e, sp.Sum), write_out)
