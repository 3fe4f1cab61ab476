"""The LaTeX front: the report's formulas, read into SymPy as written.

Everything goes through :func:`parse` (one expression) or :func:`parse_chain`
(``A = B = C`` split into its sides). Both run the same three steps:

1. a normalisation pre-pass (:func:`normalise`) for what latex2sympy2_extended
   misreads: ``\\log`` is the natural log, multi-letter names such as ``RF``
   are single symbols, ``\\operatorname{f}`` is a function name;
2. the parser, always with ``lowercase_symbols=False`` and no other rewriting;
3. the free-symbol audit: every symbol of the result must be declared, so a
   name that exploded into single letters is an error, not a claim.

>>> import sympy as sp
>>> k, d = sp.symbols("k d", positive=True, integer=True)
>>> parse(r"1 + d(k - 1)", {"k": k, "d": d})
d*(k - 1) + 1
>>> parse_chain(r"k + (k - 1)(d - 1) = 1 + d(k - 1)", {"k": k, "d": d})
(k + (d - 1)*(k - 1), d*(k - 1) + 1)
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import sympy as sp

from ..errors import LatexParseError, UnknownSymbolError
from . import cache as parse_cache
from . import rules as latex_rules

__all__ = ["normalise", "parse", "parse_chain", "parse_shape", "split_chain"]

_RELATIONS = ("=",)

# The parser's time grows exponentially with bracket depth (20 nested braces take minutes) and it
# recurses once per operator: bounds far above the report's formulas (315 characters, depth 4).
MAX_LENGTH = 1000
MAX_DEPTH = 10


# Functions the parser does not know by name; ``functions=`` adds more per formula.
DEFAULT_FUNCTIONS = {"erf": sp.erf, "erfc": sp.erfc, "max": sp.Max, "min": sp.Min}  # max/min: nested ones too

# Text groups, command names and subscripts: left untouched by the pre-pass.
_PROTECTED = re.compile(r"\\(?:text|mathrm|operatorname|mathit|mathbf)\{[^{}]*\}|\\[A-Za-z]+|_\{[^{}]*\}")


def _wrap_d(math: str) -> str:
    """Brace every bare ``d`` so the parser reads ``dk`` as d*k, not a differential."""
    return re.sub(r"d", "{d}", math)


def _outside_protected(text: str, rewrite) -> str:
    out, last = [], 0
    for match in _PROTECTED.finditer(text):
        out.append(rewrite(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(rewrite(text[last:]))
    return "".join(out)


_NOT_WRAPPED = r"(?<![\\A-Za-z])(?<!\\text\{)(?<!\\mathrm\{)(?<!\\operatorname\{)(?<!_\{)"


def normalise(latex: str, words: Iterable[str] = ()) -> str:
    """Rewrite LaTeX that the parser would misread; see the module docstring.

    >>> normalise(r"RF_i = RF_{i-1} + \\log x", words=["RF"])
    '\\\\text{RF}_i = \\\\text{RF}_{i-1} + \\\\ln x'
    >>> normalise(r"\\frac{X_i - Mean_i}{StdDev_i}", words=["Mean", "StdDev"])
    '\\\\frac{X_i - \\\\text{Mean}_i}{\\\\text{StdDev}_i}'
    >>> normalise(r"1 + idk")
    '1 + i{d}k'
    """
    text = latex.strip()
    if text.startswith("$$") and text.endswith("$$"):
        text = text[2:-2].strip()
    elif text.startswith("$") and text.endswith("$"):
        text = text[1:-1].strip()
    text = re.sub(r"\\log\b", r"\\ln", text)
    # \left and \right carry no meaning for the parser (which rejects some of them)
    text = re.sub(r"\\(?:left|right)\s*\.", "", text)
    text = re.sub(r"\\(?:left|right)\s*(?=[()\[\]|]|\\[{}|]|\\[lr](?:floor|ceil|vert))", "", text)
    text = latex_rules.printed_forms(text)
    for word in sorted(set(words), key=len, reverse=True):
        # a word already in \text{..}, \mathrm{..}, \operatorname{..} or a subscript group stays as it is;
        # one opening a plain group ({StdDev_i}) is wrapped
        text = re.sub(rf"{_NOT_WRAPPED}{re.escape(word)}(?![A-Za-z])", rf"\\text{{{word}}}", text)
    if "\\int" in text:
        # the integration variable's differential ("dt") stays as the parser expects it
        head, tail = re.match(r"(.*?)(d[A-Za-z]\s*)?$", text, re.S).groups()
        return _outside_protected(head, _wrap_d) + (tail or "")
    return _outside_protected(text, _wrap_d)


def _shown(text: str, limit: int = 100) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters."""
    return repr(text) if len(text) <= limit else repr(text[: limit - 3]) + "..."


