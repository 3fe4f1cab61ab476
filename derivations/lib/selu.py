"""SELU's alpha and lambda, derived from the self-normalising fixed point.

Klambauer et al. (2017), "Self-Normalizing Neural Networks": for a standard
normal input z, SELU must keep mean 0 and variance 1,

    E[selu(z)] = lambda (A + alpha B) = 0,  E[selu(z)^2] = lambda^2 (C + alpha^2 D) = 1,

with A = E[z; z > 0], C = E[z^2; z > 0], B = E[e^z - 1; z < 0] and
D = E[(e^z - 1)^2; z < 0]. All four come from the half-line moment generating
functions: completing the square, e^{kz} phi(z) = e^{k^2/2} phi(z - k)
(checked by SymPy), gives M-(k) = E[e^{kz}; z < 0] = e^{k^2/2} Phi(-k) and
M+(k) = E[e^{kz}; z > 0] = e^{k^2/2} Phi(k); then A = M+'(0), C = M+''(0),
B = M-(1) - M-(0), D = M-(2) - 2 M-(1) + M-(0). The first equation is linear
in alpha, the second then gives lambda > 0: both in closed form.

Independently, :func:`numeric_fixed_point` integrates the four moments with
mpmath's quadrature and solves the two equations by Newton's method.
"""

from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from ..errors import BadInputError
from .gaussian import gaussian_density, normal_cdf

__all__ = [
    "agreement_digits",
    "half_line_mgfs",
    "half_line_moments",
    "numeric_fixed_point",
    "output_moments",
    "selu_alpha",
    "selu_lambda",
]

CUT = 22  # numeric_fixed_point integrates over |t| <= CUT
z = sp.Symbol("z", real=True)
k = sp.Symbol("k", real=True)
alpha, lam = sp.symbols("alpha lambda", positive=True)


@lru_cache(maxsize=1)
def half_line_mgfs() -> tuple[sp.Basic, sp.Basic]:
    """(M-(k), M+(k)) = (E[e^{kz}; z < 0], E[e^{kz}; z > 0]) for z ~ N(0, 1).

    >>> half_line_mgfs()[0].subs(k, 0)
    1/2
    """
    density = gaussian_density
    shifted = sp.exp(k * z) * density(z) / (sp.exp(k**2 / 2) * density(z - k))
    if sp.expand(sp.powsimp(sp.expand(shifted))) != 1:
        raise RuntimeError("completing the square failed: e^{kz} phi(z) != e^{k^2/2} phi(z - k)")
    # integral of phi(z - k) over z < 0 is Phi(-k), over z > 0 it is 1 - Phi(-k)
    below = normal_cdf(-k)
    return sp.exp(k**2 / 2) * below, sp.exp(k**2 / 2) * (1 - below)


@lru_cache(maxsize=1)
def half_line_moments() -> dict[str, sp.Basic]:
    """A, B, C, D of the module docstring, in closed form.

    >>> half_line_moments()["C"]
    1/2
    """
    minus, plus = half_line_mgfs()
    at = {n: minus.subs(k, n) for n in (0, 1, 2)}
    return {
        "A": sp.diff(plus, k).subs(k, 0),
        "B": at[1] - at[0],
        "C": sp.diff(plus, k, 2).subs(k, 0),
        "D": at[2] - 2 * at[1] + at[0],
    }


def output_moments(a: sp.Basic = alpha, scale: sp.Basic = lam) -> tuple[sp.Basic, sp.Basic]:
    """(E[selu(z)], E[selu(z)^2]) for z ~ N(0, 1), as functions of alpha and lambda (alpha >= 0).

    >>> mean, second = output_moments(sp.Integer(0), sp.Integer(1))
    >>> mean, second
    (sqrt(2)/(2*sqrt(pi)), 1/2)
    """
    m = half_line_moments()
    return scale * (m["A"] + a * m["B"]), scale**2 * (m["C"] + a**2 * m["D"])


