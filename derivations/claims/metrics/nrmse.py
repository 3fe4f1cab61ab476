r"""Q1(a): NRMSE as a formula, one quantity per normaliser (mean, max, range, std, IQR).

The vendored report names its normalisers in words (:mod:`.meaning`); another report may write
``\text{NRMSE} = \frac{\text{RMSE}}{y_{max} - y_{min}}``. :func:`nrmse_formula_claim` reads such a
formula: the RMSE (by name, or written out as its sum), and the statistics of the true values
as the names people give them (``\bar{y}``, ``\mu``; ``y_{max}``, ``\max(y)``; ``y_{min}``;
``\sigma``, ``\sigma_y``; ``Q_1``, ``Q_3``, ``\text{IQR}``). The reference is the RMSE divided
by the normaliser (population std, NumPy's linear percentiles, as :mod:`convproof.derivations.lib.metrics`).
The statistics stay symbols in the symbolic tier: a formula is proved when SymPy cancels the
difference, refuted when it differs on exact small datasets with the statistics computed from
them; the sampled tier evaluates both sides on random positive datasets of every size.

>>> nrmse_formula_claim("range", r"\text{NRMSE} = \frac{\text{RMSE}}{y_{max} - y_{min}}").claimed[0][1].free_symbols >= {Y_MAX}
True
"""

from __future__ import annotations

import functools
import re

import numpy as np
import sympy as sp

from ...checks.numeric import compile_expr
from ...checks.sums import unroll
from ...claim import Claim
from ...errors import BadInputError
from ...latex.front import parse_chain
from ...lib.metrics import NORMALIZERS, normaliser_rows, rmse_rows
from ...outcome import Counterexample, Outcome
from .hooks import draw_sales
from .sums import MAX_N, NAMES, PRED, TRUE, i, n, padded, sampled_check

__all__ = ["NORMALISER", "SHOWN", "Y_MAX", "note", "nrmse_formula_claim"]

Y_MEAN, Y_MAX, Y_MIN, Y_STD = sp.symbols(r"\bar{y} y_{\max} y_{\min} \sigma_y", positive=True)
Q1, Q3 = sp.symbols("Q_1 Q_3", positive=True)
STATISTICS = (Y_MEAN, Y_MAX, Y_MIN, Y_STD, Q1, Q3)
RMSE = sp.sqrt(sp.Sum((PRED[i] - TRUE[i]) ** 2, (i, 1, n)) / n)
RMSE_NAME = sp.Symbol(r"\text{RMSE}", positive=True)
NORMALISER = {"mean": Y_MEAN, "max": Y_MAX, "range": Y_MAX - Y_MIN, "std": Y_STD, "iqr": Q3 - Q1}
SHOWN = {
    "mean": r"\bar{y}",
    "max": r"y_{\max}",
    "range": r"y_{\max} - y_{\min}",
    "std": r"\sigma_y",
    "iqr": r"Q_3 - Q_1",
}
_NAMES = NAMES | {
    "RMSE": RMSE,
    "bar{y}": Y_MEAN,
    "mu": Y_MEAN,
    "mu_y": Y_MEAN,
    "y_{max}": Y_MAX,
    "y_{min}": Y_MIN,
    "sigma": Y_STD,
    "sigma_y": Y_STD,
    "Q_1": Q1,
    "Q_3": Q3,
    "IQR": Q3 - Q1,
    "NRMSE": sp.Symbol(r"\text{NRMSE}"),
}
# \max(y), \max_i y_i, y_{\max}, y_{\text{max}}: the largest true value (SymPy would read Max(y) as y)
_SPELLINGS = (
    (re.compile(r"\\(?:mathrm|operatorname|textrm|text|mathit)\{\s*(NRMSE|RMSE|IQR)\s*\}"), r"\1"),
    (re.compile(r"\\(max|min)\s*(?:_\{?i\}?\s*)?(?:\(\s*y(?:_i)?\s*\)|\{\s*y(?:_i)?\s*\}|y_i\b|y\b)"), r"y_{\1}"),
    (re.compile(r"y_\{\s*\\(max|min)\s*\}"), r"y_{\1}"),
    (re.compile(r"y_\{\s*\\(?:text|mathrm|rm)\{\s*(max|min)\s*\}\s*\}"), r"y_{\1}"),
)


def _read(text: str) -> str:
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def _statistics(values: list[sp.Rational]) -> dict[sp.Symbol, sp.Expr]:
    """The statistics of exact true values (population std, linear percentiles as NumPy)."""
    ordered, count = sorted(values), len(values)
    mean = sp.Add(*values) / count

    def percentile(q: sp.Rational) -> sp.Expr:
        at = q * (count - 1)
        low = int(sp.floor(at))
        high = min(low + 1, count - 1)
        return ordered[low] + (at - low) * (ordered[high] - ordered[low])

    std = sp.sqrt(sp.Add(*((v - mean) ** 2 for v in values)) / count)
    return {
        Y_MEAN: mean,
        Y_MAX: ordered[-1],
        Y_MIN: ordered[0],
        Y_STD: std,
        Q1: percentile(sp.Rational(1, 4)),
        Q3: percentile(sp.Rational(3, 4)),
    }


