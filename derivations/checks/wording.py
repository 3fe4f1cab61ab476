"""How the checks write what they did and found: numbers, values and assignments as inline LaTeX.

An :class:`~convproof.derivations.outcome.Outcome`'s ``method`` and ``detail`` are short English
with any mathematics between dollars; the report typesets ``$...$`` as math and escapes the rest.
These helpers return the math without the dollars, so a sentence puts them where it needs them.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from fractions import Fraction

import sympy as sp

__all__ = ["equal_parts", "tex_assignments", "tex_fixed", "tex_name", "tex_number", "tex_value"]


def tex_number(value: float | int, digits: int = 4) -> str:
    """A number as LaTeX: integers as they are, reals to ``digits`` significant digits, small or large ones as powers of ten.

    >>> tex_number(24001), tex_number(0.000473236, 6), tex_number(1e-05), tex_number(1.5), tex_number(-2.6e-27, 2)
    ('24001', '4.73236 \\\\times 10^{-4}', '10^{-5}', '1.5', '-2.6 \\\\times 10^{-27}')
    """
    if isinstance(value, (numbers.Integral, sp.Integer)):
        return str(int(value))
    value = float(value)
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\text{undefined}")
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e5:
        shown = f"{value:.{digits}g}"
        if "e" not in shown:
            return shown
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    power = f"10^{{{int(exponent)}}}"
    if mantissa in ("1", "-1"):
        return power if mantissa == "1" else f"-{power}"
    return rf"{mantissa} \times {power}"


def tex_fixed(value: float, decimals: int = 4) -> str:
    """A point of a grid to ``decimals`` places, as the grid's step shows it.

    >>> tex_fixed(-2.69899), tex_fixed(-0.00001), tex_fixed(6.0)
    ('-2.6990', '0.0000', '6.0000')
    """
    shown = f"{float(value):.{decimals}f}"
    return shown[1:] if shown.startswith("-") and float(shown) == 0 else shown


def tex_name(name: str | sp.Symbol) -> str:
    """A symbol's name as LaTeX (``alpha`` is ``\\alpha``, ``x_1`` is ``x_{1}``).

    >>> tex_name("alpha"), tex_name("w_3"), tex_name(sp.Symbol("a"))
    ('\\\\alpha', 'w_{3}', 'a')
    """
    return sp.latex(name if isinstance(name, sp.Basic) else sp.Symbol(name))


def tex_value(value) -> str:
    """A value as LaTeX: exact rationals as fractions a/b, other numbers to 6 digits, SymPy expressions as LaTeX.

    >>> tex_value(sp.Rational(-3709, 500)), tex_value(Fraction(3, 10)), tex_value(0.25), tex_value(sp.sqrt(2))
    ('-3709/500', '3/10', '0.25', '\\\\approx 1.41421')
    """
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)
    if isinstance(value, (numbers.Real, sp.Float)) and not isinstance(value, sp.Rational):
        return tex_number(float(value), 6) if not isinstance(value, numbers.Integral) else str(int(value))
    value = sp.sympify(value)
    if value.is_Rational:
        return f"{value.p}/{value.q}" if value.q != 1 else str(value.p)
    if value.is_number:
        return rf"\approx {tex_number(float(value), 6)}"
    return sp.latex(value)


def tex_assignments(pairs: Iterable[tuple]) -> str:
    """``name = value, ...`` as LaTeX (``\\approx`` for a value given to 6 digits).

    >>> tex_assignments([("alpha", sp.Rational(1, 4)), (sp.Symbol("x"), -6.0)])
    '\\\\alpha = 1/4, x = -6'
    """
    shown = []
    for name, value in pairs:
        text = tex_value(value)
        shown.append(f"{tex_name(name)} {text}" if text.startswith(r"\approx") else f"{tex_name(name)} = {text}")
    return ", ".join(shown)


def equal_parts(count: int, where: str) -> str:
    """What a proof by regions found when every claimed part agrees.

    >>> equal_parts(1, "off the kinks"), equal_parts(3, "on every region")
    ('equal to the reference off the kinks', 'all 3 parts equal to the reference on every region')
    """
    if count == 1:
        return f"equal to the reference {where}"
    return f"{'both' if count == 2 else f'all {count}'} parts equal to the reference {where}"
