"""Q1(a) formulas for any sample size n: the report's sums and their references.

The LaTeX front reads ``\\sum_{i=1}^n (y_i - \\hat{y}_i)^2`` as a SymPy
``Sum`` over the ``IndexedBase`` objects ``y`` and ``\\hat{y}`` with a
symbolic n. Such a formula is checked in two ways, both for every n:

- :func:`general_prover`: an exact rational dataset on which the two sides
  differ refutes the claim; otherwise ``simplify`` of the difference of the
  ``Sum`` forms must be 0 for symbolic n;
- :func:`sampled_check`: one ``lambdify`` of the ``Sum`` form, evaluated on
  a batch of random datasets for each n = 1..``MAX_N`` at once (1-based
  arrays, one row per index, one column per dataset).

References (definitions from Hyndman & Koehler 2006, "Another look at
measures of forecast accuracy", and Wikipedia's "Root-mean-square deviation"):
MSE is the mean of the squared errors e_i = yhat_i - y_i, RMSE its square
root, and RMSE relative to a mean is RMSE divided by that mean (Despotovic et
al. 2016, Renew. Sustain. Energy Rev. 56, 246-260, whose bands 10/20/30 % the
report quotes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp

from ...checks.numeric import compile_expr
from ...checks.sums import unroll
from ...checks.wording import tex_value
from ...outcome import Counterexample, Outcome

__all__ = [
    "MAX_N",
    "NAMES",
    "PRED",
    "TRUE",
    "Draw",
    "evaluate",
    "general_prover",
    "mean_of",
    "padded",
    "sampled_check",
]

MAX_N = 12
i = sp.Symbol("i", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
TRUE, PRED = sp.IndexedBase("y", real=True), sp.IndexedBase(r"\hat{y}", real=True)
NAMES = {
    "n": n,
    "i": i,
    "y_i": TRUE[i],
    "hat{y}_i": PRED[i],
    "MSE": sp.Symbol(r"\text{MSE}"),
    "RMSE": sp.Symbol(r"\text{RMSE}"),
    "RRMSE": sp.Symbol(r"\text{RRMSE}"),
}

Draw = Callable[[np.random.Generator, int, int], tuple[np.ndarray, np.ndarray]]


def mean_of(base: sp.IndexedBase) -> sp.Expr:
    """The mean of ``base[1..n]``.

    >>> mean_of(PRED)
    Sum(\\hat{y}[i], (i, 1, n))/n
    """
    return sp.Sum(base[i], (i, 1, n)) / n


def padded(values: np.ndarray) -> np.ndarray:
    """A batch ``(datasets, n)`` as the 1-based array ``(n + 1, datasets)`` a lambdified Sum reads.

    >>> padded(np.array([[1.0, 2.0]])).tolist()
    [[nan], [1.0], [2.0]]
    """
    values = np.asarray(values, dtype=float)
    return np.vstack([np.full((1, values.shape[0]), np.nan), values.T])


def evaluate(expr: sp.Expr, y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """A ``Sum`` form on a batch ``(datasets, n)`` of datasets of one size (compiled once, cached).

    >>> evaluate(mean_of(TRUE), np.array([[1.0, 3.0]]), np.zeros((1, 2)))
    array([2.])
    """
    size = np.shape(y_true)[-1]
    with np.errstate(all="ignore"):
        value = compile_expr(expr, (TRUE, PRED, n))(padded(y_true), padded(y_pred), size)
    return np.broadcast_to(np.asarray(value, dtype=float), (np.shape(y_true)[0],))


def _witnesses(positive: bool) -> list[tuple[list[sp.Rational], list[sp.Rational]]]:
    """Small exact datasets for n = 1..4 (predictions positive where the claim needs it)."""
    out = []
    for size in range(1, 5):
        pred = [sp.Integer(j + 1) for j in range(1, size + 1)]
        if not positive:
            pred = [p * (-1) ** j for j, p in enumerate(pred)]
        true = [p + sp.Rational((-1) ** j * j, 3) for j, p in enumerate(pred, start=1)]
        out.append((true, pred))
    return out


def _at(expr: sp.Expr, true: Sequence[sp.Rational], pred: Sequence[sp.Rational]) -> sp.Expr:
    values = {TRUE[j]: v for j, v in enumerate(true, start=1)} | {PRED[j]: v for j, v in enumerate(pred, start=1)}
    # expanded first, so the details keep their wording: 1/(n - 1) at n = 1 reads nan there, zoo without it
    return sp.expand(unroll(expr, {n: len(true)})).xreplace(values)


def general_prover(part: sp.Expr, reference: sp.Expr, *, positive: bool = False) -> Callable[[], Outcome]:
    """The symbolic tier for a ``Sum`` form: refute on exact data, else prove for symbolic n.

    ``positive`` restricts the exact datasets to positive predictions (a
    mean that must not vanish).

    >>> general_prover(mean_of(TRUE), sp.Sum(TRUE[i], (i, 1, n)) / n)().passed
    True
    >>> general_prover(mean_of(TRUE), sp.Sum(TRUE[i], (i, 1, n)) / (n + 1))().detail
    'claimed $\\\\frac{5}{3}$, reference $\\\\frac{5}{6}$ at $n = 1$, $y = (5/3), \\\\hat{y} = (2)$'
    """

    def prove() -> Outcome:
        for true, pred in _witnesses(positive):
            got, want = _at(part, true, pred), _at(reference, true, pred)
            gap = sp.N(got - want, 30)
            if not gap.is_finite or abs(gap) > 1e-20 * (1 + abs(sp.N(want, 30))):
                shown = ", ".join(
                    f"{name} = ({', '.join(map(tex_value, v))})" for name, v in (("y", true), (r"\hat{y}", pred))
                )
                detail = f"claimed ${sp.latex(got)}$, reference ${sp.latex(want)}$ at $n = {len(true)}$, ${shown}$"
                return Outcome("exact evaluation on rational data", passed=False, detail=detail)
        if sp.simplify(part - reference) == 0:
            return Outcome("SymPy simplifies the difference to $0$ for symbolic $n$", passed=True)
        return Outcome("SymPy simplification of the difference for symbolic $n$", passed=None, detail="undecided")

    return prove


def sampled_check(
    part: sp.Expr,
    target: Callable[[np.ndarray, np.ndarray], np.ndarray],
    draw: Draw,
    method: str,
    *,
    value: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    smallest: int = 1,
) -> Callable[[int, np.random.Generator], Outcome]:
    """The claim on random datasets of every size n = 1..MAX_N, against ``target(y_true, y_pred)``.

    ``draw(rng, datasets, n)`` returns ``(y_true, y_pred)`` of shape
    ``(datasets, n)``; the counterexample is a failing dataset of the
    smallest size.

    >>> draw = lambda rng, count, size: (rng.normal(size=(count, size)), rng.normal(size=(count, size)))
    >>> check = sampled_check(mean_of(TRUE), lambda y, p: y.mean(axis=-1), draw, "means")
    >>> check(120, np.random.default_rng(0)).passed
    True
    """

    claimed = value or (lambda y_true, y_pred: evaluate(part, y_true, y_pred))

    def check(size: int, rng: np.random.Generator) -> Outcome:
        batch = max(1, -(-size // (MAX_N + 1 - smallest)))
        worst, done = 0.0, 0
        for count in range(smallest, MAX_N + 1):
            y_true, y_pred = draw(rng, batch, count)
            got, want = claimed(y_true, y_pred), target(y_true, y_pred)
            error = np.nan_to_num(np.abs(got - want), nan=np.inf)
            bad = ~np.isclose(got, want, rtol=1e-9, atol=1e-12)
            done += batch
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                values = {"n": count, "y": y_true[row].tolist(), "hat_y": y_pred[row].tolist()}
                return Outcome(
                    method,
                    passed=False,
                    samples=done,
                    max_abs_error=float(error.max()),
                    detail=f"differs at $n = {count}$",
                    counterexample=Counterexample(values, float(got[row]), float(want[row]), part="formula"),
                )
            worst = max(worst, float(error.max()))
        return Outcome(method, passed=True, samples=done, max_abs_error=worst, tolerance="rtol=1e-9")

    return check
