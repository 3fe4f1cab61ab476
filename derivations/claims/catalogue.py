"""The catalogue: every formula of the report, and what accounts for it.

Every display (``$$...$$``) and inline (``$...$``) formula of the vendored
report is listed in order with its position (:func:`formulas`). Each one must
be accounted for (:func:`account`):

- by a claim whose ``source`` contains it (one formula, a chain, a table cell
  or a sentence holding it), or by claims whose sources tile it (a display
  holding two computations side by side, say);
- otherwise by the single table of non-claims, :data:`NON_CLAIMS`, each with
  its reason: notation, a fragment of a longer derivation, a repeat.

A source found at several places covers one place per claim that cites it,
in report order (the registry lists claims in report order): two claims with
the source ``32 \\times 32 \\times 8`` cover both table rows that show it, one
claim covers only the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..claim import Claim
from ..errors import BadInputError
from . import registry
from .vendored import report_text

__all__ = [
    "NON_CLAIMS",
    "Entry",
    "Formula",
    "NonClaim",
    "account",
    "counts",
    "formulas",
    "report_text",
]


# A display first, so that "$$" is never read as two empty inline formulas.
_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>.+?)\$", re.S)
# What may stand between the pieces of a formula that claims tile: spacing and list punctuation.
_SEPARATORS = re.compile(r"(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|[,;.])*")


@dataclass(frozen=True)
class Formula:
    """One formula of the report: its LaTeX (between the dollar signs, verbatim) and place."""

    number: int  # 1-based, in report order
    kind: Literal["display", "inline"]
    latex: str
    start: int  # offset of the LaTeX in the report text
    line: int

    @property
    def end(self) -> int:
        return self.start + len(self.latex)


@dataclass(frozen=True)
class NonClaim:
    """A formula that is not a claim, and why.

    ``occurrence`` picks one place (1-based, among the formulas written
    exactly ``latex``); ``None`` stands for every place no claim covers.
    """

    latex: str
    reason: str
    occurrence: int | None = None


@dataclass(frozen=True)
class Entry:
    """How one formula is accounted for: by claims, by a non-claim, or not at all."""

    formula: Formula
    claims: tuple[str, ...] = ()
    non_claim: NonClaim | None = None

    @property
    def status(self) -> Literal["claim", "non-claim", "unaccounted"]:
        if self.claims:
            return "claim"
        return "non-claim" if self.non_claim is not None else "unaccounted"


_NOTATION = "notation: names a symbol of the formula it explains; what the sentence says is prose"

# The single table of non-claims. Only what truly states nothing checkable by itself.
NON_CLAIMS: tuple[NonClaim, ...] = (
    NonClaim(r"\alpha", _NOTATION + " (the slope or scale alpha of an activation)"),
    NonClaim(r"\lambda", _NOTATION + " (the scale lambda of SELU)"),
    NonClaim(r"\Phi(x_{ij})", "notation: repeats the name of the CDF defined by the displays above it"),
    NonClaim(r"erf", "notation: the name of the Gauss error function, defined by the display after it"),
    NonClaim(r"Gauss Error Function", "notation: the English name of erf, written as math"),
    NonClaim(r"(k-1)", "fragment: the count of gaps of the kernel, the factor (k - 1) of RF_1 = k + (k - 1)(d - 1)"),
    NonClaim(r"(d-1)", "fragment: the holes per gap, the factor (d - 1) of RF_1 = k + (k - 1)(d - 1)"),
    NonClaim(r"k", "notation: the kernel size k of the formulas of Q2"),
    NonClaim(r"d", "notation: the dilation d of the formulas of Q2"),
    NonClaim(
        r"32 \times 32 \times 3",
        "notation: the input shape the question gives (the Input row of Q3), the premise of every row",
    ),
    NonClaim(r"z_2", "notation: names the pre-activation z_2, whose two paths the next displays write out"),
    NonClaim(r"m", "fragment: the number of terms of the sum for dL/dk_i above it"),
)


def formulas(text: str | None = None) -> tuple[Formula, ...]:
    """Every display and inline formula of ``text`` (the vendored report by default), in order.

    >>> [(f.kind, f.latex, f.line) for f in formulas("Let $k$ be odd:\\n$$RF_1 = k$$")]
    [('inline', 'k', 1), ('display', 'RF_1 = k', 2)]
    """
    text = report_text() if text is None else text
    if not isinstance(text, str):
        raise BadInputError(f"the report must be text (str), not {type(text).__name__}")
    out = []
    for number, match in enumerate(_MATH.finditer(text), start=1):
        kind = "display" if match.group("display") is not None else "inline"
        start = match.start(kind)
        out.append(Formula(number, kind, match.group(kind), start, text.count("\n", 0, start) + 1))
    return tuple(out)


def _occurrences(text: str, needle: str) -> list[int]:
    found, pos = [], text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def _claim_cover(text: str, found: Sequence[Formula], claims: Iterable[Claim]) -> dict[int, list[str]]:
    """Formula number -> ids of the claims that cover it (see the module docstring)."""
    by_source: dict[str, list[str]] = {}
    for claim in claims:
        if claim.source:
            by_source.setdefault(claim.source, []).append(claim.id)
    cover: dict[int, list[str]] = {f.number: [] for f in found}
    pieces: dict[int, list[tuple[int, int, str]]] = {f.number: [] for f in found}
    for source, ids in by_source.items():
        containers = []
        for start in _occurrences(text, source):
            end = start + len(source)
            inside = [f for f in found if start <= f.start and f.end <= end]
            if inside:
                containers.append(inside)
            else:
                pieces.update(
                    {
                        f.number: [*pieces[f.number], (start, end, ids[0])]
                        for f in found
                        if f.start <= start and end <= f.end
                    }
                )
        for position, inside in enumerate(containers[: len(ids)]):
            cited = ids[position:] if position == len(containers) - 1 else ids[position : position + 1]
            for formula in inside:
                cover[formula.number].extend(cited)
    for formula in found:
        if cover[formula.number] or not pieces[formula.number]:
            continue
        rest = list(formula.latex)
        for start, end, _ in pieces[formula.number]:
            rest[start - formula.start : end - formula.start] = " " * (end - start)
        if _SEPARATORS.fullmatch("".join(rest)):
            cover[formula.number] = sorted({cid for *_, cid in pieces[formula.number]})
    return cover


def account(
    text: str | None = None,
    claims: Iterable[Claim] | None = None,
    non_claims: Sequence[NonClaim] = NON_CLAIMS,
) -> tuple[Entry, ...]:
    """One entry per formula of the report: the claims or the non-claim that account for it.

    Claims default to every registered claim, the text to the vendored report.

    >>> from convproof.derivations.claim import Claim
    >>> text = "Kernel $k$: $$RF_1 = k$$"
    >>> claim = Claim(id="t.rf", where="Q2", source="RF_1 = k")
    >>> [(e.formula.latex, e.status) for e in account(text, [claim], [NonClaim("k", "notation")])]
    [('k', 'non-claim'), ('RF_1 = k', 'claim')]
    """
    text = report_text() if text is None else text
    if claims is None:
        claims = registry.all_claims()
    found = formulas(text)
    cover = _claim_cover(text, found, claims)
    places: dict[str, list[Formula]] = {}
    for formula in found:
        places.setdefault(formula.latex, []).append(formula)
    chosen: dict[int, NonClaim] = {}
    for entry in non_claims:
        same = places.get(entry.latex)
        if not same:
            raise BadInputError(f"the non-claim {entry.latex!r} is not a formula of the report; copy it verbatim")
        if entry.occurrence is not None and not 1 <= entry.occurrence <= len(same):
            raise BadInputError(
                f"the non-claim {entry.latex!r} names occurrence {entry.occurrence}, "
                f"but the report writes it {len(same)} time(s)"
            )
        for formula in same if entry.occurrence is None else [same[entry.occurrence - 1]]:
            if not cover[formula.number]:
                chosen.setdefault(formula.number, entry)
    return tuple(Entry(f, tuple(cover[f.number]), None if cover[f.number] else chosen.get(f.number)) for f in found)


def counts(entries: Sequence[Entry]) -> dict[str, int]:
    """Formulas, displays, inline ones, and how many are claims, non-claims, unaccounted.

    >>> counts(account("$$a$$ and $b$", [Claim(id="t.a", where="Q", source="a")], []))
    {'formulas': 2, 'display': 1, 'inline': 1, 'claim': 1, 'non-claim': 0, 'unaccounted': 1}
    """
    out = {"formulas": len(entries)}
    out.update({kind: sum(e.formula.kind == kind for e in entries) for kind in ("display", "inline")})
    out.update({status: sum(e.status == status for e in entries) for status in ("claim", "non-claim", "unaccounted")})
    return out
