"""General-size formulas (sums of indexed terms) at small sizes, as ordinary claims.

A formula such as ``\\frac{1}{n}\\sum_{i=1}^n (y_i - \\hat{y}_i)^2`` cannot be
drawn at random as it stands: ``n`` is a size and ``y[i]`` a sequence. At
each small size the sums unroll into plain expressions of the entries
``y_1, y_2, ...``, which the sampled tier can draw. :func:`unrolled` builds
that claim; the runner judges it like any other.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import sympy as sp

from ..derivations.claim import Claim
from .assume import DEFAULT_REAL

__all__ = ["unrolled"]

SIZES = (1, 2, 3, 4)


def _grid_symbols(exprs: list[sp.Basic]) -> list[sp.Symbol]:
    """The integer symbols that bound a sum or index a term (n in a sum to n, i in u[i + j])."""
    bound, found = set(), set()
    for expr in exprs:
        for total in expr.atoms(sp.Sum, sp.Product):
            for var, low, high in total.limits:
                bound.add(var)
                found |= low.free_symbols | high.free_symbols
        for term in expr.atoms(sp.Indexed):
            found |= set().union(*(sp.sympify(index).free_symbols for index in term.indices))
    return sorted((s for s in found - bound if isinstance(s, sp.Symbol)), key=lambda s: s.name)


def _entry(term: sp.Indexed) -> sp.Symbol:
    return sp.Symbol(f"{term.base.label.name}_{'_'.join(str(i) for i in term.indices)}", real=True)


def unrolled(claim: Claim) -> tuple[Claim, str] | None:
    """The claim at sizes 1 to 4 of its sums, with every entry ``u[j]`` a sampled real ``u_j``.

    Each claimed part and the reference become a Tuple over the grid of
    sizes; ``None`` when there is nothing to unroll. Also returns the grid in words.

    >>> u, i, n = sp.IndexedBase("u"), sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, positive=True)
    >>> total = sp.Sum(u[i], (i, 1, n))
    >>> small, grid = unrolled(Claim(id="t.sum", where="-", source="s", claimed=(("f", total),), reference=total))
    >>> small.reference[1], grid
    (u_1 + u_2, 'n = 1, 2, 3, 4')
    """
    exprs = [sp.sympify(claim.reference), *(sp.sympify(e) for _, e in claim.claimed)]
    if not any(e.has(sp.Indexed) for e in exprs):
        return None
    grid = _grid_symbols(exprs)
    sizes = SIZES if len(grid) < 2 else SIZES[:3]
    points = [dict(zip(grid, values, strict=True)) for values in itertools.product(sizes, repeat=len(grid))]

    def at_sizes(expr: sp.Basic) -> sp.Tuple:
        values = [sp.sympify(expr).xreplace(point).doit() for point in points]
        # a division by zero at some size (1/(n - 1) at n = 1) is no value: NaN, which matches only NaN
        values = [v.xreplace({sp.zoo: sp.nan}) for v in values]
        return sp.Tuple(*(v.replace(lambda e: isinstance(e, sp.Indexed), _entry) for v in values))

    reference = at_sizes(claim.reference)
    claimed = tuple((label, at_sizes(part)) for label, part in claim.claimed)
    left = set().union(reference.free_symbols, *(part.free_symbols for _, part in claimed))
    if any(not isinstance(s, sp.Symbol) for s in left):
        return None  # an index that stays symbolic: nothing concrete to draw
    domain = {s: claim.domain.get(s, DEFAULT_REAL) for s in left}
    words = "; ".join(f"{s.name} = {', '.join(map(str, sizes))}" for s in grid) or "one size"
    return replace(claim, claimed=claimed, reference=reference, domain=domain, constraint=None, brute=None), words
