r"""A report's own names for a formula's bound variables, read as the homework's names.

A sum's index (``\sum_{j=1}^{N}``), its upper limit and a function's argument
(``\mathrm{ReLU}(z) = \max(0, z)``) are names the writer picks: with ``j``, ``N`` and ``z``
the formula states exactly what it states with ``i``, ``n`` and ``x``. :func:`rename_like`
writes a formula with the names the homework's own formula for the same quantity uses, one
name for one name, and only where the new name does not already occur (a renaming that would
merge two names is not made). Nothing else is renamed: a name that means something (``\mu_B``
for a mean) is read only by a quantity that declares it (batch norm's standardisation); elsewhere it
stays unknown, and the formula is reported as not read. A left side
``f(z)`` whose right side also uses the homework's ``x`` is refused: that ``x`` is not its argument.

>>> rename_like(r"\frac{1}{N}\sum_{j=1}^{N} (y_j - \hat{y}_j)^2", r"\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2")
('\\frac{1}{n}\\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2', (('j', 'i'), ('N', 'n')))
>>> rename_like(r"\mathrm{ReLU}(z) = \max(0, z)", r"f(x) = \max(0, x)")[1]
(('z', 'x'),)
"""

from __future__ import annotations

import re

from ..errors import BadInputError
from ..latex.front import split_chain

__all__ = ["rename_like"]

_INDEX = (re.compile(r"\\sum_\{\s*([A-Za-z])\s*(?:=|\})"), re.compile(r"\\sum_([A-Za-z])(?![A-Za-z])"))
_LIMIT = re.compile(r"\\sum_(?:\{[^{}]*\}|[A-Za-z0-9])\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z])(?![A-Za-z]))")
_ARGUMENT = re.compile(r".*\(\s*([A-Za-z])\s*\)")


def _token(name: str) -> re.Pattern[str]:
    """The one-letter name as a token: not part of a command (``\\mu``) or of a longer word."""
    return re.compile(r"(?<![\\A-Za-z])" + re.escape(name) + r"(?![A-Za-z])")


def _index(text: str) -> str | None:
    return next((m.group(1) for pattern in _INDEX if (m := pattern.search(text))), None)


def _limit(text: str) -> str | None:
    match = _LIMIT.search(text)
    return (match.group(1) or match.group(2)) if match else None


def _argument(text: str) -> str | None:
    sides = split_chain(text) if "=" in text else []
    match = _ARGUMENT.fullmatch(sides[0].strip()) if len(sides) > 1 else None
    return match.group(1) if match else None


def rename_like(text: str, model: str, names_from: str | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with its sum index, sum limit and argument named as in ``model``, and the renamings made.

    ``names_from`` is the text whose names are read (the formula as the report writes it, when
    ``text`` is already rewritten); by default ``text`` itself.
    """
    names_from = text if names_from is None else names_from
    made: list[tuple[str, str]] = []
    for find in (_index, _limit, _argument):
        theirs, ours = find(names_from), find(model)
        if not theirs or not ours or theirs == ours:
            continue
        if _token(ours).search(names_from):
            if find is _argument:  # f(z) = ... x ...: its x is not its argument
                raise BadInputError(f"the left side names the argument {theirs}, but the formula also uses {ours}")
            continue  # a sum over j beside an i of its own: the names stay, and the parser says which it lacks
        text = _token(theirs).sub(ours, text)
        made.append((theirs, ours))
    return text, tuple(made)