@lru_cache(maxsize=1)
def _solution() -> tuple[sp.Basic, sp.Basic]:
    mean, second = output_moments()
    slope, intercept = sp.Poly(mean / lam, alpha).all_coeffs()  # mean / lambda is linear in alpha
    a_star = -intercept / slope
    spread = sp.Symbol("S", positive=True)  # E[selu(z)^2] / lambda^2, positive
    (l_star,) = (root for root in sp.roots(sp.Poly(lam**2 * spread - 1, lam)) if root.is_positive)
    # written with erfc(1/sqrt 2) = 2 Phi(-1) and erfc(sqrt 2) = 2 Phi(-2), the tail masses involved
    compact = lambda e: sp.factor(e.rewrite(sp.erfc))  # noqa: E731
    return compact(a_star), l_star.subs(spread, compact(second.subs(alpha, a_star) / lam**2))


def selu_alpha() -> sp.Basic:
    """SELU's alpha in closed form, from the fixed point (mean 0, variance 1).

    >>> sp.N(selu_alpha(), 20)
    1.6732632423543772848
    """
    return _solution()[0]


def selu_lambda() -> sp.Basic:
    """SELU's lambda (PyTorch's ``scale``) in closed form, from the fixed point.

    >>> sp.N(selu_lambda(), 20)
    1.0507009873554804934
    """
    return _solution()[1]


@lru_cache(maxsize=4)
def numeric_fixed_point(digits: int = 50) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(alpha, lambda) by mpmath quadrature of the moments and Newton's method, to ``digits``.

    >>> a, l = numeric_fixed_point(30)
    >>> agreement_digits(selu_alpha(), a, 30) >= 29
    True
    """
    if not isinstance(digits, int) or digits < 15:
        raise BadInputError(f"digits must be an integer >= 15, got {digits!r}")
    with mpmath.workdps(digits + 10):
        scale = 1 / mpmath.sqrt(2 * mpmath.pi)
        phi = lambda t: scale * mpmath.exp(-t * t / 2)  # noqa: E731
        # Cut at |t| = CUT rather than mapping the infinite ranges (three times faster). The tails left out
        # are at most (CUT + 1) phi(CUT) < 1e-103 (the t^2 one, by parts and Mills; |expm1| <= 1 below 0).
        if (CUT + 1) * mpmath.npdf(CUT) > mpmath.mpf(10) ** -(digits + 10):
            raise BadInputError(f"digits must be at most 94 (the quadrature stops at |t| = {CUT}), got {digits}")
        moments = {
            "A": mpmath.quad(lambda t: t * phi(t), [0, CUT]),
            "B": mpmath.quad(lambda t: mpmath.expm1(t) * phi(t), [-CUT, 0]),
            "C": mpmath.quad(lambda t: t**2 * phi(t), [0, CUT]),
            "D": mpmath.quad(lambda t: mpmath.expm1(t) ** 2 * phi(t), [-CUT, 0]),
        }

        def equations(a, scale):
            return [
                scale * (moments["A"] + a * moments["B"]),
                scale**2 * (moments["C"] + a**2 * moments["D"]) - 1,
            ]

        return tuple(mpmath.findroot(equations, (mpmath.mpf("1.5"), mpmath.mpf(1))))


def agreement_digits(exact: sp.Basic, numeric: mpmath.mpf, digits: int = 50) -> float:
    """Significant digits on which a closed form and a numeric value agree (at most ``digits``).

    >>> agreement_digits(sp.pi, mpmath.mpf("3.14159"), 30) > 5
    True
    """
    with mpmath.workdps(digits + 10):
        closed = mpmath.mpf(str(sp.N(exact, digits + 10)))
        gap = abs(closed - numeric)
        return float(digits) if gap == 0 else min(float(digits), float(-mpmath.log10(gap / abs(closed))))
