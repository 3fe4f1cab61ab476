"""Sums written with an ellipsis: ``t_1 + t_2 + \\dots + t_n`` read as the ``Sum`` it abbreviates.

The front splits a side holding ``\\dots`` into its written terms
(:func:`ellipsis_terms`), parses each, and :func:`ellipsis_sum` finds the
general term and the bound, checked against every written term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy as sp

from ..errors import LatexParseError
from .normalise import split_top

__all__ = ["ellipsis_sum", "ellipsis_terms", "has_ellipsis"]

_DOTS = re.compile(r"\\(?:[lc]?dots|dotsb)(?![A-Za-z])")


def has_ellipsis(latex: str) -> bool:
    """True when the LaTeX holds ``\\dots`` (or ``\\cdots``, ``\\ldots``).

    >>> has_ellipsis(r"a_1 + \\cdots + a_n"), has_ellipsis(r"\\dotsc")
    (True, False)
    """
    return _DOTS.search(latex) is not None


def ellipsis_terms(latex: str) -> tuple[list[str], str]:
    """Split ``t_1 + t_2 + \\dots + t_n`` into ([t_1, t_2], t_n).

    >>> ellipsis_terms(r"a_1 + a_{2} + \\dots + a_n")
    (['a_1', 'a_{2}'], 'a_n')
    """
    terms = split_top(latex, "+")
    marks = [n for n, term in enumerate(terms) if _DOTS.fullmatch(term.strip())]
    if len(marks) != 1 or marks[0] == 0 or marks[0] != len(terms) - 2:
        raise LatexParseError(f"read an ellipsis only as 't_1 + t_2 + \\dots + t_n', not {latex!r}")
    return terms[: marks[0]], terms[-1]


def ellipsis_sum(first: Sequence[sp.Basic], last: sp.Basic, original: str = "") -> sp.Sum:
    """The ``Sum`` that ``first[0] + first[1] + ... + last`` abbreviates.

    The bound is the one symbol of ``last`` absent from ``first[0]``; the
    general term is ``last`` with the bound replaced by the summation index,
    and it must reproduce every written term.

    >>> a, m = sp.IndexedBase("alpha"), sp.Symbol("m", integer=True, positive=True)
    >>> ellipsis_sum([a[1], a[2]], a[m])
    Sum(alpha[j], (j, 1, m))
    """
    fresh = last.atoms(sp.Symbol) - first[0].atoms(sp.Symbol)
    if len(fresh) != 1:
        raise LatexParseError(
            f"cannot tell the bound of the ellipsis in {original!r}: the last term needs one new symbol"
        )
    bound = fresh.pop()
    taken = {s.name for s in last.atoms(sp.Symbol) | first[0].atoms(sp.Symbol)}
    name = next(n for n in ("j", "l", "q", "r", "t") if n not in taken)
    index = sp.Symbol(name, integer=True)
    general = last.xreplace({bound: index})
    for start in _starts(general, index, first[0]):
        if all(sp.expand(general.subs(index, start + n) - term) == 0 for n, term in enumerate(first)):
            return sp.Sum(general, (index, start, bound))
    raise LatexParseError(f"the written terms of {original!r} do not follow the pattern of its last term")


def _starts(general: sp.Basic, index: sp.Symbol, first: sp.Basic) -> list[sp.Basic]:
    """Values of the index at which the general term's subscripts match the first term's."""
    out = []
    for term in general.atoms(sp.Indexed):
        for written in first.atoms(sp.Indexed):
            if written.base == term.base and index in term.indices[0].free_symbols:
                out.extend(sp.solve(sp.Eq(term.indices[0], written.indices[0]), index))
    return [s for s in dict.fromkeys(out) if s.is_integer] or [sp.Integer(1)]
