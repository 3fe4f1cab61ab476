"""Q1(a): the interquartile range ``Q_3 - Q_1``, one of the report's NRMSE normalisers.

Q_1 and Q_3 are NumPy's default (linear) percentiles: the sorted values sit
at probabilities 0, 1/(n-1), ..., 1 and the quantile function joins them by
straight lines. The reference computes Q_3 - Q_1 another way, as the rise of
that quantile function over the middle half [1/4, 3/4] summed gap by gap.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...claim import Claim, reals
from ...errors import BadInputError
from ...latex.front import parse, split_chain
from ...outcome import Outcome
from .sums import MAX_N

__all__ = ["IQR_N", "iqr_claim", "middle_half_width", "quartile"]

SOURCE = r"Q_3 - Q_1"
IQR_N = 8


def quartile(sorted_values, fraction: sp.Rational) -> sp.Expr:
    """NumPy's default (linear) percentile of ascending ``sorted_values`` at ``fraction``.

    >>> quartile(sp.symbols("a b c d"), sp.Rational(1, 4))
    a/4 + 3*b/4
    """
    if not len(sorted_values) or not 0 <= sp.Rational(fraction) <= 1:
        raise BadInputError(f"quartile needs at least one value and a fraction in [0, 1], got {fraction!r}")
    position = (len(sorted_values) - 1) * sp.Rational(fraction)
    low = int(sp.floor(position))
    if low == len(sorted_values) - 1:
        return sorted_values[low]
    step = position - low
    return sorted_values[low] + step * (sorted_values[low + 1] - sorted_values[low])


def middle_half_width(sorted_values) -> sp.Expr:
    """Q3 - Q1 as the rise of the piecewise-linear quantile function over [1/4, 3/4].

    Sorted value j sits at probability (j - 1)/(n - 1); each gap rises at
    slope gap * (n - 1) over the part of its span inside the middle half.

    >>> middle_half_width(sp.symbols("a b c d e"))
    -b + d
    """
    last = len(sorted_values) - 1
    quarter, three = sp.Rational(1, 4), sp.Rational(3, 4)
    total = sp.Integer(0)
    for j in range(last):
        overlap = sp.Max(0, sp.Min(sp.Rational(j + 1, last), three) - sp.Max(sp.Rational(j, last), quarter))
        total += (sorted_values[j + 1] - sorted_values[j]) * last * overlap
    return total


def _sorted_symbols(size: int):
    start = sp.Symbol("s_1", real=True)
    gaps = sp.symbols(f"g_2:{size + 1}", nonnegative=True)
    values = [start]
    for gap in gaps:
        values.append(values[-1] + gap)
    return start, gaps, values


def _iqr_every_size(size: int, rng) -> Outcome:
    for count in range(2, MAX_N + 1):
        _, _, values = _sorted_symbols(count)
        written = parse(
            SOURCE, {"Q_1": quartile(values, sp.Rational(1, 4)), "Q_3": quartile(values, sp.Rational(3, 4))}
        )
        if sp.expand(written - middle_half_width(values)) != 0:
            return Outcome("exact, for every $n$", passed=False, detail=f"differs at $n = {count}$")
    return Outcome(
        rf"exact for every $n = 2, \dots, {MAX_N}$: NumPy's linear quartiles against the rise over the middle half",
        passed=True,
    )


def iqr_claim(source: str = SOURCE) -> Claim:
    """The claim that ``Q_3 - Q_1`` is the width of the middle half of the data.

    >>> iqr_claim().reference
    g_3/4 + g_4 + g_5 + g_6 + g_7/4
    """
    start, gaps, values = _sorted_symbols(IQR_N)
    written = parse(
        split_chain(source)[-1],
        {"Q_1": quartile(values, sp.Rational(1, 4)), "Q_3": quartile(values, sp.Rational(3, 4))},
    )

    def brute(v: dict) -> float:
        data = np.cumsum([v["s_1"], *(v[g.name] for g in gaps)])
        shuffled = np.concatenate([data[1::2], data[::2]])  # any order: percentiles sort first
        return float(np.percentile(shuffled, 75) - np.percentile(shuffled, 25))

    return Claim(
        reread=iqr_claim,
        id="metrics.iqr",
        where="Q1(a), NRMSE list",
        source=source,
        statement=written,
        claimed=(("formula", written),),
        reference=middle_half_width(values),
        lhs=r"\text{IQR}",
        domain={start: reals(-10, 10), **{g: reals(0, 5) for g in gaps}},
        brute=brute,
        checks=(("symbolic", _iqr_every_size),),
        derivation=(("sorted data", sp.Tuple(*values)),),
        note=(
            f"$Q_1$ and $Q_3$ are NumPy's default (linear) 25th and 75th percentiles; checked for $n = {IQR_N}$ "
            r"sorted values $s_1,\ s_1 + g_2,\ s_1 + g_2 + g_3, \ldots$ (gaps $g_j \ge 0$) and exactly for every $n$ "
            "up to 12. The interquartile range is the width of the middle half of the data."
        ),
    )
