"""The standard normal density and CDF in SymPy (GELU's Phi, SELU's moments)."""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

__all__ = ["gaussian_density", "normal_cdf"]


@lru_cache(maxsize=1)
def _cdf_in_t() -> tuple[sp.Symbol, sp.Basic]:
    # manual=True: SymPy's rule-based integrator finds the erf antiderivative at once (risch takes seconds)
    t, u = sp.Symbol("t", real=True), sp.Symbol("u", real=True)
    return u, sp.integrate(gaussian_density(t), (t, -sp.oo, u), manual=True)


def gaussian_density(x: sp.Basic) -> sp.Basic:
    """The standard normal density exp(-x^2/2) / sqrt(2 pi).

    >>> gaussian_density(sp.Integer(0))
    sqrt(2)/(2*sqrt(pi))
    """
    return sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi)


def normal_cdf(x: sp.Basic) -> sp.Basic:
    """The standard normal CDF, integrated from the Gaussian density by SymPy.

    >>> normal_cdf(sp.Symbol("x"))
    erf(sqrt(2)*x/2)/2 + 1/2
    """
    t, cdf = _cdf_in_t()
    return cdf.subs(t, x)
