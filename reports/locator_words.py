r"""How near a formula's words name a quantity: each word at its nearest place (docs/audit.md).

A table cell's label names one thing (``<b>Hard tanh</b>`` is the whole name ``hardtanh``, and only
a part of ``tanh``); a heading and a table too; the words of a paragraph and of the formula's own
right-hand side add up.

>>> from convproof.reports.reader import read_text
>>> from convproof.reports.locator import statements
>>> cell = read_text("<b>Leaky ReLU</b>  $\\max(0, x)$\t<b>ReLU</b>  $x$")[0]
>>> cell.label
'Leaky ReLU'
>>> s = statements(cell)[0]
>>> words_score(s, ("leaky relu",)), words_score(s, ("relu",))
(5.0, 4.0)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..derivations.latex.front import split_chain

__all__ = ["LEAD", "places_of", "rhs", "words_score"]

LEAD = re.compile(r"^\s*(?:\\Rightarrow|\\implies|\\therefore|\\to|\\Longrightarrow)\s*")


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


def places_of(statement) -> list[tuple[tuple[float, float, bool], str]]:
    f = statement.formula
    places = [(_LABEL, f.label or f.row), (_HEADING, f.section[-1] if f.section else "")]
    if f.row and not f.label:  # a cell that names itself: its row's and column's titles name other cells
        places.append((_TABLE, f"{f.row} {f.column}"))
    if f.row or f.label:
        places.append((_TABLE, _TABLE_WORDS))
    if not (f.row or f.label):  # a table cell's paragraph is its table: the other rows name other things
        places.append((_NEAR, f"{f.before} {f.after}"))
    places.append((_OWN, rhs(statement)))
    return [(weights, text) for weights, text in places if text.strip()]


def words_score(statement, words: Sequence[str], places: list | None = None) -> float:
    """Each word at its nearest place; a label, heading or table counts once, by its best word."""
    places = places_of(statement) if places is None else places
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


def rhs(statement) -> str:
    sides = split_chain(LEAD.sub("", statement.text)) if "=" in statement.text else []
    return " ".join(sides[1:]) if len(sides) > 1 else statement.text
