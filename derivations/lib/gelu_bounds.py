"""Certified error bounds of the two GELU approximations, over the whole real line.

Both approximations are gates ``x (1 + tanh h(x)) / 2`` with an odd ``h``:
``h = sqrt(2/pi) (x + a x^3)`` for the tanh form, ``h = c x / 2`` for
``x sigma(c x)``. The error ``e = approximation - GELU`` is then even (checked
symbolically for every bound), so ``sup |e|`` over the real line is the sup
over ``x >= 0``, enclosed in two parts:

- on ``[0, T]`` by Arb branch and bound (:func:`convproof.derivations.lib.intervals.certified_sup`);
- on ``[T, oo)`` by a proven tail bound. With ``h(x) >= k x`` (``k = sqrt(2/pi)``
  for ``a >= 0``, ``k = c/2``) and the Mills ratio ``1 - Phi(x) <= phi(x)/x``:
  ``|e(x)| <= x / (1 + e^{2h}) + x (1 - Phi(x)) <= x e^{-2 k x} + phi(x)``,
  both terms decreasing for ``x >= 1/(2k)``, so their value at ``T`` bounds
  the whole tail.

The relative error ``e / GELU`` is bounded on ``x >= 0`` only (there
``Phi >= 1/2``); on ``x < 0`` it is unbounded or tends to 100 %, because the
gate and ``Phi`` decay at different rates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import flint
import numpy as np
import sympy as sp

from ..errors import BadInputError
from . import activations
from .intervals import SupBound, arb_function, certified_sup
from .symbols import x

__all__ = [
    "FORMS",
    "GeluErrorBound",
    "OptimalityBracket",
    "RelativeErrorBound",
    "approximation",
    "gelu_error_bound",
    "minimax_constant",
    "optimality_bracket",
    "relative_error_bound",
]

FORMS = ("tanh", "sigmoid")
TAIL_FROM = 10


@dataclass(frozen=True)
class GeluErrorBound:
    """Certified sup |approximation - GELU| over the real line, with its details.

    ``lower <= sup_x |e(x)| <= upper``, attained at ``+-argmax`` when
    ``tail < lower`` (``tail`` bounds |e| beyond ``tail_from``); the error at
    x = 1 is ``error_at_1 +- error_at_1_radius``.
    """

    form: str
    constant: sp.Rational
    lower: float
    upper: float
    argmax: float
    tail: float
    tail_from: float
    error_at_1: float
    error_at_1_radius: float
    evaluations: int


@dataclass(frozen=True)
class RelativeErrorBound:
    """Certified sup |approximation - GELU| / GELU over x > 0."""

    form: str
    constant: sp.Rational
    lower: float
    upper: float
    argmax: float
    evaluations: int


def approximation(form: str, constant: sp.Basic, var: sp.Basic = x) -> sp.Basic:
    """The approximation of the given form and constant, as a SymPy expression.

    >>> approximation("sigmoid", sp.Rational(17, 10))
    x/(1 + exp(-17*x/10))
    """
    _check_form(form)
    return activations.gelu_tanh(var, constant) if form == "tanh" else activations.gelu_sigmoid(var, constant)


def _check_form(form: str) -> None:
    if form not in FORMS:
        raise BadInputError(f"form must be one of {FORMS}, not {form!r}")


def _gate_slope(form: str, constant: sp.Rational) -> sp.Basic:
    """k with h(x) >= k x on x >= 0, the rate the tail bound needs."""
    if form == "tanh":
        if constant < 0:
            raise BadInputError(f"the tail bound needs a cubic coefficient >= 0, got {constant}")
        return sp.sqrt(2 / sp.pi)
    if constant <= 0:
        raise BadInputError(f"the sigmoid form needs a scale c > 0, got {constant}")
    return constant / 2


def _published(form: str) -> sp.Rational:
    """The form's published constant: the cubic coefficient 0.044715 or the scale 1.702."""
    return activations.GELU_TANH_CUBIC if form == "tanh" else activations.GELU_SIGMOID_SCALE


