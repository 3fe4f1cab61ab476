"""Proofs for ``convproof check``: cheap exact steps first, then residue classes for floor and ceiling.

:func:`prove_equal` answers True only with a proof: the two sides are the
same expression, or their difference expands, cancels or simplifies to 0, or
(for floor and ceiling of polynomials over q in integer symbols) it is 0 in
every residue class modulo q. It never answers False for an expression with
symbols: SymPy's ``equals`` errs on kinks (floor, ceiling, max, sign), so a
refutation is left to the samplers, which come with a counterexample. Each
step has its own time budget, so one slow simplification cannot eat the check.

>>> n = sp.Symbol("n", integer=True, positive=True)
>>> prove_equal(sp.floor(n / 2), sp.ceiling((n - 1) / 2))
(True, 'residue classes of n mod 2')
>>> prove_equal(sp.Symbol("x") ** 2, sp.Symbol("x"))
(None, '')
"""

from __future__ import annotations

import itertools
import math

import sympy as sp

from ..derivations.outcome import Outcome
from .check_limits import attempt

__all__ = ["prove_equal", "prover"]

STEP = 1.0  # seconds for one simplification step
MAX_CLASSES = 256


def _components(expr) -> list:
    return list(expr) if isinstance(expr, (sp.Tuple, tuple)) else [expr]


def _cancelled(d: sp.Basic) -> sp.Basic:
    return sp.cancel(sp.together(sp.expand(d)))


def _exp_form(d: sp.Basic) -> sp.Basic:
    return _cancelled(sp.powsimp(d.rewrite(sp.exp), combine="exp"))


def _simplified(d: sp.Basic) -> sp.Basic:
    return sp.simplify(d)


def _zero(d: sp.Basic, budget: float = STEP) -> str | None:
    """The name of the step that shows ``d`` is 0, or None."""
    if d == 0:
        return "identical after evaluation"
    steps = [("expand and cancel", _cancelled)]
    if d.has(
        sp.exp,
        sp.log,
        sp.functions.elementary.hyperbolic.HyperbolicFunction,
        sp.functions.elementary.trigonometric.TrigonometricFunction,
        sp.Pow,
    ):
        steps.append(("rewritten in exp, cancelled", _exp_form))
    if sp.count_ops(d) <= 60:
        steps.append(("simplify", _simplified))
    for name, step in steps:
        if attempt(budget, step, d) == 0:
            return name
    return None


def _moduli(d: sp.Basic) -> dict[sp.Symbol, int]:
    """For each integer symbol under a floor or ceiling of a polynomial: the lcm of the denominators."""
    moduli: dict[sp.Symbol, int] = {}
    for atom in d.atoms(sp.floor, sp.ceiling):
        arg = atom.args[0]
        symbols = [s for s in arg.free_symbols if s.is_integer]
        if not symbols or len(symbols) != len(arg.free_symbols):
            continue
        try:
            poly = sp.Poly(sp.expand(arg), *symbols)
        except sp.PolynomialError:
            continue
        if not all(c.is_Rational for c in poly.coeffs()):
            continue
        q = math.lcm(*(int(c.q) for c in poly.coeffs()))
        for s in symbols:
            moduli[s] = math.lcm(moduli.get(s, 1), q)
    return {s: q for s, q in moduli.items() if q > 1}


def _by_residues(d: sp.Basic) -> str | None:
    """Prove ``d`` = 0 for every integer value of its floor/ceiling symbols, one residue class at a time."""
    moduli = _moduli(d)
    if not moduli or math.prod(moduli.values()) > MAX_CLASSES:
        return None
    symbols = sorted(moduli, key=lambda s: s.name)
    fresh = {s: sp.Dummy(f"m_{s.name}", integer=True) for s in symbols}
    for residues in itertools.product(*(range(moduli[s]) for s in symbols)):
        case = d.xreplace({s: moduli[s] * fresh[s] + r for s, r in zip(symbols, residues, strict=True)})
        case = case.replace(lambda e: isinstance(e, (sp.floor, sp.ceiling)), lambda e: type(e)(sp.expand(e.args[0])))
        if _zero(case, STEP / 2) is None:
            return None
    return "residue classes of " + ", ".join(f"{s.name} mod {moduli[s]}" for s in symbols)


def prove_equal(a, b) -> tuple[bool | None, str]:
    """(True, how) when ``a`` = ``b`` is proven; (False, why) for different shapes or constants; else (None, '')."""
    ca, cb = _components(a), _components(b)
    if len(ca) != len(cb):
        return False, f"{len(ca)} components against {len(cb)}"
    ways = []
    for x, y in zip(ca, cb, strict=True):
        x, y = sp.sympify(x), sp.sympify(y)
        if x == y:
            ways.append("identical")
            continue
        d = x - y
        if d.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None, ""
        if d.is_number:
            value = attempt(STEP, lambda e: complex(e.evalf(30)), d)
            scale = attempt(STEP, lambda e: abs(complex(e.evalf(15))), y) if y.is_number else None
            if value is not None and abs(value) > 1e-12 * max(1.0, scale or 1.0):
                return False, f"the constants differ by {sp.sstr(sp.Float(abs(value), 3))}"
            if value is not None and abs(value) > 1e-25 * max(1.0, scale or 1.0):
                return None, ""  # a decimal that rounds the constant: equal to the samples' precision, not exactly
        way = _zero(d) or (attempt(4 * STEP, _by_residues, d) if d.has(sp.floor, sp.ceiling) else None)
        if way is None:
            return None, ""
        ways.append(way)
    return True, "; ".join(sorted(set(ways)))


def prover(claimed, reference):
    """A claim's prover hook: every claimed part against the reference, by :func:`prove_equal`."""

    def prove() -> Outcome:
        results = {label: prove_equal(part, reference) for label, part in claimed}
        failed = [f"{label} ({why})" for label, (r, why) in results.items() if r is False]
        undecided = [label for label, (r, _) in results.items() if r is None]
        if failed:
            return Outcome("exact comparison", False, detail=f"differs: {', '.join(failed)}")
        if undecided:
            return Outcome(
                "expand, cancel, simplify, residue classes", None, detail=f"not proven: {', '.join(undecided)}"
            )
        ways = sorted({why for _, why in results.values()})
        return Outcome(f"proven: {'; '.join(ways)}", True, detail=f"{len(results)} part(s) proven")

    return prove
