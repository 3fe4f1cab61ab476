"""Q1(d): the standardisation formula, the report's or another's (``\\hat{x}_i = (x_i - \\mu_B) / \\sigma_B``).

Applied to a symbolic mini-batch of two values, and to a batch of any size by the ``IndexedBase``
proof of :mod:`convproof.derivations.claims.batchnorm.hooks`, the formula must give mean 0 and
variance 1. Other reports' names are read as the report's (Ioffe & Szegedy 2015 write ``\\mu_B``,
``\\sigma_B^2`` and ``\\epsilon``); a formula with an epsilon is judged with PyTorch's, and
``\\epsilon = 0`` is a convention of its own.
"""

from __future__ import annotations

import sympy as sp

from ...checks.numeric import compile_expr
from ...claim import Claim
from ...latex.front import parse_chain
from ...lib.batchnorm import batch_mean, batch_variance
from ...outcome import Outcome
from . import hooks as checks
from . import oracle
from .batch import BATCH, DOMAIN

__all__ = ["EPS", "FORMULA_NAMES", "MEAN", "STD", "X", "formula_claim", "formula_moments"]


# The names of the report's formula, as the parser produces them.
X, MEAN, STD = sp.Symbol("X_i", real=True), sp.Symbol("Mean_i", real=True), sp.Symbol("StdDev_i", positive=True)
EPS = sp.Symbol("epsilon", positive=True)
PYTORCH_EPS = sp.Rational(1, 10**5)
FORMULA_NAMES = {"X_i": X, "Mean_i": MEAN, "StdDev_i": STD}
# The names other reports give them (Ioffe & Szegedy 2015 write mu_B, sigma_B^2 and epsilon)
_ALIASES = (
    dict.fromkeys(("x_i", "x", "hat{x}_i", "hat{x}", "X"), X)
    | dict.fromkeys(("mu_B", "mu", "mu_i", "bar{x}", "Mean"), MEAN)
    | dict.fromkeys(("sigma_B", "sigma", "sigma_i", "StdDev"), STD)
    | dict.fromkeys(("epsilon", "varepsilon", "eps"), EPS)
)
_WORDS = ["Mean", "StdDev", "eps"]


def formula_moments(rhs: sp.Basic, values=BATCH) -> sp.Tuple:
    """(mean, biased variance) of a batch after a normalisation formula in X_i, Mean_i, StdDev_i.

    >>> formula_moments((X - MEAN) / STD)
    (0, 1)
    >>> sp.factor(formula_moments(X - MEAN)[1])
    (x_1 - x_2)**2/4
    """
    statistics = {MEAN: batch_mean(values), STD: sp.sqrt(batch_variance(values))}
    normalised = [rhs.subs({X: v, **statistics}) for v in values]
    return sp.Tuple(*(sp.simplify(m) for m in (batch_mean(normalised), batch_variance(normalised))))


def _without_eps(rhs: sp.Basic) -> Outcome:
    moments = formula_moments(rhs.subs(EPS, 0))
    return Outcome(
        r"the formula with $\epsilon = 0$ on the symbolic batch",
        passed=moments == sp.Tuple(0, 1),
        detail=f"mean ${sp.latex(moments[0])}$, biased variance ${sp.latex(moments[1])}$",
    )


def formula_claim(src: str = r"X_i = \frac{X_i - Mean_i}{StdDev_i}") -> Claim:
    sides = parse_chain(src, FORMULA_NAMES | _ALIASES, words=_WORDS)
    written = sides[-1]
    # With an epsilon (as frameworks add to the variance), judged with PyTorch's; epsilon = 0 is a convention.
    rhs = written.subs(EPS, PYTORCH_EPS)
    conventions = ()
    if written.has(EPS):
        name = r"$\epsilon = 0$ (frameworks add $\epsilon$ to the variance: PyTorch $10^{-5}$, variance $V/(V + \epsilon)$)"
        conventions = ((name, lambda size, rng: _without_eps(written)),)
    return Claim(
        id="batchnorm.standardise",
        where="Q1(d)",
        source=src,
        statement=sp.Eq(*sides[-2:], evaluate=False) if len(sides) > 1 else written,
        claimed=(("(mean, variance) of the normalised batch", formula_moments(rhs)),),
        reference=sp.Tuple(0, 1),
        lhs=r"(\mathrm{mean}, \mathrm{var})",
        domain=dict(DOMAIN),
        checks=(("symbolic", checks.general_batch_proof(rhs, X, MEAN, STD)),),
        oracle=oracle.formula_oracle(compile_expr(rhs, (X, MEAN, STD))),
        conventions=conventions,
        reread=formula_claim,
        derivation=(
            ("batch mean", sp.Eq(sp.Symbol("Mean_i"), batch_mean(BATCH), evaluate=False)),
            (
                "biased batch variance",
                sp.Eq(sp.Symbol("StdDev_i") ** 2, sp.factor(batch_variance(BATCH)), evaluate=False),
            ),
        ),
        note=(
            "Applied to every value of a feature in a mini-batch, the formula should give mean 0 and variance 1. "
            r"The $=$ is an assignment ($X_i$ is overwritten). $\mathrm{StdDev}_i$ is read as the biased "
            "(population) standard deviation, as batch norm uses; with the unbiased one the variance would be "
            r"$(n-1)/n$. The report has no $\varepsilon$; PyTorch adds $\varepsilon = 10^{-5}$ to the variance $V$, "
            r"so its output has variance $V/(V + \varepsilon)$."
        ),
    )
