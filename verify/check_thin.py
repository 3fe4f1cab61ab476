"""Instances that random draws miss: kinks, domain edges, wide magnitudes; and exhaustive finite domains.

``\\lfloor x \\rfloor + 1`` and ``\\lceil x \\rceil`` differ only at the
integers, which uniform reals never hit; ``\\min(x, 7)`` and ``x`` differ only
above 7. :func:`thin_check` evaluates both sides where the argument of every
floor, ceiling, sign, step, ``|.|``, max and min is an integer or zero (solved
for one symbol at a time), at the domain's edges and, for a symbol with no
declared range, over magnitudes from 10^-3 to 10^6. A disagreement seen in
float64 is confirmed exactly with SymPy before it counts, so a rounding at a
kink is never a counterexample. :func:`exhaustive_check` evaluates every
instance of a small finite integer domain: agreement there is a proof.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import sympy as sp

from ..derivations.checks.numeric import evaluate
from ..derivations.outcome import Counterexample, Outcome

__all__ = ["exhaustive_check", "kink_targets", "thin_check"]

WIDE = 1e6
EXHAUSTIVE_LIMIT = 20_000
_KINKS = (sp.floor, sp.ceiling, sp.sign, sp.Heaviside, sp.Abs)


def kink_targets(exprs) -> list[tuple[sp.Basic, bool]]:
    """(g, integer): where g = 0 (or, for floor and ceiling, g is an integer) a side may jump or bend.

    >>> x = sp.Symbol("x")
    >>> kink_targets([sp.Max(x, 7)])
    [(7 - x, False)]
    """
    found: dict[sp.Basic, bool] = {}
    for expr in exprs:
        for atom in sp.preorder_traversal(expr):
            if isinstance(atom, (sp.Max, sp.Min)):
                for u, v in itertools.combinations(atom.args, 2):
                    found.setdefault(u - v, False)
            elif isinstance(atom, _KINKS):
                found[atom.args[0]] = found.get(atom.args[0], False) or isinstance(atom, (sp.floor, sp.ceiling))
            elif isinstance(atom, sp.Piecewise):
                for _, cond in atom.args:
                    for rel in cond.atoms(sp.Rel):
                        found.setdefault(rel.lhs - rel.rhs, False)
    return [(g, integer) for g, integer in found.items() if g.free_symbols][:12]


def _solutions(g: sp.Basic, sym: sp.Symbol, base: dict, values) -> list[sp.Basic]:
    """Real solutions for ``sym`` of g = c, c in ``values``, the other symbols at ``base`` (polynomials of degree <= 2)."""
    rest = g.xreplace({s: v for s, v in base.items() if s != sym})
    free = sp.Dummy("free", real=True)
    rest = rest.xreplace({sym: free})
    try:
        poly = sp.Poly(rest, free)
    except sp.PolynomialError:
        return []
    if poly.degree() < 1 or poly.degree() > 2 or not all(c.is_number for c in poly.coeffs()):
        return []
    out = []
    for c in values:
        for root in sp.roots(poly - c, free, filter="R") or ():
            out.append(root)
    return out


def _point_values(sym, root, domain) -> list:
    if domain.kind == "integer":
        return [sp.Integer(v) for v in {math.floor(float(root)) + k for k in (-1, 0, 1, 2)}]
    return [root]


def _draw(domain, wide: bool, rng, size: int) -> list:
    low, high = domain.low, domain.high
    points = [low, high]
    if domain.kind == "integer":
        points += [low + 1, high - 1, 0, 1, -1]
    if wide:
        magnitudes = 10 ** rng.uniform(-3, math.log10(WIDE), size)
        signs = rng.choice([-1.0, 1.0], size) if low < 0 else np.ones(size)
        if high <= 0:
            signs = -np.ones(size)
        values = magnitudes * signs
        points += [round(float(v)) for v in values] if domain.kind == "integer" else list(values)
        points += [WIDE, -WIDE] if low < 0 < high else [WIDE] if high > 0 else [-WIDE]
    kept = [p for p in points if wide or low <= p <= high]
    if domain.kind == "integer":
        return [sp.Integer(int(p)) for p in kept if not wide or _sign_ok(p, domain)]
    # exact binary values: a confirmation at 30 digits must not inherit float64's cancellation
    return [
        sp.Rational(float(p)) if not isinstance(p, (int, sp.Basic)) else sp.sympify(p)
        for p in kept
        if _sign_ok(p, domain)
    ]


def _sign_ok(value, domain) -> bool:
    return not (domain.low >= 0 and value < 0) and not (domain.high <= 0 and value > 0)


def _exact_differs(claim, label, part, point) -> tuple | None:
    """(claimed, reference) at ``point`` when they differ exactly (30 digits), else None."""
    try:
        got = sp.sympify(part).xreplace(point)
        want = sp.sympify(claim.reference).xreplace(point)
        # twice, at 30 and 60 digits (evalf gives up on cancellations past maxn): both must show the difference
        gv, wv = ([_value(v, 30) for v in (e if isinstance(e, sp.Tuple) else [e])] for e in (got, want))
        gv2, wv2 = ([_value(v, 60) for v in (e if isinstance(e, sp.Tuple) else [e])] for e in (got, want))
    except (TypeError, ValueError, ArithmeticError):
        return None
    if any(abs(a - b) > 1e-12 * max(1.0, abs(b)) for a, b in zip(gv + wv, gv2 + wv2, strict=True)):
        return None  # not settled at this precision: no counterexample
    rtol, atol = claim.tolerance
    for g, w in zip(gv, wv, strict=True):
        if not (all(map(math.isfinite, (g.real, g.imag, w.real, w.imag))) and g.imag == 0 and w.imag == 0):
            continue  # undefined on one side there: not a counterexample of the other
        if abs(g.real - w.real) > atol + rtol * abs(w.real):
            return g.real, w.real
    return None


def _value(expr, digits: int) -> complex:
    return complex(expr.evalf(digits, maxn=20 * digits))


def _plain(value):
    value = float(value) if not isinstance(value, sp.Integer) else int(value)
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value


def _compare(claim, points: list[dict], method: str) -> Outcome:
    """Evaluate every part and the reference at ``points`` (exact SymPy values); confirm mismatches exactly."""
    symbols = claim.symbols
    if not points:
        return Outcome(method, None, 0, detail="no instance to add")
    columns = [np.array([float(p[s]) for p in points]) for s in symbols]
    n = len(points)
    reference = evaluate(claim.reference, symbols, columns, n)
    rtol, atol = claim.tolerance
    checked = 0
    for label, part in claim.claimed:
        got = evaluate(part, symbols, columns, n)
        if got.shape != reference.shape:
            continue
        with np.errstate(invalid="ignore"):
            close = np.isclose(got, reference, rtol=rtol, atol=atol) | (np.isnan(got) & np.isnan(reference))
        for row in np.flatnonzero(~close.all(axis=1)):
            if checked >= 8:
                break
            checked += 1
            differs = _exact_differs(claim, label, part, points[row])
            if differs is not None:
                values = {s.name: _plain(points[row][s]) for s in symbols}
                ce = Counterexample(values, _plain(differs[0]), _plain(differs[1]), label)
                return Outcome(method, False, n, detail=f"{label} differs", counterexample=ce)
    return Outcome(method, True, n)


def thin_check(claim, wide: frozenset):
    """A claim's check hook: the instances of the module docstring (``wide``: symbols with no declared range)."""

    def check(size: int, rng: np.random.Generator) -> Outcome:
        symbols = claim.symbols
        if not symbols:
            return Outcome("kinks, edges, wide magnitudes", None, 0, detail="no symbols")
        per = max(20, min(200, size // 10))
        columns = {s: _draw(claim.domain[s], s in wide, rng, per) for s in symbols}
        bases = []
        for _ in range(4):
            base = {}
            for s in symbols:
                dom = claim.domain[s]
                if dom.kind == "integer":
                    base[s] = sp.Integer(int(rng.integers(int(dom.low), int(min(dom.high, 2**62)) + 1)))
                else:
                    base[s] = sp.Rational(float(rng.uniform(dom.low, dom.high))).limit_denominator(1000)
            bases.append(base)
        points = []
        for s, values in columns.items():
            for k, v in enumerate(values):
                points.append({**bases[k % len(bases)], s: v})
        exprs = [claim.reference, *(p for _, p in claim.claimed)]
        for g, integer in kink_targets(exprs):
            targets = range(-4, 5) if integer else (0,)
            for base in bases[:3]:
                for s in sorted(g.free_symbols, key=lambda t: t.name):
                    if s not in claim.domain:
                        continue
                    for root in _solutions(g, s, base, targets):
                        for v in _point_values(s, root, claim.domain[s]):
                            points.append({**base, s: v})
        points = [p for p in points if all(abs(float(v)) <= 1e15 for v in p.values())][:3000]
        return _compare(claim, points, "kinks, edges, wide magnitudes")

    return check


def exhaustive_size(claim) -> int | None:
    """How many instances a finite integer domain has; None when it is not one (or too large)."""
    if not claim.symbols or any(claim.domain[s].kind != "integer" for s in claim.symbols):
        return None
    total = math.prod(int(claim.domain[s].high) - int(claim.domain[s].low) + 1 for s in claim.symbols)
    return total if total <= EXHAUSTIVE_LIMIT else None


def exhaustive_check(claim):
    """A claim's check hook: every instance of its finite integer domain (its declared ranges)."""

    def check(size: int, rng: np.random.Generator) -> Outcome:
        ranges = [range(int(claim.domain[s].low), int(claim.domain[s].high) + 1) for s in claim.symbols]
        points = [dict(zip(claim.symbols, map(sp.Integer, combo), strict=True)) for combo in itertools.product(*ranges)]
        outcome = _compare(claim, points, "every instance of the declared ranges")
        return outcome

    return check