def _rational(constant) -> sp.Rational:
    try:
        return sp.Rational(str(constant)) if isinstance(constant, (float, sp.Float)) else sp.Rational(constant)
    except (TypeError, ValueError):
        raise BadInputError(f"the constant must be a real number, got {constant!r}") from None


def _complementary(gate: sp.Basic) -> bool:
    """gate(x) + gate(-x) = 1, proven; for the gate and Phi it makes x (gate - Phi) even."""
    return sp.cancel(sp.together(gate + gate.subs(x, -x) - 1)) == 0


def _sup(expr: sp.Basic) -> SupBound:
    return certified_sup(arb_function(expr, x), arb_function(sp.diff(expr, x), x), 0, TAIL_FROM)


def _resolve(form: str, constant) -> tuple[sp.Rational, sp.Basic, sp.Basic]:
    """The exact constant, the slope k of the tail bound and the proven-complementary gate."""
    _check_form(form)
    constant = _published(form) if constant is None else _rational(constant)
    k = _gate_slope(form, constant)
    if not k * TAIL_FROM >= sp.Rational(1, 2):
        raise BadInputError(f"the tail bound needs x e^(-2kx) decreasing from {TAIL_FROM}: k = {k} is too small")
    gate = sp.cancel(approximation(form, constant) / x)
    if not (_complementary(gate) and _complementary(activations.normal_cdf(x))):
        raise BadInputError(f"the error of the {form} form is not even; the one-sided bound does not apply")
    return constant, k, gate


@lru_cache(maxsize=32)
def gelu_error_bound(form: str = "tanh", constant=None) -> GeluErrorBound:
    """Certified bounds of the error of a GELU approximation (cached per form and constant).

    ``constant`` is the cubic coefficient of the tanh form (default 0.044715)
    or the scale of the sigmoid form (default 1.702), read as an exact decimal.

    >>> bound = gelu_error_bound("sigmoid")
    >>> bound.lower <= bound.upper < 0.1, bound.tail < bound.lower
    (True, True)
    """
    constant, k, _ = _resolve(form, constant)
    error = approximation(form, constant) - activations.gelu(x)
    body = _sup(error)
    at = flint.arb(TAIL_FROM)
    phi = (-(at**2) / 2).exp() / (2 * flint.arb.pi()).sqrt()
    tail = at * (-2 * arb_function(k, x)(at) * at).exp() + phi
    at_1 = arb_function(error, x)(flint.arb(1))
    return GeluErrorBound(
        form=form,
        constant=constant,
        lower=body.lower,
        upper=max(body.upper, float(tail.upper())),
        argmax=body.argmax,
        tail=float(tail.upper()),
        tail_from=TAIL_FROM,
        error_at_1=float(at_1.mid()),
        error_at_1_radius=float(at_1.rad()),
        evaluations=body.evaluations,
    )


@lru_cache(maxsize=8)
def relative_error_bound(form: str = "tanh", constant=None) -> RelativeErrorBound:
    """Certified sup of |approximation / GELU - 1| over x > 0 (where Phi >= 1/2).

    Beyond ``T``: ``|gate/Phi - 1| <= 2 |gate - Phi| <= 2 e^(-2kT) + erfc(T/sqrt 2)``.

    >>> bound = relative_error_bound("tanh")
    >>> 0 < bound.lower <= bound.upper < 0.01
    True
    """
    constant, k, gate = _resolve(form, constant)
    body = _sup(gate / activations.normal_cdf(x) - 1)
    at = flint.arb(TAIL_FROM)
    tail = 2 * (-2 * arb_function(k, x)(at) * at).exp() + (at / flint.arb(2).sqrt()).erfc()
    return RelativeErrorBound(
        form, constant, body.lower, max(body.upper, float(tail.upper())), body.argmax, body.evaluations
    )


# The float search: a grid of x >= 0 fine enough for the minimax constant to ~1e-9.
_GRID = np.linspace(0.0, TAIL_FROM, 20001)


