"""Which quantity of the homework each formula of a report states.

A formula is first cut into statements: an ``align`` into its rows (a row that starts with
``&=`` continues the one before it: ``A = B = C`` stays one statement), a display holding two
relations side by side (``... = 32 \\quad ... = 16``) into both. Each statement is then matched:

1. an explicit mark wins: ``<!-- convproof: ID -->`` or ``% convproof: ID`` before the formula,
   or a sidecar ``FILE.convproof.toml`` (``[marks]``: line -> id, or ``"LINE.N"`` -> id for the
   N-th statement of a line); the id ``none`` leaves the formula unjudged on purpose;
2. otherwise every quantity is scored (docs/audit.md): its left-hand side regexes against the
   statement's (a left side that computes, ``\\frac{30}{2} + 1``, names nothing), its question
   and part, its words at their nearest place: the cell's label (a whole name over a part), the
   heading, the table, the paragraph, the formula's own right-hand side (``erf``, ``0.044715``);
   then the close ones whose symbols the formula shares go first. The best score wins when it is
   high enough; between equal scores a quantity not yet stated wins (two ReLU rows of a table).

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
from .locator_symbols import MAX_TIED, by_symbols, reads
from .locator_words import LEAD, places_of, words_score
from .reader import Formula

__all__ = ["Statement", "arithmetic", "lhs_forms", "locate", "statements"]

_ROW_ENVS = {"align", "alignat", "gather", "multline", "flalign", "eqnarray"}
_WRAPPERS = re.compile(r"^\\begin\{[a-z]+\*?\}|\\end\{[a-z]+\*?\}$")
_LABELS = re.compile(r"\\(?:label|tag)\*?\{[^}]*\}|\\(?:nonumber|notag)\b")
_SPACING = re.compile(r"\s+|\\left(?![a-zA-Z])|\\right(?![a-zA-Z])|\\[,;:! ]|\\q?quad(?![a-zA-Z])")
_WRAPPED = re.compile(r"\\(?:text|mathrm|operatorname|mathit|textrm|mathbf|rm)\s*\{([^{}]*)\}")
_QUAD = re.compile(r"\\q?quad(?![a-zA-Z])")
# a side condition after a formula: m_i \sim Bernoulli(1 - p), x \in [0, 1], \text{where ...}, \text{for } i > 0
_CONDITION = re.compile(r"\\(?:sim|in|le|leq|ge|geq|neq)(?![a-zA-Z])|[<>]|\\text\{\s*(?:where|for|if|with)\b")
NONE = "none"


@dataclass(frozen=True)
class Statement:
    """One statement of a formula: the LaTeX to judge, and the formula it comes from."""

    formula: Formula
    text: str

    @property
    def lhs(self) -> str:
        sides = split_chain(LEAD.sub("", self.text)) if "=" in self.text else []
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
    if formula.kind == "blank cell":  # a blank cell has no text of its own: its row's name stands for it
        return [Statement(formula, formula.row)] if formula.row else []
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
        elif len(parts) > 1 and "=" in parts[0] and all(_CONDITION.search(p) for p in parts[1:] if p):
            out.append(
                Statement(formula, parts[0].rstrip(".,;").strip())
            )  # f = ..., \quad m \sim ...: a side condition
        else:
            out.append(Statement(formula, piece.rstrip(".,;").strip()))
    return [s for s in out if s.text]


_ARITHMETIC_NOISE = re.compile(r"\\(?:[dt]?frac|times|cdot|left|right|[lr]floor|[lr]ceil)(?![a-zA-Z])|\s+|\\[,;:! ]")
_ARITHMETIC = re.compile(r"[\d+\-*/=(){}\[\].,]+")


def arithmetic(text: str) -> str:
    """A calculation with numbers only, as the quantities' calculation patterns read it (else "").

    >>> arithmetic(r"\\frac{(32-3)+2}{1} + 1 = 32"), arithmetic(r"\\frac{N-k}{s} + 1")
    ('\\\\frac{(32-3)+2}{1}+1=32', '')
    """
    bare = _ARITHMETIC_NOISE.sub("", text)
    if "=" not in text or not _ARITHMETIC.fullmatch(bare):
        return ""
    return re.sub(r"\s+|\\[,;:! ]|\\left|\\right", "", text).replace("\\times", "*").replace("\\cdot", "*")


def _score(statement: Statement, quantity: Any, forms: tuple[str, ...], places: list, sums: str) -> float:
    """How well the statement fits the quantity; ``forms``: its left side's spellings, ``sums``: its
    calculation (:func:`arithmetic`), both read once per statement."""
    f = statement.formula
    score = 0.0
    if _calculation_hit(quantity, sums):
        score += 10
    if f.repeat and getattr(quantity, "repeat", 0):
        score += 1 if f.repeat == quantity.repeat else -1
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
    return score + words_score(statement, getattr(quantity, "words", ()) or (), places)


# A bare name (``\alpha``, ``erf``, ``\Phi(x_{ij})``, ``(k-1)``) names a symbol; it states nothing.
_BARE = re.compile(r"\(?\\?[A-Za-z]+(?:_\{?[\w\\-]+\}?)?(?:\([^()=]*\))?(?:\s*-\s*1)?\)?|[A-Za-z ]+")


def locate(
    formulas: Sequence[Formula], quantities: Sequence[Any], sidecar: Mapping[Any, str] | None = None
) -> list[tuple[Statement, tuple[Any, ...], str]]:
    """Every statement with its candidate quantities, best first (empty: none), and how: mark, lhs, words, none.

    Several candidates come only from a tie (two Q3 calculations under one heading, say).
    """
    by_id = {q.id: q for q in quantities}
    sidecar = sidecar or {}
    used: set[str] = set()
    out: list[tuple[Statement, tuple[Any, ...], str]] = []
    on_line: dict[int, int] = {}
    for formula in formulas:
        for statement in statements(formula):
            nth = on_line[formula.line] = on_line.get(formula.line, 0) + 1
            mark = formula.mark or sidecar.get((formula.line, nth), sidecar.get(formula.line))
            if mark is not None:
                chosen = by_id.get(mark)
                how = "mark" if chosen else ("unmarked" if mark == NONE else f"marked with an unknown id {mark!r}")
                out.append((statement, (chosen,) if chosen else (), how))
                if chosen:
                    used.add(chosen.id)
                continue
            lhs = statement.lhs
            forms = lhs_forms(lhs) if lhs and not _computed(lhs) else ()
            places = places_of(statement)
            sums = arithmetic(statement.text) if formula.kind in ("inline", "display") else ""
            scored = sorted(
                ((_score(statement, q, forms, places, sums), i, q) for i, q in enumerate(quantities)),
                key=lambda t: (-t[0], t[1]),
            )
            hit = bool(forms) and any(_lhs_hit(q, forms) for _, _, q in scored[:1])
            counted = not hit and bool(scored) and _calculation_hit(scored[0][2], sums)
            hit = hit or counted
            bare = not hit and _bare(statement)
            if scored and not bare:  # RF_i = RF_{i-1} + ...: the recurrence's symbols, whatever the words say
                scored = by_symbols(statement, scored, widen=not hit)
            if not scored or bare or _in_words(statement) or scored[0][0] < (10 if hit else 6):
                out.append((statement, (), "none"))
                continue
            best = scored[0][0]
            tied = [q for s, _, q in scored if s >= best - 0.25]
            if not hit:  # words alone: only a quantity that can read it ($1 - p$ in a sentence states nothing)
                tied = [q for q in tied if reads(statement, q)]
                if not tied:
                    out.append((statement, (), "none"))
                    continue
            tied = [q for q in tied if q.id not in used] or tied  # one already stated is only a fallback
            used.add(tied[0].id)
            out.append((statement, tuple(tied[:MAX_TIED]), "calculation" if counted else "lhs" if hit else "words"))
    return out


def _bare(statement: Statement) -> bool:
    """A name standing alone in prose; a table cell's entry under a label (``<b>Tanh</b> $\\tanh(x)$``) states it."""
    formula = statement.formula
    if formula.kind not in ("inline", "display") or formula.label:
        return False
    return _BARE.fullmatch(statement.text.strip()) is not None