def _admit(latex) -> None:
    """Refuse what the parser cannot take: not text, too long, nested too deep.

    >>> _admit("{" * 12 + "x" + "}" * 12)
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.LatexParseError: the LaTeX '{{{{{{{{{{{{x}}}}}}}}}}}}' nests brackets 12 deep; ...
    """
    if not isinstance(latex, str):
        raise LatexParseError(f"LaTeX must be a string, not {type(latex).__name__}")
    if len(latex) > MAX_LENGTH:
        raise LatexParseError(
            f"the LaTeX {_shown(latex)} is {len(latex)} characters long; the front reads at most {MAX_LENGTH}: "
            "split it into several formulas"
        )
    depth = deepest = 0
    for char in latex:
        depth += 1 if char in "{([" else -1 if char in "})]" else 0
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise LatexParseError(
            f"the LaTeX {_shown(latex)} nests brackets {deepest} deep; the front reads at most {MAX_DEPTH} levels "
            "(the parser slows exponentially with depth): name inner parts and write them separately"
        )


def _split_top(latex: str, separator: str) -> list[str]:
    parts, depth, start, pos = [], 0, 0, 0
    while pos < len(latex):
        char = latex[pos]
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif depth == 0 and latex.startswith(separator, pos):
            parts.append(latex[start:pos].strip())
            start = pos + len(separator)
            pos = start
            continue
        pos += 1
    parts.append(latex[start:].strip())
    return parts


def split_chain(latex: str) -> list[str]:
    """Split ``A = B = C`` at its top-level equals signs.

    >>> split_chain(r"\\frac{a=b}{2} = c = d")
    ['\\\\frac{a=b}{2}', 'c', 'd']
    """
    return _split_top(latex, "=")


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


_OPEN = {"(": ")", "[": "]"}


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


def _raw_parse(text: str, original: str, functions: Mapping[str, object] | None = None) -> sp.Basic:
    """Parse one side; applications of declared functions are parsed argument first.

    The parser only applies unknown functions to simple arguments, so each
    ``name(arg)`` is cut out, its argument parsed on its own, and a
    placeholder symbol stands in for it until both are joined again.
    """
    functions = functions or {}
    placeholders: dict[sp.Symbol, sp.Basic] = {}
    while (found := _application(text, functions)) is not None:
        start, end, name, arg = found
        args = [_raw_parse(part, original, functions) for part in _split_top(arg, ",")]
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
        f"cannot read the LaTeX {_shown(original)}{where} ({reason}); "
        "write a single formula with balanced braces and known commands"
    )


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
            f"the LaTeX {_shown(original)} uses undeclared symbols {', '.join(sorted(set(unknown)))}; declared: {declared}"
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
    _admit(latex)
    functions = {**DEFAULT_FUNCTIONS, **(functions or {})}
    text, held = latex_rules.expand(latex, lambda piece: _raw_parse(normalise(piece, words), latex, functions))
    text = normalise(text, words)

    def side_of(side: str) -> sp.Basic:
        if latex_rules.has_ellipsis(side):
            first, last = latex_rules.ellipsis_terms(side)
            return latex_rules.ellipsis_sum([side_of(term) for term in first], side_of(last), latex)
        return _audit(_raw_parse(side, latex, functions).xreplace(held), symbols, functions, latex)

    return tuple(side_of(side) for side in split_chain(text))


def parse_shape(
    latex: str,
    symbols: Mapping[str, sp.Basic],
    *,
    words: Iterable[str] = (),
) -> sp.Tuple:
    """Parse a shape written ``A \\times B \\times C`` into a SymPy Tuple.

    >>> import sympy as sp
    >>> parse_shape(r"32 \\times 32 \\times 3", {})
    (32, 32, 3)
    """
    _admit(latex)
    text = normalise(latex, words)
    return sp.Tuple(*(_audit(_raw_parse(dim, latex), symbols, {}, latex) for dim in _split_top(text, r"\times")))
