"""Declarations of symbols for ``convproof check --against``: assumptions and sampling domains.

``"k, d: positive integer; x: real in [-3, 3]"`` declares k and d as positive
integer SymPy symbols drawn from a default range, and x as a real drawn from
[-3, 3].
"""

from __future__ import annotations

import re
from fractions import Fraction

import sympy as sp

from ..derivations.claim import Domain
from ..derivations.errors import BadInputError

__all__ = ["DEFAULT_REAL", "MAX_LENGTH", "bounded_names", "describe", "parse_assumptions"]

MAX_LENGTH = 2000  # characters of all declarations; far above any real use, and no regex runs on more

_SIGNS = ("positive", "negative", "nonnegative", "nonpositive")
_KINDS = {"integer": "integer", "integers": "integer", "real": "real", "reals": "real"}
# Default sampling ranges, by kind and sign: wide enough to catch an off-by-one, small enough to stay exact.
_RANGES = {
    ("integer", None): (-10, 10),
    ("integer", "positive"): (1, 10),
    ("integer", "nonnegative"): (0, 10),
    ("integer", "negative"): (-10, -1),
    ("integer", "nonpositive"): (-10, 0),
    ("real", None): (-5, 5),
    ("real", "positive"): (2**-10, 5),
    ("real", "nonnegative"): (0, 5),
    ("real", "negative"): (-5, -(2**-10)),
    ("real", "nonpositive"): (-5, 0),
}
_FORMAT = "write declarations such as 'k, d: positive integer; x: real in [-3, 3]'"


def _number(text: str, declaration: str) -> Fraction:
    """A bound: an integer, a decimal, a fraction, ``1e30`` or ``10^30`` (``10^{30}``)."""
    text = text.strip()
    power = re.fullmatch(r"([+-]?)\s*(\d+)\s*\^\s*\{?\s*(\d{1,4})\s*\}?", text)
    if power is not None:
        sign = -1 if power.group(1) == "-" else 1
        return Fraction(sign * int(power.group(2)) ** int(power.group(3)))
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise BadInputError(f"in the assumption {declaration}, {_shown(text)} is not a number; {_FORMAT}") from None


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 60 else repr(text[:57]) + "..."


def _domain(kind: str, sign: str | None, bounds: str | None, declaration: str) -> Domain:
    if bounds is None:
        low, high = _RANGES[(kind, sign)]
        return Domain(kind, low, high)
    low, high = (_number(part, declaration) for part in bounds.split(","))
    if kind == "integer" and (low.denominator != 1 or high.denominator != 1):
        raise BadInputError(f"in the assumption {declaration}, an integer range needs integer bounds")
    fits = {
        None: True,
        "positive": low > 0,
        "nonnegative": low >= 0,
        "negative": high < 0,
        "nonpositive": high <= 0,
    }[sign]
    if not low <= high:
        raise BadInputError(
            f"in the assumption {declaration!r}, the range [{low}, {high}] is empty: its low end is above its high "
            f"end; write [{high}, {low}]"
        )
    if not fits:
        raise BadInputError(f"in the assumption {declaration!r}, the range [{low}, {high}] is not {sign}")
    convert = int if kind == "integer" else float
    return Domain(kind, convert(low), convert(high))


def parse_assumptions(text: str) -> dict[str, tuple[sp.Symbol, Domain]]:
    """Declarations ``names: [sign] kind [in [low, high]]``, separated by ``;``.

    Each name becomes a SymPy symbol with those assumptions and a sampling
    domain (a default range unless one is given).

    >>> decl = parse_assumptions("k, d: positive integer; x: real in [-1, 2]")
    >>> decl["k"]
    (k, Domain(kind='integer', low=1, high=10))
    >>> decl["k"][0].is_positive, decl["x"][1]
    (True, Domain(kind='real', low=-1.0, high=2.0))
    """
    if not isinstance(text, str) or not text.strip():
        raise BadInputError(f"the assumptions {text!r} are empty; {_FORMAT}")
    if len(text) > MAX_LENGTH:
        raise BadInputError(f"the assumptions are {len(text)} characters long; at most {MAX_LENGTH}: {_FORMAT}")
    declared: dict[str, tuple[sp.Symbol, Domain]] = {}
    for declaration in (part.strip() for part in text.split(";")):
        match = re.fullmatch(
            r"(?P<names>[^:]+):(?P<words>[A-Za-z\s]+?)(?:\s+in\s*\[(?P<bounds>[^\]]+)\])?\s*", declaration
        )
        declaration = _shown(declaration)
        if match is None:
            raise BadInputError(f"cannot read the assumption {declaration}; {_FORMAT}")
        words = match.group("words").lower().split()
        kinds = [_KINDS[w] for w in words if w in _KINDS]
        signs = [w for w in words if w in _SIGNS]
        unknown = [w for w in words if w not in _KINDS and w not in _SIGNS]
        if unknown or len(kinds) != 1 or len(signs) > 1:
            raise BadInputError(
                f"the assumption {declaration} needs one kind (integer or real) and at most one sign "
                f"({', '.join(_SIGNS)}); {_FORMAT}"
            )
        kind, sign = kinds[0], signs[0] if signs else None
        bounds = match.group("bounds")
        if bounds is not None and bounds.count(",") != 1:
            raise BadInputError(f"the range of {declaration} must be [low, high]")
        domain = _domain(kind, sign, bounds, declaration)
        flags = {kind: True, **({sign: True} if sign else {})}
        for name in (n.strip().lstrip("\\") for n in match.group("names").split(",")):
            if not name or re.search(r"\s", name):
                raise BadInputError(f"the assumption {declaration} has an empty or spaced name; {_FORMAT}")
            if name in declared:
                raise BadInputError(f"{_shown(name)} is declared twice in the assumptions")
            declared[name] = (sp.Symbol(name, **flags), domain)
    return declared


def bounded_names(text: str) -> set[str]:
    """The names declared with a range (``in [low, high]``): sampled only there.

    >>> sorted(bounded_names("k, d: positive integer; x: real in [-1, 2]"))
    ['x']
    """
    names = set()
    for declaration in text.split(";"):
        head, _, rest = declaration.partition(":")
        if re.search(r"\bin\s*\[", rest):
            names |= {n.strip().lstrip("\\") for n in head.split(",")}
    return names


def describe(domain: Domain) -> str:
    """How a domain is sampled, in words.

    >>> describe(Domain("integer", 1, 10))
    'integers in [1, 10]'
    """
    return f"{domain.kind}s in [{domain.low:g}, {domain.high:g}]"


DEFAULT_REAL = Domain("real", *_RANGES[("real", None)])
