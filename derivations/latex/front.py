"""The LaTeX front: the report's formulas, read into SymPy as written.

Everything goes through :func:`parse` (one expression) or :func:`parse_chain`
(``A = B = C`` split into its sides); :func:`parse_shape` reads
``A \\times B``. They run the same steps, each in its own module:

0. the structural rules (:mod:`.rules`) rewrite what the parser cannot read
   at all (``cases``, ``aligned``, named partial derivatives);
1. the normalisation pre-pass (:mod:`.normalise`) rewrites what
   latex2sympy2_extended misreads: ``\\log`` is the natural log, multi-letter
   names such as ``RF`` are single symbols, ``\\operatorname{f}`` is a function name;
2. the parser (:mod:`.parser`), always with ``lowercase_symbols=False`` and no
   other rewriting; a side written with ``\\dots`` is read by :mod:`.ellipsis`;
3. the free-symbol audit (here): every symbol of the result must be declared, so a
   name that exploded into single letters is an error, not a claim.

>>> import sympy as sp
>>> k, d = sp.symbols("k d", positive=True, integer=True)
>>> parse(r"1 + d(k - 1)", {"k": k, "d": d})
d*(k - 1) + 1
>>> parse_chain(r"k + (k - 1)(d - 1) = 1 + d(k - 1)", {"k": k, "d": d})
(k + (d - 1)*(k - 1), d*(k - 1) + 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import sympy as sp

from ..errors import LatexParseError, UnknownSymbolError
from . import rules as latex_rules
from .ellipsis import ellipsis_sum, ellipsis_terms, has_ellipsis
from .long_sums import long_sums
from .normalise import admit, normalise, shown, split_top
from .parser import raw_parse

__all__ = ["parse", "parse_chain", "parse_shape", "split_chain"]

# Functions the parser does not know by name; ``functions=`` adds more per formula.
DEFAULT_FUNCTIONS = {"erf": sp.erf, "erfc": sp.erfc, "max": sp.Max, "min": sp.Min}  # max/min: nested ones too


def split_chain(latex: str) -> list[str]:
    """Split ``A = B = C`` at its top-level equals signs.

    >>> split_chain(r"\\frac{a=b}{2} = c = d")
    ['\\\\frac{a=b}{2}', 'c', 'd']
    """
    return split_top(latex, "=")


def _audit(expr: sp.Basic, symbols: Mapping[str, sp.Basic], functions: Mapping[str, object], original: str):
    expr = latex_rules.bind_indices(expr, symbols)
    replace: dict[sp.Basic, sp.Basic] = {}
    unknown: list[str] = []
    for sym in expr.free_symbols:
        if sym.name in symbols:
            replace[sym] = symbols[sym.name]
        elif (indexed := latex_rules.indexed_name(sym.name, symbols, lambda sub: parse(sub, symbols))) is not None:
            replace[sym] = indexed
        else:
            unknown.append(sym.name)
    for app in expr.atoms(sp.core.function.AppliedUndef):
        name = _function_name(app)
        if name in functions:
            continue
        unknown.append(f"{name}(...)")
    if unknown:
        declared = ", ".join(sorted(symbols)) or "none"
        raise UnknownSymbolError(
            f"the LaTeX {shown(original)} uses undeclared symbols {', '.join(sorted(set(unknown)))}; declared: {declared}"
        )
    expr = expr.xreplace(replace)
    return expr.replace(
        lambda e: isinstance(e, sp.core.function.AppliedUndef) and _function_name(e) in functions,
        lambda e: functions[_function_name(e)](*e.args),
    )


def _function_name(app: sp.Basic) -> str:
    """The plain name of an undefined function: '\\mathrm{erf}' -> 'erf'."""
    name = type(app).__name__
    match = re.fullmatch(r"\\(?:mathrm|text|operatorname)\{(\w+)\}", name)
    return match.group(1) if match else name


def parse(
    latex: str,
    symbols: Mapping[str, sp.Basic],
    *,
    words: Iterable[str] = (),
    functions: Mapping[str, object] | None = None,
) -> sp.Basic:
    """Parse one LaTeX expression (no ``=``) into SymPy, audited.

    ``symbols`` maps each name the parser produces (``'k'``, ``'RF_{i-1}'``)
    to the SymPy object it stands for; ``words`` lists multi-letter names;
    ``functions`` maps undefined function names to callables.

    >>> import sympy as sp
    >>> parse(r"\\frac{N}{2}", {"N": sp.Symbol("N")})
    N/2
    """
    sides = parse_chain(latex, symbols, words=words, functions=functions)
    if len(sides) != 1:
        raise LatexParseError(f"expected one expression, got a relation with {len(sides)} sides in {latex!r}")
    return sides[0]


def parse_chain(
    latex: str,
    symbols: Mapping[str, sp.Basic],
    *,
    words: Iterable[str] = (),
    functions: Mapping[str, object] | None = None,
) -> tuple[sp.Basic, ...]:
    """Parse ``A = B = ...`` into the tuple of its sides, each audited.

    Structures the parser cannot read (``cases``, ``aligned``, named partial
    derivatives, ``\\dots`` sums) are rewritten by :mod:`convproof.derivations.latex.rules`.

    >>> import sympy as sp
    >>> v, y = sp.symbols("v_1 y")
    >>> parse_chain(r"\\frac{\\partial L}{\\partial w_1} = [-(y)] [v_1]", {"dL/dw_1": sp.Symbol("g"), "v_1": v, "y": y})
    (g, -v_1*y)
    """
    admit(latex)
    functions = {**DEFAULT_FUNCTIONS, **(functions or {})}
    text, held = latex_rules.expand(latex, lambda piece: raw_parse(normalise(piece, words), latex, functions))
    text = normalise(text, words)

    def side_of(side: str) -> sp.Basic:
        if has_ellipsis(side):
            first, last = ellipsis_terms(side)
            return ellipsis_sum([side_of(term) for term in first], side_of(last), latex)
        return long_sums(
            _audit(raw_parse(side, latex, functions).xreplace(held), symbols, functions, latex), shown(latex)
        )

    return tuple(side_of(side) for side in split_chain(text))


_PLAIN_SHAPE = re.compile(r"\s*\d+(?:\s*[x×*]\s*\d+)+\s*")


def parse_shape(
    latex: str,
    symbols: Mapping[str, sp.Basic],
    *,
    words: Iterable[str] = (),
) -> sp.Tuple:
    """Parse a shape written ``A \\times B \\times C`` into a SymPy Tuple.

    Whole numbers may also be written plainly: ``32x32x3``, ``32 × 32 × 3``, ``32*32*3``.

    >>> import sympy as sp
    >>> parse_shape(r"32 \\times 32 \\times 3", {}), parse_shape("32x32x3", {}), parse_shape("6 × 6 × 16", {})
    ((32, 32, 3), (32, 32, 3), (6, 6, 16))
    """
    admit(latex)
    if _PLAIN_SHAPE.fullmatch(latex):
        latex = re.sub(r"\s*[x×*]\s*", r" \\times ", latex.strip())
    text = normalise(latex, words)
    return sp.Tuple(*(_audit(raw_parse(dim, latex), symbols, {}, latex) for dim in split_top(text, r"\times")))
