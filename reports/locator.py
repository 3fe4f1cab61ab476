"""Which quantity of the homework each formula of a report states.

A formula is first cut into statements: an ``align`` into its rows (a row that starts with
``&=`` continues the one before it: ``A = B = C`` stays one statement), a display holding two
relations side by side (``... = 32 \\quad ... = 16``) into both. Each statement is then matched:

1. an explicit mark wins: ``<!-- convproof: ID -->`` or ``% convproof: ID`` before the formula,
   or a sidecar ``FILE.convproof.toml`` (``[marks]``, line number -> id); the id ``none``
   leaves the formula unjudged on purpose;
2. otherwise every quantity is scored: its left-hand side regexes against the statement's
   left-hand side (spaces and ``\\left``/``\\right`` removed, ``\\text{MSE}`` also read as
   ``MSE``), its question and part against the formula's, its words against the heading,
   the table row and cell, and the words around the formula. The best score wins when it is
   high enough; between equal scores a quantity not yet stated wins (two ReLU rows of a
   table, read in order).

>>> from types import SimpleNamespace as Q
>>> from convproof.reports.reader import read_text
>>> rf = Q(id="dilated.rf_closed_form", question="Q2", part="b", lhs=(r"RF_\\{?i\\}?",), words=("receptive",))
>>> [(s.text, [q.id for q in qs]) for s, qs, how in locate(read_text("## Q2\\n$$RF_i = 1 + i d (k-1)$$"), [rf])]
[('RF_i = 1 + i d (k-1)', ['dilated.rf_closed_form'])]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..derivations.latex.front import split_chain
from .reader import Formula

__all__ = ["Statement", "lhs_forms", "locate", "statements"]

_ROW_ENVS = {"align", "alignat", "gather", "multline", "flalign", "eqnarray"}
_WRAPPERS = re.compile(r"^\\begin\{[a-z]+\*?\}|\\end\{[a-z]+\*?\}$")
_LABELS = re.compile(r"\\(?:label|tag)\*?\{[^}]*\}|\\(?:nonumber|notag)\b")
_LEAD = re.compile(r"^\s*(?:\\Rightarrow|\\implies|\\therefore|\\to|\\Longrightarrow)\s*")
_SPACING = re.compile(r"\s+|\\left(?![a-zA-Z])|\\right(?![a-zA-Z])|\\[,;:! ]|\\q?quad(?![a-zA-Z])")
_WRAPPED = re.compile(r"\\(?:text|mathrm|operatorname|mathit|textrm|mathbf|rm)\s*\{([^{}]*)\}")
_QUAD = re.compile(r"\\q?quad(?![a-zA-Z])")
NONE = "none"
MAX_TIED = 6  # equally likely quantities tried in turn by the judge (the first it verifies wins)


@dataclass(frozen=True)
class Statement:
    """One statement of a formula: the LaTeX to judge, and the formula it comes from."""

    formula: Formula
    text: str

    @property
    def lhs(self) -> str:
        sides = split_chain(_LEAD.sub("", self.text)) if "=" in self.text else []
        return sides[0] if len(sides) > 1 else ""


def lhs_forms(lhs: str) -> tuple[str, ...]:
    """The spellings a left-hand side is matched in: spaces removed; also unwrapped, ``\\dfrac`` as ``\\frac``.

    >>> lhs_forms(r"\\text{MSE} ")
    ('\\\\text{MSE}', 'MSE')
    """
    plain = _SPACING.sub("", re.sub(r"\\begin\{(?:aligned|split|align\*?)\}|&", "", lhs))
    forms = [plain, re.sub(r"\\[dt]frac", r"\\frac", _WRAPPED.sub(r"\1", plain))]
    return tuple(dict.fromkeys(forms))


def _rows(body: str) -> list[str]:
    rows: list[str] = []
    for row in re.split(r"\\\\(?:\[[^\]]*\])?", body):
        row = _LABELS.sub("", row).strip()
        if not row:
            continue
        if rows and re.match(r"^&?\s*(=|\\approx|\\le|\\ge|<|>)", row):
            rows[-1] = rows[-1] + " " + row
        else:
            rows.append(row)
    return [row.replace("&", " ").strip() for row in rows]


def statements(formula: Formula) -> list[Statement]:
    """The statements of one formula (see the module docstring).

    >>> from convproof.reports.reader import read_text
    >>> f = read_text(r"$$\\frac{30}{2} + 1 = 16 \\quad \\frac{6-2}{2} + 1 = 3$$")[0]
    >>> [s.text for s in statements(f)]
    ['\\\\frac{30}{2} + 1 = 16', '\\\\frac{6-2}{2} + 1 = 3']
    """
    text = formula.latex.strip()
    if formula.environment in _ROW_ENVS:
        pieces = _rows(_WRAPPERS.sub("", _WRAPPERS.sub("", text)).strip())
    elif formula.environment in ("equation", "displaymath", "math"):
        pieces = [_LABELS.sub("", _WRAPPERS.sub("", _WRAPPERS.sub("", text))).strip()]
    else:
        pieces = [text]
    out = []
    for piece in pieces:
        parts = [p.strip() for p in _QUAD.split(piece)]
        if len(parts) > 1 and all("=" in p for p in parts if p):
            out.extend(Statement(formula, p.rstrip(".,;")) for p in parts if p)
        else:
            out.append(Statement(formula, piece.rstrip(".,;").strip()))
    return [s for s in out if s.text]


def _has(word: str, text: str) -> bool:
    if word.isascii():
        return re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text, re.I) is not None
    return word in text


def _score(statement: Statement, quantity: Any, forms: tuple[str, ...]) -> float:
    f = statement.formula
    score = 0.0
    patterns = tuple(getattr(quantity, "lhs", ()) or ())
    if patterns and forms:
        if any(re.fullmatch(p, form) for p in patterns for form in forms):
            score += 10
        elif any(re.fullmatch(p, form, re.I) for p in patterns for form in forms):
            score += 8
        else:
            score -= 4
    if f.question and quantity.question:
        score += 3 if f.question == quantity.question else -8
        if f.part and quantity.part and len(quantity.part) == 1:
            score += 2 if f.part == quantity.part else -1
    strong = " ".join(filter(None, (f.section[-1] if f.section else "", f.row, f.label, f.column)))
    near = f"{f.before} {f.after}"
    words = getattr(quantity, "words", ()) or ()
    if f.row and words and not any(_has(word, f"{f.row} {f.label}") for word in words):
        score -= 3  # a table cell whose row names another thing (the Input row, say)
    for word in words:
        if _has(word, f.label or f.row):
            score += 4
        elif _has(word, strong):
            score += 3
        elif _has(word, near):
            score += 1
        elif _has(word, statement.text):
            score += 0.5
    return score


# A bare name (``\alpha``, ``erf``, ``\Phi(x_{ij})``, ``(k-1)``) names a symbol; it states nothing.
_BARE = re.compile(r"\(?\\?[A-Za-z]+(?:_\{?[\w\\-]+\}?)?(?:\([^()=]*\))?(?:\s*-\s*1)?\)?|[A-Za-z ]+")


def _threshold(statement: Statement, score: float, forms: tuple[str, ...], lhs_hit: bool) -> bool:
    if lhs_hit:
        return score >= 10
    if _BARE.fullmatch(statement.text.strip()):
        return False
    return score >= 6


def locate(
    formulas: Sequence[Formula], quantities: Sequence[Any], sidecar: Mapping[int, str] | None = None
) -> list[tuple[Statement, tuple[Any, ...], str]]:
    """Every statement with its candidate quantities, best first (empty: none), and how: mark, lhs, words, none.

    Several candidates come only from a tie (two Q3 calculations under one heading, say).
    """
    by_id = {q.id: q for q in quantities}
    sidecar = sidecar or {}
    used: set[str] = set()
    out: list[tuple[Statement, tuple[Any, ...], str]] = []
    for formula in formulas:
        for statement in statements(formula):
            mark = formula.mark or sidecar.get(formula.line)
            if mark is not None:
                chosen = by_id.get(mark)
                how = "mark" if chosen else ("unmarked" if mark == NONE else f"marked with an unknown id {mark!r}")
                out.append((statement, (chosen,) if chosen else (), how))
                if chosen:
                    used.add(chosen.id)
                continue
            forms = lhs_forms(statement.lhs) if statement.lhs else ()
            scored = sorted(
                ((_score(statement, q, forms), i, q) for i, q in enumerate(quantities)), key=lambda t: (-t[0], t[1])
            )
            hit = bool(forms) and any(_lhs_hit(q, forms) for _, _, q in scored[:1])
            if not scored or not _threshold(statement, scored[0][0], forms, hit):
                out.append((statement, (), "none"))
                continue
            best = scored[0][0]
            tied = [q for s, _, q in scored if s >= best - 0.25]
            tied = [q for q in tied if q.id not in used] + [q for q in tied if q.id in used]
            used.add(tied[0].id)
            out.append((statement, tuple(tied[:MAX_TIED]), "lhs" if hit else "words"))
    return out


def _lhs_hit(quantity: Any, forms: tuple[str, ...]) -> bool:
    return any(re.fullmatch(p, form, re.I) for p in getattr(quantity, "lhs", ()) or () for form in forms)
