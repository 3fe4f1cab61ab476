"""Pure functions from claims and verdicts to LaTeX (no I/O, no TeX run).

The same input always gives the same text: claims in registry order, no
dates, numbers formatted with fixed precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import sympy as sp

from ..derivations.claim import Claim
from ..derivations.outcome import Counterexample
from ..verify.results import STATUSES, Verdict
from .i18n import persian_digits

__all__ = ["claim_block", "escape", "group_by_part", "math_block", "render_value"]

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u200c](?:[\u0600-\u06FF\u200c\s]*[\u0600-\u06FF\u200c])?")
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
# Unicode that pdflatex cannot typeset as text, spelled in LaTeX instead.
_UNICODE = {
    "−": "-",
    "–": "--",
    "—": "---",
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
    "²": r"$^2$",
    "³": r"$^3$",
    "√": r"$\surd$",
    "∑": r"$\sum$",
    "Σ": r"$\Sigma$",
    "’": "'",
    "‘": "`",
    "“": "``",
    "”": "''",
    "…": r"\dots{}",
    "∈": r"$\in$",
    "≡": r"$\equiv$",
    "⌊": r"$\lfloor$",
    "⌋": r"$\rfloor$",
}


def escape(text: str, lang: str = "en") -> str:
    """Escape plain text for LaTeX; in the English edition, spell out Unicode math.

    >>> escape("k_1 & 50% of x ≤ 2")
    'k\\\\_1 \\\\& 50\\\\% of x $\\\\le$ 2'
    """
    out = []
    for char in str(text):
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
        elif char in _UNICODE and (lang == "en" or not _ARABIC.match(char)):
            out.append(_UNICODE[char])
        elif lang == "en" and ord(char) > 127:
            out.append("?")
        else:
            out.append(char)
    return "".join(out)


def latin(text: str, lang: str) -> str:
    """Escaped Latin-script text; wrapped left-to-right in the Persian edition."""
    body = escape(text, lang)
    return body if lang == "en" else rf"\lr{{{body}}}"


def mixed(text: str, lang: str) -> str:
    r"""Text with inline ``$...$`` formulas: the text escaped, the formulas kept.

    >>> print(mixed(r"FC-10 $1 \times 10$ & more", "en"))
    FC-10 $1 \times 10$ \& more
    """
    if lang == "en":
        # pdflatex has no Persian font: say where Persian stands instead of printing '?'
        text = _ARABIC_RUN.sub("[Persian text]", text)
    out = []
    for pos, piece in enumerate(re.split(r"(\$[^$]+\$)", text)):
        if pos % 2:
            out.append(piece)
        elif piece:
            out.append(escape(piece, lang) if lang == "en" or _ARABIC.search(piece) else latin(piece, lang))
    return "".join(out)


def prose(text: str, lang: str) -> str:
    """A sentence of the edition's own prose (Persian digits in the Persian edition)."""
    return persian_digits(text) if lang == "fa" else text


def math_block(latex: str) -> str:
    """A displayed formula, scaled down only when wider than the line."""
    body = " ".join(latex.split())
    return f"\\begin{{center}}\\fitmath{{{body}}}\\end{{center}}\n"


def render_value(value) -> str:
    """A number, list or SymPy object from a counterexample, as inline math."""
    if isinstance(value, float):
        text = f"{value:.6g}"
    elif isinstance(value, (list, tuple)):
        text = "(" + ", ".join(render_value(v).strip("$") for v in value) + ")"
    elif isinstance(value, sp.Basic):
        text = sp.latex(value)
    else:
        text = escape(str(value))
    return f"${text}$"


def _symbol_latex(name: str) -> str:
    try:
        return sp.latex(sp.Symbol(name))
    except Exception:
        return escape(name)


def _values(values: dict) -> str:
    parts = [f"{_symbol_latex(name)} = {render_value(v).strip('$')}" for name, v in values.items()]
    return "$" + ",\\ ".join(parts) + "$" if parts else "---"


def status_mark(status: str, S: dict) -> str:
    """The coloured verdict badge."""
    return f"\\verdict{{{status}}}{{{S['status'][status]}}}"