def _exact(expr: sp.Expr, true: list, pred: list) -> sp.Expr:
    data = {TRUE[j]: v for j, v in enumerate(true, start=1)} | {PRED[j]: v for j, v in enumerate(pred, start=1)}
    return sp.expand(unroll(expr, {n: len(true)})).xreplace(data).xreplace(_statistics(true))


def _prover(part: sp.Expr, reference: sp.Expr):
    def prove() -> Outcome:
        for size in (2, 3, 4, 5):
            true = [sp.Integer(3 * j + j * j % 5 + 1) for j in range(1, size + 1)]
            pred = [v + sp.Rational((-1) ** j * j, 2) for j, v in enumerate(true, start=1)]
            got, want = _exact(part, true, pred), _exact(reference, true, pred)
            if not (got - want).equals(0):
                detail = f"claimed ${sp.latex(sp.nsimplify(got))}$, reference ${sp.latex(want)}$ at $n = {size}$"
                values = {"n": size, "y": [int(v) for v in true], "hat_y": [float(v) for v in pred]}
                return Outcome(
                    "exact evaluation on small datasets, the statistics computed from them",
                    passed=False,
                    detail=detail,
                    counterexample=Counterexample(values, float(sp.N(got)), float(sp.N(want)), part="formula"),
                )
        if sp.simplify(part - reference) == 0:
            return Outcome("SymPy simplifies the difference to $0$, the statistics as symbols", passed=True)
        return Outcome("SymPy simplification of the difference", passed=None, detail="undecided")

    return prove


def _stat_rows(y_true: np.ndarray) -> list[np.ndarray]:
    return [normaliser_rows(y_true, name) for name in ("mean", "max")] + [
        np.min(y_true, axis=-1),
        normaliser_rows(y_true, "std"),
        np.percentile(y_true, 25, axis=-1),
        np.percentile(y_true, 75, axis=-1),
    ]


def _sampled(part: sp.Expr, normaliser: str):
    compiled = compile_expr(part, (TRUE, PRED, n, *STATISTICS))
    method = (
        rf"lambdify of the formula against $\text{{RMSE}} / ({SHOWN[normaliser]})$ (NumPy), $n = 2, \dots, {MAX_N}$"
    )

    def claimed(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            got = compiled(padded(y_true), padded(y_pred), y_true.shape[-1], *_stat_rows(y_true))
        return np.broadcast_to(np.asarray(got, dtype=float), (y_true.shape[0],))

    def target(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
        return rmse_rows(y_true, y_pred) / normaliser_rows(y_true, normaliser)

    return sampled_check(part, target, draw_sales, method, value=claimed, smallest=2)


def note(normaliser: str) -> str:
    """The reading of an NRMSE formula by ``normaliser``.

    >>> print(note("iqr")[:40])
    The RMSE divided by $Q_3 - Q_1$, a stati
    """
    return (
        f"The RMSE divided by ${SHOWN[normaliser]}$, a statistic of the true values "
        "(standard deviation with ddof=0, NumPy's linear quartiles); positive data (sales)."
    )


def nrmse_formula_claim(normaliser: str, text: str, claim_id: str | None = None) -> Claim:
    """The claim that ``text`` writes NRMSE by ``normaliser`` (one of mean, max, range, std, iqr).

    >>> nrmse_formula_claim("max", r"NRMSE = \\frac{RMSE}{y_{\\max}}").reference.has(Y_MAX)
    True
    """
    if normaliser not in NORMALISER or normaliser not in NORMALIZERS:
        raise BadInputError(f"unknown normaliser {normaliser!r}; choose one of {', '.join(NORMALISER)}")
    sides = parse_chain(_read(text), _NAMES, words=("NRMSE", "RMSE", "IQR"))
    part = sides[-1]
    reference = RMSE / NORMALISER[normaliser]
    return Claim(
        id=claim_id or f"metrics.nrmse_{normaliser}",
        where="Q1(a), NRMSE",
        question="Q1",
        part="a",
        source=text,
        statement=sp.Eq(*sides[-2:], evaluate=False) if len(sides) > 1 else part,
        claimed=(("formula", part),),
        reference=reference,
        readable=RMSE_NAME / NORMALISER[normaliser],  # the RMSE by its name (a test proves it is the reference)
        lhs=r"\text{NRMSE}",
        prover=_prover(part, reference),
        checks=(("sampled", _sampled(part, normaliser)),),
        derivation=(("reference", sp.Eq(sp.Symbol(r"\text{NRMSE}"), reference, evaluate=False)),),
        note=note(normaliser),
        reread=functools.partial(nrmse_formula_claim, normaliser),
    )
