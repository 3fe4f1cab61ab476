"""Statistical acceptance tests with an explicit false-alarm rate, computed exactly.

A random layer (dropout) is judged by drawing from it: a check then accepts
what the claimed law makes likely and rejects the rest. Each test here states
its false-alarm rate ``alpha``: if the claim is true, the test rejects with
probability at most ``alpha``. The binomial tails are summed in exact integer
arithmetic (no floating point, no SciPy), so the stated rate is a bound.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ..errors import BadInputError

__all__ = ["DEFAULT_ALPHA", "binomial_acceptance", "hoeffding_halfwidth"]

# One false alarm in a million runs of a true claim.
DEFAULT_ALPHA = Fraction(1, 10**6)


def _probability(p: Fraction | float | int, name: str = "p") -> Fraction:
    """A probability as an exact fraction; a float is read as the decimal it prints as."""
    if isinstance(p, bool) or not isinstance(p, (Fraction, float, int)):
        raise BadInputError(f"{name} must be a number in [0, 1], got {p!r}")
    value = Fraction(repr(p)) if isinstance(p, float) else Fraction(p)
    if not 0 <= value <= 1:
        raise BadInputError(f"{name} must lie in [0, 1], got {p!r}")
    return value


def binomial_acceptance(n: int, p: Fraction | float, alpha: Fraction | float = DEFAULT_ALPHA) -> tuple[int, int]:
    """The exact two-sided acceptance interval ``[low, high]`` of Binomial(n, p).

    ``P(X < low) <= alpha/2`` and ``P(X > high) <= alpha/2``, each as large
    as it can be, so a count outside ``[low, high]`` is rejected with a
    false-alarm rate of at most ``alpha``.

    >>> binomial_acceptance(10, Fraction(1, 2), Fraction(1, 10))
    (2, 8)
    >>> binomial_acceptance(2000, 0.25)
    (407, 597)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise BadInputError(f"n must be a non-negative integer, got {n!r}")
    prob, level = _probability(p), _probability(alpha, "alpha")
    if not 0 < level < 1:
        raise BadInputError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")
    if prob in (0, 1):
        return (0, 0) if prob == 0 else (n, n)
    # P(X = j) = w_j / b**n with integer weights w_j = C(n, j) a**j c**(n - j).
    a, b = prob.numerator, prob.denominator
    c = b - a
    budget = level / 2 * b**n  # a tail of weight <= budget has probability <= alpha / 2

    low, tail, weight = 0, 0, c**n
    while tail + weight <= budget:
        tail += weight
        weight = weight * (n - low) * a // ((low + 1) * c)
        low += 1
    high, tail, weight = n, 0, a**n
    while tail + weight <= budget:
        tail += weight
        weight = weight * high * c // ((n - high + 1) * a)
        high -= 1
    return low, high


def hoeffding_halfwidth(n: int, value_range: float, alpha: float = float(DEFAULT_ALPHA)) -> float:
    """Half-width t with P(|mean - E| >= t) <= alpha for n independent values in a range.

    Hoeffding's inequality: P(|mean - E| >= t) <= 2 exp(-2 n t^2 / range^2).

    >>> round(hoeffding_halfwidth(2000, 2.0), 4)
    0.1205
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise BadInputError(f"n must be a positive integer, got {n!r}")
    if not value_range >= 0:
        raise BadInputError(f"value_range must be >= 0, got {value_range!r}")
    if not 0 < alpha < 1:
        raise BadInputError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")
    return value_range * math.sqrt(math.log(2 / alpha) / (2 * n))
