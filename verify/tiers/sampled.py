"""Tier 2: random instances, vectorised; and brute force by simulation."""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy as sp

from ...derivations.checks.numeric import evaluate
from ...derivations.claim import Claim
from ...derivations.outcome import Counterexample, Outcome
from ..samplers import sample_domain
from .symbolic import ReferenceMismatch

__all__ = ["brute_tier", "sampled_tier"]

BRUTE_LIMIT = 48


def _py(value) -> Any:
    value = np.asarray(value).item() if np.ndim(value) == 0 else np.asarray(value).tolist()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _mismatch(claimed: np.ndarray, reference: np.ndarray, tolerance) -> np.ndarray:
    rtol, atol = tolerance
    ok = np.isclose(claimed, reference, rtol=rtol, atol=atol) | (np.isnan(reference) & np.isnan(claimed))
    return ~ok.all(axis=1)


def _counterexample(
    claim: Claim, samples, bad: np.ndarray, part: str, got: np.ndarray, want: np.ndarray
) -> Counterexample:
    """The failing instance with the smallest inputs, as plain Python numbers."""
    rows = np.flatnonzero(bad)
    weight = sum(np.abs(samples[sym][rows]) for sym in claim.symbols) if claim.symbols else np.zeros(len(rows))
    row = int(rows[np.argmin(weight)])
    values = {sym.name: _py(samples[sym][row]) for sym in claim.symbols}
    squeeze = (lambda a: _py(a[row, 0])) if got.shape[1] == 1 else (lambda a: [_py(v) for v in a[row]])
    return Counterexample(values, squeeze(got), squeeze(want), part)


def _general_size(claim: Claim) -> bool:
    """True when the claim is about symbolic sizes (``Indexed`` terms): nothing to draw for them."""
    return any(isinstance(e, sp.Basic) and e.has(sp.Indexed) for e in (claim.reference, *dict(claim.claimed).values()))


def sampled_tier(claim: Claim, size: int, rng: np.random.Generator) -> Outcome:
    """Compare every claimed part with the reference on ``size`` random instances."""
    method = "vectorised lambdify"
    if _general_size(claim):
        detail = "general-size (indexed) expressions are not drawn here; the claim's own checks unroll them"
        return Outcome(method, None, detail=detail)
    samples = sample_domain(claim, size if claim.symbols else 1, rng)
    n = len(next(iter(samples.values()))) if samples else 1
    if n == 0:
        raise ValueError(f"{claim.id}: no instance of its domain satisfies its constraint")
    args, columns = claim.symbols, [samples[s] for s in claim.symbols]
    reference = evaluate(claim.reference, args, columns, n)
    done = {claim.reference: reference}  # a part written like the reference or like another part is evaluated once
    worst, counterexample = 0.0, None
    for label, part in claim.claimed:
        if part not in done:
            done[part] = evaluate(part, args, columns, n)
        claimed = done[part]
        if claimed.shape != reference.shape:
            wrong = Counterexample({}, claimed.shape[1], reference.shape[1], label)
            return Outcome(method, False, n, detail=f"{label}: wrong number of components", counterexample=wrong)
        with np.errstate(invalid="ignore"):
            error = np.nan_to_num(np.abs(claimed - reference), nan=np.inf)
        worst = max(worst, float(error.max()) if error.size else 0.0)
        bad = _mismatch(claimed, reference, claim.tolerance)
        if bad.any() and counterexample is None:
            counterexample = _counterexample(claim, samples, bad, label, claimed, reference)
    tol = f"rtol={claim.tolerance[0]:g}, atol={claim.tolerance[1]:g}"
    passed = counterexample is None
    detail = "" if passed else f"{counterexample.part} differs"
    return Outcome(method, passed, n, worst, tol, detail, counterexample)


def brute_tier(claim: Claim, size: int, rng: np.random.Generator) -> Outcome:
    """Simulate each instance (real convolutions) and compare with reference and claim."""
    samples = sample_domain(claim, min(size, BRUTE_LIMIT) if claim.symbols else 1, rng)
    n = len(next(iter(samples.values()))) if samples else 1
    args, columns = claim.symbols, [samples[s] for s in claim.symbols]
    measured = np.array(
        [np.atleast_1d(claim.brute({s.name: _py(samples[s][row]) for s in args})) for row in range(n)], dtype=float
    )
    reference = evaluate(claim.reference, args, columns, n)
    if _mismatch(measured, reference, claim.tolerance).any():
        raise ReferenceMismatch(f"{claim.id}: brute force disagrees with the reference {sp.sstr(claim.reference)}")
    for label, part in claim.claimed:
        claimed = evaluate(part, args, columns, n)
        if claimed.shape != measured.shape:
            continue  # the sampled tier already reports a part of the wrong shape
        bad = _mismatch(claimed, measured, claim.tolerance)
        if bad.any():
            ce = _counterexample(claim, samples, bad, label, claimed, measured)
            return Outcome("simulation with NumPy", False, n, detail=f"{label} differs", counterexample=ce)
    return Outcome("simulation with NumPy; agrees with the reference", True, n)
