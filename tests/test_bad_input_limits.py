"""Bad input, part three: numbers and loops too large to compute, and arguments (harness: tests/bad_input_table.py).

The LaTeX front refuses, from the text alone, a number of more than 10,000 digits, an
exponent over 10,000 on a symbol and a product of more than 10,000 terms; a longer sum
without a closed form is refused after parsing. Each row ran for 12 s to minutes before.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from convproof.derivations.checks.numeric import evaluate
from convproof.derivations.errors import BadInputError, LatexParseError
from convproof.derivations.latex.front import parse
from tests.bad_input_table import Row, api, check_row, cli, ids

x, i = sp.Symbol("x", real=True), sp.Symbol("i", integer=True)
DIGITS = ("digits", "at most 10,000 digits")
HUGE = "9" * 70_000

SIZES = {
    "tower-10": r"10^{10^{10}}",
    "tower-9": r"9^{9^{9}}",
    "factorial-1e8": r"100000000!",
    "factorial-of-power": r"(10^{9})!",
    "factorial-braced": r"{10^{9}}!",
    "factorial-5000": r"5000!",
    "binomial-huge": r"\binom{10^{12}}{10^{6}}",
    "power-2-1e10": r"2^{10^{10}}",
    "power-2-2-40": r"2^{2^{40}}",
    "power-2-40000": r"2^{40000}",
    "power-10-10001": r"10^{10001}",
    "power-of-power": r"(2^{10})^{10^{6}}",
    "power-braced-base": r"{10}^{{10}^{10}}",
    "power-in-fraction": r"\frac{1}{10^{10^{10}}}",
    "power-in-sum": r"x + 3^{3^{3^{3}}}",
    "power-product-exponent": r"2^{10^{5} \cdot 10^{5}}",
    "power-negative-exponent": r"2^{-10^{10}}",
    "power-decimal-base": r"1.5^{10^{9}}",
}
SYMBOL_POWERS = {
    "symbol-power": r"x^{10^{10}}",
    "subscript-power": r"x_1^{10^{10}}",
    "braced-subscript-power": r"x_{1}^{10^{10}}",
    "bracket-power": r"(x + 1)^{10^{6}}",
}
PRODUCTS = {
    "product-1e7": r"\prod_{i=1}^{10^{7}} i",
    "product-limits-swapped": r"\prod^{10^{9}}_{i=1} i",
    "product-short-index": r"\prod_i^{10^9} i",
    "product-20001": r"\prod_{i=1}^{20001} i",
}
SUMS = {
    "sum-sine-1e9": r"\sum_{i=1}^{10^{9}} \sin(i)",
    "sum-inverse-squares": r"\sum_{i=1}^{10^{9}} \frac{1}{i^2}",
    "sum-geometric-symbol": r"\sum_{i=1}^{10^{9}} x^{i}",
}
NAMES = {"x": x, "i": i}

TABLE = [
    *(api(f"latex-{key}", lambda t=text: parse(t, NAMES), LatexParseError, *DIGITS) for key, text in SIZES.items()),
    *(api(f"latex-{key}", lambda t=text: parse(t, NAMES), LatexParseError, "exponents of at most 10,000") for key, text in SYMBOL_POWERS.items()),
    *(api(f"latex-{key}", lambda t=text: parse(t, NAMES), LatexParseError, "products of at most 10,000") for key, text in PRODUCTS.items()),
    *(api(f"latex-{key}", lambda t=text: parse(t, NAMES), LatexParseError, "no closed form", "declared symbol") for key, text in SUMS.items()),
    cli("check-tower", ["check", r"10^{10^{10}}", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-tower-9", ["check", r"9^{9^{9}}", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-factorial", ["check", "100000000!", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-factorial-of-power", ["check", r"(10^{9})!", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-binomial", ["check", r"\binom{10^{12}}{10^{6}}", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-power-1e10", ["check", r"2^{10^{10}}", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-power-2-40", ["check", r"2^{2^{40}}", "--against", "1"], LatexParseError, *DIGITS),
    cli("check-against-tower", ["check", "1", "--against", r"10^{10^{10}}"], LatexParseError, *DIGITS),
    cli("check-product", ["check", r"\prod_{i=1}^{10^{7}} i", "--against", "1"], LatexParseError, "products"),
    cli("check-sum-no-closed-form", ["check", r"\sum_{i=1}^{10^{9}} \sin(i)", "--against", "1", "--assume", "i: integer"], LatexParseError, "no closed form"),
    cli("check-claim-tower", ["check", r"10^{10^{10}}", "--claim", "dilated.rf_base"], LatexParseError, *DIGITS),
    # arguments
    cli("seed-arabic-digit", ["verify", "--seed", "\u0663"], None, "--seed", "digits 0-9 only"),
    cli("seed-underscore", "verify --seed 1_000", None, "'1_000'", "digits 0-9 only"),
    cli("seed-plus", "verify --seed +5", None, "'+5'", "digits 0-9 only"),
    cli("seed-hex", "verify --seed 0x10", None, "'0x10'", "digits 0-9 only"),
    cli("seed-float", "verify --seed 1e3", None, "'1e3'", "digits 0-9 only"),
    cli("seed-empty", ["verify", "--seed", ""], None, "''", "digits 0-9 only"),
    cli("seed-2-32", "verify --seed 4294967296", None, "4294967296", "between 0 and 2**32 - 1"),
    cli("seed-report-underscore", "report --seed 1_0", None, "'1_0'", "digits 0-9 only"),
    cli("seed-check-arabic", ["check", "x", "--against", "x", "--seed", "\u0667"], None, "digits 0-9 only"),
    cli("samples-billion", "verify --samples 1000000000", None, "at most 100000 samples", "1000000000"),
    cli("samples-100001", "verify --samples 100001", None, "at most 100000 samples", "100001"),
    cli("samples-report-200000", "report --samples 200000", None, "at most 100000 samples"),
    cli("samples-check-million", ["check", "x", "--against", "x", "--samples", "1000000"], None, "at most 100000"),
    cli("samples-zero", "verify --samples 0", None, "positive integer, got 0"),
    cli("samples-underscore", "verify --samples 1_000", None, "'1_000'", "digits 0-9 only"),
    cli("samples-arabic", ["verify", "--samples", "\u0665"], None, "digits 0-9 only"),
    cli("samples-huge-number", ["verify", "--samples", "9" * 30], None, "digits 0-9 only"),
    cli("lang-huge", ["report", "--lang", HUGE], None, "invalid choice", "..."),
    cli("command-huge", [HUGE], None, "invalid choice", "..."),
    cli("unknown-option-huge", ["verify", "--" + HUGE], None, "unrecognized arguments", "..."),
    cli("seed-huge-text", ["verify", "--seed", HUGE], None, "digits 0-9 only", "..."),
    cli("assume-reversed", ["check", "x", "--against", "x", "--assume", "x: real in [5, -5]"], BadInputError, "[5, -5] is empty", "write [-5, 5]"),
    cli("assume-reversed-integer", ["check", "k", "--against", "k", "--assume", "k: integer in [3, 1]"], BadInputError, "is empty", "write [1, 3]"),
    cli("assume-not-positive", ["check", "k", "--against", "k", "--assume", "k: positive integer in [-3, 3]"], BadInputError, "is not positive"),
    cli("assume-word-bound", ["check", "x", "--against", "x", "--assume", "x: real in [a, b]"], BadInputError, "'a' is not a number"),
    cli("assume-three-bounds", ["check", "x", "--against", "x", "--assume", "x: real in [1, 2, 3]"], BadInputError, "must be [low, high]"),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_too_large_or_malformed(row: Row, tmp_path, capsys, monkeypatch):
    check_row(row, tmp_path, capsys, monkeypatch)


def test_long_sums_with_a_closed_form_are_judged_without_a_loop():
    r"""\sum_{i=1}^{10^{9}} i is read as its closed form at once."""
    assert parse(r"\sum_{i=1}^{10^{9}} i", NAMES) == 500000000500000000


@pytest.mark.parametrize("text", [r"2^{30000}", r"3248!", r"\binom{100}{50}", r"x^{10000}", r"\prod_{i=1}^{10000} i"])
def test_just_inside_the_bounds_is_read(text):
    assert parse(text, NAMES) is not None


def test_a_power_tower_is_evaluated_without_mpmath_running_away():
    """x^{x^{x^{x^{x}}}} on [1, 5]: mpmath has no exponent limit and used never to return at x = 5."""
    tower = x ** (x ** (x ** (x**x)))
    values = evaluate(tower, [x], [np.array([1.0, 1.2, 5.0])], 3)[:, 0]
    assert values[0] == 1.0 and 1 < values[1] < 2 and np.isinf(values[2])
