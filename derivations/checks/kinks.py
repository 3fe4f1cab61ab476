"""Exact proofs for piecewise expressions by cases: one case per region between the kinks.

A max/ReLU network is a polynomial on each region where the arguments of its
kinks (``Max``, ``Heaviside``, ``Piecewise`` conditions...) keep their signs.
Given one point inside each region, :func:`branch` replaces every kink by the
branch it takes there, leaving a polynomial valid on the whole region; two
expressions are equal off the kinks exactly when their branch polynomials
expand to the same thing on every region (a polynomial that vanishes on an
open set is zero). SymPy's ``simplify`` takes seconds per comparison on such
expressions; this takes milliseconds, and a failure names the region.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from ..errors import BadInputError
from ..outcome import Outcome
from .wording import equal_parts

__all__ = ["branch", "prove_on_regions"]


def _sign(expr: sp.Basic, point: Mapping[sp.Symbol, sp.Basic], whole: sp.Basic) -> int:
    value = sp.sympify(expr).xreplace(point)
    if not value.is_comparable or value == 0:
        raise BadInputError(f"the point {dict(point)} is not strictly inside a region of {whole}: {expr} is {value}")
    return 1 if value > 0 else -1


def _truth(condition: sp.Basic, point: Mapping[sp.Symbol, sp.Basic], whole: sp.Basic) -> bool:
    value = condition.xreplace(point)
    if value not in (sp.true, sp.false):
        raise BadInputError(f"the condition {condition} of {whole} is not decided at the point {dict(point)}")
    return bool(value)


def branch(expr: sp.Basic, point: Mapping[sp.Symbol, sp.Basic], _memo: dict | None = None) -> sp.Basic:
    """``expr`` with every kink replaced by the branch it takes at ``point`` (a region's inside).

    Understands Heaviside, Max, Min, Piecewise and functions that can be
    rewritten as Max (``relu``, ``pool2`` of the Q4 network).

    >>> x, y = sp.symbols("x y", real=True)
    >>> branch(sp.Max(0, x) * y + sp.Heaviside(x - 1), {x: sp.Integer(2)})
    x*y + 1
    >>> branch(sp.Piecewise((0, x < 0), (y, True)), {x: sp.Integer(-1)})
    0
    """
    memo = {} if _memo is None else _memo
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if expr not in memo:
        memo[expr] = _branch(expr, point, memo)
    return memo[expr]


def _branch(expr: sp.Basic, point, memo: dict) -> sp.Basic:
    if isinstance(expr, sp.Piecewise):
        for value, condition in expr.args:
            if _truth(condition, point, expr):
                return branch(value, point, memo)
        return sp.nan
    if isinstance(expr, sp.Heaviside):
        return sp.Integer(1 if _sign(expr.args[0], point, expr) > 0 else 0)
    if isinstance(expr, (sp.Max, sp.Min)):
        args = [branch(arg, point, memo) for arg in expr.args]
        values = [arg.xreplace(point) for arg in args]
        pick = max if isinstance(expr, sp.Max) else min
        best = pick(range(len(args)), key=lambda n: values[n])
        for n in range(len(args)):
            if n != best:
                _sign(values[best] - values[n], point, expr)  # a tie lies on a kink, in no region
        return args[best]
    as_max = getattr(expr, "_eval_rewrite_as_Max", None)
    if as_max is not None:
        return branch(as_max(*expr.args), point, memo)
    return expr.func(*(branch(arg, point, memo) for arg in expr.args))


def prove_on_regions(
    parts: Sequence[tuple[str, sp.Basic]],
    reference: sp.Basic,
    regions: Sequence[tuple[str, Mapping[sp.Symbol, sp.Basic]]],
) -> Outcome:
    """Compare every part with the reference on every region (``(description, inside point)``).

    Returns a prover's outcome: passed True when all agree, False with the
    first region and the two branch polynomials otherwise.

    >>> x = sp.Symbol("x", real=True)
    >>> regions = [("x < 0", {x: sp.Integer(-1)}), ("x > 0", {x: sp.Integer(1)})]
    >>> prove_on_regions([("side 2", sp.Max(0, x))], sp.Piecewise((0, x < 0), (x, True)), regions).passed
    True
    >>> prove_on_regions([("side 2", sp.Max(0, -x))], sp.Max(0, x), regions).detail
    'side 2 differs on $x < 0$: $- x$ instead of $0$'
    """
    method = f"exact, by cases: one polynomial per region between the kinks ({len(regions)} regions)"
    done: set[sp.Basic] = set()
    for description, point in regions:
        memo: dict = {}
        want = branch(reference, point, memo)
        for label, part in parts:
            got = branch(part, point, memo)
            if (got, want) in done:
                continue
            if got is sp.nan or sp.expand(got - want) != 0:
                detail = (
                    f"{label} differs on ${description}$: ${sp.latex(sp.expand(got))}$ "
                    f"instead of ${sp.latex(sp.expand(want))}$"
                )
                return Outcome(method, False, detail=detail)
            done.add((got, want))
    return Outcome(method, True, detail=equal_parts(len(parts), "off the kinks"))
