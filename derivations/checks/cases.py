"""Exact symbolic checks of activation claims, by cases between the kinks.

``simplify(claimed - reference)`` takes seconds on ``Piecewise``/``Max``
expressions and SymPy's ``equals`` then answers wrongly (it calls
``Piecewise((0, Ne(x, 0)), (x, True))`` nonzero). Instead, :func:`by_cases`:

1. finds the kinks: the sign changes in x of every kink argument (a
   ``Piecewise`` condition, a difference of ``Max``/``Min`` arguments, an
   ``Abs``), for the parameters at the 1/8, 1/2 and 7/8 points of their
   domains (all combinations), giving one rational point inside each region;
2. on each region replaces every kink by its branch there
   (:func:`convproof.derivations.checks.kinks.branch`) and compares the branches as
   expressions in x and the parameters: equal after ``expand`` (or a quick
   ``simplify``), or different, witnessed by the difference evaluated to 30
   digits at the region's point.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import sympy as sp

from ..claim import Domain
from ..lib.symbols import x
from ..outcome import Outcome
from .kinks import branch
from .numeric import compile_expr
from .wording import equal_parts, tex_assignments

__all__ = ["by_cases", "kink_arguments", "region_points"]

SCAN = np.linspace(-12.0, 12.0, 4801) + 1e-4 * np.pi  # offset: no grid point on a round kink
QUANTILES = (sp.Rational(1, 8), sp.Rational(1, 2), sp.Rational(7, 8))
GOLDEN = 0.381966


def _explicit(expr: sp.Basic) -> sp.Basic:
    """``Abs`` and ``sinc`` as ``Piecewise``, so their kinks are visible to :func:`branch`."""
    expr = sp.sympify(expr).replace(sp.sinc, lambda a: sp.sinc(a).rewrite(sp.sin))
    return expr.replace(sp.Abs, lambda a: sp.Piecewise((a, a >= 0), (-a, True)))


def kink_arguments(expr: sp.Basic) -> set[sp.Basic]:
    """The expressions whose sign decides a branch of ``expr``.

    >>> sorted(map(str, kink_arguments(sp.Max(0, x - 1) + sp.Piecewise((x, x > 2), (0, True)))))
    ['1 - x', 'x - 2']
    """
    found: set[sp.Basic] = set()
    for node in sp.preorder_traversal(_explicit(expr)):
        if isinstance(node, sp.Piecewise):
            for _, condition in node.args:
                found.update(rel.lhs - rel.rhs for rel in condition.atoms(sp.core.relational.Relational))
        elif isinstance(node, (sp.Max, sp.Min)):
            found.update(a - b for a, b in itertools.combinations(node.args, 2))
    return found


def _parameter_points(domain: Mapping[sp.Symbol, Domain]) -> list[dict[sp.Symbol, sp.Basic]]:
    names = sorted((s for s in domain if s != x), key=lambda s: s.name)
    values = []
    for sym in names:
        low, high = sp.Rational(str(domain[sym].low)), sp.Rational(str(domain[sym].high))
        values.append([low + q * (high - low) for q in QUANTILES])
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*values)]


def region_points(exprs: Sequence[sp.Basic], params: Mapping[sp.Symbol, sp.Basic]) -> list[sp.Rational]:
    """One rational x inside each region between the kinks of ``exprs`` (parameters fixed).

    >>> below, above = region_points([sp.Piecewise((0, x < -3), (1, True))], {})
    >>> below < -3 < above
    True
    """
    arguments = set().union(*(kink_arguments(e) for e in exprs))
    changes: set[float] = set()
    for argument in arguments:
        fixed = argument.xreplace(params)
        if not fixed.has(x):
            continue
        with np.errstate(all="ignore"):
            signs = np.sign(np.broadcast_to(compile_expr(fixed, [x])(SCAN), SCAN.shape))
        flips = np.flatnonzero(signs[1:] != signs[:-1])
        changes.update(float(SCAN[i]) for i in flips)
    edges = [float(SCAN[0]), *sorted(changes), float(SCAN[-1])]
    # off-centre, so that a point is not a symmetric special value such as 0
    points = [a + GOLDEN * (b - a) for a, b in itertools.pairwise(edges) if b - a > 1e-9]
    return [sp.Rational(round(p * 1000), 1000) for p in points]


def _compare(got: sp.Basic, want: sp.Basic, point: Mapping[sp.Symbol, sp.Basic]) -> bool | None:
    if got is sp.nan or want is sp.nan:
        return None  # no branch covers this region: nothing to compare
    difference = sp.expand(got - want)
    if difference == 0:
        return True
    value = sp.N(difference.xreplace(point), 30)
    if value.is_number and value.is_comparable and abs(value) > sp.Float("1e-20"):
        return False
    return True if sp.simplify(difference) == 0 else None


def by_cases(
    parts: Sequence[tuple[str, sp.Basic]], reference: sp.Basic, domain: Mapping[sp.Symbol, Domain]
) -> Callable[[], Outcome]:
    """A prover hook (``Claim.prover``) comparing every part with the reference region by region.

    >>> prover = by_cases([("f", sp.Max(0, x))], sp.Piecewise((x, x > 0), (0, True)), {})
    >>> prover().passed
    True
    """

    def prove() -> Outcome:
        want_all = [_explicit(c) for c in _components(reference)]
        tried, undecided = 0, []
        for params in _parameter_points(domain):
            for label, part in parts:
                got_all = [_explicit(c) for c in _components(part)]
                for point_x in region_points([*got_all, *want_all], params):
                    point = {**params, x: point_x}
                    for got, want in zip(got_all, want_all, strict=True):
                        tried += 1
                        verdict = _compare(branch(got, point), branch(want, point), point)
                        if verdict is False:
                            return Outcome(
                                "exact, by cases between the kinks",
                                False,
                                detail=f"{label} differs on the region of ${tex_assignments(point.items())}$",
                            )
                        if verdict is None:
                            undecided.append(label)
        comparisons = "1 region comparison" if tried == 1 else f"{tried} region comparisons"
        method = f"exact, by cases between the kinks ({comparisons})"
        if undecided:
            return Outcome(method, None, detail=f"undecided for {', '.join(sorted(set(undecided)))}")
        return Outcome(method, True, detail=equal_parts(len(parts), "on every region"))

    return prove


def _components(expr) -> list:
    return list(expr) if isinstance(expr, (sp.Tuple, tuple)) else [expr]
