"""Which quantity of the homework each formula of a report states.

A formula is first cut into statements: an ``align`` into its rows (a row that starts with
``&=`` continues the one before it: ``A = B = C`` stays one statement), a display holding two
relations side by side (``... = 32 \\quad ... = 16``) into both. Each statement is then matched:

1. an explicit mark wins: ``<!-- convproof: ID -->`` or ``% convproof: ID`` before the formula,
   or a sidecar ``FILE.convproof.toml`` (``[marks]``, line number -> id); the id ``none``
   leaves the formula unjudged on purpose;
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
from functools import lru_cache
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


@lru_cache(maxsize=4096)
def _pattern(word: str) -> re.Pattern[str]:
    """A whole word; a number may touch a letter (``1.702x``), not another digit."""
    start = r"(?<![\d.])" if word[:1].isdigit() else r"(?<![A-Za-z])"
    end = r"(?![\d])" if word[-1:].isdigit() else r"(?![A-Za-z])"
    return re.compile(start + re.escape(word) + end, re.I)


def _has(word: str, text: str) -> bool:
    return bool(word) and (_pattern(word).search(text) is not None if word.isascii() else word in text)


@lru_cache(maxsize=65536)
def _squash(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.lower())


@lru_cache(maxsize=65536)
def _name(text: str) -> str:
    """What a heading or cell names: its text before a parenthesis, squashed (``Hard tanh`` -> ``hardtanh``)."""
    return _squash(re.sub(r"\(.*", "", re.sub(r"[^\w\s()\-]", "", text)))


@lru_cache(maxsize=65536)
def _found(word: str, text: str) -> bool:
    """The word in the text, or in what the text names (``hardtanh`` in ``Hard tanh``)."""
    return any(_has(w, t) for w in (word, _squash(word)) for t in (text, _name(text)))


# A table cell is a table's entry: the quantities reproduced as a table (the homework's charts of
# activation functions) are named by these words, and fit a cell better than prose's quantities do.
_TABLE_WORDS = "table chart جدول نمودار"
# Each place: (weight of a whole name, of a part of it, whether its words add up). A label, heading or
# table names one thing (``Gelu (Gaussian Error Linear Unit)`` is one name, not two words).
_LABEL, _HEADING, _TABLE = (5.0, 4.0, False), (3.5, 3.0, False), (3.0, 3.0, False)
_NEAR = _OWN = (1.0, 1.0, True)


def _places(statement: Statement) -> list[tuple[tuple[float, float, bool], str]]:
    f = statement.formula
    places = [(_LABEL, f.label or f.row), (_HEADING, f.section[-1] if f.section else "")]
    if f.row and not f.label:  # a cell that names itself: its row's and column's titles name other cells
        places.append((_TABLE, f"{f.row} {f.column}"))
    if f.row or f.label:
        places.append((_TABLE, _TABLE_WORDS))
    places += [(_NEAR, f"{f.before} {f.after}"), (_OWN, _rhs(statement))]
    return [(weights, text) for weights, text in places if text.strip()]


def _words_score(statement: Statement, words: Sequence[str], places: list | None = None) -> float:
    """Each word at its nearest place; a label, heading or table counts once, by its best word."""
    places = _places(statement) if places is None else places
    best: dict[int, float] = {}
    for word in words:
        for at, ((whole, part, adds), text) in enumerate(places):
            if _found(word, text):
                weight = whole if _squash(word) == _name(text) else part
                best[at] = best.get(at, 0.0) + weight if adds else max(best.get(at, 0.0), weight)
                break
    score = sum(best.values())
    label = statement.formula.label or statement.formula.row
    if label and words and not any(_found(w, label) for w in words):
        score -= 3  # a table cell whose label or row names another thing (the Input row, say)
    return score


def _rhs(statement: Statement) -> str:
    sides = split_chain(_LEAD.sub("", statement.text)) if "=" in statement.text else []
    return " ".join(sides[1:]) if len(sides) > 1 else statement.text


def _score(statement: Statement, quantity: Any, forms: tuple[str, ...], places: list | None = None) -> float:
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
    return score + _words_score(statement, getattr(quantity, "words", ()) or (), places)


# A bare name (``\alpha``, ``erf``, ``\Phi(x_{ij})``, ``(k-1)``) names a symbol; it states nothing.
_BARE = re.compile(r"\(?\\?[A-Za-z]+(?:_\{?[\w\\-]+\}?)?(?:\([^()=]*\))?(?:\s*-\s*1)?\)?|[A-Za-z ]+")


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
            lhs = statement.lhs
            forms = lhs_forms(lhs) if lhs and not _computed(lhs) else ()
            places = _places(statement)
            scored = sorted(
                ((_score(statement, q, forms, places), i, q) for i, q in enumerate(quantities)),
                key=lambda t: (-t[0], t[1]),
            )
            hit = bool(forms) and any(_lhs_hit(q, forms) for _, _, q in scored[:1])
            bare = not hit and _BARE.fullmatch(statement.text.strip()) is not None
            if scored and not hit and not bare:
                scored = _by_symbols(statement, scored)
            if not scored or bare or _in_words(statement) or scored[0][0] < (10 if hit else 6):
                out.append((statement, (), "none"))
                continue
            best = scored[0][0]
            tied = [q for s, _, q in scored if s >= best - 0.25]
            tied = [q for q in tied if q.id not in used] + [q for q in tied if q.id in used]
            used.add(tied[0].id)
            out.append((statement, tuple(tied[:MAX_TIED]), "lhs" if hit else "words"))
    return out


def _computed(lhs: str) -> bool:
    """A left-hand side that computes (``\\frac{30}{2} + 1``): a ``+``, ``-`` or product outside brackets."""
    depth = 0
    for at, char in enumerate(lhs):
        depth += (char in "{([") - (char in "})]")
        if depth == 0 and at and (char in "+-" or lhs.startswith(("\\times", "\\cdot"), at)):
            return True
    return False


_WORDS_ONLY = re.compile(r"(?:\\(?:text|mathrm|textrm|operatorname)\{[^{}]*\}\s*)+")
SYMBOL_MARGIN, SYMBOL_BONUS = 1.25, 1.5


def _in_words(statement: Statement) -> bool:
    """``\\Phi(x) = \\text{the normal CDF}``: a name given in words states no formula."""
    sides = split_chain(_LEAD.sub("", statement.text)) if "=" in statement.text else []
    return len(sides) > 1 and all(_WORDS_ONLY.fullmatch(side.strip()) for side in sides[1:])


def _by_symbols(statement: Statement, scored: list) -> list:
    """The close candidates (within SYMBOL_MARGIN, at most MAX_TIED) the formula fits go up by SYMBOL_BONUS."""
    close = [t for t in scored[:MAX_TIED] if t[0] >= scored[0][0] - SYMBOL_MARGIN]
    if len(close) < 2:
        return scored
    lifted = [(s + SYMBOL_BONUS if _fits(statement, q) else s, i, q) for s, i, q in close]
    return sorted(lifted, key=lambda t: (-t[0], t[1])) + scored[len(close) :]


def _fits(statement: Statement, quantity: Any) -> bool:
    """Every side the formula claims has the free symbols (and, for a shape, the length) of the reference."""
    try:
        claim = quantity.build(statement.text)
        values, reference = [value for _, value in claim.claimed or ()], claim.reference
        wanted = _symbols(reference)
        size = len(reference) if isinstance(reference, (tuple, list)) else None
        return bool(values and wanted) and all(
            _symbols(v) == wanted and (len(v) if isinstance(v, (tuple, list)) else None) == size for v in values
        )
    except Exception:  # a formula this quantity cannot read does not fit it
        return False


def _symbols(value: Any) -> frozenset[str]:
    if isinstance(value, (tuple, list)):
        return frozenset().union(*(_symbols(v) for v in value))
    return frozenset(str(s) for s in getattr(value, "free_symbols", ()))


def _lhs_hit(quantity: Any, forms: tuple[str, ...]) -> bool:
    return any(re.fullmatch(p, form, re.I) for p in getattr(quantity, "lhs", ()) or () for form in forms)
