"""Q1(a): the claims on MSE, RMSE, NRMSE and RRMSE, built from the report's text.

The three formulas are parsed from the report's LaTeX as sums over i = 1..n
(see :mod:`convproof.derivations.claims.metrics.sums`) and checked for every n. The
report's words about NRMSE and RRMSE are checked on batches of random
datasets (:mod:`convproof.derivations.claims.metrics.hooks`) for what they say the numbers
mean: that a normalised RMSE does not depend on the scale of the data, that
RRMSE is the error relative to the mean, a percentage with quality bands, and
that 10 % of average sales of $10,000 is a $1,000 error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import sympy as sp

from ...checks.torch_oracle import torch_hook
from ...claim import Claim
from ...errors import BadInputError
from ...latex.front import parse_chain
from ...lib.metrics import mse_rows, rmse_rows
from ...outcome import Outcome
from . import hooks as checks
from .iqr import iqr_claim
from .meaning import nrmse_claims, rrmse_meaning_claims
from .sums import MAX_N, NAMES, PRED, TRUE, Draw, evaluate, general_prover, i, mean_of, n, sampled_check

TOPIC = "metrics"

__all__ = ["claims", "formula_claim"]

# The prediction error e_i = yhat_i - y_i (Wikipedia's RMSD; y - yhat elsewhere, equal once squared), its mean
# square, its root, and that root relative to the mean of the predictions.
_ERROR = PRED[i] - TRUE[i]
MSE = sp.Sum(_ERROR**2, (i, 1, n)) / n
RMSE = sp.sqrt(MSE)
RELATIVE = RMSE / mean_of(PRED)

SOURCES = {
    "mse": r"\text{MSE} = \frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2",
    "rmse": r"\text{RMSE} = \sqrt{\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2}",
    "rrmse": r"\text{RRMSE} = \sqrt{\frac{\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2}{\sum_{i=1}^n (\hat{y}_i)^2}}",
}


def _torch_mse(torch, y_true, y_pred):
    loss = torch.nn.functional.mse_loss(torch.tensor(y_pred), torch.tensor(y_true), reduction="none")
    return loss.mean(dim=-1).numpy()


_KINDS = {
    # kind: (reference, NumPy helper of the reference, PyTorch route (torch first), positive predictions only, lhs)
    "mse": (MSE, mse_rows, _torch_mse, False, r"\text{MSE}"),
    "rmse": (RMSE, rmse_rows, lambda torch, y, p: _torch_mse(torch, y, p) ** 0.5, False, r"\text{RMSE}"),
    "rrmse": (
        RELATIVE,
        checks.mean_relative,
        lambda torch, y, p: _torch_mse(torch, y, p) ** 0.5 / p.mean(axis=-1),
        True,
        r"\text{RRMSE}",
    ),
}

_NOTES = {
    "mse": r"The mean of the squared errors over the $n$ samples; the sign of $y_i - \hat{y}_i$ does not matter once squared.",
    "rmse": "The square root of the MSE, in the units of $y$.",
    "rrmse": (
        "Judged against what the report says RRMSE is: the RMSE relative to the mean of the predicted data, "
        r"$\text{RMSE} / \operatorname{mean}(\hat{y})$, a percentage (Despotovic et al. 2016 divide by the mean of "
        "the measured values; the counterexamples of the sales example have both means equal). As written, the "
        r"report divides $\frac{1}{n} \sum_i (y_i - \hat{y}_i)^2$ by the un-normalised $\sum_i \hat{y}_i^2$, so its "
        r"value is $\sqrt{\sum_i (y_i - \hat{y}_i)^2 / \sum_i \hat{y}_i^2} / \sqrt{n}$: it shrinks as the dataset "
        "grows. Predictions are positive (sales)."
    ),
}


def _torch_check(part: sp.Expr, route: Callable[..., np.ndarray], draw: Draw, method: str) -> Callable[..., Outcome]:
    """The oracle hook: :func:`sampled_check` against ``route(torch, y_true, y_pred)``, skipped without PyTorch."""

    def oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
        return sampled_check(part, functools.partial(route, torch), draw, method)(size, rng)

    return torch_hook(oracle)


def formula_claim(kind: str, latex: str | None = None, claim_id: str | None = None) -> Claim:
    """The claim that the report's ``kind`` formula ('mse', 'rmse', 'rrmse') is what it should be.

    ``latex`` (a planted variant in the tests) makes an extension instead of
    the report's own formula.

    >>> formula_claim("mse").claimed[0][1]
    Sum((-\\hat{y}[i] + y[i])**2, (i, 1, n))/n
    """
    if kind not in _KINDS:
        raise BadInputError(f"unknown metric {kind!r}; choose one of {', '.join(_KINDS)}")
    reference, helper, route, positive, lhs = _KINDS[kind]
    text = SOURCES[kind] if latex is None else latex
    sides = parse_chain(text, NAMES)
    part = sides[-1]
    draw = checks.draw_sales if positive else checks.draw_reals
    sizes = rf"$n = 1, \dots, {MAX_N}$"
    return Claim(
        id=claim_id or f"metrics.{kind}",
        where="Q1(a)",
        source=SOURCES[kind] if latex is None else None,
        extension=latex is not None,
        statement=sp.Eq(*sides, evaluate=False) if len(sides) == 2 else part,
        claimed=(("formula", part),),
        reference=reference,
        lhs=lhs,
        prover=general_prover(part, reference, positive=positive),
        checks=(
            (
                "sampled",
                sampled_check(part, lambda y, p: evaluate(reference, y, p), draw, f"lambdify of the sums, {sizes}"),
            ),
            ("brute-force", sampled_check(part, helper, draw, f"NumPy helper of the reference, {sizes}")),
        ),
        oracle=_torch_check(part, route, draw, f"PyTorch's mse_loss in float64, {sizes}"),
        derivation=(
            ("prediction error", sp.Eq(sp.Symbol("e_i"), _ERROR, evaluate=False)),
            ("reference", sp.Eq(sp.Symbol(lhs), reference, evaluate=False)),
        ),
        note=_NOTES[kind],
        reread=functools.partial(formula_claim, kind),
    )


def claims() -> tuple[Claim, ...]:
    """Every Q1(a) claim, in the order of the report."""
    out = (
        formula_claim("mse"),
        formula_claim("rmse"),
        *nrmse_claims(),
        iqr_claim(),
        formula_claim("rrmse"),
        *rrmse_meaning_claims(),
    )
    return tuple(replace(claim, question="Q1", part="a") for claim in out)