@lru_cache(maxsize=1)
def _grid_gelu() -> np.ndarray:
    return _GRID * 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in _GRID]))


def _float_error(form: str, constant: float) -> np.ndarray:
    gate_arg = math.sqrt(2 / math.pi) * (_GRID + constant * _GRID**3) if form == "tanh" else constant * _GRID / 2
    return np.abs(_GRID * (1 + np.tanh(gate_arg)) / 2 - _grid_gelu())


def _float_sup(form: str, constant: float) -> float:
    """sup |e| on the grid, each local maximum refined by a parabola through its neighbours."""
    err = _float_error(form, constant)
    peaks = np.flatnonzero((err[1:-1] >= err[:-2]) & (err[1:-1] >= err[2:])) + 1
    left, mid, right = err[peaks - 1], err[peaks], err[peaks + 1]
    curvature = left - 2 * mid + right
    with np.errstate(divide="ignore", invalid="ignore"):
        refined = np.where(curvature < 0, mid - (right - left) ** 2 / (8 * curvature), mid)
    return float(refined.max(initial=err.max()))


@lru_cache(maxsize=2)
def minimax_constant(form: str, digits: int = 6) -> sp.Rational:
    """The constant minimising sup |approximation - GELU|, to ``digits`` significant digits.

    Golden-section search on the float sup error, within half and one and a
    half times the published constant; :func:`optimality_bracket` certifies it.

    >>> c = minimax_constant("sigmoid")
    >>> gelu_error_bound("sigmoid", c).upper < gelu_error_bound("sigmoid").lower
    True
    """
    _check_form(form)
    published = float(_published(form))
    low, high = 0.5 * published, 1.5 * published
    ratio = (math.sqrt(5) - 1) / 2
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = _float_sup(form, a), _float_sup(form, b)
    resolution = float(_unit(high, digits)) / 50  # far below the last kept digit
    while high - low > resolution:
        if fa < fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = _float_sup(form, a)
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = _float_sup(form, b)
    best = (low + high) / 2
    unit = _unit(best, digits)
    # the sup error is V-shaped with unequal slopes: take the better of the two neighbouring grid values
    below = sp.Integer(math.floor(best / float(unit))) * unit
    return min((below, below + unit), key=lambda c: _float_sup(form, float(c)))


def _unit(value: float, digits: int) -> sp.Rational:
    """One unit in the last of ``digits`` significant digits of ``value``."""
    return sp.Integer(10) ** (math.floor(math.log10(abs(value))) - digits + 1)


@dataclass(frozen=True)
class OptimalityBracket:
    """Certified: sup error at ``constant +- step`` exceeds the sup at ``constant``."""

    constant: sp.Rational
    step: sp.Rational
    at_constant: GeluErrorBound
    below: float
    above: float

    @property
    def proven(self) -> bool:
        """A local minimiser of the sup error lies strictly inside the bracket."""
        return self.below > self.at_constant.upper and self.above > self.at_constant.upper


def _certified_lower(form: str, constant: sp.Rational) -> float:
    """A certified lower bound of the sup error: |e| in Arb at the float search's peaks."""
    err = _float_error(form, float(constant))
    peaks = np.flatnonzero((err[1:-1] >= err[:-2]) & (err[1:-1] >= err[2:])) + 1
    f = arb_function(approximation(form, constant) - activations.gelu(x), x)
    return max(float(abs(f(flint.arb(float(_GRID[p])))).lower()) for p in peaks)


@lru_cache(maxsize=2)
def optimality_bracket(form: str) -> OptimalityBracket:
    """Certify that the minimax constant is a local minimiser to within one step of its last digit.

    >>> bracket = optimality_bracket("sigmoid")
    >>> bracket.below > bracket.at_constant.upper < bracket.above
    True
    """
    constant = minimax_constant(form)
    step = _unit(float(constant), 6)
    return OptimalityBracket(
        constant=constant,
        step=step,
        at_constant=gelu_error_bound(form, constant),
        below=_certified_lower(form, constant - step),
        above=_certified_lower(form, constant + step),
    )
