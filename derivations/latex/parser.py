"""The parser itself: latex2sympy2_extended, configured once, cached, its failures explained.

:func:`raw_parse` reads one side of a normalised formula. It always runs the
parser with ``lowercase_symbols=False`` and no rewriting of its own; an
application ``name(arg)`` of a declared function is parsed argument first
(the parser applies unknown functions only to simple arguments). Results,
and rejections, are cached in the process and on disk
(:mod:`convproof.derivations.latex.cache`). The free-symbol audit is the
front's (:mod:`convproof.derivations.latex.front`).
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import sympy as sp

from ..errors import LatexParseError
from . import cache as parse_cache
from .normalise import shown, split_top

__all__ = ["raw_parse"]

_OPEN = {"(": ")", "[": "]"}


@lru_cache(maxsize=1)
def _configs():
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig
    from latex2sympy2_extended.math_normalization import NormalizationConfig

    conversion = ConversionConfig(
        interpret_as_mixed_fractions=False,
        interpret_simple_eq_as_assignment=False,
        interpret_contains_as_eq=False,
        lowercase_symbols=False,
    )
    normalization = NormalizationConfig(
        basic_latex=False, units=False, malformed_operators=False, nits=False, boxed="none", equations=False
    )
    return normalization, conversion


def _application(text: str, functions: Iterable[str]) -> tuple[int, int, str, str] | None:
    """Find the first ``name(arg)`` of a declared function: (start, end, name, arg)."""
    best = None
    for name in functions:
        pattern = (
            rf"(?:\\(?:operatorname|mathrm|text)\{{{name}\}}|\\{name}(?![A-Za-z])|(?<![\\A-Za-z{{]){name})\s*(?=[(\[])"
        )
        for match in re.finditer(pattern, text):
            opener = text[match.end()]
            depth, pos = 0, match.end()
            while pos < len(text):
                if text[pos] in "([{":
                    depth += 1
                elif text[pos] in ")]}":
                    depth -= 1
                    if depth == 0:
                        break
                pos += 1
            if pos >= len(text) or text[pos] != _OPEN[opener]:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), pos + 1, name, text[match.end() + 1 : pos])
            break
    return best


def raw_parse(text: str, original: str, functions: Mapping[str, object] | None = None) -> sp.Basic:
    """Parse one side; applications of declared functions are parsed argument first.

    The parser only applies unknown functions to simple arguments, so each
    ``name(arg)`` is cut out, its argument parsed on its own, and a
    placeholder symbol stands in for it until both are joined again.

    >>> raw_parse(r"\\frac{1}{2} f(x + 1)", "", {"f": sp.Function("f")})
    f(x + 1)/2
    """
    functions = functions or {}
    placeholders: dict[sp.Symbol, sp.Basic] = {}
    while (found := _application(text, functions)) is not None:
        start, end, name, arg = found
        args = [raw_parse(part, original, functions) for part in split_top(arg, ",")]
        token = f"convproofcall{len(placeholders)}"
        placeholders[sp.Symbol(token)] = functions[name](*args)
        text = f"{text[:start]} \\text{{{token}}} {text[end:]}"
    return _parse_plain(text, original).xreplace(placeholders)


@lru_cache(maxsize=4096)
@parse_cache.cached(salt="convproof-latex-2")
def _parsed(text: str):
    """The parser's result for one text, cached in process and on disk (see parse_cache)."""
    from latex2sympy2_extended import latex2sympy

    normalization, conversion = _configs()
    return _as_cached(_plain_and(latex2sympy(text, normalization_config=normalization, conversion_config=conversion)))


def _as_cached(expr):
    """The expression as the parse cache gives it back: unpickled, so rebuilt (and evaluated) by SymPy.

    The parser returns some products unevaluated (``x*(2*y)`` nested); a cached
    parse comes back flattened. Both evaluate alike up to rounding, and that
    rounding made a verdict's JSON depend on whether the cache answered.

    >>> x = sp.Symbol("x")
    >>> sp.srepr(_as_cached(sp.Mul(x, sp.Mul(2, x, evaluate=False), evaluate=False)))
    "Mul(Integer(2), Pow(Symbol('x'), Integer(2)))"
    """
    try:
        return pickle.loads(pickle.dumps(expr, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        return expr  # cannot be cached either: every process gets it fresh, the same way


def _parse_plain(text: str, original: str) -> sp.Basic:
    if not text.strip():
        raise LatexParseError(f"empty formula in {original!r}: write a LaTeX expression such as 'k + 1'")
    try:
        return _parsed(text)
    except Exception as exc:  # the parser raises bare Exception with a caret diagram
        raise LatexParseError(_describe_parse_failure(text, original, exc)) from None


def _plain_and(expr):
    """SymPy's own ``And`` for a chain ``a < x < b``.

    The parser returns its patched ``And`` subclass, which breaks when SymPy
    rebuilds it with one argument (as ``Piecewise`` does for a redundant part)
    and cannot be unpickled from the parse cache.

    >>> type(_plain_and(_parse_plain("-3 < x < 3", ""))) is sp.And
    True
    """
    if not isinstance(expr, sp.Basic):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.And) and type(e) is not sp.And, lambda e: sp.And(*e.args))


def _describe_parse_failure(text: str, original: str, exc: Exception) -> str:
    lines = str(exc).splitlines()
    reason = lines[0] if lines else type(exc).__name__
    caret = next((line for line in lines if line.strip().startswith("~") or line.endswith("^")), "")
    where = ""
    if "^" in caret:
        column = caret.index("^")
        excerpt = " ".join(text[max(0, column - 15) : column + 1].split())  # one line, whatever the input
        where = f" at column {column}: ...{excerpt}<-- here"
    return (
        f"cannot read the LaTeX {shown(original)}{where} ({reason}); "
        "write a single formula with balanced braces and known commands"
    )