def _computed(lhs: str) -> bool:
    """A left-hand side that computes (``\\frac{30}{2} + 1``): a ``+``, ``-`` or product outside brackets."""
    depth = 0
    for at, char in enumerate(lhs):
        depth += (char in "{([") - (char in "})]")
        if depth == 0 and at and (char in "+-" or lhs.startswith(("\\times", "\\cdot"), at)):
            return True
    return False


_WORDS_ONLY = re.compile(r"(?:\\(?:text|mathrm|textrm|operatorname)\{[^{}]*\}\s*)+")


def _in_words(statement: Any) -> bool:
    """``\\Phi(x) = \\text{the normal CDF}``: a name given in words states no formula."""
    sides = split_chain(LEAD.sub("", statement.text)) if "=" in statement.text else []
    return len(sides) > 1 and all(_WORDS_ONLY.fullmatch(side.strip()) for side in sides[1:])


def _calculation_hit(quantity: Any, sums: str) -> bool:
    return bool(sums) and any(re.fullmatch(p, sums) for p in getattr(quantity, "calculation", ()))


def _lhs_hit(quantity: Any, forms: tuple[str, ...]) -> bool:
    return any(re.fullmatch(p, form, re.I) for p in getattr(quantity, "lhs", ()) or () for form in forms)
