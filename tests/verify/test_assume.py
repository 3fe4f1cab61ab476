"""convproof.verify.assume: declarations of symbols for ``convproof check --against``."""

from __future__ import annotations

import pytest

from convproof.derivations.errors import BadInputError
from convproof.verify.assume import describe, parse_assumptions


def test_assumptions_make_symbols_and_domains():
    decl = parse_assumptions(r"k, d: positive integer; \alpha: real in [0, 1]; N: nonnegative integer in [0, 64]")
    assert sorted(decl) == ["N", "alpha", "d", "k"]
    k, domain = decl["k"]
    assert (k.is_integer, k.is_positive, domain.kind, domain.low) == (True, True, "integer", 1)
    assert decl["alpha"][1].high == 1.0
    assert decl["N"][1].high == 64


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "empty"),
        ("k positive integer", "cannot read"),
        ("k: complex", "one kind"),
        ("k: positive negative integer", "one kind"),
        ("k: integer; k: real", "declared twice"),
        ("k: integer in [1.5, 3]", "integer bounds"),
        ("k: positive integer in [-1, 3]", "not positive"),
        ("k: real in [3, 1]", "empty"),
        ("k: real in [a, b]", "not a number"),
        ("k: real in [1, 2, 3]", "low, high"),
        (": real", "cannot read"),
    ],
    ids=str,
)
def test_bad_assumptions_are_named(text, needle):
    with pytest.raises(BadInputError, match=needle):
        parse_assumptions(text)


def test_default_ranges_are_described():
    assert describe(parse_assumptions("k: positive integer")["k"][1]) == "integers in [1, 10]"
