"""Text primitives of the audit: escaping, mixed-script text, numbers and formulas as LaTeX.

Pure functions, no I/O. Both editions are typeset by XeLaTeX: the English one quotes the
report's Persian with ``\\fa{...}`` (Amiri, right to left), the Persian one (xepersian)
sets Latin runs left to right with ``\\lr{...}``. Inside formulas digits stay Latin in both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import sympy as sp

from ..derivations.claim import Claim
from ..verify.results import Verdict
from . import mathtext
from .i18n import persian_digits
from .translate import math_words

__all__ = [
    "escape",
    "formula",
    "group_by_part",
    "heading_of",
    "identifier",
    "latin",
    "math_block",
    "math_words",
    "mixed",
    "number",
    "persian_inline",
    "persian_quote",
    "prose",
    "render_value",
    "status_mark",
    "symbol",
]

_ARABIC = re.compile(r"[\u0600-\u06FF]")
# a run of Latin words inside Persian text
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-.,/()'\[\] =+*^|<>]*[A-Za-z0-9)\]']|[A-Za-z0-9]")
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Unicode mathematics in prose, typeset in math mode (the text fonts may lack the glyph)
_UNICODE = {
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "×": r"$\times$",
    "·": r"$\cdot$",
    "≈": r"$\approx$",
    "≠": r"$\ne$",
    "∞": r"$\infty$",
    "±": r"$\pm$",
    "→": r"$\to$",
    "∂": r"$\partial$",
    "α": r"$\alpha$",
    "β": r"$\beta$",
    "γ": r"$\gamma$",
    "δ": r"$\delta$",
    "ε": r"$\varepsilon$",
    "λ": r"$\lambda$",
    "μ": r"$\mu$",
    "σ": r"$\sigma$",
    "Φ": r"$\Phi$",
    "φ": r"$\phi$",
    "ŷ": r"$\hat y$",
    "√": r"$\surd$",
    "Σ": r"$\Sigma$",
    "∈": r"$\in$",
    "⌊": r"$\lfloor$",
    "⌋": r"$\rfloor$",
}


def escape(text: str, lang: str = "en") -> str:
    """Escape plain text for LaTeX; Unicode mathematics goes into math mode.

    >>> escape("k_1 & 50% of x ≤ 2")
    'k\\\\_1 \\\\& 50\\\\% of x $\\\\le$ 2'
    """
    return "".join(_SPECIAL.get(char) or _UNICODE.get(char) or char for char in str(text))


def latin(text: str, lang: str) -> str:
    """Escaped Latin-script text; wrapped left to right in the Persian edition."""
    body = escape(text, lang)
    return body if lang == "en" else rf"\lr{{{body}}}"


def identifier(text: str, lang: str) -> str:
    """A claim id or another long name, allowed to break after its dots and underscores."""
    body = escape(text).replace(".", ".\\allowbreak{}").replace("\\_", "\\_\\allowbreak{}")
    return body if lang == "en" else rf"\lr{{{body}}}"


_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_MARKDOWN_ESCAPE = re.compile(r"\\([_*])")


def _persian_runs(text: str) -> str:
    """Escaped Persian text with its Latin runs set left to right (xepersian's ``\\lr``).

    The report's Markdown emphasis (``**...**``, ``*...*``) is set bold or italic, not printed.
    """
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)  # the report's Markdown escapes (self\_normalized)
    if _EMPHASIS.search(text):
        out, last = [], 0
        for match in _EMPHASIS.finditer(text):
            out.append(_persian_runs(text[last : match.start()]))
            inner = _persian_runs(match.group(1) or match.group(2))
            out.append(rf"\textbf{{{inner}}}" if match.group(1) else rf"\emph{{{inner}}}")
            last = match.end()
        out.append(_persian_runs(text[last:]))
        return "".join(out)
    out, last = [], 0
    for match in _LATIN_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(rf"\lr{{{escape(match.group(0))}}}")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def mixed(text: str, lang: str) -> str:
    r"""Text with inline ``$...$`` formulas: the text escaped, the formulas kept, each script in its direction.

    >>> print(mixed(r"FC-10 $1 \times 10$ & more", "en"))
    FC-10 $1 \times 10$ \& more
    >>> print(mixed("گفته شده softmax است", "en"))
    \fa{گفته شده \lr{softmax} است}
    """
    out = []
    for pos, piece in enumerate(re.split(r"(\$[^$]+\$)", text)):
        if pos % 2:
            out.append(rf"\lr{{{math_words(piece, lang)}}}" if lang == "fa" else piece)
        elif not piece:
            continue
        elif not _ARABIC.search(piece):
            out.append(latin(piece, lang))
        elif lang == "fa":
            out.append(_persian_runs(piece))
        else:
            out.append(rf"\fa{{{_persian_runs(piece)}}}")  # a Persian sentence, quoted right to left
    return "".join(out)


def persian_quote(text: str, lang: str) -> str:
    """The report's own words quoted as a paragraph of their own, right to left, in guillemets."""
    if not _ARABIC.search(text):
        return f"\\begin{{quote}}{mixed(text, lang)}\\end{{quote}}\n"
    body = "".join(
        rf"\lr{{{piece}}}" if pos % 2 else _persian_runs(piece)
        for pos, piece in enumerate(re.split(r"(\$[^$]+\$)", text))
    )
    return f"\\faquote{{«{body}»}}\n"


def persian_inline(text: str, lang: str) -> str:
    """The report's Persian words inline (in a table cell, say), in guillemets, right to left."""
    body = "".join(
        rf"\lr{{{piece}}}" if pos % 2 else _persian_runs(piece)
        for pos, piece in enumerate(re.split(r"(\$[^$]+\$)", text))
    )
    return rf"\fa{{«{body}»}}" if lang == "en" else f"«{body}»"


def symbol(name: str) -> str:
    """A variable's name as math: ``hat_y`` and ``y_hat`` are ``\\hat{y}``, ``k_1`` is ``k_{1}``.

    >>> symbol("hat_y"), symbol("k_1"), symbol("alpha")
    ('\\\\hat{y}', 'k_{1}', '\\\\alpha')
    """
    bare = name.removeprefix("hat_").removesuffix("_hat")
    if bare != name:
        return rf"\hat{{{sp.latex(sp.Symbol(bare))}}}"
    return sp.latex(sp.Symbol(name))


def prose(text: str, lang: str) -> str:
    """A sentence of the edition's own prose (Persian digits and decimal separator in the Persian edition).

    >>> prose("momentum 0.1 over 12 layers", "fa")
    'momentum ۰٫۱ over ۱۲ layers'
    """
    return persian_digits(text) if lang == "fa" else text


def number(value: float | int, digits: int = 4) -> str:
    """A number as math: integers with thin-space groups, reals with ``digits`` significant digits.

    >>> number(138357544), number(0.000473235), number(2.0), number(10270.3), number(0.0294)
    ('138\\\\,357\\\\,544', '4.732 \\\\times 10^{-4}', '2', '10\\\\,270', '0.0294')
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return f"{int(value):,}".replace(",", r"\,")
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\text{undefined}")
    if value != 0 and not 1e-3 <= abs(value) < 1e5:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value)))) if value else 0
    text = f"{value:,.{decimals}f}".replace(",", r"\,")
    return text.rstrip("0").rstrip(".") if "." in text else text


def render_value(value) -> str:
    """A number, list or SymPy object from a counterexample, as inline math (text as text).

    >>> render_value([1.5, 2]), render_value("more than the threshold 0.2")
    ('$(1.5, 2)$', 'more than the threshold 0.2')
    """
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return ", ".join(f"${symbol(v)}$" for v in value)  # names (of parameters, say): a list in the text
    if isinstance(value, (list, tuple)):
        return "$(" + ", ".join(render_value(v).strip("$") for v in value) + ")$"
    if isinstance(value, sp.Basic):
        return f"${mathtext.latex(value)}$"
    return f"${number(value)}$"


def formula(expr: sp.Basic, lhs: str = "", *, max_length: int = 260) -> str:
    """``lhs = expr`` as people write it; a constant too long for a line is given by its value.

    >>> formula(sp.sqrt(2) + sp.pi, "c", max_length=5)
    'c \\\\approx 4.556'
    """
    body = mathtext.latex(expr)
    if len(body) > max_length and not getattr(expr, "free_symbols", True):
        values = expr if isinstance(expr, sp.Tuple) else (expr,)
        shown = ", ".join(number(float(sp.N(v, 20))) for v in values)
        body = f"({shown})" if isinstance(expr, sp.Tuple) else shown
        return f"{lhs} \\approx {body}" if lhs else body
    return f"{lhs} = {body}" if lhs else body


def math_block(latex: str, lang: str = "en") -> str:
    """A displayed formula, scaled down only when wider than the line."""
    body = math_words(" ".join(latex.split()), lang)
    return f"\\begin{{center}}\\fitmath{{{body}}}\\end{{center}}\n"


def status_mark(status: str, S: dict) -> str:
    """The coloured verdict badge."""
    return f"\\verdict{{{status}}}{{{S['status'][status]}}}"


def heading_of(claim: Claim) -> str:
    """The heading a claim is listed under: its question and, for a lettered part, the part (``Q2(b)``)."""
    return f"{claim.question}({claim.part})" if len(claim.part) == 1 else claim.question


def group_by_part(pairs: Iterable[tuple[Claim, Verdict]]) -> dict[str, dict[str, list]]:
    """Claims grouped by question then part, both in the report's order."""
    grouped: dict[str, dict[str, list]] = {}
    for claim, verdict in pairs:
        grouped.setdefault(claim.question, {}).setdefault(heading_of(claim), []).append((claim, verdict))
    return {q: dict(sorted(parts.items())) for q, parts in sorted(grouped.items())}