def _source(claim: Claim, S: dict, lang: str) -> str:
    text = claim.source
    if text is None:
        return f"\\textit{{{S['extension']}}}\n\n"
    if _ARABIC.search(text):
        if lang == "en":
            summary = claim.prose or claim.note
            return f"{S['as_written']}: {escape(summary)} \\textit{{{S['as_written_persian']}}}\n\n"
        return f"{S['as_written']}: «{mixed(text, lang)}»\n\n"
    if "$" in text or (claim.statement is None and not claim.claimed):
        return f"{S['as_written']}: {mixed(text, lang)}\n\n"
    return f"{S['as_written']}:\n" + math_block(text)


def _evidence_table(verdict: Verdict, S: dict, lang: str) -> str:
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["evidence_header"])
    rows = []
    for e in verdict.evidence:
        err = "" if e.max_abs_error is None else f"{e.max_abs_error:.3g}"
        samples = "" if e.samples is None else str(e.samples)
        method = e.method + (f" ({e.detail})" if e.detail else "")
        rows.append(
            f"{latin(e.tier, lang)} & {latin(method, lang)} & {S['result'][e.passed]} & {latin(samples, lang)} & {latin(err, lang)} \\\\"
        )
    body = "\n".join(rows)
    return (
        "\\par\\noindent{\\footnotesize\\begin{tabularx}{\\linewidth}{@{}l X l r r@{}}\\toprule\n"
        f"{head} \\\\ \\midrule\n{body}\n"
        "\\bottomrule\\end{tabularx}}\\par\\smallskip\n"
    )


def claim_block(claim: Claim, verdict: Verdict, S: dict, lang: str) -> str:
    """The whole entry of one claim: badge, source, reading, derivation, evidence, correction."""
    out = [
        f"\\claimheading{{{latin(claim.id, lang)}}}{{{latin(claim.where, lang)}}}{{{status_mark(verdict.status, S)}}}\n",
        _source(claim, S, lang),
    ]
    if claim.note:
        out.append(f"\\textit{{{S['reading']}}}: {latin(claim.note, lang)}\n\n")
    if claim.derivation:
        out.append(f"\\textit{{{S['derivation']}}}:\n")
        for caption, step in claim.derivation:
            out.append(f"{latin(caption, lang)}:\n" + math_block(sp.latex(step)))
    if claim.reference is not None:
        ref = sp.latex(claim.readable if claim.readable is not None else claim.reference)
        out.append(f"\\textit{{{S['reference']}}}:\n" + math_block(f"{claim.lhs} = {ref}" if claim.lhs else ref))
    out.append(f"\\textit{{{S['evidence']}}}:\n" + _evidence_table(verdict, S, lang))
    if verdict.condition:
        out.append(f"\\textit{{{S['condition']}}}:\n" + math_block(verdict.condition))
    if verdict.status == "refuted" and verdict.counterexample:
        out.append(f"\\textit{{{S['counterexample']}}}: " + _counterexample(verdict.counterexample, S, lang) + "\n\n")
    if verdict.status in ("refuted", "conditional") and verdict.correction:
        out.append(f"\\textit{{{S['correction']}}}:\n" + math_block(verdict.correction))
    return "".join(out) + "\n"


def _counterexample(ce: Counterexample, S: dict, lang: str) -> str:
    return prose(
        S["counterexample_text"].format(
            values=_values(ce.instance),
            part=latin(str(ce.part or ""), lang),
            claimed=render_value(ce.claimed),
            reference=render_value(ce.reference),
        ),
        "en",
    )


def heading_of(claim: Claim) -> str:
    """The heading a claim is listed under: its question and, for a lettered part, the part (``Q2(b)``)."""
    return f"{claim.question}({claim.part})" if len(claim.part) == 1 else claim.question


def group_by_part(pairs: Iterable[tuple[Claim, Verdict]]) -> dict[str, dict[str, list]]:
    """Claims grouped by question then part, both in the report's order."""
    grouped: dict[str, dict[str, list]] = {}
    for claim, verdict in pairs:
        grouped.setdefault(claim.question, {}).setdefault(heading_of(claim), []).append((claim, verdict))
    return {q: dict(sorted(parts.items())) for q, parts in sorted(grouped.items())}


def counts(verdicts: Sequence[Verdict]) -> dict[str, int]:
    """Number of verdicts per status, in the fixed order of statuses."""
    return {status: sum(v.status == status for v in verdicts) for status in STATUSES}
