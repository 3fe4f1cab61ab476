"""The normalisation pre-pass: LaTeX text rewritten so that the parser reads it as written.

:func:`admit` first refuses what the parser cannot take at all (not text,
too long, nested too deep); :func:`normalise` then rewrites what
latex2sympy2_extended misreads: ``\\log`` is the natural log, multi-letter
names such as ``RF`` are single symbols, a bare ``d`` is a factor, not a
differential, and the forms ``sympy.latex`` prints (:func:`printed_forms`)
are put back the way the parser expects them.

The bracket-aware scanning every step of the front shares lives here too:
:func:`split_top` (split at a separator outside brackets) and :func:`group`
(the brace group at a position).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import LatexParseError
from .limits import check_sizes

__all__ = ["MAX_DEPTH", "MAX_LENGTH", "admit", "group", "normalise", "printed_forms", "shown", "split_top"]

# The parser's time grows exponentially with bracket depth (20 nested braces take minutes) and it
# recurses once per operator: bounds far above the report's formulas (315 characters, depth 4).
MAX_LENGTH = 1000
MAX_DEPTH = 10

# Text groups, command names and subscripts: left untouched by the pre-pass.
_PROTECTED = re.compile(r"\\(?:text|mathrm|operatorname|mathit|mathbf)\{[^{}]*\}|\\[A-Za-z]+|_\{[^{}]*\}")

_NOT_WRAPPED = r"(?<![\\A-Za-z])(?<!\\text\{)(?<!\\mathrm\{)(?<!\\operatorname\{)(?<!_\{)"

# Commands of functions whose argument sympy.latex prints in braces: \tanh{(x)}, \operatorname{erf}^{2}{(x)}.
_BRACED_CALL = re.compile(
    r"(\\(?:ln|log|exp|sin|cos|tan|sinh|cosh|tanh|operatorname\{\w+\}))(\^\{[^{}]*\})?\s*(?=\{\s*\()"
)


def shown(text: str, limit: int = 100) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters.

    >>> shown("x" * 200, limit=10)
    "'xxxxxxx'..."
    """
    return repr(text) if len(text) <= limit else repr(text[: limit - 3]) + "..."


def split_top(text: str, separator: str) -> list[str]:
    """Split ``text`` at every ``separator`` outside brackets, each part stripped.

    >>> split_top(r"f(a, b), \\frac{c,d}{2} , e", ",")
    ['f(a, b)', '\\\\frac{c,d}{2}', 'e']
    """
    parts, depth, start, pos = [], 0, 0, 0
    while pos < len(text):
        if text[pos] in "{([":
            depth += 1
        elif text[pos] in "})]":
            depth -= 1
        elif depth == 0 and text.startswith(separator, pos):
            parts.append(text[start:pos].strip())
            start = pos = pos + len(separator)
            continue
        pos += 1
    parts.append(text[start:].strip())
    return parts


def group(text: str, pos: int) -> tuple[str, int] | None:
    """The brace group starting at ``pos`` (spaces skipped): (content, end), or None.

    >>> group(r"\\frac {a{b}} {c}", 5)
    ('a{b}', 12)
    """
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text) or text[pos] != "{":
        return None
    depth = 0
    for end in range(pos, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            return text[pos + 1 : end], end + 1
    return None


def admit(latex) -> None:
    """Refuse what the parser cannot take: not text, too long, nested too deep, numbers too large.

    The bounds on numbers, exponents and products are :mod:`convproof.derivations.latex.limits`'.

    >>> admit("{" * 12 + "x" + "}" * 12)
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.LatexParseError: the LaTeX '{{{{{{{{{{{{x}}}}}}}}}}}}' nests brackets 12 deep; ...
    """
    if not isinstance(latex, str):
        raise LatexParseError(f"LaTeX must be a string, not {type(latex).__name__}")
    if len(latex) > MAX_LENGTH:
        raise LatexParseError(
            f"the LaTeX {shown(latex)} is {len(latex)} characters long; the front reads at most {MAX_LENGTH}: "
            "split it into several formulas"
        )
    depth = deepest = 0
    for char in latex:
        depth += 1 if char in "{([" else -1 if char in "})]" else 0
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise LatexParseError(
            f"the LaTeX {shown(latex)} nests brackets {deepest} deep; the front reads at most {MAX_DEPTH} levels "
            "(the parser slows exponentially with depth): name inner parts and write them separately"
        )
    check_sizes(latex, shown(latex))


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
    text = printed_forms(text)
    for word in sorted(set(words), key=len, reverse=True):
        # a word already in \text{..}, \mathrm{..}, \operatorname{..} or a subscript group stays as it is;
        # one opening a plain group ({StdDev_i}) is wrapped
        text = re.sub(rf"{_NOT_WRAPPED}{re.escape(word)}(?![A-Za-z])", rf"\\text{{{word}}}", text)
    if "\\int" in text:
        # the integration variable's differential ("dt") stays as the parser expects it
        head, tail = re.match(r"(.*?)(d[A-Za-z]\s*)?$", text, re.S).groups()
        return _outside_protected(head, _wrap_d) + (tail or "")
    return _outside_protected(text, _wrap_d)


def _unbrace_calls(text: str) -> str:
    """``\\name^{p}{(arg)}`` -> ``\\name(arg)^{p}``; the parser reads the braced form as name((arg)^p)."""
    out, pos = [], 0
    for match in _BRACED_CALL.finditer(text):
        found = group(text, match.end())
        inner = found[0].strip() if found else ""
        if match.start() < pos or not found or not (inner.startswith("(") and inner.endswith(")")):
            continue
        depths = [inner[: end + 1].count("(") - inner[: end + 1].count(")") for end in range(len(inner))]
        if 0 in depths[:-1]:
            continue  # "(a)(b)" is not one argument
        inner = "(" + _unbrace_calls(inner[1:-1]) + ")"  # a call inside the argument
        out.append(text[pos : match.start()] + match.group(1) + inner + (match.group(2) or ""))
        pos = found[1]
    out.append(text[pos:])
    return "".join(out)


def printed_forms(text: str) -> str:
    """Rewrite what ``sympy.latex`` prints but the parser misreads (applied by :func:`normalise`).

    A function of a braced argument, ``\\log{(x)}^{2}``, is read as log(x^2):
    it becomes ``\\log(x)^{2}``; ``{u}_{i}``, how an ``Indexed`` prints, becomes ``u_{i}``.

    >>> printed_forms(r"\\log{(x )}^{2} + \\operatorname{erf}^{3}{(x)} + {u}_{i}")
    '\\\\log(x )^{2} + \\\\operatorname{erf}(x)^{3} + u_{i}'
    """
    text = re.sub(r"(?<![A-Za-z\\}])\{([A-Za-z]+)\}(?=_)", r"\1", text)
    return _unbrace_calls(text)
