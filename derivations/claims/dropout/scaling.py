r"""Q1(c): dropout's scaling, as another report writes it (``y = \frac{m x}{1 - p}``).

Inverted dropout (PyTorch's ``nn.Dropout``, Keras) multiplies each unit ``x`` by a mask ``m``
(1 with probability 1 - p, else 0) and by 1/(1 - p) while training, so the expectation of the
output is ``x`` and nothing is scaled at test time. :func:`scaling_claim` reads a formula of the
output: with a mask (``m``, ``m_i``, ``r``, ``\delta``, ``M``), ``m x / (1 - p)`` is the reference;
without one, the kept unit ``x / (1 - p)``. The formula of the original paper (Srivastava et al.
2014, JMLR 15: no scaling while training, weights times 1 - p at test) is a convention of its own:
a formula that fails the inverted one but is that one is conditional on it.

>>> claim = scaling_claim(r"y = \frac{m \odot x}{1 - p}")
>>> claim.reference
m*x/(1 - p)
"""

from __future__ import annotations

import re

import sympy as sp

from ...claim import Claim, integers, reals
from ...errors import BadInputError
from ...latex.front import parse_chain
from ...outcome import Counterexample, Outcome

__all__ = ["scaling_claim"]

X = sp.Symbol("x", real=True)
P = sp.Symbol("p", nonnegative=True)
MASK = sp.Symbol("m", nonnegative=True)
_NAMES = {name: X for name in ("x", "x_i", "h", "h_i", "a", "a_i")}
_NAMES |= {name: MASK for name in ("m", "m_i", "r", "r_i", "M", "M_i", "delta", "delta_i", "mask")}
_NAMES |= {"p": P, "y": sp.Symbol("y"), "y_i": sp.Symbol("y")}
_PRODUCT = re.compile(r"\\odot|\\circ|\\ast|\*")
_LEFT = re.compile(r"^\s*(?:\\tilde\{[a-z]\}|\\hat\{[a-z]\}|\\text\{Dropout\}\(x\))(?:_i|_\{i\})?\s*=")


def _kept(claimed: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """What the formula gives a kept unit (m = 1) and a dropped one (m = 0)."""
    return claimed.subs(MASK, 1), claimed.subs(MASK, 0)


def _matches(claimed: sp.Expr, kept: sp.Expr, method: str) -> Outcome:
    """The formula against ``kept`` for a kept unit, 0 for a dropped one (with a mask), exactly."""
    on, off = _kept(claimed)
    masked = claimed.has(MASK)
    wrong_on = sp.simplify(on - kept) != 0
    if not wrong_on and (not masked or sp.simplify(off) == 0):
        return Outcome(method, passed=True)
    at = {X: sp.Integer(1), P: sp.Rational(1, 2)}
    got, want = (on, kept) if wrong_on or not masked else (off, sp.Integer(0))
    values = {"x": 1, "p": 0.5} | ({"m": 1 if wrong_on else 0} if masked else {})
    return Outcome(
        method,
        passed=False,
        detail=f"claimed ${sp.latex(got.subs(at))}$, reference ${sp.latex(want.subs(at))}$ at $x = 1, p = 1/2$",
        counterexample=Counterexample(values, float(got.subs(at)), float(want.subs(at)), part="formula"),
    )


def scaling_claim(text: str, claim_id: str = "dropout.inverted_scaling_expectation") -> Claim:
    """The claim that ``text`` writes dropout's output while training, inverted scaling."""
    written = _LEFT.sub("y =", _PRODUCT.sub(r" \\cdot ", text))
    sides = parse_chain(written, _NAMES)
    claimed = sides[-1]
    if not claimed.has(X):
        raise BadInputError(f"{text!r} does not write the output of a unit x (x, x_i, h or a)")
    masked = claimed.has(MASK)
    reference = (MASK * X if masked else X) / (1 - P)
    return Claim(
        id=claim_id,
        where="Q1(c)",
        question="Q1",
        part="c",
        source=text,
        statement=sp.Eq(sp.Symbol("y"), claimed, evaluate=False),
        claimed=(("formula", claimed),),
        reference=reference,
        lhs="y",
        domain={X: reals(-5, 5), P: reals(0, 0.95), MASK: integers(0, 1)},  # sampled by the runner's tier
        prover=lambda: _matches(claimed, X / (1 - P), "kept and dropped units, exactly"),
        conventions=(
            (
                "original dropout (Srivastava et al. 2014): no scaling while training, weights times 1 - p at test",
                lambda size, rng: _matches(claimed, X, "the original paper's training output, exactly"),
            ),
        ),
        derivation=(("inverted dropout while training", sp.Eq(sp.Symbol("y"), reference, evaluate=False)),),
        note=(
            "Inverted dropout: each kept unit is scaled by $1/(1 - p)$ while training ($p$ the rate of dropped "
            "units), so $E[y] = x$ and the network is used unscaled at test time, as PyTorch's nn.Dropout does."
        ),
        reread=scaling_claim,
    )
